"""Facet and sort columns written at build time and mapped by searchers (index/columns.py)."""

from __future__ import annotations

import json
import mmap
import pickle

import numpy as np
import pytest

from archive.errors import ArchiveError
from archive.index import columns, generations, termtable
from archive.index.build import build
from archive.search.core import Archive
from archive.search.facets import FacetTable

REQUESTS = [{}, {"q": ["funding"]}, {"q": ["care"], "sort": ["newest"]}, {"year": ["2009-2014"]}]


def is_mapped(array: np.ndarray) -> bool:
    """Say whether an array's memory is a file mapping (shared between processes), not its own."""
    while array is not None and not isinstance(array, mmap.mmap):
        array = getattr(array, "base", None) if not isinstance(array, np.memmap) else array._mmap
    return isinstance(array, mmap.mmap)


def answers(archive: Archive) -> list:
    found = []
    for params in REQUESTS:
        result = archive.search(archive.request(params))
        facets = {f: [(v.value, v.count) for v in vs] for f, vs in result.facets.items()}
        found.append((result.total, facets, [(h["id"], h["score"]) for h in result.hits]))
    return found


def test_a_build_writes_columns_that_searchers_map_and_count_as_the_postings_do(
    corpus_dir, index_dir
):
    build(corpus_dir, index_dir)
    folder = generations.current(index_dir)
    assert (folder / columns.CONTENTS).exists()
    archive = Archive(index_dir)
    gen = archive._current()
    assert gen.sets.mapped is not None
    reader = gen.searcher.reader()
    worked_out = FacetTable(reader, gen.sets.live)  # no mapped columns: from the postings
    everything = gen.sets.live
    some = gen.sets.matches(gen.reader.read("funding").query)
    for field in ("year", "department", "programme", "amount", "amount_all"):
        mapped = gen.facets._column(field)
        assert is_mapped(mapped.docs) and is_mapped(mapped.codes)
        assert gen.facets.values(field) == worked_out.values(field)
        for docs in (everything, some):
            assert gen.facets.counts(field, docs) == worked_out.counts(field, docs)
        for value in gen.facets.values(field):
            assert np.array_equal(gen.facets.mask(field, [value]), worked_out.mask(field, [value]))
    sortdate = gen.sets.column("sortdate")
    assert is_mapped(sortdate)
    assert np.array_equal(sortdate, columns.sort_column(reader, "sortdate"))


def test_an_index_built_before_the_columns_is_served_the_same(corpus_dir, index_dir):
    build(corpus_dir, index_dir)
    with_columns = answers(Archive(index_dir))
    folder = generations.current(index_dir)
    manifest = json.loads((folder / generations.MANIFEST).read_text())
    for path in folder.glob(columns.PREFIX + "*"):
        path.unlink()
        manifest["files"].pop(path.name, None)
    (folder / generations.MANIFEST).write_text(json.dumps(manifest))
    archive = Archive(index_dir)
    assert archive._current().sets.mapped is None
    assert answers(archive) == with_columns


def test_columns_of_another_state_of_the_index_are_not_used(corpus_dir, index_dir):
    build(corpus_dir, index_dir)
    first = generations.current(index_dir)
    old = (first / columns.CONTENTS).read_text()
    next(corpus_dir.glob("2009-11-lighthouse*.md")).unlink()
    build(corpus_dir, index_dir)
    second = generations.current(index_dir)
    assert second != first
    archive = Archive(index_dir)
    reader = archive._current().searcher.reader()
    assert columns.open_columns(second, reader) is not None
    (second / columns.CONTENTS).write_text(old)  # the columns of the index before the deletion
    assert columns.open_columns(second, reader) is None
    fresh = Archive(index_dir)
    assert fresh._current().sets.mapped is None
    everything = fresh.search(fresh.request({}))
    assert everything.total == sum(v.count for v in everything.facets["year"]) == 12


def test_a_build_failing_while_writing_columns_leaves_the_previous_index_serving(
    corpus_dir, index_dir, monkeypatch
):
    build(corpus_dir, index_dir)
    before = generations.current(index_dir)
    served = answers(Archive(index_dir))
    written = columns.write

    def fail(folder, base=None):
        written(folder, base)
        raise OSError("disk full")

    monkeypatch.setattr(columns, "write", fail)
    next(corpus_dir.glob("2009-11-lighthouse*.md")).unlink()
    with pytest.raises(ArchiveError, match="previous index is still serving: disk full"):
        build(corpus_dir, index_dir)
    assert generations.current(index_dir) == before
    assert not list(index_dir.glob("tmp-*"))
    assert answers(Archive(index_dir)) == served


def test_the_mapped_term_table_finds_every_term_the_pickled_one_does_and_no_other(
    corpus_dir, index_dir
):
    build(corpus_dir, index_dir)
    folder = generations.current(index_dir)
    segments = [p.name[: -len(".pterms")] for p in folder.glob("*.pterms")]
    assert segments
    for segment in segments:
        assert termtable.exists(folder, segment)
        table = termtable.TermTable(folder, segment)
        terms = pickle.loads((folder / f"{segment}.pterms").read_bytes())
        assert len(table) == len(terms) > 0
        assert all(table.get(key) == span for key, span in terms.items())
        for field, text in list(terms)[:500]:
            for other in ((field, text + b"x"), (field, text[:-1]), (field + "x", text)):
                assert table.get(other) == terms.get(other)
        assert table.get(("", b"")) is None


def test_segments_without_the_mapped_term_table_are_served_the_same(corpus_dir, index_dir):
    build(corpus_dir, index_dir)
    mapped = answers(Archive(index_dir))
    folder = generations.current(index_dir)
    manifest = json.loads((folder / generations.MANIFEST).read_text())
    for suffix in termtable.SUFFIXES:
        for path in folder.glob("*" + suffix):
            path.unlink()
            manifest["files"].pop(path.name, None)
    (folder / generations.MANIFEST).write_text(json.dumps(manifest))
    archive = Archive(index_dir)
    assert all(isinstance(segment.terms, dict) for segment, _ in archive._current().sets._arrays)
    assert answers(archive) == mapped
