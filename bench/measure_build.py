"""Time one full build in a process of its own and print its figures as JSON.

    python bench/measure_build.py ours CORPUS INDEX
    python bench/measure_build.py baseline CORPUS INDEX [--limit N]
    python bench/measure_build.py incremental CORPUS INDEX

`ours` is `archive build --full`. `baseline` is the same documents parsed the same way and
written by a single-process default Whoosh writer (`ix.writer()`), as the backbone's first
version did. `incremental` changes one document, builds, and puts it back. `parse` only reads and
parses (at most --limit documents), as a build does before indexing.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import time
from pathlib import Path


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def peak_rss_mb() -> float:
    """Return the peak resident memory of this process and of its worker processes, in MB."""
    # This process's own peak from /proc: Linux carries ru_maxrss over exec, so it would count the
    # parent this was started from (bench/run.py, grown by the corpora before). The workers count as
    # children (ru_maxrss in KiB).
    with open("/proc/self/status") as status:
        own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def warm(corpus: Path) -> None:
    """Read every file once, so that no build pays for reading the corpus from disk."""
    # (Only the first build would pay for it: the next finds the files cached.)
    for path in corpus.iterdir():
        if path.is_file():
            path.read_bytes()


def ours(corpus: Path, index: Path) -> dict:
    from archive.index import generations
    from archive.index.build import build

    shutil.rmtree(index, ignore_errors=True)
    warm(corpus)
    started = time.perf_counter()
    report = build(corpus, index, full=True)
    seconds = time.perf_counter() - started
    return {
        "docs": report.total,
        "seconds": seconds,
        "docs_per_s": report.total / seconds,
        "index_mb": folder_bytes(generations.current(index)) / 2**20,
        "peak_rss_mb": peak_rss_mb(),
        "rejected": len(report.errors),
    }


def baseline(corpus: Path, index: Path, limit: int | None) -> dict:
    from whoosh import index as whoosh_index

    from archive.corpus.folder import document_files, read_documents
    from archive.corpus.registry import Registry
    from archive.index.schema import DocumentSchema, fields

    shutil.rmtree(index, ignore_errors=True)
    index.mkdir(parents=True)
    warm(corpus)
    started = time.perf_counter()
    registry = Registry.load(corpus)
    files = list(document_files(corpus).values())[:limit]
    ix = whoosh_index.create_in(index, DocumentSchema)
    writer = ix.writer()
    docs = 0
    for _, document, _error in read_documents(files, registry):
        if document is not None:
            writer.add_document(**fields(document))
            docs += 1
    writer.commit()
    seconds = time.perf_counter() - started
    return {
        "docs": docs,
        "seconds": seconds,
        "docs_per_s": docs / seconds,
        "index_mb": folder_bytes(index) / 2**20,
        "peak_rss_mb": peak_rss_mb(),
    }


def parse(corpus: Path, limit: int | None) -> dict:
    from archive.corpus.folder import document_files, read_documents
    from archive.corpus.registry import Registry

    files = list(document_files(corpus).values())[:limit]
    started = time.perf_counter()
    registry = Registry.load(corpus)
    docs = sum(1 for _, document, _ in read_documents(files, registry) if document is not None)
    seconds = time.perf_counter() - started
    return {"docs": docs, "seconds": seconds, "docs_per_s": docs / seconds}


def incremental(corpus: Path, index: Path) -> dict:
    from archive.index.build import build

    path = sorted(p for p in corpus.glob("*.md") if not p.stem.isupper())[
        len(list(corpus.glob("*.md"))) // 2
    ]
    original = path.read_bytes()
    times = []
    try:
        for text in (original + b"\nOne more sentence about funding.\n", original):
            path.write_bytes(text)
            started = time.perf_counter()
            report = build(corpus, index)
            times.append(time.perf_counter() - started)
            assert report.changed == 1 and report.added == report.removed == 0, report.summary()
    finally:
        path.write_bytes(original)
    return {"seconds": max(times), "runs": times}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("ours", "baseline", "incremental", "parse"))
    parser.add_argument("corpus", type=Path)
    parser.add_argument("index", type=Path)
    parser.add_argument(
        "--limit", type=int, default=None, help="baseline, parse: only the first N documents"
    )
    args = parser.parse_args()
    if args.kind == "ours":
        figures = ours(args.corpus, args.index)
    elif args.kind == "baseline":
        figures = baseline(args.corpus, args.index, args.limit)
    elif args.kind == "parse":
        figures = parse(args.corpus, args.limit)
    else:
        figures = incremental(args.corpus, args.index)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
