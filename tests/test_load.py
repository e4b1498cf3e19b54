"""Load and rebuilds through a real gunicorn server: zero errors, answers whole."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from test_crash import write_bulk

from archive.index.build import build

LOCUSTFILE = Path(__file__).parent / "load" / "locustfile.py"


@pytest.mark.slow
def test_a_minute_of_mixed_load_from_16_clients_has_no_errors(
    built, corpus_dir, index_dir, gunicorn, tmp_path
):
    write_bulk(corpus_dir, 300)
    build(corpus_dir, index_dir)
    url = gunicorn(index_dir, workers=2)
    stats = tmp_path / "load"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(LOCUSTFILE),
            "--headless",
            "--users",
            "16",
            "--spawn-rate",
            "16",
            "--run-time",
            "60s",
            "--host",
            url,
            "--csv",
            str(stats),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        check=False,
        timeout=180,
        capture_output=True,
    )
    with open(f"{stats}_stats.csv") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    total = rows["Aggregated"]
    print(
        f"\nload: {total['Request Count']} requests, {total['Failure Count']} failures, "
        f"{float(total['Requests/s']):.1f} req/s, p50 {total['50%']} ms, p95 {total['95%']} ms, "
        f"p99 {total['99%']} ms"
    )
    for name, row in rows.items():
        print(
            f"  {name}: {row['Request Count']} requests, p50 {row['50%']} ms, p95 {row['95%']} ms"
        )
    # Every kind of request in the mix was made, and none failed.
    assert {
        "/?q=",
        "/?q=&facet",
        "/doc/[id]",
        "/api/search",
        "/search.csv",
        "/feed.atom",
        "/?q=[expensive]",
    } <= set(rows)
    assert all(int(row["Request Count"]) > 0 for row in rows.values())
    assert int(total["Failure Count"]) == 0, Path(f"{stats}_failures.csv").read_text()


def fingerprint(url: str) -> str:
    """Everything an answer says: the total, the hits and every facet count."""
    with urllib.request.urlopen(url, timeout=30) as response:
        data = json.load(response)
    facets = {
        name: sorted((v["value"], v["count"]) for v in values)
        for name, values in data["facets"].items()
    }
    return json.dumps(
        [data["total"], sorted(r["id"] for r in data["results"]), facets], sort_keys=True
    )


@pytest.mark.slow
def test_searches_during_rebuilds_come_wholly_from_one_index(
    built, corpus_dir, index_dir, gunicorn
):
    url = gunicorn(index_dir, workers=2)
    queries = [
        f"{url}/api/search?q=care&per_page=100",
        f"{url}/api/search?year=2000-2024&per_page=100",
        f"{url}/api/search?department=dfe&predecessors=1",
    ]
    states = [{q: fingerprint(q) for q in queries}]
    seen: list[tuple[str, str]] = []
    errors: list[str] = []
    stop = threading.Event()

    def client(n: int) -> None:
        while not stop.is_set():
            query = queries[n % len(queries)]
            try:
                seen.append((query, fingerprint(query)))
            except (urllib.error.URLError, OSError, ValueError) as error:
                errors.append(f"{query}: {error}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    try:
        # Incremental, then full, then incremental again, each changing what the queries answer.
        for step, full in enumerate((False, True, False)):
            write_bulk(corpus_dir, 60 * (step + 1), tag=f"step{step}")
            assert not build(corpus_dir, index_dir, full=full).errors
            states.append({q: fingerprint(q) for q in queries})
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert errors == []
    assert len(seen) > 50
    whole = {(q, state[q]) for state in states for q in queries}
    assert all(answer in whole for answer in seen), "an answer mixed two indexes"
    print(f"\nrebuilds under load: {len(seen)} requests served during 3 rebuilds, 0 errors")
