"""A ranked page from the scores of the documents that hold a term, not of every document.

Ranker.scores() gives an array of every document's score: at 100,000 documents each array a
query makes, adds, multiplies and searches for its best costs as much for a word held by a
hundred documents as for one held by every document. Here the same scores are worked out only
where a term is held: the documents of each part (in order) and their scores, the parts added
in the same tree over their documents (a document lacking a part adds 0.0, which changes no
float), and the page chosen among them (scores.top_at). Every score and every page is the
same as the whole array's (tests/test_held.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
from whoosh import query

from archive.search import bm25f, rescoring
from archive.search.cache import ArrayCache
from archive.search.scores import ScoringIndex, top, top_at
from archive.search.words import AtLeast

# The documents that score, in order, and the score of each.
Held = tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True)
class Leaf:
    """A term's postings (documents in order, frequencies) and what its BM25 score is made of."""

    ids: np.ndarray
    weights: np.ndarray
    codes: np.ndarray | None  # every document's length step in the field; None: not scored
    idf: float
    k1: float
    steps: np.ndarray  # k1 * ((1 - b) + b * length / mean length) of each length step

    def scores(self, weights: np.ndarray, docs: np.ndarray) -> np.ndarray:
        """Return the term's score in some of its documents, given their frequencies."""
        if self.codes is None:
            return weights
        k1 = self.k1
        found: np.ndarray = self.idf * (
            (weights * (k1 + 1)) / (weights + self.steps.take(self.codes.take(docs)))
        )
        return found

    def at(self, docs: np.ndarray) -> np.ndarray:
        """Return the term's score in each of some sorted documents, 0 where it is absent."""
        found = np.zeros(len(docs))
        if not len(docs):
            return found
        at = np.minimum(np.searchsorted(self.ids, docs), len(self.ids) - 1)
        hit = np.flatnonzero(self.ids.take(at) == docs)
        found[hit] = self.scores(self.weights.take(at.take(hit)), docs.take(hit))
        return found


class Ranker(ScoringIndex, Protocol):
    """What this module reads of ranking.Ranker (which imports it): its cache and its terms."""

    _cache: ArrayCache

    def term_at(self, field: str, text: str) -> Held: ...

    def leaf(self, field: str, text: str) -> Leaf | None: ...


def scores(ranker: Ranker, q: query.Query) -> Held | None:
    """Return what ranker.scores(q) gives, where it is not 0; None for a quoted phrase."""
    if type(q) is query.Term:
        ids, found = ranker.term_at(q.fieldname, q.text)
    elif type(q) is query.Phrase:
        return None  # scored only where the phrase matches: left to the whole array
    else:
        parts = []
        for sub in q.subqueries:
            part = scores(ranker, sub)
            if part is None:
                return None
            parts.append(part)
        ids, found = _tree(ranker.size, parts)
    return (ids, found * q.boost) if q.boost != 1.0 else (ids, found)


def _tree(size: int, parts: list[Held]) -> Held:
    """Return the parts added as Ranker._tree adds them, (a + b) + (c + d), over their documents."""
    if len(parts) == 1:
        return parts[0]
    ids = union(size, [part_ids for part_ids, _ in parts])
    return ids, _added(_spread(size, ids, parts))


def _added(parts: list[np.ndarray]) -> np.ndarray:
    if len(parts) == 1:
        return parts[0]
    half = len(parts) // 2
    found: np.ndarray = _added(parts[:half]) + _added(parts[half:])
    return found


def union(size: int, id_arrays: list[np.ndarray]) -> np.ndarray:
    """Return the documents of any of some sorted arrays of distinct documents, in order."""
    if sum(len(ids) for ids in id_arrays) * 64 > size:  # many: a mask of every document is quicker
        mask = np.zeros(size, dtype=bool)
        for ids in id_arrays:
            mask[ids] = True
        return np.flatnonzero(mask)
    return np.unique(np.concatenate(id_arrays))


def _spread(size: int, ids: np.ndarray, parts: list[Held]) -> list[np.ndarray]:
    """Return each part's scores at each of ids (a superset of its documents), 0 where none."""
    found = []
    many = sum(len(part_ids) for part_ids, _ in parts) * 64 > size
    scratch = np.zeros(size) if many else None
    for part_ids, values in parts:
        if len(part_ids) == len(ids):
            found.append(values)  # the same documents: both sorted and distinct
        elif scratch is not None:  # placed through an array of every document, then cleared
            scratch[part_ids] = values
            found.append(scratch.take(ids))
            scratch[part_ids] = 0.0
        else:
            spread = np.zeros(len(ids))
            spread[np.searchsorted(ids, part_ids)] = values
            found.append(spread)
    return found


def first(ranker: Ranker, q: AtLeast) -> Held | None:
    """Return a plain-words query's rescored scores where no feedback is added; else None.

    What Ranker._first and rescoring give a query of fewer words than feedback takes:
    BM25F with the fields combined, and the proximity bonus of its best few documents. Kept
    for the next page or filter click. None where feedback is added (archive/search/pruning.py
    pages those) or the best few are not all scoring documents.
    """
    if q.phrases or not bm25f.COMBINED or rescoring._feeds(q):
        return None
    kept = ranker._cache.sparse(("first", q))
    if kept is not None:
        return kept
    found = bm25f.scores_at(ranker, q)
    if found is None:
        return None
    ids, values = found
    if rescoring.PROXIMITY or rescoring.FEEDBACK:
        window = top_at(
            ids,
            values,
            ranker.sets.matches(q),
            max(rescoring.PROXIMITY_WINDOW, rescoring.FEEDBACK_DOCS),
        )
        if window is None:
            return None  # rescoring's window then holds documents scoring 0
        docs, bonus = rescoring.proximity(ranker, q, window[0][: rescoring.PROXIMITY_WINDOW])
        values[np.searchsorted(ids, docs)] += bonus  # distinct documents, as rescoring adds
    ranker._cache.put_sparse(("first", q), ranker.size, ids, values)
    return ids, values


def page(size: int, held: Held, docs: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Return what scores.top gives over the array of size holding held's scores, else 0."""
    found = top_at(held[0], held[1], docs, limit)
    if found is not None:
        return found
    every = np.zeros(size)
    every[held[0]] = held[1]
    return top(every, docs, limit)


# A page is chosen by a bound (MaxScore's argument), or from the matches alone (wordpage.py),
# only where the longest term has at least this many documents. Below it every score is worked
# out and kept: as quick, and the next click on a filter reads them from the cache.
PRUNE_FROM = 4096
# ... and only where it leaves out all but one in FEWER of them.
FEWER = 4
# The bound is loosened by this share, so that rounding in a score never crosses it.
SLACK = 1e-6
Leaves = dict[tuple[str, str], Leaf | None]


def pruned(
    ranker: Ranker, q: query.Query, docs: np.ndarray, limit: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """Return what page() gives over scores(q), scoring few documents of its longest term.

    A word is its title term and its body term, added. The body term of a common word holds most
    documents; the others hold few. Every document holding one of the others is scored first,
    and the `limit`-th best of them in docs is a floor the page reaches. A document holding the
    longest term alone scores only that term (times its boosts), which grows with the term's
    frequency and is at most what the shortest length would give: only documents whose
    frequency could reach the floor are scored. The rest score below the page's last, so the
    page, its order and its scores are those of every document scored. None where this does not
    pay (few documents, or a floor too low to leave out most of them).
    """
    leaves: Leaves = {}
    factors = _factors(ranker, q, 1.0, leaves)
    if factors is None or len(factors) < 2 or limit < 1:
        return None
    longest = max(factors, key=lambda key: len(_held_by(leaves, key)))
    big = leaves[longest]
    factor = factors[longest]
    if big is None or big.codes is None or len(big.ids) < PRUNE_FROM or big.idf <= 0:
        return None
    few = union(ranker.size, [_held_by(leaves, key) for key in factors if key != longest])
    if len(few) * FEWER > len(big.ids):
        return None
    found = among(q, few, leaves)
    if found is None:
        return None
    scoring = found[(found > 0) & docs.take(few)]
    if len(scoring) < limit:
        return None
    floor = float(np.partition(scoring, len(scoring) - limit)[len(scoring) - limit]) * (1 - SLACK)
    most = factor * big.idf * (big.k1 + 1)  # the longest term's score as its frequency grows
    if floor < most:
        # most * w / (w + least step) reaches the floor from this frequency on
        least = float(big.steps.min())
        rising = big.ids[big.weights >= floor * least / (most - floor) * (1 - SLACK)]
        if len(rising) * FEWER > len(big.ids):
            return None
        few = union(ranker.size, [few, rising])
        found = among(q, few, leaves)
        if found is None:
            return None
    return top_at(few, found, docs, limit)


def _held_by(leaves: Leaves, key: tuple[str, str]) -> np.ndarray:
    leaf = leaves[key]
    return leaf.ids if leaf is not None else np.zeros(0, dtype=np.intp)


def _factors(
    ranker: Ranker, q: query.Query, factor: float, leaves: Leaves
) -> dict[tuple[str, str], float] | None:
    """Return each term of a tree of terms and the product of the boosts over it; None if not so.

    Only positive boosts: a document's score then grows with each term's.
    """
    factor *= q.boost
    if factor <= 0 or type(q) is query.Phrase:
        return None
    if type(q) is query.Term:
        key = (q.fieldname, q.text)
        if key not in leaves:
            leaves[key] = ranker.leaf(q.fieldname, q.text)
        return {key: factor}
    found: dict[tuple[str, str], float] = {}
    for sub in q.subqueries:
        part = _factors(ranker, sub, factor, leaves)
        if part is None:
            return None
        for key, value in part.items():
            if key in found:  # a term twice: its factors would add
                return None
            found[key] = value
    return found


def among(q: query.Query, docs: np.ndarray, leaves: Leaves) -> np.ndarray | None:
    """Return what scores(q) gives some sorted documents (0 where none), from the terms' leaves."""
    if type(q) is query.Term:
        leaf = leaves[(q.fieldname, q.text)]
        found = leaf.at(docs) if leaf is not None else np.zeros(len(docs))
    elif type(q) is query.Phrase:
        return None
    else:
        parts = []
        for sub in q.subqueries:
            part = among(sub, docs, leaves)
            if part is None:
                return None
            parts.append(part)
        found = _added(parts)
    return found * q.boost if q.boost != 1.0 else found
