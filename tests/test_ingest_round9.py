"""Furniture, breaks and titles: the ninth round of shapes (pointer lines, page stamps, lists).

Every text here is written for the test, in the shapes the Australian releases take (issue 21):
each test fails without the rule it names.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from records import ingest_record

from archive.ingest.boilerplate import extract_article
from archive.ingest.pagemarks import clean_markers
from archive.ingest.pipeline import Options
from archive.ingest.titles import clean_title, furniture_like

PROSE = "The Government has decided to provide further assistance to the farmers of the region."
MORE = "The assistance will be available through the existing arrangements with the States."


def _paragraphs(text: str, title: str = "DROUGHT ASSISTANCE") -> list[str]:
    return [" ".join(p.split()) for p in extract_article(text, title).paragraphs]


def _text(text: str, title: str = "DROUGHT ASSISTANCE") -> str:
    return "\n".join(_paragraphs(text, title))


# A line at the foot that sends the reader elsewhere -------------------------------------------


@pytest.mark.parametrize(
    "pointer",
    [
        "For details on how to make a donation visit www.memorial.example.org.au.",
        "For information on the new support measures go to www.agriculture.example.gov.au/drought",
        "For further information please visit www.example.org.au",
    ],
)
def test_a_pointer_line_at_the_foot_goes(pointer: str) -> None:
    text = f"{PROSE}\n\n{MORE}\n\n{pointer}"
    kept = _text(text)
    assert "www." not in kept, kept
    assert MORE in kept


def test_a_sentence_saying_where_more_can_be_read_stays() -> None:
    # the earlier samples hold such a sentence as the article's
    line = "Further information about the scheme is available at www.example.gov.au."
    assert line in _text(f"{PROSE}\n\n{MORE}\n\n{line}")


def test_a_contact_block_with_telephone_numbers_goes_and_the_date_stays() -> None:
    text = (
        f"{PROSE}\n\n{MORE}\n\n19 March 2003\n\nFurther details are available from:\n\n"
        "Jane Doe, Media Adviser, Office of the Minister for Health and Ageing (rural "
        "obstetricians and their patients in the regions) (0417 000 520).\n\n"
        "John Roe, Media Adviser, Office of the Treasurer (0438 000 305)."
    )
    kept = _text(text)
    assert "Media Adviser" not in kept and "available from" not in kept, kept
    assert kept.endswith("19 March 2003"), kept


def test_a_sentence_naming_a_telephone_number_after_a_pointer_stays() -> None:
    line = (
        "The book will be available from the publications officer in the Department of "
        "Foreign Affairs, tel (02) 6261 0000 or online at www.example.gov.au"
    )
    text = f"{PROSE}\n\nFor further details on the program see www.example.or.jp\n\n{line}"
    assert line in _text(text)


def test_a_telephone_number_alone_goes_wherever_it_stands() -> None:
    text = f"{PROSE}\n\nCANBERRA\n\n(02) 6277 7744\n\nAUSTRALIA 2020 SUMMIT\n\n{MORE}"
    kept = _text(text)
    assert "6277" not in kept and MORE in kept, kept


def test_an_embargo_line_left_open_goes_on_to_the_next() -> None:
    text = (
        "63/ 040\n\nEMBARGO: NOT TO BE PUBLISHED, BROADCAST OR\n\nTELECAST BEFORE 9 P. M. 2ND MAY."
        f"\n\nFOR PRESS\n\n{PROSE}\n\n{MORE}"
    )
    assert "TELECAST" not in _text(text)


# Page marks and stamps ------------------------------------------------------------------------

WRAPPED = (
    "The Commonwealth also increased the grant for employment-giving\n\n"
    "activities by a further amount, bringing the total grant for the year\n\n"
    "to a new level. It stipulated that the expenditure from the grant\n\n"
    "should be distributed o. o 9/ 2\n\n"
    "2\n\n"
    "to areas, like those of the coalfields and the northern coastal\n\n"
    "areas of the State, where more general measures are not so likely\n\n"
    "as elsewhere to give rise to employment in the coming year."
)


def test_noise_before_a_page_mark_goes_and_the_sentence_goes_on() -> None:
    kept = _text(WRAPPED)
    assert "should be distributed to areas, like those" in kept, kept
    assert "o. o" not in kept and "9/" not in kept


def test_noise_after_a_page_s_last_sentence_goes_before_its_mark() -> None:
    text = (
        "They will cover a number of areas, including manpower policies and the\n\n"
        "welfare and employment of those out of work in the regions. , a . t4_\n\n"
        "-2-\n\n"
        "In addition, discussions will also be taking place on certain technical\n\n"
        "matters relating to the health insurance scheme and the tribunal."
    )
    kept = _text(text)
    assert "t4_" not in kept and "regions." in kept, kept


@pytest.mark.parametrize(("before", "kept"), [("-3-", False), ("-2-", True), ("", True)])
def test_a_bare_number_is_a_page_s_only_after_the_page_before_it(before: str, kept: bool) -> None:
    lines = ["Short line one.", before, "Short.", "4", "The next page."]
    assert ("4" in clean_markers([line for line in lines if line])[0]) is kept


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        # stamps that run on from page to page
        (f"{PROSE} 2732\n\n{MORE}\n\n2733\n\nCANBERRA 31 December 1996", "2732"),
        # a stamp opening with a nought, after the closing dateline
        (f"{PROSE}\n\n{MORE}\n\nCANBERRA 28 November 1995 0195", "0195"),
    ],
)
def test_an_archive_s_page_stamps_go(text: str, stamp: str) -> None:
    kept = _text(text)
    assert stamp not in kept and MORE in kept, kept


def test_the_first_page_s_mark_between_a_sentence_and_running_text_goes() -> None:
    text = (
        f"{PROSE}\n\nShort, as it was.\n\n2\n\nMr Fraser and Mr Lowe said the review would be done."
    )
    assert "2" not in _paragraphs(text)


def test_a_number_after_a_sentence_that_runs_on_from_nothing_stays() -> None:
    # one number, no other it runs on from, no nought: a figure the text may mean
    text = f"{PROSE}\n\nThe number of new homes financed this year was\n\nabout 4500\n\n{MORE}"
    assert "4500" in _text(text)


def test_a_fax_head_scanned_past_reading_goes_mid_text() -> None:
    text = f"{PROSE}\n\n{MORE}\n\nTEL: I~ 9 1 Cj I. Mr Il C F\n\n2\n\n{PROSE}"
    kept = _text(text)
    assert "TEL" not in kept and "Cj" not in kept, kept


@pytest.mark.parametrize(
    ("closing", "kept_as"),
    [
        ("Canberra I_", "Canberra"),
        ('CANBERRA 27 March 1992 c F 1"', "CANBERRA 27 March 1992"),
        ("CANBERRA. A. C. T 13.", "CANBERRA. A. C. T"),
    ],
)
def test_the_scan_s_marks_after_a_closing_dateline_go(closing: str, kept_as: str) -> None:
    kept = _paragraphs(f"{PROSE}\n\n{MORE}\n\n{closing}")
    assert kept[-1] == kept_as, kept


@pytest.mark.parametrize(
    "closing", ["CANBERRA, A. C. T.", "CANBERRA. A. C. T_", "February 18, 1-.", "John Smith MP"]
)
def test_a_closing_dateline_s_own_words_stay(closing: str) -> None:
    assert _paragraphs(f"{PROSE}\n\n{MORE}\n\n{closing}")[-1] == closing


# Breaks ---------------------------------------------------------------------------------------

SCAN = (
    "In the main, the opinion was that some increase in expenditure on\n\n"
    "works and housing could have useful results; it was generally\n\n"
    "emphasised, however, that any such expenditure ought to be channelled\n\n"
    "into localities and occupations where employment opportunities\n\n"
    "for the unemployed were not coming forward very readily,\n\n"
    "That, of course, had been the aim of two of the chief measures we\n\n"
    "took last year. The grant we made to the States last February for\n\n"
    "employment-giving activities had just that purpose in view, and\n\n"
    "the Commonwealth Government, as the Treasurer said last week,\n\n"
    "the States and the local authorities will carry it forward."
)


def test_a_comma_misread_for_a_full_stop_ends_its_paragraph() -> None:
    kept = _paragraphs(SCAN, "ECONOMIC TALKS")
    assert any(p.startswith("That, of course, had been") for p in kept), kept


def test_a_comma_before_a_name_or_a_word_in_lower_case_goes_on() -> None:
    kept = _paragraphs(SCAN, "ECONOMIC TALKS")
    assert any("as the Treasurer said last week, the States and" in p for p in kept), kept


LIST = (
    "The Police Ministers' Council has made advances towards uniformity, and the\n\n"
    "meeting has asked the Council to report back on the following issues:\n\n"
    "A ban on all automatic and semi-automatic firearms\n\n"
    "Strict licensing of each person to possess a firearm\n\n"
    "Registration of all firearms\n\n"
    "Restrictions on the availability of manuals relating to\n\n"
    "the construction of weapons\n\n"
    "The meeting recognised the need to limit the access to weapons by people\n\n"
    "who may have a tendency to violence, and the steps will be taken soon."
)


def test_lines_after_a_colon_each_opening_in_capitals_are_a_list_s_items() -> None:
    kept = _paragraphs(LIST, "GUN CONTROL")
    for item in ("Strict licensing", "Registration of all firearms", "Restrictions on the"):
        assert any(p.startswith(item) for p in kept), (item, kept)
    assert (
        "Restrictions on the availability of manuals relating to the construction of weapons"
        in (kept)
    )


def test_a_paragraph_after_a_colon_line_is_no_list() -> None:
    text = (
        f"{PROSE}\n\nEMBARGO:\n\n"
        "He said that Sir John had been appointed Commissioner in 1958 to carry out\n\n"
        "the task of getting a new Authority launched to plan and develop\n\n"
        "Canberra and only those who knew Canberra before could realise how\n\n"
        "successful he had been in the work of the Commission since then."
    )
    assert any("to plan and develop Canberra and only" in p for p in _paragraphs(text)), text


# Titles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("EMBARGOED UNTIL 6.00AM, 1 JANUARY 1997 THE YEAR AHEAD", "THE YEAR AHEAD"),
        ("AUSTRALIAN REPUBLIC (EMBARGO: 7.30PM 7 JUNE 1995)", "AUSTRALIAN REPUBLIC"),
        (
            "COMMONWEALTH CONTRIBUTION TO EMPIRE GAMES - STATEMETN BY THE PRIME MINISER, THE RT. "
            "HON. R G MENZIES",
            "COMMONWEALTH CONTRIBUTION TO EMPIRE GAMES",
        ),
        (
            "SOUTH AFRICA'S WITHDRAWAL FROM COMMONWEALTH - STATEMENT BY TEH PRIME MINISTER",
            "SOUTH AFRICA'S WITHDRAWAL FROM COMMONWEALTH",
        ),
        (
            "FOR THE PRESS - ANZUS COUNCIL TO MEET IN AUSTRALIA - STATEMENT BY THE MINISTER FOR "
            "EXTERNAL AFFAIRS",
            "ANZUS COUNCIL TO MEET IN AUSTRALIA",
        ),
        ("FOR THE PRESS: 29TH APRIL, 1966 - SURGICAL TEAM MEMBERS", "SURGICAL TEAM MEMBERS"),
    ],
)
def test_a_title_loses_embargoes_bylines_and_dates(title: str, clean: str) -> None:
    assert clean_title(title) == clean
    assert not furniture_like(clean_title(title))


@pytest.mark.parametrize(
    "title",
    [
        # "STATES BY THE PRIME MINISTER" is no misspelt statement
        "VISIT TO THE UNITED STATES BY THE PRIME MINISTER, THE RIGHT HONOURABLE J .G GORTON.M.P",
        "EMBARGOED UNTIL 6.00PM 13 SEPTEMBER 1987",  # an embargo and nothing else: flagged
    ],
)
def test_a_title_keeps_what_only_looks_like_furniture(title: str) -> None:
    cleaned = clean_title(title)
    assert cleaned.startswith(title.split()[0]), cleaned


def test_the_headline_after_an_embargo_is_the_title_in_ingest(tmp_path: Path) -> None:
    record = {
        "id": "1",
        "date": "1996-12-31",
        "title": "EMBARGOED UNTIL 6.00AM, 1 JANUARY 1997 THE YEAR AHEAD",
        "text": f"PRIME MINISTER\n\nTHE YEAR AHEAD\n\n{PROSE}\n\n{MORE}",
    }
    report, corpus = ingest_record(tmp_path, record, Options(country="AU", source="PM Transcripts"))
    assert [outcome.title for outcome in report.written] == ["THE YEAR AHEAD"]
    written = next(corpus.rglob("*.md")).read_text("utf-8")
    assert "title: THE YEAR AHEAD" in written or 'title: "THE YEAR AHEAD"' in written, written
