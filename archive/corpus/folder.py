"""The corpus folder: its document files, their checksums, and checking them all."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from archive.corpus import ministries, review
from archive.corpus.kinds import KINDS, kind_of
from archive.corpus.parse import Document, parse_bytes
from archive.corpus.registry import Registry
from archive.errors import CorpusError


def document_files(corpus_dir: Path) -> dict[str, Path]:
    """Map each document id to its file, in id order."""
    return {entry.name[:-3]: corpus_dir / entry.name for entry in _documents(corpus_dir)}


@dataclass
class FolderScan:
    """The corpus folder as a build finds it: which files changed since the last build's scan."""

    changed: list[str]  # ids of the files changed (or created, or renamed) since the stamp
    names: list[str]  # every document's id, as listed
    folder: list[int]  # the folder's (mtime, inode) before it was listed
    started: int  # time.time_ns() as the scan began
    newest: int  # the latest change time of any document file, by the file system's clock


def scan(
    corpus_dir: Path,
    since: int | None,
    known: dict[str, list[int]] | None = None,
) -> FolderScan:
    """Find the document files changed since `since` (a time.time_ns()) by their change time.

    A file's change time (ctime) moves whenever its content is written, it is renamed or made,
    and cannot be set back as its modification time can (`touch -d`, `cp -p`, rsync): every file
    changed since the last scan is found, however it was edited, and only those are read. Without
    `since` (a record from before scans), a file is changed if its size or modification time is
    not as `known` (or every file is, without `known`). Each file is still asked for its times:
    at 1,000,000 documents that is the floor of a build of one changed file (see
    docs/developers/speed.md), while reading the listing costs a tenth of it.
    """
    started = time.time_ns()
    if not corpus_dir.is_dir():
        raise CorpusError(corpus_dir, "no such corpus folder")
    # Listed through a descriptor of the folder: each file's times are then asked for by its name
    # in the folder, not by its whole path walked again (a twentieth of the time).
    descriptor = os.open(corpus_dir, os.O_RDONLY)
    try:
        found = os.fstat(descriptor)
        changed, names, newest = [], [], 0
        with os.scandir(descriptor) as entries:
            for entry in entries:
                name = entry.name
                # As is_document_name, written out: this runs once a file (a million times).
                if not name.endswith(".md") or name.startswith(".") or name[:-3].isupper():
                    continue
                try:
                    if not entry.is_file():
                        continue
                    stat = entry.stat()
                except OSError:  # removed since it was listed
                    continue
                doc_id = name[:-3]
                names.append(doc_id)
                if stat.st_ctime_ns > newest:
                    newest = stat.st_ctime_ns
                if since is not None:
                    if stat.st_ctime_ns >= since:
                        changed.append(doc_id)
                elif known is None or known.get(doc_id) != [stat.st_size, stat.st_mtime_ns]:
                    changed.append(doc_id)
    finally:
        os.close(descriptor)
    return FolderScan(sorted(changed), names, [found.st_mtime_ns, found.st_ino], started, newest)


def is_document_name(name: str) -> bool:
    """Tell whether a file name in the corpus folder is a document's."""
    # Upper-case names (README.md) are notes about the corpus, not documents.
    return name.endswith(".md") and not name.startswith(".") and not name[:-3].isupper()


def _documents(corpus_dir: Path) -> list[os.DirEntry[str]]:
    if not corpus_dir.is_dir():
        raise CorpusError(corpus_dir, "no such corpus folder")
    # Upper-case names (README.md) are notes about the corpus, not documents. Read with scandir
    # and sorted by name: at 100,000 files, globbing, sorting and stat-ing Paths took seconds.
    with os.scandir(corpus_dir) as entries:
        found = [entry for entry in entries if is_document_name(entry.name) and entry.is_file()]
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


@dataclass(frozen=True)
class CheckWarning:
    """One of `archive check`'s warnings: a document's points to review, or its unknown type."""

    path: Path
    points: tuple[tuple[str, str], ...]  # (kind, point); for an unknown type, ("type", the message)

    @property
    def text(self) -> str:
        if self.points[0][0] == "type":
            return f"{self.path}: {self.points[0][1]}"
        points = "; ".join(p for _, p in self.points)
        return f"{self.path}: {len(self.points)} point(s) to review: {points}"

    def of_kinds(self, kinds: set[str]) -> CheckWarning | None:
        mine = tuple(p for p in self.points if not kinds or p[0] in kinds)
        return CheckWarning(self.path, mine) if mine else None

    def __contains__(self, text: str) -> bool:
        return text in self.text


@dataclass
class CheckReport:
    documents: int = 0
    errors: list[CorpusError] = field(default_factory=list)
    warnings: list[CheckWarning] = field(default_factory=list)
    # Things to look at in a registry, not in a document (a day no ministry covers): kept apart
    # from the documents' points to review, which are counted by kind and document.
    notes: list[str] = field(default_factory=list)

    def of_kinds(self, wanted: tuple[str, ...] = ()) -> list[CheckWarning]:
        """Return the warnings holding points of the kinds wanted (all, if none are named)."""
        kinds = review.parse_kinds(wanted)
        return [found for w in self.warnings if (found := w.of_kinds(kinds)) is not None]

    def counts(self) -> dict[str, int]:
        """Count the points to review (and unknown types) by kind, most first."""
        counted = Counter(kind for w in self.warnings for kind, _ in w.points)
        return dict(sorted(counted.items(), key=lambda item: (-item[1], item[0])))

    def kinds_line(self, wanted: tuple[str, ...] = ()) -> str:
        """Say in one line how many points of each kind there are, and in how many documents."""
        counts = self.counts()
        shown = self.of_kinds(wanted)
        parts = ", ".join(f"{kind} {n:,}" for kind, n in counts.items())
        only = f"; shown: {', '.join(sorted(review.parse_kinds(wanted)))}" if wanted else ""
        return (
            f"points to review by kind: {parts} ({sum(counts.values()):,} in "
            f"{len(self.warnings):,} documents{only}; {len(shown):,} shown)"
        )


def check(corpus_dir: Path, country: str | None = None) -> CheckReport:
    """Validate every file without building, collecting all errors."""
    report = CheckReport()
    registry = Registry.load(corpus_dir, country)
    _check_ministries(corpus_dir, registry, report)
    for path, document, error in read_documents(document_files(corpus_dir).values(), registry):
        if error or document is None:
            report.errors.extend([error] if error else [])
            continue
        report.documents += 1
        if document.review:
            kinds = tuple((review.kind_of(p), p) for p in document.review)
            report.warnings.append(CheckWarning(path, kinds))
        # Speakers in office whom people.yaml lacks (ingest lists them under review: too).
        unknown = [p for p in document.people.get("review", []) if p not in document.review]
        if unknown:
            report.warnings.append(CheckWarning(path, tuple(("registry", p) for p in unknown)))
        if kind_of(document.type) is None:
            message = (
                f"unknown type '{document.type}' (cited as a document of that name); "
                f"the types are {', '.join(KINDS)}"
            )
            report.warnings.append(CheckWarning(path, (("type", message),)))
    return report


def _check_ministries(corpus_dir: Path, registry: Registry, report: CheckReport) -> None:
    """Report the ministries registry's overlaps and unknown PMs (errors) and gaps (notes)."""
    path = corpus_dir / ministries.MINISTRIES_FILE
    if not path.exists():
        path = Path(f"{ministries.MINISTRIES_FILE} (shipped for {registry.home})")
    for problem in ministries.problems(registry.ministries, registry.governments):
        if problem.error:
            report.errors.append(CorpusError(path, problem.text))
        else:
            report.notes.append(f"{path}: {problem.text}")
