"""Keep an attached letter's or telex's heading and address out of the text, and its words in."""

from __future__ import annotations

import re

from archive.ingest.furniture import DATE, prose

# "TELEX TO PRIME MINISTER FROM MR. WRAN. 30TH NOVEMBER, 1977.", "Text of a letter from ... to ...":
# what the letter is, who wrote it to whom, and when. A scan may glue a stray mark to its start.
_HEADING = re.compile(
    rf"^\S{{0,2}}\s*(?:text\s+of\s+(?:an?\s+|the\s+)?)?(?:telex|letter|message|cable|telegram)\s*[;:,.]?\s*"
    rf"(?:from|to)\b[^\n]{{0,100}}?(?:{DATE}[.,:]?|$)",
    re.IGNORECASE,
)
_ADDRESS_WORDS = (
    10  # an address line: "THE RT HON J. M. FRASER, M. P.," / "PRIME MINISTER OF THE COMMONWEALTH,"
)
_PLACE = re.compile(
    r"^[A-Z][A-Za-z~' -]{2,30}\.\s+(?=\S)"
)  # "CANBERRA. YOU WILL BE AWARE ...": the address's last line
_HEADING_WORDS = 16


def attached_letters(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop the heading and address of each letter, telex or message quoted in a release."""
    kept: list[str] = []
    dropped: list[str] = []
    address = False  # lines of the address go on until the letter's first words
    for line in lines:
        if not line:
            kept.append(line)
            continue
        heading = _HEADING.match(line)
        if (
            heading
            and len(heading.group().split()) <= _HEADING_WORDS
            and (heading.end() < len(line) or not _lower_case(line))
        ):
            dropped.append(heading.group().strip())
            line = line[heading.end() :].strip()
            address = not line
            if line:
                kept.append(line)
            continue
        short = len(line.split()) <= _ADDRESS_WORDS
        if address and short and line.endswith(",") and not _lower_case(line):
            dropped.append(line)
            continue
        if address:
            place = _PLACE.match(line)
            if place:
                dropped.append(place.group().strip())
                line = line[place.end() :]
            address = False
        kept.append(line)
    return kept, dropped


def _lower_case(line: str) -> bool:
    """Tell a line of running text in lower case from a heading in capitals."""
    words = line.split()
    return sum(1 for w in words if w[:1].islower()) >= 3


# An address's marks: a state and its postcode ("CANBERRA ACT 2600", "Mdboumo, ViC, 3( It("),
# Parliament House, "the Rt Hon" of the addressee.
_ADDRESS_MARK = re.compile(
    r"\bparliament\s+house\b|\brt\.?\s+hon\b",
    re.IGNORECASE,
)
_POSTCODE = re.compile(  # in capitals: "Act 1986" is a law's year
    r"\b(?:A\.?\s?C\.?\s?T|N\.?\s?S\.?\s?W|V[Ii][Cc]|Q[Ll][Dd]|T[Aa][Ss])\b[\s,.-]{0,3}"
    r"(?:\d{4}\b(?![.,]\d)|\d\()"
)
_AMOUNT = re.compile(
    r"[$£]|\bmillion\b|\d[.,]\d", re.IGNORECASE
)  # a table of figures, not an address
_DATE_LINE = re.compile(rf"^\W*{DATE}\W*$", re.IGNORECASE)
# The letter's own words: "Dear Sir," ("Ower Prime Minotern" scanned), "My Dear Prime Minister,",
# "Yours sincerely,"
_SALUTATION = re.compile(
    r"^\W{0,3}(?:my\s+)?d\w{1,3}r\s+\S|^\W{0,3}(?:yours\b|your\s+(?:excellency|honour)\b)",
    re.IGNORECASE,
)
# An address's line may be as long as a sentence's: "Governor-General of the Commonwealth of ..."
_SMALL_WORDS = {"of", "the", "and", "for", "to", "in", "on", "at"}
_BLOCK_WORDS = 8
_BLOCK_LINES = 9
_ENDED = re.compile(r"[.!?:\"”)]\s*$")


def address_blocks(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop an attached letter's letterhead and address: short lines between prose, with an address.

    A run of two or more short lines that are not running text, after prose, holding an address's
    marks (a postcode, or Parliament House or "the Rt Hon" with a date line or a salutation after)
    is the head of a letter the release attaches. The salutation is the letter's: it stays.
    """
    nonblank = [i for i, line in enumerate(lines) if line]
    drop: set[int] = set()
    n = 0
    while n < len(nonblank):
        first = lines[nonblank[n]]
        if first[:1].islower() and _ENDED.search(first):
            n += 1  # "reply.": a sentence's last words, wrapped; an address may follow
            continue
        run: list[int] = []
        while (
            n + len(run) < len(nonblank)
            and len(lines[nonblank[n + len(run)]].split()) <= _BLOCK_WORDS
            and not _running(lines[nonblank[n + len(run)]])
        ):
            run.append(nonblank[n + len(run)])
        after = nonblank[n + len(run)] if n + len(run) < len(nonblank) else None
        if (
            2 <= len(run) <= _BLOCK_LINES  # a letterhead and an address; a longer run is a program
            and n > 0
            # prose before, its sentence ended (on a short last line: "... the Governor-General's" /
            # "reply."), and no line goes on with one
            and (prose(lines[nonblank[n - 1]]) or (n > 1 and prose(lines[nonblank[n - 2]])))
            and _ENDED.search(lines[nonblank[n - 1]])
            and not any(lines[i][:1].islower() for i in run)
            and not (after is not None and lines[after][:1].islower())
            and _addressed(
                [lines[i] for i in run], after is not None and _SALUTATION.match(lines[after])
            )
        ):
            drop.update(i for i in run if not _SALUTATION.match(lines[i]))
        n += len(run) or 1
    return [line for i, line in enumerate(lines) if i not in drop], [lines[i] for i in sorted(drop)]


def _running(line: str) -> bool:
    """Tell running text from an address's line: three words in lower case beside the small ones."""
    words = line.split()
    lower = [w for w in words if w[:1].islower() and w.lower() not in _SMALL_WORDS]
    return prose(line) and len(lower) >= 3


def _addressed(block: list[str], saluted: object) -> bool:
    if any(_AMOUNT.search(line) for line in block):
        return False
    if any(_POSTCODE.search(line) for line in block):
        return True
    marked = any(_ADDRESS_MARK.search(line) for line in block)
    return marked and bool(saluted or any(_DATE_LINE.match(line) for line in block))
