"""Sets of documents as numpy masks over one index generation: what a query matches, and sort keys.

Whoosh walks postings one document at a time in Python; at 100,000 documents a common word
costs tens of milliseconds that way. Here a term's postings are read a block at a time into
arrays, and queries made of terms, AND, OR and NOT are combined as boolean masks. Anything
else (phrases, prefixes, ranges) is left to Whoosh's own `docs_for_query`.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path

import numpy as np
from whoosh import query
from whoosh.searching import Searcher

from archive.index import arrays, columns
from archive.index.arrays import positions, postings
from archive.search import limits
from archive.search.cache import ArrayCache
from archive.search.documents import DocumentCache
from archive.search.words import AtLeast

Mask = np.ndarray  # one bool per document number of the generation
CACHED_MASKS = 256  # about 3 MB at 100,000 documents, kept as bits (archive/search/cache.py)
CACHED_MASK_BYTES = 16 * 2**20  # and at most 16 MB: 128 masks at 1,000,000 documents
CACHED_POSTINGS = 64  # the terms of the last few queries
# and at most 24 MB of them (8 bytes a posting): at 1,000,000 documents a common word's postings
# alone are 4 MB, and 64 of them made most of a worker's own memory.
CACHED_POSTINGS_BYTES = 24 * 2**20


class DocSets:
    """Masks of one opened generation, with a bounded cache of those already computed."""

    def __init__(self, searcher: Searcher, folder: Path | None = None):
        self.searcher = searcher
        self.folder = folder
        self.reader = searcher.reader()
        # The build's postings arrays beside each segment (archive/index/arrays.py), where there
        # are any.
        self._arrays = arrays.open_segments(folder, self.reader) if folder is not None else None
        self._starts: list[int] | None = None  # each segment's first document number
        self.size = self.reader.doc_count_all()
        self.live = columns.live_mask(self.reader)
        # Facet and sort columns the build wrote beside the generation, mapped (None for an index
        # built before they were, or of another state: then worked out here as before).
        self.mapped = (
            columns.open_columns(folder, self.reader, self.live) if folder is not None else None
        )
        self._cache = ArrayCache(CACHED_MASK_BYTES, CACHED_MASKS)
        # The stored fields (and words) of the documents read last: pages and rescoring share them.
        self.documents = DocumentCache(searcher)
        self._postings: OrderedDict[tuple[str, bytes], tuple[np.ndarray, np.ndarray]] = (
            OrderedDict()
        )
        self._postings_bytes = 0
        self._columns: dict[str, np.ndarray] = {}
        # Columns worked out on first use rather than read: "largest" without mixing currencies,
        # amounts in real terms.
        self.derived: dict[str, Callable[[], np.ndarray]] = {}

    def cached(self, key: Hashable, compute: Callable[[], Mask]) -> Mask:
        """Return the mask stored under key, computing it on first use."""
        found = self._cache.get(key)
        if found is None:
            found = compute()
            found.flags.writeable = False  # shared between requests: nobody may change it
            if limits.spent():
                return found  # cut short by the time budget: not the whole answer, so not kept
            self._cache.put(key, found)
        return found

    def from_ids(self, ids: Iterable[int] | np.ndarray) -> Mask:
        """Make a mask of the live documents among ids."""
        mask = np.zeros(self.size, dtype=bool)
        array = ids if isinstance(ids, np.ndarray) else np.fromiter(ids, dtype=np.int64)
        mask[array] = True
        return mask & self.live

    def postings(self, field: str, text: str | bytes) -> tuple[np.ndarray, np.ndarray]:
        """Return a term's documents and weights, kept for the next few terms (ranking too)."""
        ids, weights = self._kept_postings(field, text)
        # Kept in the narrowest type that holds them exactly; every score is worked in float64.
        # Numbers are widened to numpy's index type once here: indexing by int32 takes numpy's
        # slow path (4 to 5 times a pass by intp), and a ranked word indexes by them four times.
        return ids.astype(np.intp, copy=False), weights.astype(np.float64, copy=False)

    def count(self, field: str, text: str | bytes) -> int:
        """Return how many documents a term's postings hold, deleted ones included (as Whoosh)."""
        return len(self._kept_postings(field, text)[0])

    def reads_arrays(self, field: str) -> bool:
        """Say whether a field's postings are all read from the arrays beside the segments."""
        return (
            self._arrays is not None
            and all(segment is not None for segment, _ in self._arrays)
            and arrays.covers(self.searcher.schema, field)
        )

    def _kept_postings(self, field: str, text: str | bytes) -> tuple[np.ndarray, np.ndarray]:
        key = (field, self.searcher.schema[field].to_bytes(text) if isinstance(text, str) else text)
        found = self._postings.get(key)
        if found is None:
            found = self._postings[key] = self._read_postings(*key)
            self._postings_bytes += found[0].nbytes + found[1].nbytes
            while len(self._postings) > 1 and (
                len(self._postings) > CACHED_POSTINGS
                or self._postings_bytes > CACHED_POSTINGS_BYTES
            ):
                ids, weights = self._postings.popitem(last=False)[1]
                self._postings_bytes -= ids.nbytes + weights.nbytes
        else:
            self._postings.move_to_end(key)
        return found

    def _read_postings(self, field: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
        # Document numbers in 32 bits where they fit, weights as the arrays hold them (float32,
        # term frequencies, exact): 8 bytes a posting kept instead of 16.
        narrow = np.int32 if self.size < 2**31 else np.int64
        if self._arrays is None or not arrays.covers(self.searcher.schema, field):
            ids, weights = postings(self.reader, field, btext)
            return ids.astype(narrow), _narrowed(weights)
        parts, scores = [], []
        for (leaf, offset), (segment, _) in zip(self.reader.leaf_readers(), self._arrays):
            found = (
                segment.postings(field, btext)
                if segment is not None
                else postings(leaf, field, btext)
            )
            if found is not None and len(found[0]):
                parts.append(found[0].astype(narrow) + offset)
                scores.append(found[1])
        if not parts:
            return np.zeros(0, dtype=narrow), np.zeros(0, dtype=np.float32)
        return np.concatenate(parts), _narrowed(np.concatenate(scores))

    def segment(self, doc: int) -> tuple[arrays.SegmentArrays | None, int]:
        """Return the arrays of a document's segment (None if it has none) and its number there."""
        if self._arrays is None:
            return None, doc
        if self._starts is None:
            self._starts = [offset for _, offset in self._arrays]
        segment, offset = self._arrays[bisect.bisect_right(self._starts, doc) - 1]
        return segment, doc - offset

    def term(self, field: str, text: str | bytes) -> Mask:
        """Return the live documents holding one term."""
        if field not in self.searcher.schema:
            return np.zeros(self.size, dtype=bool)
        try:
            return self.from_ids(self._kept_postings(field, text)[0].astype(np.intp, copy=False))
        except ValueError:  # text the field cannot hold, such as a word in a numeric field
            return np.zeros(self.size, dtype=bool)

    def _any_term(self, terms: list[tuple[str, str]]) -> Mask:
        """Return the live documents holding any of some terms, as the OR of term() gives them."""
        mask = np.zeros(self.size, dtype=bool)
        for field, text in terms:
            if field not in self.searcher.schema:
                continue
            try:
                ids = self._kept_postings(field, text)[0]
            except ValueError:  # text the field cannot hold
                continue
            mask[ids.astype(np.intp, copy=False)] = True
        return mask & self.live

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
            if all(type(sub) is query.Term for sub in q.subqueries):  # a word: one mask, not two
                return self._any_term([(sub.fieldname, sub.text) for sub in q.subqueries])
            return np.logical_or.reduce([self._evaluate(sub) for sub in q.subqueries])
        if type(q) is AtLeast:
            return self._at_least(q)
        if type(q) is query.AndNot:
            return self._evaluate(q.a) & ~self._evaluate(q.b)
        if type(q) is query.Not:
            return self.live & ~self._evaluate(q.query)
        if type(q) is query.AndMaybe:
            return self._evaluate(q.a)
        if type(q) is query.Require:
            return self._evaluate(q.a) & self._evaluate(q.b)
        if (
            type(q) is query.Phrase
            and q.slop == 1
            and q.words
            and q.fieldname in self.searcher.schema
        ):
            # Kept on its own too: ranking asks for each phrase's matches again (a phrase scores
            # only where it matches), and a phrase of common words is costly to work out.
            return self.cached(("q", q), lambda: self._phrase(q)).copy()
        return self.from_ids(self.searcher.docs_for_query(limits.budgeted(q)))

    def _at_least(self, q: AtLeast) -> Mask:
        # A long question's words are mostly common: their postings are millions at 1,000,000
        # documents. Each word's are scattered into one mask straight from the segments' arrays
        # (no list of them made, no mask a term), and counted only where more than one is needed.
        units = [self._terms(sub) for sub in q.subqueries]
        if q.minimum < 1:  # every document, deleted ones too, as a count of at least 0 is
            return np.ones(self.size, dtype=bool)
        if q.minimum == 1:
            plain = [terms for terms in units if terms is not None]
            held = self._holding([t for terms in plain for t in terms])
            others = [
                self._evaluate(sub) for sub, terms in zip(q.subqueries, units) if terms is None
            ]
            found = (
                np.logical_or.reduce([held, *others]) & self.live if others else held & self.live
            )
        else:
            count = np.zeros(self.size, dtype=np.int32)
            for sub, terms in zip(q.subqueries, units):
                count += self._evaluate(sub) if terms is None else self._holding(terms)
            found = (count >= q.minimum) & self.live
        for phrase in q.phrases:
            found |= self._evaluate(phrase)
        return found

    def _terms(self, q: query.Query) -> list[tuple[str, bytes]] | None:
        """Return the terms a query of terms joined by OR holds, where the arrays hold them all."""
        if self._arrays is None or any(segment is None for segment, _ in self._arrays):
            return None
        leaves = q.subqueries if type(q) is query.Or and not getattr(q, "minmatch", 0) else [q]
        found = []
        schema = self.searcher.schema
        for leaf in leaves:
            if type(leaf) is not query.Term or not arrays.covers(schema, leaf.fieldname):
                return None
            try:
                found.append((leaf.fieldname, schema[leaf.fieldname].to_bytes(leaf.text)))
            except ValueError:  # text the field cannot hold: held by no document
                continue
        return found

    def _holding(self, terms: list[tuple[str, bytes]]) -> Mask:
        """Return the documents holding any of some terms, deleted ones too (arrays mapped)."""
        found = np.zeros(self.size, dtype=bool)
        assert self._arrays is not None  # _terms checked
        ends = [offset for _, offset in self._arrays][1:] + [self.size]
        for (segment, offset), end in zip(self._arrays, ends):
            assert segment is not None
            part = found[offset:end]  # this segment's documents, by their numbers in it
            for key in terms:
                span = segment.terms.get(key)
                if span is not None and span[0] < span[1]:
                    part[segment.ids[span[0] : span[1]].astype(np.intp)] = True
        return found

    def _phrase(self, q: query.Phrase) -> Mask:
        # Whoosh's phrase is its words at consecutive positions (stop words are not counted): check
        # that only in the documents holding every word, from their postings' positions.
        field = self.searcher.schema[q.fieldname]
        try:
            btexts = [field.to_bytes(word) for word in q.words]
        except ValueError:
            return np.zeros(self.size, dtype=bool)
        masks = [self.term(q.fieldname, b) for b in btexts]
        wanted = np.logical_and.reduce(masks)
        if len(btexts) == 1 or not wanted.any():
            return wanted
        if self._arrays is not None and all(
            seg is not None and seg.has_positions for seg, _ in self._arrays
        ):
            return self._phrase_from_arrays(q.fieldname, btexts, wanted)
        # Where the phrase could start in each document, narrowed word by word, rarest word first.
        starts: dict[int, set[int]] | None = None
        for shift in sorted(range(len(btexts)), key=lambda i: np.count_nonzero(masks[i])):
            found = positions(self.reader, q.fieldname, btexts[shift], wanted)
            if starts is None:
                starts = {doc: {p - shift for p in poses} for doc, poses in found.items()}
            else:
                starts = {
                    doc: kept
                    for doc, at in starts.items()
                    if (kept := at.intersection([p - shift for p in found.get(doc, ())]))
                }
            if not starts:
                break
            wanted = self.from_ids(list(starts))
        return self.from_ids(list(starts or ()))

    def _phrase_from_arrays(self, field: str, btexts: list[bytes], wanted: Mask) -> Mask:
        # Each word's (document, position - its place in the phrase) pairs as one int64 key; the
        # phrase starts where every word has the same key. The rarest word first, and each next
        # word's positions read only in the documents still in the running: two common words'
        # positions are millions at 100,000 documents, most of them in documents already out.
        found = []
        assert self._arrays is not None  # the caller checked that every segment has arrays
        ends = [offset for _, offset in self._arrays][1:] + [self.size]
        for (segment, offset), end in zip(self._arrays, ends):
            assert segment is not None
            found_spans = [segment.terms.get((field, btext)) for btext in btexts]
            spans = [span for span in found_spans if span is not None]
            if len(spans) < len(btexts):
                continue  # a word this segment does not hold
            running = wanted[offset:end]  # this segment's documents, by their numbers in it
            keys = None
            for shift in sorted(
                range(len(btexts)), key=lambda n: _positions_held(segment, spans[n])
            ):
                docs, poses = _positions_in(segment, spans[shift], running)
                keep = poses >= shift
                # Sorted and distinct already: postings come in document order, positions rising.
                word_keys = (docs[keep].astype(np.int64) << 32) | (
                    poses[keep].astype(np.int64) - shift
                )
                keys = word_keys if keys is None else _common(keys, word_keys)
                if not len(keys):
                    break
                running = np.zeros(end - offset, dtype=bool)
                running[keys >> 32] = True
            if keys is not None and len(keys):
                docs = keys >> 32
                found.append(docs[np.concatenate(([True], docs[1:] != docs[:-1]))] + offset)
        return self.from_ids(np.concatenate(found) if found else np.zeros(0, dtype=np.int64))

    def column(self, field: str) -> np.ndarray:
        """Return a sortable column's value for every document number."""
        if field not in self._columns and field in self.derived:
            self._columns[field] = self.derived[field]()
        if field not in self._columns:
            mapped = self.mapped.sort(field) if self.mapped is not None else None
            self._columns[field] = (
                mapped if mapped is not None else columns.sort_column(self.reader, field)
            )
        return self._columns[field]

    def top(self, docs: Mask, field: str, reverse: bool, limit: int) -> np.ndarray:
        """Return the first `limit` of docs sorted by a column, ties broken as Whoosh does."""
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


def _narrowed(weights: np.ndarray) -> np.ndarray:
    """Return weights as float32 where that holds every one exactly, else as float64."""
    if weights.dtype == np.float32:
        return weights
    narrow = weights.astype(np.float32)
    return narrow if np.array_equal(narrow, weights) else weights.astype(np.float64)


def _common(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Return the keys in both of two sorted arrays of distinct keys, sorted.

    A binary search of the shorter in the longer: intersect1d sorts both joined, and a common
    word's keys at 100,000 documents are millions.
    """
    if len(first) > len(second):
        first, second = second, first
    if not len(first):
        return first
    at = np.minimum(np.searchsorted(second, first), len(second) - 1)
    found: np.ndarray = first[second[at] == first]
    return found


def _positions_held(segment: arrays.SegmentArrays, span: tuple[int, int]) -> int:
    """Return how many positions a term's postings hold in a segment."""
    return int(segment.starts[span[1]]) - int(segment.starts[span[0]])


def _positions_in(
    segment: arrays.SegmentArrays, span: tuple[int, int], docs: Mask
) -> tuple[np.ndarray, np.ndarray]:
    """Return a term's positions in some of a segment's documents, each with its document."""
    start, stop = span
    ids = segment.ids[start:stop]
    firsts = segment.starts[start : stop + 1]
    held = docs[ids]
    at = np.flatnonzero(held)
    if len(at) * 2 > len(ids):
        # Most of them: one slice of every position, then those of the documents wanted.
        every = np.repeat(ids, np.diff(firsts))
        keep = docs[every]
        return every[keep], segment.poses[firsts[0] : firsts[-1]][keep]
    lengths = firsts[at + 1] - firsts[at]
    # Posting j's positions run from firsts[j]; laid end to end, the k-th of them all is at
    # (firsts[j] - the positions of the postings before it) + k.
    before = np.cumsum(lengths) - lengths
    where = np.repeat(firsts[at] - before, lengths) + np.arange(int(lengths.sum()))
    return np.repeat(ids[at], lengths), segment.poses[where]
