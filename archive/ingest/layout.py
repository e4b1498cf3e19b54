"""Put a page's words in reading order from their positions: columns read one after another,
tables kept as rows, boxed text, captions and footnotes set apart from the running text.

The page is cut into strips where no word overlaps another vertically; a column gutter is a gap
that runs down several strips with text of several words a line on both sides (cells of a table
hold a word or two and are kept as rows). Regions above, beside and below a gutter are read in
turn (a recursive XY cut), so full-width titles, two or three columns and a sidebar come out in
order. Works on any source of positioned words: a PDF's text layer or OCR.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

ROLE_BODY, ROLE_ASIDE, ROLE_NOTE = "", "aside", "note"
SMALL = 0.88  # of the body's type size: smaller type is a footnote, caption or chart note
_MARK = re.compile(r"[\d,*†‡§]{1,4}")
_NOTE_START = re.compile(r"^(?:\d{1,3}|[*†‡§]|\[\d{1,3}\])\s*\S")


@dataclass
class Word:
    """A word with its box (points from the page's top left) and type."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False


@dataclass
class Frag:
    """Words on one baseline with no wide gap between them: a line of one column, or a cell."""

    words: list[Word]
    role: str = ROLE_BODY

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.size for w in self.words)

    @property
    def bold(self) -> bool:
        return sum(w.bold for w in self.words) > len(self.words) / 2

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Laid:
    """A page in reading order: lines (as fragment groups on a baseline) and tables with their tops."""

    lines: list[list[Frag] | list[list[str]]] = field(default_factory=list)  # a table is its rows


def fragments(words: list[Word]) -> list[Frag]:
    """Group words into baselines, and split a baseline where a gap is wider than about a space."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        for row in reversed(rows[-8:]):
            # Against the row's first word, not its growing extent: a tall heading beside two lines
            # of a column must not draw both lines into one row.
            first = row[0]
            middle, first_middle = (word.top + word.bottom) / 2, (first.top + first.bottom) / 2
            if first.top <= middle <= first.bottom and word.top <= first_middle <= word.bottom:
                row.append(word)
                break
        else:
            rows.append([word])
    frags = []
    for row in rows:
        row = _without_marks(row)
        row.sort(key=lambda w: w.x0)
        current = [row[0]]
        for word in row[1:]:
            size = max(statistics.median(w.size for w in current), 4.0)
            if word.x0 - current[-1].x1 > size:
                frags.append(Frag(current))
                current = []
            current.append(word)
        frags.append(Frag(current))
    return frags


def _without_marks(row: list[Word]) -> list[Word]:
    """Leave out footnote marks: figures in small type raised above the line (the notes keep theirs)."""
    size = statistics.median(w.size for w in row)
    base = statistics.median(w.bottom for w in row)
    kept = [w for w in row if not (w.size < 0.8 * size and _MARK.fullmatch(w.text)
                                   and w.bottom < base - 0.15 * size)]
    return kept or row


def _strips(frags: list[Frag]) -> list[list[Frag]]:
    """Cut into horizontal strips at every height no fragment covers."""
    strips: list[list[Frag]] = []
    bottom = -1e9
    for frag in sorted(frags, key=lambda f: f.top):
        if strips and frag.top < bottom - 0.5:
            strips[-1].append(frag)
            bottom = max(bottom, frag.bottom)
        else:
            strips.append([frag])
            bottom = frag.bottom
    return strips


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


def _words_a_line(frags: list[Frag]) -> float:
    return statistics.median(len(f.words) for f in frags) if frags else 0.0


def _gutter(strips: list[list[Frag]], gap: float) -> tuple[int, int, float] | None:
    """Find the column gutter running down the most strips: (first strip, last strip, x)."""
    best: tuple[int, int, int, float] | None = None
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
    return (best[0], best[1], best[3]) if best else None


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
            a, b = max(a, free[0]), min(b, free[1])
            if step == 1:
                last = at
            else:
                first = at
            at += step
        if step == 1:
            lo, hi = a, b
    x = (lo + hi) / 2
    left = [f for s in strips[first:last + 1] for f in s if f.x1 <= x]
    right = [f for s in strips[first:last + 1] for f in s if f.x0 >= x]
    sided = sum(1 for s in strips[first:last + 1] if any(f.x1 <= x for f in s) and any(f.x0 >= x for f in s))
    # Columns of running text: several strips with text on both sides, several words a line.
    if sided < 3 or _words_a_line(left) < 3 or _words_a_line(right) < 3:
        return None
    return first, last, sided, x


def order(frags: list[Frag], gap: float) -> list[list[Frag]]:
    """Return the fragments as strips in reading order, columns read one after another."""
    strips = _strips(frags)
    if len(strips) < 3:
        return strips
    found = _gutter(strips, gap)
    if not found:
        return strips
    first, last, x = found
    middle = [f for s in strips[first:last + 1] for f in s]
    before = [f for s in strips[:first] for f in s]
    after = [f for s in strips[last + 1:] for f in s]
    return (order(before, gap) + order([f for f in middle if f.x1 <= x], gap)
            + order([f for f in middle if f.x1 > x], gap) + order(after, gap))


def body_size(words: list[Word]) -> float:
    """The type size most of the text is set in."""
    counts: dict[float, int] = {}
    for word in words:
        counts[round(word.size, 1)] = counts.get(round(word.size, 1), 0) + len(word.text)
    return max(counts, key=counts.__getitem__) if counts else 0.0


def lay_out(words: list[Word], height: float, body: float, boxes: list[tuple[float, ...]] = (),
            tables: list[tuple[tuple[float, ...], list[list[str]]]] = ()) -> Laid:
    """Put a page's words in reading order, with tables as rows and notes, captions and boxes marked."""
    frags = fragments(words)
    ruled: dict[int, list[list[str]]] = {}
    for (x0, top, x1, bottom), rows in tables:  # a ruled table takes its place as one block
        ruled[id(rows)] = rows
        frags.append(Frag([Word(f"\x00{id(rows)}", x0, x1, top, bottom, body or 10.0)]))
    if not frags:
        return Laid()
    gap = max(0.8 * (body or 10.0), 6.0)
    frags = _find_tables(frags, ruled, body)
    _mark_notes(frags, height, body)
    for frag in frags:
        cx, cy = (frag.x0 + frag.x1) / 2, (frag.top + frag.bottom) / 2
        if frag.role == ROLE_BODY and any(x0 <= cx <= x1 and t <= cy <= b for x0, t, x1, b in boxes):
            frag.role = ROLE_ASIDE
        elif frag.role == ROLE_BODY and body and frag.size < SMALL * body:
            frag.role = ROLE_ASIDE
    laid = Laid()
    # The page is cut with every fragment in place, so a box or a caption across the columns parts
    # the columns above it from those below; each role's text is then written in that order.
    ordered = order(frags, gap)
    for role in (ROLE_BODY, ROLE_ASIDE, ROLE_NOTE):
        strips = [kept for strip in ordered if (kept := [f for f in strip if f.role == role])]
        _emit(strips, laid, gap, ruled)
    return laid


def _cells(strip: list[Frag]) -> bool:
    """A strip that reads as a table's row: one baseline of short cells, figures among them."""
    rows = _rows(strip)
    return len(rows) == 1 and len(strip) >= 2 and all(len(f.words) <= 5 for f in strip) and any(
        any(c.isdigit() for c in f.text) for f in strip)


def _find_tables(frags: list[Frag], ruled: dict[int, list[list[str]]], body: float) -> list[Frag]:
    """Take unruled tables out first, each as one block, so their columns are not read as the page's."""
    strips = _strips(frags)
    out: list[Frag] = []
    at = 0
    while at < len(strips):
        end = at
        while end < len(strips) and _cells(strips[end]):
            end += 1
        if end - at < 2:
            out.extend(strips[at])
            at += 1
            continue
        run = strips[at:end]
        head = out[-len(strips[at - 1]):] if at and len(strips[at - 1]) >= 2 and all(
            len(f.words) <= 5 for f in strips[at - 1]) else []
        rows = [sorted(s, key=lambda f: f.x0) for s in ([head] if head else []) + run]
        table = _table(rows)
        if len(table[0] if table else []) < 2:
            out.extend(f for s in run for f in s)
        else:
            if head:
                del out[-len(head):]
            members = [f for row in rows for f in row]
            ruled[id(table)] = table
            out.append(Frag([Word(f"\x00{id(table)}", min(f.x0 for f in members), max(f.x1 for f in members),
                                  min(f.top for f in members), max(f.bottom for f in members), body or 10.0)]))
        at = end
    return out


def _mark_notes(frags: list[Frag], height: float, body: float) -> None:
    """Footnotes: the block of small type at the foot of the page, under the running text."""
    if not body:
        return
    strips = _strips(frags)
    notes: list[list[Frag]] = []
    for strip in reversed(strips):
        if all(f.size < SMALL * body for f in strip) and strip[0].top > 0.45 * height:
            notes.append(strip)
        elif notes or strip[0].top < 0.88 * height:
            break  # a page number or running foot below the notes is passed over
    notes.reverse()
    while notes and len(notes[-1]) == 1 and re.fullmatch(r"\d{1,4}", notes[-1][0].text):
        notes.pop()  # a page number in small type
    if not notes:
        return
    numbered = any(_NOTE_START.match(s[0].text) for s in notes)
    starts_line = notes[0][0].x0 <= min(f.x0 for f in frags) + 2 * body
    if numbered or starts_line:
        for strip in notes:
            for frag in strip:
                frag.role = ROLE_NOTE


def _emit(strips: list[list[Frag]], laid: Laid, gap: float, ruled: dict[int, list[list[str]]]) -> None:
    """Write strips as lines; runs of two or more strips of aligned cells become a table."""
    run: list[list[Frag]] = []

    def flush() -> None:
        table = _table(run) if len(run) >= 2 else []
        if table and len(table[0]) >= 2:  # cells standing in columns, not a line's wide spaces
            laid.lines.append(table)
        else:
            for strip in run:
                laid.lines.append(sorted(strip, key=lambda f: f.x0))
        run.clear()

    for strip in strips:
        placed = [f for f in strip if f.text.startswith("\x00")]
        if placed:
            flush()
            rest = [f for f in strip if f not in placed]
            laid.lines.extend([*_rows(rest), *(ruled[int(f.text[1:])] for f in placed)])
            continue
        rows = _rows(strip)
        # A row of cells; a justified line's stretched spaces part single words without figures.
        cells = len(rows) == 1 and len(rows[0]) >= 2 and any(
            len(f.words) > 1 or any(c.isdigit() for c in f.text) for f in rows[0])
        if cells and strip[0].role == ROLE_BODY:
            run.append(rows[0])
            continue
        flush()
        laid.lines.extend(rows)
    flush()


def _rows(strip: list[Frag]) -> list[list[Frag]]:
    """Split a strip into the baselines it holds."""
    rows: list[list[Frag]] = []
    for frag in sorted(strip, key=lambda f: f.top):
        if rows and abs(rows[-1][0].top - frag.top) < 0.5 * frag.size:
            rows[-1].append(frag)
        else:
            rows.append([frag])
    return [sorted(row, key=lambda f: f.x0) for row in rows]


def _table(rows: list[list[Frag]]) -> list[list[str]]:
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
