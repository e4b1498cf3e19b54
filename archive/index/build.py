"""Build the Whoosh index from the corpus: incremental by content, published atomically."""

from __future__ import annotations

import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm
from whoosh import index as whoosh_index
from whoosh.query import Or, Term

from archive.corpus.amounts import band_key
from archive.corpus.folder import document_stats, read_documents
from archive.corpus.money import link_parts
from archive.corpus.parse import Document, checksum
from archive.corpus.registry import Registry
from archive.errors import ArchiveError, CorpusError
from archive.index import arrays, generations, originals
from archive.index import forms as forms_table
from archive.index.forms import FormsTable
from archive.index.schema import DocumentSchema, source_key

# Below this many documents one process is faster than starting a second.
PARALLEL_FROM = 2000
RACY_NS = 2 * 10**9


@dataclass
class BuildReport:
    total: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    full: bool = False
    repaired: bool = False
    errors: list[CorpusError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def touched(self) -> int:
        return self.added + self.changed + self.removed

    def summary(self) -> str:
        """Say in one line what the build did."""
        rejected = f", {len(self.errors)} rejected" if self.errors else ""
        if not self.touched:
            return f"nothing changed: {self.total} documents indexed{rejected} ({self.seconds:.1f} s)"
        kind = "the index was damaged, so it was rebuilt in full: " if self.repaired else "full build: " if self.full else ""
        return (
            f"{kind}indexed {self.total} documents ({self.added} added, {self.changed} changed, "
            f"{self.removed} removed{rejected}) in {self.seconds:.1f} s"
        )


def build(corpus_dir: Path, index_dir: Path, full: bool = False, progress: bool = False) -> BuildReport:
    """Bring the index up to date with the corpus and publish it as a new generation."""
    started = time.perf_counter()
    with generations.build_lock(index_dir):
        registry = Registry.load(corpus_dir)
        stats = document_stats(corpus_dir)
        base = None if full else generations.current(index_dir)
        indexed: dict[str, str] = {}
        known: dict[str, list[int]] = {}
        forced: set[str] = set()
        reread_before: set[str] = set()
        repaired = relabelled = False
        if base is not None:
            manifest = _manifest(base)
            if manifest is None or not _usable(base, manifest):
                base, repaired = None, True
            else:
                indexed = manifest["documents"]
                known = manifest["stats"]
                forced = reread_before = set(manifest.get("reread", ()))
                # Labels, names and aliases are read from the registry at query time: an edit re-indexes
                # nothing, and only documents filed under a removed (or re-keyed) entry are read again.
                if manifest.get("registry", {}).get("checksum") != registry.checksum:
                    relabelled = True
                    forced = forced | _filed_under(base, _removed_keys(Registry.from_dict(manifest["registry"]), registry))
        if base is not None and not _has_every_field(base):
            # Indexed before a field was added (such as source): every document needs it.
            base, indexed, known, forced, reread_before = None, {}, {}, set(), set()
        report = BuildReport(full=base is None, repaired=repaired)

        # A file whose size and modification time are as last recorded is not read again; the rest
        # are compared by content. At 100,000 documents this is what keeps a small build under a second.
        sums = {
            doc_id: indexed[doc_id] if doc_id in indexed and known.get(doc_id) == stat
            else checksum((corpus_dir / f"{doc_id}.md").read_bytes())
            for doc_id, stat in stats.items()
        }
        stale = [doc_id for doc_id, digest in sums.items() if indexed.get(doc_id) != digest or doc_id in forced]
        removed = [doc_id for doc_id in indexed if doc_id not in stats]
        parsed: list[Document] = []
        for path, document, error in read_documents(
            tqdm((corpus_dir / f"{i}.md" for i in stale), total=len(stale), desc="parsing", unit="doc", disable=not progress),
            registry,
        ):
            if error:
                report.errors.append(error)
            else:
                parsed.append(document)
        report.added = sum(1 for d in parsed if d.id not in indexed)
        report.changed = len(parsed) - report.added
        report.removed = len(removed)

        # A rejected file keeps its last good version in the index: nothing is lost.
        documents = {doc_id: indexed[doc_id] for doc_id in indexed if doc_id in stats}
        documents.update({d.id: d.checksum for d in parsed})
        report.total = len(documents)
        # Only files whose indexed content is theirs are recorded, so a rejected one is read again next time;
        # and not one changed in the last seconds, which a later change could leave with the same time.
        recent = time.time_ns() - RACY_NS
        rejected = {error.path.stem for error in report.errors if error.path is not None}
        recorded = {doc_id: stats[doc_id] for doc_id, digest in documents.items()
                    if sums.get(doc_id) == digest and stats[doc_id][1] < recent and doc_id not in rejected}
        if report.touched or base is None or relabelled or forced & rejected != reread_before:
            try:
                # A document rejected under the new registry but unchanged is read again next time too.
                _write(index_dir, base, parsed, removed, registry, documents, progress, recorded, sorted(forced & rejected))
            except OSError as error:
                # A full disk, say: the new generation is discarded and the old one still serves.
                raise ArchiveError(
                    f"the build failed and the previous index is still serving: {error.strerror or error}"
                ) from error
    report.seconds = time.perf_counter() - started
    return report


def _removed_keys(old: Registry, new: Registry) -> dict[str, set[str]]:
    return {"department": set(old.departments) - set(new.departments),
            "programme": set(old.programmes) - set(new.programmes)}


def _filed_under(generation: Path, keys: dict[str, set[str]]) -> set[str]:
    """Return the ids of the documents of a generation filed under any of the keys."""
    if not any(keys.values()):
        return set()
    ix = whoosh_index.open_dir(str(generation))
    try:
        with ix.searcher() as searcher:
            wanted = Or([Term(field, key) for field, found in keys.items() for key in found])
            return {searcher.stored_fields(docnum)["id"] for docnum in searcher.docs_for_query(wanted)}
    finally:
        ix.close()


def _manifest(generation: Path) -> dict[str, Any] | None:
    try:
        return generations.read_manifest(generation) | generations.read_documents(generation)
    except (OSError, ValueError, KeyError, EOFError, pickle.UnpicklingError):
        return None


def _usable(generation: Path, manifest: dict[str, Any]) -> bool:
    """Check that a generation's files are whole and it holds what its manifest says, so a damaged one is rebuilt."""
    try:
        generations.check_files(generation, manifest)
        if not (generation / forms_table.FORMS_FILE).is_file():
            return False
        ix = whoosh_index.open_dir(str(generation))
        with ix.searcher() as searcher:
            return searcher.doc_count() == len(manifest["documents"])
    except Exception:  # Whoosh raises many kinds of error on damaged files.
        return False


def _has_every_field(generation: Path) -> bool:
    return set(DocumentSchema().names()) <= set(whoosh_index.open_dir(str(generation)).schema.names())


def _write(
    index_dir: Path,
    base: Path | None,
    parsed: list[Document],
    removed: list[str],
    registry: Registry,
    documents: dict[str, str],
    progress: bool,
    stats: dict[str, list[int]],
    reread: list[str],
) -> None:
    folder = generations.start(index_dir, base)
    try:
        if base is None:
            ix = whoosh_index.create_in(folder, DocumentSchema)
        else:
            ix = whoosh_index.open_dir(folder)
        if base is not None and not parsed and not removed:
            # Only the registry changed: the same segments and forms (linked), published with the new registry.
            ix.close()
            generations.publish(index_dir, folder, {"registry": registry.to_dict(), "reread": reread},
                                {"documents": documents, "stats": stats})
            return
        procs = 2 if len(parsed) >= PARALLEL_FROM else 1
        # Separate segment files, not one compound file: a worker that maps a compound file counts
        # all of it as resident (861 MB against 25 MB at 100,000 documents, ../shared/WHOOSH.md).
        writer = ix.writer(procs=procs, multisegment=procs > 1, limitmb=256, compound=False)
        try:
            for doc_id in removed:
                writer.delete_by_term("id", doc_id)
            for document in tqdm(parsed, desc="indexing", unit="doc", disable=not progress):
                if base is not None:
                    writer.delete_by_term("id", document.id)
                values = fields(document, registry)
                values["meta"]["files"] = originals.store(index_dir, document)
                writer.add_document(**values)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        ix.close()
        arrays.write(folder)
        # Surface forms only grow: a word no document holds any more is simply never found.
        table = FormsTable(ix.schema["body"].analyzer, None if base is None else forms_table.read_stems(base))
        table.add(document.text for document in parsed)
        if base is None or table.added:  # else the base's file, linked, is already this table
            table.write(folder)
        generations.publish(index_dir, folder, {"registry": registry.to_dict(), "reread": reread},
                                {"documents": documents, "stats": stats})
    except BaseException:
        generations.discard(folder)
        raise


def fields(document: Document, registry: Registry) -> dict[str, Any]:
    """Turn a document into the fields the schema indexes and stores."""
    amounts = link_parts(document.text, document.amounts)  # each with the whole it is part of, if any
    return {
        "id": document.id,
        "title": document.title,
        "body": document.text,
        "year": str(document.date.year),
        "department": " ".join(document.departments),
        "programme": " ".join(document.programmes),
        "source": source_key(document.source or "") or None,
        "amount": " ".join(sorted({band_key(a.value, a.currency) for a in document.amounts})),
        "value": [a.value for a in document.amounts],
        "sortdate": document.date.sort_key,
        "largest": max((a.value for a in document.amounts), default=0),
        "meta": {
            "id": document.id,
            "title": document.title,
            "date": document.date.iso,
            "precision": document.date.precision,
            "date_display": document.date.display,
            "year": document.date.year,
            "source": document.source,
            "url": document.url,
            "author": document.author,
            "type": document.type,
            "summary": document.summary,
            "departments": list(document.departments),
            "programmes": list(document.programmes),
            "organisations": list(document.organisations),
            "amounts": amounts,
            "review": list(document.review),
            "date_evidence": document.date_evidence,
            "body": document.body,
            "checksum": document.checksum,
            "licence": document.licence,
            "fetched": document.fetched,
            "pages": list(document.pages),
        },
    }
