"""The search core on a real index of the test corpus: queries, filters, facets, sorting, pages."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.corpus.roles import ROLES
from archive.errors import BadRequest
from archive.search.request import FACET_FIELDS

ALL = 13
DOC_MOCKINGBIRD = "2015-06-30-mockingbird-fostering-model-wins-european-backing"
DOC_LIGHTHOUSE = "2009-11-lighthouse-family-centres-to-open-in-coastal-towns"


def counts(result, facet):
    return {v.value: v.count for v in result.facets[facet]}


def ids(result):
    return [hit["id"] for hit in result.hits]


def test_empty_query_browses_everything_newest_first(search):
    result = search(per_page=100)
    assert result.total == ALL
    assert result.sort == "newest"
    dates = [hit["date"] for hit in result.hits]
    assert dates == sorted(dates, reverse=True)


def test_facet_counts_over_everything(search):
    result = search()
    assert counts(result, "year") == {
        "2009": 2,
        "2010": 2,
        "2013": 2,
        "2015": 1,
        "2017": 2,
        "2019": 1,
        "2020": 2,
        "2024": 1,
    }
    assert counts(result, "department") == {
        "dfe": 7,
        "dcsf": 3,
        "dh": 2,
        "hm-treasury": 3,
        "dhsc": 1,
    }
    assert counts(result, "programme") == {
        "social-work-reform": 3,
        "innovation-programme": 3,
        "better-care-fund": 2,
        "what-works-centre": 3,
    }
    # Money announced by default: doc 2's £3.2m cost, doc 5's "£1m each", doc 10's £1.5bn councils
    # spend a year and doc 12's £600,000 raised by an appeal are not (EXPECTED.md, roles), nor
    # the what-works release's $190 million, an American clearinghouse's (test_role_model.py),
    # nor doc 7's €5m and £250,000, a European foundation's and the charity's own money.
    assert counts(result, "amount") == {
        "under-1m": 3,
        "1m-10m": 2,
        "10m-100m": 4,
        "100m-1bn": 4,
        "1bn-plus": 3,
    }
    assert counts(search(money="all"), "amount") == {
        "under-1m": 5,
        "1m-10m": 4,
        "10m-100m": 4,
        "100m-1bn": 4,
        "1bn-plus": 4,
        "eur:1m-10m": 1,
        "usd:100m-1bn": 1,
    }


def test_facet_values_are_ordered_and_labelled(search):
    result = search()
    assert [v.value for v in result.facets["year"]][:2] == ["2024", "2020"]
    assert [v.label for v in result.facets["amount"]] == [
        "under £1m",
        "£1m–£10m",
        "£10m–£100m",
        "£100m–£1bn",
        "£1bn and over",
    ]
    assert [v.label for v in search(money="all").facets["amount"]][-2:] == [
        "€1m–€10m",
        "$100m–$1bn",
    ]
    assert {v.value: v.label for v in result.facets["department"]}["dfe"] == "DfE"


@pytest.mark.parametrize(
    "word, expected", [("mockingbird", [DOC_MOCKINGBIRD]), ("lighthouse", [DOC_LIGHTHOUSE])]
)
def test_a_distinctive_word_finds_its_document(search, word, expected):
    assert ids(search(q=word)) == expected


def test_words_are_stemmed(search):
    assert search(q="lighthouses").total == search(q="lighthouse").total == 1


def test_phrases_boolean_operators_fields_and_prefixes(search):
    either = search(q="mockingbird OR lighthouse")
    assert sorted(ids(either)) == sorted([DOC_MOCKINGBIRD, DOC_LIGHTHOUSE])
    assert search(q="mockingbird AND lighthouse").total == 0
    assert search(q="NOT mockingbird").total == ALL - 1
    assert ids(search(q="title:mockingbird")) == [DOC_MOCKINGBIRD]
    assert search(q="department:dhsc").total == 1
    assert search(q="department:DHSC").total == 1
    assert search(q='department:"Department of Health and Social Care"').total == 1
    assert search(q="programme:better-care-fund").total == 2
    assert ids(search(q="mocking*")) == [DOC_MOCKINGBIRD]


def test_a_phrase_needs_its_words_together(search):
    together = search(q='"family centres"')
    assert ids(together) == [DOC_LIGHTHOUSE]
    assert search(q='"centres family"').total == 0


@pytest.mark.parametrize(
    "text", ['"unclosed phrase', "(mockingbird OR", "mockingbird AND", "a^2 ((", "OR OR", "::", "*"]
)
def test_a_query_that_does_not_parse_never_raises(search, text):
    result = search(q=text)
    assert result.total >= 0
    assert isinstance(result.reading, str)


def test_an_unbalanced_query_says_how_it_was_read(search):
    result = search(q="(mockingbird OR")
    assert ids(result) == [DOC_MOCKINGBIRD]
    assert result.reading == "mockingbird"
    assert "unmatched quote or bracket" in result.notice


def test_a_query_the_parser_rejects_is_searched_as_plain_words(search):
    result = search(q="lighthouse^^^ AND")
    assert ids(result) == [DOC_LIGHTHOUSE]
    assert result.notice is None or "plain words" in result.notice


def test_the_reading_shows_how_a_query_was_understood(search):
    assert search(q="mockingbird OR lighthouse").reading == "mockingbird OR lighthouse"
    assert search(q='"family centres" NOT budget').reading == '"family centres" AND NOT budget'
    assert search(q="dept:dfe").reading == "department:dfe"


def test_title_matches_rank_above_body_matches(search):
    # "mockingbird" is in the title of one document; "fostering" is in its title too.
    result = search(q="fostering")
    assert result.hits[0]["id"] == DOC_MOCKINGBIRD


def test_year_filter_single_several_and_range(search):
    assert search(year="2010").total == 2
    assert search(year=["2010", "2013"]).total == 4
    assert search(year="2009-2013").total == 6
    assert search(year="2013,2017").total == 4


def test_department_filter_with_and_without_predecessors(search):
    assert search(department="dfe").total == 7
    # DfE took over from DCSF: with predecessors its 3 documents join.
    assert search(department="dfe", predecessors="1").total == 10
    assert (
        search(department="dhsc", predecessors="1").total == 3
    )  # dhsc's one document and dh's two
    assert search(department=["dh", "dhsc"]).total == 3


def test_programme_and_amount_filters(search):
    assert search(programme="better-care-fund").total == 2
    assert (
        search(amount="1bn-plus").total == 3
    )  # doc 10's £1.5bn is what councils spend, not money announced
    assert search(amount="1bn-plus", money="all").total == 4
    assert search(amount=["1bn-plus", "under-1m"]).total == 6  # doc 7's £250,000: not ours
    assert search(amount=["1bn-plus", "under-1m"], money="all").total == 8
    assert search(amount="usd:100m-1bn").total == 0  # an American clearinghouse's $190m
    assert search(amount="usd:100m-1bn", money="all").total == 1


def test_amount_range_matches_any_amount_in_range(search):
    # Documents with some amount between £1m and £5m (inclusive): docs 2, 5, 7 (€5m), 8, 12;
    # of money announced, docs 8 and 12 (doc 2's £3.2m is a cost, doc 5's £1m a sum per project,
    # doc 7's €5m a European foundation's award).
    assert search(min_amount="1m", max_amount="5m", money="all").total == 5
    assert search(min_amount="1m", max_amount="5m").total == 2
    assert search(min_amount="1.5bn", money="all").total == 3
    assert search(min_amount="1.5bn").total == 2
    assert search(max_amount="100000").total == 1


def test_facets_combine_or_within_and_across(search):
    result = search(year=["2017", "2020"], department="dfe")
    assert result.total == 3  # 2017: docs 8, 9; 2020: doc 12
    # Within the year facet counts ignore the year selection, but respect the department.
    assert counts(result, "year") == {
        "2010": 1,
        "2013": 1,
        "2017": 2,
        "2019": 1,
        "2020": 1,
        "2024": 1,
    }
    assert counts(result, "department")["dfe"] == 3
    assert counts(result, "department")["hm-treasury"] == 1


def test_every_facet_count_equals_the_results_selecting_it_gives(archive):
    for base in (
        {},
        {"q": ["care"]},
        {"year": ["2017"]},
        {"department": ["dfe"], "amount": ["under-1m"]},
        {"department": ["dfe"], "predecessors": ["1"]},
        {"min_amount": ["1m"]},
        {"money": ["all"]},
        {"money": ["all"], "amount": ["1m-10m"], "min_amount": ["1m"]},
    ):
        request = archive.request(base)
        result = archive.search(request)
        for facet, values in result.facets.items():
            for value in values:
                if value.selected:
                    continue
                toggled = archive.search(request.toggled(facet, value.value))
                single = request.toggled(facet, value.value)
                # Selecting a value in a facet that already has a
                # selection widens (OR); alone it gives the count.
                alone = archive.search(
                    type(request)(**{**single.__dict__, **_only(facet, value.value, request)})
                )
                assert alone.total == value.count, (base, facet, value)
                assert toggled.total >= value.count


def _only(facet, value, request):
    from archive.search.request import parse_year

    if facet == "year":
        return {"years": (parse_year(value),)}
    return {FACET_FIELDS[facet]: (value,)}


def test_values_without_results_are_hidden_unless_selected(search):
    result = search(q="mockingbird", year="2009")
    assert result.total == 0
    years = {v.value: (v.count, v.selected) for v in result.facets["year"]}
    assert years == {"2015": (1, False), "2009": (0, True)}


@pytest.mark.parametrize(
    "sort, first",
    [
        ("newest", "2024-10-30-budget-funds-prevention-in-childrens-social-care"),
        ("oldest", "2009-04-23-recruitment-campaign-for-childrens-social-workers"),
        ("largest", "2013-pooled-budget-for-health-and-social-care-agreed"),
    ],
)
def test_sort_orders(search, sort, first):
    result = search(sort=sort)
    assert result.hits[0]["id"] == first


@pytest.mark.parametrize("money", ["announced", "all"])
def test_largest_sort_is_descending_by_largest_amount(search, money):
    """Pounds first, by the largest pound amount; dollars are never weighed against pounds."""
    result = search(sort="largest", per_page=100, money=money)
    roles = {"announced", "total", "part"} if money == "announced" else set(ROLES)

    def largest(hit, currency):
        return max(
            (
                a["value"]
                for a in hit["amounts"]
                if a["currency"] == currency and a["role"] in roles
            ),
            default=None,
        )

    def counted(hit):
        return [a for a in hit["amounts"] if a["role"] in roles]

    groups = [
        "GBP" if largest(h, "GBP") is not None else "other" if counted(h) else "none"
        for h in result.hits
    ]
    assert groups == sorted(groups, key=["GBP", "other", "none"].index)
    pounds = [largest(h, "GBP") for h in result.hits if largest(h, "GBP") is not None]
    assert pounds == sorted(pounds, reverse=True) and len(pounds) >= 5
    order = [h["id"] for h in result.hits]
    # £20m and $190 million: placed by its £20m, below £36m, not by 190 million of another currency
    assert order.index(
        "2017-11-14-what-works-centre-for-childrens-social-care-launched"
    ) > order.index("2017-03-20-eleven-projects-share-new-round-of-innovation-funding")


def test_relevance_is_the_default_with_a_query(search):
    assert search(q="care").sort == "relevance"
    assert search(sort="relevance").sort == "newest"  # nothing to rank without a query


def test_pages(search):
    first, second, fifth = (
        search(per_page=5),
        search(per_page=5, page=2),
        search(per_page=5, page=5),
    )
    assert len(first.hits) == 5 and len(second.hits) == 5
    assert first.pages == 3
    assert not set(ids(first)) & set(ids(second))
    assert fifth.hits == [] and fifth.total == ALL


def test_snippet_marks_terms_and_escapes_everything_else(search):
    hit = search(q="lighthouse").hits[0]
    assert "<mark>" in hit["snippet"].lower()
    stripped = hit["snippet"].replace("<mark>", "").replace("</mark>", "")
    assert "<" not in stripped and ">" not in stripped


def test_snippet_falls_back_to_the_start_of_the_body(search):
    hit = search(department="dhsc").hits[0]
    assert "<mark>" not in hit["snippet"]
    assert hit["snippet"]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"year": "abc"}, "year must be"),
        ({"year": "2013-2010"}, "runs backwards"),
        ({"page": "-1"}, "page must be"),
        ({"page": "0"}, "page must be"),
        ({"page": str(10**9)}, "page must be"),
        ({"per_page": "1000"}, "per_page must be"),
        ({"amount": "lots"}, "amount must be a band"),
        ({"min_amount": "-5"}, "min_amount must be"),
        ({"min_amount": "9m", "max_amount": "1m"}, "larger than"),
        ({"sort": "random"}, "sort must be one of"),
        ({"department": "dfee"}, "did you mean 'dfe'"),
        ({"programme": "nope"}, "unknown programme"),
    ],
)
def test_bad_parameters_raise_a_clear_bad_request(search, params, message):
    with pytest.raises(BadRequest, match=message):
        search(**params)


def test_departments_accept_short_names_and_names(search):
    assert (
        search(department="DfE").total == search(department="Department for Education").total == 7
    )


def test_document_lookup(archive):
    doc = archive.document(DOC_MOCKINGBIRD)
    assert doc["title"].startswith("Mockingbird")
    assert doc["body"].strip()
    assert archive.document("no-such-document") is None


# Requests built from the date facets and ranges, on
# top of the others: every count must be its click.
DATES = [
    "2009",
    "2009-11",
    "2010-03-17",
    "2013",
    "2013-10",
    "2015-06-30",
    "2017-03-20",
    "2019-05",
    "2020",
    "2024-10-30",
]
date_requests = st.fixed_dictionaries(
    {},
    optional={
        "q": st.sampled_from(["care", "funding", "social", "budget"]).map(lambda w: [w]),
        "year": st.lists(
            st.sampled_from(["2009", "2010", "2013", "2017", "2020"]), min_size=1, max_size=2
        ),
        "department": st.sampled_from(["dfe", "dh", "hm-treasury"]).map(lambda d: [d]),
        "financial_year": st.lists(
            st.sampled_from(["2009-10", "2010-11", "2013-14", "2016-17", "2019-20", "2024-25"]),
            min_size=1,
            max_size=2,
        ),
        "government": st.lists(
            st.sampled_from(["uk-brown", "uk-cameron-clegg", "uk-may", "uk-johnson", "uk-starmer"]),
            min_size=1,
            max_size=2,
        ),
        "from": st.sampled_from(DATES).map(lambda d: [d]),
        "to": st.sampled_from(DATES).map(lambda d: [d]),
        "min_amount": st.sampled_from(["1m", "50m"]).map(lambda v: [v]),
        "real": st.just(["1"]),
        "money": st.sampled_from(["announced", "all"]).map(lambda v: [v]),
        # Any name form of the registry's people, as a link or a user would write it.
        "announced_by": st.lists(
            st.sampled_from(["ed-balls", "Edward Timpson", "Mr Sunak", "justine-greening"]),
            min_size=1,
            max_size=2,
        ),
    },
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=date_requests)
def test_date_and_announcer_facet_counts_equal_the_results_of_their_clicks(archive, params):
    try:
        request = archive.request(params)
    except BadRequest:  # from after to: refused, never searched
        return
    result = archive.search(request)
    for facet in ("financial_year", "government", "year", "announced_by"):
        for value in result.facets[facet]:
            alone = archive.search(
                type(request)(**{**request.__dict__, **_only(facet, value.value, request)})
            )
            assert alone.total == value.count, (params, facet, value)
            if not value.selected:
                assert archive.search(request.toggled(facet, value.value)).total >= value.count
    # What the facets cannot place is exactly what their
    # values leave out of the results without them.
    for facet in ("financial_year", "government"):
        without = archive.search(type(request)(**{**request.__dict__, FACET_FIELDS[facet]: ()}))
        placed = sum(v.count for v in archive.search(without.request).facets[facet])
        assert placed + result.unplaced[facet] <= without.total


def test_cached_arrays_are_bounded_by_their_size_as_well_as_their_number():
    import numpy as np

    from archive.search.cache import ArrayCache

    cache = ArrayCache(max_bytes=3000, max_items=10)
    for n in range(5):
        cache.put(n, np.zeros(1000, dtype=np.uint8))
    assert len(cache) == 3 and cache.bytes == 3000 and cache.get(0) is None
    cache.get(2)  # used again: kept over 3, the oldest
    cache.put(5, np.zeros(1000, dtype=np.uint8))
    assert cache.get(3) is None and cache.get(2) is not None
    with pytest.raises(ValueError):
        cache.get(2)[0] = True  # shared between requests: read-only
    small = ArrayCache(max_bytes=10**9, max_items=2)
    for n in range(4):
        small.put(n, np.zeros(1))
    assert len(small) == 2


def test_cached_masks_and_scores_are_kept_compact_and_read_back_equal():
    import numpy as np

    from archive.search.cache import ArrayCache

    rng = np.random.default_rng(5)
    mask = rng.random(10_001) < 0.3
    sparse = np.where(rng.random(10_001) < 0.05, rng.random(10_001), 0.0)
    dense = rng.random(10_001) + 0.5
    cache = ArrayCache(max_bytes=10**9, max_items=10)
    for key, array in (("mask", mask), ("sparse", sparse), ("dense", dense)):
        cache.put(key, array)
    # A mask as bits, scores few documents hold as their ids and values, the rest as they are.
    assert cache.bytes == -(-10_001 // 8) + int(np.count_nonzero(sparse)) * 12 + dense.nbytes
    for key, array in (("mask", mask), ("sparse", sparse), ("dense", dense)):
        found = cache.get(key)
        assert found.dtype == array.dtype and np.array_equal(found, array)
        with pytest.raises(ValueError):
            found[0] = found[1]  # read-only, as when it was shared
    # Read back twice, the same: a caller given one copy cannot change the next one's.
    assert np.array_equal(cache.get("mask"), cache.get("mask"))
