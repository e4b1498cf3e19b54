"""A page read with feedback added to few documents (archive/search/pruning.py) is the full pass's.

A generated corpus whose words run from common to rare (as real text does), built in two steps
so that the index has several segments and deleted documents. For questions of three words and
more (the ones feedback rescores), every page, with and without filters, is compared with the
best documents of the scores worked out for every document: the same documents, in the same
order, with the same scores to the last bit.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
import zipfcorpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from zipfcorpus import VOCABULARY

from archive.search import pruning, rescoring
from archive.search.core import Archive
from archive.search.scores import top
from archive.search.words import AtLeast


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    """Index 400 generated documents, then change 30 and remove 20: segments and deletions."""
    return generated(tmp_path_factory.mktemp("pruning"))


def generated(root: Path) -> Archive:
    """Index 400 generated documents in root, then change 30 and remove 20 (test_firstpass.py
    reads this index too)."""
    return zipfcorpus.generated(
        root,
        seed=12,
        count=400,
        title_words=(2, 5),
        sentence_words=(5, 20),
        paragraphs=(1, 8),
        drawn=50,
        added_word=5,
        removed=20,
    )


def _pages(archive: Archive, text: str, limits: tuple[int, ...], seed: int) -> list[tuple]:
    """Return each page the pruned path gives and the page of the full scores, side by side."""
    gen = archive._current()
    q = gen.reader.read(text).query
    assert type(q) is AtLeast, text
    ranker = gen.ranker
    ranker._cache.clear()
    full = ranker.ranked(q)
    rng = np.random.default_rng(seed)
    masks = [
        gen.sets.matches(q),
        gen.sets.live,
        gen.sets.matches(q) & (rng.random(ranker.size) < 0.3),
    ]
    found = []
    for docs in masks:
        for limit in limits:
            ids, scores = ranker.top(q, docs, limit)
            want_ids, want_scores = top(full, docs, limit)
            found.append((ids.tolist(), scores.tolist(), want_ids.tolist(), want_scores.tolist()))
    return found


def _pruned(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Let the pruned path take any number of candidates, in small bands; count what it scored."""
    monkeypatch.setattr(pruning, "MOST", 1.0)
    monkeypatch.setattr(pruning, "BAND", 1)  # at 400 documents the usual first band is most
    answered = []
    at = pruning.Feedback.at

    def counted(self, ranker, scores, docs):  # type: ignore[no-untyped-def]
        answered.append(len(docs))
        return at(self, ranker, scores, docs)

    monkeypatch.setattr(pruning.Feedback, "at", counted)
    return answered


words = st.lists(st.sampled_from(VOCABULARY), min_size=3, max_size=8, unique=True)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=words, seed=st.integers(0, 1000))
def test_a_pruned_page_is_the_full_passs_page(archive, monkeypatch, chosen, seed):
    _pruned(monkeypatch)
    for ids, scores, want_ids, want_scores in _pages(archive, " ".join(chosen), (1, 10, 25), seed):
        assert ids == want_ids
        assert scores == want_scores  # the same floats, not nearly


def test_pruning_reads_few_documents_and_changes_nothing(archive, monkeypatch):
    answered = _pruned(monkeypatch)
    rng = random.Random(3)
    size = archive._current().ranker.size
    for n in range(40):
        chosen = rng.sample(VOCABULARY[:10], 2) + rng.sample(VOCABULARY[30:], 2)
        for ids, scores, want_ids, want_scores in _pages(archive, " ".join(chosen), (10,), n):
            assert (ids, scores) == (want_ids, want_scores)
    # The pruned path answered most pages, each from part of the index (a small share at scale).
    assert len(answered) > 60
    assert np.median(answered) < size / 2


def test_feedback_never_adds_more_than_its_bound(archive):
    gen = archive._current()
    ranker = gen.ranker
    rng = random.Random(8)
    bounded = 0
    for _ in range(30):
        q = gen.reader.read(" ".join(rng.sample(VOCABULARY, 4))).query
        first, feedback = ranker._first(q)
        if feedback is None:
            continue
        gained = feedback.added(ranker, first) - first
        assert gained.min() >= 0
        assert gained.max() <= feedback.bound(ranker)
        bounded += 1
    assert bounded > 20


def test_a_bound_too_low_would_change_pages(archive, monkeypatch):
    # What the equality tests above guard against: prune with no room for feedback and the pages
    # differ from the full pass's.
    _pruned(monkeypatch)
    monkeypatch.setattr(pruning.Feedback, "bound", lambda self, ranker: 0.0)
    rng = random.Random(4)
    differ = 0
    for n in range(30):
        chosen = rng.sample(VOCABULARY[:12], 3)
        differ += sum(
            (ids, scores) != (want, want_scores)
            for ids, scores, want, want_scores in _pages(archive, " ".join(chosen), (10,), n)
        )
    assert differ > 0


long_words = st.lists(st.sampled_from(VOCABULARY), min_size=8, max_size=15, unique=True)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=long_words, seed=st.integers(0, 1000))
def test_a_long_questions_pruned_page_is_the_full_passs_page(archive, monkeypatch, chosen, seed):
    # Long questions are pruned by the tight bound (each word's largest pseudo-frequency): a
    # bound too low for any document would show here as a page that differs. Feedback is made
    # ten times as strong, so that it reorders these pages (at 0.3 the first pass decides them).
    _pruned(monkeypatch)
    monkeypatch.setattr(rescoring, "FEEDBACK", 3.0)
    for ids, scores, want_ids, want_scores in _pages(archive, " ".join(chosen), (1, 10), seed):
        assert ids == want_ids
        assert scores == want_scores


def test_the_tight_bound_holds_and_is_below_the_loose_one(archive):
    gen = archive._current()
    ranker = gen.ranker
    rng = random.Random(9)
    tighter = 0
    for _ in range(30):
        q = gen.reader.read(" ".join(rng.sample(VOCABULARY, rng.randint(8, 14)))).query
        first, feedback = ranker._first(q)
        if feedback is None:
            continue
        gained = (feedback.added(ranker, first) - first).max()
        bound, loose = feedback.bound(ranker), feedback._loose(ranker)
        assert gained <= bound <= loose
        tighter += bound < 0.95 * loose
    assert tighter > 20


def test_a_bound_too_low_would_change_long_questions_pages(archive, monkeypatch):
    _pruned(monkeypatch)
    monkeypatch.setattr(rescoring, "FEEDBACK", 3.0)
    monkeypatch.setattr(pruning.Feedback, "bound", lambda self, ranker: 0.0)
    rng = random.Random(4)
    differ = 0
    for n in range(30):
        chosen = rng.sample(VOCABULARY, rng.randint(8, 14))
        differ += sum(
            (ids, scores) != (want, want_scores)
            for ids, scores, want, want_scores in _pages(archive, " ".join(chosen), (1, 10), n)
        )
    assert differ > 0


def test_the_last_band_stops_at_the_most_scored_and_changes_nothing(archive, monkeypatch):
    answered = _pruned(monkeypatch)
    size = archive._current().ranker.size
    monkeypatch.setattr(pruning, "MOST", 0.1)  # 38 documents: bands of 4, 12, then 22 (clipped)
    rng = random.Random(5)
    for n in range(30):
        chosen = rng.sample(VOCABULARY, rng.randint(3, 10))
        for ids, scores, want, want_scores in _pages(archive, " ".join(chosen), (1, 3), n):
            assert (ids, scores) == (want, want_scores)
    assert max(answered) <= size * 0.1
    # Some pages were read from a band cut short at the most (ties may make one a little smaller).
    assert any(sum(answered[i : i + 3]) == int(size * 0.1) for i in range(len(answered)))
