"""Filters set in a real browser survive the search box; year ranges tick and untick years."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def params(page) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(page.url).query)


def box(page, facet: str, value: str):
    return page.locator(f'[data-key="{facet}:{value}"]')


def search_for(page, words: str) -> None:
    page.get_by_label("Search announcements").fill(words)
    page.get_by_role("button", name="Search", exact=True).click()


def test_a_year_clicked_in_place_is_kept_by_the_next_search(page):
    page.goto("/?q=social+work")
    page.evaluate("window.notReloaded = true")
    box(page, "year", "2017").locator("xpath=ancestor::a").click()
    expect(page.locator(".applied .chip")).to_have_text(re.compile(r"^Year: 2017"))
    assert page.evaluate("window.notReloaded") is True  # the results were swapped in place
    search_for(page, "funding")
    page.wait_for_url(re.compile(r"q=funding"))
    assert params(page) == [("q", "funding"), ("year", "2017")]
    expect(page.locator(".applied .chip")).to_have_text(re.compile(r"^Year: 2017"))


def test_a_chip_removed_in_place_stays_removed_by_the_next_search(page):
    page.goto("/?q=social+work&year=2017")
    page.evaluate("window.notReloaded = true")
    page.locator(".applied .chip").click()
    expect(page.locator(".applied")).to_have_count(0)
    assert page.evaluate("window.notReloaded") is True
    search_for(page, "funding")
    page.wait_for_url(re.compile(r"q=funding"))
    assert params(page) == [("q", "funding")]
    expect(page.locator(".applied")).to_have_count(0)


def test_the_search_box_follows_back_and_forward(page):
    page.goto("/?q=care")
    box(page, "department", "dfe").locator("xpath=ancestor::a").click()
    page.wait_for_url(re.compile(r"department=dfe"))
    page.go_back()
    expect(page.locator(".applied")).to_have_count(0)
    page.go_forward()
    expect(page.locator(".applied .chip")).to_have_text(re.compile(r"^Department: DfE"))
    search_for(page, "funding")
    page.wait_for_url(re.compile(r"q=funding"))
    assert params(page) == [("q", "funding"), ("department", "dfe")]


def test_years_in_a_selected_range_are_ticked_and_one_can_be_taken_out(page):
    page.goto("/?year=2010-2013")
    for year in ("2010", "2013"):
        expect(box(page, "year", year)).to_have_text("☑")
    expect(box(page, "year", "2009")).to_have_text("☐")
    box(page, "year", "2013").locator("xpath=ancestor::a").click()
    page.wait_for_url(re.compile(r"year=2010-2012"))
    assert params(page) == [("year", "2010-2012")]  # no year=2013 beside the range
    expect(box(page, "year", "2013")).to_have_text("☐")
    expect(box(page, "year", "2010")).to_have_text("☑")
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^2 results"))


def test_a_range_typed_in_the_year_box_filters_in_place(page):
    page.goto("/?q=care")
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Years").fill("2010-2013")
    page.get_by_role("button", name="Set years").click()
    page.wait_for_url(re.compile(r"year=2010-2013"))
    assert page.evaluate("window.notReloaded") is True
    assert params(page) == [("q", "care"), ("year", "2010-2013")]
    expect(page.locator(".applied .chip")).to_have_text(re.compile(r"^Year: 2010-2013"))
    expect(box(page, "year", "2010")).to_have_text("☑")
    # And the search box carries the range on.
    search_for(page, "funding")
    page.wait_for_url(re.compile(r"q=funding"))
    assert params(page) == [("q", "funding"), ("year", "2010-2013")]


def test_an_unreadable_minimum_is_marked_in_place_with_the_search_kept(page):
    page.goto("/?q=care&year=2017")
    page.get_by_label("Minimum").fill("five million")
    page.get_by_role("region", name="Amount").get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"min_amount=five"))
    expect(page.locator("#min_amount")).to_have_attribute("aria-invalid", "true")
    assert page.locator("#min_amount").input_value() == "five million"
    expect(page.locator(".applied .chip")).to_have_text(re.compile(r"^Year: 2017"))
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^2 results for care"))


def test_on_a_narrow_screen_a_link_leads_to_the_filters(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto("/?q=care&year=2017")
    link = page.get_by_role("link", name="Filter results (1 applied)")
    expect(link).to_be_visible()
    # The filters come after the results on a narrow screen: the link is above the first result.
    assert (
        link.bounding_box()["y"]
        < page.locator(".hits").bounding_box()["y"]
        < page.locator(".facets").bounding_box()["y"]
    )
    link.click()
    assert page.evaluate("document.activeElement.id") == "filters-title"
    context.close()
    wide = browser.new_context(base_url=server, viewport={"width": 1280, "height": 800}).new_page()
    wide.goto("/?q=care")
    expect(wide.locator(".to-filters")).to_be_hidden()
    wide.context.close()
