"""The fast search paths (numpy masks, facet columns, column sorts) give what plain Whoosh gives.

The reference below computes every request the straightforward way, with Whoosh alone:
`docs_for_query` for matches and filters, `groupedby` for facet counts, and `search(sortedby=...)`
for the page. It runs on a generated corpus of a few hundred documents, built in two steps so
that the index has several segments and deleted documents, as a real one does after edits.
"""

from __future__ import annotations

import html
import itertools
import random
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query, sorting

from archive.corpus.roles import COUNTED
from archive.index.build import build
from archive.index.forms import TOKEN_PATTERN, FormsTable
from archive.index.schema import DocumentSchema
from archive.search.core import Archive, _facet_order
from archive.search.docsets import DocSets
from archive.search.hits import _opening
from archive.search.ranking import rankable
from archive.search.request import SearchRequest, year_text
from archive.search.snippets import find, snippet

TEST_CORPUS = Path(__file__).parent / "corpus"
WORDS = (
    "funding care social council school grant children health minister budget pilot centre "
    "review housing transport training families workers programme innovation"
).split()
DEPARTMENTS = ("dcsf", "dfe", "dh", "dhsc", "hm-treasury")
PROGRAMMES = ("social-work-reform", "innovation-programme", "better-care-fund", "what-works-centre")
AMOUNTS = ("£750,000", "£3.2m", "£12m", "£48m", "£200m", "£1.5bn", "$190 million", "€5m")
BANDS = ("under-1m", "1m-10m", "10m-100m", "100m-1bn", "1bn-plus", "usd:100m-1bn", "eur:1m-10m")


def _document(rng: random.Random, n: int) -> tuple[str, str]:
    year = rng.randint(2005, 2024)
    date = rng.choice(
        (
            f"{year}",
            f"{year}-{rng.randint(1, 12):02d}",
            f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        )
    )
    title = " ".join(rng.choices(WORDS, k=rng.randint(2, 6)))
    body = []
    for _ in range(rng.randint(2, 6)):
        sentence = rng.choices(WORDS, k=rng.randint(5, 15))
        if rng.random() < 0.5:
            sentence.append(f"with {rng.choice(AMOUNTS)}")
        body.append(" ".join(sentence).capitalize() + ".")
    departments = rng.sample(DEPARTMENTS, rng.choice((0, 1, 1, 2)))
    programmes = rng.sample(PROGRAMMES, rng.choice((0, 1, 1, 2)))
    text = (
        f'---\ntitle: {title.capitalize()}\ndate: "{date}"\nsource: Test\n'
        f"departments: [{', '.join(departments)}]\nprogrammes: [{', '.join(programmes)}]\n---\n\n"
        + "\n\n".join(body)
        + "\n"
    )
    return f"{date}-doc-{n}", text


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    """Index 300 generated documents, then change 40 and remove 20: several segments, deletions."""
    root = tmp_path_factory.mktemp("fast")
    corpus, index = root / "corpus", root / "index"
    corpus.mkdir()
    for name in ("departments.yaml", "programmes.yaml"):
        shutil.copy(TEST_CORPUS / name, corpus / name)
    rng = random.Random(5)
    names = []
    for n in range(300):
        name, text = _document(rng, n)
        (corpus / f"{name}.md").write_text(text, "utf-8")
        names.append(name)
    assert not build(corpus, index).errors
    for name in rng.sample(names, 60)[:40]:
        path = corpus / f"{name}.md"
        path.write_text(
            path.read_text("utf-8") + "\nA changed paragraph about care funding.\n", "utf-8"
        )
    for name in rng.sample(names, 20):
        (corpus / f"{name}.md").unlink()
    report = build(corpus, index)
    assert not report.errors and report.removed == 20
    archive = Archive(index)
    reader = archive._current().searcher.reader()
    assert len(list(reader.leaf_readers())) > 1 and reader.has_deletions(), (
        "the index should have segments and deletions"
    )
    return archive


# -- the plain reference -----------------------------------------------------


def _any_of(field: str, values) -> query.Query:
    return query.Or([query.Term(field, v) for v in values])


def _largest_facet(searcher, money="announced"):
    """Sort by largest amount from each document's stored amounts, never weighing currencies.

    The main currency (most documents) first by its largest, then each other currency by code, then
    none. With money="announced", only money announced counts (roles announced, total and part).
    """
    every = {
        d: searcher.stored_fields(d)["meta"]["amounts"] for d in searcher.reader().all_doc_ids()
    }
    holders = {}
    for found in every.values():
        for currency in {a["currency"] for a in found}:
            holders[currency] = holders.get(currency, 0) + 1
    main = max(holders, key=lambda c: (holders[c], c == "GBP")) if holders else "GBP"
    amounts = {
        d: [a for a in found if money == "all" or a["role"] in COUNTED]
        for d, found in every.items()
    }
    others = sorted({a["currency"] for found in amounts.values() for a in found} - {main})

    def key(searcher, docnum):
        found = amounts.get(docnum, [])
        for rank, currency in enumerate([main, *others]):
            values = [a["value"] for a in found if a["currency"] == currency]
            if values:
                return (1, -rank, max(values))
        return (0, 0, 0)

    return sorting.FunctionFacet(key)


def plain(archive: Archive, request: SearchRequest) -> tuple[int, dict, list]:
    """Answer a request with plain Whoosh: docs_for_query, groupedby and sortedby."""
    gen = archive._current()
    searcher, registry = gen.searcher, gen.registry
    parsed = gen.reader.read(request.q)
    # Whoosh's NOT can let a deleted document through at a segment's end: keep only live ones.
    matched = set(searcher.docs_for_query(parsed.query)) & set(searcher.reader().all_doc_ids())

    def departments(keys):
        return {
            k
            for key in keys
            for k in (registry.with_predecessors(key) if request.predecessors else {key})
        }

    filters = {}
    if request.years:
        filters["year"] = _any_of(
            "year", {str(y) for low, high in request.years for y in range(low, high + 1)}
        )
    if request.departments:
        filters["department"] = _any_of("department", departments(request.departments))
    if request.programmes:
        filters["programme"] = _any_of("programme", request.programmes)
    if request.amounts:
        filters["amount"] = _any_of(request.money_field("amount"), request.amounts)
    if request.min_amount is not None or request.max_amount is not None:
        filters["range"] = query.NumericRange(
            request.money_field("value"), request.min_amount, request.max_amount
        )
    allowed = {name: set(searcher.docs_for_query(q)) for name, q in filters.items()}
    docs = set(matched)
    for found in allowed.values():
        docs &= found

    facets = {}
    for facet in ("year", "department", "programme", "amount"):
        others = set(matched)
        for name, found in allowed.items():
            if name != facet:
                others &= found
        counts = {}
        if others:
            field = request.money_field("amount") if facet == "amount" else facet
            results = searcher.search(
                parsed.query,
                filter=others,
                groupedby=sorting.FieldFacet(field, allow_overlap=True),
                limit=None,
            )
            counts = {
                (k.decode() if isinstance(k, bytes) else k): len(v)
                for k, v in results.groups(field).items()
                if k is not None
            }
        if facet == "department" and request.predecessors:
            # A department counts its predecessors' documents, so one absent here may still count.
            for value in {
                *(t.decode() for t in searcher.lexicon("department")),
                *request.departments,
            }:
                counts[value] = len(
                    others
                    & set(searcher.docs_for_query(_any_of("department", departments([value]))))
                )
        if facet == "year":
            for low, high in request.years:
                if low != high:
                    span = _any_of("year", [str(y) for y in range(low, high + 1)])
                    counts[year_text((low, high))] = len(
                        others & set(searcher.docs_for_query(span))
                    )
        selected = request.selected(facet)
        values = [
            (v, counts.get(v, 0), v in selected)
            for v in {*counts, *selected}
            if counts.get(v, 0) or v in selected
        ]
        facets[facet] = sorted(
            values,
            key=lambda t: _facet_order(facet)(
                _Value(
                    t[0],
                    gen.registry.label(facet, t[0])
                    if facet in ("department", "programme")
                    else t[0],
                    t[1],
                )
            ),
        )

    hits, found, bonus = [], [], None
    end = request.page * request.per_page
    sort = request.effective_sort
    sortedby = {
        "newest": "sortdate",
        "oldest": "sortdate",
        "largest": _largest_facet(searcher, request.money),
    }.get(sort)
    if docs and sort == "relevance" and rankable(parsed.query):
        # Each document scored by Whoosh on its own: over many documents at once, its matchers
        # can drop a term's share of a score (see archive/ranking.py).
        # Plain words are then rescored (archive/search/rescoring.py):
        # add what that adds to Whoosh's scores.
        bonus = gen.ranker.ranked(parsed.query) - gen.ranker.scores(parsed.query)
        scored = sorted((-(_alone(searcher, parsed.query, d).score + bonus[d]), d) for d in docs)
        found = [_alone(searcher, parsed.query, d) for _, d in scored[end - request.per_page : end]]
    elif docs:
        found = list(
            searcher.search(
                parsed.query,
                filter=docs,
                limit=end,
                sortedby=sortedby,
                reverse=sort in ("newest", "largest"),
                terms=True,
            )[end - request.per_page : end]
        )
    for hit in found:
        # The words Whoosh says the hit matched, found by running the analyzer over its text; a
        # phrase's words are marked even where the phrase matched only the title.
        words = {text.decode() for field, text in hit.matched_terms() if field == "body"}
        words |= {
            w
            for leaf in parsed.query.leaves()
            if isinstance(leaf, query.Phrase) and leaf.fieldname == "body"
            for w in leaf.words
        }
        marked = "" if parsed.empty else snippet(hit["body"], analysed_spans(hit["body"], words))
        score = (
            None
            if sortedby or parsed.empty
            else round(hit.score + (0 if bonus is None else bonus[hit.docnum]), 4)
        )
        hits.append((hit["id"], marked or _opening(hit["body"]), score))
    return len(docs), facets, hits


def analysed_spans(text: str, words) -> list[tuple[int, int, str]]:
    """Find the words in a text the slow way: the body analyzer's own tokens, with their spans."""
    analyzer = DocumentSchema()["body"].analyzer
    return [
        (t.startchar, t.endchar, t.text)
        for t in analyzer(text, chars=True, mode="index")
        if t.text in words
    ]


def _alone(searcher, q: query.Query, docnum: int):
    """Return Whoosh's hit for one document, matched and scored by itself."""
    return searcher.search(q, filter={docnum}, limit=1, terms=True)[0]


class _Value:
    def __init__(self, value, label, count):
        self.value, self.label, self.count = value, label, count


def fast(archive: Archive, request: SearchRequest) -> tuple[int, dict, list]:
    result = archive.search(request)
    # The facets worked out from dates have no plain-Whoosh
    # twin: test_search.py checks them against their clicks.
    facets = {
        facet: [(v.value, v.count, v.selected) for v in values]
        for facet, values in result.facets.items()
        if facet in ("year", "department", "programme", "amount")
    }
    return result.total, facets, [(hit["id"], hit["snippet"], hit["score"]) for hit in result.hits]


# -- the comparisons ---------------------------------------------------------

queries = st.one_of(
    st.just(""),
    st.sampled_from(WORDS),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=3).map(" ".join),
    st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).map(lambda p: f"{p[0]} OR {p[1]}"),
    st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).map(lambda p: f"{p[0]} NOT {p[1]}"),
    st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).map(lambda p: f'"{p[0]} {p[1]}"'),
    st.sampled_from(WORDS).map(lambda w: f"{w[:3]}*"),
    st.sampled_from(WORDS).map(lambda w: f"title:{w}"),
    st.sampled_from(DEPARTMENTS).map(lambda d: f"department:{d}"),
    st.sampled_from(WORDS).map(lambda w: f"NOT {w}"),
    st.just("zzzunknownword"),
)
years = st.lists(
    st.one_of(
        st.integers(2005, 2024).map(str),
        st.tuples(st.integers(2005, 2024), st.integers(0, 6)).map(
            lambda t: f"{t[0]}-{t[0] + t[1]}"
        ),
    ),
    max_size=2,
)
requests = st.fixed_dictionaries(
    {"q": queries},
    optional={
        "year": years,
        "department": st.lists(st.sampled_from(DEPARTMENTS), max_size=2),
        "programme": st.lists(st.sampled_from(PROGRAMMES), max_size=2),
        "amount": st.lists(st.sampled_from(BANDS), max_size=2),
        "min_amount": st.sampled_from(["500k", "1m", "10m", "100m"]),
        "max_amount": st.sampled_from(["50m", "1bn", "2bn"]),
        "predecessors": st.sampled_from(["1", ""]),
        "money": st.sampled_from(["announced", "all"]),
        "sort": st.sampled_from(["relevance", "newest", "oldest", "largest"]),
        "page": st.sampled_from(["1", "2", "3"]),
        "per_page": st.sampled_from(["5", "10", "25"]),
    },
)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=requests)
def test_fast_and_plain_paths_give_the_same_results_and_counts(generated, params):
    as_lists = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    try:
        request = generated.request(as_lists)
    except Exception:  # e.g. min_amount above max_amount: both paths refuse it the same way
        return
    assert fast(generated, request) == plain(generated, request)


@pytest.mark.parametrize(
    "q",
    [
        "",
        "care",
        "care funding",
        "care OR housing",
        "care NOT funding",
        '"social care"',
        '"care funding training"',
        '"care care"',
        '"social the care"',
        '"care funding"~3',
        "fund*",
        "title:care",
        "department:dfe",
        "NOT care",
        "zzzunknownword",
    ],
)
def test_query_masks_match_docs_for_query(generated, q):
    gen = generated._current()
    parsed = gen.reader.read(q)
    sets = DocSets(gen.searcher)
    live = set(gen.searcher.reader().all_doc_ids())
    assert sorted(map(int, sets.matches(parsed.query).nonzero()[0])) == sorted(
        set(gen.searcher.docs_for_query(parsed.query)) & live
    )


def test_browsing_sorts_ties_as_whoosh_does(generated):
    # Many documents share a year-only date or the same largest amount: ties must fall the same way.
    for sort in ("newest", "oldest", "largest"):
        request = generated.request({"sort": [sort], "per_page": ["100"]})
        assert fast(generated, request) == plain(generated, request)
        request = generated.request(
            {"sort": [sort], "per_page": ["25"], "page": ["3"], "q": ["care"]}
        )
        assert fast(generated, request) == plain(generated, request)


def test_a_new_generation_is_read_afresh(tmp_path, corpus_dir):
    index = tmp_path / "index"
    build(corpus_dir, index)
    archive = Archive(index)
    before = archive.search(archive.request({"q": ["lighthouse"]}))
    assert before.total == 1
    path = next(corpus_dir.glob("2009-11-lighthouse*.md"))
    path.unlink()
    build(corpus_dir, index)
    after = archive.search(archive.request({"q": ["lighthouse"]}))
    assert after.total == 0 and after.hits == []
    everything = archive.search(archive.request({}))
    assert everything.total == sum(v.count for v in everything.facets["year"]) == 12


TOKEN_TEXT = st.lists(
    st.sampled_from(
        list("abcdeé fgTHE and of1234567890.,'’-*_\n")
        + ["İ"]
        + ["funding", "Care", "U.K.", "children's"]
    ),
    max_size=120,
).map("".join)


def test_the_forms_pattern_is_the_analyzers_tokenizer():
    assert DocumentSchema()["body"].analyzer.items[0].expression.pattern == TOKEN_PATTERN


@settings(max_examples=300, deadline=None)
@given(
    text=TOKEN_TEXT,
    other=TOKEN_TEXT,
    words=st.sets(
        st.sampled_from(["fund", "care", "the", "children", "uk", "u.k", "a", "abc", "ab", "e"])
    ),
)
def test_forms_find_exactly_the_tokens_the_analyzer_matches(text, other, words):
    table = FormsTable(DocumentSchema()["body"].analyzer)
    table.add([other, text])  # the forms of the whole index, this text's among them
    assert find(text, words, table.forms) == analysed_spans(text, words)


SPARSE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["funding", "care", "the", "Care.", "a", "of", "U.K.", "million", "\n"]),
        st.text("abcdefgh", min_size=1, max_size=12),
        st.text(" .,-\n", min_size=1, max_size=300),
    ),
    max_size=400,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    text=SPARSE_TEXT,
    words=st.sets(st.sampled_from(["fund", "care", "million", "u.k", "abc"]), min_size=1),
)
def test_a_snippet_holds_the_passage_with_most_query_words_within_one_block(text, words):
    spans = analysed_spans(text, words)
    shown = snippet(text, spans)
    if not spans:
        assert shown == ""
        return
    lines = text.split("\n")
    blocks = [" ".join(line.split()) for line in lines]
    # Each passage is part of one block: no heading, list item or paragraph boundary inside it.
    for part in html.unescape(shown.replace("<mark>", "").replace("</mark>", "")).split(" … "):
        part = part.removeprefix("… ").removesuffix(" …")
        assert any(part in block for block in blocks), part
    if all(len(line) <= 240 for line in lines):
        # Short blocks are shown whole: the marks hold
        # every word of the block with the most of them.
        starts = [0, *itertools.accumulate(len(line) + 1 for line in lines)]
        most = max(
            len({w for s, _, w in spans if low <= s < low + len(line)})
            for low, line in zip(starts, lines)
        )
        marked = {w for s, e, w in spans if f"<mark>{html.escape(text[s:e])}</mark>" in shown}
        assert len(marked) >= most


def test_a_snippet_never_runs_across_a_heading_and_prefers_the_passage_with_more_words():
    text = (
        "Life-changing\nThe DfE has also awarded £2m to the life chances fund.\n"
        "Short list item about funding\nA paragraph about life chances and the fund for social "
        "care funding."
    )
    shown = snippet(text, analysed_spans(text, {"dfe", "life", "chanc"}))
    assert shown == (
        "The <mark>DfE</mark> has also awarded £2m to the <mark>life</mark> "
        "<mark>chances</mark> fund."
    )
    assert "Life-changing The" not in shown.replace("<mark>", "").replace("</mark>", "")
    only = snippet(text, analysed_spans(text, {"social", "care", "fund"}))
    assert only == (
        "A paragraph about life chances and the <mark>fund</mark> for <mark>social</mark> "
        "<mark>care</mark> "
        "<mark>funding</mark>."
    )


def test_a_long_block_is_cut_at_spaces_around_its_best_run_of_matches():
    text = " ".join(["filler"] * 60 + ["care", "funding", "for", "children"] + ["filler"] * 60)
    shown = snippet(text, analysed_spans(text, {"care", "fund"}))
    assert shown.startswith("… filler") and shown.endswith("filler …")
    assert "<mark>care</mark> <mark>funding</mark> for children" in shown
    assert len(shown.replace("<mark>", "").replace("</mark>", "")) <= 240 + 4


@pytest.mark.parametrize(
    "q",
    [
        "care",
        "care funding",
        "care OR housing",
        "title:care budget",
        "department:dfe care",
        "social care workers training",
        "zzzunknownword",
        '"social care"',
        '"care funding" OR housing',
        'title:"care funding"',
        '"care care"',
    ],
)
def test_ranked_scores_are_whooshs_for_every_document(generated, q):
    gen = generated._current()
    parsed = gen.reader.read(q)
    assert rankable(parsed.query)
    scores = gen.ranker.scores(parsed.query)
    matched = np.flatnonzero(gen.sets.matches(parsed.query)).tolist()
    # Equal up to the order of additions: Whoosh sums an OR's
    # parts in a tree or a running total, by index size.
    assert [scores[d] for d in matched] == pytest.approx(
        [_alone(gen.searcher, parsed.query, d).score for d in matched], rel=1e-12
    )


@pytest.mark.parametrize(
    "params",
    [
        {"q": ["care funding"]},
        {"q": ["care OR housing"], "sort": ["largest"]},
        {"q": ['"social care"']},
        {"sort": ["oldest"]},
        {"q": ["care"], "sort": ["newest"]},
    ],
)
def test_exports_list_documents_in_the_pages_order(generated, params):
    request = generated.request({**params, "per_page": ["100"]})
    paged = [hit["id"] for hit in generated.search(request).hits]
    assert [row["id"] for row in generated.iter_hits(request)][:100] == paged


def test_postings_arrays_beside_the_segments_are_the_postings_whoosh_reads(generated):
    from archive.index import generations
    from archive.index.arrays import positions, postings

    gen = generated._current()
    with_arrays = DocSets(gen.searcher, generations.current(generated.index_dir))
    assert any(segment is not None for segment, _ in with_arrays._arrays)
    reader = gen.searcher.reader()
    for field in ("title", "body", "department", "programme", "year", "amount"):
        for btext in reader.lexicon(field):
            ids, weights = with_arrays.postings(field, btext)
            expected_ids, expected_weights = postings(reader, field, btext)
            assert (
                ids.tolist() == expected_ids.tolist()
                and weights.tolist() == expected_weights.tolist()
            )
    # And each segment's positions, where phrases read them.
    everything = np.ones(reader.doc_count_all(), dtype=bool)
    for (segment, offset), (leaf, _) in zip(with_arrays._arrays, reader.leaf_readers()):
        for btext in list(leaf.lexicon("body"))[:200]:
            docs, poses = segment.positions("body", btext)
            pairs = sorted(zip((docs.astype(int) + offset).tolist(), poses.tolist()))
            expected = positions(leaf, "body", btext, everything[: leaf.doc_count_all()])
            assert pairs == sorted(
                (doc + offset, p) for doc, found in expected.items() for p in found
            )


def test_cached_postings_stay_within_their_bytes_and_change_no_result(built, monkeypatch):
    queries = ["social work", "funding innovation", "councils", "frontline social workers"]

    def results() -> list:
        archive = Archive(built)
        found = []
        for q in queries:
            result = archive.search(SearchRequest(q=q))
            found.append([(hit["id"], hit["score"]) for hit in result.hits])
        return found, archive._current().sets

    whole, sets = results()
    assert len(sets._postings) > 1
    smallest = min(ids.nbytes + weights.nbytes for ids, weights in sets._postings.values())
    monkeypatch.setattr("archive.search.docsets.CACHED_POSTINGS_BYTES", smallest)
    bounded, sets = results()
    assert bounded == whole
    assert len(sets._postings) == 1 or sets._postings_bytes <= smallest
    assert sets._postings_bytes == sum(a.nbytes + b.nbytes for a, b in sets._postings.values())
