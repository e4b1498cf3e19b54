"""Snippets and cached scores made by the quicker code are those the code before it made.

The reference below is the snippet rule as it stood before its blocks were found from the spans
and a long block's windows by bisection: every line split, every span checked for each window.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_left, bisect_right

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.index.forms import FormsTable
from archive.index.schema import DocumentSchema
from archive.search.cache import ArrayCache
from archive.search.snippets import (
    BETWEEN,
    LEAD,
    SNIPPET_CHARS,
    _overlaps,
    _render,
    find,
    snippet,
    spans_words,
)


def reference_snippet(text: str, spans: list, chars: int = SNIPPET_CHARS) -> str:
    """Make a snippet as the code before did: split every line, check every span per window."""
    if not spans:
        return ""
    starts = [span[0] for span in spans]
    candidates: list = []
    at = 0
    for line in text.split("\n"):
        low, high = at, at + len(line)
        at = high + 1
        if not line.strip():
            continue
        held = spans[bisect_left(starts, low) : bisect_right(starts, high)]
        inside = [s for s in held if s[0] >= low and s[1] <= high]
        if not inside:
            continue
        if high - low <= chars:
            candidates.append((low, high, frozenset(s[2] for s in inside), inside, (low, high)))
            continue
        for start, _, _ in inside:
            begin = max(low, start - LEAD)
            stop = min(high, begin + chars)
            window = [s for s in inside if s[0] >= begin and s[1] <= stop]
            candidates.append((begin, stop, frozenset(s[2] for s in window), window, (low, high)))
    first = max(candidates, key=lambda w: (len(w[2]), len(w[3]), -w[0]))
    chosen = [first]
    missing = set(spans_words(spans)) - first[2]
    if missing:
        rest = [w for w in candidates if w[2] & missing and not _overlaps(w, first)]
        if rest:
            chosen.append(max(rest, key=lambda w: (len(w[2] & missing), len(w[3]), -w[0])))
    return BETWEEN.join(_render(text, window) for window in sorted(chosen))


WORDS = ["funding", "care", "the", "Care.", "a", "of", "U.K.", "million", "fund", "children"]
# Short lines and long ones (a long line is cut into windows), blank lines, dotted words.
TEXTS = st.lists(
    st.one_of(
        st.sampled_from([*WORDS, "\n", "\n\n", "  \n"]),
        st.text("abcdefgh", min_size=1, max_size=12),
        st.text(" .,-", min_size=1, max_size=40),
    ),
    max_size=600,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(
    text=TEXTS,
    words=st.sets(
        st.sampled_from(["fund", "care", "million", "u.k", "abc", "children", "a"]), min_size=1
    ),
    chars=st.sampled_from([SNIPPET_CHARS, 60, 400]),
)
def test_snippets_are_those_the_code_before_made(text, words, chars):
    table = FormsTable(DocumentSchema()["body"].analyzer)
    table.add([text])
    spans = find(text, words, table.forms)
    assert snippet(text, spans, chars) == reference_snippet(text, spans, chars)


def test_every_snippet_of_the_seed_articles_is_unchanged(archive):
    """Real text (long paragraphs, headings, lists): each article, each run of its own words."""
    gen = archive._current()
    reader = gen.searcher.reader()
    rng = random.Random(3)
    checked = 0
    for _, stored in reader.iter_docs():
        text = stored["body"]
        stems = list(gen.forms)  # every stem of the index: the words a query can seek
        own = [w for w in stems if any(f in text.lower() for f in gen.forms[w])]
        assert own, "an article should hold some of the index's words"
        for size in (1, 2, 3, 5, 12):
            words = rng.sample(own, min(size, len(own)))
            spans = find(text, words, gen.forms)
            shown = snippet(text, spans)
            assert shown == reference_snippet(text, spans)
            assert bool(shown) == bool(spans)
            checked += 1
    assert checked >= 5 * 5


def test_a_long_paragraph_full_of_matches_gives_the_same_windows():
    text = " ".join(
        random.Random(1).choice(["care", "funding", "for", "of", "children"]) for _ in range(3000)
    )
    table = FormsTable(DocumentSchema()["body"].analyzer)
    table.add([text])
    spans = find(text, ["care", "fund", "children"], table.forms)
    assert len(spans) > 1000
    assert snippet(text, spans) == reference_snippet(text, spans)
    assert re.search(r"<mark>\w+</mark>", snippet(text, spans))


@settings(max_examples=200, deadline=None)
@given(
    size=st.integers(1, 3000),
    share=st.floats(0, 1),
    seed=st.integers(0, 2**16),
    special=st.sampled_from([0.0, -0.0, np.nan, np.inf, 1e-300]),
)
def test_cached_scores_come_back_as_they_were_put(size, share, seed, special):
    rng = np.random.default_rng(seed)
    scores = np.where(rng.random(size) < share, rng.random(size) * 10, 0.0)
    scores[rng.integers(0, size)] = special
    cache = ArrayCache(2**30, 8)
    cache.put("q", scores.copy())
    back = cache.get("q")
    assert back is not None and back.dtype == scores.dtype
    np.testing.assert_array_equal(back, scores)  # NaN where NaN was, -0.0 read as 0.0 equal
    assert np.array_equal(np.signbit(back[scores != 0]), np.signbit(scores[scores != 0]))


# -- facet counts --------------------------------------------------------------


def reference_counts(table, field: str, docs: np.ndarray) -> dict[str, int]:
    """Count a facet as the code before did: one bincount of the codes of the pairs kept."""
    computed = table._codes(field)
    if computed:
        values, codes = computed
        found = np.bincount(codes[docs & (codes >= 0)], minlength=len(values))
    else:
        column = table._column(field)
        values = column.values
        found = np.bincount(column.codes[docs[column.docs]], minlength=len(values))
    return {values[n]: int(found[n]) for n in np.flatnonzero(found)}


FACETS = ("year", "department", "programme", "announced_by", "amount", "amount_all")
COMPUTED = ("financial_year", "government")


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**16), share=st.sampled_from([0.0, 0.05, 0.5, 1.0]))
def test_facet_counts_are_those_the_code_before_made(archive, seed, share):
    gen = archive._current()
    table = gen.facets
    rng = np.random.default_rng(seed)
    docs = gen.sets.live & (rng.random(gen.sets.size) < share)
    for field in FACETS + COMPUTED:
        found = table.counts(field, docs)
        assert found == reference_counts(table, field, docs)
        assert list(found) == list(reference_counts(table, field, docs))  # the same order
    if share == 1.0:
        assert sum(table.counts("year", docs).values()) == int(gen.sets.live.sum())


def test_facet_counts_after_changes_and_deletions(corpus_dir, index_dir):
    """Several segments and deleted documents: every value's count is the masks' intersection."""
    from archive.index.build import build
    from archive.search.core import Archive

    assert not build(corpus_dir, index_dir).errors
    files = sorted(corpus_dir.glob("*.md"))
    files[0].unlink()
    files[1].write_text(files[1].read_text("utf-8") + "\nA changed paragraph.\n", "utf-8")
    assert not build(corpus_dir, index_dir).errors
    gen = Archive(index_dir)._current()
    assert not gen.sets.live.all(), "the index should hold a deleted document"
    table = gen.facets
    rng = np.random.default_rng(4)
    for _ in range(20):
        docs = gen.sets.live & (rng.random(gen.sets.size) < 0.6)
        for field in FACETS + COMPUTED:
            found = table.counts(field, docs)
            assert found == reference_counts(table, field, docs)
            for value, n in found.items():
                if field not in COMPUTED:
                    assert n == int(np.count_nonzero(docs & table.mask(field, [value])))
