"""A damaged index or a full disk: a clear message, the old index kept, and a build that repairs."""

from __future__ import annotations

import gc
import subprocess
from html import unescape
from pathlib import Path

import pytest
from test_crash import answers, write_bulk

from archive.cli import main
from archive.errors import ArchiveError
from archive.index import generations
from archive.index.build import build
from archive.search.core import Archive
from archive.web.app import create_app

# Whoosh leaves a file handle open when it fails to read a damaged file or to write to a full disk;
# the process reports the error and goes on, so these tests let that one warning through.
leaky_whoosh = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


def damage(index_dir: Path, how: str) -> None:
    generation = generations.current(index_dir)
    if (
        how == "truncated segment"
    ):  # the postings: Whoosh alone would fail only when a search reads them
        segment = next(generation.glob("*.pst"))
        segment.write_bytes(segment.read_bytes()[:1000])
    elif how == "deleted segment":
        next(generation.glob("*.trm")).unlink()
    else:
        next(generation.glob("*.toc")).unlink()


@leaky_whoosh
@pytest.mark.parametrize(
    "how", ["truncated segment", "deleted segment", "deleted table of contents"]
)
def test_a_damaged_index_says_to_rebuild_and_the_build_repairs_it(
    built, corpus_dir, index_dir, runner, how
):
    expected = answers(index_dir)
    damage(index_dir, how)
    searched = runner.invoke(main, ["--index", str(index_dir), "search", "care"])
    assert searched.exit_code == 1
    assert "is damaged" in searched.output and "run `archive build --full`" in searched.output
    assert "Traceback" not in searched.output

    page = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)}).test_client().get("/?q=care")
    assert page.status_code == 503
    assert "run `archive build --full`" in unescape(page.get_data(as_text=True))

    report = build(corpus_dir, index_dir)
    assert (
        report.repaired and "the index was damaged, so it was rebuilt in full" in report.summary()
    )
    assert answers(index_dir) == expected
    gc.collect()  # let the leaked handles' warnings surface here, where they are expected


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 3 MB tmpfs: big enough for the test corpus's index, too small for much more."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


@pytest.mark.slow
@leaky_whoosh
def test_a_disk_that_fills_mid_build_leaves_the_old_index_serving(corpus_dir, small_disk):
    index_dir = small_disk / "index"
    assert not build(corpus_dir, index_dir).errors
    before = answers(index_dir)
    write_bulk(corpus_dir, 1500)
    with pytest.raises(
        ArchiveError,
        match="the build failed and the previous index is still serving: No space left",
    ):
        build(corpus_dir, index_dir)
    assert answers(index_dir) == before
    assert not list(index_dir.glob("tmp-*"))
    assert Archive(index_dir).search(Archive(index_dir).request({})).total == 13
    gc.collect()
