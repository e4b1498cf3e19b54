"""What an incremental build reads again: files changed since the last scan, documents a registry
edit affects, and files the record lacks or holds no more."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.query import Or, Term

from archive.corpus.folder import FolderScan
from archive.corpus.parse import checksum
from archive.corpus.registry import Registry
from archive.index import record


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
