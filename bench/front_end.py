"""Measure the front end on a synthetic corpus: pages, API, feed, did-you-mean, whole-set exports.

    python bench/front_end.py [N]      # N documents (default 5000); prints figures, asserts nothing

Exports stream: their peak memory (tracemalloc, Python allocations) should stay far below
the size of the file they write. Built corpora and indexes are kept in bench/out/.
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpora import synthetic  # noqa: E402

from archive.index.build import build  # noqa: E402
from archive.web.app import create_app  # noqa: E402

OUT = ROOT / "bench" / "out" / "front_end"


def timed(client, url: str, runs: int = 15) -> tuple[float, int]:
    """Return the median milliseconds of a GET, and the answer's size in bytes."""
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        body = response.get_data()
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        size = len(body)
    return statistics.median(times), size


def streamed(client, url: str) -> tuple[float, int, int, float]:
    """Read an export chunk by chunk: seconds, bytes, lines, and peak Python memory in MB."""
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get(url, buffered=False)
    size = lines = 0
    for chunk in response.response:
        size += len(chunk)
        lines += chunk.count(b"\n") if isinstance(chunk, bytes) else chunk.count("\n")
    response.close()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, size, lines, peak


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    corpus, index = OUT / f"corpus-{n}" / "corpus", OUT / f"index-{n}"
    if not corpus.exists():
        synthetic(corpus.parent, n)
    started = time.perf_counter()
    report = build(corpus, index)
    print(f"{n} documents: {report.summary()} ({time.perf_counter() - started:.1f} s)")
    client = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    client.get("/")  # open the generation once

    first = time.perf_counter()
    client.get("/?q=fundnig")
    print(
        "first search page with timeline and did-you-mean: "
        f"{(time.perf_counter() - first) * 1000:.0f} ms"
    )
    doc_id = client.get("/api/search?per_page=1").get_json()["results"][0]["id"]
    print("\nmedian of 15 runs:")
    for label, url in [
        ("search page, everything (timeline of all)", "/"),
        ("search page, 'funding care'", "/?q=funding+care"),
        ("search page, misspelt 'fundnig' (did you mean)", "/?q=fundnig"),
        ("search page, misspelt 'goverment' (did you mean)", "/?q=goverment"),
        ("API search, 'funding care'", "/api/search?q=funding+care"),
        ("Atom feed, 'funding' (50 entries)", "/feed.atom?q=funding"),
        ("document page (citations, 5 related)", f"/doc/{doc_id}"),
        ("API document", f"/api/doc/{doc_id}"),
    ]:
        ms, size = timed(client, url)
        print(f"  {label:50} {ms:8.1f} ms  {size / 1024:8.1f} KiB")
    print("\nwhole-set exports, streamed:")
    for label, url in [
        ("CSV, everything", "/search.csv"),
        ("CSV, year 2015", "/search.csv?year=2015"),
        ("RIS, everything", "/search.ris"),
        ("BibTeX, everything", "/search.bib"),
    ]:
        seconds, size, lines, peak = streamed(client, url)
        print(
            f"  {label:20} {seconds:6.2f} s  {size / 2**20:7.2f} MiB  {lines:8,} lines  "
            f"{size / 2**20 / seconds:6.2f} MiB/s  peak Python memory {peak:6.2f} MiB"
        )


if __name__ == "__main__":
    main()
