"""Rescoring's words from the arrays the build writes match its reading of the stored text.

archive/index/forward.py writes each document's stems and counts beside its segment, and
archive/search/docwords.py reads them with the postings' positions; rescoring used to read them
from the stored text. Both readings are held to each other here, on real indexes on disk built
by both of the build's writers (a full build's segment writer, and Whoosh's writer for a few
changed files), and the ranked scores to the bit.
"""

from __future__ import annotations

import json
import random
import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query

from archive.index import forward
from archive.index.build import build
from archive.search import docwords, rescoring
from archive.search.cache import ArrayCache
from archive.search.core import Archive
from archive.search.words import AtLeast

TEST_CORPUS = Path(__file__).parent / "corpus"
WORDS = (
    "the and of to a in care caring cares children school schools teachers funding fund funds "
    "grant grants health nurses hospital I x a.b 99 2024 co-op don't it's well-being"
).split()
# Shapes the reading of a whole lower-cased text and the index's word-by-word reading may differ
# on (a capital I with a dot, a capital sigma), and other letters that lower-case plainly.
ODD = ["İstanbul", "İ", "ΟΔΟΣ", "ΑΣ'Β", "Straße", "ÉCOLE", "naïve", "Ǆemal", "ﬁnance"]
QUERIES = [
    "care funding",
    "school teachers funding",
    "health nurses hospital grants",
    "children care",
    "the care of children in schools",
    "funding istanbul",
]


def _text(rng: random.Random, odd: bool) -> tuple[str, str]:
    words = list(WORDS) + (ODD if odd else [])
    title = " ".join(rng.choices(words, k=rng.randint(1, 7)))
    if rng.random() < 0.3:
        title = "The " + title
    paragraphs = [
        " ".join(rng.choices(words, k=rng.randint(4, 30))).capitalize() + "."
        for _ in range(rng.randint(1, 4))
    ]
    return title, "\n\n".join(paragraphs)


def _write(corpus: Path, name: str, title: str, body: str) -> None:
    (corpus / f"{name}.md").write_text(
        f'---\ntitle: "{title}"\ndate: "2020-01-0{1 + len(name) % 9}"\nsource: Test\n---\n\n'
        f"{body}\n",
        "utf-8",
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    """Index 200 documents, then change 30: segments from both of the build's writers."""
    root = tmp_path_factory.mktemp("docwords")
    corpus, index = root / "corpus", root / "index"
    corpus.mkdir()
    for name in ("departments.yaml", "programmes.yaml"):
        shutil.copy(TEST_CORPUS / name, corpus / name)
    rng = random.Random(3)
    for n in range(200):
        _write(corpus, f"2020-doc-{n}", *_text(rng, odd=n % 7 == 0))
    assert not build(corpus, index).errors
    for n in range(0, 200, 7)[:30]:
        _write(corpus, f"2020-doc-{n}", *_text(rng, odd=n % 2 == 0))
    assert not build(corpus, index).errors
    return Archive(index)


def _segments(archive: Archive) -> list:
    return [segment for segment, _ in archive._current().sets._arrays]


def test_every_segment_of_both_writers_has_its_documents_stems(built):
    segments = _segments(built)
    assert len(segments) > 1, "the change should have added a segment written by Whoosh's writer"
    assert all(s is not None and s.forward is not None for s in segments)


def _from_text(ranker, doc: int) -> tuple[dict[str, int], int]:
    words, stem_of = rescoring._reader(ranker)(rescoring._text(ranker.sets.documents.stored(doc)))
    counts = Counter(stem_of[w] for w in words)
    return {s: n for s, n in counts.items() if s.isalpha()}, len(words)


def _places_from_text(ranker, doc: int, stems: list[str]) -> dict[str, list[int]]:
    return rescoring._places(ranker, doc, None, dict.fromkeys(stems, 0.0))


def test_stem_counts_and_places_are_those_read_from_the_text(built):
    gen = built._current()
    ranker, live = gen.ranker, gen.sets.live
    stems = sorted({s for doc in range(ranker.size) for s in _from_text(ranker, doc)[0]})
    stems += ["99", "2024"]  # not letters: never counted for feedback, still placed
    read = unsafe = 0
    for doc in np.flatnonzero(live).tolist():
        stored = ranker.sets.documents.stored(doc)
        text = rescoring._text(stored)
        counts = docwords.stem_counts(ranker.sets, doc)
        places = docwords.places(ranker.sets, doc, stems, {})
        if "İ" in text or "Σ" in text:
            # The two readings may differ on these: read from the text instead.
            assert counts is None and places is None
        if counts is None:
            # Only documents with a dotted capital I or a sigma (either case), or a combining dot.
            assert places is None and any(c in text for c in "İΣσς\u0307")
            unsafe += 1
            continue
        assert counts == _from_text(ranker, doc)
        assert places == _places_from_text(ranker, doc, stems)
        read += 1
    assert read > 100 and unsafe > 5


@pytest.mark.parametrize("q", QUERIES)
def test_rescored_scores_are_the_same_from_the_arrays_and_from_the_text(built, monkeypatch, q):
    gen = built._current()
    parsed = gen.reader.read(q)
    assert type(parsed.query) is AtLeast
    used = []
    places = docwords.places
    monkeypatch.setattr(docwords, "places", lambda *a: used.append(found := places(*a)) or found)
    gen.sets.documents.clear()
    from_arrays = gen.ranker.ranked(parsed.query)
    # Its best documents hold a dotted capital I: read from their text, on both sides.
    if "istanbul" not in q:
        assert any(found is not None for found in used), "the arrays should have been read"
    monkeypatch.setattr(rescoring, "_from_arrays", lambda ranker: False)
    gen.sets.documents.clear()
    from_text = gen.ranker.ranked(parsed.query)
    assert np.array_equal(from_arrays, from_text)


def test_an_index_without_the_stems_is_rescored_from_the_text(built, tmp_path):
    index = tmp_path / "index"
    shutil.copytree(built.index_dir, index, symlinks=True)
    # As an index built before them: their files gone, and gone from the manifest.
    generation = (index / "current").resolve()
    manifest = json.loads((generation / "manifest.json").read_text("utf-8"))
    manifest["files"] = {
        name: size
        for name, size in manifest["files"].items()
        if not name.endswith(forward.SUFFIXES)
    }
    (generation / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    for path in generation.iterdir():
        if path.name.endswith(forward.SUFFIXES):
            path.unlink()
    older = Archive(index)
    assert all(s.forward is None for s in _segments(older))
    for q in QUERIES:
        request = built.request({"q": [q]})
        assert [(h["id"], h["score"]) for h in older.search(request).hits] == [
            (h["id"], h["score"]) for h in built.search(request).hits
        ]


texts = st.lists(
    st.one_of(st.sampled_from(list(WORDS) + ODD), st.text("abcyés.-'0İΣσ ", max_size=10)),
    min_size=1,
    max_size=30,
).map(" ".join)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(documents=st.lists(st.tuples(texts, texts), min_size=1, max_size=4))
def test_random_texts_are_counted_and_placed_as_read(tmp_path_factory, documents):
    corpus = tmp_path_factory.mktemp("corpus")
    for name in ("departments.yaml", "programmes.yaml"):
        shutil.copy(TEST_CORPUS / name, corpus / name)
    for n, (title, body) in enumerate(documents):
        _write(corpus, f"2021-doc-{n}", title.replace('"', "") or "x", body or "x")
    index = tmp_path_factory.mktemp("index")
    assert not build(corpus, index).errors
    archive = Archive(index)  # kept: its searcher closes with it
    gen = archive._current()
    ranker = gen.ranker
    assert all(s is not None and s.forward is not None for s in _segments(archive))
    for doc in range(ranker.size):
        counts = docwords.stem_counts(ranker.sets, doc)
        stems = list(_from_text(ranker, doc)[0]) + ["0", "care"]
        places = docwords.places(ranker.sets, doc, stems, {})
        if counts is not None:
            assert counts == _from_text(ranker, doc)
            assert places == _places_from_text(ranker, doc, stems)


def test_queries_of_one_word_are_cached_under_keys_of_their_own():
    def word(text: str) -> query.Query:
        return query.Or([query.Term("title", text, boost=2.5), query.Term("body", text)])

    # Whoosh hashes these alike: the cache must still tell them apart, and quickly.
    assert hash(word("care")) == hash(word("school"))
    cache = ArrayCache(2**20, 100)
    for n, text in enumerate(["care", "school", "funding"]):
        cache.put(word(text), np.full(3, float(n)))
    assert cache.get(word("school")).tolist() == [1.0, 1.0, 1.0]
    assert cache.get(word("funding")).tolist() == [2.0, 2.0, 2.0]
    assert cache.get(word("nurses")) is None
