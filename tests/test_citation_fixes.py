"""OSCOLA footnotes name people given names first; a calmed title keeps its acronyms."""

from __future__ import annotations

import datetime as dt

import pytest

from archive.web import cite

DOC = {
    "id": "x",
    "title": "Economic statement",
    "date": "2016-03-01",
    "year": 2016,
    "source": "Department of the Prime Minister and Cabinet",
    "type": "speech",
    "author": "Turnbull, Malcolm",
}
DAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize("author", ["Turnbull, Malcolm", "Malcolm Turnbull"])
def test_an_oscola_footnote_names_the_author_given_names_first(author):
    footnote = "".join(cite.oscola({**DOC, "author": author}, "https://e.org/x", DAY))
    assert footnote.startswith("Malcolm Turnbull, 'Economic statement' (Speech, 1 March 2016)")
    news = "".join(cite.oscola({**DOC, "author": author, "type": "news"}, "https://e.org/x", DAY))
    assert news.startswith("Malcolm Turnbull, 'Economic statement' ")


def test_an_oscola_bibliography_puts_the_surname_first():
    entry = "".join(cite.oscola(DOC, "https://e.org/x", DAY, bibliography=True))
    assert entry.startswith("Turnbull M, 'Economic statement'")
    assert cite.oscola_author("Jean-Paul Sartre", bibliography=True) == "Sartre J"


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("AUSTRALIAN AMBASSADOR TO UNESCO", "Australian ambassador to UNESCO"),
        ("NEW FUNDING FOR THE NDIS AND GST", "New funding for the NDIS and GST"),
        ("PM ANNOUNCES COVID-19 PLAN FOR NSW", "PM announces COVID-19 plan for NSW"),
        ("TALKS WITH THE US AND THE UK", "Talks with the US and the UK"),
        ("ABC'S NEW CHARTER", "ABC'S new charter"),
        ("ARTS FUNDING FOR THE ACT", "Arts funding for the act"),
        ("A WORD FROM THE HON.", "A word from the hon."),
        ("Funding for unesco", "Funding for unesco"),  # a title not in capitals is kept as written
    ],
)
def test_acronyms_keep_their_capitals_in_sentence_case(title, sentence):
    assert cite.sentence_case(title) == sentence


def test_apa_and_harvard_keep_an_acronym_that_has_vowels():
    doc = {**DOC, "title": "AUSTRALIAN AMBASSADOR TO UNESCO", "author": None}
    for maker in (cite.apa, cite.harvard):
        assert "Australian ambassador to UNESCO" in "".join(maker(doc, "https://e.org/x", DAY))


@pytest.mark.parametrize("kind", ["report", "policy paper", "consultation", "statistics"])
def test_apa_dates_a_report_by_its_year_and_a_release_by_its_day(kind):
    unsigned = {**DOC, "author": None}
    assert "Cabinet. (2016). Economic statement" in "".join(
        cite.apa({**unsigned, "type": kind}, "https://e.org/x", DAY)
    )
    release = "".join(cite.apa({**unsigned, "type": "press release"}, "https://e.org/x", DAY))
    assert "Cabinet. (2016, March 1). Economic statement [Press release]" in release
