"""Profile bench/run.py's requests of one kind on a built index: CPU time per kind of query text.

    python bench/profile_requests.py /tmp/bench/synthetic-3000 plain --repeat 3
    python bench/profile_requests.py /tmp/bench/synthetic-100000 faceted --profile 40

The requests are run.py's (the same query texts and seed), each kind's caches dropped first as
run.py drops them. Times are this process's CPU time, which a shared machine disturbs far less
than the wall clock; --profile adds cProfile's table (CPU time too) of one more pass.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpora  # noqa: E402
import run  # noqa: E402

from archive.search.core import Archive  # noqa: E402
from archive.search.request import SearchRequest  # noqa: E402

# corpora.queries makes its texts in this cycle of kinds.
KINDS = ("common", "rare", "two", "three", "phrase", "middle", "none", "two")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path, help="a bench folder holding corpus/ and index/")
    parser.add_argument("mode", choices=sorted(run.MODES))
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="passes timed (each after forget)")
    parser.add_argument("--profile", type=int, default=0, help="rows of cProfile's table")
    args = parser.parse_args()
    archive = Archive(args.work / "index")
    archive.search(SearchRequest())
    archive.search(SearchRequest(sort="largest"))
    texts = corpora.queries(args.work / "corpus", args.queries)
    long = corpora.long_queries(args.work / "corpus", max(10, args.queries // 5))
    requests = run.requests_for(archive, texts, long)[args.mode]
    answer = (lambda r: run.plain_top10(archive, r)) if args.mode == "plain" else archive.search
    times: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        run.forget(archive)
        for n, request in enumerate(requests):
            started = time.process_time()
            answer(request)
            kind = "long" if args.mode == "long" else KINDS[n % len(KINDS)]
            times.setdefault(kind, []).append((time.process_time() - started) * 1000)
    every = sorted(t for found in times.values() for t in found)
    print(
        f"{args.work.name} {args.mode}: p50 {statistics.median(every):.2f} ms, "
        f"p95 {every[int(0.95 * (len(every) - 1))]:.2f} ms (CPU, {args.repeat} passes)"
    )
    for kind, found in times.items():
        print(f"  {kind:7} median {statistics.median(found):6.2f} ms  max {max(found):7.2f}")
    if args.profile:
        run.forget(archive)
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        for request in requests:
            answer(request)
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(args.profile)
        print(out.getvalue())


if __name__ == "__main__":
    main()
