"""A document `archive follow` saw change: its page lists versions and shows the changed words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from live import serving, violations

from archive.corpus.versions import keep
from archive.index.build import build

pytestmark = pytest.mark.browser
DOC_ID = "2024-02-01-library-refurbishment-funded"
FRONT = """---
title: "Library refurbishment funded"
date: "2024-02-01"
source: "Example County Council"
url: "https://council.example.org/news/library"
fetched: "{fetched}"
{extra}---

The county council will spend {amount} refurbishing the central library, with new {rooms} and a
children's floor.

Work starts in the autumn and the library stays open throughout.
"""


@pytest.fixture
def served(corpus_dir: Path, tmp_path: Path) -> Iterator[str]:
    path = corpus_dir / f"{DOC_ID}.md"
    path.write_text(
        FRONT.format(fetched="2024-02-01", amount="£2.4 million", rooms="study rooms", extra=""),
        "utf-8",
    )
    keep(corpus_dir, DOC_ID, "2024-03-01")
    path.write_text(
        FRONT.format(
            fetched="2024-03-01",
            amount="£3.1 million",
            rooms="quiet study rooms",
            extra='withdrawn: "Replaced by the library strategy."\nwithdrawn_date: "2024-04-02"\n',
        ),
        "utf-8",
    )
    report = build(corpus_dir, tmp_path / "index")
    assert not report.errors
    with serving(tmp_path / "index") as url:
        yield url


@pytest.mark.parametrize("width", [1280, 375])
def test_the_page_lists_versions_and_the_diff_shows_the_changed_words(browser, served, width):
    context = browser.new_context(base_url=served, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"/doc/{DOC_ID}")
    notice = page.locator("p.withdrawn")
    assert "Withdrawn on 2024-04-02: Replaced by the library strategy." in notice.inner_text()
    items = page.locator(".version-list li").all_inner_texts()
    assert len(items) == 2
    assert items[0].startswith("Earlier text, fetched 2024-02-01")
    assert items[1].startswith("Current text, fetched 2024-03-01")
    assert violations(page) == []

    page.get_by_label("Compare the text of").select_option("2024-02-01")
    page.get_by_label("with the text of").select_option("current")
    page.get_by_role("button", name="Show the changed words").click()
    page.wait_for_url("**from=2024-02-01**")
    assert page.locator(".diff del").all_text_contents() == ["[removed: £2.4]"]
    assert page.locator(".diff ins").all_text_contents() == ["[added: £3.1]", "[added: quiet]"]
    assert "refurbishing the central library" in page.locator(".diff").inner_text()
    assert violations(page) == []

    page.get_by_role("link", name="read the text of 2024-02-01").click()
    assert "£2.4 million" in page.locator(".body").inner_text()
    assert "as fetched on 2024-02-01" in page.locator(".old-version").inner_text()
    # A passage of the earlier text is cited as a passage of that text.
    assert "version=2024-02-01" in page.locator(".body a.passage-cite").first.get_attribute("href")
    citations = page.locator(".citations, #cite-title ~ *").all_inner_texts()
    assert any("version fetched 2024-02-01" in text for text in citations), citations
    assert violations(page) == []

    page.goto("/?q=library")
    assert "Withdrawn on 2024-04-02" in page.locator("p.withdrawn").first.inner_text()
    assert violations(page) == []
    context.close()
