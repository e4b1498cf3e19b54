"""A passage's link, followed in a real browser, scrolls to its paragraph and highlights it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DOC = "2013-10-22-childrens-social-care-innovation-programme-opens-for-bids"


def test_the_passage_link_scrolls_to_and_highlights_the_paragraph(browser, server):
    page = browser.new_page(viewport={"width": 800, "height": 300})
    page.goto(f"{server}/doc/{DOC}?para=2")
    link = page.locator("#cite-passage-link").get_attribute("href")
    assert "#p2:~:text=" in link
    page.goto("about:blank")
    page.goto(link.replace("http://localhost", server))
    paragraph = page.locator("#p2")
    page.wait_for_function(
        "document.querySelector('#p2').getBoundingClientRect().top < window.innerHeight"
    )
    box = paragraph.bounding_box()
    assert 0 <= box["y"] < 300, box  # scrolled into view: the page is far taller than 300 pixels
    assert page.evaluate("window.scrollY") > 0
    assert paragraph.evaluate("e => e.matches(':target')")
    background = paragraph.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(255, 243, 176)"
    page.close()
