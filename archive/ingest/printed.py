"""A date printed on a paper's first pages, in any common form: "10 April 2013", "23rd of July,
2025", "April 2013", "Spring 2019", "2019/20", "Date: 25/04/2013"; a month misspelt by a letter."""

from __future__ import annotations

import re

MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTHS_SHORT = {m[:3] for m in MONTHS}
_MONTH = r"(?P<month>" + "|".join(MONTHS) + r"|" + "|".join(m[:3] for m in MONTHS) + r"|sept)\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# a cover's "2015", "Report 2015"; not the end of a span, "Budget 2016 to 2017"
_COVER_YEAR = re.compile(r"^(?:[A-Z][^\W\d]*(?: [^\W\d]+){0,4}\s)?(?P<year>(?:19|20)\d\d)$")
# a word before a year (and perhaps a day) that may be a misspelt month ("Febuary 2011")
_MONTHISH = re.compile(
    r"\b(?P<word>[A-Za-z]{4,10})(?=\.?,?\s+(?:[0-3]?\d(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\b)"
)
_PRINTED = [  # (precision, pattern): the most precise date printed wins, then the first
    # a memorandum's "Date: 2013-04-10", "DATE: 10/04/2013" (figures only after a label)
    (
        3,
        re.compile(
            r"\b(?:date[ds]?|issued|published|updated)\s*:?\s*"
            r"(?:(?P<iy>(?:19|20)\d\d)-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)"
            r"|(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<ny>(?:19|20)\d\d))\b",
            re.I,
        ),
    ),
    # "10 April 2013", "23rd of July, 2025" (an Act's "[Certified on 23rd of July, 2025]")
    (
        3,
        re.compile(
            rf"\b(?P<day>[0-3]?\d)(?:(?:st|nd|rd|th)(?:\s+of)?)?\s+{_MONTH},?\s+{_YEAR}\b", re.I
        ),
    ),
    (3, re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,\s+{_YEAR}\b", re.I)),
    (2, re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I)),
    (1, re.compile(rf"\b(?P<season>spring|summer|autumn|winter|fall)\s+{_YEAR}\b", re.I)),
    (0, re.compile(r"(?<![\d/-])(?P<year>(?:19|20)\d\d)[/–-](?P<next>\d\d)(?![\d/-])")),
    (1, _COVER_YEAR),
]
_LABEL = re.compile(
    r"\b(?:published|issued|dated?|updated|briefing|presented|ordered|report|certified)\b", re.I
)


def printed_date(blocks: list[str], least: int = 0) -> tuple[str, str] | None:
    """Find the date printed on a paper's first pages: ISO date (as precise as printed), words;
    only one printed at least to the month (2) or day (3) if asked."""
    best: tuple[int, int, str, str] | None = None
    # A table's row ("- 1309 S. Mary Avenue — April 6, 2016: 7:30 a.m.") is read cell by cell:
    # a date standing in a cell of its own is printed as the paper's date, as on a line.
    # Only a day or a month counts so: a year or "2024-25" in a cell is a column's heading.
    cells = [
        [(block, False)]
        + [
            (cell, True)
            for cell in (
                re.split(r" — |; |: ", block[2:])
                if block.startswith("- ") and " — " in block
                else []
            )
        ]
        for block in blocks
    ]
    prose = False  # a paragraph of running text read: a cover's lone year lies before it
    for order, (block, cell) in enumerate(b for row in cells for b in row):
        block = mend_months(block)
        words = len(block.split())
        prose = prose or (words >= 25 and block.rstrip().endswith((".", ".)", '."')))
        if not block or words > 40:
            continue
        for precision, pattern in _PRINTED:
            if precision < least or (prose and pattern is _COVER_YEAR):
                continue  # after the text has begun, a year alone is a caption's or a chart's
            for match in pattern.finditer(block):
                # A date in a line of its own, or after "Published", "Briefing": not one in a
                # sentence of text.
                # A sentence of text (a full stop at its end) names dates it is about, not its own.
                sentence = words > 14 or (words > 6 and block.rstrip().endswith("."))
                if sentence and not _LABEL.search(
                    block[max(0, match.start() - 40) : match.start()]
                ):
                    continue
                iso = _iso(match, precision)
                # figures read only to the year ("04/05/2013": which is the month?) rank as a year
                got = 1 if iso and precision == 3 and len(iso) == 4 else precision
                if cell and got < 2 or got < least:
                    continue
                if iso and (best is None or got > best[0]):
                    best = (got, order, iso, block if len(block) <= 120 else match.group())
            if best and best[0] == precision:
                break
    return (best[2], best[3]) if best else None


def mend_months(text: str) -> str:
    """Spell a month misspelt before a year by one letter ("Febuary 2011") as the month."""

    def month(match: re.Match[str]) -> str:
        word = match["word"]
        lower = word.lower()
        if lower in MONTHS or lower in _MONTHS_SHORT or lower == "sept":
            return word
        for name in MONTHS:
            # five letters at least: a month of four ("June") is one letter from many words
            # and a month of five only by a letter left out, put in or swapped: "Marsh 2014"
            # is a name cited
            near = _one_edit(lower, name) and (
                len(name) > 5 or len(lower) != 5 or _swapped(lower, name)
            )
            if len(name) >= 5 and name[0] == lower[0] and near:
                return name.capitalize() if word[0].isupper() else name
        return word

    return _MONTHISH.sub(month, text)


def _one_edit(a: str, b: str) -> bool:
    """Say whether a is b with one letter left out, put in, changed or two swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _swapped(a: str, b: str) -> bool:
    """Say whether a is b with two letters side by side swapped."""
    return sorted(a) == sorted(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 2


def _iso(match: re.Match[str], precision: int) -> str | None:
    groups = match.groupdict()
    if groups.get("iy") or groups.get("ny"):
        return _figures(match)
    year = int(match["year"])
    if precision == 0 and int(match["next"]) != (year + 1) % 100:
        return None  # "2019/20" is a financial year; "2019-07" is not
    if precision < 2:
        return str(year)
    month = next(
        i for i, m in enumerate(MONTHS, 1) if m.startswith(match["month"].lower().rstrip("."))
    )
    if precision == 2:
        return f"{year}-{month:02d}"
    import calendar

    day = int(match["day"])
    return (
        f"{year}-{month:02d}-{day:02d}" if 1 <= day <= calendar.monthrange(year, month)[1] else None
    )


def _figures(match: re.Match[str]) -> str | None:
    """A date in figures after a label: ISO, or day and month in either order when one of them
    cannot be a month ("25/04/2013", "04/25/2013"); when both could be, only the year is sure."""
    import calendar

    if match["iy"]:
        year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
    else:
        year, a, b = int(match["ny"]), int(match["a"]), int(match["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        else:
            return str(year) if min(a, b) >= 1 else None
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year}-{month:02d}-{day:02d}"
