"""Parse and index many documents at once: a segment a share, each written by its own process."""

from __future__ import annotations

import gc
import math
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm
from whoosh.codec.whoosh3 import W3Segment

from archive.corpus.folder import read_documents
from archive.corpus.parse import Document
from archive.corpus.registry import Registry
from archive.errors import CorpusError
from archive.index import originals
from archive.index.schema import DocumentSchema, fields
from archive.index.segments import SegmentWriter

# Below this many documents one process is faster than starting a second.
PARALLEL_FROM = 2000
# A segment's postings are gathered and sorted in memory: a smaller segment is faster to write
# (at 100,000 documents, 1,775 documents/s with 12,500 a segment against 1,431 with 25,000) and
# keeps a build's peak down, but every query visits every segment: at most MAX_SEGMENTS of them.
SEGMENT_DOCS = 12_500
MAX_SEGMENTS = 40
BATCH = 200  # documents parsed, then indexed, together
MAX_PROCS = 4  # each holds a segment of postings in memory


@dataclass
class Written:
    """What writing the segments gave: the segments in order, their documents, files rejected."""

    segments: list[W3Segment] = field(default_factory=list)
    parsed: list[tuple[str, str]] = field(default_factory=list)  # (id, checksum)
    errors: list[CorpusError] = field(default_factory=list)
    stems: dict[str, str | None] = field(default_factory=dict)  # for the forms table


def write(
    folder: Path, index_dir: Path, paths: list[Path], registry: Registry, progress: bool = False
) -> Written:
    """Parse the files; write those that parse as new segments in folder, not added to its index."""
    many = len(paths) >= PARALLEL_FROM
    procs = min(os.cpu_count() or 1, MAX_PROCS) if many else 1
    # Segments of SEGMENT_DOCS even with one process: a whole corpus in one would not fit in memory.
    count = min(max(procs, math.ceil(len(paths) / SEGMENT_DOCS)), MAX_SEGMENTS) if many else 1
    size = max(1, math.ceil(len(paths) / count))
    jobs = [
        (folder, index_dir, paths[start : start + size], registry)
        for start in range(0, len(paths), size)
    ]
    written = Written()
    with tqdm(total=len(paths), desc="indexing", unit="doc", disable=not progress) as bar:
        for segment, parsed, errors, stems in _run(jobs, procs):
            if segment is not None:
                written.segments.append(segment)
            written.parsed += parsed
            written.errors += [CorpusError(path, message) for path, message in errors]
            written.stems.update(stems)  # a word's stem is the same in every segment
            bar.update(len(parsed) + len(errors))
    return written


def _run(jobs: list[tuple[Any, ...]], procs: int) -> Iterator[tuple[Any, ...]]:
    if procs == 1:
        yield from map(_segment, jobs)
        return
    # Forked, as Whoosh's own multiprocessing writer is: the workers start with the code loaded.
    with multiprocessing.get_context("fork").Pool(procs) as pool:
        yield from pool.imap(_segment, jobs)


def _segment(job: tuple[Any, ...]) -> tuple[Any, ...]:
    """Parse a share of the files and write it as a segment; return it, what parsed, what failed."""
    folder, index_dir, paths, registry = job
    # The collector would walk the segment's millions of growing lists again and again for cycles
    # that are not there (about a tenth of the time); it runs once, at the end, so that a worker
    # starts its next segment with the last one's memory given back.
    gc.disable()
    try:
        return _write_segment(folder, index_dir, paths, registry)
    finally:
        gc.enable()
        gc.collect()


def _write_segment(
    folder: Path, index_dir: Path, paths: list[Path], registry: Registry
) -> tuple[Any, ...]:
    writer = SegmentWriter(folder, DocumentSchema())
    parsed, errors = [], []
    # A batch at a time, each step over the whole batch: parsing and indexing one document after
    # the other runs about a fifth slower, each step pushing the other's code and tables out of
    # the processor's caches.
    for at in range(0, len(paths), BATCH):
        documents: list[Document] = []
        for _path, document, error in read_documents(paths[at : at + BATCH], registry):
            if error is not None:
                # Sent back as text: an exception with its own arguments does not pickle whole.
                errors.append((str(error.path), error.message))
            elif document is not None:
                documents.append(document)
        batch = [fields(document) for document in documents]
        for document, values in zip(documents, batch):
            values["meta"]["files"] = originals.store(index_dir, document)
            writer.add(values)
            parsed.append((document.id, document.checksum))
    if not parsed:
        writer.cancel()
    return writer.finish() if parsed else None, parsed, errors, writer.forms()
