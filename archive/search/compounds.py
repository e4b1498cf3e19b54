"""Compound words written three ways: `buyback`, `buy-back` and `buy back` find one another.

The tokenizer splits `buy-back` into two words, so a release writing "buyback" and one writing
"buy-back" hold different words. A question's words gain the other forms the index holds: a
hyphenated pair is one word, its joined form or its halves as a phrase; two neighbouring words
also match their joined form where the index has it; and one rare long word also matches its
two halves as a phrase where the index has both halves.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence

from whoosh import query
from whoosh.analysis import Analyzer
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

TEXT = ("title", "body")
SHORTEST_HALF = 3  # "often" is not "of ten"
# Only a word this rare is tried as two halves, and only halves the index holds side by side: a
# common word is written as one ("nowhere"), and OCR's fragments ("olym pcs") are never a phrase.
RARE = 20
# A joined form held by fewer documents is a missing space, not a way of writing the compound.
JOINED = 2


def _stem(analyzer: Analyzer, word: str) -> str | None:
    stems = [t.text for t in analyzer(word, mode="query")]
    return stems[0] if len(stems) == 1 else None


_counts: weakref.WeakKeyDictionary[IndexReader, dict[str, int]] = weakref.WeakKeyDictionary()
CACHED_COUNTS = 100_000


def _held(reader: IndexReader, stem: str) -> int:
    # Kept per reader (one generation): a lookup in every segment's term table is ~0.1 ms, and
    # a query asks for several; the same words come back query after query.
    counts = _counts.setdefault(reader, {})
    found = counts.get(stem)
    if found is None:
        if len(counts) >= CACHED_COUNTS:
            counts.clear()
        found = counts[stem] = sum(reader.doc_frequency(field, stem) for field in TEXT)
    return found


Forms = list[tuple[str, list[query.Query]]]  # each other form: as shown, and its queries
Span = tuple[str, int, int]  # a token's stem, where it starts and ends in the text
HYPHENS = ("-", "‐", "‑")


def hyphenated(
    analyzer: Analyzer, text: str, spans: Sequence[Span]
) -> tuple[list[Span], list[Forms]]:
    """Join each hyphenated pair into one word (its joined stem), its halves a phrase form of it."""
    joined: list[Span] = []
    forms: list[Forms] = []
    i = 0
    while i < len(spans):
        stem, start, end = spans[i]
        if i + 1 < len(spans) and text[end : spans[i + 1][1]] in HYPHENS:
            second, _, last = spans[i + 1]
            whole = _stem(analyzer, text[start:end] + text[spans[i + 1][1] : last])
            if whole:
                shown = f'"{text[start:end]} {text[spans[i + 1][1] : last]}"'.lower()
                joined.append((whole, start, last))
                forms.append([(shown, [query.Phrase(field, [stem, second]) for field in TEXT])])
                i += 2
                continue
        joined.append(spans[i])
        forms.append([])
        i += 1
    return joined, forms


def alternatives(
    analyzer: Analyzer, reader: IndexReader | None, text: str, tokens: Sequence[Span]
) -> list[Forms]:
    """Return, for each token (stem, start, end) of text, the other forms of it to match."""
    found: list[Forms] = [[] for _ in tokens]
    if reader is None:
        return found
    joined_any: set[int] = set()
    for i in range(len(tokens) - 1):
        (_, _, end), (_, start, _) = tokens[i], tokens[i + 1]
        if text[end:start].strip() or "-" in text[tokens[i][1] : start]:
            continue
        first, second = text[tokens[i][1] : end], text[start : tokens[i + 1][2]]
        joined = _stem(analyzer, first + second)
        if joined and len(first) >= 2 and len(second) >= 2 and _held(reader, joined) >= JOINED:
            form = (f"{first}{second}".lower(), [query.Term(field, joined) for field in TEXT])
            found[i].append(form)
            found[i + 1].append(form)
            joined_any.update((i, i + 1))
    for i, (_, start, end) in enumerate(tokens):
        word = text[start:end]
        if i in joined_any or len(word) < 2 * SHORTEST_HALF or not word.isalpha():
            continue
        if _held(reader, tokens[i][0]) >= RARE:
            continue
        split = _split(analyzer, reader, word)
        if split:
            cut, stems = split
            found[i].append(
                (
                    f'"{word[:cut]} {word[cut:]}"'.lower(),
                    [query.Phrase(field, list(stems)) for field in TEXT],
                )
            )
    return found


def _side_by_side(reader: IndexReader, a: str, b: str) -> bool:
    """Say whether any document holds the two words as a phrase."""
    searcher = Searcher(reader, closereader=False)
    phrase = query.Or([query.Phrase(field, [a, b]) for field in TEXT])
    return next(iter(searcher.docs_for_query(phrase)), None) is not None


def _split(
    analyzer: Analyzer, reader: IndexReader, word: str
) -> tuple[int, tuple[str, str]] | None:
    """Return where to cut a word into two halves the index holds (the most held), or None."""
    best: tuple[int, tuple[int, tuple[str, str]]] | None = None
    for cut in range(SHORTEST_HALF, len(word) - SHORTEST_HALF + 1):
        a, b = _stem(analyzer, word[:cut]), _stem(analyzer, word[cut:])
        if a and b:
            held = min(_held(reader, a), _held(reader, b))
            if held and (best is None or held > best[0]) and _side_by_side(reader, a, b):
                best = (held, (cut, (a, b)))
    return best[1] if best else None
