"""Titles and breaks: the eighth round of shapes (titles that only say who issued them, list items).

Every text here is written for the test, in the shapes the Australian releases take (issue 21).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from records import ingest_record

from archive.ingest.boilerplate import extract_article
from archive.ingest.checks import title_points
from archive.ingest.pipeline import Options
from archive.ingest.titles import clean_title

PROSE = "The Government has decided to provide further assistance to the farmers of the region."


# A title that is only who issued the release is no title ------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "FROM THE ACTING PRIME MINISTER, MR JOHN SMITH",
        # offices and names too long for the byline rule's line
        "JOINT STATEMENT FROM THE PRIME MINISTER AND THE MINISTER FOR PRIMARY INDUSTRIES "
        "AND ENERGY, SENATOR THE HON JANE DOE",
        "STATEMENT BY MR JOHN SMITH QC",  # a person, no office
        "Statement by Mrs Jane Smith",
        "Statement from Prime Minister",  # no article
        # with its closing date, which the title's cleaning leaves on a title that is furniture
        "MEDIA STATEMENT BY THE RT HON JOHN SMITH CH MP, PRIME MINISTER OF AUSTRALIA, "
        "FRIDAY 25 NOVEMBER 1977",
    ],
)
def test_a_title_naming_only_its_issuer_is_flagged(title: str) -> None:
    assert title_points(clean_title(title)), title


@pytest.mark.parametrize(
    "title",
    [
        "From the Minister for Health to every hospital in the state",
        "FROM THE PRIME MINISTER: NEW ROADS FOR VICTORIA",
        "From the Outback to the City",
        "By the numbers: jobs growth in the regions",
        "MESSAGE FROM SIR JOHN SMITH TO THE NATION",
    ],
)
def test_a_title_saying_more_than_who_issued_it_stays(title: str) -> None:
    assert not title_points(clean_title(title)), title


def test_an_issuer_only_title_gives_way_to_the_first_words_in_ingest(tmp_path: Path) -> None:
    record = {
        "id": "1",
        "title": "FROM THE ACTING PRIME MINISTER, MR JOHN SMITH",
        "date": "1983-03-04",
        "text": f"{PROSE}\n\nIt will be paid from the first of next month to every family.",
    }
    report, _ = ingest_record(tmp_path, record, Options(country="AU", source="PM", dry_run=True))
    (outcome,) = report.written
    assert outcome.title.startswith("The Government has decided")
    assert any("title" in point for point in outcome.review)


# A link before words in lower case ends a portfolio ------------------------------------------


def test_a_seat_before_a_headline_in_sentence_case_is_not_a_portfolio() -> None:
    title = (
        "Prime Minister Parliamentary Secretary for Employment Member for Bowman "
        "Jobs and training on offer at the Redcliffe Careers Expo 4 June 2010"
    )
    assert clean_title(title) == "Jobs and training on offer at the Redcliffe Careers Expo"


def test_a_portfolio_with_a_link_between_capitals_is_still_taken() -> None:
    title = (
        "Prime Minister Minister for Families, Housing and Community Services Jane Doe MP "
        "Homes for families in need"
    )
    assert clean_title(title) == "Homes for families in need"


# A line in lower case after a list item goes on with the item ---------------------------------

ITEMS = (
    f"{PROSE}\n\nThese measures will include:-\n\n"
    "* Rail and road subsidies on the transport of fodder\n\n"
    "and the movement of livestock to agistment:\n\n"
    "* Carry-on finance for farmers\n\n"
    "who are unable to obtain credit from normal\n\n"
    "commercial sources:\n\n"
    "* Grants to local councils in rural areas\n\n"
    f"{PROSE}"
)


def _lines(text: str) -> list[str]:
    return [
        " ".join(line.split())
        for p in extract_article(text, "DROUGHT").paragraphs
        for line in p.split("\n")
    ]


def test_a_lower_case_line_after_a_list_item_joins_it() -> None:
    lines = _lines(ITEMS)
    assert any(
        line.endswith(
            "Rail and road subsidies on the transport of fodder and the movement of "
            "livestock to agistment:"
        )
        for line in lines
    ), lines
    assert any(
        line.endswith(
            "Carry-on finance for farmers who are unable to obtain credit from normal "
            "commercial sources:"
        )
        for line in lines
    ), lines


def test_a_closed_list_item_keeps_the_next_line_apart() -> None:
    text = (
        f"{PROSE}\n\nThe Government will:\n\n"
        "* provide loans to farmers;\n\n"
        "* extend the freight subsidy.\n\n"
        f"{PROSE}"
    )
    lines = _lines(text)
    assert any(line.endswith("provide loans to farmers;") for line in lines), lines
    assert any(line.endswith("extend the freight subsidy.") for line in lines), lines


# A heading in capitals glued after a bracketed signature stands apart --------------------------


def test_a_heading_glued_after_a_signature_stands_apart() -> None:
    text = (
        f"{PROSE}\n\nYours sincerely,\n\n( John Smith) TERMS OF REFERENCE\n\n"
        "The inquiry is to report upon the structure of industry in the state\n\n"
        "and its relation to employment there."
    )
    paragraphs = [" ".join(p.split()) for p in extract_article(text, "INQUIRY").paragraphs]
    assert any(p.endswith("( John Smith)") for p in paragraphs), paragraphs
    assert any(p.lstrip("# ") == "TERMS OF REFERENCE" for p in paragraphs), paragraphs


def test_a_bracketed_list_mark_before_capitals_is_no_signature() -> None:
    text = f"{PROSE}\n\nThe inquiry will consider:\n\n(A) GENERAL LEVEL OF ASSISTANCE\n\n{PROSE}"
    paragraphs = [" ".join(p.split()) for p in extract_article(text, "INQUIRY").paragraphs]
    assert any("(A) GENERAL LEVEL OF ASSISTANCE" in p for p in paragraphs), paragraphs
