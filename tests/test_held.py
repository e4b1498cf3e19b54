"""Pages scored only where terms are held, or by a bound, are the whole array's pages.

archive/search/held.py scores a query only at the documents holding its terms, and pages a
word's query by a bound on its longest term; archive/search/wordpage.py pages a query of two
words over its matches, or by the same bound. Each page (documents, order and every score, to
the last bit) is compared with scores.top over Ranker.ranked(), the array of every document's
score, on a generated index of several segments with deletions, for the matches, every live
document and random filters. Counters check that the new paths did answer, and a bound made
wrong on purpose shows that the comparison would catch one.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query
from zipfcorpus import VOCABULARY, generated

from archive.search import held, scores, wordpage
from archive.search.cache import ArrayCache
from archive.search.core import Archive
from archive.search.scores import top, top_at
from archive.search.words import AtLeast


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    """Index 500 generated documents, then change 30 and remove 25: segments and deletions."""
    return generated(
        tmp_path_factory.mktemp("held"),
        seed=21,
        count=500,
        title_words=(1, 3),
        sentence_words=(4, 25),
        paragraphs=(1, 6),
        drawn=60,
        added_word=3,
        removed=25,
    )


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Let the bounds prune at this index's size, and count which path answered each page."""
    monkeypatch.setattr(held, "PRUNE_FROM", 1)
    answered = {"pruned": 0, "words by bound": 0}
    pruned, by_bound = held.pruned, wordpage._pruned

    def held_pruned(*args):  # type: ignore[no-untyped-def]
        found = pruned(*args)
        answered["pruned"] += found is not None
        return found

    def words_pruned(*args):  # type: ignore[no-untyped-def]
        found = by_bound(*args)
        answered["words by bound"] += found is not None
        return found

    monkeypatch.setattr(held, "pruned", held_pruned)
    monkeypatch.setattr(wordpage, "_pruned", words_pruned)
    return answered


def _pages(archive: Archive, text: str, seed: int, limits: tuple[int, ...] = (1, 10, 25)) -> list:
    """Return each page the ranker gives beside the page of every document's scores."""
    gen = archive._current()
    q = gen.reader.read(text).query
    ranker = gen.ranker
    rng = np.random.default_rng(seed)
    matched = gen.sets.matches(q)
    masks = [
        matched,
        gen.sets.live,
        matched & (rng.random(ranker.size) < 0.3),
        gen.sets.live & (rng.random(ranker.size) < 0.5),
    ]
    found = []
    for docs in masks:
        for limit in limits:
            ranker._cache.clear()
            ids, got = ranker.top(q, docs, limit)
            again_ids, again = ranker.top(q, docs, limit)  # kept from the first time, if kept
            ranker._cache.clear()
            want_ids, want = top(ranker.ranked(q), docs, limit)
            found.append((ids.tolist(), got.tolist(), want_ids.tolist(), want.tolist()))
            found.append((again_ids.tolist(), again.tolist(), want_ids.tolist(), want.tolist()))
    return found


texts = st.one_of(
    st.sampled_from(VOCABULARY),
    st.lists(st.sampled_from(VOCABULARY), min_size=2, max_size=2, unique=True).map(" ".join),
    st.lists(st.sampled_from(VOCABULARY), min_size=2, max_size=3, unique=True).map(" OR ".join),
    st.sampled_from(VOCABULARY).map(lambda word: f"title:{word}"),
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts, seed=st.integers(0, 1000))
def test_a_page_from_the_held_documents_is_the_whole_arrays_page(archive, counted, text, seed):
    for ids, got, want_ids, want in _pages(archive, text, seed):
        assert ids == want_ids
        assert got == want  # the same floats, not nearly


def test_every_new_path_answers_and_changes_nothing(archive, counted, monkeypatch):
    rng = random.Random(5)
    by_matches = []
    page = wordpage.page

    def words_page(ranker, q, docs, limit):  # type: ignore[no-untyped-def]
        found = page(ranker, q, docs, limit)
        by_matches.append(found is not None)
        return found

    monkeypatch.setattr(wordpage, "page", words_page)
    common, rare = VOCABULARY[:6], VOCABULARY[30:]
    for n in range(30):
        for text in (rng.choice(common), f"{rng.choice(common)} {rng.choice(rare)}"):
            for ids, got, want_ids, want in _pages(archive, text, n, (10,)):
                assert (ids, got) == (want_ids, want)
    assert counted["pruned"] > 20  # a common word's page by the bound on its body term
    assert sum(by_matches) > counted["words by bound"] + 20  # two words: over their matches
    monkeypatch.setattr(held, "FEWER", 0)  # the bound for two words, never given up
    monkeypatch.setattr(wordpage, "BY_MATCHES", 10**9)  # ... nor the matches scored instead
    for n in range(30):
        text = f"{rng.choice(common)} {rng.choice(rare)}"
        for ids, got, want_ids, want in _pages(archive, text, n, (1, 10)):
            assert (ids, got) == (want_ids, want)
    assert counted["words by bound"] > 20


def _scarce(archive: Archive, text: str) -> list:
    """Return pages beside the whole array's over a filter holding the rarer word's weakest ten.

    The documents holding the common word alone then compete for the page, and only the bound
    lets them in.
    """
    gen = archive._current()
    q = gen.reader.read(text).query
    ranker = gen.ranker
    words = [leaf.text for leaf in q.leaves() if leaf.fieldname == "body"]
    rare = min(words, key=lambda word: int(gen.sets.term("body", word).sum()))
    held_rare = gen.sets.term("body", rare)
    ranker._cache.clear()
    every = ranker.ranked(q)
    holders = np.flatnonzero(held_rare)
    weakest = holders[np.lexsort((holders, every[holders]))[:10]]
    docs = gen.sets.live & ~held_rare
    docs[weakest] = True
    ranker._cache.clear()
    ids, got = ranker.top(q, docs, 10)
    want_ids, want = top(every, docs, 10)
    return [(ids.tolist(), got.tolist(), want_ids.tolist(), want.tolist())]


def test_scarce_filters_keep_the_page(archive, counted, monkeypatch):
    # A filter holding few documents of the rarer word: the documents holding the common word
    # alone then reach the page, and only the bound lets them in.
    monkeypatch.setattr(held, "FEWER", 0)
    monkeypatch.setattr(wordpage, "BY_MATCHES", 10**9)
    for n in range(12):
        common, rarer = VOCABULARY[4 + n], VOCABULARY[10 + 2 * n]
        for text in (f"body:{common} OR body:{rarer}", f"{common} {rarer}"):
            for ids, got, want_ids, want in _scarce(archive, text):
                assert (ids, got) == (want_ids, want)
    assert counted["pruned"] > 6 and counted["words by bound"] > 6


def test_a_bound_too_tight_would_change_pages(archive, counted, monkeypatch):
    # What the equality tests guard against: a floor raised fourfold leaves out documents that
    # belong on the page, and the pages then differ from the whole array's.
    monkeypatch.setattr(held, "SLACK", -3.0)
    monkeypatch.setattr(held, "FEWER", 0)
    monkeypatch.setattr(wordpage, "BY_MATCHES", 10**9)
    differ = {"word": 0, "words": 0}
    for n in range(12):
        common, rarer = VOCABULARY[4 + n], VOCABULARY[10 + 2 * n]
        for kind, text in (
            ("word", f"body:{common} OR body:{rarer}"),
            ("words", f"{common} {rarer}"),
        ):
            differ[kind] += sum((ids, got) != (wi, w) for ids, got, wi, w in _scarce(archive, text))
    assert differ["word"] > 0 and differ["words"] > 0


def test_idf_from_the_postings_is_the_searchers(archive):
    gen = archive._current()
    searcher, ranker = gen.searcher, gen.ranker
    compared = 0
    for field in ("title", "body"):
        for btext in searcher.reader().lexicon(field):
            ids, _ = gen.sets.postings(field, btext)
            assert ranker._idf(field, btext, len(ids)) == searcher.idf(field, btext)
            text = btext.decode("utf-8")
            assert ranker.idf(field, text) == searcher.idf(field, text)  # rescoring's proximity
            compared += 1
    assert compared > 100


def test_a_terms_scores_are_the_whole_arrays(archive):
    gen = archive._current()
    ranker = gen.ranker
    for word in VOCABULARY[::7]:
        for field in ("title", "body"):
            ids, found = ranker.term_at(field, word)
            every = ranker.term(field, word)
            assert np.array_equal(np.flatnonzero(every), ids)
            assert every[ids].tolist() == found.tolist()
            leaf = ranker.leaf(field, word)
            if leaf is None:
                assert not len(ids)
                continue
            some = np.sort(np.random.default_rng(1).choice(ranker.size, 200, replace=False))
            assert leaf.at(some).tolist() == every[some].tolist()


arrays = st.integers(0, 2000).flatmap(
    lambda size: st.tuples(
        st.just(size),
        st.integers(0, 2**31 - 1),
        st.sampled_from((0.01, 0.2, 0.9)),
        st.integers(1, 40),
    )
)


@settings(max_examples=150, deadline=None)
@given(drawn=arrays)
def test_top_at_is_top_over_the_whole_array(drawn):
    size, seed, share, limit = drawn
    rng = np.random.default_rng(seed)
    every = np.zeros(size)
    ids = np.flatnonzero(rng.random(size) < share)
    # Few distinct scores, so that ties at the page's edge are common; some negative and zero.
    every[ids] = rng.integers(-2, 6, len(ids)) / 4
    docs = rng.random(size) < 0.7
    found = top_at(ids, every[ids], docs, limit)
    want = top(every, docs, limit)
    if found is None:
        assert np.count_nonzero((every > 0) & docs) < limit
    else:
        assert found[0].tolist() == want[0].tolist()
        assert found[1].tolist() == want[1].tolist()
    assert held.page(size, (ids, every[ids]), docs, limit)[0].tolist() == want[0].tolist()


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), size=st.integers(1, 6000), limit=st.integers(1, 50))
def test_the_sampled_floor_keeps_the_best(seed, size, limit):
    rng = np.random.default_rng(seed)
    found = rng.integers(0, 50, size) / 7  # many ties
    ids = np.arange(size)
    order = np.lexsort((ids, -found))[:limit]
    got_ids, got = scores.best(ids, found, limit)
    assert got_ids.tolist() == ids[order].tolist()
    assert got.tolist() == found[order].tolist()


def test_scores_kept_sparse_come_back_whole():
    cache = ArrayCache(2**20, 8)
    ids = np.array([2, 5, 9])
    values = np.array([0.5, -0.0, 3.25])
    cache.put_sparse("q", 12, ids, values)
    kept = cache.sparse("q")
    assert kept is not None and kept[0].tolist() == [2, 5, 9] and kept[1] is values
    every = cache.get("q")
    want = np.zeros(12)
    want[ids] = values
    assert every is not None and every.tolist() == want.tolist()
    cache.put("dense", np.ones(3))
    assert cache.sparse("dense") is None


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts)
def test_a_querys_matches_are_its_terms_masks_joined(archive, text):
    # A word's matches from one mask, and every word required by AND, as the masks of each term
    # joined one by one (OR, and the count of words held against the minimum) give them.
    gen = archive._current()
    sets = gen.sets
    q = gen.reader.read(text).query

    def joined(node):  # type: ignore[no-untyped-def]
        if type(node) is query.Term:
            return sets.term(node.fieldname, node.text)
        parts = [joined(sub) for sub in node.subqueries]
        if type(node) is AtLeast:
            held = np.sum(parts, axis=0, dtype=np.int32) >= node.minimum
            return np.logical_or.reduce([held, *(sets._evaluate(p) for p in node.phrases)])
        return np.logical_or.reduce(parts)

    assert sets._evaluate(q).tolist() == joined(q).tolist()
