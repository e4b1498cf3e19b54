"""Incremental builds at scale: only what changed is read, and the index is a full build's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from archive.index import build as build_module
from archive.index import columns, generations, parallel
from archive.index.build import build
from archive.search.core import Archive

REQUESTS = [
    {},
    {"q": ["funding"]},
    {"q": ["care"], "sort": ["newest"]},
    {"year": ["2009-2014"]},
    {"q": ["kingfisher"]},
    {"q": ["zephyr"]},
]


def write_doc(corpus_dir: Path, doc_id: str, title: str, body: str, year: int = 2021) -> Path:
    path = corpus_dir / f"{doc_id}.md"
    path.write_text(
        f'---\ntitle: {title}\ndate: "{year}"\nsource: Test\ndepartments: [dfe]\n---\n{body}\n',
        encoding="utf-8",
    )
    return path


def answers(index_dir: Path) -> list:
    """Every request's total, facet counts and hits (ids, in order)."""
    archive = Archive(index_dir)
    found = []
    for params in REQUESTS:
        result = archive.search(archive.request(params | {"per_page": ["100"]}))
        facets = {f: sorted((v.value, v.count) for v in vs) for f, vs in result.facets.items()}
        found.append((params, result.total, facets, sorted(h["id"] for h in result.hits)))
    return found


def full_answers(corpus_dir: Path, tmp_path: Path) -> list:
    """The answers of an index built from nothing on the same corpus."""
    fresh = tmp_path / "fresh-index"
    shutil.rmtree(fresh, ignore_errors=True)
    build(corpus_dir, fresh, full=True)
    return answers(fresh)


def column_files(folder: Path) -> dict[str, object]:
    found: dict[str, object] = {
        path.name: np.load(path).tolist() for path in sorted(folder.glob(columns.PREFIX + "*.npy"))
    }
    found["contents"] = json.loads((folder / columns.CONTENTS).read_text())
    return found


def assert_columns_as_written_from_nothing(index_dir: Path, tmp_path: Path) -> None:
    """The columns a build carried over are those a write from the whole index gives."""
    folder = generations.current(index_dir)
    assert folder is not None
    carried = column_files(folder)
    copy = tmp_path / "columns-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(folder, copy)
    columns.write(copy)
    assert carried == column_files(copy)


@pytest.fixture
def carried(monkeypatch) -> list:
    """Record, for each columns write given a base, whether the base's columns were carried over."""
    found: list = []
    matched = columns._Update.of

    def spy(base, reader, live):
        update = matched(base, reader, live)
        found.append(update is not None)
        return update

    monkeypatch.setattr(columns._Update, "of", spy)
    return found


def edits(corpus_dir: Path) -> None:
    """An edited file, an added one (with a new department), a removed one."""
    path = next(corpus_dir.glob("2015-*.md"))
    path.write_text(path.read_text().replace("Mockingbird", "Kingfisher"))
    write_doc(corpus_dir, "2022-01-05-zephyr", "A zephyr of funding", "The zephyr fund gives £2m.")
    next(corpus_dir.glob("2009-11-*.md")).unlink()


@pytest.mark.parametrize("batch", [False, True], ids=["whoosh-writer", "new-segments"])
def test_columns_carried_over_are_a_full_writes(
    built, corpus_dir, index_dir, tmp_path, monkeypatch, batch, carried
):
    if batch:  # a build of many files: written as new segments, the old versions deleted
        monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    edits(corpus_dir)
    report = build(corpus_dir, index_dir)
    assert (report.added, report.changed, report.removed) == (1, 1, 1)
    assert carried == [True]
    assert_columns_as_written_from_nothing(index_dir, tmp_path)
    assert answers(index_dir) == full_answers(corpus_dir, tmp_path)


def test_columns_carried_over_when_small_segments_merge(
    corpus_dir, index_dir, tmp_path, monkeypatch, carried
):
    monkeypatch.setattr(build_module, "SMALL_SEGMENT", 5)
    monkeypatch.setattr(build_module, "MERGE_SMALL_AT", 3)
    build(corpus_dir, index_dir)
    for n in range(4):
        write_doc(corpus_dir, f"2022-01-0{n + 1}-note-{n}", f"Note {n}", "A short note on funding.")
        if n == 2:
            next(corpus_dir.glob("2022-01-01-*.md")).unlink()
        build(corpus_dir, index_dir)
        assert_columns_as_written_from_nothing(index_dir, tmp_path)
    assert carried == [True] * 4
    assert answers(index_dir) == full_answers(corpus_dir, tmp_path)
