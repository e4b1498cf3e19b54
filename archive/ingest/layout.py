"""Put a page's words in reading order from their positions: columns read one after another,
tables kept as rows, boxed text, captions and footnotes set apart from the running text.

The page is cut into strips where no word overlaps another vertically; a column gutter is a gap
that runs down several strips with text of several words a line on both sides (cells of a table
hold a word or two and are kept as rows). Regions above, beside and below a gutter are read in
turn (a recursive XY cut), so full-width titles, two or three columns and a sidebar come out in
order. Works on any source of positioned words: a PDF's text layer or OCR.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from archive.ingest.cells import find_tables, label_goes_on, table, wrapped_row
from archive.ingest.frags import ROLE_BODY, Frag, Word, fragments
from archive.ingest.frags import rows as _rows
from archive.ingest.frags import strips as _strips
from archive.ingest.regions import (
    ROLE_ASIDE,
    ROLE_NOTE,
    SMALL,
    bands,
    captions,
    column_notes,
    margins,
    mark_notes,
)


@dataclass
class Laid:
    """A page in reading order: lines (fragments on one baseline) and tables (their rows)."""

    lines: list[list[Frag] | list[list[str]]] = field(default_factory=list)  # a table is its rows


def _free(strip: list[Frag], x: float) -> tuple[float, float] | None:
    """The widest span around x that no fragment of the strip covers, or None if x is covered."""
    left, right = -1e9, 1e9
    for frag in strip:
        if frag.x0 <= x <= frag.x1:
            return None
        if frag.x1 < x:
            left = max(left, frag.x1)
        else:
            right = min(right, frag.x0)
    return left, right


def _median(counts: list[int]) -> float:
    return statistics.median(counts) if counts else 0.0


def _gutter(strips: list[list[Frag]], gap: float) -> tuple[int, int, float, bool] | None:
    """Find the column gutter running down the most strips: (first strip, last strip, x, whether
    its left side is a column of side headings)."""
    best: tuple[int, int, int, float, bool] | None = None
    tried: set[tuple[int, int]] = set()
    for start, strip in enumerate(strips):
        ordered = sorted(strip, key=lambda f: f.x0)
        for a, b in zip(ordered, ordered[1:]):
            if b.x0 - a.x1 < gap or (start, round(a.x1)) in tried:
                continue
            tried.add((start, round(a.x1)))
            span = _run(strips, start, (a.x1, b.x0), gap)
            if span and (best is None or span[2] > best[2]):
                best = span
    return (best[0], best[1], best[3], best[4]) if best else None


def _spanning(strips: list[list[Frag]], at: int, x: float) -> bool:
    """A heading set across the columns: larger type on one side only, and nothing on the other
    side in the strips just above and below it (a heading within a column has the other column's
    lines beside it)."""
    strip = strips[at]
    # the text's own size, counted by word: a chart's many one-word labels are not the text
    sizes = [f.size for s in strips for f in s for _ in f.words]
    if not sizes or min(f.size for f in strip) < 1.1 * statistics.median(sizes):
        return False
    sides = {f.x1 <= x for f in strip}
    if len(sides) != 1:
        return False
    other = not sides.pop()
    # In clearly larger type, a line with nothing beside it across the gutter is set across the
    # columns (a heading spanning them, short as it may be): a column's own heading has the other
    # column's lines beside it.
    if min(f.size for f in strip) >= 1.2 * statistics.median(sizes) and all(f.bold for f in strip):
        return True
    near = strips[max(0, at - 1) : at] + strips[at + 1 : at + 2]
    return not any((f.x1 <= x) == other for s in near for f in s)


def _leads_below(strips: list[list[Frag]], at: int, x: float) -> bool:
    """A line on one side of the gutter set close over what runs across it below and far under
    the column above it: a table's or figure's label ("Table 1.") heading what is below, not the
    column's last line."""
    if at < 1 or at + 1 >= len(strips) or _free(strips[at + 1], x) is not None:
        return False
    if len({f.x1 <= x for f in strips[at]}) != 1:
        return False
    top, bottom = min(f.top for f in strips[at]), max(f.bottom for f in strips[at])
    above = top - max(f.bottom for f in strips[at - 1])
    below = min(f.top for f in strips[at + 1]) - bottom
    return above > 1.5 * max(below, 0.0) + 0.5 * (bottom - top)


def _run(strips: list[list[Frag]], start: int, span: tuple[float, float], gap: float):
    """Follow a gap up and down the strips while it stays open; judge whether it parts columns."""
    first = last = start
    lo, hi = span
    for step in (1, -1):
        at = start + step
        a, b = lo, hi
        while 0 <= at < len(strips):
            free = _free(strips[at], (a + b) / 2)
            if free is None or min(b, free[1]) - max(a, free[0]) < gap:
                break
            if _spanning(strips, at, (a + b) / 2):
                break
            if step == 1 and _leads_below(strips, at, (a + b) / 2):
                break
            a, b = max(a, free[0]), min(b, free[1])
            if step == 1:
                last = at
            else:
                first = at
            at += step
        if step == 1:
            lo, hi = a, b
    x = (lo + hi) / 2
    # Words a line on each side, counted by strip: a justified line whose wide spaces split it into
    # single words is still one line of several words.
    run = strips[first : last + 1]
    left = [n for s in run if (n := sum(len(f.words) for f in s if f.x1 <= x))]
    right = [n for s in run if (n := sum(len(f.words) for f in s if f.x0 >= x))]
    sided = sum(
        1
        for s in strips[first : last + 1]
        if any(f.x1 <= x for f in s) and any(f.x0 >= x for f in s)
    )
    # Columns of running text: text on both sides of strips (two will do: a column may be short
    # beside a long one) in a run of three or more, and several words a line on each side.
    if sided < 2 or last - first < 2 or _median(right) < 3:
        return None
    if _median(left) < 3:
        # Side headings: a narrow column of labels of a word or two a line beside running text
        # (a manual's margin headings, a term beside its definition). Each label is read before
        # the text it stands beside, not all labels first.
        lefts = [f for s in run for f in s if f.x1 <= x]
        rights = [f for s in run for f in s if f.x0 >= x]
        text_width = max(f.x1 for f in rights) - min(f.x0 for f in rights)
        if not lefts or max(f.x1 - f.x0 for f in lefts) > 0.5 * text_width:
            return None
        return first, last, sided, x, True
    return first, last, sided, x, False


def order(frags: list[Frag], gap: float) -> list[list[Frag]]:
    """Return the fragments as strips in reading order, columns read one after another."""
    strips = _strips(frags)
    if len(strips) < 3:
        return strips
    found = _gutter(strips, gap)
    if not found:
        return strips
    first, last, x, labels = found
    middle = [f for s in strips[first : last + 1] for f in s]
    before = [f for s in strips[:first] for f in s]
    after = [f for s in strips[last + 1 :] for f in s]
    lefts, rights = [f for f in middle if f.x1 <= x], [f for f in middle if f.x1 > x]
    if not lefts or not rights:
        return strips  # nothing on one side: no cut to make (and no end to cutting again)
    left, right = order(lefts, gap), order(rights, gap)
    return (
        order(before, gap) + (_beside(left, right) if labels else left + right) + order(after, gap)
    )


def _beside(labels: list[list[Frag]], text: list[list[Frag]]) -> list[list[Frag]]:
    """Read each block of side headings just before the text beside its first line."""
    blocks: list[list[list[Frag]]] = []
    for strip in labels:
        top = min(f.top for f in strip)
        if blocks:
            above = blocks[-1][-1]
            height = max(f.bottom for f in above) - min(f.top for f in above)
            if top - max(f.bottom for f in above) < 0.8 * height:
                blocks[-1].append(strip)
                continue
        blocks.append([strip])
    out: list[list[Frag]] = []
    for strip in text:
        # A label set a little lower than the line it stands beside (a bullet from a symbol font
        # off the baseline) is still beside that line, down to half the line's height.
        top = min(f.top for f in strip)
        reach = max(2.0, 0.5 * min(f.bottom - f.top for f in strip))
        while blocks and min(f.top for f in blocks[0][0]) <= top + reach:
            out.extend(blocks.pop(0))
        out.append(strip)
    for block in blocks:
        out.extend(block)
    return out


def body_size(words: list[Word]) -> float:
    """The type size most of the text is set in."""
    counts: dict[float, int] = {}
    for word in words:
        counts[round(word.size, 1)] = counts.get(round(word.size, 1), 0) + len(word.text)
    return max(counts, key=counts.__getitem__) if counts else 0.0


def lay_out(
    words: list[Word],
    height: float,
    body: float,
    boxes: Sequence[tuple[float, ...]] = (),
    tables: Sequence[tuple[tuple[float, ...], list[list[str]]]] = (),
    rules: Sequence[float] = (),
) -> Laid:
    """Put a page's words in reading order: tables as rows; notes, captions and boxes marked."""
    frags = fragments(words)
    ruled: dict[int, list[list[str]]] = {}
    for (x0, top, x1, bottom), rows in tables:  # a ruled table takes its place as one block
        ruled[id(rows)] = rows
        frags.append(Frag([Word(f"\x00{id(rows)}", x0, x1, top, bottom, body or 10.0)]))
    if not frags:
        return Laid()
    gap = max(0.8 * (body or 10.0), 6.0)
    heads, frags, feet = margins(frags, height)
    # A box's text and the column beside it are read apart: a chart's labels in a box beside a
    # narrow column are no table's cells with that column's short lines.
    frags = find_tables(frags, ruled, body, lambda frag: _box_of(frag, boxes))
    mark_notes(frags, height, body)
    captions(frags)
    if body:
        column_notes(frags, height, body)
    for frag in frags:
        cx, cy = (frag.x0 + frag.x1) / 2, (frag.top + frag.bottom) / 2
        if (
            frag.role == ROLE_BODY
            and any(x0 <= cx <= x1 and t <= cy <= b for x0, t, x1, b in boxes)
            or frag.role == ROLE_BODY
            and body
            and frag.size < SMALL * body
            and not any(w.size >= SMALL * body for w in frag.words if len(w.text) >= 2)
            # a run-in heading set in small capitals is a heading, not a caption (small capitals
            # are two-thirds of the body's size or more; an icon's label is far smaller)
            and not (
                frag.text.isupper()
                and len(frag.words) <= 6
                and frag.size >= 0.65 * body
                # words, not an address's or a code's tail ("/ACS/10_1YR/S2601A>.")
                and any(w.text.strip(".,:;()").isalpha() for w in frag.words)
            )
            # an icon's glyph ("!" in a warning sign): large type holding no letter or figure
            or frag.role == ROLE_BODY
            and body
            and frag.size >= 1.5 * body
            and not any(c.isalnum() for c in frag.text)
        ):
            frag.role = ROLE_ASIDE
    laid = Laid()
    laid.lines.extend(row for strip in heads for row in _rows(strip))
    # The page is cut with every fragment in place, so a box or a caption across the columns parts
    # the columns above it from those below; each role's text is then written in that order.
    ordered = [s for band in bands(frags, rules) for s in order(band, gap)]
    for role in (ROLE_BODY, ROLE_ASIDE, ROLE_NOTE):
        strips = [kept for strip in ordered if (kept := [f for f in strip if f.role == role])]
        _emit(strips, laid, gap, ruled)
    laid.lines.extend(row for strip in feet for row in _rows(strip))
    return laid


def _box_of(frag: Frag, boxes: Sequence[tuple[float, ...]]) -> int:
    """The smallest drawn box holding the fragment's middle, by its index; -1 for none."""
    cx, cy = (frag.x0 + frag.x1) / 2, (frag.top + frag.bottom) / 2
    inside = [
        (float((x1 - x0) * (b - t)), i)
        for i, (x0, t, x1, b) in enumerate(boxes)
        if x0 <= cx <= x1 and t <= cy <= b
    ]
    return min(inside)[1] if inside else -1


def _emit(
    strips: list[list[Frag]], laid: Laid, gap: float, ruled: dict[int, list[list[str]]]
) -> None:
    """Write strips as lines; runs of two or more strips of aligned cells become a table."""
    run: list[list[Frag]] = []

    def flush() -> None:
        rows = table(run) if len(run) >= 2 else []
        if rows and len(rows[0]) >= 2:  # cells standing in columns, not a line's wide spaces
            laid.lines.append(rows)
        else:
            for strip in run:
                laid.lines.append(sorted(strip, key=lambda f: f.x0))
        run.clear()

    for strip in strips:
        placed = [f for f in strip if f.text.startswith("\x00")]
        above = table(run) if run and len(placed) == len(strip) == 1 else []
        below = ruled[int(placed[0].text[1:])] if above else []
        if above and below and len(above[0]) == len(below[0]):
            # the table's last rows, taken out first beside the other column: one table still
            laid.lines.append(above + below)
            run.clear()
            continue
        if placed:
            flush()
            rest = [f for f in strip if f not in placed]
            laid.lines.extend([*_rows(rest), *(ruled[int(f.text[1:])] for f in placed)])
            continue
        whole = label_goes_on(strip, run[-1]) if run and strip[0].role == ROLE_BODY else None
        if whole:
            run[-1] = whole
            continue
        rows = _rows(strip)
        wrapped = wrapped_row(strip) if strip[0].role == ROLE_BODY else None
        rows = [wrapped] if wrapped else rows
        # A row of cells: short ones with figures among them; not two columns' lines side by side,
        # nor a justified line's stretched spaces.
        cells = (
            len(rows) == 1
            and len(rows[0]) >= 2
            and all(len(f.words) <= 6 for f in rows[0])
            and any(any(c.isdigit() for c in f.text) for f in rows[0])
        )
        if cells and strip[0].role == ROLE_BODY:
            run.append(rows[0])
            continue
        flush()
        laid.lines.extend(rows)
    flush()
