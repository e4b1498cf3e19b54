"""Building the index: incremental by content, atomic, and tolerant of bad files."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from archive.index import generations
from archive.index.build import build
from archive.search.core import Archive

BROKEN = {
    "bad-yaml.md": '---\ntitle: T\ndate: "2013"\nsource: X: Y\n---\nBody.\n',
    "no-date.md": "---\ntitle: T\nsource: X\n---\nBody.\n",
    "unknown-department.md": (
        '---\ntitle: T\ndate: "2013"\nsource: X\ndepartments: [dfee]\n---\nBody.\n'
    ),
}


def ids(archive: Archive, **params) -> list[str]:
    result = archive.search(
        archive.request({k: [v] for k, v in params.items()} | {"per_page": ["100"]})
    )
    return sorted(hit["id"] for hit in result.hits)


def write_doc(corpus_dir: Path, doc_id: str, title: str, body: str, year: int = 2021) -> Path:
    path = corpus_dir / f"{doc_id}.md"
    path.write_text(
        f'---\ntitle: {title}\ndate: "{year}"\nsource: Test\n---\n{body}\n', encoding="utf-8"
    )
    return path


def test_a_first_build_indexes_everything(built):
    assert len(ids(Archive(built))) == 13


def test_a_second_build_changes_nothing_and_says_so(built, corpus_dir, index_dir):
    before = generations.current(index_dir)
    report = build(corpus_dir, index_dir)
    assert report.touched == 0
    assert report.summary().startswith("nothing changed: 13 documents indexed")
    assert generations.current(index_dir) == before


def test_touching_a_file_without_changing_it_reindexes_nothing(built, corpus_dir, index_dir):
    path = next(corpus_dir.glob("2015-*.md"))
    os.utime(path, (time.time() + 100, time.time() + 100))
    assert build(corpus_dir, index_dir).touched == 0


def test_one_edited_file_reindexes_one_document(built, corpus_dir, index_dir):
    path = next(corpus_dir.glob("2015-*.md"))
    path.write_text(path.read_text().replace("Mockingbird", "Kingfisher"))
    report = build(corpus_dir, index_dir)
    assert (report.added, report.changed, report.removed) == (0, 1, 0)
    assert report.summary().startswith("indexed 13 documents (0 added, 1 changed, 0 removed) in ")
    archive = Archive(index_dir)
    assert ids(archive, q="kingfisher") == [path.stem]
    assert ids(archive, q="title:mockingbird") == []


def test_added_and_removed_files(built, corpus_dir, index_dir):
    next(corpus_dir.glob("2015-*.md")).unlink()
    write_doc(corpus_dir, "new-one", "A zephyr of funding", "The zephyr fund gives £2m.")
    write_doc(corpus_dir, "new-two", "Another", "Nothing here.")
    report = build(corpus_dir, index_dir)
    assert (report.added, report.changed, report.removed, report.total) == (2, 0, 1, 14)
    archive = Archive(index_dir)
    assert ids(archive, q="zephyr") == ["new-one"]
    assert ids(archive, q="mockingbird") == []
    assert archive.search(archive.request({})).total == 14


def test_full_rebuilds_from_nothing(built, corpus_dir, index_dir):
    report = build(corpus_dir, index_dir, full=True)
    assert report.full and report.added == 13
    assert len(ids(Archive(index_dir))) == 13


def test_a_registry_edit_re_indexes_nothing_and_its_labels_show_at_once(
    built, corpus_dir, index_dir
):
    archive = Archive(index_dir)
    before = generations.current(index_dir)
    path = corpus_dir / "departments.yaml"
    text = (
        path.read_text()
        .replace("short: DfE", "short: D.f.E.")
        .replace(
            "aliases: [Department for Education, DfE, DFE]",
            "aliases: [Department for Education, DfE, DFE, Edu]",
        )
    )
    path.write_text(
        text + "\ndfee:\n  name: Department for Education and Employment\n  short: DfEE\n"
    )
    report = build(corpus_dir, index_dir)
    assert not report.full and report.touched == 0 and report.total == 13
    assert "nothing changed" in report.summary()
    assert generations.current(index_dir) != before, "the new registry is published"
    result = archive.search(archive.request({"q": ["department:edu"]}))  # the new alias
    assert result.total == len(ids(archive, department="dfe")) > 0
    labels = {v.value: v.label for v in result.facets["department"]}
    assert labels["dfe"] == "D.f.E."
    assert {d["label"] for hit in result.hits for d in hit["departments"] if d["key"] == "dfe"} == {
        "D.f.E."
    }
    # A document may now name the new department; nothing else is read again.
    write_doc(corpus_dir, "under-dfee", "Employment grants", "Money for jobs.").write_text(
        '---\ntitle: Employment grants\ndate: "1999"\nsource: Test\ndepartments: '
        "[dfee]\n---\nMoney for jobs.\n"
    )
    report = build(corpus_dir, index_dir)
    assert (report.added, report.changed, report.errors) == (1, 0, [])
    assert ids(archive, department="dfee") == ["under-dfee"]


def test_a_removed_registry_entry_reads_again_only_the_documents_filed_under_it(
    built, corpus_dir, index_dir
):
    path = corpus_dir / "programmes.yaml"
    keys = [
        line[:-1]
        for line in path.read_text().splitlines()
        if line and not line[0].isspace() and line.endswith(":")
    ]
    archive = Archive(index_dir)
    gone = next(key for key in keys if ids(archive, programme=key))
    users = ids(archive, programme=gone)
    lines, kept, skipping = path.read_text().splitlines(), [], False
    for line in lines:
        if line and not line[0].isspace():
            skipping = line == f"{gone}:"
        if not skipping:
            kept.append(line)
    path.write_text("\n".join(kept) + "\n")
    report = build(corpus_dir, index_dir)
    # Each document filed under it is read again and now rejected, keeping its last good version.
    assert sorted(error.path.stem for error in report.errors) == users
    assert report.touched == 0 and report.total == 13
    assert build(corpus_dir, index_dir).errors, (
        "a rejected document is read again until it is fixed"
    )


def test_bad_files_are_reported_by_path_and_the_rest_builds(corpus_dir, index_dir):
    for name, text in BROKEN.items():
        (corpus_dir / name).write_text(text)
    (corpus_dir / "not-utf8.md").write_bytes(b"---\ntitle: caf\xe9\ndate: '2013'\nsource: X\n---\n")
    report = build(corpus_dir, index_dir)
    messages = sorted(str(e) for e in report.errors)
    assert messages == [
        f"{corpus_dir}/bad-yaml.md: YAML error at line 4: mapping values are not allowed in this "
        "context",
        f"{corpus_dir}/no-date.md: missing date",
        f"{corpus_dir}/not-utf8.md: not UTF-8 (byte 14 cannot be read)",
        f"{corpus_dir}/unknown-department.md: unknown department 'dfee'; did you mean 'dfe'?",
    ]
    assert report.total == 13
    assert "4 rejected" in report.summary()


def test_a_file_broken_after_indexing_keeps_its_last_good_version(built, corpus_dir, index_dir):
    path = next(corpus_dir.glob("2015-*.md"))
    path.write_text(path.read_text().replace("date:", "dat:"))
    report = build(corpus_dir, index_dir)
    assert [e.path.name for e in report.errors] == [path.name]
    assert ids(Archive(index_dir), q="mockingbird") == [path.stem]
    # Fixed again, it is picked up: the manifest kept the old checksum, not the broken one.
    path.write_text(path.read_text().replace("dat:", "date:").replace("Mockingbird", "Kingfisher"))
    assert build(corpus_dir, index_dir).changed == 1


def test_the_running_archive_picks_up_a_new_build_without_restart(built, corpus_dir, index_dir):
    archive = Archive(index_dir)
    assert ids(archive, q="zephyr") == []
    write_doc(corpus_dir, "late-news", "Zephyr", "A zephyr arrives.")
    build(corpus_dir, index_dir)
    assert ids(archive, q="zephyr") == ["late-news"]


def test_old_generations_are_pruned(built, corpus_dir, index_dir):
    for n in range(5):
        write_doc(corpus_dir, f"extra-{n}", f"Extra {n}", "Text.")
        build(corpus_dir, index_dir)
    assert len(list(index_dir.glob("gen-*"))) == generations.KEEP


def test_a_second_build_at_the_same_time_is_refused(built, corpus_dir, index_dir):
    from archive.errors import ArchiveError

    with (
        generations.build_lock(index_dir),
        pytest.raises(ArchiveError, match="another build is running"),
    ):
        build(corpus_dir, index_dir)


def test_small_builds_merge_their_small_segments_and_leave_large_ones(
    corpus_dir, index_dir, monkeypatch
):
    from whoosh import index as whoosh_index

    from archive.index import build as build_module

    monkeypatch.setattr(
        build_module, "SMALL_SEGMENT", 5
    )  # the test corpus's 13 documents are a large segment
    build(corpus_dir, index_dir)

    def segments() -> list[int]:
        ix = whoosh_index.open_dir(str(generations.current(index_dir)))
        found = sorted(s.doc_count_all() for s in ix._segments())
        ix.close()
        return found

    for n in range(build_module.MERGE_SMALL_AT):
        write_doc(corpus_dir, f"2022-01-0{n + 1}-note-{n}", f"Note {n}", "A short note on funding.")
        build(corpus_dir, index_dir)
    assert segments() == [1] * build_module.MERGE_SMALL_AT + [13]
    write_doc(corpus_dir, "2022-02-01-last-note", "Last note", "One more note on funding.")
    build(corpus_dir, index_dir)
    # The small ones merged into the new document's segment; the large one untouched.
    assert segments() == [build_module.MERGE_SMALL_AT + 1, 13]
    assert len(ids(Archive(index_dir), q="note")) == build_module.MERGE_SMALL_AT + 1
