"""The version: `archive --version`, kept in each index; an index of another format refused."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

import archive
from archive.cli import main
from archive.index import generations
from archive.web.app import create_app

CHANGELOG = Path(__file__).parent.parent / "CHANGELOG.md"


def rewrite_manifest(index_dir: Path, **changes: object) -> None:
    """Make the current generation's manifest say another version wrote it (None drops a key)."""
    path = generations.current(index_dir) / generations.MANIFEST
    manifest = json.loads(path.read_text("utf-8"))
    for key, value in changes.items():
        if value is None:
            manifest.pop(key, None)
        else:
            manifest[key] = value
    path.write_text(json.dumps(manifest), "utf-8")


def test_the_version_is_semantic_and_archive_version_prints_it(runner):
    assert re.fullmatch(r"\d+\.\d+\.\d+", archive.__version__)
    printed = runner.invoke(main, ["--version"])
    assert (
        printed.exit_code == 0
        and printed.output.strip() == f"archive, version {archive.__version__}"
    )
    # The installed command says the same, as a maintainer upgrading would run it.
    script = Path(sys.executable).with_name("archive")
    if script.exists():
        ran = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
        assert ran.stdout.strip() == f"archive, version {archive.__version__}"


def test_the_changelog_has_this_version(tmp_path):
    text = CHANGELOG.read_text("utf-8")
    assert f"## [{archive.__version__}]" in text
    assert "Keep a Changelog" in text and "Semantic Versioning" in text


def test_an_index_records_the_version_and_format_that_built_it(built):
    manifest = generations.read_manifest(generations.current(built))
    assert manifest["version"] == archive.__version__
    assert manifest["format"] == generations.INDEX_FORMAT


@pytest.mark.parametrize(
    "written",
    [
        {"format": generations.INDEX_FORMAT + 1, "version": "9.0.0"},  # a newer release's index
        {"format": 1, "version": "0.3.0"},  # an older one: 0.3.0 wrote format 1
    ],
)
def test_an_index_of_another_format_says_run_a_full_build(
    built, corpus_dir, index_dir, runner, written
):
    rewrite_manifest(index_dir, **written)
    expected = (
        f"was built by Policy Archive {written['version']} (index format {written['format']}); "
        f"this is {archive.__version__}, which reads index format {generations.INDEX_FORMAT}: "
        "run `archive build --full`"
    )

    searched = runner.invoke(main, ["--index", str(index_dir), "search", "care"])
    assert searched.exit_code == 1
    assert expected in searched.output and "Traceback" not in searched.output

    client = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)}).test_client()
    page = client.get("/?q=care")
    assert page.status_code == 503 and expected in unescape(page.get_data(as_text=True))
    answer = client.get("/api/search?q=care")
    assert answer.status_code == 503 and expected in answer.get_json()["error"]

    # A build without --full rebuilds in full, says why, and the archive opens again.
    rebuilt = runner.invoke(main, ["--corpus", str(corpus_dir), "--index", str(index_dir), "build"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert f"the index was built by Policy Archive {written['version']}" in rebuilt.output
    assert "so it was rebuilt in full" in rebuilt.output
    assert (
        generations.read_manifest(generations.current(index_dir))["version"] == archive.__version__
    )
    assert client.get("/?q=care").status_code == 200


def test_an_index_from_before_versions_were_recorded_is_format_1(
    built, index_dir, runner, monkeypatch
):
    rewrite_manifest(index_dir, format=None, version=None)
    monkeypatch.setattr(generations, "INDEX_FORMAT", 1)
    assert runner.invoke(main, ["--index", str(index_dir), "search", "care"]).exit_code == 0
    monkeypatch.setattr(generations, "INDEX_FORMAT", 2)
    searched = runner.invoke(main, ["--index", str(index_dir), "search", "care"])
    assert searched.exit_code == 1
    assert "from before versions were recorded (index format 1)" in searched.output
    assert "reads index format 2: run `archive build --full`" in searched.output
