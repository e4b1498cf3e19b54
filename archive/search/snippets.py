"""Snippets: the passage of a hit's text with the most query words, found without re-analysing.

Profiles put 85% of a query in Whoosh's highlighter, which runs the analyzer (tokenizer,
lower-case, stop words, stemmer) over each hit's whole body in Python. Here the build keeps a
table of every indexed word's surface forms (`forms`: stem -> the lower-case words that stem
to it); a query's stems become one regular expression of their forms, bounded as the
tokenizer bounds a token, so a single C-level scan of the stored text finds exactly the
tokens the analyzer would have matched.

The passage rule: the text's lines are its blocks (headings, paragraphs, list items, table
rows: `plain_text` ends each with a line break), and no passage crosses one. The passage
shown holds the most distinct query words, then the most of them, then comes first; a second
one is added when it holds words the first lacks. A block longer than the snippet is cut to a
window around its best run of matches.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from functools import lru_cache

from archive.index.forms import TOKEN_PATTERN

SNIPPET_CHARS = 240
LEAD = 40  # characters kept before the first match of a window cut from a long block
BETWEEN = " … "
# The lookarounds bound a form exactly as the tokenizer bounds a token: no token character,
# nor a dot-joined token part, on either side.
_TOKEN_CHAR = r"[\w\*]"
assert rf"{_TOKEN_CHAR}+(\.?{_TOKEN_CHAR}+)*" == TOKEN_PATTERN

Span = tuple[int, int, str]  # start, end, and the stem the token there stands for
Forms = Mapping[str, Iterable[str]]


def find(text: str, words: Iterable[str], forms: Forms) -> list[Span]:
    """Return the spans of the tokens of text whose stem is one of words, in text order."""
    stem_of = {form: word for word in words for form in forms.get(word, ())}
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: offsets would shift
        return _find_by_pattern(text, stem_of)
    found = []
    for form, word in stem_of.items():
        # str.find runs in C over the text; only its hits are checked in Python.
        at = lowered.find(form)
        while at != -1:
            end = at + len(form)
            if _bounded(lowered, at, end):
                found.append((at, end, word))
            at = lowered.find(form, at + 1)
    found.sort()
    return found


def _token_char(char: str) -> bool:
    return char.isalnum() or char == "_" or char == "*"  # the tokenizer's [\w*]


def _bounded(text: str, start: int, end: int) -> bool:
    """Say whether text[start:end] is a whole token: no token character or joining dot beside it."""
    if start and (
        _token_char(text[start - 1])
        or text[start - 1] == "."
        and start > 1
        and _token_char(text[start - 2])
    ):
        return False
    if end < len(text) and (
        _token_char(text[end])
        or text[end] == "."
        and end + 1 < len(text)
        and _token_char(text[end + 1])
    ):
        return False
    return True


@lru_cache(maxsize=64)
def _pattern(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(form) for form in alternatives)
    return re.compile(
        rf"(?<!{_TOKEN_CHAR})(?<!{_TOKEN_CHAR}\.)(?:{body})(?!{_TOKEN_CHAR})(?!\.{_TOKEN_CHAR})",
        re.IGNORECASE,
    )


def _find_by_pattern(text: str, stem_of: dict[str, str]) -> list[Span]:
    if not stem_of:
        return []
    # Longest first, so that an alternation never stops at a shorter form that a longer one extends.
    pattern = _pattern(tuple(sorted(stem_of, key=lambda f: (-len(f), f))))
    found = ((m.start(), m.end(), stem_of.get(m.group().lower())) for m in pattern.finditer(text))
    return [(start, end, stem) for start, end, stem in found if stem is not None]


def snippet(text: str, spans: list[Span], chars: int = SNIPPET_CHARS) -> str:
    """Return the best passage (and one with words it lacks) as HTML, matches in <mark>; else ''."""
    if not spans:
        return ""
    # Only the blocks holding a span are looked at: each found from its span by two searches in
    # C, not by splitting the whole text into lines (a text's blocks mostly hold none).
    candidates: list[Window] = []
    for block, held in _held_blocks(text, spans):
        candidates.extend(_windows(text, block, held, chars))
    first = max(candidates, key=lambda w: (len(w[2]), len(w[3]), -w[0]))
    chosen = [first]
    missing = set(spans_words(spans)) - first[2]
    if missing:
        rest = [w for w in candidates if w[2] & missing and not _overlaps(w, first)]
        if rest:
            chosen.append(max(rest, key=lambda w: (len(w[2] & missing), len(w[3]), -w[0])))
    return BETWEEN.join(_render(text, window) for window in sorted(chosen))


def spans_words(spans: list[Span]) -> list[str]:
    return list(dict.fromkeys(word for _, _, word in spans))


def _blocks(text: str) -> list[tuple[int, int]]:
    """Return the bounds of each line of text that is not blank: the blocks a passage stays in."""
    found, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            found.append((start, end))
        start = end + 1
    return found


def _held_blocks(text: str, spans: list[Span]) -> list[tuple[tuple[int, int], list[Span]]]:
    """Return each block holding a span (as _blocks bounds it) with its spans, in text order."""
    # A span is a token: it holds no line break, so its block is the line it starts on (a line
    # holding a token is never blank).
    found: list[tuple[tuple[int, int], list[Span]]] = []
    high = -1
    for span in spans:
        if span[0] > high:
            low = text.rfind("\n", 0, span[0]) + 1
            high = text.find("\n", span[0])
            if high == -1:
                high = len(text)
            found.append(((low, high), []))
        found[-1][1].append(span)
    return found


# A window: (start, end, its distinct words, its spans, the block's bounds).
Window = tuple[int, int, frozenset[str], list[Span], tuple[int, int]]


def _windows(text: str, block: tuple[int, int], spans: list[Span], chars: int) -> list[Window]:
    low, high = block
    inside = [s for s in spans if s[0] >= low and s[1] <= high]
    if not inside:
        return []
    if high - low <= chars:
        return [(low, high, frozenset(s[2] for s in inside), inside, block)]
    # A long block: one window from each match, holding the matches that fit after it.
    # Spans are in text order: a window's are found from the first starting in it on, not by
    # checking every span of the block for each window.
    starts = [s[0] for s in inside]
    found = []
    for start in starts:
        begin = max(low, start - LEAD)
        stop = min(high, begin + chars)
        held = []
        for s in inside[bisect_left(starts, begin) :]:
            if s[0] > stop:
                break
            if s[1] <= stop:
                held.append(s)
        found.append((begin, stop, frozenset(s[2] for s in held), held, block))
    return found


def _overlaps(a: Window, b: Window) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _render(text: str, window: Window) -> str:
    start, end, _, held, (low, high) = window
    # Cut at spaces, never inside a word, and say where the block goes on.
    if start > low and not text[start - 1].isspace():
        space = text.find(" ", start, held[0][0])
        start = space + 1 if space != -1 else held[0][0]
    if end < high and not text[end].isspace():
        space = text.rfind(" ", held[-1][1], end + 1)
        end = space if space != -1 else held[-1][1]
    parts, at = [], start
    for span_start, span_end, _ in held:
        if span_start < at or span_end > end:
            continue
        parts.append(html.escape(text[at:span_start]))
        parts.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        at = span_end
    parts.append(html.escape(text[at:end]))
    shown = " ".join("".join(parts).split())
    return ("… " if start > low else "") + shown + (" …" if end < high else "")
