"""Scores over a whole index as one array, the best documents by them, and what they come from."""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np

from archive.search.docsets import DocSets

Scores = np.ndarray  # one float64 per document number, meaningful where the query matches


class ScoringIndex(Protocol):
    """What a scoring pass reads of ranking.Ranker: its searcher and sets, and a word's scores.

    Modules that ranking.Ranker calls (rescoring) type their ranker with this, so that they need
    not import ranking back.
    """

    searcher: Any  # a Whoosh Searcher
    sets: DocSets
    size: int

    def term(self, field: str, text: str) -> Scores: ...

    def idf(self, field: str, text: str) -> float: ...

    def length_codes(self, field: str) -> np.ndarray: ...


def top(scores: Scores, docs: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the first `limit` of docs by score, ties by document number, as Whoosh orders them."""
    # Where `limit` of docs score above zero, the first `limit` are among them: each scores
    # above every other document. A rare word's page is then sorted from its few documents,
    # not from every document of the index.
    ids = np.flatnonzero((scores > 0) & docs)
    if len(ids) < limit:
        ids = np.flatnonzero(docs)
    return best(ids, scores[ids], limit)


def top_at(
    ids: np.ndarray, values: np.ndarray, docs: np.ndarray, limit: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """Return what top() gives over scores that are values at ids (sorted) and 0 elsewhere.

    Only the scoring documents are looked at, not every document of the index. None where
    fewer than `limit` of docs score above zero: top() then fills the page with documents
    scoring 0, which only the whole array names.
    """
    held = (values > 0) & docs.take(ids)
    count = int(np.count_nonzero(held))
    if limit < 1 or count < limit:
        return None
    if count < len(ids):
        ids, values = ids[held], values[held]
    return best(ids, values, limit)


# Above this many scores, a floor is first read from a sample of them (see best()).
SAMPLED = 4096
SAMPLE_STEP = 16


def best(ids: np.ndarray, found: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the first `limit` of some documents (in order) by score, ties by document number."""
    if len(ids) > limit:
        if len(found) > SAMPLED and len(found) // SAMPLE_STEP >= limit:
            # The limit-th best of every 16th score is no higher than the limit-th best of all
            # of them: a floor that drops most scores in one pass, so that the exact threshold
            # below is taken from a few hundred rather than from every match (a partition of a
            # common word's 80,000 scores costs three times the pass).
            part = found[::SAMPLE_STEP]
            floor = np.partition(part, len(part) - limit)[len(part) - limit]
            near = np.flatnonzero(found >= floor)
            ids, found = ids.take(near), found.take(near)
        # Keep only what can reach the top: every score at or above the limit-th, ties included.
        threshold = np.partition(found, len(found) - limit)[len(found) - limit]
        keep = found >= threshold
        ids, found = ids[keep], found[keep]
    order = np.lexsort((ids, -found))[:limit]
    return ids[order], found[order]
