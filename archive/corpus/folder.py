"""The corpus folder: its document files, their checksums, and checking them all."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from archive.corpus.kinds import KINDS, kind_of
from archive.corpus.parse import Document, parse_bytes
from archive.corpus.registry import Registry
from archive.errors import CorpusError


def document_files(corpus_dir: Path) -> dict[str, Path]:
    """Map each document id to its file, in id order."""
    return {entry.name[:-3]: corpus_dir / entry.name for entry in _documents(corpus_dir)}


def document_stats(corpus_dir: Path) -> dict[str, list[int]]:
    """Map each document id to its file's size and modification time in nanoseconds, in id order."""
    return {entry.name[:-3]: [found.st_size, found.st_mtime_ns]
            for entry in _documents(corpus_dir) for found in [entry.stat()]}


def _documents(corpus_dir: Path) -> list[os.DirEntry[str]]:
    if not corpus_dir.is_dir():
        raise CorpusError(corpus_dir, "no such corpus folder")
    # Upper-case names (README.md) are notes about the corpus, not documents. Read with scandir
    # and sorted by name: at 100,000 files, globbing, sorting and stat-ing Paths took seconds.
    with os.scandir(corpus_dir) as entries:
        found = [
            entry for entry in entries
            if entry.name.endswith(".md") and not entry.name.startswith(".") and not entry.name[:-3].isupper()
            and entry.is_file()
        ]
    return sorted(found, key=lambda entry: entry.name)


def read_documents(
    paths: Iterable[Path], registry: Registry
) -> Iterator[tuple[Path, Document | None, CorpusError | None]]:
    """Parse each file, yielding its document or the error that rejects it."""
    for path in paths:
        try:
            yield path, parse_bytes(path.read_bytes(), path, registry), None
        except CorpusError as error:
            yield path, None, error
        except OSError as error:
            yield path, None, CorpusError(path, f"cannot be read: {error.strerror}")


@dataclass
class CheckReport:
    documents: int = 0
    errors: list[CorpusError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check(corpus_dir: Path) -> CheckReport:
    """Validate every file without building, collecting all errors."""
    report = CheckReport()
    registry = Registry.load(corpus_dir)
    for path, document, error in read_documents(document_files(corpus_dir).values(), registry):
        if error or document is None:
            report.errors.extend([error] if error else [])
            continue
        report.documents += 1
        if document.review:
            report.warnings.append(f"{path}: {len(document.review)} point(s) to review: {'; '.join(document.review)}")
        if kind_of(document.type) is None:
            report.warnings.append(f"{path}: unknown type '{document.type}' (cited as a document of that name); "
                                   f"the types are {', '.join(KINDS)}")
    return report
