"""Write tables so that each amount keeps its row and column as evidence, in the table's own unit:
"Grants to councils — 2024-25: £13.7 million" from a table headed "£ million"."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^\(?-?[£$€]?\s?\d[\d,]*(?:\.\d+)?\)?$")
_YEARISH = re.compile(r"^(?:19|20)\d\d(?:[-/–]\d{2,4})?$")  # a column's year: 2024, 2024-25
# A table's unit, printed over it or in its corner: "£ million", "$ in millions", "£000", "£'000".
_UNIT = re.compile(
    r"(?P<cur>[£$€])\s*(?:in\s+)?(?:(?P<scale>millions?|m|bn|billions?|thousands?|k)\b|(?P<k>'?000)(?!\d))",
    re.IGNORECASE,
)
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


def apply_unit(rows: list[list[str]], unit: tuple[str, str] | None) -> list[list[str]]:
    """Write each bare number of the table in its unit: 13.7 under "£ million" is £13.7 million."""
    if not unit:
        return rows
    sign, scale = unit
    out = [rows[0]]
    for row in rows[1:]:
        cells = []
        for cell in row:
            bare = cell.strip()
            if _NUMBER.match(bare) and not _YEARISH.match(bare) and not re.search(r"[£$€]", bare):
                negative = bare.startswith(("-", "(")) and bare != "0"
                bare = bare.strip("()-")
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
        for at, item in enumerate(items):
            if not isinstance(item, list):
                caption = getattr(item, "text", "")
                continue
            rows = item
            if is_header(rows[0]):
                unit = table_unit(caption, " ".join(rows[0]))
                if not unit and last and last[0] == rows[0]:
                    unit = last[1]  # the header repeated on the next page, the unit not
                last = (rows[0], unit)
            elif last and len(last[0]) == len(rows[0]) and at <= 1:
                rows = [last[0], *rows]  # the table runs on from the page before
                unit = last[1]
            else:
                unit = table_unit(caption)
            items[at] = apply_unit(rows, unit)
            caption = ""
