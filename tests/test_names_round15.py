"""Titles and organisations by the shapes of round 15 of issue 21, through `archive ingest`.

Every record below is written in a shape counted on the Australian releases (a record titled by
its byline alone with the headline set under it in the text, a byline named by its kind at either
end of a title, a web page's closing city, a name going on through a particle, a brotherhood) and
ingested once, as a maintainer would: `archive init --country AU`, then `archive ingest` of a
JSON-lines file; the tests read the written files. Each test fails on the code before round 15
(archive/ingest/titlehead.py, titlekinds.py and the particle and head word of orgs.py taken out).
"""

from __future__ import annotations

import pytest
from records import ingest_au_releases

BODY = "The Government will provide $ 2 million towards the cost of the new works this year."
# (record's title, record's text, the title the written file must carry)
TITLED = [
    (  # the record's title is its byline; the headline is under it in the text
        "STATEMENT BY THE PRIME MINISTER, THE HON J Q CITIZEN MP",
        "PRIME MINISTER 27/ 92\n\nSTATEMENT BY THE PRIME MINISTER, THE HON. J. Q. CITIZEN, MP\n\n"
        f"HARBOUR BRIDGE REPAIRS\n\n{BODY}",
        "HARBOUR BRIDGE REPAIRS",
    ),
    (  # the byline's name on a line of its own, the headline under it
        "STATEMENT BY THE PRIME MINISTER, MR JOHN CITIZEN, ON THE WOOL PRICE",
        f"FOR PRESS: PM 103/ 1971\n\nSTATEMENT BY THE PRIME MINISTER\n\nMR. JOHN CITIZEN\n\n"
        f"ON THE WOOL PRICE\n\n{BODY}",
        "ON THE WOOL PRICE",
    ),
    (  # another office's byline after the headline, its holder named without a style
        "Dam Works Begin - Statement by the Deputy Prime Minister, John Citizen",
        BODY,
        "Dam Works Begin",
    ),
    (
        "LOAN COUNCIL - STATEMENT BY THE CHAIRMAN OF THE AUSTRALIAN LOAN COUNCIL THE RT. HON. "
        "JOHN CITIZEN, M.P. FEDERAL TREASURER",
        BODY,
        "LOAN COUNCIL",
    ),
    (
        "DEATH OF MR. J.S. CITIZEN, M.P. - TRIBUTE NY THE PRIME MINISTER, MR. JOHN ROE",
        BODY,
        "DEATH OF MR. J.S. CITIZEN, M.P.",
    ),
    (  # another office's byline before the headline, its member's letters scanned "N.P"
        "STATEMENT BY THE TREASURER, THE HONORABLE JOHN CITIZEN, N.P REGIONAL TAX OFFICE TO OPEN",
        BODY,
        "REGIONAL TAX OFFICE TO OPEN",
    ),
    (
        "STATEMENT BY THE MINISTER FOR NATIONAL DEVELOPMENT - NEW PLANS FOR THE NORTH WEST CAPE",
        BODY,
        "NEW PLANS FOR THE NORTH WEST CAPE",
    ),
    (  # a web page's dateline: a city after the headline with no mark before it
        "Statement on the presidential elections in Ruritania  Brisbane",
        BODY,
        "Statement on the presidential elections in Ruritania",
    ),
]
ORGANISED = {  # title: text
    "WINTER APPEAL": (
        "The Society of St Vincent de Paul and the Brotherhood of St Laurence will share the "
        "funds with the Salvation Army this winter."
    ),
    "BOARD NAMED": (
        "The members are: Dr John Doe, Chairman Ridley Corporation Limited; Mr Tom Roe, "
        "Principal Reduct Pty Ltd; and Mrs Ann Lee OAM - President Canberra Day Council."
    ),
    "CENTRE OPENED": (
        "Mr Keating joined with Health, Housing and Community Services Minister, Brian Howe, "
        "to open the centre. The Family Services Minister also spoke."
    ),
    "CRIME": (
        "The Government is committed to the fight against organised crime.\n\n"
        "Comments on National Crime Authority (NCA)\n\n"
        "Not surprisingly, the report was welcomed by the police forces of every State."
    ),
}


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, tuple[list[str], list[str]]]:
    """Ingest every record once through the CLI; return each written title's names and reviews."""
    records = [
        {"title": title, "text": f"{text}\n\nItem {n} of the agenda for today was agreed."}
        for n, (title, text, _) in enumerate(TITLED, start=1)
    ] + [{"title": title, "text": text} for title, text in ORGANISED.items()]
    docs = ingest_au_releases(tmp_path_factory.mktemp("round15"), records, 300, "07")
    found = {d.title: (list(d.organisations), [str(r) for r in d.review]) for d in docs}
    assert len(docs) == len(records), sorted(found)  # every record written, however titled
    return found


@pytest.mark.parametrize(("given", "text", "title"), TITLED)
def test_a_titles_byline_and_dateline_come_off(written, given, text, title):
    assert title in written, sorted(written)


def test_a_headline_taken_from_under_the_byline_is_flagged_for_review(written):
    for title in ("HARBOUR BRIDGE REPAIRS", "ON THE WOOL PRICE"):
        reviews = written[title][1]
        assert any("headline under it" in r for r in reviews), reviews


def test_a_name_goes_on_through_its_particle_and_a_brotherhood_is_found(written):
    names = written["WINTER APPEAL"][0]
    assert {"Society of St Vincent de Paul", "Brotherhood of St Laurence"} <= set(names), names
    assert "Salvation Army" in names
    assert not [n for n in names if n.endswith("St Vincent")]


def test_an_office_or_a_paper_before_a_body_comes_off(written):
    names = written["BOARD NAMED"][0]
    assert {"Ridley Corporation Limited", "Reduct Pty Ltd", "Canberra Day Council"} <= set(names)
    assert not [n for n in names if n.startswith(("Chairman", "Principal", "President"))]
    names = written["CRIME"][0]
    assert "National Crime Authority" in names, names
    assert not [n for n in names if n.startswith("Comments")]


def test_a_portfolio_named_before_minister_is_no_organisation(written):
    names = written["CENTRE OPENED"][0]
    assert not [n for n in names if "Services" in n], names
