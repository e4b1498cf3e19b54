"""Entity pages and their JSON: every department, programme, person and government."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest

from archive.corpus.registry import Registry
from archive.index.build import build
from archive.web.app import create_app

SHIPPED = Path(__file__).parent.parent / "corpus"
SEED_2010 = "2010-03-17-frontline-social-work-to-be-transformed"
REGISTRY = Registry.load(SHIPPED)
ENTRIES = (
    [("department", k) for k in REGISTRY.departments]
    + [("programme", k) for k in REGISTRY.programmes]
    + [("person", k) for k in REGISTRY.people]
    + [("government", k) for k in REGISTRY.governments]
)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    index = tmp_path_factory.mktemp("entities") / "index"
    assert not build(SHIPPED, index).errors
    return create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()


def test_every_registry_entry_has_a_page_and_json(seeds):
    for kind, key in ENTRIES:
        page = seeds.get(f"/{kind}/{key}")
        assert page.status_code == 200, (kind, key)
        html = unescape(page.get_data(as_text=True))
        data = seeds.get(f"/api/{kind}/{key}").get_json()
        assert data["kind"] == kind and data["key"] == key and f"<h1>{data['name']}</h1>" in html
        for link in ("search", "feed", "json"):
            assert data["links"][link].removeprefix("http://localhost") in html, (kind, key, link)
    assert len(ENTRIES) > 150


def test_a_persons_page_lists_roles_neighbours_and_documents(seeds):
    data = seeds.get("/api/person/ed-balls").get_json()
    assert data["names"] == ["Edward Balls", "Mr Balls"]
    role = data["lineage"]["roles"][0]
    assert (role["title"], role["start"], role["end"]) == (
        "Secretary of State for Children, Schools and Families",
        "2007-06-28",
        "2010-05-11",
    )
    assert (
        role["department"]["key"] == "dcsf"
        and role["predecessor"] is None
        and role["successor"] is None
    )
    assert role["while_in_office"].endswith(
        "/?department=dcsf&from=2007-06-28&to=2010-05-11&sort=newest"
    )
    assert [d["id"] for d in data["documents"]["newest"]] == [SEED_2010]
    assert data["documents"]["by_year"] == [
        {
            "year": 2010,
            "documents": 1,
            "money": 200_000_000,
            "currency": "GBP",
            "money_text": "£200m",
            "search": "http://localhost/?q=person%3Aed-balls&year=2010&sort=newest",
        }
    ]
    html = seeds.get("/person/ed-balls").get_data(as_text=True)
    assert f'href="http://localhost/doc/{SEED_2010}"' in html
    assert 'href="http://localhost/department/dcsf"' in html


def test_while_in_office_finds_what_the_department_announced_then(seeds):
    role = seeds.get("/api/person/ed-balls").get_json()["lineage"]["roles"][0]
    found = seeds.get("/api/search?" + role["while_in_office"].split("?", 1)[1]).get_json()
    assert [r["id"] for r in found["results"]] == [SEED_2010]


def test_a_department_page_shows_its_lineage_and_office_holders(seeds):
    data = seeds.get("/api/department/dcsf").get_json()
    assert [d["key"] for d in data["lineage"]["predecessors"]] == ["dfes"]
    assert [d["key"] for d in data["lineage"]["successors"]] == ["dfe"]
    assert [(r["person"]["key"], r["title"]) for r in data["lineage"]["office_holders"]] == [
        ("ed-balls", "Secretary of State for Children, Schools and Families"),
        ("beverley-hughes", "Minister of State for Children, Young People and Families"),
        ("dawn-primarolo", "Minister of State for Children, Young People and Families"),
    ]
    assert data["documents"]["total"] == 1 and data["sources"]


def test_a_government_page_names_its_prime_minister_and_neighbours(seeds):
    data = seeds.get("/api/government/uk-brown").get_json()
    assert [r["person"]["key"] for r in data["lineage"]["prime_ministers"]] == ["gordon-brown"]
    assert data["lineage"]["predecessors"][0]["key"] == "uk-blair"
    assert data["lineage"]["successors"][0]["key"] == "uk-cameron-clegg"
    assert [d["id"] for d in data["documents"]["newest"]] == [SEED_2010]


@pytest.mark.parametrize(
    "path",
    [
        "/person/nobody",
        "/department/DCSF",
        "/api/programme/x",
        "/people/ed-balls",
        "/person/..%2f..%2fetc",
        "/api/person/%00",
    ],
)
def test_an_unknown_entity_is_a_404(seeds, path):
    answer = seeds.get(path)
    assert answer.status_code == 404
    if path.startswith("/api/"):
        assert "error" in answer.get_json()


def test_names_on_a_document_page_and_in_facets_link_to_their_pages(seeds):
    html = seeds.get(f"/doc/{SEED_2010}").get_data(as_text=True)
    for href in (
        "/person/ed-balls",
        "/department/dcsf",
        "/programme/social-work-reform",
        "/programme/local-social-work-improvement-fund",
    ):
        assert f'href="{href}"' in html, href
    assert "children’s secretary Ed Balls has announced." in unescape(html)
    search = seeds.get("/").get_data(as_text=True)
    for href in (
        "/person/ed-balls",
        "/person/edward-timpson",
        "/department/dcsf",
        "/government/uk-brown",
        "/programme/social-work-reform",
    ):
        assert f'class="page-link" href="{href}"' in search, href
    results = seeds.get("/?q=frontline").get_data(as_text=True)
    assert 'announced by <a href="/person/ed-balls">Ed Balls</a>' in results
    assert (
        '<a href="/department/dcsf"><abbr title="Department for Children, Schools and Families">'
        in results
    )
    api = seeds.get(f"/api/doc/{SEED_2010}").get_json()
    assert api["announced_by"]["links"]["html"] == "http://localhost/person/ed-balls"
