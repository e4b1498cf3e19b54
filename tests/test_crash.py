"""Builds killed with SIGKILL at many points: the last index always serves, the next build ends."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive.index.build import build
from archive.search.core import Archive

KILLS = 24
QUERIES = (
    {"q": ["care"]},
    {"q": ["mockingbird"]},
    {"year": ["2010-2017"]},
    {"department": ["dfe"], "predecessors": ["1"]},
)
BULK_WORDS = (
    "social work children care funding council programme pilot grant review safeguarding".split()
)


def write_bulk(corpus_dir: Path, n: int, tag: str = "") -> None:
    for i in range(n):
        body = " ".join(BULK_WORDS[(i * 7 + j) % len(BULK_WORDS)] for j in range(300))
        (corpus_dir / f"bulk-{i:05d}.md").write_text(
            f'---\ntitle: Bulk {tag} document {i}\ndate: "{2000 + i % 25}"\nsource: '
            f"Test\n---\n{body} £{i + 1}m {tag}\n"
        )


def answers(index_dir: Path) -> list[tuple[int, list[str]]]:
    archive = Archive(index_dir)
    found = []
    for params in QUERIES:
        result = archive.search(archive.request({**params, "per_page": ["100"]}))
        found.append((result.total, sorted(hit["id"] for hit in result.hits)))
    return found


def start_build(corpus_dir: Path, index_dir: Path, *args: str) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "archive.cli",
        "--corpus",
        str(corpus_dir),
        "--index",
        str(index_dir),
        "build",
        *args,
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.slow
def test_builds_killed_at_many_points_never_lose_the_index(built, corpus_dir, index_dir):
    old = answers(index_dir)
    write_bulk(corpus_dir, 250)
    # Time one whole build in a scratch copy, to spread the kills across it.
    scratch = index_dir.parent / "scratch-index"
    shutil.copytree(index_dir, scratch, symlinks=True)
    started = time.perf_counter()
    start_build(corpus_dir, scratch).wait()
    duration = time.perf_counter() - started
    shutil.rmtree(scratch)

    pristine = index_dir.parent / "pristine-index"
    shutil.copytree(index_dir, pristine, symlinks=True)
    new_total = 13 + 250
    outcomes = []
    for n in range(KILLS):
        # Every kill starts from the same old index; incremental and full builds alternate,
        # killed at points spread evenly from start to end.
        shutil.rmtree(index_dir)
        shutil.copytree(pristine, index_dir, symlinks=True)
        process = start_build(corpus_dir, index_dir, *(["--full"] if n % 2 else []))
        time.sleep(duration * (n + 0.5) / KILLS)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = answers(index_dir)
        if now == old:
            outcomes.append("old")
        else:
            # The build finished before the kill: the new index must be whole.
            assert (
                now[0][0]
                == Archive(index_dir).search(Archive(index_dir).request({"q": ["care"]})).total
            )
            assert Archive(index_dir).search(Archive(index_dir).request({})).total == new_total, (
                f"kill {n}"
            )
            outcomes.append("new")
        if n % 6 == 5:
            # The next build after a kill completes and cleans up what the killed one left.
            assert not build(corpus_dir, index_dir).errors
            assert Archive(index_dir).search(Archive(index_dir).request({})).total == new_total
            assert not list(index_dir.glob("tmp-*"))
    assert outcomes.count("old") >= KILLS // 2, outcomes
