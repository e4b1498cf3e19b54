"""Titles, round 11: bylines at a title's end, release numbers however typed, web pages' leads.

Every title here is written for the test, in the shapes the Australian releases take (issue 21):
each test fails without the rule it names.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from records import ingest_record

from archive.ingest.bylines import issuer_only, joint_like, kind_like
from archive.ingest.checks import title_points
from archive.ingest.pipeline import Options
from archive.ingest.titles import clean_title
from archive.ingest.titletails import byline_off

PROSE = "The Government has decided to provide further assistance to the farmers of the region."
MORE = "The assistance will be available through the existing arrangements with the States."


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        # another office's byline after a dash, the article doubled, a chairman in brackets
        ("HARBOUR WORKS - STATEMENT BY THE THE PRIME MINISTER, MR JOHN SMITH", "HARBOUR WORKS"),
        ("LOAN COUNCIL - STATEMENT BY THE CHAIRMAN (RT. HON. JOHN SMITH, MP)", "LOAN COUNCIL"),
        ("WOOL SALES - STATEMENT BY THE TREASURER THE RT. HON. JOHN SMITH, M.P.", "WOOL SALES"),
        (
            "EXPORT QUOTAS - (STATEMENT BY THE DEPUTY PRIME MINISTER AND MINISTER FOR TRADE, "
            "MR. J. SMITH)",
            "EXPORT QUOTAS",
        ),
        # a tribute's byline, with or without a dash, "by" or "from"
        (
            "DEATH OF SIR JOHN BROWN - TRIBUTE BY THE PRIME MINISTER, MR JOHN SMITH",
            "DEATH OF SIR JOHN BROWN",
        ),
        (
            "DEATH OF LORD GREY TRIBUTE FROM THE PRIME MINISTER , MR. JOHN SMITH",
            "DEATH OF LORD GREY",
        ),
        # a message keeps its own word; its sender goes
        (
            "NEW YEAR MESSAGE TO THE NATION FROM THE PRIME MINISTER THE RT. HON. JOHN SMITH",
            "NEW YEAR MESSAGE TO THE NATION",
        ),
        ("FLAG DAY MESSAGE FROM THE PRIME MINISTER, MR. JOHN SMITH", "FLAG DAY MESSAGE"),
        # one word of headline is a headline
        ("DROUGHT - STATEMENT BY THE PRIME MINISTER, SIR JOHN SMITH", "DROUGHT"),
        # the kind word however scanned
        (
            "STATE FUNERAL SATATEMENT BY THE PRIME MINISTER, THE RT. HON. SIR JOHN SMITH",
            "STATE FUNERAL",
        ),
        ("TRADE TALKS STATEMENT BY THE PRIMEMINISTER. MR. JOHN SMITH", "TRADE TALKS"),
        ("ELECTORATE TALK DELIVERED BY THE TREASURER, THE HON J SMITH MP", "ELECTORATE TALK"),
        # a joint release's other issuers after its headline
        (
            "Help for Flood Victims Joint Media Release with the Minister for Housing",
            "Help for Flood Victims",
        ),
        (
            "New Hospital Opened, Joint Media Release with Premier of Victoria",
            "New Hospital Opened",
        ),
        # a release number however typed
        ("P.M NO,11/1961 - FAREWELL MESSAGE TO LADY GREY", "FAREWELL MESSAGE TO LADY GREY"),
        ("PM . NO 43/1968 CONTACT WITH THE STATES", "CONTACT WITH THE STATES"),
        ("P/M NO. 4/1967 ECONOMIC TALKS", "ECONOMIC TALKS"),
        ("PM No 90A/1966 - Natural Gas Pipeline", "Natural Gas Pipeline"),
        # a styled holder's byline before the headline, however scanned, with no mark after it
        (
            "STATEMENT BY THE PRIME MINSTER, THE HON P J SMITH MP FEDERAL AID TO THE RAILWAYS",
            "FEDERAL AID TO THE RAILWAYS",
        ),
        ("STATEMENT BYT THE PRIME MINISTER THE HON PJ SMITH MP THE LAND CLAIM", "THE LAND CLAIM"),
        (
            "STATEMENT BY THE PRIME MINISTER, THE HON. P.J. SMITH THE FALL OF SINGAPORE",
            "THE FALL OF SINGAPORE",
        ),
        (
            "STATEMENT BY THE CHAIRMAN OF THE SOUTH PACIFIC FORUM, THE PRIME MINISTER, THE HON P J "
            "SMITH MP RESUMPTION OF NUCLEAR TESTING",
            "RESUMPTION OF NUCLEAR TESTING",
        ),
        (
            "STATEMENT BY THE PRIME MINISTER, THE RT. HON. JOHN SMITH : REPORT OF THE COMMITTEE",
            "REPORT OF THE COMMITTEE",
        ),
        # a web page's office, kind and date around its headline
        (
            "Prime Minister Increased aid to the Pacific 24 April 2010",
            "Increased aid to the Pacific",
        ),
        (
            "Prime Minister Media Release New school halls opened Canberra 3 June 2010",
            "New school halls opened",
        ),
        (
            "Prime Minister Joint media release More help for young mothers 11 February 2010",
            "More help for young mothers",
        ),
        # a joint release's headline after its portfolio's comma, not taken for a holder's name
        (
            "Joint media release with the Minister for Indigenous Affairs, Artwork Unveiled to "
            "Mark the Day",
            "Artwork Unveiled to Mark the Day",
        ),
    ],
)
def test_a_title_loses_the_byline_and_number_around_its_headline(title: str, clean: str) -> None:
    assert clean_title(title) == clean
    assert not title_points(clean_title(title))


@pytest.mark.parametrize(
    "title",
    [
        # an office alone after "by" is the headline's own words
        "VISIT OVERSEAS BY THE PRIME MINISTER",
        "VISIT BY THE PRIME MINISTER OF MALAYA",
        # a name alone, or a body, after "by" or "from" is too
        "AUSTRALIA NEEDS SOME ANSWERS FROM MR SMITH",
        "VISIT TO SAUDI ARABIA BY MR JONES",
        "GALLERY: DONATION BY THE SIR JOHN SMITH ART FOUNDATION",
        "PM TALKS WITH SENATOR SMITH MP",
        # a kind word with nothing of a headline before it
        "A Message from the Prime Minister",
        # the office as the subject of an undated or capitals headline
        "Prime Minister Opens the New Bank",
        "PRIME MINISTER TO REVISIT CANADA - 30 APRIL 1969",
        # a statement "on" its subject: no headline follows the byline
        "STATEMENT BY THE PRIME MINISTER, MR JOHN SMITH, ON THE AUSTRALIAN DOLLAR",
        # a portfolio's words after a comma and a link are the portfolio's
        "A New Car Plan Joint Media Release with the Minister for Industry, Science and Research",
    ],
)
def test_a_title_keeps_what_only_looks_like_a_byline(title: str) -> None:
    cleaned = clean_title(title)
    assert cleaned.split()[:3] == title.split()[:3]
    assert len(cleaned.split()) >= 4 or cleaned == title


def test_a_title_of_only_a_chairmans_byline_is_flagged() -> None:
    title = "STATEMENT BY THE CHAIRMAN OF THE COMMONWEALTH PUBLIC SERVICE BOARD"
    assert issuer_only(title)
    assert title_points(clean_title(title))
    assert byline_off("JOINT PRESS STATEMENT BY THE PRIME MINISTER AND THE PREMIER") == (
        "JOINT PRESS STATEMENT BY THE PRIME MINISTER AND THE PREMIER"
    )


def test_kind_and_joint_words_are_read_however_scanned() -> None:
    assert kind_like("SATATEMENT") and kind_like("STATMENT") and kind_like("Tribute")
    assert not kind_like("STATE") and not kind_like("SETTLEMENT")
    assert joint_like("JONT") and joint_like("J0INT") and not joint_like("POINT")


def _ingest_one(tmp_path: Path, title: str, text: str) -> tuple[str, list[str], str]:
    record = {"id": "1", "date": "1966-02-14", "title": title, "text": text}
    report, corpus = ingest_record(tmp_path, record, Options(country="AU", source="PM Transcripts"))
    [outcome] = report.written
    return outcome.title, outcome.review, next(corpus.rglob("*.md")).read_text("utf-8")


def test_a_tribute_is_titled_by_its_headline_in_ingest(tmp_path: Path) -> None:
    title, review, written = _ingest_one(
        tmp_path,
        "DEATH OF SIR JOHN BROWN - TRIBUTE BY THE PRIME MINISTER, MR. HAROLD SMITH",
        f"FOR PRESS\n\nDEATH OF SIR JOHN BROWN\n\n{PROSE}\n\n{MORE}",
    )
    assert title == "DEATH OF SIR JOHN BROWN"
    assert not [point for point in review if "title" in point]
    assert 'title: "DEATH OF SIR JOHN BROWN"' in written, written


def test_a_byline_only_title_becomes_the_first_words_without_markdown_escapes(
    tmp_path: Path,
) -> None:
    title, review, written = _ingest_one(
        tmp_path,
        "JOINT PRESS STATEMENT BY THE PRIME MINISTER, MR SMITH, AND THE PREMIER, MR JONES",
        f"1. {PROSE}\n\n2. {MORE}",
    )
    # the body is Markdown ("1\\. The Government ..."); the title is plain text
    assert title.startswith("1. The Government has decided"), title
    assert "\\" not in title
    assert any("title" in point for point in review), review


def test_a_symbol_fonts_bullets_make_a_list_in_ingest(tmp_path: Path) -> None:
    items = [
        "Two long-range maritime aircraft to augment the patrol capabilities of the coalition.",
        "A naval task group to support the operations of the coalition in the region.",
    ]
    text = f"FORCE DEPLOYMENT\n\n{PROSE} The forces are these:\n\n" + "\n\n".join(
        f"\uf0b7 {item}" for item in items
    )
    _, _, written = _ingest_one(tmp_path, "FORCE DEPLOYMENT", f"{text}\n\n{MORE}")
    body = written.split("\n---\n", 1)[1]
    assert "\uf0b7" not in body
    assert all(f"- {item}" in body.splitlines() for item in items), body
