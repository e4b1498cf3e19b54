"""The segment writer writes what Whoosh's default writer writes, read back through Whoosh itself."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer
from whoosh.fields import TEXT

from archive.corpus.folder import document_files, read_documents
from archive.corpus.registry import Registry
from archive.index import arrays, inversion, segments
from archive.index.schema import DocumentSchema, fields

TEST_CORPUS = Path(__file__).parent / "corpus"
# Words, stop words, one-letter words, numbers, dotted and starred words, capitals, and
# letters whose lower case is longer than they are (the dotted capital I).
PIECES = ["the", "a", "I", "of", "Funding", "funded", "fund", "children's", "U.S.A.", "e.g", "3.2m",
          "£48m", "2017", "wild*card", "İstanbul", "STRASSE", "straße", "naïve", "ΣΊΣΥΦΟΣ", "x", "--", "...",
          "social-work", "co-operation", "\n\n", "  ", "_", "9", "ǅemal"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map(" ".join),
                min_size=1, max_size=4))
def test_text_terms_are_the_analyzers(texts):
    field = TEXT(analyzer=StemmingAnalyzer())
    indexer = segments.TextIndexer(field.analyzer)
    lengths = [indexer.add(docnum, text) for docnum, text in enumerate(texts)]
    found = indexer.tokens.postings()
    encoded = found.encoded()
    starts = found.term_starts.tolist()
    postings = {(term.encode("utf-8"), int(doc)): (int(freq), encoded[i])
                for t, term in enumerate(found.terms) for i in range(starts[t], starts[t + 1])
                for doc, freq in [(found.docs[i], found.freqs[i])]}
    expected = {(term, docnum): (freq, value) for docnum, text in enumerate(texts)
                for term, freq, weight, value in field.index(text)}
    assert postings == expected
    assert lengths == [sum(freq for _, freq, _, _ in field.index(text)) for text in texts]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 2**31 - 1), min_size=1, max_size=1200).map(sorted).map(
    lambda p: sorted(set(p))), min_size=1, max_size=5))
def test_positions_are_encoded_as_whoosh_encodes_them(postings):
    from whoosh.formats import Positions

    encoded = inversion.encode(np.array([p for posting in postings for p in posting], dtype=np.uint32),
                               np.array([len(p) for p in postings], dtype=np.uint32))
    assert encoded == [Positions().encode(p) for p in postings]


def test_only_the_stemming_analyzer_is_taken_over():
    assert segments.TextIndexer.handles(StemmingAnalyzer())
    assert not segments.TextIndexer.handles(StandardAnalyzer())
    assert not segments.TextIndexer.handles(StemmingAnalyzer(expression=r"\w+"))
    assert not segments.TextIndexer.handles(StemmingAnalyzer(stoplist=None, minsize=1) | StemmingAnalyzer().items[-1])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=20).map(" ".join))
def test_forms_are_the_forms_tables(text):
    from archive.index.forms import FormsTable

    writer = segments.SegmentWriter.__new__(segments.SegmentWriter)
    writer.texts = {"body": segments.TextIndexer(DocumentSchema()["body"].analyzer)}
    writer.texts["body"].add(0, text)
    table = FormsTable(DocumentSchema()["body"].analyzer)
    table.add([text])
    assert writer.forms() == table.stems


def _values() -> list[dict]:
    registry = Registry.load(TEST_CORPUS)
    docs = [d for _, d, _ in read_documents(document_files(TEST_CORPUS).values(), registry) if d is not None]
    found = [fields(d) for d in docs]
    # More documents than a block holds, so that terms span blocks, with repeated words.
    rng = random.Random(7)
    words = "social work funding children care innovation the of a programme council £3m".split()
    for n in range(300):
        body = " ".join(rng.choices(words, k=rng.randint(0, 60)))
        found.append({**found[n % len(found)], "id": f"extra-{n}", "body": body,
                      "title": " ".join(rng.choices(words, k=rng.randint(1, 5))), "year": str(2000 + n % 25)})
    return found


def _contents(folder: Path) -> dict:
    """Everything a reader can tell of an index: terms, postings with their statistics, stored fields, lengths, columns."""
    ix = whoosh_index.open_dir(str(folder))
    with ix.reader() as reader:
        schema = ix.schema
        found: dict = {"docs": reader.doc_count_all(), "terms": {}, "stored": list(reader.iter_docs())}
        for field, btext in reader.all_terms():
            info = reader.term_info(field, btext)
            matcher = reader.postings(field, btext)
            found["terms"][field, btext] = (
                _postings(matcher),
                info.weight(), info.doc_frequency(), info.max_weight(), info.min_length(), info.max_length(),
                info.min_id(), info.max_id())
        names = [n for n in schema.names() if schema[n].scorable]
        found["lengths"] = {n: [reader.doc_field_length(d, n) for d in range(reader.doc_count_all())] for n in names}
        found["totals"] = {n: reader.field_length(n) for n in names}
        found["minmax"] = {n: (reader.min_field_length(n), reader.max_field_length(n)) for n in names}
        found["columns"] = {n: list(reader.column_reader(n)) for n in schema.names() if schema[n].column_type}
    ix.close()
    return found


def _postings(matcher) -> list:
    items = []
    while matcher.is_active():
        items.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return items


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> tuple[Path, Path]:
    values = _values()
    default = tmp_path_factory.mktemp("default")
    ix = whoosh_index.create_in(str(default), DocumentSchema)
    writer = ix.writer()
    for v in values:
        writer.add_document(**v)
    writer.commit()
    ours = tmp_path_factory.mktemp("ours")
    segment = segments.write(ours, DocumentSchema(), values)
    segments.write_toc(ours, DocumentSchema(), [segment])
    return default, ours


def test_a_segment_reads_as_the_default_writers(both):
    default, ours = both
    expected, found = _contents(default), _contents(ours)
    assert found["docs"] == expected["docs"] > 300
    assert found["stored"] == expected["stored"]
    assert set(found["terms"]) == set(expected["terms"])
    for term in expected["terms"]:
        assert found["terms"][term] == expected["terms"][term], term
    assert any(len(p[0]) > 128 for p in found["terms"].values())  # a term across blocks
    for key in ("lengths", "totals", "minmax", "columns"):
        assert found[key] == expected[key], key


def test_a_segments_arrays_are_what_they_are_read_from(both, tmp_path):
    _, ours = both
    ix = whoosh_index.open_dir(str(ours))
    with ix.reader() as reader:
        (leaf, _), = reader.leaf_readers()
        segment_id = leaf.segment().segment_id()
        written = arrays.SegmentArrays(ours, segment_id)
        arrays._write_segment(tmp_path, segment_id, leaf)  # the arrays made by reading the segment back
        read = arrays.SegmentArrays(tmp_path, segment_id)
    ix.close()
    assert written.terms.keys() == read.terms.keys()
    for field, btext in read.terms:
        for a, b in zip(written.postings(field, btext), read.postings(field, btext)):
            assert np.array_equal(a, b)
        if read.has_positions:
            for a, b in zip(written.positions(field, btext), read.positions(field, btext)):
                assert np.array_equal(a, b)
