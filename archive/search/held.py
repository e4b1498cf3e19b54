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

from typing import TYPE_CHECKING

import numpy as np
from whoosh import query

from archive.search import bm25f, rescoring
from archive.search.scores import top, top_at
from archive.search.words import AtLeast

if TYPE_CHECKING:
    from archive.search.ranking import Ranker

# The documents that score, in order, and the score of each.
Held = tuple[np.ndarray, np.ndarray]


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
    ids = _union(size, [part_ids for part_ids, _ in parts])
    return ids, _added(_spread(size, ids, parts))


def _added(parts: list[np.ndarray]) -> np.ndarray:
    if len(parts) == 1:
        return parts[0]
    half = len(parts) // 2
    found: np.ndarray = _added(parts[:half]) + _added(parts[half:])
    return found


def _union(size: int, id_arrays: list[np.ndarray]) -> np.ndarray:
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
