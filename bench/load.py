"""Serve an index with `archive serve` (gunicorn) on loopback and drive it with concurrent clients.

    python bench/load.py --index /tmp/bench/synthetic-10000/index \\
        --corpus /tmp/bench/synthetic-10000/corpus
    python bench/load.py ... --workers 2 --clients 8 --seconds 60

Each client loops over a fixed list of faceted searches (`/api/search`, all four facets counted,
top 10 with snippets), some with filters, until the time is up. It reports errors, end-to-end
p50 / p95, the same requests' latency in the search core alone (in this process, for the
ratio), each gunicorn worker's peak resident memory read from /proc, and each worker's own
memory after opening the index and after the query mix: its USS (pages no other process maps,
read by psutil; mapped index pages only this worker has touched count too) and its anonymous
memory (its heap, from /proc's smaps_rollup, which no other process can share).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import numpy as np
import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpora  # noqa: E402

from archive.search.core import Archive  # noqa: E402

HOST = "127.0.0.1"  # loopback only


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def request_params(archive: Archive, texts: list[str], seed: int = 3) -> list[dict[str, list[str]]]:
    """Half plain faceted searches, half with a year range and a facet value, as people click."""
    rng = random.Random(seed)
    everything = archive.search(archive.request({}))
    values = {facet: [v.value for v in found] for facet, found in everything.facets.items()}
    params = []
    for n, q in enumerate(texts):
        one: dict[str, list[str]] = {"q": [q]} if q else {}
        if n % 2:
            start = int(rng.choice(values["year"][:15]))
            one["year"] = [f"{start - rng.randint(0, 4)}-{start}"]
            kind = rng.choice(("department", "programme", "amount"))
            if values[kind]:
                one[kind] = [rng.choice(values[kind][:8])]
        params.append(one)
    return params


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def uss_mb(pid: int) -> float:
    """Return a process's own memory: the pages that no other process maps (USS)."""
    try:
        return float(psutil.Process(pid).memory_full_info().uss) / 2**20
    except (psutil.Error, OSError):
        return 0.0


def anonymous_mb(pid: int) -> float:
    """Return a process's anonymous memory (its heap: never shared, unlike mapped file pages)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Anonymous:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def own(pids: list[int]) -> list[dict[str, float]]:
    """Return each worker's own memory: USS and anonymous, in MB."""
    return sorted(
        ({"uss": round(uss_mb(pid), 1), "anonymous": round(anonymous_mb(pid), 1)} for pid in pids),
        key=lambda found: found["uss"],
    )


def opened(port: int, workers: int) -> None:
    """Ask for every document's facets until each worker has likely opened the index."""
    for _ in range(4 * workers):
        connection = http.client.HTTPConnection(HOST, port, timeout=120)
        connection.request("GET", "/api/search?q=")
        connection.getresponse().read()
        connection.close()


def workers_of(master: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{master}/task").iterdir():
        try:
            found += [int(pid) for pid in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def wait_ready(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=5)
            connection.request("GET", "/api/search?q=")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not answer in time")


def client(port: int, paths: list[str], stop: float, seed: int) -> tuple[list[float], list[str]]:
    rng = random.Random(seed)
    order = paths[:]
    rng.shuffle(order)
    times, errors = [], []
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    n = 0
    while time.monotonic() < stop:  # bounded: the loop ends when the time is up
        path = order[n % len(order)]
        n += 1
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            if response.status != 200 or not body.startswith(b"{"):
                errors.append(f"{response.status} {path}")
        except (OSError, http.client.HTTPException) as error:
            errors.append(f"{type(error).__name__} {path}")
            connection.close()
            connection = http.client.HTTPConnection(HOST, port, timeout=30)
            continue
        times.append((time.perf_counter() - started) * 1000)
    connection.close()
    return times, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, required=True, help="to pick the query words from")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()

    archive = Archive(args.index)
    texts = corpora.queries(args.corpus, args.queries)
    params = request_params(archive, texts)
    core = []
    for one in params:  # the core alone, first time round (as each worker meets them)
        started = time.perf_counter()
        archive.search(archive.request(one))
        core.append((time.perf_counter() - started) * 1000)
    paths = ["/api/search?" + urlencode(one, doseq=True) for one in params]

    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "archive"),
            "--index",
            str(args.index),
            "serve",
            "--host",
            HOST,
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            "--no-watch",  # the bench measures serving; a watcher is no worker of it
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    peak: dict[int, float] = {}
    try:
        wait_ready(port, time.monotonic() + 120)
        opened(port, args.workers)
        own_opened = own(workers_of(server.pid))
        stop_at = time.monotonic() + args.seconds
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.5):
                for pid in workers_of(server.pid):
                    peak[pid] = max(peak.get(pid, 0.0), rss_mb(pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        with ThreadPoolExecutor(args.clients) as pool:
            outcomes = list(
                pool.map(lambda n: client(port, paths, stop_at, n), range(args.clients))
            )
        done.set()
        sampler.join()
        own_after = own(workers_of(server.pid))
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server we started, and only it
        server.wait(timeout=30)

    times = [t for found, _ in outcomes for t in found]
    errors = [e for _, found in outcomes for e in found]
    figures = {
        "workers": args.workers,
        "clients": args.clients,
        "seconds": args.seconds,
        "requests": len(times) + len(errors),
        "errors": len(errors),
        "error_examples": errors[:5],
        "throughput_per_s": len(times) / args.seconds,
        "e2e_p50_ms": float(np.percentile(times, 50)) if times else None,
        "e2e_p95_ms": float(np.percentile(times, 95)) if times else None,
        "core_p50_ms": float(np.percentile(core, 50)),
        "core_p95_ms": float(np.percentile(core, 95)),
        "worker_peak_rss_mb": sorted(round(v, 1) for v in peak.values()),
        "worker_own_opened_mb": own_opened,
        "worker_own_after_mix_mb": own_after,
    }
    figures["e2e_over_core_p50"] = figures["e2e_p50_ms"] / figures["core_p50_ms"] if times else None
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
