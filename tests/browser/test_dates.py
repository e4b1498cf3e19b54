"""Dates in a real browser: the date inputs narrow the search and say what they left out.

Date facets click too.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_date_inputs_narrow_the_results_and_say_what_was_left_out(page):
    page.goto("/?q=care")
    page.get_by_label("From").fill("2013-06-01")
    page.get_by_label("To", exact=True).fill("2013-12-31")
    page.get_by_role("button", name="Set dates").click()
    page.wait_for_url(re.compile(r"from=2013-06-01&to=2013-12-31"))
    # The 22 October 2013 document is inside; the one dated only "2013" reaches outside the range.
    expect(page.locator(".hits h3 a")).to_have_text(
        ["Children's social care innovation programme opens for bids"]
    )
    expect(page.locator(".left-out")).to_contain_text(
        "1 document was left out for being dated less precisely"
    )
    expect(page.locator("#from")).to_have_value("2013-06-01")
    expect(page.locator(".applied .chip").first).to_contain_text("Date: from 2013-06-01")


def test_a_government_and_a_financial_year_click_like_any_facet(page):
    page.goto("/")
    page.locator('[data-key="government:uk-may"]').locator("xpath=ancestor::a").click()
    page.wait_for_url(re.compile(r"government=uk-may"))
    count = page.locator("#result-count").inner_text()
    shown = (
        page.locator('[data-key="government:uk-may"]')
        .locator("xpath=ancestor::a")
        .locator(".count")
        .inner_text()
    )
    assert count.split()[0] == shown.split()[0]
    expect(page.locator(".applied .chip")).to_contain_text(
        ["Government: May (Conservative), 2016–2019"]
    )
    page.goto("/?financial_year=2009-10")
    expect(page.locator(".unplaced").first).to_contain_text("dated too loosely to place")
