"""Time incremental builds of one changed file on an existing build, split into their parts.

    python bench/incremental.py --corpus DIR --index DIR [--runs 3] [--json OUT]
    python bench/incremental.py --size 10000 --out /tmp/bench-me   # writes and builds it first
    python bench/incremental.py --corpus DIR --index DIR --journal  # the scan and the journal

`--journal` times both ways a build finds what changed, in the same run: first the scan of the
corpus folder with no watcher (as without one), then with `archive watch` running, the journal
(archive/corpus/journal.py); it prints both side by side and the scan's time over the journal's.

Each run edits one document in place (a sentence appended, so the folder's own time does not
change), builds, puts the file back and builds again: both builds are timed (the second restores
the index to the corpus as it was). The file is put back whatever happens. `--add` times a new
file written and removed instead.

The parts are found by timing the functions a build calls (each part's own time, less the parts
called inside it), so the same bench measures the code before and after a change: scan (the
corpus's files), record (the build's record of documents read and written), check (the previous
generation opened and checked), parse, segment (Whoosh's writer and the originals), arrays,
columns (facet and sort columns), forms (the table of surface forms), commit (the new generation
linked, its manifest written and made current, old ones pruned) and other (the rest).
"""

from __future__ import annotations

import argparse
import json
import os
import select
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

# (module, attribute, part): whichever of these the code has is timed. Old and new names both, so
# that the bench runs on the code before a change as after it.
TIMED = [
    ("archive.index.build", "document_stats", "scan"),
    ("archive.corpus.folder", "document_stats", "scan"),
    ("archive.index.build", "scan", "scan"),
    ("archive.index.changes", "scan", "scan"),
    ("archive.corpus.journal", "look", "journal"),
    ("archive.index.changes", "journaled", "journal"),
    ("archive.index.build", "_manifest", "record"),
    ("archive.index.record", "read", "record"),
    ("archive.index.changes", "stale", "record"),
    ("archive.index.record", "Record.checksums", "record"),
    ("archive.index.record", "Record.names", "record"),
    ("archive.index.record", "write", "record"),
    ("archive.index.generations", "_write_atomic_bytes", "record"),
    ("archive.index.generations", "write_atomic_bytes", "record"),
    ("archive.index.build", "_usable", "check"),
    ("archive.index.build", "_has_every_field", "check"),
    ("archive.corpus.folder", "parse_bytes", "parse"),
    ("archive.index.parallel", "write", "segment"),
    ("whoosh.writing", "SegmentWriter.commit", "segment"),
    ("whoosh.writing", "SegmentWriter.delete_by_term", "segment"),
    ("archive.index.originals", "store", "segment"),
    ("archive.index.arrays", "write", "arrays"),
    ("archive.index.columns", "write", "columns"),
    ("archive.index.forms", "read_stems", "forms"),
    ("archive.index.forms", "FormsTable.add", "forms"),
    ("archive.index.forms", "FormsTable.write", "forms"),
    ("archive.index.forms", "write_added", "forms"),
    ("archive.index.generations", "start", "commit"),
    ("archive.index.generations", "publish", "commit"),
]
PARTS = [
    "scan",
    "journal",
    "record",
    "check",
    "parse",
    "segment",
    "arrays",
    "columns",
    "forms",
    "commit",
    "other",
]


class Timer:
    """Each part's own time: a part called inside another is taken out of the outer one.

    Both the time waited (perf_counter) and the process's processor time (process_time): on a
    shared machine the first is mostly other work's, the second nearer a quiet machine's time.
    """

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.stack: list[list[Any]] = []  # [part, started, cpu then, inner time, inner cpu]

    def wrap(self, function: Callable[..., Any], part: str) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.stack.append([part, time.perf_counter(), time.process_time(), 0.0, 0.0])
            try:
                return function(*args, **kwargs)
            finally:
                name, started, cpu, inner, inner_cpu = self.stack.pop()
                took, used = time.perf_counter() - started, time.process_time() - cpu
                self.spent[name] += took - inner
                self.cpu[name] += used - inner_cpu
                if self.stack:
                    self.stack[-1][3] += took
                    self.stack[-1][4] += used

        return timed


@contextmanager
def timing(timer: Timer) -> Iterator[None]:
    import importlib

    undo = []
    for module_name, attribute, part in TIMED:
        try:
            owner: Any = importlib.import_module(module_name)
        except ImportError:
            continue
        *path, name = attribute.split(".")
        for step in path:
            owner = getattr(owner, step, None)
        if owner is None or not hasattr(owner, name):
            continue
        original = getattr(owner, name)
        own = name in vars(owner)  # else inherited: taken away again afterwards, not set
        setattr(owner, name, timer.wrap(original, part))
        undo.append((owner, name, original, own))
    try:
        yield
    finally:
        for owner, name, original, own in reversed(undo):
            if own:
                setattr(owner, name, original)
            else:
                delattr(owner, name)


def one_build(corpus: Path, index: Path, scan_all: bool = False) -> dict[str, Any]:
    from archive.index.build import build

    timer = Timer()
    with timing(timer):
        started, cpu = time.perf_counter(), time.process_time()
        # Older code has no scan_all: it is passed only where asked for.
        report = build(corpus, index, **({"scan_all": True} if scan_all else {}))
        total = time.perf_counter() - started
        cpu = time.process_time() - cpu
    parts = {part: timer.spent.get(part, 0.0) for part in PARTS}
    parts["other"] = total - sum(parts.values())
    cpu_parts = {part: timer.cpu.get(part, 0.0) for part in PARTS}
    cpu_parts["other"] = cpu - sum(cpu_parts.values())
    return {
        "total": total,
        "cpu": cpu,
        "parts": parts,
        "cpu_parts": cpu_parts,
        "summary": report.summary(),
        "report": report,
    }


def middle_document(corpus: Path) -> Path:
    from archive.corpus.folder import document_files

    files = list(document_files(corpus).values())
    return files[len(files) // 2]


def run(
    corpus: Path, index: Path, runs: int, add: bool, way: str | None = None
) -> list[dict[str, Any]]:
    """Time `runs` pairs of builds: one file changed (or added), then put back.

    `way`, if given, is how each build must have found the change: "scan" or "journal".
    """
    path = middle_document(corpus)
    original = path.read_bytes()
    added = corpus / "zz-bench-incremental-added.md"
    found = []
    try:
        for _ in range(runs):
            if add:
                added.write_bytes(original.replace(b"title:", b"title: Added", 1))
            else:
                path.write_bytes(original + b"\nOne more sentence about funding.\n")
            changed = one_build(corpus, index, way == "scan")
            report = changed.pop("report")
            expected = (1, 0, 0) if add else (0, 1, 0)
            got = (report.added, report.changed, report.removed)
            assert got == expected, f"{got}: {report.summary()}"
            if way is not None:
                took = "journal" if report.found.endswith("from the watcher") else "scan"
                assert took == way, f"found by {took}, not {way}: {report.summary()}"
            if add:
                added.unlink()
            else:
                path.write_bytes(original)
            restored = one_build(corpus, index, way == "scan")
            report = restored.pop("report")
            if way == "journal":
                assert report.found.endswith("from the watcher"), report.summary()
            found += [changed, restored]
    finally:
        path.write_bytes(original)
        if added.exists():
            added.unlink()
            one_build(corpus, index)
    return found


def summarise(found: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "builds": len(found),
        "median_s": statistics.median(b["total"] for b in found),
        "max_s": max(b["total"] for b in found),
        # The process's own processor time: on a machine shared with other work, nearer what the
        # build takes on a quiet one than the time it waited.
        "median_cpu_s": statistics.median(b["cpu"] for b in found),
        "parts_median_s": {p: statistics.median(b["parts"][p] for b in found) for p in PARTS},
        "parts_median_cpu_s": {
            p: statistics.median(b["cpu_parts"][p] for b in found) for p in PARTS
        },
    }


def prepare(size: int, out: Path) -> tuple[Path, Path]:
    """Write a synthetic corpus of `size` documents under out and build it in full, if not there."""
    from corpora import synthetic

    from archive.index import generations
    from archive.index.build import build

    root = out / f"synthetic-{size}"
    corpus, index = root / "corpus", root / "index"
    if not corpus.exists():
        synthetic(root, size)
    if generations.current(index) is None:
        print(build(corpus, index, full=True).summary(), flush=True)
    return corpus, index


def report(found: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """Print each build and the medians; return the figures."""
    figures = summarise(found)
    print(f"-- {title}")
    for b in found:
        parts = ", ".join(f"{p} {b['parts'][p]:.3f}" for p in PARTS)
        print(f"{b['total']:.3f} s ({b['cpu']:.3f} s processor): {parts}  [{b['summary']}]")
    print(
        f"median {figures['median_s']:.3f} s ({figures['median_cpu_s']:.3f} s processor), "
        f"max {figures['max_s']:.3f} s; median parts: "
        + ", ".join(f"{p} {s:.3f}" for p, s in figures["parts_median_s"].items())
    )
    print(
        "median processor time by part: "
        + ", ".join(f"{p} {s:.3f}" for p, s in figures["parts_median_cpu_s"].items())
    )
    return figures


@contextmanager
def watching(corpus: Path, index: Path) -> Iterator[None]:
    """Run `archive watch` on the corpus while inside; return once its watch is in place."""
    command = [sys.executable, "-m", "archive.cli", "--corpus", str(corpus)]
    command += ["--index", str(index), "watch"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE)
    try:
        assert process.stdout is not None
        # At 1,000,000 documents the watcher looks at each file once (for links) before it is ready.
        ready, _, _ = select.select([process.stdout], [], [], 600)
        line = process.stdout.readline().decode() if ready else ""
        if not line.startswith("Watching"):
            raise SystemExit(f"the watcher did not start: {line!r}")
        yield
    finally:
        process.terminate()
        process.communicate(timeout=60)


def side_by_side(scan: dict[str, Any], journal: dict[str, Any]) -> None:
    """Print the two ways' medians, and the scan's over the journal's."""
    print("-- side by side (medians; ratio = scan / journal)")
    rows = [("total", "median_s"), ("processor", "median_cpu_s")]
    for label, key in rows:
        a, b = scan[key], journal[key]
        print(f"{label:>10}: scan {a:.3f} s, journal {b:.3f} s, ratio {a / b:.2f}x")
    for part in PARTS:
        a, b = scan["parts_median_s"][part], journal["parts_median_s"][part]
        print(f"{part:>10}: scan {a:.3f} s, journal {b:.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="an existing corpus folder")
    parser.add_argument("--index", type=Path, help="its existing index (built before)")
    parser.add_argument("--size", type=int, help="or: a synthetic corpus of this many documents")
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench-incremental"))
    parser.add_argument("--runs", type=int, default=3, help="pairs of builds (changed, put back)")
    parser.add_argument("--add", action="store_true", help="add a file instead of editing one")
    parser.add_argument(
        "--journal", action="store_true", help="time the scan, then the watcher's journal"
    )
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    if args.size:
        corpus, index = prepare(args.size, args.out)
    elif args.corpus and args.index:
        corpus, index = args.corpus, args.index
    else:
        parser.error("give --corpus and --index, or --size")
    # A first build brings the index up to date (and its files into the page cache): not timed.
    print("before:", one_build(corpus, index)["summary"], flush=True)
    way = "scan" if args.journal else None
    figures = report(run(corpus, index, args.runs, args.add, way), "scan")
    figures.update(corpus=str(corpus), index=str(index), add=args.add, load=os.getloadavg())
    if args.journal:
        with watching(corpus, index):
            # The first build with the watcher scans (it started after the last build) and marks
            # the journal: not timed.
            print("watched:", one_build(corpus, index)["summary"], flush=True)
            journal = report(run(corpus, index, args.runs, args.add, "journal"), "journal")
        side_by_side(figures, journal)
        figures = {"scan": figures, "journal": journal, "load": os.getloadavg()}
        figures["ratio_scan_over_journal"] = figures["scan"]["median_s"] / journal["median_s"]
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
