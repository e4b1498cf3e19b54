"""The build's record of a generation's documents: each one's checksum, and when it was scanned.

A build compares only the files changed since the last scan (archive/corpus/folder.py) with
their recorded checksums, so the record is kept in two parts: a base, an SQLite table of every
document's checksum, written once and then shared by hard link with the generations after it
(never written again: a build looks up the few documents it reads), and the changes since the
base, a small pickle each build writes anew. At 1,000,000 documents the record as one pickle
took seconds to read and write for every build; the changes are folded into a new base only once
they grow past COMPACT_AT (or a tenth of the documents).
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive.index.generations import DOCUMENTS, write_atomic_bytes

CHANGES = DOCUMENTS  # written by each build, never linked
BASE = "documents.sqlite"
VERSION = 2
COMPACT_AT = 20_000
LOOKUP_BATCH = 500  # ids in one query (SQLite allows 32,766 parameters)


@dataclass
class Scan:
    """When the corpus folder was scanned for a build: changes after it are the next build's."""

    stamp: int | None = None  # time.time_ns() at the scan's start, less a margin; None: unknown
    folder: list[int] | None = None  # the folder's (mtime, inode) then; None: list it again
    # Where the change journal was read up to, [session, offset] (archive/corpus/journal.py); None:
    # no watcher vouched for the build, so the next one scans.
    journal: list[str | int] | None = None


@dataclass
class Record:
    """A generation's record: the base's checksums, the changes over it, and its scan."""

    generation: Path | None
    changes: dict[str, str | None]  # id -> checksum, None where removed since the base
    count: int
    scan: Scan = field(default_factory=Scan)
    rejected: list[str] = field(default_factory=list)  # files to read again: rejected last time
    stats: dict[str, list[int]] | None = None  # a record of before scans: each file's size, mtime
    legacy: dict[str, str] | None = None  # a record of before the base: every checksum, in memory

    def checksums(self, ids: Iterable[str]) -> dict[str, str]:
        """Return the recorded checksum of each id that has one."""
        found: dict[str, str] = {}
        wanted = []
        for doc_id in ids:
            if doc_id in self.changes:
                digest = self.changes[doc_id]
                if digest is not None:
                    found[doc_id] = digest
            else:
                wanted.append(doc_id)
        if self.legacy is not None:
            found.update((i, self.legacy[i]) for i in wanted if i in self.legacy)
        elif wanted and self.generation is not None:
            with _connect(self.generation / BASE) as db:
                for at in range(0, len(wanted), LOOKUP_BATCH):
                    part = wanted[at : at + LOOKUP_BATCH]
                    marks = ",".join("?" * len(part))
                    query = f"SELECT id, checksum FROM documents WHERE id IN ({marks})"
                    found.update(db.execute(query, part).fetchall())
        return found

    def names(self) -> set[str]:
        """Return the id of every recorded document (read from the whole base)."""
        if self.legacy is not None:
            found = set(self.legacy)
        elif self.generation is None:
            found = set()
        else:
            with _connect(self.generation / BASE) as db:
                found = {row[0] for row in db.execute("SELECT id FROM documents")}
        found.update(i for i, digest in self.changes.items() if digest is not None)
        found.difference_update(i for i, digest in self.changes.items() if digest is None)
        return found


def empty() -> Record:
    """Return the record of an index with no documents yet (a full build's starting point)."""
    return Record(None, {}, 0)


def read(generation: Path) -> Record:
    """Read a generation's record; raise OSError, ValueError or KeyError if it cannot be."""
    with open(generation / CHANGES, "rb") as handle:
        try:
            found: dict[str, Any] = pickle.load(handle)  # our own build's, beside Whoosh's pickles
        except (pickle.UnpicklingError, EOFError) as error:
            raise ValueError(f"{CHANGES} is damaged: {error}") from None
    if found.get("version") != VERSION:  # a record of before the base: every checksum, one pickle
        documents = found["documents"]
        return Record(None, {}, len(documents), stats=found["stats"], legacy=documents)
    if not (generation / BASE).is_file():
        raise ValueError(f"{BASE} is missing")
    return Record(
        generation,
        found["changes"],
        found["count"],
        Scan(**found["scan"]),
        found["rejected"],
    )


def write(
    folder: Path,
    base: Record,
    changes: Mapping[str, str | None],
    count: int,
    scan: Scan,
    rejected: Iterable[str] = (),
    fold: bool = True,
) -> None:
    """Write the record of a new generation: the base's, with these changes over it.

    The base's table is the new one's too (linked into the folder by generations.start) until the
    changes grow large; then, or where there is none, a new table is written with them folded in
    (unless `fold` is false: the record of a published generation, whose base is its own; a
    record of before, which has none, is given one even so).
    """
    merged = dict(base.changes)
    merged.update(changes)
    if base.legacy is not None or (
        fold and (base.generation is None or len(merged) > _limit(count))
    ):
        everything: dict[str, str] = {}
        if base.legacy is not None:
            everything = dict(base.legacy)
        elif base.generation is not None:
            everything = _read_all(base)
        for doc_id, digest in merged.items():
            if digest is None:
                everything.pop(doc_id, None)
            else:
                everything[doc_id] = digest
        _write_base(folder, everything)
        merged = {}
    data = {
        "version": VERSION,
        "changes": merged,
        "count": count,
        "scan": {"stamp": scan.stamp, "folder": scan.folder, "journal": scan.journal},
        "rejected": sorted(rejected),
    }
    write_atomic_bytes(folder / CHANGES, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


def _limit(count: int) -> int:
    return max(COMPACT_AT, count // 10)


def _read_all(record: Record) -> dict[str, str]:
    assert record.generation is not None
    with _connect(record.generation / BASE) as db:
        return dict(db.execute("SELECT id, checksum FROM documents"))


def _write_base(folder: Path, checksums: Mapping[str, str]) -> None:
    """Write a new base table in the folder, replacing a linked one (not writing through it)."""
    temporary = folder / (BASE + ".partial")
    temporary.unlink(missing_ok=True)
    db = sqlite3.connect(temporary)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")  # fsynced below, once, before it is published
        db.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, checksum TEXT) WITHOUT ROWID")
        db.executemany("INSERT INTO documents VALUES (?, ?)", sorted(checksums.items()))
        db.commit()
    finally:
        db.close()
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, folder / BASE)


class _connect:
    """A read-only connection to a base table that never changes once written."""

    def __init__(self, path: Path):
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing")
        self.db = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)

    def __enter__(self) -> sqlite3.Connection:
        return self.db

    def __exit__(self, *_: object) -> None:
        self.db.close()
