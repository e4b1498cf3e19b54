"""Organisations by the evidence of round 6 of issue 21: the collection's, a sentence's, a shape's.

The texts are written here in the shapes the Australian releases give them; each test fails with
its rule taken out of archive/ingest/orgcontext.py, orgwords.py or orgs.py. The miner
(bench/orgs_mine.py) is run on texts written here, the shipped list is read as ingest reads it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from archive.ingest.orgcontext import collection_names

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_list_holds_bodies_with_no_head_word() -> None:
    pattern = collection_names()
    assert pattern is not None
    assert pattern.fullmatch("Santos") and pattern.fullmatch("Snowy Hydro")
    assert not pattern.fullmatch("Government") and not pattern.fullmatch("Australia")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the collection's evidence: a name standing alone
        ("Gas from Santos will reach the Snowy Hydro plant next year.", ["Santos", "Snowy Hydro"]),
        ("The MDBA will report in May.", ["MDBA"]),
        # a list after its kind
        (
            "Companies such as Cisco, Microsoft and KPMG have joined the trial.",
            ["Cisco", "Microsoft", "KPMG"],
        ),
        # a body's officer named after it, or the body after its officer
        ("Ampol chairman Sir William Walkley said drilling would stop.", ["Ampol"]),
        ("The chief executive of Cardno welcomed the contract.", ["Cardno"]),
        # a firm by its partners, in a city
        (
            "The Australian firms are Messrs Ancher, Mortlock, Murray and Woolley of Sydney.",
            ["Ancher, Mortlock, Murray and Woolley"],
        ),
        # "Mt." opens a name as "St." does; a person by initials before a role is no part of it
        ("G. R. Fisher, Chairman of Mt. Isa Mines Ltd, agreed.", ["Mt. Isa Mines Ltd"]),
        # a country after a comma closes a name "of" something
        (
            "We met the President of the Institution of Engineers, Australia, Dr Ian Mair.",
            ["Institution of Engineers, Australia"],
        ),
        # after a capitalised prefix and a hyphen a name still opens ("Sub-Commission"), and
        # after an OCR hyphen ("the-Australian")
        (
            "He is a member of the Sub-Commission on Discrimination.",
            ["Commission on Discrimination"],
        ),
        ("The site of the-Australian Maritime College is chosen.", ["Australian Maritime College"]),
        # a list of fields opens a name
        (
            "Sir Arvi Parbo, the Chair of the Australian Science, Technology and Engineering "
            "Council, spoke.",
            ["Australian Science, Technology and Engineering Council"],
        ),
    ],
)
def test_bodies_found(
    text: str, expected: list[str], org_names: Callable[[str], list[str]]
) -> None:
    assert org_names(text) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # ministers named together are people, not a firm
        (
            "This is in contrast to the criticism by Messrs. Hurford and Hayden.",
            "Hurford and Hayden",
        ),
        # a department named short in a list of agencies is a department
        ("Agencies such as Foreign Affairs and Trade will take part.", "Foreign Affairs"),
        # initials the text uses for a programme or a grade, not for the body
        ("The CRC program links industry and universities. CRC boards meet.", "CRC"),
        ("Attachment - MDBA 345KB | PDF 62KB", "MDBA"),
        # a name opening a longer one is that one's
        ("The Santos Basin lies offshore.", "Santos"),
        ("He works with the Desert Knowledge CRC in Alice Springs.", "CRC"),
        # a role before a body is no part of its name
        (
            "Mr Smith, Chairman, Angus and Robertson Ltd, spoke.",
            "Chairman, Angus and Robertson Ltd",
        ),
        # what companies' projects include is no list of companies
        ("New projects planned by various companies include Hail Creek and Nebo.", "Hail"),
        # a list's item a longer name goes on from, or a lone item a noun follows
        ("Organisations such as Divisions of General Practice will help.", "Divisions"),
        ("The law covers all businesses, including Stateowned enterprises.", "Stateowned"),
        # a sentence's opening word, a person, a summit: no body before an officer
        ("He loved the game. As CEO he led it well.", "As"),
        (
            "Chairman, National Australia Bank Mr Jeff Connolly CEO, Siemens",
            "Bank Mr Jeff Connolly",
        ),
        ("Speaking at the APEC Leaders CEO Summit in Los Cabos.", "APEC Leaders"),
        # an institution is a body's word only before "of" or "for": else a kind
        (
            "Curtin won the award for a Higher Education Institution.",
            "Higher Education Institution",
        ),
        # a comma after a person's name opens no list; a name holding its country takes no other
        (
            "Workers\nNadine Flood, Community and Public Sector Union",
            "Flood, Community and Public Sector Union",
        ),
        (
            "The Council of Australian Governments, Western Australia will meet.",
            "Council of Australian Governments, Western Australia",
        ),
        # a name never opens inside a hyphened word: a role "Chairman-in-Office"
        (
            "I will write as Chairman-in-Office of the Commonwealth to all leaders.",
            "Office of the Commonwealth",
        ),
        # a comma and a country before a list go on with the list, not the name
        (
            "The University of Sydney, Australia and New Zealand are partners.",
            "University of Sydney, Australia",
        ),
    ],
)
def test_not_bodies(text: str, absent: str, org_names: Callable[[str], list[str]]) -> None:
    assert absent not in org_names(text)


def test_the_miner_lists_bodies_by_their_contexts() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import orgs_mine

    texts = [
        ("1", "Shares in Boral rose. Boral chairman Mr Smith said Boral Ltd would invest."),
        ("2", "The report praised companies such as Boral and said Boral was sound."),
        ("3", "Mr Walker said he would go. Walker chairman of nothing, in Walker Street."),
        ("4", "Mr Walker met the Premier. Senator Walker spoke, and Walker left."),
        ("5", "A news item. News of the day. The news was good, and news spread."),
        ("6", "News chairman Mr Jones said that News Ltd and News will grow."),
    ]
    listed = [name for name, _, _ in orgs_mine.listed(orgs_mine.count(texts), texts)]
    assert "Boral" in listed
    assert "Walker" not in listed  # a person's contexts outweigh
    assert "News" not in listed  # written in lower case too often
