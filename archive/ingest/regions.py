"""Regions of a page set apart from its running text: running heads and feet alone in the top and
bottom tenth, footnotes (at the foot of the page or of one column), and bands parted by rules."""

from __future__ import annotations

import re
from collections.abc import Sequence

from archive.ingest.frags import ROLE_BODY, Frag
from archive.ingest.frags import strips as _strips

ROLE_ASIDE, ROLE_NOTE = "aside", "note"
SMALL = 0.88  # of the body's type size: smaller type is a footnote, caption or chart note
_NOTE_START = re.compile(r"^(?:\d{1,3}|[*∗†‡§]|\[\d{1,3}\])(?:\s*\S|$)")


def margins(
    frags: list[Frag], height: float
) -> tuple[list[list[Frag]], list[Frag], list[list[Frag]]]:
    """Set apart the lines standing alone in the top and bottom tenth of the page (running heads
    and feet), so they are never read as a table's row or a column's line."""
    strips = _strips(frags)
    band = 0.1 * height
    heads: list[list[Frag]] = []
    feet: list[list[Frag]] = []

    def apart(strip: list[Frag], other: list[Frag]) -> bool:
        tall = max(f.bottom for f in strip) - min(f.top for f in strip)
        gaps = (
            min(f.top for f in other) - max(f.bottom for f in strip),
            min(f.top for f in strip) - max(f.bottom for f in other),
        )
        return max(gaps) >= 0.8 * tall

    while (
        len(strips) > 2 and max(f.bottom for f in strips[0]) < band and apart(strips[0], strips[1])
    ):
        heads.append(strips.pop(0))
    while (
        len(strips) > 2
        and min(f.top for f in strips[-1]) > height - band
        and apart(strips[-1], strips[-2])
    ):
        feet.insert(0, strips.pop())
    return heads, [f for s in strips for f in s], feet


def mark_notes(frags: list[Frag], height: float, body: float) -> None:
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


def bands(frags: list[Frag], rules: Sequence[float]) -> list[list[Frag]]:
    """Part the page at rules drawn across it; each band is read on its own, top to bottom."""
    bands: list[list[Frag]] = [[] for _ in range(len(rules) + 1)]
    for frag in frags:
        middle = (frag.top + frag.bottom) / 2
        bands[sum(1 for y in rules if y < middle)].append(frag)
    return [band for band in bands if band]


def column_notes(frags: list[Frag], height: float, body: float) -> None:
    """Footnotes at the foot of one column, beside the other column's running text: small type
    with no running text under it in its own column, numbered."""
    small = [
        f
        for f in frags
        if f.role == ROLE_BODY
        and f.size < SMALL * body
        and f.top > 0.5 * height
        and not any(
            g.size >= SMALL * body and g.top > f.bottom and g.x0 < f.x1 and g.x1 > f.x0
            for g in frags
        )
    ]
    for block in _stacks(small, body):
        over = [
            g
            for g in frags
            if g.size >= SMALL * body
            and g.bottom <= block[0].top
            and g.x0 < block[0].x1
            and g.x1 > block[0].x0
        ]
        if (
            over
            and any(_NOTE_START.match(f.text) for f in block)
            and any(re.search(r"[a-z]{2}", f.text) for f in block)
        ):
            for frag in block:
                frag.role = ROLE_NOTE


def _stacks(frags: list[Frag], body: float) -> list[list[Frag]]:
    """Group fragments into blocks of lines set one under another, each top to bottom."""
    blocks: list[list[Frag]] = []
    for frag in sorted(frags, key=lambda f: (round(f.top), f.x0)):
        for block in blocks:
            last = block[-1]
            x0, x1 = min(f.x0 for f in block), max(f.x1 for f in block)
            beside = abs(frag.top - last.top) < 2 and 0 <= frag.x0 - last.x1 < 2 * body
            under = frag.x0 < x1 and frag.x1 > x0 and frag.top - last.bottom < 1.5 * body
            if beside or under:
                block.append(frag)
                break
        else:
            blocks.append([frag])
    return blocks


_CAPTION = re.compile(
    r"^(?:Figure|Fig\.|Chart|Graph|Map)\s+"
    r"[A-Z]{0,3}\d+(?:[.\-–]\d+)*[a-z]?(?:[.:|]|\s*$)"
)


def captions(frags: list[Frag]) -> None:
    """A figure's caption ("Figure 4: System overview.") is set apart from the running text, with
    the lines of it set close under its first; a sentence naming a figure ("Figure 3.9 shows
    ...") is not a caption. A table's caption stays where it is, read with its table (its unit,
    "£ million", is read from it)."""
    for frag in frags:
        if frag.role != ROLE_BODY or not _CAPTION.match(frag.text):
            continue
        frag.role = ROLE_ASIDE
        last = frag
        for _ in range(6):
            # Only a label ("Table 1.") or a line not closing a sentence runs on to the next line.
            if re.search(r"[.!?)]$", last.text) and not _CAPTION.fullmatch(last.text.strip()):
                break
            under = [
                g
                for g in frags
                if g.role == ROLE_BODY
                and not g.text.startswith("\x00")
                and 0 <= g.top - last.bottom < 0.5 * last.size
                and g.x0 < last.x1
                and g.x1 > last.x0
                and g.x0 >= frag.x0 - last.size
                and abs(g.size - frag.size) <= 0.15 * frag.size
            ]
            if len(under) != 1:
                break
            last = under[0]
            last.role = ROLE_ASIDE
