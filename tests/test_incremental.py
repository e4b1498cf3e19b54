"""Incremental builds at scale: only what changed is read, and the index is a full build's."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import time
from pathlib import Path

import numpy as np
import pytest
from searches import answers

from archive.corpus import folder
from archive.errors import ArchiveError
from archive.index import build as build_module
from archive.index import changes, columns, forms, generations, parallel, record
from archive.index.build import build
from archive.index.changes import RACY_NS
from archive.search.core import Archive

RACY_S = RACY_NS / 1e9 + 0.1

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


def ids_of(index_dir: Path, q: str) -> list[str]:
    archive = Archive(index_dir)
    return sorted(h["id"] for h in archive.search(archive.request({"q": [q]})).hits)


def full_answers(corpus_dir: Path, tmp_path: Path) -> list:
    """The answers of an index built from nothing on the same corpus."""
    fresh = tmp_path / "fresh-index"
    shutil.rmtree(fresh, ignore_errors=True)
    build(corpus_dir, fresh, full=True)
    return answers(fresh, REQUESTS)


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
    assert answers(index_dir, REQUESTS) == full_answers(corpus_dir, tmp_path)


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
    assert answers(index_dir, REQUESTS) == full_answers(corpus_dir, tmp_path)


@pytest.fixture
def reads(monkeypatch) -> list:
    """Record the ids of the files whose content a build reads to compare with its record."""
    found: list = []
    summed = changes.checksum

    def spy(data: bytes) -> str:
        found.append(data)
        return summed(data)

    monkeypatch.setattr(changes, "checksum", spy)
    return found


def test_a_file_edited_in_place_with_its_size_and_time_kept_is_found(
    built, corpus_dir, index_dir, tmp_path, reads
):
    time.sleep(RACY_S)  # files written by the fixture's build are past the margin
    newest = next(corpus_dir.glob("2013-10-*.md"))
    os.utime(newest)  # the latest change time, alone: read again by each build (see below)
    build(corpus_dir, index_dir)
    reads.clear()
    path = next(corpus_dir.glob("2015-*.md"))
    stat = path.stat()
    text = path.read_text()
    assert "Mockingbird" in text
    # The same length, and its modification time put back, as `cp -p` or rsync leave a file.
    path.write_text(text.replace("Mockingbird", "Kingfishers"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    report = build(corpus_dir, index_dir)
    assert (report.added, report.changed, report.removed, report.total) == (0, 1, 0, 13)
    # Only the changed file was read (and the newest before it), not the thirteen.
    assert sorted(reads) == sorted([path.read_bytes(), newest.read_bytes()])
    assert answers(index_dir, REQUESTS) == full_answers(corpus_dir, tmp_path)
    assert ids_of(index_dir, "kingfishers") == [path.stem]


def test_nothing_changed_reads_only_the_newest_file(built, corpus_dir, index_dir, reads):
    time.sleep(RACY_S)  # files written by the fixture's build are past the margin
    newest = next(corpus_dir.glob("2015-*.md"))
    os.utime(newest)  # its change time now the latest, alone
    build(corpus_dir, index_dir)  # the first build after: files within the margin read once more
    reads.clear()
    before = generations.current(index_dir)
    assert build(corpus_dir, index_dir).touched == 0
    # The stamp is never later than the newest file: that one is read again, no other.
    assert reads == [newest.read_bytes()]
    assert generations.current(index_dir) == before


def test_a_file_server_whose_clock_runs_behind_ours_loses_no_change(
    built, corpus_dir, index_dir, monkeypatch
):
    ahead = 60 * 10**9  # our clock a minute ahead of the one that stamps the files

    class Clock:
        @staticmethod
        def time_ns() -> int:
            return time.time_ns() + ahead

    monkeypatch.setattr(folder, "time", Clock)
    write_doc(corpus_dir, "2022-01-05-zephyr", "A zephyr of funding", "The zephyr fund gives £2m.")
    assert build(corpus_dir, index_dir).added == 1
    path = next(corpus_dir.glob("2015-*.md"))
    path.write_text(path.read_text().replace("Mockingbird", "Kingfisher"))
    assert build(corpus_dir, index_dir).changed == 1
    assert ids_of(index_dir, "kingfisher") == [path.stem]


def test_an_added_and_a_removed_file(built, corpus_dir, index_dir, tmp_path):
    write_doc(corpus_dir, "2022-01-05-zephyr", "A zephyr of funding", "The zephyr fund gives £2m.")
    next(corpus_dir.glob("2009-11-*.md")).unlink()
    report = build(corpus_dir, index_dir)
    assert (report.added, report.changed, report.removed, report.total) == (1, 0, 1, 13)
    assert answers(index_dir, REQUESTS) == full_answers(corpus_dir, tmp_path)


def test_a_renamed_file(built, corpus_dir, index_dir, tmp_path):
    path = next(corpus_dir.glob("2015-*.md"))
    path.rename(corpus_dir / "2015-06-30-renamed.md")
    report = build(corpus_dir, index_dir)
    assert (report.added, report.changed, report.removed, report.total) == (1, 0, 1, 13)
    assert ids_of(index_dir, "mockingbird") == ["2015-06-30-renamed"]
    assert answers(index_dir, REQUESTS) == full_answers(corpus_dir, tmp_path)


def test_a_file_in_a_new_subfolder_is_not_a_document_as_in_a_full_build(
    built, corpus_dir, index_dir, tmp_path
):
    (corpus_dir / "drafts").mkdir()
    write_doc(corpus_dir / "drafts", "2022-01-06-draft", "A zephyr draft", "Zephyr.")
    report = build(corpus_dir, index_dir)
    assert (report.touched, report.total) == (0, 13)
    assert ids_of(index_dir, "zephyr") == []
    assert answers(index_dir, REQUESTS) == full_answers(corpus_dir, tmp_path)


def test_a_removal_is_found_even_where_the_folder_time_was_put_back(
    built, corpus_dir, index_dir, tmp_path
):
    time.sleep(RACY_S)  # the folder's time recorded only once it is past the margin
    build(corpus_dir, index_dir)
    folder = corpus_dir.stat()
    next(corpus_dir.glob("2009-11-*.md")).unlink()
    os.utime(corpus_dir, ns=(folder.st_atime_ns, folder.st_mtime_ns))
    report = build(corpus_dir, index_dir)
    assert (report.removed, report.total) == (1, 12)
    assert answers(index_dir, REQUESTS) == full_answers(corpus_dir, tmp_path)


def test_a_build_failing_as_it_writes_its_record_leaves_the_previous_index_serving(
    built, corpus_dir, index_dir, monkeypatch
):
    before = generations.current(index_dir)
    served = answers(index_dir, REQUESTS)
    path = next(corpus_dir.glob("2015-*.md"))
    path.write_text(path.read_text().replace("Mockingbird", "Kingfisher"))

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(record, "write", fail)
        with pytest.raises(ArchiveError, match="previous index is still serving"):
            build(corpus_dir, index_dir)
    assert generations.current(index_dir) == before
    assert not list(index_dir.glob("tmp-*"))
    assert answers(index_dir, REQUESTS) == served
    # The change was not recorded as seen: the next build finds it.
    report = build(corpus_dir, index_dir)
    assert report.changed == 1
    assert ids_of(index_dir, "kingfisher") == [path.stem]


def test_the_records_base_is_shared_until_the_changes_grow_then_folded_in(
    built, corpus_dir, index_dir, tmp_path, monkeypatch
):
    monkeypatch.setattr(record, "COMPACT_AT", 2)
    first = generations.current(index_dir)
    base_inode = (first / record.BASE).stat().st_ino
    write_doc(corpus_dir, "2022-01-01-one", "One", "The first.")
    build(corpus_dir, index_dir)
    second = generations.current(index_dir)
    assert (second / record.BASE).stat().st_ino == base_inode  # linked, not written again
    assert record.read(second).changes.keys() == {"2022-01-01-one"}
    for n in (2, 3):
        write_doc(corpus_dir, f"2022-01-0{n}-more", "More", "More.")
        build(corpus_dir, index_dir)
    last = generations.current(index_dir)
    assert (last / record.BASE).stat().st_ino != base_inode  # folded into a new base
    found = record.read(last)
    assert found.changes == {} and found.count == 16
    assert found.names() == {p.stem for p in corpus_dir.glob("*.md") if not p.stem.isupper()}
    assert answers(index_dir, REQUESTS) == full_answers(corpus_dir, tmp_path)


def test_an_index_with_the_record_of_before_is_brought_over(built, corpus_dir, index_dir, tmp_path):
    current = generations.current(index_dir)
    found = record.read(current)
    everything = {doc_id: found.checksums([doc_id])[doc_id] for doc_id in found.names()}
    stats = {p.stem: [p.stat().st_size, p.stat().st_mtime_ns] for p in corpus_dir.glob("*.md")}
    (current / record.CHANGES).write_bytes(pickle.dumps({"documents": everything, "stats": stats}))
    (current / record.BASE).unlink()
    manifest = json.loads((current / generations.MANIFEST).read_text())
    del manifest["files"][record.BASE]
    (current / generations.MANIFEST).write_text(json.dumps(manifest))
    # A build with nothing to index gives the serving generation a record of today's kind.
    assert build(corpus_dir, index_dir).touched == 0
    assert generations.current(index_dir) == current
    assert record.read(current).legacy is None and (current / record.BASE).is_file()
    path = next(corpus_dir.glob("2015-*.md"))
    path.write_text(path.read_text().replace("Mockingbird", "Kingfisher"))
    report = build(corpus_dir, index_dir)
    assert (report.full, report.repaired, report.changed, report.total) == (False, False, 1, 13)
    assert record.read(generations.current(index_dir)).count == 13
    assert answers(index_dir, REQUESTS) == full_answers(corpus_dir, tmp_path)


def test_new_words_go_to_a_small_file_beside_the_shared_table_then_are_folded_in(
    built, corpus_dir, index_dir, tmp_path, monkeypatch
):
    first = generations.current(index_dir)
    table_inode = (first / forms.FORMS_FILE).stat().st_ino
    write_doc(corpus_dir, "2022-01-05-zephyr", "Zephyrs", "The zephyrs' quixotic fund gives £2m.")
    build(corpus_dir, index_dir)
    second = generations.current(index_dir)
    assert (second / forms.FORMS_FILE).stat().st_ino == table_inode  # linked, not read or written
    assert forms.read(second)["zephyr"] == ["zephyrs"]
    # The whole table is a full build's, the word new to it among the rest.
    fresh = tmp_path / "fresh-index"
    build(corpus_dir, fresh, full=True)
    assert forms.read_stems(second) == forms.read_stems(generations.current(fresh))
    monkeypatch.setattr(forms, "FOLD_AT", 10**6)  # any added words are a quarter of the table
    write_doc(corpus_dir, "2022-01-06-quasar", "Quasars", "Quasars fund a quasar.")
    build(corpus_dir, index_dir)
    third = generations.current(index_dir)
    assert (third / forms.FORMS_FILE).stat().st_ino != table_inode
    assert not (third / forms.ADDED_FILE).exists()
    assert {"zephyrs", "quasars"} <= set(forms.read_stems(third))
    assert sorted(forms.read(third)["quasar"]) == ["quasar", "quasars"]


def test_columns_carried_over_when_a_merged_segment_lay_before_a_kept_one(
    corpus_dir, index_dir, tmp_path, monkeypatch
):
    monkeypatch.setattr(build_module, "SMALL_SEGMENT", 5)
    monkeypatch.setattr(build_module, "MERGE_SMALL_AT", 2)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 6)
    moved: list = []
    matched = columns._Update.of

    def spy(base, reader, live):
        update = matched(base, reader, live)
        moved.append(update is not None and not update.unmoved)
        return update

    monkeypatch.setattr(columns._Update, "of", spy)
    build(corpus_dir, index_dir)  # one segment of 13
    write_doc(corpus_dir, "2022-01-01-one", "One", "A note on funding.")
    build(corpus_dir, index_dir)  # a small segment after it
    for n in range(20):  # segments of at least 5 with up to 4 processes: large ones
        write_doc(corpus_dir, f"2022-02-{n + 1:02d}-batch", f"Batch {n}", "Funding for care.", 2023)
    build(corpus_dir, index_dir)  # large ones after that
    write_doc(corpus_dir, "2022-03-01-two", "Two", "Another note on funding.")
    build(corpus_dir, index_dir)  # a second small one
    next(corpus_dir.glob("2009-11-*.md")).unlink()
    write_doc(corpus_dir, "2022-03-02-three", "Three", "A third note.")
    build(corpus_dir, index_dir)  # the small ones merged: the large one moves down
    assert moved[-1] and not any(moved[:-1])
    assert_columns_as_written_from_nothing(index_dir, tmp_path)
    assert answers(index_dir, REQUESTS) == full_answers(corpus_dir, tmp_path)
