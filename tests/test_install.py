"""The package as a user installs it: a wheel in a fresh venv outside the checkout, serving."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).parent / "seeds" / "003_43a77a5735a79a7b.txt"

pytestmark = pytest.mark.slow


def _run(*command, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def _get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.status, answer.headers.get_content_type(), answer.read()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Build the wheel and install it, with its dependencies, in a venv of its own."""
    work = tmp_path_factory.mktemp("install")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV", "ARCHIVE_ROOT")
    }
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "-w",
        work / "dist",
        CHECKOUT,
        cwd=work,
        env=env,
    )
    wheel = next((work / "dist").glob("policy_archive-*.whl"))
    _run(sys.executable, "-m", "venv", work / "venv", cwd=work, env=env)
    _run(work / "venv" / "bin" / "python", "-m", "pip", "install", "-q", wheel, cwd=work, env=env)
    env["PATH"] = f"{work / 'venv' / 'bin'}{os.pathsep}{env['PATH']}"
    return work, env


def test_the_wheel_ships_templates_static_files_and_registries(installed):
    work, _ = installed
    names = zipfile.ZipFile(next((work / "dist").glob("*.whl"))).namelist()
    for expected in (
        "archive/web/templates/search.html",
        "archive/web/templates/error.html",
        "archive/web/static/style.css",
        "archive/web/static/app.js",
        "archive/corpus/starter/departments.yaml",
        "archive/corpus/starter/README.md",
        "archive/corpus/starter/governments.yaml",
        "archive/corpus/starter/people.yaml",
        "archive/corpus/starter/AU/departments.yaml",
        "archive/corpus/starter/AU/governments.yaml",
        "archive/corpus/starter/AU/people.yaml",
        "archive/corpus/starter/AU/ministries.yaml",
        "archive/corpus/deflators.csv",
        "archive/corpus/deflators-aud.csv",
        "archive/py.typed",
    ):
        assert expected in names
    assert not [n for n in names if n.startswith(("corpus/", "index/", "tests/"))]


def test_an_installed_archive_starts_builds_and_serves_outside_the_checkout(installed, port):
    work, env = installed
    site = next((work / "venv" / "lib").glob("python*/site-packages"))
    before = _files(site)
    empty = work / "empty"
    empty.mkdir()
    refused = subprocess.run(
        ["archive", "build"], cwd=empty, env=env, capture_output=True, text=True
    )
    assert refused.returncode == 1 and "archive init" in refused.stderr

    from archive import __version__

    assert (
        _run("archive", "--version", cwd=empty, env=env).strip()
        == f"archive, version {__version__}"
    )
    # Another country's archive starts with that country's registries, from the wheel.
    _run("archive", "init", "--country", "AU", "au-archive", cwd=work, env=env)
    shipped = Path(__file__).parent.parent / "archive" / "corpus" / "starter" / "AU"
    for name in ("departments.yaml", "governments.yaml", "people.yaml"):
        started = (work / "au-archive" / "corpus" / name).read_text("utf-8")
        assert started == (shipped / name).read_text("utf-8"), name
    _run("archive", "init", "my-archive", cwd=work, env=env)
    root = work / "my-archive"
    _run("archive", "ingest", SEED, cwd=root, env=env)
    _run("archive", "build", cwd=root, env=env)
    server = subprocess.Popen(
        ["archive", "serve", "--port", str(port), "--workers", "1"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                status, _, page = _get(base + "/?q=innovation")
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert status == 200 and b"Innovative social work projects get" in page
        api = json.loads(_get(base + "/api/search?q=innovation")[2])
        assert api["total"] == 1
        status, kind, _ = _get(api["results"][0]["links"]["html"])
        assert (status, kind) == (200, "text/html")
        status, kind, css = _get(base + "/static/style.css")
        assert (status, kind) == (200, "text/css") and css
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert (root / "index" / "current").is_symlink()
    assert _files(site) == before  # nothing written into the installed package


def _files(site: Path) -> set[Path]:
    return {p.relative_to(site) for p in site.rglob("*") if "__pycache__" not in p.parts}
