"""Benchmark the archive against an SQLite FTS5 reference: builds, then query latency.

    python bench/run.py --sizes 10000,100000 --real          # everything (about an hour at 100,000)
    python bench/run.py --sizes 2000 --queries 100           # a quick look
    python bench/run.py --sizes 100000 --reuse-builds        # queries only, on built indexes

Corpora and indexes are written under --out (default /tmp/bench), never into the project.
The table is printed and the figures are written as JSON (bench/out/latest.json).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpora  # noqa: E402
import reference  # noqa: E402
import tantivy_reference  # noqa: E402
from tables import table  # noqa: E402

from archive.search.core import Archive  # noqa: E402
from archive.search.hits import page_of_hits  # noqa: E402
from archive.search.request import SearchRequest  # noqa: E402

MODES = {
    "plain": "top 10 with snippets, no facets",
    "faceted": "top 10 + all four facets counted",
    "filtered": "the same query again with one or two facet filters (a click)",
    "newest": "faceted, sorted by date",
    "largest": "faceted, sorted by amount",
    "long": "faceted, 8 to 15 words as people type them; SQLite ORs the words",
}


def measure_build(
    kind: str, corpus: Path, index: Path, saved: Path, reuse: bool, limit: int | None = None
) -> dict:
    """Run one build in its own process (for its peak memory), or read its saved figures."""
    if reuse and saved.exists():
        return json.loads(saved.read_text())
    command = [sys.executable, str(HERE / "measure_build.py"), kind, str(corpus), str(index)]
    if limit:
        command += ["--limit", str(limit)]
    print(f"  {kind} build of {corpus} ...", flush=True)
    figures = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    saved.write_text(json.dumps(figures))
    return figures


def requests_for(
    archive: Archive, texts: list[str], long: list[str], seed: int = 11
) -> dict[str, list[SearchRequest]]:
    """Make the fixed request list of every mode from the fixed query texts."""
    rng = random.Random(seed)
    everything = archive.search(SearchRequest())
    values = {facet: [v.value for v in found] for facet, found in everything.facets.items()}
    filtered = []
    for q in texts:
        params: dict[str, list[str]] = {"q": [q]}
        start = rng.choice(values["year"][:20])
        params["year"] = [f"{int(start) - rng.randint(0, 4)}-{start}"]
        kind = rng.choice(("department", "programme", "amount"))
        if values[kind]:
            params[kind] = [rng.choice(values[kind][:8])]
        filtered.append(archive.request(params))
    return {
        "plain": [SearchRequest(q=q) for q in texts],
        "faceted": [SearchRequest(q=q) for q in texts],
        "filtered": filtered,
        "newest": [SearchRequest(q=q, sort="newest") for q in texts],
        "largest": [SearchRequest(q=q, sort="largest") for q in texts],
        "long": [SearchRequest(q=q) for q in long],
    }


def plain_top10(archive: Archive, request: SearchRequest) -> list:
    """Our own plain query: the page of hits with snippets, and nothing else."""
    with archive._lock:
        gen = archive._current()
        parsed = gen.reader.read(request.q)
        # Only the documents the query matches, as the search page shows them (and as SQLite and
        # Tantivy answer): ranking every live document let a document holding one of two
        # required words onto the page, and filled a page of fewer matches with others.
        matched = gen.sets.matches(parsed.query)
        return page_of_hits(gen, request, parsed, matched, filtered=False)


def forget(archive: Archive) -> None:
    """Drop the generation's cached masks so that each query is computed afresh."""
    gen = archive._current()
    gen.sets._cache.clear()
    gen.facets._masks.clear()
    gen.ranker._cache.clear()
    gen.sets._postings.clear()
    gen.sets.documents.clear()


# What a request's time is read from: the wall clock, or the CPU time of this process (all its
# threads: Tantivy's too), which a machine shared with other jobs disturbs far less.
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
clock = CLOCKS["wall"]


def latencies(run, requests: list[SearchRequest]) -> list[float]:
    found = []
    for request in requests:
        started = clock()
        run(request)
        found.append((clock() - started) * 1000)
    return found


def summary(ms: list[float]) -> dict:
    return {
        "p50_ms": float(np.percentile(ms, 50)),
        "p95_ms": float(np.percentile(ms, 95)),
        "mean_ms": statistics.fmean(ms),
        "n": len(ms),
    }


def warm(*paths: Path) -> None:
    """Read files once, so that neither side's first requests pay for reading them from disk."""
    for path in paths:
        for file in (p for p in (path.rglob("*") if path.is_dir() else [path]) if p.is_file()):
            with open(file, "rb") as handle:
                while handle.read(1 << 20):
                    pass


def median_of_runs(runs: list[dict]) -> dict:
    """Summarise several runs of one mode: the median of their p50s, p95s and means."""
    return {
        key: float(statistics.median(r[key] for r in runs))
        for key in ("p50_ms", "p95_ms", "mean_ms")
    } | {"n": runs[0]["n"], "runs": len(runs)}


def bench_queries(
    index: Path, db: Path, engine: Path | None, texts: list[str], long: list[str], runs: int = 1
) -> dict:
    """Time every mode on our index, SQLite and Tantivy, in turn, runs times; report medians."""
    from archive.index import generations

    warm(generations.current(index), db, *([engine] if engine else []))
    archive = Archive(index)
    started = time.perf_counter()
    archive.search(SearchRequest())  # opens the generation: reads facet columns and sort keys
    archive.search(SearchRequest(sort="largest"))
    opened = time.perf_counter() - started
    engines = {"sqlite": reference.Reference(db, archive.registry)}
    if engine is not None:
        engines["tantivy"] = tantivy_reference.TantivyReference(engine, archive.registry)
    modes = requests_for(archive, texts, long)
    found: dict[str, dict[str, list[dict]]] = {"ours": {}} | {name: {} for name in engines}
    for _ in range(runs):
        for mode, requests in modes.items():
            if mode != "filtered":  # a filter click follows its faceted search: that query is warm
                forget(archive)
            run = (lambda r: plain_top10(archive, r)) if mode == "plain" else archive.search
            found["ours"].setdefault(mode, []).append(summary(latencies(run, requests)))
            for name, ref in engines.items():
                found[name].setdefault(mode, []).append(
                    summary(
                        latencies(
                            lambda r, mode=mode, ref=ref: ref.search(
                                r, facets=mode != "plain", any_word=mode == "long"
                            ),
                            requests,
                        )
                    )
                )
            print(
                f"  {mode:9} "
                + "  ".join(
                    f"{name} p50 {found[name][mode][-1]['p50_ms']:7.2f} ms" for name in found
                ),
                flush=True,
            )
    result: dict = {"open_s": opened, "runs": runs}
    for name, modes_found in found.items():
        result[name] = {mode: median_of_runs(r) for mode, r in modes_found.items()}
    return result


def reusable(args: argparse.Namespace, saved: Path, built: Path, format: int) -> bool:
    """Say whether a reference built earlier may serve again: asked for, and of today's format."""
    return (
        args.reuse_builds
        and saved.exists()
        and built.exists()
        and json.loads(saved.read_text()).get("format") == format
    )


def bench_corpus(name: str, corpus: Path, work: Path, args: argparse.Namespace) -> dict:
    print(f"{name}: {corpus}", flush=True)
    index = work / "index"
    result: dict = {"name": name}
    result["build"] = measure_build(
        "ours", corpus, index, work / "build-ours.json", args.reuse_builds
    )
    if args.baseline_limit != 0 and not (args.queries_only and not args.reuse_builds):
        result["baseline"] = measure_build(
            "baseline",
            corpus,
            work / "baseline-index",
            work / "build-baseline.json",
            args.reuse_builds,
            args.baseline_limit,
        )
    # --queries-only: the incremental build and parsing figures of an earlier run, if any.
    again = not args.queries_only
    result["incremental"] = measure_build(
        "incremental", corpus, index, work / "build-incremental.json", not again
    )
    result["parse"] = measure_build(
        "parse", corpus, index, work / "parse.json", not again, args.baseline_limit or None
    )
    if args.backfill:
        from archive.index import backfill, generations

        started = time.perf_counter()
        written = backfill.stems(generations.current(index))
        took = time.perf_counter() - started
        print(f"  stems per document written for {written} segments ({took:.1f} s)")
    archive = Archive(index)
    db = work / "reference.sqlite"
    saved = work / "build-sqlite.json"
    if reusable(args, saved, db, reference.FORMAT):
        result["sqlite_build"] = json.loads(saved.read_text())
    else:
        with archive._lock:
            result["sqlite_build"] = reference.build(db, archive._current().searcher)
        saved.write_text(json.dumps(result["sqlite_build"]))
    engine = None
    if not args.no_tantivy:
        engine = work / "tantivy"
        saved = work / "build-tantivy.json"
        if reusable(args, saved, engine, tantivy_reference.FORMAT):
            result["tantivy_build"] = json.loads(saved.read_text())
        else:
            with archive._lock:
                result["tantivy_build"] = tantivy_reference.build(
                    engine, archive._current().searcher
                )
            saved.write_text(json.dumps(result["tantivy_build"]))
    texts = corpora.queries(corpus, args.queries)
    result["queries"] = bench_queries(
        index,
        db,
        engine,
        texts,
        corpora.long_queries(corpus, max(10, args.queries // 5)),
        args.runs,
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="10000,100000",
        help="synthetic corpus sizes, comma-separated ('' for none)",
    )
    parser.add_argument("--real", action="store_true", help="also the 8,686 AU PM media releases")
    parser.add_argument("--queries", type=int, default=300, help="query texts per corpus")
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench"))
    parser.add_argument("--json", type=Path, default=HERE / "out" / "latest.json")
    parser.add_argument(
        "--reuse-builds", action="store_true", help="reuse full builds measured by an earlier run"
    )
    parser.add_argument(
        "--baseline-limit",
        type=int,
        default=10000,
        help="default-writer baseline on at most this many documents (0: skip it)",
    )
    parser.add_argument(
        "--queries-only",
        action="store_true",
        help="with --reuse-builds: time only the queries (earlier build figures where saved)",
    )
    parser.add_argument("--no-tantivy", action="store_true", help="leave Tantivy out")
    parser.add_argument(
        "--backfill",
        action="store_true",
        help="first write what a build now writes beside each segment and a reused index lacks "
        "(stems per document, archive/index/backfill.py)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="time every mode this many times in turn; report the median of the runs' figures",
    )
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="wall",
        help="time requests by the wall clock, or by this process's CPU time (a shared machine)",
    )
    parser.add_argument(
        "--table",
        type=Path,
        nargs="+",
        help="only print one table from these JSON files of earlier runs",
    )
    args = parser.parse_args()
    global clock
    clock = CLOCKS[args.clock]
    if args.table:
        print(table([r for path in args.table for r in json.loads(path.read_text())["results"]]))
        return
    results = []
    names = [f"synthetic-{n}" for n in args.sizes.split(",") if n] + (["real"] if args.real else [])
    for name in names:
        work = args.out / name
        if not (work / "corpus").exists():
            print(f"{name}: writing the corpus ...", flush=True)
            corpora.real(work) if name == "real" else corpora.synthetic(
                work, int(name.split("-")[1])
            )
        results.append(bench_corpus(name, work / "corpus", work, args))
    text = table(results)
    print(text)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "machine": {
                    "cpus": __import__("os").cpu_count(),
                    "python": platform.python_version(),
                    "load": __import__("os").getloadavg(),
                },
                "clock": args.clock,
                "modes": MODES,
                "results": results,
                "table": text,
            },
            indent=2,
        )
    )
    print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
