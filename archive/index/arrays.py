"""Postings as arrays beside each segment: each term's document numbers and weights, to slice.

Whoosh keeps a term's postings in zlib-compressed pickled blocks, positions included, and a
query decodes them again every time: at 10,000 documents most of a word query's time. After a
commit the build writes, for each new segment, its terms' postings as two flat arrays
(`<segment>.pids.npy`, `<segment>.pwts.npy`) and a table of where each term's run starts and
ends (`<segment>.pterms`). Searchers map the arrays (nothing is read until a term is used, and
the pages are shared between worker processes). Segments are never rewritten, so their arrays
stay valid across generations, as the segments' own files do; the index stays Whoosh's own.
"""

from __future__ import annotations

import itertools
import os
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.fields import NUMERIC
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader, TermNotFound

from archive.index import forward, termtable
from archive.index.termtable import TermTable

SUFFIXES = (
    ".pids.npy",
    ".pwts.npy",
    ".poff.npy",
    ".ppos.npy",
    ".pterms",
    *termtable.SUFFIXES,
    *forward.SUFFIXES,
)
SKIPPED = {"id"}  # looked up one document at a time, never as a set


def term_ids(reader: IndexReader, field: str, text: str | bytes) -> np.ndarray:
    """Return the document numbers holding a term, deleted ones included, as an int64 array."""
    return postings(reader, field, text)[0]


def postings(reader: IndexReader, field: str, text: str | bytes) -> tuple[np.ndarray, np.ndarray]:
    """Return a term's document numbers (deleted ones included) and weights in them, as arrays."""
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


def _blocks(matcher: Any) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    if not isinstance(matcher, W3LeafMatcher):
        found, scores = [], []
        while matcher.is_active():
            found.append(matcher.id())
            scores.append(matcher.weight())
            matcher.next()
        yield np.array(found, dtype=np.int64), np.array(scores, dtype=np.float64)
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


def covers(schema: Any, field: str) -> bool:
    """Say whether the arrays hold a field's postings."""
    return field in schema and field not in SKIPPED and not isinstance(schema[field], NUMERIC)


def positions(
    reader: IndexReader, field: str, btext: bytes, wanted: np.ndarray
) -> dict[int, list[int]]:
    """Return a term's positions in each document where wanted (a mask over all of them) is true."""
    found: dict[int, list[int]] = {}
    for leaf, offset in reader.leaf_readers():
        try:
            matcher = leaf.postings(field, btext)
        except TermNotFound:
            continue
        if isinstance(matcher, FilterMatcher):
            matcher = matcher.child
        if not isinstance(matcher, W3LeafMatcher):
            while matcher.is_active():
                if wanted[matcher.id() + offset]:
                    found[matcher.id() + offset] = matcher.value_as("positions")
                matcher.next()
            continue
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            ids = np.asarray(matcher._data[0], dtype=np.int64)
            ids = (ids if matcher._byteids else np.cumsum(ids)) + offset
            values = matcher._data[2]
            for i in np.flatnonzero(wanted[ids]).tolist():
                found[int(ids[i])] = _positions(values[i])
            matcher._next_block()
    return found


def _positions(value: bytes) -> list[int]:
    # Whoosh's Positions.decode_positions, with the deltas summed in C: a count, then a pickled
    # list of deltas whose final STOP opcode may have been cut off.
    return list(
        itertools.accumulate(pickle.loads(value[4:] if value.endswith(b".") else value[4:] + b"."))
    )


def mapped(path: Path) -> np.ndarray:
    """Map a saved array read-only, as a plain array (still backed by the mapping).

    A slice of a `np.memmap` is another memmap, made through Python-level hooks: tens of µs a
    slice, many slices a query.
    """
    found: np.ndarray = np.load(path, mmap_mode="r").view(np.ndarray)
    return found


class SegmentArrays:
    """One segment's postings arrays, mapped from its files."""

    def __init__(self, folder: Path, segment_id: str):
        self.terms: TermTable | dict[tuple[str, bytes], tuple[int, int]]
        if termtable.exists(folder, segment_id):
            self.terms = TermTable(folder, segment_id)  # mapped: shared by every worker
        else:  # a segment written before the table was mapped: its pickled dict
            with open(folder / f"{segment_id}.pterms", "rb") as handle:
                self.terms = pickle.load(handle)  # our build wrote it
        self.ids = mapped(folder / f"{segment_id}.pids.npy")
        self.weights = mapped(folder / f"{segment_id}.pwts.npy")
        # Each document's stems for rescoring (archive/index/forward.py), where written.
        self.forward = (
            forward.Forward(folder, segment_id) if forward.exists(folder, segment_id) else None
        )
        self.has_positions = (folder / f"{segment_id}.ppos.npy").exists()
        if self.has_positions:
            self.starts = mapped(folder / f"{segment_id}.poff.npy")
            self.poses = mapped(folder / f"{segment_id}.ppos.npy")

    def postings(self, field: str, btext: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        span = self.terms.get((field, btext))
        if span is None:
            return None
        start, stop = span
        return self.ids[start:stop], self.weights[start:stop]

    def positions(self, field: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
        """Return a term's positions and, for each, the segment's document it is in."""
        span = self.terms.get((field, btext))
        if span is None:
            return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.uint32)
        start, stop = span
        low, high = int(self.starts[start]), int(self.starts[stop])
        counts = np.diff(self.starts[start : stop + 1])
        return np.repeat(self.ids[start:stop], counts), self.poses[low:high]


def open_segments(folder: Path, reader: IndexReader) -> list[tuple[SegmentArrays | None, int]]:
    """Return each leaf's arrays (None where a segment has none) with its first document number."""
    found = []
    for leaf, offset in reader.leaf_readers():
        segment = getattr(leaf, "segment", lambda: None)()
        arrays = None
        if segment is not None and (folder / f"{segment.segment_id()}.pterms").exists():
            arrays = SegmentArrays(folder, segment.segment_id())
        found.append((arrays, offset))
    return found


def write(folder: Path) -> None:
    """Write the arrays of each segment in folder that has none; drop those of merged-away ones."""
    ix = whoosh_index.open_dir(str(folder))
    try:
        with ix.reader() as reader:
            live = set()
            for leaf, _ in reader.leaf_readers():
                segment = getattr(leaf, "segment", lambda: None)()
                if segment is None:  # an empty index's reader stands for no segment
                    continue
                segment_id = segment.segment_id()
                live.add(segment_id)
                if not (folder / f"{segment_id}.pterms").exists():
                    _write_segment(folder, segment_id, leaf)
    finally:
        ix.close()
    for path in folder.iterdir():
        for suffix in SUFFIXES:
            if path.name.endswith(suffix) and path.name[: -len(suffix)] not in live:
                path.unlink()


def _write_segment(folder: Path, segment_id: str, leaf: IndexReader) -> None:
    schema = leaf.schema
    spans = SpanWriter()
    everything = np.ones(leaf.doc_count_all(), dtype=bool)
    for field in [name for name in leaf.indexed_field_names() if covers(schema, name)]:
        positional = schema[field].format is not None and schema[field].format.supports("positions")
        for btext in _lexicon(leaf, field):
            term_ids, term_weights = postings(leaf, field, btext)
            places = None
            if positional:
                found = positions(leaf, field, btext, everything)
                places = [found[doc] for doc in term_ids.tolist()]
            spans.add(field, btext, term_ids, term_weights, places)
    spans.save(folder, segment_id, leaf.doc_count_all())


class SpanWriter:
    """A segment's postings arrays, gathered a term at a time and saved as its files."""

    def __init__(self) -> None:
        self.terms: dict[tuple[str, bytes], tuple[int, int]] = {}
        self.ids: list[np.ndarray] = []
        self.weights: list[np.ndarray] = []
        # Positions per posting, in postings order (0 where a field keeps none), and the positions:
        # one small array a term, so that a segment's millions of positions never sit in Python
        # lists.
        self.counts: list[np.ndarray] = []
        self.poses: list[np.ndarray] = []
        self.at = 0

    def add(
        self, field: str, btext: bytes, ids: Any, weights: Any, places: list[list[int]] | None
    ) -> None:
        """Add one term's document numbers, weights and positions (None for a field without)."""
        ids = np.asarray(ids, dtype=np.uint32)
        self.terms[field, btext] = (self.at, self.at + len(ids))
        self.at += len(ids)
        self.ids.append(ids)
        weights = np.asarray(weights, dtype=np.float64)
        # Term frequencies are whole numbers: kept exactly in 4 bytes; anything else keeps all 8.
        narrow = weights.astype(np.float32)
        self.weights.append(narrow if np.array_equal(narrow, weights) else weights)
        if places is None:
            self.counts.append(np.zeros(len(ids), dtype=np.uint32))
        else:
            self.counts.append(np.fromiter(map(len, places), dtype=np.uint32, count=len(places)))
            self.poses.append(np.fromiter(itertools.chain.from_iterable(places), dtype=np.uint32))

    def add_run(
        self,
        field: str,
        btexts: list[bytes],
        starts: np.ndarray,
        ids: np.ndarray,
        freqs: np.ndarray,
        poses: np.ndarray,
    ) -> None:
        """Add many terms of a positional field: term i's postings run starts[i] to starts[i+1]."""
        at = self.at
        bounds = (starts + at).tolist()
        self.terms.update(zip(((field, b) for b in btexts), zip(bounds, bounds[1:])))
        self.at += len(ids)
        self.ids.append(ids.astype(np.uint32, copy=False))
        self.weights.append(freqs.astype(np.float32))
        self.counts.append(freqs.astype(np.uint32, copy=False))
        self.poses.append(poses.astype(np.uint32, copy=False))

    def save(self, folder: Path, segment_id: str, doc_count: int | None = None) -> None:
        """Write the arrays one at a time, each list dropped once joined; then the stems per
        document (archive/index/forward.py) from the same arrays."""
        ids = np.concatenate(self.ids) if self.ids else np.zeros(0, dtype=np.uint32)
        _save(folder / f"{segment_id}.pids.npy", ids)
        self.ids = []
        # One float64 term makes the segment's weights float64 (concatenate widens), else float32.
        _save(
            folder / f"{segment_id}.pwts.npy",
            np.concatenate(self.weights) if self.weights else np.zeros(0, dtype=np.float32),
        )
        self.weights = []
        counts = np.concatenate(self.counts) if self.counts else np.zeros(0, dtype=np.uint32)
        offsets = np.zeros(self.at + 1, dtype=np.int64)
        np.cumsum(counts, out=offsets[1:])
        self.counts = []
        _save(folder / f"{segment_id}.poff.npy", offsets)
        poses = np.concatenate(self.poses) if self.poses else np.zeros(0, dtype=np.uint32)
        _save(folder / f"{segment_id}.ppos.npy", poses)
        self.poses = []
        if doc_count is None:
            doc_count = int(ids.max()) + 1 if len(ids) else 0
        forward.write(folder, segment_id, self.terms, ids, counts, offsets, poses, doc_count)
        del ids, counts, offsets, poses
        termtable.write(folder, segment_id, self.terms)
        # The pickled table last: its file says the segment's arrays are complete.
        temporary = folder / f"{segment_id}.pterms.partial"
        temporary.write_bytes(pickle.dumps(self.terms, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, folder / f"{segment_id}.pterms")


def _lexicon(leaf: IndexReader, field: str) -> Iterable[bytes]:
    words: Iterable[bytes] = leaf.lexicon(field)
    return words


def _save(path: Path, array: np.ndarray) -> None:
    temporary = path.with_name(path.name + ".partial")
    with open(temporary, "wb") as handle:
        np.save(handle, array)
    os.replace(temporary, path)
