"""Fixtures: a throwaway copy of the test corpus, built into a real index on disk."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.corpus.registry import Registry
from archive.index.build import build
from archive.ingest.suggest import Matcher, organisations
from archive.search.core import Archive
from archive.web.app import create_app

TEST_CORPUS = Path(__file__).parent / "corpus"
SHIPPED_CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A writable copy of the test corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(TEST_CORPUS, target)
    return target


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture
def built(corpus_dir: Path, index_dir: Path) -> Path:
    """The test corpus built into an index; returns the index folder."""
    report = build(corpus_dir, index_dir)
    assert not report.errors, report.errors
    return index_dir


@pytest.fixture(scope="session")
def shared_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One read-only index of the test corpus for tests that only search."""
    index_dir = tmp_path_factory.mktemp("shared") / "index"
    report = build(TEST_CORPUS, index_dir)
    assert not report.errors, report.errors
    return index_dir


@pytest.fixture(scope="session")
def archive(shared_index: Path) -> Archive:
    return Archive(shared_index)


@pytest.fixture
def search(archive: Archive):
    """Search with URL-style parameters: search(q="x", year=["2013"])."""

    def run(**params):
        as_lists = {k: v if isinstance(v, list) else [str(v)] for k, v in params.items()}
        return archive.search(archive.request(as_lists))

    return run


@pytest.fixture(scope="session")
def app(shared_index: Path):
    return create_app({"TESTING": True, "INDEX_DIR": str(shared_index)})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def port() -> int:
    """A free TCP port on the loopback address."""
    return free_port()


@pytest.fixture
def gunicorn():
    """Start `archive serve` (gunicorn, several workers) on an index; yield its URL's getter."""
    processes: list[subprocess.Popen] = []

    def start(index_dir: Path, workers: int = 2) -> str:
        port = free_port()
        command = [
            sys.executable,
            "-m",
            "archive.cli",
            "--index",
            str(index_dir),
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ]
        processes.append(
            subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url + "/", timeout=2).read()
                return url
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"the server on {url} did not start")

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=30)


SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def org_names() -> Callable[[str], list[str]]:
    """Return a function naming the organisations an AU archive's matcher finds in a text."""
    matcher = Matcher(Registry.load(SHIPPED_CORPUS, "AU"), "AU")
    return lambda text: [m.key for m in organisations(text, matcher)]


@pytest.fixture(scope="session")
def au_releases() -> Path:
    """Return the 8,686 AU PM media releases beside the checkout; skip without them, fail in CI."""
    path = SHARED / "corpora" / "au-pm-media-releases.jsonl"
    if not path.is_file():
        reason = f"the Australian releases are not at {path} (../shared beside the checkout)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: CI must run the large-corpus tests")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def au_archive(au_releases: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All the Australian releases ingested into an Australian archive and built, once a session.

    Shared by every large-corpus test: ingesting and building 8,686 releases takes minutes.
    Tests must not change it.
    """
    from archive.cli import main

    root = tmp_path_factory.mktemp("au") / "archive"
    runner = CliRunner()
    assert runner.invoke(main, ["init", "--country", "AU", str(root)]).exit_code == 0
    licence = (
        "Source: Licensed from the Commonwealth of Australia under a Creative Commons Attribution "
        "3.0 "
        "Australia Licence. The Commonwealth of Australia does not necessarily endorse the "
        "content of "
        "this publication."
    )
    ingested = runner.invoke(
        main,
        [
            "--root",
            str(root),
            "ingest",
            "--licence",
            licence,
            "--map",
            "author=prime_minister,url=pdf_url",
            "--source",
            "PM Transcripts, Department of the Prime Minister and Cabinet",
            "--type",
            "media release",
            str(au_releases),
        ],
    )
    assert " wrote " in ingested.output, ingested.output[-2000:]
    built = runner.invoke(main, ["--root", str(root), "build"])
    assert (root / "index" / "current").exists(), built.output[-2000:]
    return root
