"""Sets of documents as numpy masks over one index generation: what a query matches, and sort keys.

Whoosh walks postings one document at a time in Python; at 100,000 documents a common word
costs tens of milliseconds that way. Here a term's postings are read a block at a time into
arrays, and queries made of terms, AND, OR and NOT are combined as boolean masks. Anything
else (phrases, prefixes, ranges) is left to Whoosh's own `docs_for_query`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator

import numpy as np
from whoosh import query
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader, TermNotFound
from whoosh.searching import Searcher

Mask = np.ndarray  # one bool per document number of the generation
CACHED_MASKS = 256  # about 25 MB at 100,000 documents
CACHED_POSTINGS = 64  # the terms of the last few queries


def term_ids(reader: IndexReader, field: str, text: str | bytes) -> np.ndarray:
    """Return the document numbers holding a term, deleted ones included, as an int64 array."""
    return postings(reader, field, text)[0]


def postings(reader: IndexReader, field: str, text: str | bytes) -> tuple[np.ndarray, np.ndarray]:
    """Return a term's document numbers (deleted ones included) and its weights in them, as arrays."""
    ids, weights = [], []
    for leaf, offset in reader.leaf_readers():
        try:
            matcher = leaf.postings(field, text)
        except TermNotFound:
            continue
        if isinstance(matcher, FilterMatcher):  # deleted documents: the caller masks them out
            matcher = matcher.child
        for block_ids, block_weights in _blocks(matcher):
            ids.append(block_ids + offset)
            weights.append(block_weights)
    if not ids:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(ids), np.concatenate(weights)


def _blocks(matcher) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    if not isinstance(matcher, W3LeafMatcher):
        ids, weights = [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
        yield np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float64)
        return
    # Whoosh 2.7's block format: each block's data tuple holds its ids, delta-coded unless they
    # are stored as bytes, then its weights: None for all 1.0, one float for all the same, or an
    # array. Decoding a block at once is what makes this fast.
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        ids = np.asarray(matcher._data[0], dtype=np.int64)
        ids = ids if matcher._byteids else np.cumsum(ids)
        weights = matcher._data[1]
        if weights is None or isinstance(weights, float):
            yield ids, np.full(len(ids), 1.0 if weights is None else weights)
        else:
            yield ids, np.asarray(weights, dtype=np.float64)
        matcher._next_block()


class DocSets:
    """Masks of one opened generation, with a bounded cache of those already computed."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.size = self.reader.doc_count_all()
        self.live = np.zeros(self.size, dtype=bool)
        self.live[np.fromiter(self.reader.all_doc_ids(), dtype=np.int64)] = True
        self._cache: OrderedDict[Hashable, Mask] = OrderedDict()
        self._postings: OrderedDict[tuple[str, bytes], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._columns: dict[str, np.ndarray] = {}
        # Sort keys not in the index but worked out on first use, such as amounts in real terms.
        self.virtual: dict[str, Callable[[], np.ndarray]] = {}

    def cached(self, key: Hashable, compute: Callable[[], Mask]) -> Mask:
        """Return the mask stored under key, computing it on first use."""
        found = self._cache.get(key)
        if found is None:
            found = compute()
            found.flags.writeable = False  # shared between requests: nobody may change it
            self._cache[key] = found
            if len(self._cache) > CACHED_MASKS:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return found

    def from_ids(self, ids: Iterable[int] | np.ndarray) -> Mask:
        """Make a mask of the live documents among ids."""
        mask = np.zeros(self.size, dtype=bool)
        array = ids if isinstance(ids, np.ndarray) else np.fromiter(ids, dtype=np.int64)
        mask[array] = True
        return mask & self.live

    def postings(self, field: str, text: str | bytes) -> tuple[np.ndarray, np.ndarray]:
        """Return a term's documents and weights, kept for the next few terms: ranking reads them too."""
        key = (field, self.searcher.schema[field].to_bytes(text) if isinstance(text, str) else text)
        found = self._postings.get(key)
        if found is None:
            found = self._postings[key] = postings(self.reader, *key)
            if len(self._postings) > CACHED_POSTINGS:
                self._postings.popitem(last=False)
        else:
            self._postings.move_to_end(key)
        return found

    def term(self, field: str, text: str | bytes) -> Mask:
        """Return the live documents holding one term."""
        if field not in self.searcher.schema:
            return np.zeros(self.size, dtype=bool)
        try:
            return self.from_ids(self.postings(field, text)[0])
        except ValueError:  # text the field cannot hold, such as a word in a numeric field
            return np.zeros(self.size, dtype=bool)

    def matches(self, q: query.Query) -> Mask:
        """Return the live documents a query matches, cached by query."""
        return self.cached(("q", q), lambda: self._evaluate(q))

    def _evaluate(self, q: query.Query) -> Mask:
        if isinstance(q, query.Every) and not q.fieldname:
            return self.live.copy()
        if q is query.NullQuery:
            return np.zeros(self.size, dtype=bool)
        if type(q) is query.Term:
            return self.term(q.fieldname, q.text)
        if type(q) is query.And and q.subqueries:
            return np.logical_and.reduce([self._evaluate(sub) for sub in q.subqueries])
        if type(q) is query.Or and q.subqueries and not getattr(q, "minmatch", 0):
            return np.logical_or.reduce([self._evaluate(sub) for sub in q.subqueries])
        if type(q) is query.AndNot:
            return self._evaluate(q.a) & ~self._evaluate(q.b)
        if type(q) is query.Not:
            return self.live & ~self._evaluate(q.query)
        if type(q) is query.AndMaybe:
            return self._evaluate(q.a)
        if type(q) is query.Require:
            return self._evaluate(q.a) & self._evaluate(q.b)
        return self.from_ids(self.searcher.docs_for_query(q))

    def column(self, field: str) -> np.ndarray:
        """Return a sortable column's value for every document number."""
        if field not in self._columns and field in self.virtual:
            self._columns[field] = self.virtual[field]()
        if field not in self._columns:
            reader = self.reader.column_reader(field)
            self._columns[field] = np.fromiter(iter(reader), dtype=np.int64, count=self.size)
        return self._columns[field]

    def top(self, docs: Mask, field: str, reverse: bool, limit: int) -> np.ndarray:
        """Return the first `limit` documents of docs sorted by a column, ties as Whoosh breaks them."""
        ids = np.flatnonzero(docs)
        keys = self.column(field)[ids]
        if len(ids) > limit:
            # Keep only what can reach the top: every key at or beyond the limit-th, ties included.
            if reverse:
                threshold = np.partition(keys, len(keys) - limit)[len(keys) - limit]
                keep = keys >= threshold
            else:
                threshold = np.partition(keys, limit - 1)[limit - 1]
                keep = keys <= threshold
            ids, keys = ids[keep], keys[keep]
        # Whoosh sorts (key, docnum) pairs and reverses the whole list, docnum included.
        order = np.lexsort((ids, keys))
        if reverse:
            order = order[::-1]
        return ids[order[:limit]]
