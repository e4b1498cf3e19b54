"""Tables without rules, found from where their cells stand: short cells with figures among them,
in rows lined up under columns; each is taken out of the page as one block before columns are
found."""

from __future__ import annotations

from collections.abc import Callable

from archive.ingest.frags import Frag, Word
from archive.ingest.frags import rows as _rows
from archive.ingest.frags import strips as _strips


def _cells(strip: list[Frag], box: Callable[[Frag], int]) -> bool:
    """A strip that reads as a table's row: one baseline of short cells, figures among them, all
    inside one drawn box or all outside any."""
    rows = _rows(strip)
    return (
        len(rows) == 1
        and len({box(f) for f in strip}) == 1
        and len(strip) >= 2
        and all(len(f.words) <= 5 for f in strip)
        and any(any(c.isdigit() for c in f.text) for f in strip)
    )


def _continues(strip: list[Frag], above: list[Frag]) -> bool:
    """A strip of words with no figures set close under figures of the row above, each under one,
    fewer than its cells: the second lines of cells wrapped in narrow columns ("£1.2" /
    "million")."""
    if not above or len(_rows(strip)) != 1:
        return False
    size = max(f.size for f in strip) or 10.0
    return (
        all(len(f.words) <= 3 and not any(c.isdigit() for c in f.text) for f in strip)
        and min(f.top for f in strip) - max(f.bottom for f in above) < 0.5 * size
        # under a figure: a scale word or unit wraps; words under words are the page's text
        and all(
            any(f.x0 < a.x1 and f.x1 > a.x0 and any(c.isdigit() for c in a.text) for a in above)
            for f in strip
        )
        and len(strip) < len(above)
    )


def find_tables(
    frags: list[Frag],
    ruled: dict[int, list[list[str]]],
    body: float,
    box: Callable[[Frag], int] = lambda frag: -1,
) -> list[Frag]:
    """Take unruled tables out first as blocks, so their columns are not read as the page's; box
    tells which drawn box holds a fragment (-1 for none)."""
    strips = _strips(frags)
    out: list[Frag] = []
    at = 0
    while at < len(strips):
        end = at
        while end < len(strips) and (
            _cells(strips[end], box) or (end > at and _continues(strips[end], strips[end - 1]))
        ):
            end += 1
        if sum(_cells(s, box) for s in strips[at:end]) < 2:
            out.extend(strips[at])
            at += 1
            continue
        run = strips[at:end]
        head = (
            out[-len(strips[at - 1]) :]
            if at and len(strips[at - 1]) >= 2 and all(len(f.words) <= 5 for f in strips[at - 1])
            else []
        )
        lines = ([head] if head else []) + run
        rows: list[list[Frag]] = []
        for number, line in enumerate(lines):
            cells = sorted(line, key=lambda f: f.x0)
            # a cell's second line ("£1.2" / "million") reads after its first, in its cell
            if rows and _continues(line, lines[number - 1]):
                rows[-1] = rows[-1] + cells
            else:
                rows.append(cells)
        found = table(rows)
        if len(found[0] if found else []) < 2:
            out.extend(f for s in run for f in s)
        else:
            if head:
                del out[-len(head) :]
            members = [f for row in rows for f in row]
            ruled[id(found)] = found
            out.append(
                Frag(
                    [
                        Word(
                            f"\x00{id(found)}",
                            min(f.x0 for f in members),
                            max(f.x1 for f in members),
                            min(f.top for f in members),
                            max(f.bottom for f in members),
                            body or 10.0,
                        )
                    ]
                )
            )
        at = end
    return out


def table(rows: list[list[Frag]]) -> list[list[str]]:
    """Line up each row's cells under the table's columns, found from where cells stand."""
    spans: list[list[float]] = []
    for row in rows:
        for frag in row:
            for span in spans:
                if frag.x0 < span[1] and frag.x1 > span[0]:
                    span[0], span[1] = min(span[0], frag.x0), max(span[1], frag.x1)
                    break
            else:
                spans.append([frag.x0, frag.x1])
    spans.sort()
    merged: list[list[float]] = []
    for span in spans:  # cells that came to overlap as their column grew
        if merged and span[0] < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span[1])
        else:
            merged.append(span)
    spans = merged
    if len(spans) < 2:
        return []
    table = []
    for row in rows:
        cells = [""] * len(spans)
        for frag in row:
            at = next((i for i, s in enumerate(spans) if frag.x0 < s[1] and frag.x1 > s[0]), 0)
            cells[at] = f"{cells[at]} {frag.text}".strip()
        table.append(cells)
    return table
