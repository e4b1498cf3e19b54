"""Titles and organisations by the shapes of round 14 of issue 21, through `archive ingest`.

Every record below is written in a shape the Australian releases take (a joint release's title, a
release number, an escaped apostrophe, a premier named with a body's head word, a list run over
"and", a city's council) and ingested once, as a maintainer would: `archive init --country AU`,
then `archive ingest` of a JSON-lines file; the tests read the written files. Each test fails with
its rule taken out of archive/ingest/titlejoint.py, orgpeople.py or orgshapes.py.
"""

from __future__ import annotations

import pytest
from records import ingest_au_releases

TITLED = [  # (record's title, the title the written file must carry)
    ("INDONESIA&#146;S AGREEMENT WITH THE FUND", "INDONESIA’S AGREEMENT WITH THE FUND"),
    ("TOUGH ON DRUGS &#150; TREATMENT FUNDING", "TOUGH ON DRUGS – TREATMENT FUNDING"),
    ("75/1965 - LORD WARDEN OF THE CINQUE PORTS", "LORD WARDEN OF THE CINQUE PORTS"),
    ("PRESS STATEMENT: MOTOR VEHICLE AIR POLLUTION", "MOTOR VEHICLE AIR POLLUTION"),
    (
        "JOINT STATEMENT BY THE PRIME MINISTER THE HON JANE DOE MP AND THE MINISTER FOR FAMILY "
        "SERVICES THE HON JOHN ROE MP COUNCILS SIGN NEW ROADS DEAL",
        "COUNCILS SIGN NEW ROADS DEAL",
    ),
    (
        "Joint Media Release with the Minister for Infrastructure and Local Government, Anna "
        "Example, First Meeting of the Regional Roads Council: A New Partnership",
        "First Meeting of the Regional Roads Council: A New Partnership",
    ),
    (
        "New homes completed in Tasmania Prime Minister Minister for Housing Tasmanian Minister "
        "for Housing 26 July 2009",
        "New homes completed in Tasmania",
    ),
]
ORGANISED = {  # title: text
    "PREMIERS MEET": (
        "The Premiers of Queensland and Western Australia, Mr A. D. Taylor and Sir Charles Court, "
        "met the Prime Minister today. Margaret Court opened the new courts at Perth. The Family "
        "Court and the High Court will sit in the new building."
    ),
    "PANEL NAMED": (
        "The panel will be joined by Mr Tom Brown of Stone & Chalk and Director of Harbour City "
        "Bank, Ms Ann Lee. New South Wales Premier Mike Baird and New South Wales Police will "
        "brief the public on Monday."
    ),
    "NEW CAMPUS": (
        "The Government will fund a new library at the University of Tasmania Campus in "
        "Launceston. The City of Launceston Mayor welcomed it, as did the City of Stirling and "
        "the Port Arthur Historic Site Authority."
    ),
    "ELECTION RESULT": (
        "The Liberal and National Country Parties have won the election in every State, I "
        "congratulate them."
    ),
}


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, list[str]]:
    """Ingest every record once through the CLI; return each written title's organisations."""
    records = [
        {"title": title, "text": f"Text {n} of a release: the {n}th item on the agenda for today."}
        for n, (title, _) in enumerate(TITLED, start=1)
    ] + [{"title": title, "text": text} for title, text in ORGANISED.items()]
    docs = ingest_au_releases(tmp_path_factory.mktemp("round14"), records, 200, "06")
    found = {d.title: list(d.organisations) for d in docs}
    assert len(found) == len(records), sorted(found)
    return found


@pytest.mark.parametrize(("given", "title"), TITLED)
def test_a_titles_number_party_offices_and_escapes_come_off(written, given, title):
    assert title in written, sorted(written)


def test_a_title_in_capitals_keeps_a_joint_statements_portfolio(tmp_path):
    # the joint release's minister is taken off only where the holder's name is in small letters
    # after its capital: in capitals "TECHNOLOGY AND COMMERCE" is the portfolio, not a name
    from archive.ingest.titles import clean_title

    given = "JOINT STATEMENT WITH THE MINISTER FOR INDUSTRY, TECHNOLOGY AND COMMERCE, SENATOR BLUE"
    assert clean_title(given) == given


def test_a_person_named_with_a_courts_head_word_is_no_court(written):
    names = written["PREMIERS MEET"]
    assert not [n for n in names if n.endswith("Charles Court") or n.startswith("Margaret")]
    assert not [n for n in names if "Taylor" in n]
    assert {"Family Court", "High Court"} <= set(names)


def test_a_name_run_over_and_into_a_person_or_an_office_is_parted(written):
    names = written["PANEL NAMED"]
    assert {"Stone & Chalk", "Harbour City Bank", "New South Wales Police"} <= set(names)
    assert not [n for n in names if "Director" in n or "Baird" in n or "Premier" in n]


def test_a_bodys_campus_is_the_body_and_a_citys_council_is_named(written):
    names = written["NEW CAMPUS"]
    assert "University of Tasmania" in names
    assert not [n for n in names if "Campus" in n or "Mayor" in n]
    assert {"City of Launceston", "City of Stirling"} <= set(names)
    # a facility's word followed by a body's own head word is the body's name (a guard)
    assert "Port Arthur Historic Site Authority" in names


def test_two_parties_named_together_are_found(written):
    assert "Liberal and National Country Parties" in written["ELECTION RESULT"]
