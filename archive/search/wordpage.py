"""A page of a plain-words query scored by a bound on its longest term, not over every match.

A query of two words scores each document by BM25F with the fields combined (bm25f.py), adds
the proximity bonus of its best ten matches (rescoring.py), and shows the best of the page's
documents. Where one word is common, its body term holds most documents and everything else
few: as in held.pruned (MaxScore's argument), the documents holding any other term are scored
first, the best of them give a floor that the rescoring window and the page both reach, and of
the documents holding the longest term alone only those whose frequency could reach that floor
are scored. The window, the bonus, the page and every score on it are those of the whole pass
(tests/test_held.py).
"""

from __future__ import annotations

from math import log

import numpy as np
from whoosh import query

from archive.search import bm25f, held, rescoring
from archive.search.held import union
from archive.search.scores import ScoringIndex as Ranker
from archive.search.scores import top_at
from archive.search.words import AtLeast

# The matches alone are scored where they are at most one in BY_MATCHES of the terms' postings.
BY_MATCHES = 4
# One occurrence of a term in the query: its word's place, the term, its documents, frequencies.
Occurrence = tuple[int, query.Term, np.ndarray, np.ndarray]


def page(
    ranker: Ranker, q: AtLeast, docs: np.ndarray, limit: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """Return what the whole first pass, rescored, gives the page; None where it does not pay.

    Only for queries whose rescoring adds no feedback (fewer words than feedback takes).
    """
    if q.phrases or not bm25f.COMBINED or rescoring._feeds(q) or limit < 1 or q.boost <= 0:
        return None
    found = _occurrences(ranker, q)
    if found is None or not found:
        return None
    postings = sum(len(ids) for _, _, ids, _ in found)
    if max(len(ids) for _, _, ids, _ in found) < held.PRUNE_FROM:
        return None  # few: every score worked out, and kept, serves the next click better
    matched = ranker.sets.matches(q)
    window = max(rescoring.PROXIMITY_WINDOW, rescoring.FEEDBACK_DOCS)
    dfs = _dfs(ranker, q, found)
    # Only the query's matches reach the window, and only docs the page: where the words are
    # all required those are few, and the only documents scored.
    either = matched if docs is matched else matched | docs
    few = np.flatnonzero(either)
    if len(few) * BY_MATCHES <= postings:
        first = _first(ranker, q, found, dfs, few)
    else:
        pruned = _pruned(ranker, q, found, dfs, docs, limit, matched, window)
        if pruned is None:
            return None
        few, first = pruned
    if rescoring.PROXIMITY or rescoring.FEEDBACK:
        best = top_at(few, first, matched, window)
        if best is None:
            return None
        near, bonus = rescoring.proximity(ranker, q, best[0][: rescoring.PROXIMITY_WINDOW])
        first[np.searchsorted(few, near)] += bonus  # distinct documents, as rescoring adds
    return top_at(few, first, docs, limit)


def _pruned(
    ranker: Ranker,
    q: AtLeast,
    found: list[Occurrence],
    dfs: dict[int, int],
    docs: np.ndarray,
    limit: int,
    matched: np.ndarray,
    window: int,
) -> tuple[np.ndarray, np.ndarray] | None:
    """Return the documents that can reach the window or the page, and their first-pass scores.

    None where the bound would leave out too few to pay.
    """
    if len(found) < 2:
        return None
    longest = max(range(len(found)), key=lambda n: len(found[n][2]))
    word, term, ids, weights = found[longest]
    few = union(ranker.size, [found[n][2] for n in range(len(found)) if n != longest])
    if len(few) * held.FEWER > len(ids):
        return None
    first = _first(ranker, q, found, dfs, few)
    floor = min(_floor(first, few, matched, window), _floor(first, few, docs, limit))
    if floor <= 0:
        return None  # fewer scoring documents than the window or the page among them
    floor *= 1 - held.SLACK
    # Alone, the longest term scores idf × p × (k1 + 1) / (p + k1), times the boosts, with p its
    # frequency over the document's length normalisation: at most over the least of them.
    most = _idf(ranker.size, dfs[word]) * (bm25f.K1 + 1) * q.subqueries[word].boost * q.boost
    if floor < most:
        least = float(bm25f.norm_steps(ranker, term.fieldname).min())
        pseudo = bm25f.K1 * floor / (most - floor)
        rising = ids[weights >= pseudo * least / term.boost * (1 - held.SLACK)]
        if len(rising) * held.FEWER > len(ids):
            return None
        few = union(ranker.size, [few, rising])
        first = _first(ranker, q, found, dfs, few)
    return few, first


def _occurrences(ranker: Ranker, q: AtLeast) -> list[Occurrence] | None:
    """Return each term of each word with its postings; None if a word holds anything else."""
    found: list[Occurrence] = []
    for word, unit in enumerate(q.subqueries):
        if unit.boost <= 0:
            return None
        for leaf in unit.leaves():
            if type(leaf) is not query.Term or leaf.fieldname not in bm25f.TEXT or leaf.boost <= 0:
                return None
            ids, weights = ranker.sets.postings(leaf.fieldname, leaf.text)
            if len(ids):
                found.append((word, leaf, ids, weights))
    return found


def _dfs(ranker: Ranker, q: AtLeast, found: list[Occurrence]) -> dict[int, int]:
    """Return how many documents hold each word in any of its terms (word_at's idf counts)."""
    dfs = {}
    for word, unit in enumerate(q.subqueries):
        holding = [ids for n, _, ids, _ in found if n == word]
        if holding:
            dfs[word] = bm25f._held(ranker, holding, list(unit.leaves()))
    return dfs


def _idf(size: int, df: int) -> float:
    return log(1 + (size - df + 0.5) / (df + 0.5))


def _first(
    ranker: Ranker, q: AtLeast, found: list[Occurrence], dfs: dict[int, int], docs: np.ndarray
) -> np.ndarray:
    """Return bm25f.scores(q) at some sorted documents, the same floats, 0 where none.

    Each word's parts added to 0.0 in order (a part a document lacks adds 0.0), saturated with
    its idf, then the words added to 0.0 in order, times the query's boost: what word_at and
    scores do over their own documents.
    """
    total = np.zeros(len(docs))
    for word, unit in enumerate(q.subqueries):
        if word not in dfs:
            continue  # no document holds it: scores adds nothing
        pseudo = np.zeros(len(docs))
        for n, term, ids, weights in found:
            if n != word:
                continue
            at = np.minimum(np.searchsorted(ids, docs), len(ids) - 1)
            hit = np.flatnonzero(ids.take(at) == docs)
            placed = docs.take(hit)
            pseudo[hit] += (
                term.boost
                * weights.take(at.take(hit))
                / bm25f._norms(ranker, term.fieldname, placed)
            )
        idf = _idf(ranker.size, dfs[word])
        values = idf * pseudo * (bm25f.K1 + 1) / (pseudo + bm25f.K1)
        total += values * unit.boost
    found_total: np.ndarray = total * q.boost
    return found_total


def _floor(first: np.ndarray, few: np.ndarray, docs: np.ndarray, limit: int) -> float:
    """Return the limit-th best positive score of few's documents in docs; 0 if fewer score."""
    scoring = first[(first > 0) & docs.take(few)]
    if len(scoring) < limit:
        return 0.0
    return float(np.partition(scoring, len(scoring) - limit)[len(scoring) - limit])
