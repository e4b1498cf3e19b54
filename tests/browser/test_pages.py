"""What a person does in a real browser: search, filter, read, cite, download, follow.

With JavaScript and without.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DOC = "2017-03-20-eleven-projects-share-new-round-of-innovation-funding"
ATOM = "{http://www.w3.org/2005/Atom}"


def count(page) -> int:
    return int(
        re.match(r"([\d,]+) result", page.locator("#result-count").inner_text())
        .group(1)
        .replace(",", "")
    )


def facet_link(page, facet: str, value: str):
    return page.locator(f'[data-key="{facet}:{value}"]').locator("xpath=ancestor::a")


def titles(page) -> list[str]:
    return page.locator(".hits h3 a").all_inner_texts()


def test_search_then_a_facet_changes_counts_and_results_in_place(page):
    page.goto("/")
    page.get_by_label("Search announcements").fill("care")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"/\?q=care"))
    before = count(page)
    assert before == 9 and len(titles(page)) == 9
    dfe = facet_link(page, "department", "dfe")
    assert dfe.locator(".count").inner_text().startswith("6")
    page.evaluate("window.notReloaded = true")
    dfe.click()
    page.wait_for_url(re.compile(r"department=dfe"))
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^6 "))
    assert page.evaluate("window.notReloaded") is True  # swapped in place by app.js, no reload
    assert count(page) == 6 and len(titles(page)) == 6
    # The year facet's counts now count within DfE; the applied filter is listed and announced.
    assert facet_link(page, "year", "2017").locator(".count").inner_text().startswith("2")
    assert facet_link(page, "year", "2020").locator(".count").inner_text().startswith("1")  # was 2
    assert page.locator('[data-key="year:2009"]').count() == 0  # no DfE documents then
    assert page.locator(".applied .chip").inner_text().startswith("Department: DfE")
    expect(page.locator("#announcer")).to_contain_text("Filters: Department: DfE")
    assert (
        page.locator("#announcer").inner_text() == "6 results for care. Filters: Department: DfE."
    )
    # Focus stays on the facet that was used, so a keyboard user can go on from there.
    assert (
        page.evaluate("document.activeElement.querySelector('[data-key]').dataset.key")
        == "department:dfe"
    )
    page.go_back()
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^9 "))
    assert "department" not in page.url


def test_the_same_search_works_with_javascript_off(page_without_js):
    page = page_without_js
    page.goto("/")
    page.get_by_label("Search announcements").fill("care")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"/\?q=care"))
    assert count(page) == 9
    facet_link(page, "year", "2017").click()
    page.wait_for_url(re.compile(r"year=2017"))
    assert count(page) == 2
    page.get_by_label("Minimum").fill("25m")
    page.get_by_label("Maximum").fill("50m")
    page.get_by_role("region", name="Amount").get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"min_amount=25m&max_amount=50m"))
    assert count(page) == 1 and titles(page) == [
        "Eleven projects share new round of innovation funding"
    ]
    page.locator(".hits h3 a").first.click()
    assert (
        page.locator("h1").inner_text() == "Eleven projects share new round of innovation funding"
    )
    assert page.locator(".copy").count() == 0  # no script, no copy button: the text is still there
    assert (
        "funding. (2017, March 20). Children's Services Weekly."
        in page.locator("#cite-apa-text").inner_text()
    )


def test_a_document_page_reads_and_cites(page):
    page.goto("/?q=eleven+projects")
    page.get_by_role("link", name="Eleven projects share new round of innovation funding").click()
    page.wait_for_url(re.compile(DOC))
    assert page.title() == "Eleven projects share new round of innovation funding · Policy Archive"
    harvard = page.locator("#cite-harvard-text")
    assert harvard.inner_text().startswith(
        "Children's Services Weekly (2017) 'Eleven projects share new round of innovation "
        "funding', 20 March. Available at: "
    )
    assert harvard.locator("i").inner_text() == "Children's Services Weekly"
    assert (
        page.locator("head meta[name=citation_title]").get_attribute("content")
        == "Eleven projects share new round of innovation funding"
    )
    assert page.locator(".related li").count() == 5


def test_the_copy_button_copies_a_citation(browser, server):
    context = browser.new_context(
        base_url=server, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    page.goto(f"/doc/{DOC}")
    page.get_by_role("button", name="Copy the OSCOLA citation").click()
    expect(page.locator("#cite-oscola-text + .copy + .copied")).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#cite-oscola-text").inner_text()
    assert copied.startswith(
        "'Eleven projects share new round of innovation funding' Children's Services Weekly (20 "
        "March 2017)"
    )
    context.close()


def test_download_the_csv_of_a_search(page):
    page.goto("/?q=care&department=dfe")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV", exact=True).click()
    download = info.value
    assert download.suggested_filename == "policy-archive-care.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert len(rows) == count(page) == 6
    assert all("Department for Education" in row["departments"] for row in rows)
    assert all(row["permalink"].startswith("http://127.0.0.1:") for row in rows)


def test_follow_the_feed_the_page_announces(page):
    page.goto("/?q=care&year=2020")
    href = page.locator('head link[rel=alternate][type="application/atom+xml"]').get_attribute(
        "href"
    )
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.body()).findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Care leavers' charity appeal matched by government",
        "Budget adds to social care grant for councils",
    ]
    page.goto(entries[0].find(f"{ATOM}link[@rel='alternate']").get("href"))
    assert page.locator("h1").inner_text() == "Care leavers' charity appeal matched by government"


def test_a_timeline_bar_filters_to_its_year(page):
    page.goto("/")
    bar = page.get_by_role("link", name="2013: 2 documents, £3.9bn")
    bar.click()
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^2 "))
    assert "year=2013" in page.url
    assert page.locator(".applied .chip").inner_text().startswith("Year: 2013")


def test_did_you_mean_leads_to_results(page):
    page.goto("/?q=mockinbird")
    assert count(page) == 0
    page.get_by_role("link", name="mockingbird").click()
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^1 "))
    assert titles(page) == ["Mockingbird fostering model wins European backing"]


def test_the_keyboard_reaches_everything_with_visible_focus(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to content"
    assert skip.bounding_box()["x"] >= 0  # shown when focused
    seen = set()
    # The facets, their forms and options (date boxes take three stops each), the results.
    for _ in range(140):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const e = document.activeElement, s = getComputedStyle(e);
            // A timeline bar shows focus by filling its column: SVG draws no outline round a link.
            const area = e.querySelector && e.querySelector('.hit-area');
            const name = e.getAttribute('aria-label') || e.textContent || e.name || '';
            return {text: name.trim().slice(0, 40),
                    visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
                             || (area !== null
                                 && getComputedStyle(area).fill === 'rgb(255, 191, 71)'),
                    tag: e.tagName};
        }""")
        if focused["tag"] == "BODY":
            continue  # focus has left the page for the browser's own controls, and comes back
        assert focused["visible"], focused
        seen.add(" ".join(focused["text"].split()))
    for stop in (
        "Search",
        "☐ 2017 2 results",
        "☐ DfE 7 results",
        "Apply",
        "CSV",
        "2013: 2 documents, £3.9bn",
        "Page 2",
        "Sort",
    ):
        assert stop in seen, (stop, sorted(seen))
    page.keyboard.press("Shift+Tab")
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"  # the skip link skips
    # A facet link works from the keyboard.
    facet_link(page, "year", "2019").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^1 "))


@pytest.mark.parametrize("width", [375, 1280])
def test_no_page_scrolls_sideways(browser, server, width):
    context = browser.new_context(base_url=server, viewport={"width": width, "height": 800})
    page = context.new_page()
    for url in ("/", "/?q=care&year=2017", f"/doc/{DOC}", "/doc/nothing-here", "/?year=abc"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
            url,
            width,
        )
    context.close()


def test_hostile_input_is_shown_as_text(page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto("/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert page.locator("#result-count q").inner_text() == "<img src=x onerror=alert(1)>"
    page.goto("/?year=%3Cscript%3Ealert(2)%3C/script%3E")
    # The search is kept and the year box marked, holding what was typed as text.
    assert page.locator("#year-range").input_value() == "<script>alert(2)</script>"
    assert "not '<script>alert(2)</script>'" in page.locator("#year-error").inner_text()
    assert dialogs == []
