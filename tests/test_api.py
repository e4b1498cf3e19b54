"""The JSON API, OpenSearch, and bad input on every URL of the front end."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest

DOC = "2017-03-20-eleven-projects-share-new-round-of-innovation-funding"


def test_api_search_answers_the_query_and_how_it_was_read(client):
    answer = client.get("/api/search?q=social+AND+care&year=2017").get_json()
    assert answer["query"] == {
        "q": "social AND care",
        "reading": "social AND care",
        "notice": None,
        "most_words": None,
        "suggestion": None,
    }
    assert (
        answer["total"] == 2
        and answer["page"] == 1
        and answer["page_size"] == 10
        and answer["pages"] == 1
    )
    assert answer["sort"] == "relevance"
    assert {r["id"] for r in answer["results"]} == {
        DOC,
        "2017-11-14-what-works-centre-for-childrens-social-care-launched",
    }


def test_api_search_result_fields(client):
    answer = client.get("/api/search?q=eleven+projects").get_json()
    hit = answer["results"][0]
    assert hit["id"] == DOC
    assert hit["title"] == "Eleven projects share new round of innovation funding"
    assert (hit["date"], hit["precision"], hit["year"]) == ("2017-03-20", "day", 2017)
    assert hit["source"] == "Children's Services Weekly" and hit["url"] is None
    assert hit["departments"] == [{"key": "dfe", "name": "Department for Education"}]
    assert hit["programmes"] == [
        {"key": "innovation-programme", "name": "Children's Social Care Innovation Programme"}
    ]
    # The round's £36m, which the release then shares out among its projects: money announced,
    # read as their total (its hand label in bench/money_roles.csv).
    assert hit["amounts"][0] == {
        "value": 36000000,
        "currency": "GBP",
        "text": "£36m",
        "role": "total",
    }
    assert "<mark>" in hit["snippet"]
    assert hit["links"] == {
        "html": f"http://localhost/doc/{DOC}",
        "json": f"http://localhost/api/doc/{DOC}",
    }


def test_api_search_facets_have_value_label_count_selected(client):
    facets = client.get("/api/search?department=dfe").get_json()["facets"]
    assert set(facets) == {
        "year",
        "financial_year",
        "government",
        "department",
        "programme",
        "announced_by",
        "amount",
    }
    assert {"value": "dfe", "label": "DfE", "count": 7, "selected": True} in facets["department"]
    assert {"value": "dcsf", "label": "DCSF", "count": 3, "selected": False} in facets["department"]
    assert {
        "value": "eur:1m-10m",
        "label": "€1m–€10m",
        "count": 1,
        "selected": False,
    } not in facets["amount"]
    # dfe's £1bn and over: doc 13's £1bn announced; doc
    # 10's £1.5bn is what councils spend (a statistic)
    assert {"value": "1bn-plus", "label": "£1bn and over", "count": 1, "selected": False} in facets[
        "amount"
    ]
    every = client.get("/api/search?department=dfe&money=all").get_json()["facets"]
    assert {"value": "1bn-plus", "label": "£1bn and over", "count": 2, "selected": False} in every[
        "amount"
    ]


@pytest.mark.parametrize(
    "params",
    [
        "",
        "q=care",
        "q=care&year=2010-2017&sort=oldest",
        "department=dfe&predecessors=1",
        "amount=under-1m&amount=1bn-plus",
        "min_amount=5m&max_amount=100m",
        "programme=innovation+fund",
        "q=%22social+work%22&per_page=3&page=2",
    ],
)
def test_api_and_page_agree_on_every_parameter(client, params):
    answer = client.get(f"/api/search?{params}").get_json()
    html = client.get(f"/?{params}").get_data(as_text=True)
    shown = int(
        re.search(r'id="result-count"[^>]*>([\d,]+) result', html).group(1).replace(",", "")
    )
    assert answer["total"] == shown
    assert [r["id"] for r in answer["results"]] == re.findall(
        r'<h3><a href="/doc/([a-z0-9-]+)">', html
    )


def test_api_pages_link_to_each_other(client):
    first = client.get("/api/search?per_page=5").get_json()
    assert first["pages"] == 3 and "previous" not in first["links"]
    assert first["links"]["next"] == "http://localhost/api/search?page=2&per_page=5"
    last = client.get("/api/search?per_page=5&page=3").get_json()
    assert len(last["results"]) == 3 and "next" not in last["links"]
    assert last["links"]["csv"] == "http://localhost/search.csv?per_page=5"


def test_api_document_has_its_body(client):
    answer = client.get(f"/api/doc/{DOC}").get_json()
    assert answer["id"] == DOC and answer["type"] == "news"
    assert answer["body"].strip().startswith("The Department for Education has awarded £36m")
    assert answer["organisations"] == ["Family Rights Group"]
    assert answer["amounts"][1]["sentence"].startswith("The largest grant, £4.5 million")


@pytest.mark.parametrize(
    "url, status, message",
    [
        ("/api/search?year=abc", 400, "year must be a year such as 2013"),
        ("/api/search?page=1000000000", 400, "page must be a whole number from 1 to 1000"),
        ("/api/search?amount=-5", 400, "amount must be a band"),
        ("/api/search?min_amount=-5", 400, "min_amount must be an amount"),
        ("/api/search?department=dfee", 400, "did you mean 'dfe'?"),
        ("/api/doc/no-such-doc", 404, "There is no document 'no-such-doc'"),
        ("/api/doc/..%2F..%2Fetc%2Fpasswd", 404, "There is nothing at"),
        ("/api/doc/UPPER", 404, "a document id is lower-case letters"),
        ("/api/nowhere", 404, "The API answers at /api/search"),
    ],
)
def test_api_errors_are_json(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert response.mimetype == "application/json"
    assert message in response.get_json()["error"]


def test_api_escapes_nothing_it_need_not_and_runs_nothing(client):
    answer = client.get("/api/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").get_json()
    assert answer["query"]["q"] == "<script>alert(1)</script>"  # JSON is data: the consumer escapes
    assert client.get("/api/search?q=x").headers["Content-Type"] == "application/json"


HOSTILE = [
    "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "year=abc",
    "year=%3Cscript%3E",
    "page=1000000000",
    "page=-1",
    "amount=-5",
    "min_amount=-5",
    "max_amount=abc",
    "per_page=101",
    "sort=%3Cimg%20src%3Dx%3E",
    "department=%3Cscript%3E",
    "programme=..%2F..%2Fetc",
    "q=%00%01%ff",
    "q=" + "a" * 5000,
]


@pytest.mark.parametrize(
    "path", ["/", "/api/search", "/search.csv", "/search.ris", "/search.bib", "/feed.atom"]
)
@pytest.mark.parametrize("query", HOSTILE)
def test_no_hostile_parameter_gets_a_500_or_reaches_a_page_unescaped(client, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code in (200, 400), response.get_data(as_text=True)[:300]
    body = response.get_data(as_text=True)
    assert "Traceback" not in body
    if path == "/" or (path == "/feed.atom"):
        assert "<script>" not in body and "<img src=x>" not in body
    if path == "/feed.atom":
        ET.fromstring(response.get_data())  # still well-formed XML
    if response.status_code == 400 and path == "/api/search":
        assert set(response.get_json()) >= {"error"}


@pytest.mark.parametrize(
    "url",
    [
        "/doc/..%2F..%2Fetc%2Fpasswd",
        "/doc/%2e%2e",
        "/doc/a%00b",
        "/doc/x.bib%00",
        "/api/doc/%3Cscript%3E",
        "/doc/" + "a" * 300,
        "/static/..%2F..%2Fsetup.cfg",
    ],
)
def test_paths_from_urls_never_reach_the_file_system(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "[metadata]" not in response.get_data(as_text=True)


def test_opensearch_description(client):
    response = client.get("/opensearch.xml")
    assert response.mimetype == "application/opensearchdescription+xml"
    root = ET.fromstring(response.get_data())
    ns = "{http://a9.com/-/spec/opensearch/1.1/}"
    assert root.findtext(f"{ns}ShortName") == "Policy Archive"
    templates = {u.get("type"): u.get("template") for u in root.findall(f"{ns}Url")}
    assert templates["text/html"] == "http://localhost/?q={searchTerms}"
    assert templates["application/atom+xml"] == "http://localhost/feed.atom?q={searchTerms}"
    html = client.get("/").get_data(as_text=True)
    assert (
        '<link rel="search" type="application/opensearchdescription+xml" title="Policy Archive" '
        'href="/opensearch.xml">' in html
    )


def test_opensearch_template_searches(client):
    html = client.get("/?q=lighthouse").get_data(as_text=True)
    assert "1 result for" in unescape(html)
