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

    def length_codes(self, field: str) -> np.ndarray: ...


def top(scores: Scores, docs: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the first `limit` of docs by score, ties by document number, as Whoosh orders them."""
    # Where `limit` of docs score above zero, the first `limit` are among them: each scores
    # above every other document. A rare word's page is then sorted from its few documents,
    # not from every document of the index.
    ids = np.flatnonzero((scores > 0) & docs)
    if len(ids) < limit:
        ids = np.flatnonzero(docs)
    found = scores[ids]
    if len(ids) > limit:
        # Keep only what can reach the top: every score at or above the limit-th, ties included.
        threshold = np.partition(found, len(found) - limit)[len(found) - limit]
        keep = found >= threshold
        ids, found = ids[keep], found[keep]
    order = np.lexsort((ids, -found))[:limit]
    return ids[order], found[order]
