"""Rescore a plain-words query's best documents: words close together, and words the best share.

BM25F scores each word on its own. Two cheap passes over the best few documents of a
plain-words query add what it misses: a document holding the words near one another (a
phrase, a name) gains for each pair; and the words most typical of the best ten documents
(pseudo-relevance feedback, as RM3) add a little of their score to every matching document,
so documents on the same subject in other words rank higher. Both only reorder what the
query matches: the results and their facet counts stay exact. Every number here was chosen
by bench/relevance.py (see the README).
"""

from __future__ import annotations

import functools
import re
import weakref
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeAlias

import numpy as np
from whoosh import query
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter

from archive.search import bm25f, docwords, pruning, words
from archive.search.scores import Scores, ScoringIndex, top
from archive.search.words import AtLeast

Ranker: TypeAlias = ScoringIndex  # ranking.Ranker, which calls this module, as read here


# The best PROXIMITY_WINDOW documents gain PROXIMITY × the mean idf of each pair of the query's
# words that they hold within PROXIMITY_SPAN words of each other, divided by the gap.
PROXIMITY = 0.5
PROXIMITY_WINDOW = 10
PROXIMITY_SPAN = 8
# For queries of FEEDBACK_WORDS words or more: the FEEDBACK_TERMS words most typical of the best
# FEEDBACK_DOCS documents (held by FEEDBACK_SHARED of them at least) add their BM25 scores,
# weighted by how typical each is, times FEEDBACK × the number of the query's words.
FEEDBACK = 0.3
FEEDBACK_WORDS = 3
FEEDBACK_DOCS = 10
FEEDBACK_TERMS = 20
FEEDBACK_SHARED = 2
STEM_MEMO = 200_000  # words whose stems are kept (about 30 MB at most)


def rescored(ranker: Ranker, q: AtLeast, scores: Scores) -> Scores:
    """Return a plain-words query's scores with its best documents rescored."""
    found, words = rescoring(ranker, q, scores)
    return words.added(ranker, found) if words is not None else found


def rescoring(ranker: Ranker, q: AtLeast, scores: Scores) -> tuple[Scores, pruning.Feedback | None]:
    """Return a query's scores with proximity added, and the feedback still to add (if any).

    A page adds the feedback to the few documents that can reach it (archive/search/pruning.py).
    """
    if not (PROXIMITY or FEEDBACK):
        return scores, None
    window, _ = _best(ranker, q, scores, max(PROXIMITY_WINDOW, FEEDBACK_DOCS))
    # Each pass adds only where it gives something (elsewhere it would add 0.0, which changes no
    # score): no array of every document for a bonus held by ten of them.
    found = scores.copy()
    docs, bonus = proximity(ranker, q, window[:PROXIMITY_WINDOW])
    found[docs] += bonus  # distinct documents
    return found, feedback(ranker, q, found)


def proximity(ranker: Ranker, q: AtLeast, window: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Score a few documents for how close together they hold the query's words.

    Return the documents of the window and the bonus of each.
    """
    bonus = np.zeros(len(window))
    stems = _stems(q, "body")
    if not PROXIMITY or len(stems) < 2:
        return window[:0], bonus[:0]
    idfs = {stem: ranker.idf("body", stem) for stem in stems}
    # Without feedback only the query's words are needed: stem only the words that could be
    # one of them (Porter's stems change a word's ending, never its first three letters).
    starts = None if _feeds(q) else tuple({stem[:3] for stem in stems})
    spans: docwords.Spans = {}
    for n, doc in enumerate(window.tolist()):
        # From the arrays beside the segment where they can say, else from the document's text.
        where = docwords.places(ranker.sets, doc, stems, spans) if _from_arrays(ranker) else None
        if where is None:
            where = _places(ranker, doc, starts, idfs)
        held = [(where[stem], idfs[stem]) for stem in stems if stem in where]
        total = 0.0
        for i, (first, first_idf) in enumerate(held):
            for second, second_idf in held[i + 1 :]:
                gap = _nearest(first, second)
                if 0 < gap <= PROXIMITY_SPAN:
                    total += (first_idf + second_idf) / 2 / gap
        bonus[n] = PROXIMITY * total
    return window, bonus


def _places(
    ranker: Ranker, doc: int, starts: tuple[str, ...] | None, stems: dict[str, float]
) -> dict[str, list[int]]:
    """Return where each of stems is in a document's text, read from its stored fields."""
    words, stem_of = _read(ranker, doc, starts)
    where: dict[str, list[int]] = {}
    wanted = {word for word, stem in stem_of.items() if stem in stems}
    for position, word in enumerate(words):
        if word in wanted:
            where.setdefault(stem_of[word], []).append(position)
    return where


def feedback(ranker: Ranker, q: AtLeast, scores: Scores) -> pruning.Feedback | None:
    """Score matching documents for the words most typical of the best few.

    This is pseudo-relevance feedback. Return its words, each with its share, or None.
    """
    if not _feeds(q):
        return None
    best, best_scores = _best(ranker, q, scores, FEEDBACK_DOCS)
    if not len(best) or best_scores.sum() <= 0:
        return None
    asked = {leaf.text for leaf in q.leaves() if type(leaf) is query.Term}
    weights: dict[str, float] = {}
    holders: Counter[str] = Counter()
    held = weights.get
    for doc, share in zip(best.tolist(), (best_scores / best_scores.sum()).tolist()):
        counts, length = _stem_counts(ranker, doc)
        for stem, n in counts.items():
            weights[stem] = held(stem, 0.0) + share * n / length
        holders.update(counts.keys())  # counted in C
    for stem in asked:  # the query's own words are not feedback
        weights.pop(stem, None)
    # Typical: shared by the best documents (a word of one alone would only promote that one),
    # frequent in them and rare in the rest. The idf is looked up only for the most frequent.
    shared = sorted(
        (t for t in weights if holders[t] >= FEEDBACK_SHARED), key=lambda t: (-weights[t], t)
    )
    idf = ranker.searcher.idf
    terms = sorted(shared[: 3 * FEEDBACK_TERMS], key=lambda t: (-weights[t] * idf("body", t), t))[
        :FEEDBACK_TERMS
    ]
    total = sum(weights[t] for t in terms)
    if not terms:
        return None
    if not bm25f.COMBINED:  # each word as Whoosh's body term: added here, to every document
        extra = np.zeros(ranker.size)
        for term in terms:
            ids, values = _expansion(ranker, term, None)
            extra[ids] += (weights[term] / total) * values
        gain = np.flatnonzero(extra)
        scores[gain] += FEEDBACK * len(q.subqueries) * extra[gain] * ranker.sets.matches(q)[gain]
        return None
    return pruning.Feedback(
        tuple((_expansion_terms(term), weights[term] / total) for term in terms),
        FEEDBACK * len(q.subqueries),
        q,
    )


def _expansion(
    ranker: Ranker, stem: str, within: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    # A feedback word scores as a question's words do: title and body together where they are.
    # Only where it is held (its documents and scores): the rest add nothing.
    if not bm25f.COMBINED:
        scores = ranker.term("body", stem)
        ids = np.flatnonzero(scores)
        return ids, scores[ids]
    return bm25f.word_at(ranker, list(_expansion_terms(stem)), within)


def _expansion_terms(stem: str) -> tuple[query.Term, ...]:
    return query.Term("title", stem, boost=words.TITLE_BOOST), query.Term("body", stem)


def _feeds(q: AtLeast) -> bool:
    return bool(FEEDBACK) and len(q.subqueries) >= FEEDBACK_WORDS


def _text(stored: dict[str, Any]) -> str:
    return f"{stored.get('title', '')} {stored.get('body', '')}"


# A text's indexed words in order, before stemming; each word's stem.
Text = tuple[list[str], dict[str, str]]


class Reader(Protocol):
    """Read a text's words, stemming those that start with one of starts (all, if None)."""

    def __call__(self, text: str, starts: tuple[str, ...] | None = None) -> Text: ...


class Words:
    """A document's indexed words in order, and its distinct words."""

    def __init__(self, words: list[str]):
        self.words = words
        self.distinct = set(words)

    def starting(self, starts: tuple[str, ...]) -> list[str]:
        """Return the distinct words that start with one of starts."""
        # One C-level startswith a distinct word: cheaper than grouping the words by their first
        # letters for a document read once (a few hundred distinct words).
        return [w for w in self.distinct if w.startswith(starts)]


def _read(ranker: Ranker, doc: int, starts: tuple[str, ...] | None) -> Text:
    """Return a document's words and their stems (only those of words starting with starts)."""
    documents = ranker.sets.documents
    if starts is None:
        found: Text = documents.derived(doc, "text", lambda s: _reader(ranker)(_text(s)))
        return found
    tokens = _tokens(ranker)
    if tokens is None:  # an analyzer of another shape: read it the slow way
        return _reader(ranker)(_text(documents.stored(doc)), starts)
    split, stem = tokens
    words: Words = documents.derived(doc, "words", lambda s: Words(split(_text(s))))
    return words.words, {w: stem(w) for w in words.starting(starts)}


def _stem_counts(ranker: Ranker, doc: int) -> tuple[dict[str, int], int]:
    """Return how many times a document holds each stem of letters only, and its word count."""
    stored = docwords.stem_counts(ranker.sets, doc) if _from_arrays(ranker) else None
    if stored is not None:  # written by the build
        return stored

    def count(stored: dict[str, Any]) -> tuple[dict[str, int], int]:
        words, stem_of = _read(ranker, doc, None)
        # Counted in C, a word at a time, in the order each stem first appears.
        counts: Counter[str] = Counter(map(stem_of.__getitem__, words))
        return {stem: n for stem, n in counts.items() if stem.isalpha()}, len(words)

    found: tuple[dict[str, int], int] = ranker.sets.documents.derived(doc, "stem_counts", count)
    return found


Split = Callable[[str], list[str]]
_readers: weakref.WeakKeyDictionary[Ranker, Reader] = weakref.WeakKeyDictionary()
_splitters: weakref.WeakKeyDictionary[Ranker, tuple[Split, Callable[[str], str]] | None] = (
    weakref.WeakKeyDictionary()
)


_arrays_read: weakref.WeakKeyDictionary[Ranker, bool] = weakref.WeakKeyDictionary()


def _from_arrays(ranker: Ranker) -> bool:
    """Say whether the arrays beside the segments read a text as this module does (docwords.py).

    They were made by the title's and the body's analyzers; this module reads both with the
    body's, split as `_tokens` does.
    """
    found = _arrays_read.get(ranker)
    if found is None:
        schema = ranker.searcher.schema
        found = _arrays_read[ranker] = (
            _tokens(ranker) is not None
            and "title" in schema
            and schema["title"].analyzer == schema["body"].analyzer
        )
    return found


def _tokens(ranker: Ranker) -> tuple[Split, Callable[[str], str]] | None:
    """Return the body analyzer's words of a text and its stemmer, where it is the usual chain."""
    if ranker not in _splitters:
        _reader(ranker)
    return _splitters[ranker]


def _reader(ranker: Ranker) -> Reader:
    """Return a reader of texts as the body analyzer reads them, stemming each distinct word once.

    Whoosh's analyzer makes an object of every token (10 µs a word): most of a rescoring's time.
    """
    found = _readers.get(ranker)
    if found is not None:
        return found
    analyzer = ranker.searcher.schema["body"].analyzer
    items: Sequence[Any] = getattr(analyzer, "items", ())
    simple = [type(item) for item in items] == [
        RegexTokenizer,
        LowercaseFilter,
        StopFilter,
        StemFilter,
    ]
    if simple and not items[0].gaps and "\\(" not in items[0].expression.pattern:
        tokens, _, stop, stemming = items
        # The filter's own cache of stems, warm from indexing and queries, where it has one.
        cached_stem = getattr(stemming, "_stem", None) or functools.lru_cache(maxsize=100_000)(
            stemming.stemfn
        )
        # A plain dict in front of the stemmer's own cache (a Python-level LRU: a few µs a
        # word, and a document brings hundreds), bounded by emptying it.
        memo: dict[str, str] = {}

        def stem(word: str) -> str:
            found = memo.get(word)
            if found is None:
                if len(memo) > STEM_MEMO:
                    memo.clear()
                found = memo[word] = cached_stem(word)
            return found

        def stems(distinct: set[str]) -> dict[str, str]:
            # Only the words not yet stemmed go through Python; the rest are looked up in C.
            missing = distinct.difference(memo)
            if len(memo) + len(missing) > STEM_MEMO:
                memo.clear()
                missing = distinct
            for word in missing:
                memo[word] = cached_stem(word)
            return dict(zip(distinct, map(memo.__getitem__, distinct)))

        low, high, stops = stop.min, stop.max or 10**9, stop.stops
        # findall without the pattern's groups returns whole tokens, at C speed.
        whole = re.compile(
            re.sub(r"\((?!\?)", "(?:", tokens.expression.pattern), tokens.expression.flags
        )

        def split(text: str) -> list[str]:
            found = whole.findall(text.lower())
            # Each distinct word is checked once (stop list, length), then one set test a word.
            kept = {w for w in set(found) if w not in stops and low <= len(w) <= high}
            return [w for w in found if w in kept]

        def found(text: str, starts: tuple[str, ...] | None = None) -> Text:
            words = split(text)
            distinct = (
                set(words) if starts is None else {w for w in set(words) if w.startswith(starts)}
            )
            return words, stems(distinct)

        _splitters[ranker] = (split, stem)
    else:
        _splitters[ranker] = None

        def found(text: str, starts: tuple[str, ...] | None = None) -> Text:
            words = [t.text for t in analyzer(text)]
            return words, {w: w for w in words}

    _readers[ranker] = found
    return found


def _best(ranker: Ranker, q: AtLeast, scores: Scores, limit: int) -> tuple[np.ndarray, np.ndarray]:
    return top(scores, ranker.sets.matches(q), limit)


def _stems(q: AtLeast, field: str) -> list[str]:
    # Once each: a compound's joined form is an alternative of both its halves (compounds.py).
    return list(
        dict.fromkeys(
            leaf.text for leaf in q.leaves() if type(leaf) is query.Term and leaf.fieldname == field
        )
    )


def _nearest(first: list[int], second: list[int]) -> int:
    """Return the smallest distance between a position in one sorted list and one in the other."""
    # A merge of the two lists: a document's places of a word are few, and numpy's calls on arrays
    # of a few items cost more than the loop.
    best = abs(first[0] - second[0])
    i = j = 0
    while i < len(first) and j < len(second):
        gap = first[i] - second[j]
        if gap < 0:
            best = min(best, -gap)
            i += 1
        else:
            best = min(best, gap)
            j += 1
    return best
