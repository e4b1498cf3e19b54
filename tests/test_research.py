"""Research depth on the shipped corpus: financial years, governments, dates, real terms, parts."""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

import pytest

from archive.cli import main
from archive.corpus import prices
from archive.errors import BadRequest, CorpusError
from archive.index.build import build
from archive.search.core import Archive
from archive.web.app import create_app

SHIPPED = Path(__file__).parent.parent / "corpus"
A2010 = "2010-03-17-frontline-social-work-to-be-transformed"
A2011 = "2011-05-03-councils-shun-social-work-practice-pilots"
A2013 = "2013-04-funding-to-improve-social-work-practice-is-removed"
A2017 = "2017-03-20-innovative-social-work-projects-get-36m-funding-boost"
A2019 = "2019-devolved-budgets-for-social-workers-broadly-welcomed"


@pytest.fixture(scope="module")
def shipped_index(tmp_path_factory) -> Path:
    index = tmp_path_factory.mktemp("shipped") / "index"
    report = build(SHIPPED, index)
    assert not report.errors, report.errors
    return index


@pytest.fixture(scope="module")
def shipped(shipped_index) -> Archive:
    return Archive(shipped_index)


@pytest.fixture(scope="module")
def web(shipped_index):
    return create_app({"TESTING": True, "INDEX_DIR": str(shipped_index)}).test_client()


def found(archive: Archive, **params) -> list[str]:
    result = archive.search(
        archive.request({k: v if isinstance(v, list) else [v] for k, v in params.items()})
    )
    return sorted(hit["id"] for hit in result.hits)


def facet(archive: Archive, name: str, **params) -> dict[str, int]:
    result = archive.search(archive.request({k: [v] for k, v in params.items()}))
    return {v.value: v.count for v in result.facets[name]}


# -- financial years and governments ------------------------------------------------------------


@pytest.mark.parametrize(
    "year, expected",
    [
        ("2009-10", [A2010]),
        ("2011-12", [A2011]),
        ("2013-14", [A2013]),
        ("2016-17", [A2017]),
    ],
)
def test_financial_years_place_the_shipped_articles(shipped, year, expected):
    assert found(shipped, financial_year=year) == expected


def test_a_date_known_only_to_the_year_has_no_financial_year_and_the_facet_says_so(shipped):
    result = shipped.search(shipped.request({}))
    assert {v.value: v.count for v in result.facets["financial_year"]} == {
        "2009-10": 1,
        "2011-12": 1,
        "2013-14": 1,
        "2016-17": 1,
    }
    assert result.unplaced["financial_year"] == 1
    assert A2019 not in found(shipped, financial_year=["2018-19", "2019-20"])


@pytest.mark.parametrize(
    "government, expected",
    [
        ("uk-brown", [A2010]),
        ("uk-cameron-clegg", [A2011, A2013]),
        ("uk-may", [A2017]),
    ],
)
def test_governments_place_the_shipped_articles(shipped, government, expected):
    assert found(shipped, government=government) == expected


def test_the_2019_article_spans_may_and_johnson_so_has_no_government(shipped):
    result = shipped.search(shipped.request({}))
    counts = {v.value: v.count for v in result.facets["government"]}
    assert counts == {"uk-brown": 1, "uk-cameron-clegg": 2, "uk-may": 1}
    assert result.unplaced["government"] == 1
    labels = {v.value: v.label for v in result.facets["government"]}
    assert labels["uk-brown"] == "Brown (Labour), 2007–2010"
    assert (
        labels["uk-cameron-clegg"]
        == "Cameron–Clegg coalition (Conservative–Liberal Democrat), 2010–2015"
    )


def test_an_unknown_government_or_financial_year_is_a_clear_bad_request(shipped):
    with pytest.raises(BadRequest, match="unknown government 'uk-braun'; did you mean 'uk-brown'"):
        shipped.request({"government": ["uk-braun"]})
    with pytest.raises(BadRequest, match="financial_year must be a financial year such as 2010-11"):
        shipped.request({"financial_year": ["2010-12"]})


# -- date ranges --------------------------------------------------------------------------------


def test_a_date_range_gives_the_documents_wholly_inside_it(shipped):
    assert found(shipped, **{"from": "2011-01-01", "to": "2013-12-31"}) == [A2011, A2013]
    assert found(shipped, **{"from": "2013"}) == [A2013, A2017, A2019]
    assert found(shipped, to="2010-03-17") == [A2010]


def test_a_month_is_inside_a_range_only_if_all_of_it_is_and_the_page_says_what_was_left_out(
    shipped, web
):
    result = shipped.search(shipped.request({"from": ["2013-04-15"], "to": ["2013-05-31"]}))
    assert result.total == 0 and result.left_out == 1
    assert found(shipped, **{"from": "2013-04-01", "to": "2013-04-30"}) == [A2013]
    page = web.get("/?from=2013-04-15&to=2013-05-31").get_data(as_text=True)
    assert "1 document was left out for being dated less precisely than the range" in page
    assert web.get("/api/search?from=2013-04-15&to=2013-05-31").get_json()["left_out"] == 1


@pytest.mark.parametrize(
    "params, message",
    [
        ("from=2013-13-01", "from '2013-13-01' has no month 13"),
        ("to=2013-02-30", "to '2013-02-30' has no day 30: February 2013 has 28 days"),
        ("from=13th+May", "from must be a date such as 2013, 2013-04 or 2013-04-15"),
        ("from=2014&to=2013", "from (2014) is after to (2013)"),
    ],
)
def test_a_bad_date_is_a_400_that_says_what_is_wrong(web, params, message):
    for url in (f"/?{params}", f"/api/search?{params}", f"/search.csv?{params}"):
        response = web.get(url)
        assert response.status_code == 400, url
        assert message in html.unescape(response.get_data(as_text=True)), url


def test_the_exports_and_the_cli_take_the_range(web, shipped_index, runner):
    rows = list(
        csv.DictReader(
            io.StringIO(web.get("/search.csv?from=2011-01-01&to=2013-12-31").get_data(as_text=True))
        )
    )
    assert sorted(r["id"] for r in rows) == [A2011, A2013]
    out = runner.invoke(
        main,
        [
            "--index",
            str(shipped_index),
            "search",
            "--from",
            "2011-01-01",
            "--to",
            "2013-12-31",
            "--json",
        ],
    )
    assert out.exit_code == 0, out.output
    assert sorted(h["id"] for h in json.loads(out.stdout)["results"]) == [A2011, A2013]
    out = runner.invoke(
        main,
        [
            "--index",
            str(shipped_index),
            "search",
            "--government",
            "uk-may",
            "--financial-year",
            "2016-17",
            "--json",
        ],
    )
    assert [h["id"] for h in json.loads(out.stdout)["results"]] == [A2017]
    bad = runner.invoke(main, ["--index", str(shipped_index), "search", "--from", "2013-13-01"])
    assert bad.exit_code != 0 and "no month 13" in bad.output


# -- real terms ---------------------------------------------------------------------------------


def deflator_ratio() -> float:
    """The ratio straight from the shipped data file: 2024-25's deflator over 2009-10's."""
    text = (Path(prices.__file__).parent / prices.SERIES_FILE).read_text()
    index = dict(line.split(",") for line in text.splitlines() if line[:1].isdigit())
    return float(index["2024-25"]) / float(index["2009-10"])


def test_the_48m_of_2010_in_the_latest_years_prices(web):
    amounts = web.get(f"/api/doc/{A2010}").get_json()["amounts"]
    first = amounts[0]
    assert first["text"] == "£48m"
    expected = int(48_000_000 * deflator_ratio() + 0.5)
    assert expected == 70_896_636  # 48m × 100 / 67.7042
    assert first["real_terms"] == {
        "value": expected,
        "prices": "2024-25",
        "series": prices.SERIES,
        "from_year": "2009-10",
    }
    page = web.get(f"/doc/{A2010}").get_data(as_text=True)
    assert "£70,896,636 in 2024-25 prices" in page and prices.SERIES in page
    rows = list(csv.DictReader(io.StringIO(web.get("/search.csv").get_data(as_text=True))))
    row = next(r for r in rows if r["id"] == A2010)
    assert row["amounts_real"].startswith("£48m (70,896,636 GBP); £23m (33,971,305 GBP)")
    assert row["real_terms_prices"] == "2024-25"
    assert row["largest_amount_gbp_real"] == str(int(200_000_000 * deflator_ratio() + 0.5))


def test_no_real_terms_for_a_date_known_only_to_the_year_or_another_currency():
    series = prices.deflator()
    assert series.real_terms(1_000_000, "GBP", None) is None
    assert series.real_terms(1_000_000, "AUD", "2010-11") is None
    assert series.real_terms(1_000_000, "GBP", "1990-91") is None


def test_real_terms_filter_and_sort(shipped):
    exact = int(48_000_000 * deflator_ratio() + 0.5)
    # £48m nominal is inside 48m..49m, but in real terms only 70,896,636 is.
    assert found(shipped, min_amount="48m", max_amount="48m") == [A2010]
    assert found(shipped, min_amount=str(exact), max_amount=str(exact), real="1") == [A2010]
    assert found(shipped, min_amount=str(exact + 1), max_amount=str(exact + 1), real="1") == []
    assert found(shipped, min_amount="48m", max_amount="48m", real="1") == []
    # The 2017 £200m is worth less in 2024-25 prices than the 2010 £200m: real terms put 2010 first.
    nominal = shipped.search(shipped.request({"sort": ["largest"]}))
    real = shipped.search(shipped.request({"sort": ["largest"], "real": ["1"]}))
    assert [h["id"] for h in real.hits][:2] == [A2010, A2017]
    assert {h["id"] for h in nominal.hits[:2]} == {A2010, A2017}
    # A document with no pound amount announced, or no financial year, comes last: 2011's
    # "£100,000 for each site" is a sum per site, 2013's sums are cuts, not money announced.
    assert {h["id"] for h in real.hits[-3:]} == {A2019, A2011, A2013}


def test_the_timeline_in_real_terms(shipped):
    years = {y.year: y.pounds for y in shipped.timeline(shipped.request({"real": ["1"]}))}
    assert years[2010] == int(200_000_000 * deflator_ratio() + 0.5)


# -- money that belongs to other money ----------------------------------------------------------


def test_the_36m_is_part_of_the_200m_fund(web):
    amounts = web.get(f"/api/doc/{A2017}").get_json()["amounts"]
    assert amounts[0]["text"] == "£36m" and amounts[1]["text"] == "£200m"
    assert amounts[0]["part_of"] == 1
    assert "The funding comes from the Department for Education’s £200m" in amounts[0]["evidence"]
    assert amounts[1]["part_of"] is None


def test_the_23m_15m_and_10m_are_parts_of_the_48m(web):
    amounts = web.get(f"/api/doc/{A2010}").get_json()["amounts"]
    parts = {
        a["text"]: amounts[a["part_of"]]["text"] for a in amounts[:4] if a["part_of"] is not None
    }
    # and the £48m for children's social work is inside the "total of £200m" pledged for adult and
    # children's social work, two sentences on
    assert parts == {"£23m": "£48m", "£15m": "£48m", "£10m": "£48m", "£48m": "£200m"}
    assert "The funding includes £23m" in amounts[1]["evidence"]
    page = web.get(f"/doc/{A2010}").get_data(as_text=True)
    assert "Part of £48m" in page
    row = next(
        r
        for r in csv.DictReader(io.StringIO(web.get("/search.csv").get_data(as_text=True)))
        if r["id"] == A2010
    )
    assert "£23m of £48m; £15m of £48m; £10m of £48m" in row["amount_parts"]


def test_totals_count_a_whole_once_and_never_add_its_parts(shipped):
    years = {y.year: y.pounds for y in shipped.timeline(shipped.request({}))}
    assert years[2010] == 200_000_000  # not 200m + 48m + 23m + ...
    assert years[2017] == 200_000_000  # the fund, not the fund plus the £36m drawn from it


def _fund_archive(tmp_path: Path, documents: list[tuple[str, str, str]]) -> Archive:
    """Build documents (id, date, body) all filed under one programme, and open them."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "programmes.yaml").write_text("fund:\n  name: The Fund\n")
    for name, date, body in documents:
        (corpus / f"{name}.md").write_text(
            f'---\ntitle: {name}\ndate: "{date}"\nsource: Test\nprogrammes: [fund]\n---\n\n{body}\n'
        )
    build(corpus, tmp_path / "index")
    return Archive(tmp_path / "index")


def test_documents_announcing_the_same_programme_and_amount_are_linked(tmp_path):
    archive = _fund_archive(
        tmp_path,
        [
            ("2013-10-01-fund-opens", "2013-10-01", "The £30m fund is open."),
            ("2014-02-01-fund-again", "2014-02-01", "The £30m fund is open."),
        ],
    )
    links = archive.document("2014-02-01-fund-again")["also_announced_in"]
    assert [(d["id"], [a["text"] for a in d["amounts"]]) for d in links] == [
        ("2013-10-01-fund-opens", ["£30m"])
    ]
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")}).test_client()
    page = client.get("/doc/2013-10-01-fund-opens").get_data(as_text=True)
    assert "Also announced in" in page and "2014-02-01-fund-again" in page


# -- Australia ----------------------------------------------------------------------------------


def test_australian_documents_use_july_to_june_and_australias_governments(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "governments.yaml").write_text((SHIPPED / "governments.yaml").read_text())
    docs = {
        "2010-05-10-budget": ("2010-05-10", "A$10 million"),
        "2010-08-01-grant": ("2010-08-01", "A$5 million"),
        "2010-08-02-uk-grant": ("2010-08-02", "£5 million"),
    }
    for name, (date, money) in docs.items():
        (corpus / f"{name}.md").write_text(
            f'---\ntitle: {name}\ndate: "{date}"\nsource: Test\n---\n\n{money} for it.\n'
        )
    build(corpus, tmp_path / "index")
    archive = Archive(tmp_path / "index")
    assert found(archive, financial_year="2009-10") == ["2010-05-10-budget"]
    assert found(archive, financial_year="2010-11") == ["2010-08-01-grant", "2010-08-02-uk-grant"]
    assert found(archive, government="au-rudd") == ["2010-05-10-budget"]
    assert found(archive, government="au-gillard") == ["2010-08-01-grant"]
    assert found(archive, government="uk-cameron-clegg") == ["2010-08-02-uk-grant"]


def test_governments_must_follow_one_another(tmp_path):
    from archive.corpus.registry import Registry

    (tmp_path / "governments.yaml").write_text(
        'a:\n  name: A\n  party: P\n  from: "2000-01-01"\n  until: "2001-01-01"\n  sources: [x]\n'
        'b:\n  name: B\n  party: P\n  from: "2001-02-01"\n  sources: [x]\n'
    )
    with pytest.raises(
        CorpusError,
        match="government 'a' ends on 2001-01-01, but the next, 'b', starts on 2001-02-01",
    ):
        Registry.load(tmp_path)
    (tmp_path / "governments.yaml").write_text(
        'a:\n  name: A\n  party: P\n  from: "2000-13-01"\n  sources: [x]\n'
    )
    with pytest.raises(CorpusError, match="write it as"):
        Registry.load(tmp_path)


# -- the department registry --------------------------------------------------------------------


def test_the_shipped_department_registry_records_reorganisations_both_ways_with_sources():
    from archive.corpus.registry import Registry

    registry = Registry.load(SHIPPED)
    departments = registry.departments
    assert departments["dfes"].successors == ("dcsf", "dius")
    assert departments["beis"].successors == ("desnz", "dsit", "dbt")
    assert set(departments["fcdo"].predecessors) == {"fco", "dfid"}
    assert registry.with_predecessors("dbt") >= {
        "dbt",
        "beis",
        "dit",
        "bis",
        "decc",
        "berr",
        "dius",
        "dti",
        "dfes",
        "dfee",
    }
    assert all(d.sources for d in departments.values()), [
        k for k, d in departments.items() if not d.sources
    ]
    # Every department that ended into another names it, and
    # every department that began from one is named by it.
    for key, department in departments.items():
        for other in department.successors:
            assert key in departments[other].predecessors
    assert all(g.sources for g in registry.governments.values())


def test_a_reorganisation_recorded_on_one_side_only_is_an_error(tmp_path):
    from archive.corpus.registry import Registry

    (tmp_path / "departments.yaml").write_text(
        "a:\n  name: A\n  successor: [b, c]\nb:\n  name: B\n  predecessors: [a]\nc:\n  name: C\n"
    )
    with pytest.raises(
        CorpusError, match="department 'a' has successor 'c', but 'c' does not list it"
    ):
        Registry.load(tmp_path)


def test_editing_the_governments_re_indexes_nothing_and_the_facet_follows(tmp_path):
    import shutil

    shutil.copytree(SHIPPED, tmp_path / "corpus")
    build(tmp_path / "corpus", tmp_path / "index")
    path = tmp_path / "corpus" / "governments.yaml"
    path.write_text(path.read_text().replace("name: May\n", "name: Theresa May\n"))
    report = build(tmp_path / "corpus", tmp_path / "index")
    assert (report.added, report.changed, report.removed) == (0, 0, 0)
    archive = Archive(tmp_path / "index")
    labels = {v.value: v.label for v in archive.search(archive.request({})).facets["government"]}
    assert labels["uk-may"] == "Theresa May (Conservative), 2016–2019"


def test_the_same_number_in_another_currency_is_not_a_re_announcement(tmp_path):
    archive = _fund_archive(
        tmp_path,
        [
            ("2013-10-01-pounds", "2013-10-01", "The £30m fund."),
            ("2014-02-01-euros", "2013-10-01", "The €30m fund."),
        ],
    )
    assert archive.document("2013-10-01-pounds")["also_announced_in"] == []
