"""Rescoring reads a document's words and stems as the body analyzer does, whatever is cached."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.search import rescoring
from archive.search.core import Archive

# Without a capital I with a dot: lowercased before the tokenizer ("i" and a combining dot), the
# reader finds "i" where the analyzer finds two characters. Left as it was: it is what every
# result so far was scored with.
WORDS = ["the", "and", "care", "caring", "cares", "say", "says", "I", "x", "a.b", "99"]
texts = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text("abcdeyés.-'0 ", max_size=12)), max_size=40
).map(" ".join)


def _ranker(archive: Archive):
    return archive._current().ranker


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts, starts=st.lists(st.sampled_from(["car", "sai", "say", "the", "is", "a"])))
def test_words_and_stems_are_the_analyzers(archive, monkeypatch, text, starts):
    ranker = _ranker(archive)
    analyzer = ranker.searcher.schema["body"].analyzer
    # A tiny memo: it is emptied while a text is read, and the stems must not change.
    monkeypatch.setattr(rescoring, "STEM_MEMO", 3)
    words, stem_of = rescoring._reader(ranker)(text)
    assert [stem_of[w] for w in words] == [t.text for t in analyzer(text)]
    wanted = tuple(starts)
    _, some = rescoring._reader(ranker)(text, wanted)
    assert set(some) == {w for w in words if w.startswith(wanted)}
    assert all(some[w] == stem_of[w] for w in some)


def test_feedback_counts_each_stem_of_a_document_as_the_analyzer_gives_it(archive, monkeypatch):
    ranker = _ranker(archive)
    analyzer = ranker.searcher.schema["body"].analyzer
    documents = ranker.sets.documents
    checked = 0
    for doc in range(min(ranker.size, 20)):
        stored = documents.stored(doc)
        tokens = [t.text for t in analyzer(rescoring._text(stored))]
        # From the arrays the build wrote (archive/index/forward.py), in the vocabulary's order.
        from_arrays = rescoring._stem_counts(ranker, doc)
        # From the text, in the order each stem first appears.
        monkeypatch.setattr(rescoring, "_from_arrays", lambda ranker: False)
        counts, length = rescoring._stem_counts(ranker, doc)
        monkeypatch.undo()
        assert length == len(tokens)
        assert counts == {s: n for s, n in Counter(tokens).items() if s.isalpha()}
        assert list(counts) == list(dict.fromkeys(s for s in tokens if s.isalpha()))
        # Feedback adds each stem's shares document by document, whatever their order in one.
        assert from_arrays == (counts, length)
        checked += bool(counts)
    assert checked > 0


@pytest.mark.parametrize("q", ["care funding grants", "health care", "school teachers funding"])
def test_a_rescored_query_is_the_same_from_a_cold_and_a_warm_cache(archive, q):
    request = archive.request({"q": [q]})
    first = archive.search(request)
    gen = archive._current()
    gen.sets.documents.clear()
    gen.ranker._cache.clear()
    again = archive.search(request)
    assert [(h["id"], h["score"]) for h in first.hits] == [
        (h["id"], h["score"]) for h in again.hits
    ]
