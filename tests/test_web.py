"""The web front end through Flask's test client, on a real index."""

from __future__ import annotations

import re
from html import unescape

import pytest

DOC = "2015-06-30-mockingbird-fostering-model-wins-european-backing"


def result_ids(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/doc/([a-z0-9-]+)">', html)


def test_the_search_page_lists_everything(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "13 results" in html
    assert len(result_ids(html)) == 10
    assert 'name="q"' in html


def test_a_query_finds_its_document_with_a_marked_snippet(client):
    html = client.get("/?q=mockingbird").get_data(as_text=True)
    assert "1 result for" in html
    assert result_ids(html) == [DOC]
    assert "<mark>" in html.lower()


def test_state_lives_in_the_url(client):
    html = client.get("/?q=care&year=2017&department=dfe&amount=10m-100m&sort=newest").get_data(
        as_text=True
    )
    assert "2 results" in html or "1 result" in html
    # The applied filters are shown, each with a link that removes it.
    assert "Year: 2017" in html and "Department: DfE" in html and "Amount: £10m–£100m" in html
    remove_year = unescape(re.search(r'<a class="chip" href="([^"]+)">Year: 2017', html).group(1))
    assert (
        "year=" not in remove_year and "department=dfe" in remove_year and "q=care" in remove_year
    )


def test_every_facet_link_toggles_and_its_count_is_what_it_gives(client):
    html = client.get("/?q=care").get_data(as_text=True)
    links = re.findall(
        r'<li(?: class="with-page")?>\s*<a href="([^"]+)">\s*<span class="box"[^>]*>[^<]*</span>\s*'
        r'<span class="label">[^<]*</span>\s*<span class="count">(\d+)',
        html,
    )
    assert len(links) > 10
    assert any("announced_by=" in url for url, _ in links)
    for url, count in links:
        followed = client.get(unescape(url)).get_data(as_text=True)
        total = int(re.search(r'id="result-count"[^>]*>([\d,]+) result', followed).group(1))
        assert total == int(count), url


def test_pages_link_to_each_other(client):
    html = client.get("/?per_page=5").get_data(as_text=True)
    assert 'href="/?page=2&amp;per_page=5"' in html
    page3 = client.get("/?page=3&per_page=5").get_data(as_text=True)
    assert len(result_ids(page3)) == 3


def test_the_document_page(client):
    response = client.get(f"/doc/{DOC}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<h1>Mockingbird" in html
    assert "Amounts in this document" in html
    assert "5,000,000 EUR" in html


@pytest.mark.parametrize(
    "url, status, message",
    [
        ("/doc/no-such-thing", 404, "There is no document"),
        ("/doc/..%2f..%2fetc%2fpasswd", 404, "Not found"),
        ("/nowhere", 404, "Not found"),
        ("/?year=abc", 400, "year must be a year such as 2013"),
        ("/?page=-1", 400, "page must be a whole number"),
        ("/?amount=lots", 400, "amount must be a band"),
        ("/?department=dfee", 400, "did you mean"),
        ("/?sort=sideways", 400, "sort must be one of"),
    ],
)
def test_bad_input_gets_a_friendly_page(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    html = response.get_data(as_text=True)
    assert message in unescape(html)
    assert "Traceback" not in html


def test_user_strings_are_escaped(client):
    html = client.get("/?q=%3Cscript%3Ealert(1)%3C/script%3E").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html
    bad = client.get("/?year=%3Cscript%3E").get_data(as_text=True)
    assert "<script>" not in bad


def test_a_missing_index_says_how_to_build_it(tmp_path):
    from archive.web.app import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "none")}).test_client()
    response = client.get("/")
    assert response.status_code == 503
    assert "run `archive build` first" in unescape(response.get_data(as_text=True))


def test_rendered_markdown_is_sanitised(tmp_path, corpus_dir):
    from archive.index.build import build
    from archive.web.app import create_app

    (corpus_dir / "hostile.md").write_text(
        '---\ntitle: "<script>alert(1)</script>Hostile"\ndate: "2020"\nsource: X\n---\n'
        "Text <script>alert(2)</script> and <img src=x onerror=alert(3)> and "
        "[click](javascript:alert(4)).\n"
    )
    build(corpus_dir, tmp_path / "index")
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")}).test_client()
    html = client.get("/doc/hostile").get_data(as_text=True)
    assert "<script>" not in html and "onerror" not in html and "javascript:" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Hostile" in html
