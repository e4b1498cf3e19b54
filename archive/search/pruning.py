"""A page of a plain-words query's best documents without scoring feedback over every document.

Pseudo-relevance feedback (archive/search/rescoring.py) adds twenty words' scores to every
document the query matches. At 1,000,000 documents those words are common (they are typical of
the best ten documents, and a word shared by ten documents is rarely rare): their postings are
hundreds of thousands each, and scoring them all was most of a three-word query's time. A page
needs only the best `limit` documents, and no document gains more from feedback than
`Feedback.bound` (each word's BM25F score is below idf × (k1 + 1)). So, as MaxScore does, a
page is read from the first pass: the `limit`-th best first-pass score is a floor the page's
last document reaches, and only documents whose first-pass score plus the bound can reach it
are given their feedback, looked up in each word's postings by binary search. The scores of
those documents are the same floats the full pass gives (the same operations on the same
numbers, in the same order), so the page, its order and its scores are unchanged
(tests/test_pruning.py).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from math import log

import numpy as np
from whoosh import query

from archive.index.arrays import SegmentArrays
from archive.search import bm25f
from archive.search.scores import Scores, ScoringIndex, top

# Candidates beyond this share of the index are scored the full way (it costs no more then).
MOST = 1 / 16
BAND = 256  # documents given their feedback in the first band (then four times as many each)
FIRST_BAND = 1000  # and at least this share of the index (1 in FIRST_BAND)
# The bound is raised by this much, so that rounding in adding up feedback never crosses it.
SLACK = 1e-9
# Of a pruned first pass's candidates, which are scored already, and what scores the others.
Exact = tuple[np.ndarray, Callable[[np.ndarray], "np.ndarray | None"]]


@dataclass(frozen=True)
class Feedback:
    """What feedback adds to a query's documents: each word's terms and share, times factor."""

    words: tuple[tuple[tuple[query.Term, ...], float], ...]
    factor: float  # FEEDBACK × the number of the query's words
    # The question: only its matches gain. Its mask is asked of the sets' cache when wanted, not
    # kept here (a mask a document: a megabyte at 1,000,000 documents, for each question kept).
    question: query.Query

    def added(self, ranker: ScoringIndex, scores: Scores) -> Scores:
        """Return scores with feedback added to every document (what rescoring always did)."""
        found = scores.copy()
        extra = np.zeros(ranker.size)
        matched = ranker.sets.matches(self.question)
        # Narrowed only where the query matches few: for a long question matching most documents
        # the narrowing costs more than it saves (either way, the same scores).
        within = matched if np.count_nonzero(matched) * 8 < ranker.size else None
        for terms, share in self.words:
            ids, values = bm25f.word_at(ranker, list(terms), within)
            extra[ids] += share * values
        # Weighed against the query's own words, so that feedback is the same share of a short
        # query and a long one.
        gain = np.flatnonzero(extra)
        found[gain] += self.factor * extra[gain] * matched[gain]
        return found

    def at(self, ranker: ScoringIndex, first: np.ndarray, docs: np.ndarray) -> np.ndarray | None:
        """Return some documents' scores with feedback added, as added() gives them.

        docs sorted, first their scores before feedback. None where the postings are not all in
        arrays beside the segments.
        """
        extra = np.zeros(len(docs))
        places = _places(ranker, docs)
        if places is None:
            return None
        for terms, share in self.words:
            values = values_at(ranker, terms, docs, places)
            extra += share * values  # adding 0.0 where a document lacks the word changes nothing
        matched = ranker.sets.matches(self.question)[docs]
        found: np.ndarray = first + self.factor * extra * matched
        return found

    def bound(self, ranker: ScoringIndex) -> float:
        """Return more than any document gains from feedback.

        Each word's score is its idf times the saturation of its pseudo-frequency, which grows
        with it: no document's pseudo-frequency exceeds each term's largest frequency over the
        smallest length normalisation held in its field (a long question's twenty words gain
        half what the loose idf × (k1 + 1) allows, so its pages are pruned too).
        """
        if not _mapped(ranker):
            return self._loose(ranker)
        most = 0.0
        for terms, share in self.words:
            pseudo = sum(
                term.boost * _largest(ranker, term) / _least_norm(ranker, term.fieldname)
                for term in terms
            )
            if pseudo <= 0:
                continue
            df = _df(ranker, terms)  # the idf values_at gives every document
            idf = log(1 + (ranker.size - df + 0.5) / (df + 0.5))
            most += share * idf * pseudo * (bm25f.K1 + 1) / (pseudo + bm25f.K1)
        return self.factor * most * (1 + SLACK) + SLACK

    def _loose(self, ranker: ScoringIndex) -> float:
        """Return more than any document gains: each word's score is below idf × (k1 + 1)."""
        most = 0.0
        for terms, share in self.words:
            # The most postings of one term is at most the word's document frequency: its idf at
            # least the word's.
            held = max((_count(ranker, term) for term in terms), default=0)
            most += share * log(1 + (ranker.size - held + 0.5) / (held + 0.5)) * (bm25f.K1 + 1)
        return self.factor * most * (1 + SLACK) + SLACK


def page(
    ranker: ScoringIndex, scores: Scores, feedback: Feedback | None, docs: np.ndarray, limit: int
) -> tuple[np.ndarray, np.ndarray]:
    """Return what scores.top gives over scores with feedback added, adding it to few documents."""
    if feedback is None:
        return top(scores, docs, limit)
    positive = np.flatnonzero((scores > 0) & docs)
    found = banded(ranker, positive, scores[positive], feedback, limit)
    return found if found is not None else top(feedback.added(ranker, scores), docs, limit)


def banded(
    ranker: ScoringIndex,
    positive: np.ndarray,
    first: np.ndarray,
    feedback: Feedback | None,
    limit: int,
    rest: float = 0.0,
    exact: Exact | None = None,
) -> tuple[np.ndarray, np.ndarray] | None:
    """Return the first `limit` documents with feedback added, from the documents scoring most.

    positive: documents of the page's set (sorted), first their scores before feedback; every
    other document of the set scores at most `rest` before feedback. With `exact` (what is known
    of each, and what gives the others' scores: archive/search/firstpass.py), first is more than
    the score of a document not known, scored once it is in a band (and left out if it scores 0).

    The best are given their feedback first, in growing bands of first-pass score (as MaxScore
    and Fagin's threshold algorithm do): after each band the `limit`-th best full score so far
    is a floor the page reaches, and a document below the band, whose first-pass score plus the
    most feedback can add stays under that floor, is not on the page. None where the bands
    cannot tell (the full pass answers then).
    """
    if len(positive) < limit:
        return None
    bound = feedback.bound(ranker) if feedback is not None else 0.0
    ids: list[np.ndarray] = []
    found: list[np.ndarray] = []
    high, want, scored, held = np.inf, max(BAND, 4 * limit, _first_band(ranker)), 0, 0
    # The last band stops at the most the pruned path may score, rather than being skipped:
    # a long question whose page needs 30,000 candidates is still cheaper than the full pass.
    # (A small index's first band may pass that: it goes to the full pass, as it always did.)
    last = min(len(first), max(int(ranker.size * MOST), want))
    if exact is not None:
        # A first band of the documents scored already, above every other: no lookup for it.
        above = int(np.count_nonzero(first > first[~exact[0]].max(initial=-np.inf)))
        if limit <= above < want:
            want = above
    while True:
        want = min(want, last)
        low = np.partition(first, len(first) - want)[len(first) - want]
        inside = (first >= low) & (first < high)  # by value: ties fall in one band
        band, values = positive[inside], first[inside]
        if scored + len(band) > ranker.size * MOST:
            return None  # as many as the full pass costs: an export's thousands, a loose bound
        scored += len(band)
        if exact is not None:
            known, score = exact
            unknown = ~known[inside]
            if unknown.any():
                worked = score(band[unknown])
                if worked is None:
                    return None
                values = values.copy()
                values[unknown] = worked
                kept = values > 0  # not a match: not among the positive ones
                band, values = band[kept], values[kept]
        gained = feedback.at(ranker, values, band) if feedback is not None else values
        if gained is None:
            return None
        ids.append(band)
        found.append(gained)
        held += len(band)
        if held >= limit:
            every = np.concatenate(found)
            floor = np.partition(every, held - limit)[held - limit]
            # Below the band: a first-pass score under `low` (at most the most of them), or at
            # most `rest` (a document not among the positive ones).
            below = max(float(first[first < low].max(initial=-np.inf)), rest)
            if below + bound < floor:
                every_id = np.concatenate(ids)
                order = np.lexsort((every_id, -every))[:limit]
                return every_id[order], every[order]
        if want >= last:
            return None
        high, want = low, want * 4


def _first_band(ranker: ScoringIndex) -> int:
    # Each band reads every feedback word's postings in every segment: a band a thousandth of
    # the index is still few documents a segment, and one band answers most pages.
    return ranker.size // FIRST_BAND


# Each segment holding some of a band's documents: the segment, where its documents start and
# end in the band, and their numbers within the segment (cast once a band, not once a term).
Places = list[tuple[SegmentArrays, int, int, np.ndarray]]


def _places(ranker: ScoringIndex, docs: np.ndarray) -> Places | None:
    """Return where some sorted documents fall among the segments; None if one has no arrays."""
    segments = ranker.sets._arrays
    if segments is None or any(segment is None for segment, _ in segments):
        return None
    offsets = [offset for _, offset in segments]
    bounds = np.searchsorted(docs, offsets + [ranker.size]).tolist()
    found: Places = []
    for n, (segment, offset) in enumerate(segments):
        assert segment is not None
        low, high = bounds[n], bounds[n + 1]
        if low < high:
            found.append((segment, low, high, (docs[low:high] - offset).astype(segment.ids.dtype)))
    return found


def values_at(
    ranker: ScoringIndex, terms: tuple[query.Term, ...], docs: np.ndarray, places: Places
) -> np.ndarray:
    """Return a word's BM25F score in each of some documents (0 where absent), as word_at gives.

    Each term's postings are searched in the arrays beside each segment for these documents
    only (their places among the segments from _places).
    """
    pseudo = np.zeros(len(docs))
    holders = []
    for term in terms:
        key = (term.fieldname, ranker.searcher.schema[term.fieldname].to_bytes(term.text))
        weights = np.zeros(len(docs))
        for segment, low, _, local in places:
            span = segment.terms.get(key)
            if span is None or span[0] == span[1]:
                continue
            start, stop = span
            # The last posting left out of the search: a document past it lands on it, and
            # is told apart by the comparison (no clipping of the places found).
            at = segment.ids[start : stop - 1].searchsorted(local)
            at += start
            hit = (segment.ids[at] == local).nonzero()[0]
            weights[low + hit] = segment.weights[at[hit]]
        # Held by no document of the band: its share is 0.0 there (the idf, from every segment's
        # term table, would not change that).
        held = np.flatnonzero(weights)
        if not len(held):
            continue
        holders.append(term)
        # As word_at: the term's boost times its frequency, over the document's length norm.
        pseudo[held] += (
            term.boost * weights[held] / bm25f._norms(ranker, term.fieldname, held_ids(docs, held))
        )
    if not holders:
        return np.zeros(len(docs))
    df = _df(ranker, terms)
    idf = log(1 + (ranker.size - df + 0.5) / (df + 0.5))
    found: np.ndarray = idf * pseudo * (bm25f.K1 + 1) / (pseudo + bm25f.K1)
    return found


def held_ids(docs: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Return the documents at some places of docs, as numpy's index type."""
    found: np.ndarray = docs[at].astype(np.intp, copy=False)
    return found


def _count(ranker: ScoringIndex, term: query.Term) -> int:
    """Return how many postings a term has, from the term tables (no postings read)."""
    segments = ranker.sets._arrays
    if segments is None or any(segment is None for segment, _ in segments):
        return len(ranker.sets.postings(term.fieldname, term.text)[0])
    btext = ranker.searcher.schema[term.fieldname].to_bytes(term.text)
    total = 0
    for segment, _ in segments:
        assert segment is not None
        span = segment.terms.get((term.fieldname, btext))
        if span is not None:
            total += span[1] - span[0]
    return total


def _mapped(ranker: ScoringIndex) -> bool:
    segments = ranker.sets._arrays
    return segments is not None and all(segment is not None for segment, _ in segments)


_largest_of: weakref.WeakKeyDictionary[ScoringIndex, dict[tuple[str, str], float]] = (
    weakref.WeakKeyDictionary()
)


def _largest(ranker: ScoringIndex, term: query.Term) -> float:
    """Return a term's largest frequency in any document, from the mapped postings (kept)."""
    memo = _largest_of.setdefault(ranker, {})
    key = (term.fieldname, term.text)
    found = memo.get(key)
    if found is None:
        found = 0.0
        btext = ranker.searcher.schema[term.fieldname].to_bytes(term.text)
        for segment, _ in ranker.sets._arrays or ():
            assert segment is not None  # _mapped checked
            span = segment.terms.get((term.fieldname, btext))
            if span is not None and span[0] < span[1]:
                found = max(found, float(segment.weights[span[0] : span[1]].max()))
        if len(memo) >= bm25f.HELD_MEMO:
            memo.clear()
        memo[key] = found
    return found


_least_of: weakref.WeakKeyDictionary[ScoringIndex, dict[str, float]] = weakref.WeakKeyDictionary()


def _least_norm(ranker: ScoringIndex, field: str) -> float:
    """Return the smallest length normalisation any document has in a field (kept)."""
    memo = _least_of.setdefault(ranker, {})
    if field not in memo:
        held = np.flatnonzero(np.bincount(ranker.length_codes(field), minlength=256))
        # Over the steps some document has: a normalisation grows with the length, but the
        # smallest is taken, not assumed to be the shortest's.
        memo[field] = float(bm25f.norm_steps(ranker, field)[held].min())
    return memo[field]


def _df(ranker: ScoringIndex, terms: tuple[query.Term, ...]) -> int:
    """Return how many documents hold any of a word's terms, as word_at counts them.

    Kept in bm25f's memo; worked out segment by segment from the mapped postings: each term's
    count, less the documents two terms share (the shorter run searched in the longer).
    """
    memo = bm25f._held_of.setdefault(ranker, {})
    key = tuple((t.fieldname, t.text) for t in terms)
    found = memo.get(key)
    if found is None:
        found = 0
        for segment, _ in ranker.sets._arrays or ():
            assert segment is not None  # values_at checked
            runs = []
            for term in terms:
                btext = ranker.searcher.schema[term.fieldname].to_bytes(term.text)
                span = segment.terms.get((term.fieldname, btext))
                if span is not None and span[0] < span[1]:
                    runs.append(segment.ids[span[0] : span[1]])
            found += _union(runs)
        if len(memo) >= bm25f.HELD_MEMO:
            memo.clear()
        memo[key] = found
    return found


def _union(runs: list[np.ndarray]) -> int:
    """Return how many distinct documents some sorted runs of document numbers hold."""
    if len(runs) == 1:
        return len(runs[0])
    if len(runs) == 2:
        short, long = sorted(runs, key=len)
        at = np.minimum(np.searchsorted(long, short), len(long) - 1)
        return len(short) + len(long) - int(np.count_nonzero(long[at] == short))
    return len(np.unique(np.concatenate(runs))) if runs else 0
