"""BM25F ranking over numpy arrays: the scores Whoosh gives, for a whole index at once.

Whoosh scores a query one matching document at a time in Python: for a common word at
100,000 documents that is most of a query's time. Here each term's postings are read a block
at a time (ids and term frequencies) and scored for all its documents at once with Whoosh's
formula; the scores of AND and OR are added as Whoosh's default matcher tree adds them (its
other matchers add in another order, which can change a score's last bit). Queries of
anything else (phrases, prefixes, NOT) are left to Whoosh.

The scores equal those Whoosh gives each document searched on its own. Whoosh's search over
a whole 10,000-document index was seen to leave one term's share out of some documents'
scores, and so to miss true top hits; this does not.
"""

from __future__ import annotations

from collections import OrderedDict
from math import log

import numpy as np
from whoosh import query
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from archive.index import lengths
from archive.search import bm25f, firstpass, held, pruning, rescoring, wordpage
from archive.search.cache import ArrayCache
from archive.search.docsets import DocSets
from archive.search.scores import Scores, top
from archive.search.words import AtLeast

CACHED_SCORES = 256
# A worker's own memory: kept as the documents that score and their scores (archive/search/
# cache.py), 12 bytes a matching document; 8 bytes a document where most match.
CACHED_SCORE_BYTES = 24 * 2**20
# BM25F's term-frequency saturation and length normalisation, chosen by bench/relevance.py.
K1 = 1.2
B = 0.75
# Whoosh's idf, or Robertson and Sparck Jones' (see RobertsonBM25F).
IDF = "robertson"


class RobertsonBM25F(BM25F):
    """BM25F with Robertson and Sparck Jones' idf, as Lucene has it, instead of Whoosh's own.

    Whoosh's idf, log(N / (df + 1)) + 1, gives a word in most documents nearly half the weight
    of a rare one; log(1 + (N - df + 0.5) / (df + 0.5)) gives it almost none, which is what a
    long question full of common words needs (bench/relevance.py).
    """

    def idf(self, searcher: Searcher, fieldname: str, text: str) -> float:
        parent = searcher.get_parent()
        df = parent.doc_frequency(fieldname, text)
        return log(1 + (parent.doc_count_all() - df + 0.5) / (df + 0.5))


def weighting() -> BM25F:
    """Return the BM25F weighting every searcher of the archive uses."""
    return (RobertsonBM25F if IDF == "robertson" else BM25F)(B=B, K1=K1)


def rankable(q: query.Query) -> bool:
    """Say whether a query is made only of terms and phrases joined by AND and plain OR."""
    if type(q) is query.Term:
        return True
    if type(q) is query.Phrase:
        # Whoosh scores a phrase as the AND of its words (archive/docsets.py matches it).
        return q.slop == 1 and bool(q.words)
    if (
        type(q) is query.And
        or type(q) is AtLeast
        or (type(q) is query.Or and not q.minmatch and not q.scale)
    ):
        return bool(q.subqueries) and all(rankable(sub) for sub in q.subqueries)
    return False


class Ranker:
    """Scores of rankable queries over one opened generation."""

    def __init__(self, searcher: Searcher, sets: DocSets):
        if not isinstance(searcher.weighting, BM25F):
            raise TypeError("the ranker reproduces BM25F only")
        self.searcher = searcher
        self.sets = (
            sets  # whose postings it shares: a query's mask and its scores read the same terms
        )
        self.reader = searcher.reader()
        self.size = self.reader.doc_count_all()
        self.folder = sets.folder
        self._lengths: dict[str, np.ndarray] = {}  # each field's length bytes (index/lengths.py)
        self._means: dict[str, float] = {}
        self._length_steps: dict[tuple[str, float, float], np.ndarray] = {}
        self._cache = ArrayCache(CACHED_SCORE_BYTES, CACHED_SCORES)
        # Each plain-words query's feedback words (archive/search/pruning.py), by its text.
        self._feedback: OrderedDict[tuple[str, query.Query], pruning.Feedback | None] = (
            OrderedDict()
        )

    def cached(self, q: query.Query) -> Scores:
        """Return a query's scores, kept for the next few (a facet click repeats a query)."""
        found = self._cache.get(q)
        if found is None:
            found = self.ranked(q)
            self._cache.put(q, found)
        return found

    def top(self, q: query.Query, docs: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
        """Return the first `limit` of docs by a rankable query's scores, as top() over ranked().

        Scores are worked out only for the documents that hold a term (archive/search/held.py,
        wordpage.py); a question with feedback is scored first by bounds (firstpass.py), its
        feedback added only to the documents that can reach the page (pruning.py).
        """
        kept = self._cache.sparse(q)
        if kept is not None:
            return held.page(self.size, kept, docs, limit)
        found = self._cache.get(q)
        if found is not None:
            return top(found, docs, limit)
        if type(q) is AtLeast and not q.phrases:
            page = wordpage.page(self, q, docs, limit)
            if page is not None:
                return page  # not kept: worked out for this page alone, and quick to work again
            first = held.first(self, q)
            if first is not None:
                return held.page(self.size, first, docs, limit)
            return firstpass.page(self, q, docs, limit, lambda: self._first(q))
        if type(q) is not AtLeast:
            page = held.pruned(self, q, docs, limit)
            if page is not None:
                return page  # not kept: worked out for this page alone, and quick to work again
            scored = held.scores(self, q)
            if scored is not None:
                self._cache.put_sparse(q, self.size, *scored)
                return held.page(self.size, scored, docs, limit)
        return top(self.cached(q), docs, limit)

    def _first(self, q: AtLeast) -> tuple[Scores, pruning.Feedback | None]:
        """Return a plain-words query's scores before feedback, and its feedback, kept."""
        key = (repr(q), q)
        first = self._cache.get(("first", q))
        if first is None or key not in self._feedback:
            found = bm25f.scores(self, q) if bm25f.COMBINED else self.scores(q)
            first, feedback = rescoring.rescoring(self, q, found)
            self._cache.put(("first", q), first)
            self._feedback[key] = feedback
            while len(self._feedback) > CACHED_SCORES:
                self._feedback.popitem(last=False)
        self._feedback.move_to_end(key)
        return first, self._feedback[key]

    def ranked(self, q: query.Query) -> Scores:
        """Return the scores ordering a rankable query's results: BM25F, rescored for words."""
        if type(q) is not AtLeast:
            return self.scores(q)
        first, feedback = self._first(q)
        found = feedback.added(self, first) if feedback is not None else first
        if q.phrases:
            # Documents holding a quoted phrase of the question first, each phrase held one step up.
            held = np.sum([self.sets.matches(p) for p in q.phrases], axis=0)
            found = found + held * (found.max(initial=0.0) + 1.0)
        return found

    def scores(self, q: query.Query) -> Scores:
        """Return every document's BM25F score for a rankable query, as Whoosh gives it."""
        if type(q) is query.Term:
            found = self.term(q.fieldname, q.text)
        elif type(q) is query.Phrase:
            # Only where the phrase itself matches: an OR adds a part's score only where that part
            # matches.
            found = np.where(
                self.sets.matches(q),
                self._tree([self.term(q.fieldname, word) for word in q.words]),
                0.0,
            )
        else:
            # Whoosh adds a compound's parts as a binary tree: (a + b) + (c + d), halves first.
            found = self._tree([self.scores(sub) for sub in q.subqueries])
        return found * q.boost if q.boost != 1.0 else found

    def _tree(self, parts: list[Scores]) -> Scores:
        if len(parts) == 1:
            return parts[0]
        half = len(parts) // 2
        return self._tree(parts[:half]) + self._tree(parts[half:])

    def term(self, field: str, text: str) -> Scores:
        scores = np.zeros(self.size)
        ids, found = self.term_at(field, text)
        scores[ids] = found
        return scores

    def term_at(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Return the documents holding a term (in order) and its score in each, as term()."""
        found = self.leaf(field, text)
        if found is None:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        if found.codes is None:  # a keyword's frequencies: a copy, the postings' are shared
            return found.ids, found.weights.copy()
        return found.ids, found.scores(found.weights, found.ids)

    def leaf(self, field: str, text: str) -> held.Leaf | None:
        """Return a term's postings and what scores them; None where no document holds it."""
        if field not in self.searcher.schema:
            return None
        schema_field = self.searcher.schema[field]
        try:
            btext = schema_field.to_bytes(text)
        except ValueError:
            return None
        ids, weights = self.sets.postings(field, btext)
        if not len(ids):
            return None
        if not schema_field.scorable:  # Whoosh's WeightScorer: a keyword counts its frequency
            return held.Leaf(ids, weights, None, 0.0, 0.0, np.zeros(0))
        weighting = self.searcher.weighting
        b = weighting._field_B.get(field, weighting.B)
        k1 = weighting.K1
        # Whoosh's bm25(), term for term, so that every score is the same float: the length's
        # part, k1 * ((1 - b) + b * length / avgfl), worked out once for each of the 256 length
        # steps (the same operations on the same numbers) and looked up by each one's step.
        return held.Leaf(
            ids,
            weights,
            self.length_codes(field),
            self._idf(field, btext, len(ids)),
            k1,
            self._steps(field, b, k1),
        )

    def idf(self, field: str, text: str) -> float:
        """Return a term's idf, the searcher's: from the count of its postings where it may."""
        if field not in self.searcher.schema:
            return float(self.searcher.idf(field, text))
        try:
            btext = self.searcher.schema[field].to_bytes(text)
        except ValueError:
            return float(self.searcher.idf(field, text))
        if type(self.searcher.weighting) is not RobertsonBM25F or not self._counted(field):
            return float(self.searcher.idf(field, btext))
        return self._idf(field, btext, self.sets.count(field, btext))

    def _idf(self, field: str, btext: bytes, held: int) -> float:
        """Return a term's idf, as the searcher's: from its postings' count where it may be."""
        if type(self.searcher.weighting) is not RobertsonBM25F or not self._counted(field):
            return float(self.searcher.idf(field, btext))
        # The postings read from the arrays beside every segment are the term's document
        # frequency in Whoosh's term files (deleted documents included, as Whoosh counts them):
        # RobertsonBM25F.idf's own sum, without a look-up in the term files of each segment.
        return log(1 + (self.size - held + 0.5) / (held + 0.5))

    def _counted(self, field: str) -> bool:
        """Say whether a field's postings are all read from the arrays beside the segments."""
        return self.sets.reads_arrays(field)

    def _steps(self, field: str, b: float, k1: float) -> np.ndarray:
        key = (field, b, k1)
        if key not in self._length_steps:
            if field not in self._means:  # Whoosh sums every segment's lengths on each call
                self._means[field] = self.searcher.avg_field_length(field) or 1
            avgfl = self._means[field]
            self._length_steps[key] = k1 * ((1 - b) + b * lengths.LENGTHS / avgfl)
        return self._length_steps[key]

    def length_codes(self, field: str) -> np.ndarray:
        """Return every document's length byte in a field, mapped from the index's files."""
        if field not in self._lengths:
            self._lengths[field] = lengths.codes(self.reader, field, self.folder)
        return self._lengths[field]
