"""Give ligature glyphs their letters where the font's map gives one letter or none, by width.

A CID-keyed font (Identity-H) has no glyph names to read, and some producers' ToUnicode maps give
a ligature glyph only one of its letters ("ff" as "f": "diference") or nothing at all
("(cid:31)", "modi ed"). The glyph's advance is still the ligature's: an "ff" drawn as "f" is
twice as wide as the font's own "f". Where a character of f, i or l, or an unmapped one, is far
wider than that letter in the same font on the same page, and as wide as one of ff, fi, fl, ffi
or ffl set from the font's own letters, it is read as that ligature.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from typing import Any

_LIGATURES = ("ff", "fi", "fl", "ffi", "ffl")
_UNMAPPED = re.compile(r"^(?:\(cid:\d+\)|\ufffd|)$")
_WIDER = 1.4  # a ligature of two letters is nearly twice one letter; kerning takes some off
_CLOSE = 0.18  # the glyph's width within this share of the ligature's letters


def _font(char: dict[str, Any]) -> str:
    """The font's name without its subset's tag: two subsets of one font share its letters."""
    return str(char.get("fontname", "")).split("+", 1)[-1]


def _width(char: dict[str, Any]) -> float:
    size = float(char.get("size") or 0.0)
    return (float(char["x1"]) - float(char["x0"])) / size if size else 0.0


def letter_widths(chars: list[dict[str, Any]]) -> dict[tuple[str, str], float]:
    """The usual width of f, i and l in each font on a page, as a share of the type's size."""
    seen: dict[tuple[str, str], list[float]] = defaultdict(list)
    for char in chars:
        if char.get("text") in ("f", "i", "l") and _width(char):
            seen[(_font(char), char["text"])].append(_width(char))
    # the most common width is the letter's own (a ligature mapped to it is the rarer glyph)
    return {key: statistics.median_low(sorted(v)) for key, v in seen.items() if len(v) >= 3}


def ligature_of(char: dict[str, Any], widths: dict[tuple[str, str], float]) -> str | None:
    """The ligature a character's glyph stands for, or None when it is the letter it says."""
    text = str(char.get("text", ""))
    font = _font(char)
    width = _width(char)
    letters = {x: widths.get((font, x)) for x in "fil"}
    if not width or letters["f"] is None:
        return None
    if text in ("f", "i", "l"):
        own = letters[text]
        if own is None or width < _WIDER * own:
            return None
        # A map that gives one letter gives the last, as the glyph list's "T_h" as "h" and an
        # MMWR's "fi" as "i"; the first only where no ligature ending in it fits the width.
        groups = [
            [lig for lig in _LIGATURES if lig[-1] == text],
            [lig for lig in _LIGATURES if lig[0] == text and lig[-1] != text],
        ]
    elif _UNMAPPED.match(text):
        groups = [list(_LIGATURES)]
    else:
        return None
    best: tuple[float, str] | None = None
    for group in groups:
        for lig in group:
            if any(letters[c] is None for c in lig):
                continue
            expected = sum(letters[c] or 0.0 for c in lig)
            miss = abs(width - expected) / expected
            if miss <= _CLOSE and (best is None or miss < best[0]):
                best = (miss, lig)
        if best:
            break
    return best[1] if best else None


def mend_words(words: list[dict[str, Any]], chars: list[dict[str, Any]]) -> int:
    """Respell words whose characters hold ligatures read short, in place; say how many."""
    widths = letter_widths(chars)
    if not widths:
        return 0
    mended = 0
    for word in words:
        parts = word.get("chars") or []
        letters = [ligature_of(c, widths) or str(c.get("text", "")) for c in parts]
        text = "".join(letters)
        if parts and text != "".join(str(c.get("text", "")) for c in parts):
            word["text"] = text
            mended += 1
    return mended
