"""Time the search core in-process, per request kind, first time and again; profile the slowest 5%.

For the tail at 1,000,000 documents (docs/scale-round12.md): every kind of `bench/run.py`
(plain, faceted, filtered, newest, largest, long) is run over the same fixed requests in one
process, with the archive's own caches emptied before each pass:

- pass "first": the first time this process asks each request (the index's files perhaps not yet
  in the page cache: what a worker's first queries pay);
- pass "again": the same requests after the caches are emptied again (the files now read once:
  the work itself, with no cache of the archive's to help);

and for each request its wall and CPU time and its page faults (minor and major). Then the
slowest 5% of each kind in the "again" pass are run once more under cProfile, caches emptied
before each, and the profile's top functions are printed. Read-only: nothing is written to the
index.

    python bench/tail.py --index /tmp/bench1m/synthetic-1000000/index \
        --corpus /tmp/bench1m/synthetic-1000000/corpus --queries 100 --long 30 \
        --json /tmp/bench-scale9/tail-1m.json
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora  # noqa: E402  (bench/ is not a package)
from run import forget as forget_masks  # noqa: E402
from run import plain_top10, requests_for  # noqa: E402

from archive.search import firstpass, heap  # noqa: E402
from archive.search.core import Archive  # noqa: E402
from archive.search.request import SearchRequest  # noqa: E402


def forget(archive: Archive) -> None:
    """Empty the archive's caches: masks, scores, postings, documents and pruned first passes."""
    forget_masks(archive)
    firstpass.forget(archive._current().ranker)


def runner(archive: Archive, mode: str) -> Any:
    """Return what a mode runs: the page alone for plain, the whole search otherwise."""
    if mode == "plain":
        return lambda r: plain_top10(archive, r)
    return archive.search


def timed(
    run: Any, requests: list[SearchRequest], profile: cProfile.Profile | None = None
) -> list[dict[str, float]]:
    """Return each request's wall and CPU milliseconds and its page faults (profiled, if asked)."""
    found = []
    for request in requests:
        before = resource.getrusage(resource.RUSAGE_SELF)
        wall, cpu = time.perf_counter(), time.process_time()
        if profile is not None:
            profile.enable()
        run(request)
        if profile is not None:
            profile.disable()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_SELF)
        found.append(
            {
                "wall": wall * 1000,
                "cpu": cpu * 1000,
                "minflt": after.ru_minflt - before.ru_minflt,
                "majflt": after.ru_majflt - before.ru_majflt,
            }
        )
    return found


def summary(times: list[dict[str, float]]) -> dict[str, float]:
    """Return p50 and p95 of wall and CPU time, and the page faults per request."""
    wall = [t["wall"] for t in times]
    cpu = [t["cpu"] for t in times]
    return {
        "wall_p50": float(np.percentile(wall, 50)),
        "wall_p95": float(np.percentile(wall, 95)),
        "cpu_p50": float(np.percentile(cpu, 50)),
        "cpu_p95": float(np.percentile(cpu, 95)),
        "minflt_mean": float(np.mean([t["minflt"] for t in times])),
        "majflt_mean": float(np.mean([t["majflt"] for t in times])),
        "n": len(times),
    }


def slowest(times: list[dict[str, float]], share: float = 0.05) -> list[int]:
    """Return the positions of the slowest share of requests by wall time, slowest first."""
    count = max(1, round(len(times) * share))
    return sorted(range(len(times)), key=lambda i: -times[i]["wall"])[:count]


def profiled(archive: Archive, mode: str, requests: list[SearchRequest], top: int) -> str:
    """Return cProfile's top functions (by own time and cumulative) over some requests."""
    run = runner(archive, mode)
    profile = cProfile.Profile()
    for request in requests:
        if mode != "filtered":
            forget(archive)
        profile.enable()
        run(request)
        profile.disable()
    return _stats(profile, top)


def _stats(profile: cProfile.Profile, top: int) -> str:
    """Return a profile's top functions by own time and by cumulative time."""
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--long", type=int, default=30)
    parser.add_argument("--modes", default="plain,faceted,filtered,newest,largest,long")
    parser.add_argument("--profile", action="store_true", help="cProfile the slowest 5%%")
    parser.add_argument(
        "--profile-first",
        action="store_true",
        help="cProfile the whole first pass of each kind (what a cold worker's requests touch)",
    )
    parser.add_argument("--top", type=int, default=25, help="functions shown per profile")
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--mmap-threshold",
        type=int,
        help="MiB: malloc's mmap threshold instead of heap.py's (its kept top four times as much)",
    )
    args = parser.parse_args()
    if args.mmap_threshold:  # before Archive() fixes it
        heap.LARGE = args.mmap_threshold * 2**20
        heap.KEPT_TOP = 4 * heap.LARGE

    started = time.perf_counter()
    archive = Archive(args.index)
    archive.search(SearchRequest())
    archive.search(SearchRequest(sort="largest"))
    texts = corpora.queries(args.corpus, args.queries)
    long = corpora.long_queries(args.corpus, args.long)
    modes = requests_for(archive, texts, long)
    print(f"opened and made requests in {time.perf_counter() - started:.1f} s", flush=True)
    wanted = args.modes.split(",")
    result: dict[str, Any] = {"modes": {}}
    passes: dict[str, dict[str, list[dict[str, float]]]] = {"first": {}, "again": {}}
    for name in passes:
        for mode in wanted:
            if mode != "filtered":  # a filter click follows its faceted search: that is warm
                forget(archive)
            profile = cProfile.Profile() if args.profile_first and name == "first" else None
            passes[name][mode] = timed(runner(archive, mode), modes[mode], profile)
            if profile is not None:
                print(f"\nprofile of the first pass of {mode}:\n{_stats(profile, args.top)}")
            found = summary(passes[name][mode])
            print(
                f"{name:6} {mode:9} wall p50 {found['wall_p50']:8.1f} p95 {found['wall_p95']:8.1f}"
                f"  cpu p50 {found['cpu_p50']:8.1f} p95 {found['cpu_p95']:8.1f}"
                f"  faults {found['minflt_mean']:8.0f} minor {found['majflt_mean']:6.1f} major",
                flush=True,
            )
            result["modes"].setdefault(mode, {})[name] = found
    for mode in wanted:
        worst = slowest(passes["again"][mode])
        requests = modes[mode]
        result["modes"][mode]["slowest"] = [
            {"q": requests[i].q, "wall": passes["again"][mode][i]["wall"]} | _filters(requests[i])
            for i in worst
        ]
        print(f"\nslowest 5% of {mode} (again):")
        for one in result["modes"][mode]["slowest"]:
            print(f"  {one['wall']:8.1f} ms  {one}")
        if args.profile:
            print(profiled(archive, mode, [requests[i] for i in worst], args.top))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1))


def _filters(request: SearchRequest) -> dict[str, Any]:
    return {
        "sort": request.effective_sort,
        "filters": bool(
            request.years or request.departments or request.programmes or request.amounts
        ),
    }


if __name__ == "__main__":
    main()
