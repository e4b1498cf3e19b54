"""Time the most expensive requests (tests/expensive.py) on the AU releases served by gunicorn.

    python bench/expensive.py [--scratch /tmp/expensive] [--limit N] [--workers 2] [--repeat 3]

Ingests ../shared/corpora/au-pm-media-releases.jsonl with `archive ingest --currency AUD` into
SCRATCH/corpus (once: an existing SCRATCH is reused and only brought up to date), builds it with
`archive build`, serves it with `archive serve` on a free loopback port, then asks each request
of every kind (the page, the API, the CSV export, the feed) and prints its status, its time (the
best of --repeat, then the worst; status 0: the connection dropped), the total and the notice the
API gave. Nothing is asserted: the figures are for the README and for issue 12's target (each
under 1 s).

The texts are the Commonwealth of Australia's, under CC BY 3.0 AU: see ../shared/corpora/README.md.
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from expensive import EXPENSIVE  # noqa: E402

SOURCE = ROOT.parent / "shared" / "corpora" / "au-pm-media-releases.jsonl"
ENDPOINTS = ("/", "/api/search", "/search.csv", "/search.bib", "/feed.atom")


def archive(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "archive.cli", *args], capture_output=True, text=True, check=True
    )


def prepare(scratch: Path, limit: int | None) -> Path:
    """Ingest and build the AU releases once; return the index folder."""
    corpus, index = scratch / "corpus", scratch / "index"
    if (index / "current").exists():
        archive(
            "--corpus", str(corpus), "--index", str(index), "build"
        )  # nothing to do, unless the code changed
        return index
    corpus.mkdir(parents=True, exist_ok=True)
    source = SOURCE
    if limit:
        source = scratch / "first.jsonl"
        with SOURCE.open("rb") as whole, source.open("wb") as part:
            part.writelines(line for _, line in zip(range(limit), whole))
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "archive.cli",
            "--corpus",
            str(corpus),
            "--index",
            str(index),
            "ingest",
            "--currency",
            "AUD",
            "--source",
            "PM Transcripts",
            str(source),
        ],
        capture_output=True,
        text=True,
    )  # exit 1 when records are skipped (duplicates)
    ingested = time.perf_counter() - started
    archive("--corpus", str(corpus), "--index", str(index), "build")
    print(f"ingest {ingested:.1f} s, build {time.perf_counter() - started - ingested:.1f} s")
    return index


def serve(index: Path, workers: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "archive.cli",
            "--index",
            str(index),
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(url + "/", timeout=2).read()
            return server, url
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"the server on {url} did not start")


def fetch(url: str) -> tuple[int, float, bytes]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    except OSError:  # the connection dropped: a worker was killed
        status, body = 0, b""
    return status, time.perf_counter() - started, body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/expensive"))
    parser.add_argument("--limit", type=int, help="ingest only the first N records")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    index = prepare(args.scratch, args.limit)
    server, url = serve(index, args.workers)
    try:
        print(f"| request | {' | '.join(ENDPOINTS)} | total | notice |")
        print(f"|---|{'---|' * len(ENDPOINTS)}---|---|")
        slowest = 0.0
        for name, params in EXPENSIVE:
            cells, total, notice = [], "", ""
            for endpoint in ENDPOINTS:
                runs = [fetch(f"{url}{endpoint}?{urlencode(params)}") for _ in range(args.repeat)]
                times = sorted(seconds for _, seconds, _ in runs)
                statuses = sorted({status for status, _, _ in runs})
                slowest = max(slowest, times[-1])
                cells.append(
                    f"{'/'.join(map(str, statuses))} {1000 * times[0]:.0f}–{1000 * times[-1]:.0f} "
                    "ms"
                )
                if endpoint == "/api/search":
                    try:
                        data = json.loads(runs[0][2])
                    except ValueError:
                        data = {"error": f"not JSON: {runs[0][2][:60]!r}"}
                    total = data.get("total", "")
                    notice = (data.get("query") or {}).get("notice") or data.get("error") or ""
            print(f"| {name} | {' | '.join(cells)} | {total} | {notice[:90]} |", flush=True)
        print(f"\nslowest request: {1000 * slowest:.0f} ms")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
