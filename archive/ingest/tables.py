"""Write tables so that each amount keeps its row and column as evidence, in the table's own unit:
"Grants to councils — 2024-25: £13.7 million" from a table headed "£ million"."""

from __future__ import annotations

import re

# Thousands grouped with commas, or the European way with (thin) spaces or points: 1 234 567.
_NUMBER = re.compile(
    r"^\(?-?(?:[£$€]|(?:EUR|GBP|USD)\s)?\s?"
    r"\d(?:[\d,]|[ \u00a0\u2009\u202f.](?=\d{3}(?!\d)))*(?:\.\d+)?\)?$"
)
_SIGNS = frozenset({"£", "$", "€", "US$", "A$", "EUR", "GBP", "USD"})
_YEARISH = re.compile(r"^(?:19|20)\d\d(?:[-/–]\d{2,4})?$")  # a column's year: 2024, 2024-25
# A table's unit, printed over it or in its corner: "£ million", "$ in millions", "£000", "£'000".
_UNIT = re.compile(
    r"(?P<cur>[£$€]|\b(?-i:EUR|GBP|USD))\s*(?:in\s+)?"
    r"(?:(?P<scale>millions?|mn|m|bn|billions?|thousands?|k)\b|(?P<k>'?000)(?!\d))",
    re.IGNORECASE,
)
# A unit without its currency, which the table's own cells then give: "(in millions)",
# "Dollars in thousands", "(thousands)".
_BARE_UNIT = re.compile(
    r"\((?:amounts\s+)?(?:in\s+)?(?P<scale>millions|thousands|billions)"
    r"(?:\s+of\s+(?P<word3>dollars|pounds|euros))?\)"
    r"|\b(?P<word>dollars|pounds|euros)\s+in\s+(?P<scale2>millions|thousands|billions)\b",
    re.IGNORECASE,
)
_WORD_SIGNS = {"dollars": "$", "pounds": "£", "euros": "€"}
_TRAILING_SIGN = re.compile(r"^(.*\d)\s+([$£])$")  # dollars and pounds go before their figure
_SIGNED = re.compile(r"[£$€]|EUR|GBP|USD")
_SCALES = {
    "m": "million",
    "million": "million",
    "millions": "million",
    "bn": "billion",
    "billion": "billion",
    "billions": "billion",
    "thousand": "thousand",
    "thousands": "thousand",
    "k": "thousand",
}


def table_unit(*texts: str) -> tuple[str, str] | None:
    """Find a table's unit in its caption or header: (currency sign, scale word)."""
    for text in texts:
        match = _UNIT.search(text or "")
        if match:
            scale = "thousand" if match["k"] else _SCALES[match["scale"].lower()]
            return match["cur"], scale
    return None


def bare_unit(rows: list[list[str]], *texts: str) -> tuple[str, str] | None:
    """Find a unit printed without its currency ("(in millions)") and take the currency from
    the words of the unit or the one sign the table's cells carry; none when there is none."""
    for text in texts:
        match = _BARE_UNIT.search(text or "")
        if not match:
            continue
        scale = _SCALES[(match["scale"] or match["scale2"]).lower()]
        word = match["word"] or match["word3"]
        if word:
            return _WORD_SIGNS[word.lower()], scale
        signs = {sign for row in rows for cell in row for sign in re.findall(r"[£$€]", cell)}
        return (signs.pop(), scale) if len(signs) == 1 else None
    return None


def column_units(rows: list[list[str]]) -> list[tuple[str, str] | None]:
    """Find each column's own unit in the heading rows over it ("Value (in millions)"), its
    currency from the column's heading or its own cells' signs: a column of counts under "(in
    thousands)" beside it stays counts."""
    heads = 0
    while heads < min(3, len(rows) - 1) and not any(
        _NUMBER.match(cell.strip()) and not _YEARISH.match(cell.strip()) for cell in rows[heads]
    ):
        heads += 1
    units: list[tuple[str, str] | None] = []
    spans = _spanned(rows[:heads])
    for at in range(len(rows[0]) if rows else 0):
        text = " ".join(row[at] for row in rows[:heads] if at < len(row)) + spans.get(at, "")
        column = [row[at : at + 1] for row in rows[heads:]]
        units.append(table_unit(text) or bare_unit(column, text) if text else None)
    return units


def _spanned(heads: list[list[str]]) -> dict[int, str]:
    """Give each column the heading cells spanning it from the left: a cell drawn over several
    columns ("Assets Liabilities / $'000 $'000") is read into the first, the rest left empty,
    and its unit is theirs too."""
    spans: dict[int, str] = {}
    for row in heads:
        for at, cell in enumerate(row):
            if not cell.strip():
                continue
            after = at + 1
            while after < len(row) and not row[after].strip():
                spans[after] = spans.get(after, "") + " " + cell
                after += 1
    return spans


def merge_split_columns(rows: list[list[str]]) -> list[list[str]]:
    """Join two neighbouring columns that never both hold a cell in a row: one column drawn as
    two, its heading over one half and its figures under the other ("Signed TA (EURm)" over
    6.19 one grid line to the left)."""
    if not rows or len(rows[0]) < 3:
        return rows
    rows = [list(row) for row in rows]
    at = 1
    while at < len(rows[0]) - 1 and len(rows[0]) > 2:
        apart = all(not (row[at].strip() and row[at + 1].strip()) for row in rows)
        if apart and any(row[at].strip() for row in rows) and any(r[at + 1].strip() for r in rows):
            for row in rows:
                row[at : at + 2] = [(row[at].strip() or row[at + 1].strip())]
        else:
            at += 1
    return rows


def join_signs(rows: list[list[str]]) -> list[list[str]]:
    """Join a currency sign standing in a cell of its own to the figure beside it: "$ | 1,234"
    is $1,234 (the sign after the figure too, as European tables print it: "1 234 | €")."""
    out = []
    for row in rows:
        cells = list(row)
        # "46,059 $ | 98.92 $ | 99.16": each sign is the next column's (rightmost moved first)
        for at in range(len(cells) - 2, -1, -1):
            moved = _TRAILING_SIGN.match(cells[at].strip())
            if moved and _NUMBER.match(cells[at + 1].strip()) and not _SIGNED.search(cells[at + 1]):
                cells[at], cells[at + 1] = moved[1], f"{moved[2]}{cells[at + 1].strip()}"
        for at, cell in enumerate(cells):
            sign = cell.strip()
            if sign not in _SIGNS:
                continue
            after = next((i for i in range(at + 1, len(cells)) if cells[i].strip()), None)
            before = next((i for i in range(at - 1, -1, -1) if cells[i].strip()), None)
            if after is not None and _NUMBER.match(cells[after].strip()):
                figure = cells[after].strip()
                negative = figure.startswith("(")
                figure = figure.strip("()")
                gap = " " if sign.isalpha() else ""
                cells[after] = f"({sign}{gap}{figure})" if negative else f"{sign}{gap}{figure}"
                cells[at] = ""
            elif before is not None and _NUMBER.match(cells[before].strip()):
                cells[before] = f"{cells[before].strip()} {sign}"
                cells[at] = ""
        out.append(cells)
    # the signs' own columns, now empty, would keep the header from reading as one
    keep = [at for at in range(len(out[0]) if out else 0) if any(row[at] for row in out)]
    if len(keep) == len(out[0] if out else []) or len(keep) < 2:
        return out
    return [[row[at] for at in keep] for row in out]


def apply_unit(
    rows: list[list[str]],
    unit: tuple[str, str] | None,
    columns: list[tuple[str, str] | None] | None = None,
) -> list[list[str]]:
    """Write each bare number of the table in its unit: 13.7 under "£ million" is £13.7 million;
    a column's own unit (columns) wins over the table's."""
    if not unit and not any(columns or ()):
        return rows
    # a table whose heads were read apart (as a heading over it) starts with a row of figures
    out = [rows[0]] if is_header(rows[0]) else []
    for row in rows[len(out) :]:
        cells = []
        for at, cell in enumerate(row):
            own_unit = columns[at] if columns and at < len(columns) else None
            if not (own_unit or unit):
                cells.append(cell)
                continue
            sign, scale = own_unit or unit  # type: ignore[misc]
            bare = cell.strip()
            own = re.search(r"[£$€]|EUR|GBP|USD", bare)
            if _NUMBER.match(bare) and not _YEARISH.match(bare) and (not own or own[0] == sign):
                # a figure in parentheses is a negative one, as money tables print it
                negative = bare.startswith(("-", "(")) and bare != "0"
                bare = bare.strip("()-").replace(sign, "").strip()
                cell = f"{'-' if negative else ''}{sign}{bare} {scale}"
            cells.append(cell)
        out.append(cells)
    return out


def is_header(row: list[str]) -> bool:
    """A header row names its columns: words or years, no amounts."""
    filled = [cell for cell in row if cell]
    return len(filled) >= max(2, len(row) - 1) and not any(
        _NUMBER.match(cell) and not _YEARISH.match(cell) or re.search(r"[£$€]\s?\d", cell)
        for cell in filled
    )


def table_rows(rows: list[list[str]], escape) -> str:
    """Write a table as a list, one row an item: "Row label — Column: cell; Column: cell"."""
    header, *rest = rows
    has_header = bool(rest) and is_header(header)
    labelled = has_header and all(not row[0] or not _NUMBER.match(row[0]) for row in rest)
    lines = []
    for row in rest if has_header else rows:
        heads = header if has_header else [""] * len(row)
        cells = [(head, cell) for head, cell in zip(heads, row) if cell]
        label = ""
        if labelled and row[0] and len(row) >= 2:
            label, cells = row[0], [(h, c) for h, c in zip(heads[1:], row[1:]) if c]
        item = "; ".join(f"{head}: {cell}" if head else cell for head, cell in cells)
        item = f"{label} — {item}" if label and item else label or item
        # A full stop ends each row's sentence, so an amount's sentence is its own row.
        lines.append("- " + escape(item if re.search(r"[.!?:;][\"”’')\]]*$", item) else item + "."))
    return "\n".join(lines)


def carry_headers(pages: list[tuple[int, list]]) -> None:
    """Give a table its header and unit: one that runs on over a page break takes the page before's;
    the unit printed over a table (or in its header) is applied to its bare numbers."""
    last: tuple[list[str], tuple[str, str] | None] | None = None
    for _, items in pages:
        caption = ""
        # A caption's unit may stand a line or two over the table: "Table 1. Funding" /
        # "($ in millions)" / the columns' heads read as a heading.
        over: list[str] = []
        for at, item in enumerate(items):
            if not isinstance(item, list):
                caption = getattr(item, "text", "")
                over = [caption, *over][:3] if len(caption.split()) <= 15 else []
                continue
            if not table_unit(caption) and not bare_unit(item, caption):
                caption = next((t for t in over if table_unit(t) or bare_unit(item, t)), caption)
            rows = merge_split_columns(join_signs(item))
            columns = column_units(rows)
            if is_header(rows[0]):
                head = "" if any(columns) else " ".join(rows[0])
                unit = table_unit(caption, head) or bare_unit(rows, caption, head)
                if not unit and last and last[0] == rows[0]:
                    unit = last[1]  # the header repeated on the next page, the unit not
                last = (rows[0], unit)
            elif last and len(last[0]) == len(rows[0]) and at <= 1:
                rows = [last[0], *rows]  # the table runs on from the page before
                unit = last[1]
            else:
                unit = table_unit(caption) or bare_unit(rows, caption)
            items[at] = apply_unit(rows, unit, columns)
            caption, over = "", []
