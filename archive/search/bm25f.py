"""BM25F with the fields combined before saturation, for queries of plain words.

Whoosh's BM25F scores the title and the body as two BM25s and adds them, so a word in both
counts twice over, saturated twice, and the title's short length makes any title word score
nearly its full idf. Robertson and Zaragoza's BM25F ("The Probabilistic Relevance Framework:
BM25 and Beyond", 2009) first adds each field's length-normalised frequency, weighted, into
one pseudo-frequency, then saturates that once with one idf per word:

    tf~ = sum over fields f of  w_f * tf_f / (1 - b_f + b_f * length_f / mean length_f)
    score = idf * tf~ * (k1 + 1) / (tf~ + k1)

Every number here was chosen by bench/relevance.py on the mean of several judged collections
(docs/relevance.md).
"""

from __future__ import annotations

import weakref
from math import log

import numpy as np
from whoosh import query

from archive.index import lengths
from archive.search.scores import Scores
from archive.search.scores import ScoringIndex as Ranker
from archive.search.words import AtLeast

# Combine the fields before saturation (True), or add Whoosh's per-field BM25s (False).
COMBINED = True
K1 = 1.6
# Length normalisation per field; the title's weight is the title Term's boost (words.TITLE_BOOST).
B_FIELDS = {"title": 0.6, "body": 0.6}
TEXT = ("title", "body")


def scores(ranker: Ranker, q: AtLeast) -> Scores:
    """Return every document's BM25F score for a plain-words query, fields combined per word."""
    total = np.zeros(ranker.size)
    for unit in q.subqueries:
        leaves = list(unit.leaves())
        terms = [leaf for leaf in leaves if type(leaf) is query.Term]
        text = [t for t in leaves if type(t) in (query.Term, query.Phrase) and t.fieldname in TEXT]
        ids, values = word_at(ranker, text)
        total[ids] += values * unit.boost
        for other in terms:
            if other.fieldname not in TEXT:  # registry filings: Whoosh's keyword score, boosted
                total += ranker.term(other.fieldname, other.text) * other.boost
    return total * q.boost


def scores_at(ranker: Ranker, q: AtLeast) -> tuple[np.ndarray, np.ndarray] | None:
    """Return the documents scores() scores (in order) and each one's score, the same floats.

    Only the documents holding a word are worked on, not an array of every document. None
    where a registry filing's keyword is asked for (its score is Whoosh's, over every document).
    """
    parts: list[tuple[np.ndarray, np.ndarray]] = []
    for unit in q.subqueries:
        leaves = list(unit.leaves())
        if any(type(leaf) is query.Term and leaf.fieldname not in TEXT for leaf in leaves):
            return None
        text = [t for t in leaves if type(t) in (query.Term, query.Phrase) and t.fieldname in TEXT]
        ids, values = word_at(ranker, text)
        if len(ids):
            parts.append((ids, values * unit.boost))
    if not parts:
        return np.zeros(0, dtype=np.intp), np.zeros(0)
    # scores() adds each unit's values into an array of zeros in the order of the units: each
    # document's shares are added to 0.0 in that order here too.
    held, total = _added(ranker.size, parts) if len(parts) > 1 else parts[0]
    return held, total * q.boost


_norms_of: weakref.WeakKeyDictionary[Ranker, dict[str, np.ndarray]] = weakref.WeakKeyDictionary()


def _norms(ranker: Ranker, field: str, ids: np.ndarray) -> np.ndarray:
    """Return some documents' length normalisation in a field.

    Whoosh keeps a length as one of 256 steps (archive/index/lengths.py): the normalisation of
    each step is worked out once per searcher, and a document's is looked up by its length byte,
    the same float as worked out document by document (the same operations on the same numbers).
    """
    # take, not [], for both steps: a third of the time of fancy indexing by a uint8 array.
    found: np.ndarray = norm_steps(ranker, field).take(ranker.length_codes(field).take(ids))
    return found


def norm_steps(ranker: Ranker, field: str) -> np.ndarray:
    """Return the length normalisation of each of a field's 256 length steps, kept per searcher."""
    norms = _norms_of.setdefault(ranker, {})
    if field not in norms:
        b = B_FIELDS.get(field, 0.75)
        mean = ranker.searcher.avg_field_length(field) or 1.0
        norms[field] = (1 - b) + b * lengths.LENGTHS / mean
    return norms[field]


def word(ranker: Ranker, terms: list[query.Query]) -> Scores:
    """Score one word held in several text fields (and forms): pseudo-frequency, then saturation."""
    ids, values = word_at(ranker, terms)
    found = np.zeros(ranker.size)
    found[ids] = values
    return found


def word_at(
    ranker: Ranker, terms: list[query.Query], within: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Return the documents holding a word (in order) and its BM25F score in each.

    Only the documents holding it are worked on, not an array of every document: a rare word
    costs what its postings do, at any size of index. With `within`, a mask, only its documents
    are scored (the idf still counts every document holding the word): feedback adds a word's
    score only where the query matches.
    """
    found: list[tuple[np.ndarray, np.ndarray, query.Query]] = []
    for term in terms:
        if type(term) is query.Phrase:  # a compound written as two words: counted once a document
            ids = np.flatnonzero(ranker.sets.matches(term))
            weights = np.ones(len(ids))
        else:
            ids, weights = ranker.sets.postings(term.fieldname, term.text)
        if len(ids):
            found.append((ids, weights, term))
    if not found:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    df = None if within is None else _held(ranker, [ids for ids, _, _ in found], terms)
    parts: list[tuple[np.ndarray, np.ndarray]] = []
    for ids, weights, term in found:
        if within is not None:
            kept = within[ids]
            ids, weights = ids[kept], weights[kept]
        parts.append((ids, term.boost * weights / _norms(ranker, term.fieldname, ids)))
    if len(parts) == 1:
        held, pseudo = parts[0]  # in any order: callers place each value at its document
    else:
        held, pseudo = _added(ranker.size, parts)
    # One idf per word, from the documents holding it in any field (Robertson and Sparck Jones').
    if df is None:
        df = int(np.count_nonzero(pseudo)) if len(parts) > 1 else len(parts[0][0])
    idf = log(1 + (ranker.size - df + 0.5) / (df + 0.5))
    return held, idf * pseudo * (K1 + 1) / (pseudo + K1)


def _added(size: int, parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Return the documents of any part, in order, and each one's parts added in their order."""
    total = sum(len(ids) for ids, _ in parts)
    # A term's postings name each document once, so += adds every one of them: each
    # document's parts are added to 0.0 in the order of the parts, either way.
    if total * 64 > size:  # many: a pass over an array of every document is quicker
        mask = np.zeros(size, dtype=bool)
        every = np.zeros(size)
        for ids, found in parts:
            mask[ids] = True
            every[ids] += found
        held = np.flatnonzero(mask)
        return held, every[held]
    held = np.unique(np.concatenate([ids for ids, _ in parts]))
    pseudo = np.zeros(len(held))
    for ids, found in parts:
        pseudo[np.searchsorted(held, ids)] += found
    return held, pseudo


_held_of: weakref.WeakKeyDictionary[Ranker, dict[tuple[object, ...], int]] = (
    weakref.WeakKeyDictionary()
)
HELD_MEMO = 50_000  # words whose document frequency is kept (feedback words come again)


def _held(ranker: Ranker, id_arrays: list[np.ndarray], terms: list[query.Query]) -> int:
    """Return how many documents hold any of a word's terms, kept per searcher."""
    memo = _held_of.setdefault(ranker, {})
    key = tuple(
        (t.fieldname, t.text if type(t) is query.Term else tuple(getattr(t, "words", ())))
        for t in terms
    )
    found = memo.get(key)
    if found is None:
        if len(id_arrays) == 1:
            found = len(id_arrays[0])
        elif sum(len(ids) for ids in id_arrays) * 64 > ranker.size:
            mask = np.zeros(ranker.size, dtype=bool)
            for ids in id_arrays:
                mask[ids] = True
            found = int(np.count_nonzero(mask))
        else:
            found = len(np.unique(np.concatenate(id_arrays)))
        if len(memo) >= HELD_MEMO:
            memo.clear()
        memo[key] = found
    return found
