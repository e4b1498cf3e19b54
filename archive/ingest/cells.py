"""Tables without rules, found from where their cells stand: short cells with figures among them,
in rows lined up under columns; each is taken out of the page as one block before columns are
found."""

from __future__ import annotations

import re
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
            _cells(strips[end], box)
            or _wrapped(strips[end], box)
            or (end > at and _continues(strips[end], strips[end - 1]))
            or (end > at and label_goes_on(strips[end], _rows(strips[end - 1])[0]) is not None)
        ):
            end += 1
        if sum(_cells(s, box) or _wrapped(s, box) for s in strips[at:end]) < 2:
            out.extend(strips[at])
            at += 1
            continue
        run = strips[at:end]
        left = min(f.x0 for s in run for f in s)
        head = (
            out[-len(strips[at - 1]) :]
            if at
            and len(strips[at - 1]) >= 2
            and all(len(f.words) <= 5 for f in strips[at - 1])
            # over the table's columns, not a line of the column beside it
            and all(f.x0 >= left - 3 for f in strips[at - 1])
            else []
        )
        lines = ([head] if head else []) + run
        rows: list[list[Frag]] = []
        for number, line in enumerate(lines):
            cells = sorted(line, key=lambda f: f.x0)
            # a cell's second line ("£1.2" / "million") reads after its first, in its cell
            wrapped = wrapped_row(line)
            whole = label_goes_on(line, rows[-1]) if rows else None
            if rows and _continues(line, lines[number - 1]):
                rows[-1] = rows[-1] + cells
            elif whole:  # a label's last line on a strip of its own
                rows[-1] = whole
            elif wrapped:  # a label over two lines, its figures beside them
                rows.append(wrapped)
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
    rows = [_split_figures(row) for row in rows]
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


def _wrapped(strip: list[Frag], box: Callable[[Frag], int]) -> bool:
    return len({box(f) for f in strip}) == 1 and wrapped_row(strip) is not None


def wrapped_row(strip: list[Frag]) -> list[Frag] | None:
    """A table's row whose label runs over two or three lines, its figures on one baseline beside
    them ("Court of Appeals for the Federal" / "Circuit", "$36.7 $38.7" set between): one row,
    the label's lines joined in its first cell; None when the strip is no such row."""
    lines = _rows(strip)
    if not 2 <= len(lines) <= 3:
        return None
    left = min(f.x0 for f in strip)
    label = sorted((f for f in strip if abs(f.x0 - left) < 3), key=lambda f: f.top)
    rest = [f for f in strip if f not in label]
    if (
        len(label) < 2
        or not rest
        or len(_rows(rest)) != 1
        or any(len(f.words) > 6 for f in strip)
        or not all(any(c.isdigit() for c in f.text) for f in rest)
        or min(f.x0 for f in rest) <= max(f.x1 for f in label)
        or any(any(c.isdigit() for c in f.text) for f in label[1:])
    ):
        return None
    return [_joined(label), *sorted(rest, key=lambda f: f.x0)]


def label_goes_on(strip: list[Frag], row: list[Frag]) -> list[Frag] | None:
    """A row's label whose last line stands on a strip of its own, close under the label and no
    figures ("Cooperative Endangered  22.2  0.0" / "Species Conservation Fund"): the row with its
    label whole; None when the strip is no such line (a row's own gap is wider)."""
    if len(strip) != 1 or len(row) < 2:
        return None
    line, label = strip[0], row[0]
    size = line.size or 10.0
    if (
        len(line.words) > 6
        or any(c.isdigit() for c in line.text)
        # a money row's: figures beside the label; a label of three lines at most
        or not all(any(c.isdigit() for c in f.text) for f in row[1:])
        or label.bottom - label.top > 2.5 * (label.size or size)
        or abs(line.x0 - label.x0) >= 3
        or not 0 <= line.top - max(f.bottom for f in row) < 0.5 * size
    ):
        return None
    return [_joined([label, line]), *row[1:]]


def _joined(label: list[Frag]) -> Frag:
    """A label's lines as one cell, its words read in line order."""
    words = [w for f in label for w in f.words]
    joined = Word(
        " ".join(f.text for f in label),
        min(w.x0 for w in words),
        max(w.x1 for w in words),
        min(w.top for w in words),
        max(w.bottom for w in words),
        label[0].size,
        label[0].bold,
    )
    return Frag([joined], label[0].role)


_FIGURE = re.compile(r"[(\u2212\-]?[$£€]?\d[\d,.]*%?\)?")


def _split_figures(row: list[Frag]) -> list[Frag]:
    """Figures side by side read as one fragment ("$8,816.3 $9,202.0", the gap between columns
    narrow) are one cell each: a cell holds one figure."""
    out: list[Frag] = []
    for frag in row:
        # each a whole figure: "1 250" is one figure with its thousands spaced
        if len(frag.words) >= 2 and all(
            _FIGURE.fullmatch(w.text) and re.search(r"[$£€.,%]", w.text) for w in frag.words
        ):
            out.extend(Frag([w], frag.role) for w in frag.words)
        else:
            out.append(frag)
    return out
