"""Money announced told from money mentioned (issue 22): roles, ledgers, where a figure came from.

On the shipped seed corpus (corpus/) and on eleven Australian media releases cut down to their
money (tests/money/, CC BY 3.0 AU: see its README), built through the real CLI and app.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from flask import render_template

from archive.cli import main
from archive.corpus.roles import COUNTED, ROLES
from archive.index.build import build
from archive.search.core import Archive
from archive.search.figures import figure_trail
from archive.search.ledger import ledger_of
from archive.web.app import create_app

SHIPPED = Path(__file__).parent.parent / "corpus"
AU_RELEASES = Path(__file__).parent / "money" / "au-releases.jsonl"
A2010 = "2010-03-17-frontline-social-work-to-be-transformed"
A2013 = "2013-04-funding-to-improve-social-work-practice-is-removed"
A2017 = "2017-03-20-innovative-social-work-projects-get-36m-funding-boost"
FUND = "childrens-social-care-innovation-programme"
LICENCE = (
    "Source: Licensed from the Commonwealth of Australia under a Creative Commons Attribution 3.0 "
    "Australia Licence. The Commonwealth of Australia does not necessarily endorse the content of "
    "this publication."
)


@pytest.fixture(scope="module")
def seeds_index(tmp_path_factory) -> Path:
    index = tmp_path_factory.mktemp("seeds") / "index"
    assert not build(SHIPPED, index).errors
    return index


@pytest.fixture(scope="module")
def seeds(seeds_index) -> Archive:
    return Archive(seeds_index)


@pytest.fixture(scope="module")
def app(seeds_index):
    return create_app({"TESTING": True, "INDEX_DIR": str(seeds_index)})


@pytest.fixture(scope="module")
def web(app):
    return app.test_client()


def lines(ledger):
    return [(line.text, line.kind, line.whole) for line in ledger.lines]


# -- roles on the seeds ---------------------------------------------------------------------------


def test_each_amount_carries_its_role_and_the_words_that_decided_it(web):
    cut = web.get(f"/api/doc/{A2013}").get_json()["amounts"]
    assert [(a["text"], a["role"]) for a in cut] == [
        ("£3.2 million", "cut"),
        ("£8.5 million", "cut"),
        ("£8.5 million", "cut"),
    ]
    assert all("removed" in a["role_evidence"] for a in cut)
    fund = {a["text"]: a for a in web.get(f"/api/doc/{A2017}").get_json()["amounts"]}
    assert fund["£36m"]["role"] == "part" and "£200m" in fund["£36m"]["role_evidence"]
    assert fund["£200m"]["role"] == "total" and "£36m" in fund["£200m"]["role_evidence"]
    # One of the round's awards, inside the £36m (its hand label in bench/money_roles.csv): the
    # text names no whole for it, the trained model reads it as a part and says the rules' words.
    assert (
        fund["£5 million"]["role"] == "part"
        and "the trained model" in fund["£5 million"]["role_evidence"]
        and "awarded" in fund["£5 million"]["role_evidence"]
    )
    # The search API's hits say it too, and the CSV gives every amount's role with its words.
    hit = next(h for h in web.get("/api/search").get_json()["results"] if h["id"] == A2013)
    assert {a["role"] for a in hit["amounts"]} == {"cut"}
    rows = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO(web.get("/search.csv").get_data(as_text=True)))
    }
    assert rows[A2013]["amount_roles"].startswith("£3.2 million: cut (“removed”)")


def test_the_document_page_labels_each_amount_and_links_it_to_the_figure_elsewhere(web):
    page = web.get(f"/doc/{A2017}").get_data(as_text=True)
    row = re.search(r'<tr id="amount-0">(.*?)</tr>', page, re.S).group(1)
    assert "£36m" in row and '<span class="role role-part">part</span>' in row
    assert f"/figure?amount=%C2%A336m&amp;programme={FUND}" in row
    results = web.get("/?q=removed").get_data(as_text=True)
    assert '£3.2 million <small class="role">cut</small>' in results


def test_a_statistic_is_never_counted_as_money_announced(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = (
        "Two-way trade between the two countries reached £90bn last year. "
        "The government will invest £40m in a new export hub."
    )
    (corpus / "2015-05-01-hub.md").write_text(
        f'---\ntitle: Hub\ndate: "2015-05-01"\nsource: Test\n---\n\n{body}\n'
    )
    build(corpus, tmp_path / "index")
    archive = Archive(tmp_path / "index")
    roles = [(a["text"], a["role"]) for a in archive.document("2015-05-01-hub")["amounts"]]
    assert roles == [("£90bn", "statistic"), ("£40m", "announced")]
    assert {y.year: y.pounds for y in archive.timeline(archive.request({}))} == {2015: 40_000_000}
    assert archive.search(archive.request({"min_amount": ["1bn"]})).total == 0
    assert archive.search(archive.request({"min_amount": ["1bn"], "money": ["all"]})).total == 1
    assert {y.year: y.pounds for y in archive.timeline(archive.request({"money": ["all"]}))} == {
        2015: 90_000_000_000
    }


# -- the ledger -----------------------------------------------------------------------------------


def test_the_innovation_funds_ledger_shows_the_36m_round_inside_the_200m(seeds):
    ledger = ledger_of(seeds, "programme", FUND)
    assert ("£36m", "part", "£200m") in lines(ledger)
    assert ("£200m", "new", None) in lines(ledger)
    # The projects' awards of the same release fit inside it: counted once, with the fund.
    assert ("£5 million", "within", "£200m") in lines(ledger)
    assert ledger.totals()["GBP"]["new"] == 200_000_000


def test_the_48m_of_2010_and_its_parts_are_counted_once(seeds):
    ledger = ledger_of(seeds, "programme", "social-work-reform")
    found = lines(ledger)
    assert (
        ("£23m", "part", "£48m") in found
        and ("£15m", "part", "£48m") in found
        and ("£10m", "part", "£48m") in found
    )
    assert ("£48m", "part", "£200m") in found
    counted = [line for line in ledger.lines if line.counted]
    assert [(line.text, line.value) for line in counted] == [("£200m", 200_000_000)]
    assert ledger.totals()["GBP"]["new"] == 200_000_000  # not 200m + 48m + 23m + 15m + 10m
    # The list restating the £23m, £15m and £10m is the same money again, linked to its first place.
    again = [line for line in ledger.lines if line.kind == "again"]
    assert [line.text for line in again] == ["£23m", "£15m", "£10m"] and again[0].first[
        "id"
    ] == A2010


def test_the_swap_and_cib_cuts_are_cuts(seeds):
    swap = ledger_of(seeds, "programme", "swap")
    assert ("£3.2 million", "cut", None) in lines(swap)
    cib = ledger_of(seeds, "programme", "cib-sector-led-improvement")
    assert ("£8.5 million", "cut", None) in lines(cib)
    assert ("£8.5 million", "cut again", None) in lines(cib)  # written twice, cut once
    assert cib.totals()["GBP"] == {**cib.totals()["GBP"], "new": 0, "cuts": 3_200_000 + 8_500_000}


def test_the_ledger_in_the_api_csv_and_page(web, app):
    answer = web.get(f"/api/programme/{FUND}/ledger").get_json()
    assert answer["key"] == FUND and answer["totals"]["GBP"]["new"] == 200_000_000
    line = next(row for row in answer["lines"] if row["text"] == "£36m")
    assert line["kind"] == "part" and line["whole"] == "£200m" and line["doc_id"] == A2017
    assert line["links"]["html"] == f"http://localhost/doc/{A2017}#amount-0"
    assert web.get(f"/doc/{A2017}").get_data(as_text=True).count('id="amount-0"') == 1
    department = web.get("/api/department/dfe/ledger").get_json()
    assert {row["kind"] for row in department["lines"]} >= {"cut", "part", "new"}
    table = list(
        csv.DictReader(io.StringIO(web.get("/programme/swap/ledger.csv").get_data(as_text=True)))
    )
    assert [(r["amount"], r["counts_as"], r["counted"]) for r in table] == [
        ("£3.2 million", "cut", "yes"),
        ("£8.5 million", "cut", "yes"),
        ("£8.5 million", "cut again", "no"),
    ]
    assert table[0]["link"] == f"http://localhost/doc/{A2013}#amount-0"
    page = web.get(f"/programme/{FUND}/ledger").get_data(as_text=True)
    assert "New money (GBP)" in page and "£200m" in page and "part of £200m" in page
    # The partial stands alone: given a ledger, it renders without the page around it.
    with app.test_request_context():
        alone = render_template(
            "_ledger.html", ledger=ledger_of(app.extensions["archive"], "programme", "swap")
        )
    assert "Cut (GBP)" in alone and "£11.7m" in alone and "<html" not in alone


@pytest.mark.parametrize(
    "url, status, message",
    [
        ("/api/programme/no-such-thing/ledger", 404, "unknown programme 'no-such-thing'"),
        ("/programme/swop/ledger", 404, "did you mean &#39;swap&#39;"),
        ("/department/nope/ledger.csv", 404, "unknown department 'nope'"),
        ("/api/figure?amount=lots", 400, "is not one amount of money"),
        ("/api/figure", 400, "amount is missing"),
        ("/api/figure?amount=£200m&programme=nothing-like-it", 404, "unknown programme"),
    ],
)
def test_bad_ledger_and_figure_requests_are_clear_answers(web, url, status, message):
    answer = web.get(url)
    assert answer.status_code == status and message in answer.get_data(as_text=True)


# -- where a figure came from ----------------------------------------------------------------------


def test_this_figure_elsewhere_finds_the_200m_in_date_order(seeds, web):
    trail = figure_trail(seeds, "£200m")
    assert [(m.doc_id, m.role) for m in trail.mentions] == [(A2010, "total"), (A2017, "total")]
    assert trail.summary().startswith(
        "£200m first announced 17 March 2010 in “Frontline social work"
    )
    # In the innovation programme (written as a word of its name), only the fund's own release.
    fund = web.get("/api/figure?amount=£200m&programme=innovation").get_json()
    assert [m["doc_id"] for m in fund["mentions"]] == [A2017] and fund["programme"] == FUND
    assert fund["mentions"][0]["sentence"].startswith(
        "The funding comes from the Department for Education’s £200m"
    )
    # The search amount:"£200m" finds both documents and offers the trail.
    page = web.get('/?q=amount:"£200m"').get_data(as_text=True)
    assert (
        "2 results" in page
        and "this figure elsewhere" in page
        and "/figure?amount=%C2%A3200m" in page
    )
    figure_page = web.get("/figure?amount=£200m").get_data(as_text=True)
    assert figure_page.index(A2010) < figure_page.index(A2017)


def test_the_amount_field_counts_the_money_chosen_as_the_amount_filters_do(web):
    # The 2013 release's only sums are the SWAP £3.2 million and the CIB £8.5 million cuts: not
    # money announced, so amount: leaves it out by default and finds it with money=all, as the
    # amount box and the amount facet do.
    def found(query: str) -> set[str]:
        answer = web.get(f"/api/search?per_page=100&{query}")
        assert answer.status_code == 200
        return {hit["id"] for hit in answer.get_json()["results"]}

    band, box = "q=amount:1m-10m", "min_amount=1000000&max_amount=10000000"
    assert A2013 not in found(band) and A2013 not in found(box)
    assert A2013 in found(f"{band}&money=all") and A2013 in found(f"{box}&money=all")
    # A figure written with its currency follows the same choice.
    assert A2013 not in found('q=amount:"£3.2 million"')
    assert found('q=amount:"£3.2 million"&money=all') == {A2013}
    # The page says how it read the query, and lists the release with money=all.
    page = web.get("/?q=amount:1m-10m&money=all").get_data(as_text=True)
    assert "amount:1m-10m" in page and A2013 in page


def test_a_figure_cut_later_in_its_programme_says_so(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "programmes.yaml").write_text("fund:\n  name: The Fund\n")
    for name, date, body in [
        ("2014-10-20-fund-opens", "2014-10-20", "The government will invest £30m in the fund."),
        ("2015-02-01-fund-again", "2015-02-01", "The £30m fund is open for bids."),
        ("2016-06-01-fund-cut", "2016-06-01", "The government has cut £5m from the fund."),
    ]:
        (corpus / f"{name}.md").write_text(
            f'---\ntitle: {name}\ndate: "{date}"\nsource: Test\nprogrammes: [fund]\n---\n\n{body}\n'
        )
    build(corpus, tmp_path / "index")
    trail = figure_trail(Archive(tmp_path / "index"), "£30m", "fund")
    assert trail.summary() == (
        "£30m first announced 20 October 2014 in “2014-10-20-fund-opens”; "
        "announced again in 1 later document; cut by £5m in 2016."
    )


# -- the timeline and the largest order on the seeds ---------------------------------------


def test_the_timeline_shows_cuts_below_the_line_and_says_which_money_it_counts(seeds, web):
    years = {y.year: y for y in seeds.timeline(seeds.request({}))}
    assert (years[2013].pounds, years[2013].cuts) == (0, 8_500_000)
    page = web.get("/").get_data(as_text=True)
    said = "money announced (a commitment, with its total and parts; never a statistic, a cost"
    assert said + " or a cut)" in page
    assert (
        '<rect class="bar cuts"' in page and "Count all amounts, not only money announced" in page
    )
    every = web.get("/?money=all").get_data(as_text=True)
    assert "amount of any kind, statistics and costs included" in every
    assert web.get("/api/search?money=lots").status_code == 400


# -- the Australian releases ---------------------------------------------------------------


@pytest.fixture(scope="module")
def au(tmp_path_factory, runner_module):
    root = tmp_path_factory.mktemp("au-money") / "archive"
    assert runner_module.invoke(main, ["init", str(root)]).exit_code == 0
    ingested = runner_module.invoke(
        main,
        [
            "--root",
            str(root),
            "ingest",
            "--currency",
            "AUD",
            "--licence",
            LICENCE,
            "--map",
            "url=pdf_url",
            "--source",
            "PM Transcripts, Department of the Prime Minister and Cabinet",
            "--type",
            "media release",
            str(AU_RELEASES),
        ],
    )
    assert " wrote " in ingested.output, ingested.output[-2000:]
    built = runner_module.invoke(main, ["--root", str(root), "build"])
    assert (root / "index" / "current").exists(), built.output[-2000:]
    return Archive(root / "index")


@pytest.fixture(scope="module")
def runner_module():
    from click.testing import CliRunner

    return CliRunner()


def _headline(hit):
    counted = [a for a in hit["amounts"] if a["role"] in COUNTED and a["currency"] == "AUD"]
    return max(counted, key=lambda a: a["value"])


def test_no_gdp_trade_or_market_figure_in_any_years_total(au):
    years = au.timeline(au.request({}))
    assert len(years) >= 8
    every = au.search(au.request({"per_page": ["100"]}))
    by_year = {}
    for hit in every.hits:
        if any(a["role"] in COUNTED and a["currency"] == "AUD" for a in hit["amounts"]):
            by_year.setdefault(hit["year"], []).append(_headline(hit))
    for year in years:
        # Each year's total is made of headlines of money announced, each sum once.
        assert year.pounds == sum({a["value"] for a in by_year.get(year.year, [])}), year
    largest = max(years, key=lambda y: y.pounds)
    assert (largest.year, largest.pounds) == (
        2016,
        195_000_000_000,
    )  # the Defence White Paper's $195 billion
    trillions = [a for h in every.hits for a in h["amounts"] if a["value"] >= 10**12]
    assert {a["text"] for a in trillions} == {"$2 trillion", "$70 trillion", "$5.6 trillion"}
    assert {a["role"] for a in trillions} == {"statistic"}
    visits = [
        h
        for h in every.hits
        if h["title"].startswith(("Visit to", "Australian business delegation"))
    ]
    trade = [a for h in visits for a in h["amounts"]]
    assert {a["text"] for a in trade} == {
        "$42 billion",
        "$9.4 billion",
        "$650 billion",
        "$470 billion",
    }
    assert {a["role"] for a in trade} == {"statistic"}
    # With all amounts, as before roles, the G20's $70 trillion gap would lead 2014.
    before = {y.year: y.pounds for y in au.timeline(au.request({"money": ["all"]}))}
    assert before[2014] >= 70 * 10**12


def test_no_statistic_leads_the_largest_sort(au):
    result = au.search(au.request({"sort": ["largest"], "per_page": ["5"]}))
    first = result.hits[0]
    assert (
        _headline(first)["text"] == "$195 billion"
        and "Defence White Paper invests" in _headline(first)["sentence"]
    )
    for hit in result.hits:
        assert (
            max(
                a["value"]
                for a in hit["amounts"]
                if a["currency"] == "AUD" and a["role"] in COUNTED
            )
            == _headline(hit)["value"]
        )
    defence = au.search(au.request({"sort": ["largest"], "q": ["defence"]}))
    assert (
        _headline(defence.hits[0])["text"] == "$195 billion"
    )  # not the keynote's $5.6 trillion of debt


def test_the_amount_filter_leaves_out_beef_weighed_in_pounds(au):
    found = au.search(
        au.request({"min_amount": ["100m"], "max_amount": ["1bn"], "per_page": ["50"]})
    )
    titles = {h["title"] for h in found.hits}
    assert "ELECTORATE TALK" not in titles
    assert "ELECTORATE TALK" in {
        h["title"]
        for h in au.search(
            au.request(
                {
                    "min_amount": ["100m"],
                    "max_amount": ["1bn"],
                    "money": ["all"],
                    "per_page": ["50"],
                }
            )
        ).hits
    }


def test_the_attribution_travels_with_the_cut_down_releases(au):
    assert (
        "Creative Commons Attribution 3.0 Australia"
        in (AU_RELEASES.parent / "README.md").read_text()
    )
    hit = au.search(au.request({"per_page": ["1"]})).hits[0]
    assert hit["licence"] == LICENCE
    assert len(AU_RELEASES.read_text().splitlines()) == 11
    assert all(
        len(json.loads(line)["text"]) < 2000 for line in AU_RELEASES.read_text().splitlines()
    )


def test_the_roles_are_the_ones_documented():
    assert ROLES == ("announced", "cut", "cost", "total", "part", "statistic", "other")


def test_a_programmes_entity_page_carries_its_ledger(web):
    """The entity page (issue 23) shows the ledger (issue 22); its JSON carries the same lines."""
    page = web.get(f"/programme/{FUND}").get_data(as_text=True)
    assert "Money announced: the ledger" in page and "part of £200m" in page
    assert f'href="/programme/{FUND}/ledger.csv"' in page
    entity = web.get(f"/api/programme/{FUND}").get_json()
    alone = web.get(f"/api/programme/{FUND}/ledger").get_json()

    def kinds(ledger):
        return [(line["text"], line["kind"]) for line in ledger["lines"]]

    assert kinds(entity["ledger"]) == kinds(alone) and ("£36m", "part") in kinds(alone)
    assert entity["ledger"]["totals"] == alone["totals"]
    assert "ledger" not in web.get("/api/person/ed-balls").get_json()
