"""Facet columns and sort keys written beside a generation, for every worker to map, not rebuild.

A searcher used to build, on opening, each facet's (document, value) pairs and each value's
documents from the postings, and each sort key from Whoosh's column: at a million documents
hundreds of MB in every gunicorn worker. The build now writes them once, as flat arrays in
the generation's folder (`columns.<field>.<part>.npy`), with a table of contents written last
(`columns.json`); a searcher maps the arrays, so their pages are read from disk as used and shared
by every worker and the page cache. The table of contents names the segments and document counts
the arrays were made from: arrays of another state of the index (a generation that linked them
from the one before, an older build) are not used, and the searcher works them out as before.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index as whoosh_index
from whoosh.fields import KEYWORD, NUMERIC
from whoosh.reading import IndexReader

from archive.index.arrays import mapped, term_ids

CONTENTS = "columns.json"
PREFIX = "columns."
VERSION = 1


@dataclass(frozen=True)
class FacetColumn:
    """One facet field: its values, each (document, value code) pair, each value's documents."""

    values: list[str]
    docs: np.ndarray  # document number of each pair, pairs grouped by value code
    codes: np.ndarray  # value code of each pair
    starts: np.ndarray  # value code n's documents are docs[starts[n]:starts[n + 1]], in order

    def ids(self) -> list[np.ndarray]:
        """Return each value's documents (views of the mapped array, nothing copied)."""
        bounds = self.starts.tolist()
        return [self.docs[a:b] for a, b in zip(bounds, bounds[1:])]


def state(reader: IndexReader, live: np.ndarray | None = None) -> dict[str, Any]:
    """Name the state of an index the arrays hold: its segments, document counts, deletions."""
    segments = []
    for leaf, _ in reader.leaf_readers():
        segment = getattr(leaf, "segment", lambda: None)()
        if segment is not None:
            segments.append(segment.segment_id())
    deleted = np.packbits(~(live_mask(reader) if live is None else live)).tobytes()
    return {
        "segments": segments,
        "all": reader.doc_count_all(),
        "live": reader.doc_count(),
        "deleted": hashlib.sha1(deleted, usedforsecurity=False).hexdigest(),
    }


def live_mask(reader: IndexReader) -> np.ndarray:
    """Return one bool per document number: true where the document is not deleted."""
    # From each segment's deleted set, not by walking every live document (a second at 1,000,000).
    live = np.ones(reader.doc_count_all(), dtype=bool)
    for leaf, offset in reader.leaf_readers():
        segment = getattr(leaf, "segment", lambda: None)()
        if segment is None:  # not a segment's reader (an empty index's): asked document by document
            for docnum in range(leaf.doc_count_all()):
                live[offset + docnum] = not leaf.is_deleted(docnum)
            continue
        deleted = np.fromiter(segment.deleted_docs(), dtype=np.int64)
        live[deleted + offset] = False
    return live


def facet_column(reader: IndexReader, field: str, live: np.ndarray) -> FacetColumn:
    """Work out a facet field's column from its postings (live documents only)."""
    values: list[str] = []
    docs: list[np.ndarray] = []
    for term in reader.lexicon(field):
        ids = term_ids(reader, field, term)
        docs.append(np.sort(ids[live[ids]]))
        values.append(term.decode("utf-8"))
    sizes = np.array([len(d) for d in docs], dtype=np.int64)
    starts = np.zeros(len(docs) + 1, dtype=np.int64)
    np.cumsum(sizes, out=starts[1:])
    return FacetColumn(
        values,
        np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64),
        np.repeat(np.arange(len(docs), dtype=np.int32), sizes),
        starts,
    )


def sort_column(reader: IndexReader, field: str) -> np.ndarray:
    """Return a sortable field's value for every document number."""
    if not reader.doc_count_all():  # an empty index's reader has no columns
        return np.zeros(0, dtype=np.int64)
    return np.fromiter(
        iter(reader.column_reader(field)), dtype=np.int64, count=reader.doc_count_all()
    )


def facet_fields(schema: Any) -> list[str]:
    """Return the fields written as facet columns: every keyword field."""
    return [name for name, field in schema.items() if isinstance(field, KEYWORD)]


def sort_fields(schema: Any) -> list[str]:
    """Return the fields written as sort columns: numbers with a Whoosh column."""
    return [
        name
        for name, field in schema.items()
        if isinstance(field, NUMERIC) and field.column_type is not None
    ]


def write(folder: Path, base: Path | None = None) -> None:
    """Write the columns of the index in folder, then their table of contents.

    With `base`, the generation the folder's index was made from, the segments both hold are
    taken from the base's columns (renumbered, deletions dropped) and only new segments are read:
    the same arrays, without reading a million documents' values for one changed file.
    """
    ix = whoosh_index.open_dir(str(folder))
    try:
        with ix.reader() as reader:
            live = live_mask(reader)
            contents: dict[str, Any] = {
                "version": VERSION,
                "state": state(reader, live),
                "facets": {},
                "sorts": [],
            }
            update = None if base is None else _Update.of(base, reader, live)
            arrays: dict[str, np.ndarray] = {}
            for field in facet_fields(reader.schema):
                column = (
                    facet_column(reader, field, live)
                    if update is None
                    else update.facet_column(field)
                )
                for part in ("docs", "codes", "starts"):
                    arrays[f"{field}.{part}"] = getattr(column, part)
                contents["facets"][field] = column.values
            for field in sort_fields(reader.schema):
                arrays[f"{field}.sort"] = (
                    sort_column(reader, field) if update is None else update.sort_column(field)
                )
                contents["sorts"].append(field)
    finally:
        ix.close()
    for path in folder.glob(PREFIX + "*"):  # linked from the generation before: not this one's
        path.unlink()
    for name, array in arrays.items():
        _save(folder / f"{PREFIX}{name}.npy", array)
    temporary = folder / (CONTENTS + ".partial")
    temporary.write_text(json.dumps(contents, separators=(",", ":")))
    os.replace(temporary, folder / CONTENTS)


class _Update:
    """The base generation's columns carried over to the new index: its segments, renumbered."""

    def __init__(
        self,
        base: MappedColumns,
        reader: IndexReader,
        remap: np.ndarray,
        reused: list[tuple[int, int, int]],
        fresh: list[tuple[Any, int, np.ndarray]],
    ):
        self.base, self.reader = base, reader
        self.remap = remap  # each base document's number in the new index, -1 if gone
        self.valid = remap >= 0
        self.unmoved = all(start == offset for start, offset, _ in reused)
        self.reused = reused  # (base offset, new offset, count) of each segment both hold
        self.fresh = fresh  # (leaf, offset, live mask) of each segment the base did not hold

    @classmethod
    def of(cls, base: Path, reader: IndexReader, live: np.ndarray) -> _Update | None:
        """Match the new index's segments with the base's; None where a full write is needed."""
        try:
            contents = json.loads((base / CONTENTS).read_text())
        except (OSError, ValueError):
            return None
        if contents.get("version") != VERSION:
            return None
        ix = whoosh_index.open_dir(str(base))
        try:
            with ix.reader() as base_reader:
                if contents.get("state") != state(base_reader):
                    return None  # not the base's own columns: nothing to carry over
                old: dict[str, tuple[int, int]] = {}
                for leaf, offset in base_reader.leaf_readers():
                    segment = getattr(leaf, "segment", lambda: None)()
                    if segment is not None:
                        old[segment.segment_id()] = (offset, leaf.doc_count_all())
                base_all = base_reader.doc_count_all()
        finally:
            ix.close()
        remap = np.full(base_all, -1, dtype=np.int64)
        reused: list[tuple[int, int, int]] = []
        fresh: list[tuple[Any, int, np.ndarray]] = []
        for leaf, offset in reader.leaf_readers():
            segment = getattr(leaf, "segment", lambda: None)()
            count = leaf.doc_count_all()
            if segment is None:
                if count:
                    return None
                continue
            mine = live[offset : offset + count]
            found = old.get(segment.segment_id())
            if found is not None and found[1] == count:
                if fresh:
                    return None  # a base segment after a new one: numbers would not stay in order
                start = found[0]
                kept = remap[start : start + count]
                kept[:] = np.arange(offset, offset + count)
                kept[~mine] = -1
                reused.append((start, offset, count))
            else:
                fresh.append((leaf, offset, mine))
        if any(b[0] >= a[0] for a, b in zip(reused[1:], reused)):
            return None  # the base's segments out of their order
        return cls(MappedColumns(base, contents), reader, remap, reused, fresh)

    def facet_column(self, field: str) -> FacetColumn:
        """Return a facet field's column: the base's pairs renumbered, then the new segments'."""
        base = self.base.facet(field)
        if base is None:
            return facet_column(self.reader, field, live_mask(self.reader))
        added: dict[str, list[np.ndarray]] = {}
        for leaf, offset, mine in self.fresh:
            for term in leaf.lexicon(field):
                ids = term_ids(leaf, field, term)
                added.setdefault(term.decode("utf-8"), []).append(np.sort(ids[mine[ids]]) + offset)
        if self.unmoved:
            # Every kept segment where it was (new ones after them): the base's numbers stand,
            # and only the pairs of documents gone are dropped.
            keep = self.valid[base.docs]
            docs = base.docs if keep.all() else base.docs[keep]
        else:
            moved = self.remap[base.docs]
            keep = moved >= 0
            docs = moved[keep]
        codes = base.codes if keep.all() else base.codes[keep]
        counts = np.bincount(codes, minlength=len(base.values))
        empty = {
            value for value, n in zip(base.values, counts.tolist()) if not n and value not in added
        }
        # A value whose documents were all deleted stays while its term does, as in a full write.
        values = sorted(
            {v for v in base.values if v not in empty or (field, v) in self.reader} | set(added)
        )
        code_of = {value: code for code, value in enumerate(values)}
        recode = np.array([code_of.get(v, -1) for v in base.values], dtype=base.codes.dtype)
        if values != base.values:
            codes = recode[codes]
        sizes = np.zeros(len(values), dtype=np.int64)
        known = recode >= 0
        sizes[recode[known]] = counts[known]
        new_docs, new_codes = [], []
        for value in sorted(added):
            found = np.concatenate(added[value])
            new_docs.append(found.astype(base.docs.dtype))
            new_codes.append(np.full(len(found), code_of[value], dtype=base.codes.dtype))
            sizes[code_of[value]] += len(found)
        if new_docs:
            # The base's pairs are in code order, and within a code its documents are numbered
            # before every new segment's: each new pair goes in after its code's last base pair
            # (a copy, not a sort of millions of pairs).
            more_docs, more_codes = np.concatenate(new_docs), np.concatenate(new_codes)
            at = np.searchsorted(codes, more_codes, side="right")
            docs = np.insert(docs, at, more_docs)
            codes = np.insert(codes, at, more_codes)
        starts = np.zeros(len(values) + 1, dtype=base.starts.dtype)
        np.cumsum(sizes, out=starts[1:])
        return FacetColumn(values, docs, codes, starts)

    def sort_column(self, field: str) -> np.ndarray:
        """Return a sort field's column: the base's values of the kept segments, then the new."""
        base = self.base.sort(field)
        if base is None:
            return sort_column(self.reader, field)
        parts = [(offset, base[start : start + count]) for start, offset, count in self.reused]
        for leaf, offset, _ in self.fresh:
            parts.append((offset, sort_column(leaf, field)))
        parts.sort(key=lambda part: part[0])
        if not parts:
            return np.zeros(0, dtype=np.int64)
        return np.concatenate([array for _, array in parts]).astype(base.dtype)


class MappedColumns:
    """A generation's columns, mapped from its files."""

    def __init__(self, folder: Path, contents: dict[str, Any]):
        self.folder = folder
        self._facets: dict[str, list[str]] = contents["facets"]
        self._sorts = set(contents["sorts"])

    def facet(self, field: str) -> FacetColumn | None:
        """Return a facet field's column, or None if it was not written."""
        if field not in self._facets:
            return None
        parts = [
            mapped(self.folder / f"{PREFIX}{field}.{part}.npy")
            for part in ("docs", "codes", "starts")
        ]
        return FacetColumn(list(self._facets[field]), *parts)

    def sort(self, field: str) -> np.ndarray | None:
        """Return a sort field's column, or None if it was not written."""
        if field not in self._sorts:
            return None
        return mapped(self.folder / f"{PREFIX}{field}.sort.npy")


def open_columns(
    folder: Path, reader: IndexReader, live: np.ndarray | None = None
) -> MappedColumns | None:
    """Return the generation's mapped columns, or None where it has none of this state."""
    try:
        contents = json.loads((folder / CONTENTS).read_text())
    except (OSError, ValueError):
        return None  # an index built before the columns were written: worked out on opening
    if contents.get("version") != VERSION or contents.get("state") != state(reader, live):
        return None
    return MappedColumns(folder, contents)


def _save(path: Path, array: np.ndarray) -> None:
    temporary = path.with_name(path.name + ".partial")
    with open(temporary, "wb") as handle:
        np.save(handle, array)
    os.replace(temporary, path)
