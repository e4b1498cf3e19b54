"""What an incremental build reads again: files changed since the last scan, documents a registry
edit affects, and files the record lacks or holds no more."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.query import Or, Term

from archive.corpus import journal
from archive.corpus.folder import FolderScan, is_document_name, scan
from archive.corpus.parse import checksum
from archive.corpus.registry import Registry
from archive.index import record

# Changes within this of a scan's start are looked at again by the next build (the clock's step).
RACY_NS = 2 * 10**9


def find(
    corpus_dir: Path,
    index_dir: Path,
    base: Path | None,
    known: record.Record,
    forced: set[str],
    scan_all: bool = False,
) -> tuple[list[str], list[str], dict[str, str], record.Scan, str]:
    """Find the documents to read, those removed, their recorded checksums, the scan, and how.

    Through the watcher's journal where it can be trusted (archive/corpus/journal.py), else by
    scanning the folder; the scan returned carries the journal's new mark either way.
    """
    look = journal.look(index_dir, corpus_dir, None if scan_all else known.scan.journal)
    if base is not None and look.names is not None:
        stale, removed, old = journaled(corpus_dir, look.names, known, forced)
        # The scan's stamp and folder time are kept: should the watcher stop, the next build's
        # scan finds every change since the last scan, those the journal named included.
        scanned = record.Scan(known.scan.stamp, known.scan.folder, look.mark)
        return (
            stale,
            removed,
            old,
            scanned,
            f"{_plural(len(look.names), 'change')} from the watcher",
        )
    stale, removed, old, scanned, listed = scan_folder(corpus_dir, base, known, forced)
    scanned.journal = look.mark
    # A full build scans whatever the journal says: no reason to give.
    why = "as asked (--scan)" if scan_all and look.mark else None
    if base is not None and why is None:
        why = look.why
    found = f"scanned {_plural(listed, 'file')}" + (f": {why}" if why else "")
    return stale, removed, old, scanned, found


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def scan_folder(
    corpus_dir: Path, base: Path | None, known: record.Record, forced: set[str]
) -> tuple[list[str], list[str], dict[str, str], record.Scan, int]:
    """Scan the folder: the documents to read, those removed, the checksums looked up, the scan."""
    found = scan(corpus_dir, known.scan.stamp, known.stats if base else None)
    read, removed, old = found.names, list[str](), dict[str, str]()
    if base is not None:
        read, removed, old = stale(corpus_dir, found, known, forced)
    # Changes from a little before the scan began on are the next build's to look at: a file
    # changed as it was read, or within the file system's clock's step, is read again. Nor later
    # than the newest file seen: a file server's clock behind ours would otherwise give a file
    # changed after the scan an earlier time than the stamp.
    recent = found.started - RACY_NS
    since = min(recent, found.newest) if found.names else recent
    scanned = record.Scan(since, found.folder if found.folder[0] < recent else None)
    return read, removed, old, scanned, len(found.names)


def stale(
    corpus_dir: Path, found: FolderScan, known: record.Record, forced: set[str]
) -> tuple[list[str], list[str], dict[str, str]]:
    """Return the documents to read again, those removed, and the recorded checksums looked up."""
    candidates = set(found.changed) | set(known.rejected) | forced
    removed: list[str] = []
    listed: set[str] | None = None
    if found.folder != known.scan.folder:
        # Files were added, removed or renamed (the folder's own time moved): listing and record
        # compared name by name.
        listed, recorded = set(found.names), known.names()
        removed = sorted(recorded - listed)
        candidates |= listed - recorded
    old = known.checksums(candidates)
    if listed is None and len(found.names) != known.count + sum(
        1 for i in candidates if i not in old
    ):
        # The folder's time said nothing moved, yet the count differs (a clock set back, a file
        # system that keeps no folder times): compared name by name after all.
        listed, recorded = set(found.names), known.names()
        removed = sorted(recorded - listed)
        candidates |= listed - recorded
        old = known.checksums(candidates)
    sums: dict[str, str | None] = {}
    for doc_id in sorted(candidates):
        if listed is not None and doc_id not in listed:
            continue
        try:
            sums[doc_id] = checksum((corpus_dir / f"{doc_id}.md").read_bytes())
        except FileNotFoundError:  # removed since the scan (the next build finds the folder moved)
            continue
        except OSError:  # unreadable: parsed, so that it is reported with its path, and kept
            sums[doc_id] = None
    stale = [
        doc_id for doc_id, digest in sums.items() if old.get(doc_id) != digest or doc_id in forced
    ]
    return stale, removed, old


def journaled(
    corpus_dir: Path, named: set[str], known: record.Record, forced: set[str]
) -> tuple[list[str], list[str], dict[str, str]]:
    """As stale, for the files the watcher's journal names, with no listing of the folder.

    A named file that is no longer a document (removed, moved away, a folder) is removed if the
    record holds it; one that is read again as it was recorded is left alone.
    """
    named_ids = {name[:-3] for name in named if is_document_name(name)}
    candidates = named_ids | set(known.rejected) | forced
    old = known.checksums(candidates)
    sums: dict[str, str | None] = {}
    removed: list[str] = []
    for doc_id in sorted(candidates):
        path = corpus_dir / f"{doc_id}.md"
        try:
            is_file = stat.S_ISREG(os.stat(path).st_mode)  # followed, as the listing's is_file()
        except OSError:
            is_file = False
        if not is_file:
            if doc_id in old:
                removed.append(doc_id)
            continue
        try:
            sums[doc_id] = checksum(path.read_bytes())
        except FileNotFoundError:  # removed since: the journal names it again for the next build
            if doc_id in old:
                removed.append(doc_id)
        except OSError:  # unreadable: parsed, so that it is reported with its path, and kept
            sums[doc_id] = None
    stale = [
        doc_id for doc_id, digest in sums.items() if old.get(doc_id) != digest or doc_id in forced
    ]
    return stale, removed, old


def people_changed(manifest: dict[str, Any] | None, registry: Registry) -> bool:
    return (manifest or {}).get("registry", {}).get("people", {}) != registry.to_dict()["people"]


def removed_keys(old: Registry, new: Registry) -> dict[str, set[str]]:
    return {
        "department": set(old.departments) - set(new.departments),
        "programme": set(old.programmes) - set(new.programmes),
    }


def filed_under(generation: Path, keys: dict[str, set[str]]) -> set[str]:
    """Return the ids of the documents of a generation filed under any of the keys."""
    if not any(keys.values()):
        return set()
    ix = whoosh_index.open_dir(str(generation))
    try:
        with ix.searcher() as searcher:
            wanted = Or([Term(field, key) for field, found in keys.items() for key in found])
            return {
                searcher.stored_fields(docnum)["id"] for docnum in searcher.docs_for_query(wanted)
            }
    finally:
        ix.close()
