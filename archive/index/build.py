"""Build the Whoosh index from the corpus: incremental by content, published atomically."""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm
from whoosh import index as whoosh_index
from whoosh.reading import SegmentReader

from archive.corpus.folder import read_documents
from archive.corpus.parse import Document
from archive.corpus.registry import Registry
from archive.errors import ArchiveError, CorpusError
from archive.index import (
    arrays,
    changes,
    columns,
    generations,
    originals,
    parallel,
    record,
    segments,
)
from archive.index import forms as forms_table
from archive.index.forms import FormsTable
from archive.index.schema import DocumentSchema, fields

# Segments of fewer documents are merged by the next small build once there are this many.
SMALL_SEGMENT = 2000
MERGE_SMALL_AT = 8


@dataclass
class BuildReport:
    total: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    full: bool = False
    repaired: bool = False
    outdated: str | None = None  # why the index was rebuilt in full for this version, if it was
    errors: list[CorpusError] = field(default_factory=list)
    seconds: float = 0.0
    found: str = ""  # how the changes were found: "12 changes from the watcher", "scanned 13 files"

    @property
    def touched(self) -> int:
        return self.added + self.changed + self.removed

    def summary(self) -> str:
        """Say in one line what the build did."""
        rejected = f", {len(self.errors)} rejected" if self.errors else ""
        found = f"; {self.found}" if self.found else ""
        if not self.touched:
            return (
                f"nothing changed: {self.total} documents indexed{rejected} "
                f"({self.seconds:.1f} s{found})"
            )
        kind = (
            "the index was damaged, so it was rebuilt in full: "
            if self.repaired
            else "full build: "
            if self.full
            else ""
        )
        if self.outdated:
            kind = f"the index {self.outdated}, so it was rebuilt in full: "
        return (
            f"{kind}indexed {self.total} documents ({self.added} added, {self.changed} changed, "
            f"{self.removed} removed{rejected}) in {self.seconds:.1f} s{found}"
        )


def build(
    corpus_dir: Path,
    index_dir: Path,
    full: bool = False,
    progress: bool = False,
    country: str | None = None,
    keep: int = generations.KEEP,
    scan_all: bool = False,
) -> BuildReport:
    """Bring the index up to date with the corpus and publish it as a new generation.

    `country` is the archive's (COUNTRY in archive.toml): it is kept with the registry, and
    decides the financial years, governments, currency and wording the index is read with.
    The last `keep` builds stay searchable (KEEP_BUILDS). `scan_all` scans the folder even where a
    watcher's journal could be trusted (the next build may use the journal again)."""
    started = time.perf_counter()
    with generations.build_lock(index_dir):
        registry = Registry.load(corpus_dir, country)
        base = None if full else generations.current(index_dir)
        known = record.empty()
        forced: set[str] = set()
        reread_before: set[str] = set()
        repaired = relabelled = False
        outdated = None
        manifest = None
        if base is not None:
            manifest, found = _manifest(base)
            outdated = manifest and generations.format_problem(manifest)
            if outdated:
                base = None
            elif manifest is None or found is None or not _usable(base, manifest, found.count):
                base, repaired = None, True
            else:
                known = found
                forced = reread_before = set(manifest.get("reread", ()))
                # Labels, names and aliases are read from the registry at query time: an edit
                # re-indexes nothing, and only documents filed under a removed (or re-keyed) entry
                # are read again.
                if manifest.get("registry", {}).get("checksum") != registry.checksum:
                    relabelled = True
                    forced = forced | changes.filed_under(
                        base,
                        changes.removed_keys(Registry.from_dict(manifest["registry"]), registry),
                    )
        if base is not None and (
            not _has_every_field(base) or changes.people_changed(manifest, registry)
        ):
            # Indexed before a field was added (such as source): every document needs it. Who
            # announced a document is found with people.yaml when parsed: an edit reads every one.
            base, known, forced, reread_before = None, record.empty(), set(), set()
        report = BuildReport(full=base is None, repaired=repaired, outdated=outdated or None)

        # Only the files changed since the last build are read: those the watcher's journal names,
        # if it watched without a gap since then; else those the folder's scan finds by their
        # change times. Of those, only the ones whose content is not as recorded are indexed again.
        stale, removed, old, scanned, report.found = changes.find(
            corpus_dir, index_dir, base, known, forced, scan_all
        )
        paths = [corpus_dir / f"{doc_id}.md" for doc_id in stale]
        # All documents, or many: parsed and written as new segments by worker processes. A few:
        # parsed here and added by Whoosh's own writer, which also merges small segments.
        batch = base is None or len(stale) >= parallel.PARALLEL_FROM
        folder = generations.start(index_dir, base) if batch else None
        try:
            if folder is not None:
                written = parallel.write(folder, index_dir, paths, registry, progress)
                parsed, report.errors = written.parsed, written.errors
            else:
                documents_parsed: list[Document] = []
                for _path, document, error in read_documents(
                    tqdm(paths, desc="parsing", unit="doc", disable=not progress), registry
                ):
                    if error:
                        report.errors.append(error)
                    elif document is not None:
                        documents_parsed.append(document)
                parsed = [(d.id, d.checksum) for d in documents_parsed]
            report.added = sum(1 for doc_id, _ in parsed if doc_id not in old)
            report.changed = len(parsed) - report.added
            report.removed = len(removed)
            # A rejected file keeps its last good version in the index: nothing is lost. It is
            # read again by every build until it is fixed (and reported again).
            report.total = known.count - len(removed) + report.added
            rejected = {error.path.stem for error in report.errors if error.path is not None}
            # A document rejected under the new registry but unchanged is read again next time too.
            reread = sorted(forced & rejected)
            manifest = {"registry": registry.to_dict(), "reread": reread}
            news: dict[str, str | None] = dict(parsed)
            news.update((doc_id, None) for doc_id in removed)

            def keep_record(target: Path) -> None:
                record.write(target, known, news, report.total, scanned, rejected)

            needed = (
                report.touched or base is None or relabelled or forced & rejected != reread_before
            )
            if folder is not None:
                if needed:
                    replaced = [doc_id for doc_id, _ in parsed if doc_id in old] + removed
                    _publish_segments(
                        index_dir, folder, base, written, replaced, manifest, keep_record, keep
                    )
                    folder = None  # published: no longer ours to discard
            elif needed:
                assert base is not None  # not a batch, so there is a base to add the few to
                _write(index_dir, base, documents_parsed, removed, manifest, keep_record, keep)
            if not needed and base is not None:
                # Nothing to publish: the serving generation's record (read by builds alone) is
                # told of this scan, so files found unchanged are not read again next time.
                record.write(base, known, {}, known.count, scanned, rejected, fold=False)
        except OSError as error:
            # A full disk, say: the new generation is discarded and the old one still serves.
            raise ArchiveError(
                "the build failed and the previous index is still serving: "
                f"{error.strerror or error}"
            ) from error
        finally:
            if folder is not None:
                generations.discard(folder)
    report.seconds = time.perf_counter() - started
    return report


def _manifest(generation: Path) -> tuple[dict[str, Any] | None, record.Record | None]:
    """Read a generation's manifest and the build's record; None for either that cannot be read."""
    try:
        manifest = generations.read_manifest(generation)
    except (OSError, ValueError):
        return None, None
    try:
        return manifest, record.read(generation)
    except (OSError, ValueError, KeyError, TypeError, EOFError, pickle.UnpicklingError):
        return manifest, None


def _usable(generation: Path, manifest: dict[str, Any], count: int) -> bool:
    """Check a generation's files are whole and hold what its manifest says (else it is rebuilt)."""
    try:
        generations.check_files(generation, manifest)
        if not (generation / forms_table.FORMS_FILE).is_file():
            return False
        ix = whoosh_index.open_dir(str(generation))
        with ix.searcher() as searcher:
            return bool(searcher.doc_count() == count)
    except Exception:  # Whoosh raises many kinds of error on damaged files.
        return False


def _has_every_field(generation: Path) -> bool:
    return set(DocumentSchema().names()) <= set(
        whoosh_index.open_dir(str(generation)).schema.names()
    )


def _publish_segments(
    index_dir: Path,
    folder: Path,
    base: Path | None,
    written: parallel.Written,
    replaced: list[str],
    manifest: dict[str, Any],
    keep_record: Callable[[Path], None],
    keep: int = generations.KEEP,
) -> None:
    """Publish the folder's index (the base's, if any, less replaced documents), new segments in."""
    if base is None:
        schema, kept, generation = DocumentSchema(), [], 0
    else:
        ix = whoosh_index.open_dir(str(folder))
        try:
            schema, generation = ix.schema, ix.latest_generation() + 1
            with ix.reader() as reader:
                kept = _delete(reader, replaced)
        finally:
            ix.close()
    segments.write_toc(folder, schema, kept + written.segments, generation)
    arrays.write(folder)
    columns.write(folder, base)
    # Surface forms only grow: a word no document holds any more is simply never found.
    if base is None:
        table = FormsTable(schema["body"].analyzer)
        table.update(written.stems)
        table.write(folder)
    else:
        forms_table.write_added(folder, base, schema["body"].analyzer, stems=written.stems)
    _publish(index_dir, folder, manifest, keep_record, keep)


def _publish(
    index_dir: Path,
    folder: Path,
    manifest: dict[str, Any],
    keep_record: Callable[[Path], None],
    keep: int,
) -> None:
    keep_record(folder)
    generations.publish(index_dir, folder, manifest, keep=keep, count=record.read(folder).count)


def _delete(reader: Any, doc_ids: list[str]) -> list[Any]:
    """Mark the documents with these ids deleted in the reader's segments, as Whoosh's writer does.

    Return them.
    """
    kept = []
    for leaf, _ in reader.leaf_readers():
        segment = getattr(leaf, "segment", lambda: None)()
        if segment is None:  # an empty index's reader stands for no segment
            continue
        for doc_id in doc_ids:
            if ("id", doc_id) in leaf:
                for docnum in leaf.postings("id", doc_id).all_ids():
                    segment.delete_document(docnum)
        kept.append(segment)
    return kept


def _merge_small(writer: Any, segments: list[Any]) -> list[Any]:
    """Merge the small segments that small builds leave, once there are several; drop emptied ones.

    Whoosh's own policy (MERGE_SMALL) merges a segment once the documents before it, smallest
    first, number fewer than a Fibonacci number of its place: with forty segments of 25,000
    documents that is the largest fifteen, 375,000 documents through Whoosh's writer for one
    changed file.
    """
    kept = [s for s in segments if s.doc_count() > 0]
    small = [s for s in kept if s.doc_count_all() < SMALL_SEGMENT]
    if len(small) < MERGE_SMALL_AT:
        return kept
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in kept if s.doc_count_all() >= SMALL_SEGMENT]


def _write(
    index_dir: Path,
    base: Path,
    parsed: list[Document],
    removed: list[str],
    manifest: dict[str, Any],
    keep_record: Callable[[Path], None],
    keep: int = generations.KEEP,
) -> None:
    """Publish the base with a few documents added, changed or removed by Whoosh's own writer."""
    folder = generations.start(index_dir, base)
    try:
        ix = whoosh_index.open_dir(folder)
        if not parsed and not removed:
            # Only the registry changed: the same segments and forms (linked), published with the
            # new registry.
            ix.close()
            _publish(index_dir, folder, manifest, keep_record, keep)
            return
        # Separate segment files, not one compound file: a worker that maps a compound file counts
        # all of it as resident (861 MB against 25 MB at 100,000 documents, ../shared/WHOOSH.md).
        writer = ix.writer(limitmb=256, compound=False)
        try:
            for doc_id in removed:
                writer.delete_by_term("id", doc_id)
            for document in parsed:
                writer.delete_by_term("id", document.id)
                values = fields(document)
                values["meta"]["files"] = originals.store(index_dir, document)
                writer.add_document(**values)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=_merge_small)
        ix.close()
        arrays.write(folder)
        columns.write(folder, base)
        forms_table.write_added(
            folder, base, ix.schema["body"].analyzer, (document.text for document in parsed)
        )
        _publish(index_dir, folder, manifest, keep_record, keep)
    except BaseException:
        generations.discard(folder)
        raise
