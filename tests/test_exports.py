"""Whole result sets as CSV, RIS and BibTeX, and searches as Atom feeds, via the Flask client."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest

from archive.web.export import CSV_COLUMNS, neutralise

ATOM = "{http://www.w3.org/2005/Atom}"


def rows(client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def api_ids(client, params: str) -> list[str]:
    """Every id of a search, page by page through the API, in order."""
    ids, url = [], f"/api/search?{params}&per_page=4"
    while url:
        answer = client.get(url).get_json()
        ids += [r["id"] for r in answer["results"]]
        url = answer["links"].get("next", "").replace("http://localhost", "")
    return ids


def test_the_csv_of_an_empty_query_has_one_row_per_document(client):
    found = rows(client, "/search.csv")
    assert len(found) == 13 == client.get("/api/search").get_json()["total"]
    assert len({row["id"] for row in found}) == 13
    assert list(found[0]) == list(CSV_COLUMNS)


def test_the_csv_holds_the_whole_result_set_in_the_search_order(client):
    # Page 1 of 10 on screen, but the export is all of it, in the same order as the pages.
    assert [row["id"] for row in rows(client, "/search.csv?q=care&page=2&per_page=3")] == api_ids(
        client, "q=care"
    )
    assert [row["id"] for row in rows(client, "/search.csv?sort=largest")] == api_ids(
        client, "sort=largest"
    )
    assert len(rows(client, "/search.csv?year=2017&department=dfe")) == 2


def test_a_csv_row_has_every_field_readably(client):
    row = {r["id"]: r for r in rows(client, "/search.csv")}[
        "2017-03-20-eleven-projects-share-new-round-of-innovation-funding"
    ]
    assert row["title"] == "Eleven projects share new round of innovation funding"
    assert row["date"] == "2017-03-20" and row["date_precision"] == "day" and row["year"] == "2017"
    assert row["source"] == "Children's Services Weekly" and row["type"] == "news"
    assert row["departments"] == "Department for Education" and row["department_keys"] == "dfe"
    assert row["programmes"] == "Children's Social Care Innovation Programme"
    assert row["organisations"] == "Family Rights Group"
    assert (
        row["amounts"]
        == "£36m (36,000,000 GBP); £4.5 million (4,500,000 GBP); £100,000 (100,000 GBP)"
    )
    assert row["amount_values"] == "36000000 GBP; 4500000 GBP; 100000 GBP"
    assert row["largest_amount_gbp"] == "36000000"
    assert (
        row["permalink"]
        == "http://localhost/doc/2017-03-20-eleven-projects-share-new-round-of-innovation-funding"
    )


def test_a_csv_row_for_a_month_dated_document_with_two_departments(client):
    row = {r["id"]: r for r in rows(client, "/search.csv")}[
        "2009-11-lighthouse-family-centres-to-open-in-coastal-towns"
    ]
    assert row["date"] == "2009-11" and row["date_precision"] == "month"
    assert (
        row["departments"] == "Department for Children, Schools and Families; Department of Health"
    )
    assert row["department_keys"] == "dcsf dh"


def test_exports_are_streamed_and_named(client):
    response = client.get("/search.csv?q=social+work")
    assert response.is_streamed
    assert (
        response.headers["Content-Disposition"]
        == 'attachment; filename="policy-archive-social-work.csv"'
    )
    hostile = client.get("/search.csv?q=%22%3B%0D%0Aevil%3D1%20..%2F..%2F")
    assert (
        hostile.headers["Content-Disposition"] == 'attachment; filename="policy-archive-evil-1.csv"'
    )


@pytest.mark.parametrize(
    "cell, safe",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("£5m", "£5m"),
        ("", ""),
        (None, ""),
        (2017, "2017"),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_neutralised(cell, safe):
    assert neutralise(cell) == safe


def test_a_hostile_document_is_neutralised_in_the_csv(tmp_path, corpus_dir):
    from archive.index.build import build
    from archive.web.app import create_app

    (corpus_dir / "hostile.md").write_text(
        '---\ntitle: "=cmd|\' /C calc\'!A0"\ndate: "2020"\nsource: "@Evil"\nsummary: '
        '"-2+3"\n---\nText.\n'
    )
    build(corpus_dir, tmp_path / "index")
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")}).test_client()
    row = {r["id"]: r for r in rows(client, "/search.csv")}["hostile"]
    assert row["title"] == "'=cmd|' /C calc'!A0"
    assert row["source"] == "'@Evil" and row["summary"] == "'-2+3"


def test_the_search_page_links_to_the_exports_of_its_whole_result_set(client):
    html = client.get("/?q=care&year=2017&page=1").get_data(as_text=True)
    for path in ("/search.csv", "/search.ris", "/search.bib"):
        assert f'<a href="{path}?q=care&amp;year=2017" download>' in html


def test_ris_and_bibtex_hold_the_whole_result_set(client):
    total = client.get("/api/search?q=care").get_json()["total"]
    ris = client.get("/search.ris?q=care")
    assert ris.mimetype == "application/x-research-info-systems"
    text = ris.get_data(as_text=True)
    assert text.count("TY  - ") == text.count("ER  - ") == total
    bib = client.get("/search.bib?q=care").get_data(as_text=True)
    keys = re.findall(r"^@\w+\{([^,]+),$", bib, re.MULTILINE)
    assert len(keys) == total
    assert len(set(keys)) == total  # same source, year and first word get a, b, c


def test_bibtex_keys_are_made_unique_with_letters(client):
    bib = client.get("/search.bib?year=2020").get_data(as_text=True)
    keys = re.findall(r"^@\w+\{([^,]+),$", bib, re.MULTILINE)
    assert len(keys) == 2 and len(set(keys)) == 2


# -- the Atom feed ---------------------------------------------------------


def feed(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    return ET.fromstring(response.get_data())


def test_the_feed_lists_matching_documents_newest_first(client):
    root = feed(client, "/feed.atom?q=care&sort=oldest")
    entries = root.findall(f"{ATOM}entry")
    total = client.get("/api/search?q=care").get_json()["total"]
    assert len(entries) == total
    published = [e.findtext(f"{ATOM}published") for e in entries]
    assert published == sorted(published, reverse=True)
    assert root.findtext(f"{ATOM}updated") == published[0]
    first = entries[0]
    assert (
        first.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("http://localhost/doc/")
    )
    assert first.findtext(f"{ATOM}id") == first.find(f"{ATOM}link[@rel='alternate']").get("href")
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert "q=care" in self_link and "sort=newest" in self_link


def test_the_feed_follows_the_filters(client):
    root = feed(client, "/feed.atom?department=dfe&year=2017")
    assert [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")] == [
        "What works centre for children's social care launched",
        "Eleven projects share new round of innovation funding",
    ]
    assert (
        root.findtext(f"{ATOM}title")
        == "Policy Archive: all announcements (Year: 2017; Department: DfE)"
    )
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}category").get("term") == "dfe"
    assert entry.findtext(f"{ATOM}summary").endswith("Amounts: £20m, $190 million.")


def test_the_search_page_announces_its_feed(client):
    html = client.get("/?q=care&department=dfe").get_data(as_text=True)
    link = re.search(
        r'<link rel="alternate" type="application/atom\+xml" title="([^"]+)" href="([^"]+)">', html
    )
    assert link, "no feed link in the head"
    assert unescape(link.group(2)) == "/feed.atom?q=care&department=dfe&sort=newest&per_page=50"
    assert len(feed(client, unescape(link.group(2))).findall(f"{ATOM}entry")) == 6


def test_hostile_text_in_a_feed_is_escaped(client):
    root = feed(client, "/feed.atom?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%01%26")
    assert (
        root.findtext(f"{ATOM}title") == "Policy Archive: <script>alert(1)</script>&"
    )  # text, not markup


# -- errors in the form that was asked for ----------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "page=1000000000",
        "amount=-5",
        "min_amount=-5",
        "department=%3Cscript%3E",
        "sort=%3Cscript%3E",
        "per_page=0",
        "year=2015-2010",
    ],
)
def test_bad_parameters_answer_400_in_each_format(client, query):
    csv_answer = client.get(f"/search.csv?{query}")
    assert csv_answer.status_code == 400 and csv_answer.mimetype == "text/csv"
    header, message = list(csv.reader(io.StringIO(csv_answer.get_data(as_text=True))))
    assert header == ["error"] and len(message[0]) > 10
    atom = client.get(f"/feed.atom?{query}")
    assert atom.status_code == 400 and atom.mimetype == "application/atom+xml"
    subtitle = ET.fromstring(atom.get_data()).findtext(f"{ATOM}subtitle")
    assert subtitle == message[0].lstrip("'")
    for path in ("/search.ris", "/search.bib"):
        answer = client.get(f"{path}?{query}")
        assert answer.status_code == 400 and answer.mimetype == "text/plain"
        assert answer.get_data(as_text=True).startswith("Error 400: ")
    assert "<script>" not in atom.get_data(as_text=True)  # escaped as XML
    # CSV and plain text quote by their own rules; browsers must not sniff them as HTML.
    assert csv_answer.headers["X-Content-Type-Options"] == "nosniff"


def test_the_bibtex_header_cannot_open_an_entry(client):
    bib = client.get("/search.bib?q=x%0A@misc{evil,%20title={a}}").get_data(as_text=True)
    header = bib.split("\n")[0]
    assert header.startswith("% Exported from Policy Archive on ")
    assert "@" not in header and "{" not in header and "\r" not in header
    assert re.findall(r"^@", bib, re.MULTILINE) == []  # and the query matched nothing


def test_the_csv_largest_amount_counts_money_announced_unless_all_amounts_are_asked(client):
    # The 2019 release quotes a £1.5bn statistic (what residential care costs councils) and
    # announces £900,000: the page, the filters and the timeline count the £900,000 by default.
    doc = "2019-05-14-evidence-centre-to-study-the-cost-of-residential-care"
    announced = {r["id"]: r for r in rows(client, "/search.csv")}[doc]
    assert announced["largest_amount_gbp"] == "900000"
    every = {r["id"]: r for r in rows(client, "/search.csv?money=all")}[doc]
    assert every["largest_amount_gbp"] == "1500000000"
    # A document with no money announced has no largest amount announced, but one of all amounts.
    cuts = "2009-11-lighthouse-family-centres-to-open-in-coastal-towns"
    assert {r["id"]: r for r in rows(client, "/search.csv")}[cuts]["largest_amount_gbp"] == ""
    assert {r["id"]: r for r in rows(client, "/search.csv?money=all")}[cuts][
        "largest_amount_gbp"
    ] == "3200000"
    # The real-terms column follows the same choice.
    assert announced["largest_amount_gbp_real"] != every["largest_amount_gbp_real"]
