"""Searches that can be rerun: answers name their build, kept builds answer, pruned ones 410."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlsplit

import lxml.html
from click.testing import CliRunner

from archive.cli import main
from archive.index import generations
from archive.index.build import build
from archive.web.app import create_app
from tests.test_build import write_doc


def answer(client, query: str) -> dict:
    found = client.get(f"/api/search?{query}").get_json()
    return {
        "total": found["total"],
        "ids": [r["id"] for r in found["results"]],
        "facets": found["facets"],
    }


def test_a_search_on_a_replaced_build_answers_from_it_as_before(built, corpus_dir, index_dir):
    client = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)}).test_client()
    before = answer(client, "q=social+care&per_page=50")
    page = lxml.html.fromstring(
        client.get("/?q=social+care&year=2013-2020&sort=newest").get_data(as_text=True)
    )
    box = page.cssselect("#cite-search")[0]
    assert box.cssselect("code.exact-query")[0].text_content() == "social care"
    assert box.cssselect("dd.filters")[0].text_content() == "Year: 2013-2020"
    assert "newest first" in box.text_content() and box.cssselect("code.build-id")[0].text_content()
    page = lxml.html.fromstring(client.get("/?q=social+care").get_data(as_text=True))
    permalink = page.cssselect("a.search-permalink")[0].get("href")
    old = generations.build_info(generations.current(index_dir))["id"]
    assert f"build={old.replace(':', '%3A')}" in permalink
    for n in range(3):
        write_doc(
            corpus_dir, f"more-social-care-{n}", f"More social care {n}", "Social care money."
        )
    (corpus_dir / "2013-pooled-budget-for-health-and-social-care-agreed.md").unlink()
    build(corpus_dir, index_dir)
    now = answer(client, "q=social+care&per_page=50")
    assert now != before and now["total"] == before["total"] + 2
    rerun = client.get(permalink.replace("http://localhost", "") + "&per_page=50")
    assert rerun.status_code == 200
    assert answer(client, f"q=social+care&per_page=50&build={old}") == before
    rerun_page = lxml.html.fromstring(rerun.get_data(as_text=True))
    # Sorting, a facet or the next page from the kept build's answer stays on that build.
    assert rerun_page.cssselect('form.sort input[name="build"]')[0].get("value") == old
    facet_link = rerun_page.cssselect("section.facet a")[0].get("href")
    assert f"build={old.replace(':', '%3A')}" in facet_link
    hits = [urlsplit(a.get("href")) for a in rerun_page.cssselect("li.hit h3 a")]
    assert [h.path.rsplit("/", 1)[1] for h in hits] == before["ids"]
    # A hit read from the kept build opens as that build holds it, even one since removed.
    assert all(parse_qs(h.query)["build"] == [old] for h in hits)
    removed = "2013-pooled-budget-for-health-and-social-care-agreed"
    gone = next(h for h in hits if h.path.endswith(removed))
    assert client.get(gone.path).status_code == 404
    assert client.get(f"{gone.path}?{gone.query}").status_code == 200
    filtered = lxml.html.fromstring(
        client.get(f"/?q=social+care&year=2013&build={old}").get_data(as_text=True)
    )
    clear = filtered.xpath("//a[text()='Clear all filters']")[0].get("href")
    assert parse_qs(urlsplit(clear).query) == {"q": ["social care"], "build": [old]}
    assert f"on archive build {old} (13 documents)" in rerun.get_data(as_text=True)


def test_every_answer_and_export_names_its_build(built, index_dir):
    client = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)}).test_client()
    build_id = generations.build_info(generations.current(index_dir))["id"]
    line = re.compile(
        rf"Searched \d{{4}}-\d\d-\d\d on archive build {re.escape(build_id)} \(13 documents\)"
    )
    page = client.get("/?q=social").get_data(as_text=True)
    assert line.search(lxml.html.fromstring(page).cssselect(".searched-on")[0].text_content())
    api = client.get("/api/search?q=social").get_json()
    assert (
        api["build"]["id"] == build_id
        and api["build"]["documents"] == 13
        and line.fullmatch(api["build"]["text"])
    )
    assert (
        client.get("/api/doc/2013-pooled-budget-for-health-and-social-care-agreed").get_json()[
            "build"
        ]["id"]
        == build_id
    )
    rows = list(
        csv.DictReader(io.StringIO(client.get("/search.csv?q=social").get_data(as_text=True)))
    )
    assert rows and all(line.fullmatch(row["searched"]) for row in rows)
    ris = client.get("/search.ris?q=social").get_data(as_text=True)
    assert ris.count("ER  - ") == len(rows) == len(re.findall(r"N1  - " + line.pattern, ris))
    bib = client.get("/search.bib?q=social")
    assert (
        line.search(bib.get_data(as_text=True).splitlines()[1])
        and bib.headers["Archive-Build"] == build_id
    )
    assert line.search(client.get("/feed.atom?q=social").get_data(as_text=True))


def test_a_pruned_build_answers_410_with_the_current_one(built, corpus_dir, index_dir):
    client = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)}).test_client()
    first = generations.build_info(generations.current(index_dir))["id"]
    for n in range(2):
        write_doc(corpus_dir, f"extra-{n}", f"Extra {n}", "Text.")
        build(corpus_dir, index_dir, keep=2)
    assert len(generations.kept_builds(index_dir)) == 2
    response = client.get(f"/?q=social&year=2013&build={first}")
    assert response.status_code == 410
    current = (
        lxml.html.fromstring(response.get_data(as_text=True))
        .cssselect("a.current-build")[0]
        .get("href")
    )
    assert current == "http://localhost/?q=social&year=2013"
    assert client.get(current).status_code == 200
    api = client.get(f"/api/search?q=social&build={first}")
    assert api.status_code == 410 and api.get_json()["status"] == 410
    assert "http://localhost/api/search?q=social" in api.get_json()["error"]
    assert client.get(f"/search.csv?q=social&build={first}").status_code == 410


def test_keep_builds_is_read_from_archive_toml(tmp_path):
    runner = CliRunner()
    root = tmp_path / "archive"
    assert runner.invoke(main, ["init", str(root)]).exit_code == 0
    (root / "archive.toml").write_text("KEEP_BUILDS = 2\n", "utf-8")
    for n in range(4):
        write_doc(root / "corpus", f"doc-{n}", f"Doc {n}", "Text.")
        assert runner.invoke(main, ["--root", str(root), "build"]).exit_code == 0
    assert len(list((root / "index").glob("gen-*"))) == 2
    (root / "archive.toml").write_text("KEEP_BUILDS = 0\n", "utf-8")
    refused = runner.invoke(main, ["--root", str(root), "build"])
    assert refused.exit_code != 0 and "KEEP_BUILDS" in refused.output


def test_a_build_that_is_not_a_build_id_is_a_400_that_does_not_echo_it(client):
    for path in (
        "/?q=x&build=<script>",
        "/search.ris?build=%0AER%20%20-",
        "/api/search?build=yesterday",
    ):
        response = client.get(path)
        assert response.status_code == 400, path
        assert "<script>" not in response.get_data(
            as_text=True
        ) and "yesterday" not in response.get_data(as_text=True)
