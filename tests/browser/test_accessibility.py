"""axe-core in a real Chromium: no violations on any kind of page, on a desktop and on a phone."""

from __future__ import annotations

import re

import pytest
from live import violations
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/?q=care&department=dfe&year=2017&amount=10m-100m&min_amount=1m&sort=newest",
    "/?q=mockinbird",
    "/?q=%22unmatched",
    "/?per_page=3&page=2",
    "/doc/2017-03-20-eleven-projects-share-new-round-of-innovation-funding",
    "/doc/2013-pooled-budget-for-health-and-social-care-agreed",
    "/doc/no-such-document",
    "/?year=abc",
]


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("url", PAGES)
def test_no_axe_violations(browser, server, url, width):
    context = browser.new_context(base_url=server, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(url)
    assert violations(page) == []
    context.close()


def test_no_axe_violations_after_an_in_page_update(page):
    page.goto("/?q=care")
    page.locator('[data-key="year:2017"]').locator("xpath=ancestor::a").click()
    page.wait_for_url("**year=2017**")
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^2 "))
    assert violations(page) == []


def test_focus_is_visible_on_a_focused_citation_copy_button(page):
    page.goto("/doc/2017-03-20-eleven-projects-share-new-round-of-innovation-funding")
    button = page.get_by_role("button", name="Copy the APA 7th edition citation")
    button.focus()
    style = button.evaluate(
        "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth] }"
    )
    assert style[0] != "none" and float(style[1].removesuffix("px")) >= 2
