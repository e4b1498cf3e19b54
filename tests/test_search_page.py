"""Issue 15's search page: year ranges, what a count means, boxes that keep the search, wording."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from html import unescape

import pytest

from archive.index.build import build
from archive.web.app import create_app


def facet_item(html: str, facet: str, value: str) -> str:
    """The <a> of one facet value: its box, label, count and link."""
    match = re.search(
        r'<a href="([^"]*)"[^>]*>\s*<span class="box" aria-hidden="true" '
        rf'data-key="{facet}:{value}">(.*?)</a>',
        html,
        re.DOTALL,
    )
    assert match, f"no facet value {facet}:{value}"
    return match.group(0)


def link_of(item: str) -> str:
    return unescape(re.match(r'<a href="([^"]*)"', item).group(1))


def total(html: str) -> int:
    return int(re.search(r'id="result-count"[^>]*>([\d,]+) result', html).group(1).replace(",", ""))


# -- year ranges (item 4) ------------------------------------------------------


def test_years_inside_a_selected_range_are_ticked(client):
    html = client.get("/?year=2010-2013").get_data(as_text=True)
    for year in ("2010", "2013"):
        assert ">☑</span>" in facet_item(html, "year", year)
    for year in ("2009", "2017"):
        assert ">☐</span>" in facet_item(html, "year", year)
    assert "in the years 2010-2013" in unescape(facet_item(html, "year", "2013"))


def test_unticking_a_year_inside_a_range_takes_it_out_of_the_range(client):
    html = client.get("/?year=2010-2013").get_data(as_text=True)
    assert link_of(facet_item(html, "year", "2013")) == "/?year=2010-2012"
    assert link_of(facet_item(html, "year", "2010")) == "/?year=2011-2013"
    narrowed = client.get("/?year=2010-2012").get_data(as_text=True)
    assert total(narrowed) == 2 and ">☐</span>" in facet_item(narrowed, "year", "2013")
    # Ticking a year outside the range adds it beside the range.
    assert link_of(facet_item(html, "year", "2017")) == "/?year=2010-2013&year=2017"


def test_a_range_can_be_typed_in_the_year_box(client):
    html = client.get("/?q=care").get_data(as_text=True)
    form = re.search(r'<form class="range years".*?</form>', html, re.DOTALL).group(0)
    assert '<input type="hidden" name="q" value="care">' in form and 'name="year"' in form
    typed = client.get("/?q=care&year=2010+-+2013").get_data(as_text=True)
    assert total(typed) == client.get("/api/search?q=care&year=2010-2013").get_json()["total"]
    assert 'value="2010-2013"' in re.search(r'<input id="year-range"[^>]*>', typed).group(0)


# -- what a count means (item 5) ---------------------------------------------------


def test_with_a_year_selected_another_year_shows_what_it_adds(client):
    html = client.get("/?year=2017").get_data(as_text=True)
    item = facet_item(html, "year", "2020")
    assert '<span class="count">+2<span class="visually-hidden"> more results' in item
    assert total(client.get(link_of(item)).get_data(as_text=True)) == total(html) + 2
    # A document has one financial year and one government too; but several departments.
    html = client.get("/?financial_year=2009-10").get_data(as_text=True)
    item = facet_item(html, "financial_year", "2019-20")
    assert '<span class="count">+2<span' in item
    assert total(client.get(link_of(item)).get_data(as_text=True)) == total(html) + 2
    assert '<span class="count">+' in facet_item(
        client.get("/?government=uk-brown").get_data(as_text=True), "government", "uk-may"
    )
    assert '<span class="count">+' not in client.get("/?department=dfe").get_data(as_text=True)
    # Without a year selected a count is what clicking gives: no "+".
    plain = facet_item(client.get("/").get_data(as_text=True), "year", "2020")
    assert '<span class="count">2<span class="visually-hidden"> results' in plain


# -- boxes that keep the search (item 6) -------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/?q=care&page=",
        "/api/search?q=care&page=",
        "/search.csv?page=&per_page=",
        "/feed.atom?q=care&page=",
    ],
)
def test_an_empty_page_is_ignored_like_other_empty_parameters(client, url):
    assert client.get(url).status_code == 200


def test_amounts_in_words_are_read(client):
    html = client.get("/?min_amount=5+million&max_amount=2+billion").get_data(as_text=True)
    assert "at least 5,000,000" in html and "at most 2,000,000,000" in html


def test_an_unreadable_minimum_keeps_the_search_and_marks_the_box(client):
    response = client.get("/?q=care&year=2017&min_amount=five+million")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert total(html) == client.get("/api/search?q=care&year=2017").get_json()["total"] > 0
    assert 'value="care"' in re.search(r'<input id="q"[^>]*>', html).group(0)
    assert "Year: 2017" in html
    box = re.search(r'<input id="min_amount"[^>]*>', html).group(0)
    assert 'value="five million"' in box and 'aria-invalid="true"' in box and "amount-error" in box
    assert "The minimum &#39;five million&#39; is not an amount" in html
    assert 'href="#min_amount"' in html
    # The API and the downloads still refuse it: a program wants an error, not a guess.
    assert client.get("/api/search?min_amount=five+million").status_code == 400


def test_a_maximum_below_the_minimum_marks_the_maximum(client):
    response = client.get("/?min_amount=10m&max_amount=1m")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'aria-invalid="true"' in re.search(r'<input id="max_amount"[^>]*>', html).group(0)
    assert 'value="10000000"' in re.search(r'<input id="min_amount"[^>]*>', html).group(0)
    assert "at least 10,000,000" in html and "The maximum is smaller than the minimum" in html


def test_an_unreadable_year_keeps_the_search(client):
    response = client.get("/?q=care&department=dfe&year=abc")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert total(html) == client.get("/api/search?q=care&department=dfe").get_json()["total"]
    assert "Department: DfE" in html
    assert (
        "year must be a year such as 2013 or a range such as 2010-2013, not 'abc'. These results "
        "are without it." in unescape(html)
    )
    box = re.search(r'<input id="year-range"[^>]*>', html).group(0)
    assert 'value="abc"' in box and 'aria-invalid="true"' in box and 'href="#year-range"' in html


def test_an_impossible_date_keeps_the_search_and_marks_its_box(client):
    response = client.get("/?q=care&from=2010-01-01&to=2013-02-30")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert total(html) == client.get("/api/search?q=care&from=2010-01-01").get_json()["total"]
    assert 'aria-invalid="true"' in re.search(r'<input id="to"[^>]*>', html).group(0)
    assert "aria-invalid" not in re.search(r'<input id="from"[^>]*>', html).group(0)
    assert "to &#39;2013-02-30&#39; has no day 30" in html and 'href="#to"' in html


def test_a_narrow_screen_has_a_link_to_the_filters(client):
    html = client.get("/?q=care&year=2017").get_data(as_text=True)
    assert (
        '<p class="to-filters"><a href="#filters-title">Filter results (1 applied)</a></p>' in html
    )
    assert html.index('class="to-filters"') < html.index('class="hits"')


# -- the archive's own words (item 6) ----------------------------------------------


def test_the_predecessor_hint_comes_from_the_registry(client):
    html = client.get("/").get_data(as_text=True)
    assert "Include predecessor departments (DfE takes in DCSF)" in html


def test_an_archive_of_another_country_speaks_of_itself(tmp_path, corpus_dir):
    root = tmp_path / "au"
    root.mkdir()
    shutil.move(str(corpus_dir), root / "corpus")
    # A registry without predecessors: the option would do nothing, so it is not offered.
    (root / "corpus" / "departments.yaml").write_text(
        "pmc:\n  name: Department of the Prime Minister and Cabinet\n  short: PM&C\n"
    )
    (root / "corpus" / "programmes.yaml").write_text("{}\n")
    (root / "corpus" / "people.yaml").write_text("{}\n")
    for path in (root / "corpus").glob("*.md"):
        text = re.sub(r"departments: \[[^\]]*\]", "departments: []", path.read_text())
        path.write_text(re.sub(r"programmes: \[[^\]]*\]", "programmes: []", text))
    (root / "archive.toml").write_text(
        'SITE_NAME = "Australian Releases"\nTAGLINE = "Prime ministers\' media releases since '
        '1956"\n'
        'SUBJECT = "Australian prime ministers\' media releases"\n'
    )
    report = build(root / "corpus", root / "index")
    assert not report.errors, report.errors
    client = create_app({"TESTING": True, "ROOT": str(root)}).test_client()
    html = unescape(client.get("/").get_data(as_text=True))
    assert '<h1 class="page-title">Search Australian prime ministers\' media releases</h1>' in html
    assert '<a class="brand" href="/">Australian Releases</a>' in html
    assert "Prime ministers' media releases since 1956" in html
    assert "UK" not in html and "Policy Archive" not in html and "predecessor" not in html
    assert "Policy Archive" not in unescape(
        client.get("/doc/2013-pooled-budget-for-health-and-social-care-agreed").get_data(
            as_text=True
        )
    )
    feed = ET.fromstring(client.get("/feed.atom").get_data())
    assert (
        feed.find("{http://www.w3.org/2005/Atom}title").text
        == "Australian Releases: all announcements"
    )
    bib = client.get("/search.bib?q=budget")
    assert bib.get_data(as_text=True).startswith("% Exported from Australian Releases on ")
    assert (
        bib.headers["Content-Disposition"]
        == 'attachment; filename="australian-releases-budget.bib"'
    )
    assert "department:pmc" in html and "department:dfe" not in html
    opensearch = client.get("/opensearch.xml").get_data(as_text=True)
    assert "<ShortName>Australian</ShortName>" in opensearch and "UK" not in opensearch
