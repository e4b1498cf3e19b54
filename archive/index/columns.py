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
    live = np.zeros(reader.doc_count_all(), dtype=bool)
    live[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
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


def write(folder: Path) -> None:
    """Write the columns of the index in folder, then their table of contents."""
    for path in folder.glob(PREFIX + "*"):  # linked from the generation before: not this one's
        path.unlink()
    ix = whoosh_index.open_dir(str(folder))
    try:
        with ix.reader() as reader:
            live = live_mask(reader)
            contents: dict[str, Any] = {
                "version": VERSION,
                "state": state(reader, live),
                "facets": {},
            }
            for field in facet_fields(reader.schema):
                column = facet_column(reader, field, live)
                for part in ("docs", "codes", "starts"):
                    _save(folder / f"{PREFIX}{field}.{part}.npy", getattr(column, part))
                contents["facets"][field] = column.values
            contents["sorts"] = []
            for field in sort_fields(reader.schema):
                _save(folder / f"{PREFIX}{field}.sort.npy", sort_column(reader, field))
                contents["sorts"].append(field)
    finally:
        ix.close()
    temporary = folder / (CONTENTS + ".partial")
    temporary.write_text(json.dumps(contents, separators=(",", ":")))
    os.replace(temporary, folder / CONTENTS)


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
