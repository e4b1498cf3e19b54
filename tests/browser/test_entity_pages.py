"""Entity pages in a real Chromium: every entry's page passes axe, and names lead to them."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_accessibility import violations  # the same axe rules as every other page

from archive.corpus.registry import Registry

pytestmark = pytest.mark.browser

REGISTRY = Registry.load(Path(__file__).parents[1] / "corpus")
ENTRIES = (
    [f"/department/{k}" for k in REGISTRY.departments]
    + [f"/programme/{k}" for k in REGISTRY.programmes]
    + [f"/person/{k}" for k in REGISTRY.people]
    + [f"/government/{k}" for k in REGISTRY.governments]
)


def test_every_entity_page_answers_and_passes_axe(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for url in ENTRIES:
        answer = page.goto(url)
        found[url] = (answer.status, violations(page))
    context.close()
    assert {url: result for url, result in found.items() if result != (200, [])} == {}
    assert len(found) == len(ENTRIES) > 30


@pytest.mark.parametrize(
    "url",
    [
        "/person/edward-timpson",
        "/department/dfe",
        "/programme/innovation-programme",
        "/government/uk-may",
    ],
)
def test_entity_pages_pass_axe_on_a_phone_and_do_not_scroll_sideways(browser, server, url):
    context = browser.new_context(base_url=server, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(url)
    assert violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_from_a_facet_to_a_person_and_on_to_their_documents(page_without_js):
    page = page_without_js
    page.goto("/")
    page.get_by_role("link", name="page of Edward Timpson").click()
    page.wait_for_url("**/person/edward-timpson")
    assert page.get_by_role("heading", level=1).inner_text() == "Edward Timpson"
    page.get_by_role("link", name="2 documents").click()
    page.wait_for_url("**q=person%3Aedward-timpson**")
    assert page.locator("#result-count").inner_text().startswith("2 ")
