"""Rescore a plain-words query's best documents: words close together, and words the best share.

BM25F scores each word on its own. Two cheap passes over the best few documents of a
plain-words query add what it misses: a document holding the words near one another (a
phrase, a name) gains for each pair; and the words most typical of the best ten documents
(pseudo-relevance feedback, as RM3) add a little of their score to every matching document,
so an abstract that says "heat transfer" where the question says "heating" is not lost. Both
only reorder what the query matches: the results and their facet counts stay exact. Every
number here was chosen by bench/relevance.py (see the README).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import numpy as np
from whoosh import query

from archive.search.words import AtLeast

if TYPE_CHECKING:
    from archive.search.ranking import Ranker, Scores

# The best PROXIMITY_WINDOW documents gain PROXIMITY × the mean idf of each pair of the query's
# words that they hold within PROXIMITY_SPAN words of each other, divided by the gap.
PROXIMITY = 0.5
PROXIMITY_WINDOW = 30
PROXIMITY_SPAN = 8
# For queries of FEEDBACK_WORDS words or more: the FEEDBACK_TERMS words most typical of the best
# FEEDBACK_DOCS documents (held by FEEDBACK_SHARED of them at least) add their BM25 scores,
# weighted by how typical each is, times FEEDBACK × the number of the query's words.
FEEDBACK = 1.2
FEEDBACK_WORDS = 3
FEEDBACK_DOCS = 10
FEEDBACK_TERMS = 20
FEEDBACK_SHARED = 2


def proximity(ranker: Ranker, q: AtLeast, scores: Scores) -> Scores:
    """Score the best few documents for how close together they hold the query's words."""
    bonus = np.zeros(ranker.size)
    stems = _stems(q, "body")
    if not PROXIMITY or len(stems) < 2:
        return bonus
    window = _best(ranker, q, scores, PROXIMITY_WINDOW)[0]
    positions = [ranker.positions("body", stem, window) for stem in stems]
    idfs = [ranker.searcher.idf("body", stem) for stem in stems]
    for doc in window.tolist():
        held = [(where[doc], idf) for where, idf in zip(positions, idfs) if doc in where]
        total = 0.0
        for i, (first, first_idf) in enumerate(held):
            for second, second_idf in held[i + 1:]:
                gap = _nearest(first, second)
                if gap <= PROXIMITY_SPAN:
                    total += (first_idf + second_idf) / 2 / gap
        bonus[doc] = PROXIMITY * total
    return bonus


def feedback(ranker: Ranker, q: AtLeast, scores: Scores) -> Scores:
    """Score matching documents for the words most typical of the best few (pseudo-relevance feedback)."""
    extra = np.zeros(ranker.size)
    if not FEEDBACK or len(q.subqueries) < FEEDBACK_WORDS:
        return extra
    best, best_scores = _best(ranker, q, scores, FEEDBACK_DOCS)
    if not len(best) or best_scores.sum() <= 0:
        return extra
    asked = {leaf.text for leaf in q.leaves() if type(leaf) is query.Term}
    analyzer = ranker.searcher.schema["body"].analyzer
    weights: Counter[str] = Counter()
    holders: Counter[str] = Counter()
    for doc, share in zip(best.tolist(), (best_scores / best_scores.sum()).tolist()):
        stored = ranker.searcher.stored_fields(doc)
        stems = [t.text for t in analyzer(f"{stored.get('title', '')} {stored.get('body', '')}")]
        for stem, n in Counter(stems).items():
            if stem not in asked and stem.isalpha():
                weights[stem] += share * n / len(stems)
                holders[stem] += 1
    # Typical: shared by the best documents (a word of one alone would only promote that one),
    # frequent in them and rare in the rest.
    shared = [t for t in weights if holders[t] >= FEEDBACK_SHARED]
    terms = sorted(shared, key=lambda t: (-weights[t] * ranker.searcher.idf("body", t), t))[:FEEDBACK_TERMS]
    total = sum(weights[t] for t in terms)
    for term in terms:
        extra += (weights[term] / total) * ranker.term("body", term)
    # Weighed against the query's own words, so that feedback is the same share of a short query and a long one.
    return FEEDBACK * len(q.subqueries) * extra * ranker.sets.matches(q)


def _best(ranker: Ranker, q: AtLeast, scores: Scores, limit: int) -> tuple[np.ndarray, np.ndarray]:
    from archive.search.ranking import top

    return top(scores, ranker.sets.matches(q), limit)


def _stems(q: AtLeast, field: str) -> list[str]:
    return [leaf.text for leaf in q.leaves() if type(leaf) is query.Term and leaf.fieldname == field]


def _nearest(first: np.ndarray, second: np.ndarray) -> int:
    """Return the smallest distance between a position in one sorted array and one in the other."""
    at = np.searchsorted(second, first)
    before = np.abs(first - second[np.clip(at - 1, 0, len(second) - 1)])
    after = np.abs(second[np.clip(at, 0, len(second) - 1)] - first)
    return int(min(before.min(), after.min()))
