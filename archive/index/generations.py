"""Index generations: each build writes a new folder and then swaps one link to it.

A reader follows `index/current`, which always names a complete generation, so a
build that fails or is killed at any point leaves the previous index serving.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import pickle
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from archive import __version__
from archive.errors import ArchiveError, IndexMissing, IndexOutdated

CURRENT = "current"
MANIFEST = "manifest.json"
# The index's format, recorded in each manifest with the version that wrote it. Raise it when a
# release writes the index in a way older releases cannot read, or reads what older indexes lack:
# opening an index of another format then says to run `archive build --full`. An index from
# before formats were recorded is format 1.
# Format 2 (after 0.3.0) added fields an index of format 1 lacks: amount roles, amount_all,
# value_all and largest_all, announced_by, person, numbers, versions, withdrawn, the build id.
INDEX_FORMAT = 2
# What the build alone reads: its record of the documents (archive/index/record.py), written anew by
# each build and so never linked from the generation before.
DOCUMENTS = "documents.pickle"
# Builds kept searchable (KEEP_BUILDS in archive.toml): a reader still on an older one finishes its
# request, and a search cited with its build can be run again on that build.
KEEP = 5
BUILD_STAMP = "%Y-%m-%dT%H:%M:%SZ"


def current(index_dir: Path) -> Path | None:
    """Return the folder of the generation being served, or None if there is none."""
    link = index_dir / CURRENT
    try:
        target = os.readlink(link)
    except OSError:
        return None
    return index_dir / target


def require_current(index_dir: Path) -> Path:
    """Return the generation being served, or explain how to build one."""
    found = current(index_dir)
    if found is None or not (found / MANIFEST).exists():
        raise IndexMissing(f"no index in {index_dir}: run `archive build` first")
    return found


def read_manifest(generation: Path) -> dict[str, Any]:
    """Read what a generation holds: its registry and files (a searcher needs no more)."""
    manifest: dict[str, Any] = json.loads((generation / MANIFEST).read_text("utf-8"))
    return manifest


def format_problem(manifest: dict[str, Any]) -> str | None:
    """Say why this version cannot read an index with this manifest, or return None if it can."""
    found = manifest.get("format", 1)
    if found == INDEX_FORMAT:
        return None
    built = manifest.get("version")
    by = f"Policy Archive {built}" if built else "a version from before versions were recorded"
    return (
        f"was built by {by} (index format {found}); "
        f"this is {__version__}, which reads index format {INDEX_FORMAT}"
    )


def require_format(index_dir: Path, manifest: dict[str, Any]) -> None:
    """Raise IndexOutdated, saying how to rebuild, if this version cannot read the index."""
    problem = format_problem(manifest)
    if problem:
        raise IndexOutdated(
            f"the index in {index_dir} {problem}: run `archive build --full` to rebuild it"
        )


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Hold the build lock; the kernel drops it if the build dies, even by kill -9."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ArchiveError(
                f"another build is running on {index_dir}; wait for it to finish"
            ) from None
        yield


def start(index_dir: Path, base: Path | None) -> Path:
    """Make the folder for the next generation, sharing the base's files by hard link."""
    for leftover in index_dir.glob("tmp-*"):
        discard(leftover)
    number = max((_number(p) for p in index_dir.glob("gen-*")), default=0) + 1
    folder = index_dir / f"tmp-{number:08d}"
    folder.mkdir()
    if base is not None:
        # Whoosh never rewrites a segment file, so the new generation can share them.
        for path in base.iterdir():
            if _index_file(path):
                os.link(path, folder / path.name)
    return folder


def check_files(generation: Path, manifest: dict[str, Any]) -> None:
    """Raise ValueError naming an index file that is missing or not the size it was written."""
    for name, size in manifest.get("files", {}).items():
        try:
            found = (generation / name).stat().st_size
        except FileNotFoundError:
            raise ValueError(f"its file {name} is missing") from None
        if found != size:
            raise ValueError(
                f"its file {name} has {found:,} bytes, not the {size:,} it was written with"
            )


def _index_file(path: Path) -> bool:
    return (
        path.is_file()
        and path.name not in (MANIFEST, DOCUMENTS)
        and "LOCK" not in path.name.upper()
    )


def publish(
    index_dir: Path,
    folder: Path,
    manifest: dict[str, Any],
    documents: dict[str, Any] | None = None,
    keep: int = KEEP,
    count: int | None = None,
) -> Path:
    """Write the manifest and the build's record, then make the folder current in one rename.

    The record may be written beforehand by the build (archive/index/record.py), naming `count`.
    """
    if documents is not None:
        count = len(documents["documents"])
    manifest = {**manifest, "build": _new_build(index_dir, count)}
    if documents is not None:
        write_atomic_bytes(
            folder / DOCUMENTS, pickle.dumps(documents, protocol=pickle.HIGHEST_PROTOCOL)
        )
    # Each index file's size, so that a file later truncated or deleted is found at opening.
    files = {p.name: p.stat().st_size for p in folder.iterdir() if _index_file(p)}
    written = {**manifest, "format": INDEX_FORMAT, "version": __version__, "files": files}
    _write_atomic(folder / MANIFEST, json.dumps(written, separators=(",", ":")))
    final = index_dir / folder.name.replace("tmp-", "gen-")
    os.replace(folder, final)
    _fsync_dir(final)
    link = index_dir / f"{CURRENT}.tmp"
    if link.is_symlink():
        link.unlink()
    os.symlink(final.name, link)
    os.replace(link, index_dir / CURRENT)
    _fsync_dir(index_dir)
    _prune(index_dir, final, keep)
    return final


def build_info(generation: Path) -> dict[str, Any]:
    """Name a generation's build: its id, its date and time, and how many documents it holds."""
    # A manifest holds the registry too: each is read once (a published manifest never changes).
    stamp = (generation / MANIFEST).stat().st_mtime_ns
    cached = _BUILDS.get(generation)
    if cached is None or cached[0] != stamp:
        for pruned in [path for path in _BUILDS if not path.exists()]:
            del _BUILDS[pruned]
        cached = _BUILDS[generation] = (stamp, _read_build(generation))
    return dict(cached[1])


_BUILDS: dict[Path, tuple[int, dict[str, Any]]] = {}


def _read_build(generation: Path) -> dict[str, Any]:
    found = read_manifest(generation).get("build")
    if found:
        return dict(found)
    # A generation published before builds were named: its folder's time stands in.
    stamp = dt.datetime.fromtimestamp((generation / MANIFEST).stat().st_mtime, dt.UTC)
    named = stamp.strftime(BUILD_STAMP)
    return {"id": named, "date": named, "documents": None}


def kept_builds(index_dir: Path) -> list[tuple[dict[str, Any], Path]]:
    """List the published generations still kept, newest first, each with its build."""
    found = []
    for generation in sorted(index_dir.glob("gen-*"), key=_number, reverse=True):
        try:
            found.append((build_info(generation), generation))
        except (OSError, ValueError):  # pruned meanwhile, or never finished: not a kept build
            continue
    return found


def find_build(index_dir: Path, build_id: str) -> Path | None:
    """Return the kept generation of a build, or None once it has been pruned."""
    return next((path for info, path in kept_builds(index_dir) if info["id"] == build_id), None)


def _new_build(index_dir: Path, documents: int | None) -> dict[str, Any]:
    now = dt.datetime.now(dt.UTC)
    stamp = now.strftime(BUILD_STAMP)
    taken = {info["id"] for info, _ in kept_builds(index_dir)}
    build_id, n = stamp, 1
    while build_id in taken:  # two builds in one second: the second is told apart
        n += 1
        build_id = f"{stamp}-{n}"
    return {"id": build_id, "date": stamp, "documents": documents}


def discard(folder: Path) -> None:
    """Remove a generation that was never published."""
    shutil.rmtree(folder, ignore_errors=True)


def _number(generation: Path) -> int:
    return int(generation.name.split("-")[1])


def _prune(index_dir: Path, newest: Path, keep: int = KEEP) -> None:
    older = sorted((p for p in index_dir.glob("gen-*") if p != newest), key=_number)
    for stale in older[: max(0, len(older) - (max(keep, 1) - 1))]:
        shutil.rmtree(stale, ignore_errors=True)


def _write_atomic(path: Path, text: str) -> None:
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: Path, data: bytes) -> None:
    temporary = path.with_suffix(".partial")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
