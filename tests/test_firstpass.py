"""A question's first pass scored only where it can matter (archive/search/firstpass.py).

The generated corpus of tests/test_pruning.py (words from common to rare, two segments, deleted
documents). Every candidate's score must be the full pass's float (compared with ==), every
document's bound at least its full-pass score, and every page, with and without filters, the
full pass's page: the same documents in the same order with the same scores. A bound made too
low is shown to change pages, so the equality tests would catch a wrong bound.
"""

from __future__ import annotations

import gc
import random
import weakref

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_pruning import VOCABULARY, _pages, generated

from archive.search import bm25f, firstpass, pruning, rescoring
from archive.search.core import Archive
from archive.search.words import AtLeast


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    """tests/test_pruning.py's generated index: segments, deletions, words common to rare."""
    return generated(tmp_path_factory.mktemp("firstpass"))


questions = st.lists(st.sampled_from(VOCABULARY), min_size=3, max_size=15, unique=True)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _question(archive: Archive, words: list[str]) -> AtLeast:
    q = archive._current().reader.read(" ".join(words)).query
    assert type(q) is AtLeast
    return q


def _small(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Let the pruned passes take any number of candidates, in small bands; say which answered."""
    monkeypatch.setattr(firstpass, "MOST", 1.0)
    monkeypatch.setattr(pruning, "MOST", 1.0)
    monkeypatch.setattr(pruning, "BAND", 1)
    monkeypatch.setattr(pruning, "FIRST_BAND", 10**9)
    answered: list[bool] = []
    page = firstpass._page

    def counted(ranker, state, docs, limit):  # type: ignore[no-untyped-def]
        found = page(ranker, state, docs, limit)
        answered.append(found is not None)
        return found

    monkeypatch.setattr(firstpass, "_page", counted)
    return answered


@SETTINGS
@given(chosen=questions)
def test_candidates_scores_are_the_full_passs(archive, monkeypatch, chosen):
    _small(monkeypatch)
    ranker = archive._current().ranker
    q = _question(archive, chosen)
    full = bm25f.scores(ranker, q)
    found = firstpass.words(ranker, q)
    assert found is not None
    state = firstpass.Pruned(ranker, q, found)
    every = np.arange(ranker.size)
    exact = state.exact(every)
    assert exact is not None
    assert exact.tolist() == full.tolist()  # every document's score, the same float
    pruned = firstpass._pruned(ranker, q)
    if pruned is not None:
        assert pruned.feedback is not None
        first, feedback = ranker._first(q)  # with proximity, as the full pass has it
        assert pruned.found.tolist() == first[pruned.ids].tolist()
        assert pruned.feedback == feedback


@SETTINGS
@given(chosen=questions)
def test_every_documents_bound_holds(archive, monkeypatch, chosen):
    ranker = archive._current().ranker
    q = _question(archive, chosen)
    found = firstpass.words(ranker, q)
    assert found is not None
    state = firstpass.Pruned(ranker, q, found)
    full = bm25f.scores(ranker, q)
    assert (state.bounds() >= full).all()
    for word in found:  # each word's own bound
        values = bm25f.word(ranker, list(word.terms)) * word.boost
        assert values.max() <= word.bound


@SETTINGS
@given(chosen=questions, seed=st.integers(0, 1000), strong=st.booleans())
def test_a_pruned_page_is_the_full_passs_page(archive, monkeypatch, chosen, seed, strong):
    answered = _small(monkeypatch)
    if strong:  # feedback ten times as strong, so that it reorders pages
        monkeypatch.setattr(rescoring, "FEEDBACK", 3.0)
    firstpass.forget(archive._current().ranker)
    for ids, scores, want_ids, want_scores in _pages(archive, " ".join(chosen), (1, 10, 25), seed):
        assert ids == want_ids
        assert scores == want_scores  # the same floats, not nearly
    del answered


def test_the_pruned_first_pass_answers_most_pages(archive, monkeypatch):
    answered = _small(monkeypatch)
    rng = random.Random(6)
    ranker = archive._current().ranker
    candidates = []
    for n in range(30):
        chosen = rng.sample(VOCABULARY, rng.randint(6, 14))
        firstpass.forget(ranker)
        for ids, scores, want, want_scores in _pages(archive, " ".join(chosen), (10,), n):
            assert (ids, scores) == (want, want_scores)
        state = firstpass.pruned(ranker, _question(archive, chosen))
        if state is not None:
            candidates.append(len(state.ids))
    # Most pages came from the candidates, and those were a part of the index only.
    assert sum(answered) > 0.7 * len(answered)
    assert np.median(candidates) < ranker.size / 2


def test_a_bound_too_low_would_change_pages(archive, monkeypatch):
    # What the equality tests guard against: each document's bound worked out with a length
    # normalisation ten times too large (too low a bound), and some pages differ.
    _small(monkeypatch)
    least = pruning._least_norm
    monkeypatch.setattr(pruning, "_least_norm", lambda ranker, field: 10 * least(ranker, field))
    rng = random.Random(7)
    ranker = archive._current().ranker
    differ = 0
    for n in range(30):
        firstpass.forget(ranker)
        chosen = rng.sample(VOCABULARY, rng.randint(6, 14))
        differ += sum(
            (ids, scores) != (want, want_scores)
            for ids, scores, want, want_scores in _pages(archive, " ".join(chosen), (1, 10), n)
        )
    assert differ > 0


@SETTINGS
@given(chosen=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=12, unique=True))
def test_matches_are_each_words_counted(archive, chosen):
    # A question's matches from one mask of its words' postings (docsets._at_least): the
    # documents holding at least `minimum` of its words, as counting each word's mask gives.
    sets = archive._current().sets
    q = archive._current().reader.read(" ".join(chosen)).query
    if type(q) is not AtLeast:
        q = AtLeast(list(q.subqueries), len(q.subqueries))
    for minimum in {1, 2, q.minimum}:
        question = AtLeast(q.subqueries, minimum)
        counted = np.sum([sets._evaluate(sub) for sub in question.subqueries], axis=0)
        assert (sets._evaluate(question) == (counted >= minimum)).all()


def test_kept_passes_do_not_keep_a_searcher_alive(archive, monkeypatch):
    _small(monkeypatch)
    opened = Archive(archive.index_dir)
    ranker = opened._current().ranker
    words = VOCABULARY[::4][:10]
    opened.search(opened.request({"q": [" ".join(words)]}))
    assert firstpass._kept[ranker]  # a pass was kept for it
    gone = weakref.ref(ranker)
    del opened, ranker
    gc.collect()
    assert gone() is None
