"""A question's first pass worked out only for the documents that can matter: bounded, then exact.

A long question's first pass scored each of its 8 to 15 words over all their postings; at
1,000,000 documents most of them are common words held by hundreds of thousands of documents,
each adding almost nothing there (a word in most documents has an idf near 0). Here each document
has an upper bound on its score: for each term it holds, the word's idf times the saturation of
its frequency there over the smallest length normalisation of the field (its own normalisation
would give the exact score, and reading it is most of what scoring costs; saturation is concave,
so the terms of one word may be bounded apart). That is one addition a posting, over the
postings of all but the commonest words, whose bounds (idf times k1 + 1, near 0) are added to
every document instead. As in WAND (Broder et al., "Efficient query
evaluation using a two-level retrieval process", 2003), only the documents whose bound reaches
a score some document is known to have are scored exactly: first those that can be among the
best ten (which proximity and feedback read), then, in bands of falling bound, those that can
reach the page (pruning.banded) with feedback added.

A document's exact score is the full pass's float: each word's score in it (pruning.values_at,
the operations bm25f.word_at does), times the word's boost, added to 0.0 in the order of the
question's words, times the question's boost, as bm25f.scores adds them (adding 0.0 where a
document lacks a word changes no float). Tests: tests/test_firstpass.py.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from math import log

import numpy as np
from whoosh import query

from archive.search import bm25f, pruning, rescoring
from archive.search.scores import Scores, ScoringIndex
from archive.search.words import AtLeast

# Candidates beyond this share of the index: the full first pass (it costs no more then).
MOST = 1 / 8
# The commonest words whose bounds add up to at most this share of the largest word's are
# bounded together, as if every document held them: their postings are not read.
COMMON = 0.05
# Pruned first passes kept per searcher (the next page or a filter click asks the same
# question), bounded by their candidates' bytes too.
KEPT = 64
KEPT_BYTES = 8 * 2**20
SLACK = 1e-9  # bounds are raised by this much, so that rounding in adding up never crosses one

Whole = Callable[[], tuple[Scores, "pruning.Feedback | None"]]


@dataclass(frozen=True)
class Word:
    """One of a question's words: its terms, its boost and a bound on what it adds."""

    terms: tuple[query.Term, ...]
    boost: float  # the word's weight in the question (a word typed twice weighs 2)
    bound: float  # more than the word adds to any document's score


def words(ranker: ScoringIndex, q: AtLeast) -> list[Word] | None:
    """Return a question's words with their bounds, in its order; None where one is not bounded.

    Only words of title and body terms are (a registry name or a compound written as two words
    scores otherwise), and only over the arrays beside every segment. A word's bound is its idf
    times k1 + 1 (what saturation reaches): enough to tell the commonest words, whose idf is near
    0, and it reads no postings (a cold worker's first question pays for each read).
    """
    if not pruning._mapped(ranker) or not bm25f.COMBINED or q.boost <= 0:
        return None
    found = []
    for unit in q.subqueries:
        leaves = tuple(unit.leaves())
        if unit.boost <= 0 or not all(
            type(leaf) is query.Term and leaf.fieldname in bm25f.TEXT and leaf.boost > 0
            for leaf in leaves
        ):
            return None
        bound = _idf(ranker, leaves) * (bm25f.K1 + 1) * unit.boost * q.boost
        found.append(Word(leaves, unit.boost, bound * (1 + SLACK) + SLACK))
    return found


def _idf(ranker: ScoringIndex, terms: tuple[query.Term, ...]) -> float:
    """Return a word's idf, as values_at gives every document."""
    df = pruning._df(ranker, terms)
    return log(1 + (ranker.size - df + 0.5) / (df + 0.5))


class Pruned:
    """A question's first pass, exact for the candidates, and every document's bound."""

    def __init__(self, ranker: ScoringIndex, q: AtLeast, found: list[Word]):
        # Weakly: kept per searcher (below), a pass must not keep its searcher alive.
        self._ranker = weakref.ref(ranker)
        self.q, self.words = q, found
        # The commonest words (the smallest bounds) bounded together, as every document's.
        by_bound = sorted(found, key=lambda w: w.bound)
        top = max((w.bound for w in found), default=0.0)
        common = 0
        while common < len(by_bound) and (
            sum(w.bound for w in by_bound[: common + 1]) <= COMMON * top
        ):
            common += 1
        self.common = sum(w.bound for w in by_bound[:common]) * (1 + SLACK)
        self.bounded = by_bound[common:]  # the words whose postings give each document's bound
        self.ids = np.zeros(0, dtype=np.intp)  # the candidates, sorted
        self.found = np.zeros(0)  # their exact scores (with proximity, once rescored)
        self.feedback: pruning.Feedback | None = None

    @property
    def ranker(self) -> ScoringIndex:
        found = self._ranker()
        assert found is not None  # asked only while its searcher is in use
        return found

    @property
    def nbytes(self) -> int:
        return self.ids.nbytes + self.found.nbytes

    def bounds(self) -> np.ndarray:
        """Return more than each document's first-pass score (kept for the last question).

        A term adds at most its idf times the saturation of its frequency in the document over
        the smallest length normalisation of its field (each document's own would be the exact
        score, and reading it is most of what scoring costs).
        """
        kept = _bounds.get(self.ranker)
        if kept is not None and kept[0] is self:
            return kept[1]
        found = np.full(self.ranker.size, self.common)
        k1 = bm25f.K1
        segments = self.ranker.sets._arrays or []
        ends = [offset for _, offset in segments][1:] + [self.ranker.size]
        schema = self.ranker.searcher.schema
        for word in self.bounded:
            idf = _idf(self.ranker, word.terms) * word.boost * self.q.boost * (1 + SLACK)
            for term in word.terms:
                key = (term.fieldname, schema[term.fieldname].to_bytes(term.text))
                scale = term.boost / pruning._least_norm(self.ranker, term.fieldname)
                # Straight from each segment's arrays: no list of the postings made.
                for (segment, offset), end in zip(segments, ends):
                    assert segment is not None  # words() checked
                    span = segment.terms.get(key)
                    if span is None or span[0] == span[1]:
                        continue
                    pseudo = segment.weights[span[0] : span[1]].astype(np.float64) * scale
                    # A term's postings name each document once: += adds to every one of them.
                    found[offset:end][segment.ids[span[0] : span[1]].astype(np.intp)] += (
                        (idf * (k1 + 1)) * pseudo / (pseudo + k1)
                    )
        _bounds[self.ranker] = (self, found)
        return found

    def exact(self, docs: np.ndarray) -> np.ndarray | None:
        """Return some sorted documents' first-pass scores, the floats bm25f.scores gives."""
        places = pruning._places(self.ranker, docs)
        if places is None:
            return None
        total = np.zeros(len(docs))
        for word in self.words:  # in the question's order, as bm25f.scores adds them
            total += pruning.values_at(self.ranker, word.terms, docs, places) * word.boost
        found: np.ndarray = total * self.q.boost
        return found

    def scored(self, docs: np.ndarray) -> np.ndarray | None:
        """Return some sorted documents' scores: a candidate's kept, the others' worked out."""
        at = np.minimum(np.searchsorted(self.ids, docs), max(len(self.ids) - 1, 0))
        known = self.ids[at] == docs if len(self.ids) else np.zeros(len(docs), dtype=bool)
        found = np.zeros(len(docs))
        found[known] = self.found[at[known]]
        if not known.all():
            worked = self.exact(docs[~known])
            if worked is None:
                return None
            found[~known] = worked
        return found


_bounds: weakref.WeakKeyDictionary[ScoringIndex, tuple[Pruned, np.ndarray]] = (
    weakref.WeakKeyDictionary()
)
_kept: weakref.WeakKeyDictionary[ScoringIndex, OrderedDict[tuple[str, AtLeast], Pruned | None]] = (
    weakref.WeakKeyDictionary()
)


def pruned(ranker: ScoringIndex, q: AtLeast) -> Pruned | None:
    """Return a question's pruned first pass with its proximity and feedback, kept; or None."""
    kept = _kept.setdefault(ranker, OrderedDict())
    key = (repr(q), q)
    if key in kept:
        kept.move_to_end(key)
        return kept[key]
    found = _pruned(ranker, q)
    kept[key] = found
    while len(kept) > 1 and (
        len(kept) > KEPT or sum(p.nbytes for p in kept.values() if p is not None) > KEPT_BYTES
    ):
        kept.popitem(last=False)
    return found


def _pruned(ranker: ScoringIndex, q: AtLeast) -> Pruned | None:
    if not rescoring._feeds(q):  # a question of one or two words: its full pass is its postings
        return None
    found = words(ranker, q)
    if found is None:
        return None
    state = Pruned(ranker, q, found)
    matched = ranker.sets.matches(q)
    window = max(rescoring.PROXIMITY_WINDOW, rescoring.FEEDBACK_DOCS)
    bounds = state.bounds()
    # The documents bounded highest first: those bounded below the window's best score among
    # them score below it, so the best ten are among them.
    pool = bounds[matched]
    if len(pool) < window:
        return None
    # As many as a page's first band: the band is then mostly these, scored already.
    seed = min(max(window, pruning.BAND, ranker.size // pruning.FIRST_BAND), len(pool))
    edge = np.partition(pool, len(pool) - seed)[len(pool) - seed]
    del pool
    ids = np.zeros(0, dtype=np.intp)
    first = np.zeros(0)
    while True:
        more = np.flatnonzero(matched & (bounds >= edge))
        if len(more) > ranker.size * MOST:
            return None
        state.ids, state.found = ids, first
        scored = state.scored(more)
        if scored is None:
            return None
        ids, first = more, scored
        positive = first[first > 0]
        if len(positive) < window:
            return None
        least = np.partition(positive, len(positive) - window)[len(positive) - window]
        if least >= edge:  # every other document scores below edge
            break
        edge = least
    state.ids, state.found = ids, first
    dense = np.zeros(ranker.size)
    dense[ids] = first
    # Rescoring reads the best ten, all candidates: the rest of the array is only looked at.
    rescored, state.feedback = rescoring.rescoring(ranker, q, dense)
    state.found = rescored[ids]
    return state


def page(
    ranker: ScoringIndex, q: AtLeast, docs: np.ndarray, limit: int, whole: Whole
) -> tuple[np.ndarray, np.ndarray]:
    """Return what pruning.page gives over the full first pass, scoring few documents exactly.

    Where too many documents could reach the page, the full first pass (whole) answers.
    """
    state = pruned(ranker, q)
    got = _page(ranker, state, docs, limit) if state is not None else None
    _bounds.pop(ranker, None)  # a float a document: not kept in a worker between questions
    if got is None:
        first, feedback = whole()
        return pruning.page(ranker, first, feedback, docs, limit)
    return got


def _page(
    ranker: ScoringIndex, state: Pruned, docs: np.ndarray, limit: int
) -> tuple[np.ndarray, np.ndarray] | None:
    more = state.feedback.bound(ranker) if state.feedback is not None else 0.0
    known = state.found[docs[state.ids]]
    known = known[known > 0]
    # The page's last score is at least the limit-th best known one (feedback only adds); a
    # filter may leave fewer known: then any document of it may be on the page.
    least = (
        np.partition(known, len(known) - limit)[len(known) - limit] if len(known) >= limit else 0
    )
    keys = state.bounds().copy()
    keys[state.ids] = state.found  # exact where known: tighter than the bound
    wanted = docs & (keys + more >= least)
    ids = np.flatnonzero(wanted)
    # Every other document of the page's set scores at most this before feedback.
    rest = float(keys[docs & ~wanted].max(initial=0.0))
    held = np.zeros(ranker.size, dtype=bool)
    held[state.ids] = True
    exact = (held[ids], state.exact)
    return pruning.banded(ranker, ids, keys[ids], state.feedback, limit, rest, exact)


def forget(ranker: ScoringIndex) -> None:
    """Drop the pruned first passes kept for a searcher (benchmarks time each question afresh)."""
    _kept.pop(ranker, None)
    _bounds.pop(ranker, None)


def warm(ranker: ScoringIndex) -> None:
    """Read at opening what every question's first pass reads: each text field's length bytes.

    A byte a document (the worker's own memory, which its first question would take anyway)
    and the smallest length normalisation of each field: a few milliseconds at 1,000,000
    documents, taken from the first question.
    """
    if pruning._mapped(ranker):
        for field in bm25f.TEXT:
            if field in ranker.searcher.schema:
                pruning._least_norm(ranker, field)
