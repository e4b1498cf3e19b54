"""Scores over a whole index as one array, and the best documents by them."""

from __future__ import annotations

import numpy as np

Scores = np.ndarray  # one float64 per document number, meaningful where the query matches


def top(scores: Scores, docs: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the first `limit` of docs by score, ties by document number, as Whoosh orders them."""
    ids = np.flatnonzero(docs)
    found = scores[ids]
    if len(ids) > limit:
        # Keep only what can reach the top: every score at or above the limit-th, ties included.
        threshold = np.partition(found, len(found) - limit)[len(found) - limit]
        keep = found >= threshold
        ids, found = ids[keep], found[keep]
    order = np.lexsort((ids, -found))[:limit]
    return ids[order], found[order]
