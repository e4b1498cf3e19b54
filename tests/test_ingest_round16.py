"""Furniture and breaks, round 16: lists whose markers the text lost, read from the lines' layout.

Every record here is written for the test, in the shapes the Australian releases take, and goes
through the real ingest (`archive ingest --country AU`'s pipeline) into a corpus on disk; the
body is read back from the file written. The first tests of each shape fail without its rule; the
guards say what must stay as it is with or without it.
"""

from __future__ import annotations

import re
from pathlib import Path

from records import au_blocks, words

# A scan wrapped at about 60 characters, with a blank line after every line, as the 1960s-1990s
# releases stand in the collection.
OPENING = [
    "The Prime Minister announced today the appointment of Mr B. W.",
    "Fraser as Secretary of the Department of the Treasury, following",
    "the retirement of the former Secretary at the end of the month.",
]
CLOSING = [
    "The Government will consult the States on the arrangements and",
    "will report to the Parliament when the consultations are over.",
]


def _blocks(tmp_path: Path, lines: list[str], title: str = "APPOINTMENT") -> list[str]:
    return au_blocks(tmp_path, lines, title, "1984-09-10", marks=False)


def test_items_closing_on_semicolons_without_a_lead_each_open(tmp_path: Path) -> None:
    # a CV's items, in lower case, each closing on ";", no colon before them
    items = [
        "Joined Commonwealth Public Service in 1961 Department of",
        "National Development;",
        "moved to Treasury in 1963;",
        "Treasury representative in London 1970-1972;",
        "transferred to Finance when the Treasury was split",
        "in 1976 and promoted First Assistant Secretary;",
        "transferred back to Treasury in 1979 as a Deputy Secretary.",
    ]
    lines = [*OPENING, *items, *CLOSING]
    blocks = _blocks(tmp_path, lines)
    assert "moved to Treasury in 1963;" in blocks, blocks
    assert "Treasury representative in London 1970-1972;" in blocks, blocks
    assert any(
        b.startswith("transferred to Finance when the Treasury was split in 1976") for b in blocks
    ), blocks
    assert any(
        b.startswith("Joined Commonwealth Public Service in 1961 Department of National")
        for b in blocks
    ), blocks
    assert words(blocks) == re.findall(r"\w+", " ".join(lines))  # no word lost or moved


def test_a_sentence_with_one_semicolon_at_a_wrap_stays_whole(tmp_path: Path) -> None:
    # guard: a clause's end that falls at a line's end is not a list
    lines = [
        *OPENING,
        "Mr Fraser has held various positions in the Departments of",
        "the Treasury and Finance over twenty years of service;",
        "he will take up the appointment on Monday next week, when the",
        "outgoing Secretary leaves for his retirement in the country.",
        *CLOSING,
    ]
    blocks = _blocks(tmp_path, lines)
    assert any(
        "over twenty years of service; he will take up the appointment" in b for b in blocks
    ), blocks


def test_a_lead_closing_colon_dash_opens_its_list(tmp_path: Path) -> None:
    # a web page's list after "in the areas of:-", its items in lower case closing on ";"
    lines = [
        "From within the social coalition framework, the Taskforce will contribute to the "
        "development of youth policy, especially in the areas of:-",
        "employment opportunities;",
        "education and training;",
        "homelessness and family breakdown; and",
        "other social problems such as drug use.",
        "The Youth Pathways Taskforce will focus on strengthening community support for young "
        "people and their families, and will report to the Government by March next year.",
    ]
    blocks = _blocks(tmp_path, lines, title="YOUTH PATHWAYS")
    assert any(b.endswith("especially in the areas of:-") for b in blocks), blocks
    assert "employment opportunities;" in blocks, blocks
    assert "education and training;" in blocks, blocks
    assert words(blocks) == re.findall(r"\w+", " ".join(lines))


def test_a_lead_closing_colon_dash_is_no_crosshead(tmp_path: Path) -> None:
    # "The grants will go to:-" is the list's lead, a sentence, not a heading over what follows
    lines = [
        *OPENING,
        "The grants will go to:-",
        "the Australian Film and Television School in Sydney, for its first year of courses in "
        "film and television production, sound, editing and design for the screen;",
        *CLOSING,
    ]
    record_blocks = _blocks(tmp_path, lines)
    assert "The grants will go to:-" in record_blocks, record_blocks
    assert not any(b.startswith("#") for b in record_blocks), record_blocks


def test_a_line_closing_on_and_is_no_item_after_a_lead(tmp_path: Path) -> None:
    # "To locate Commonwealth Employment Service ( CES) and" / "Department of Social Security ..."
    lines = [
        *OPENING,
        "Arising from the most recent review, the Government has decided:-",
        "To locate Commonwealth Employment Service ( CES) and",
        "Department of Social Security ( DSS) offices in the one",
        "building wherever possible, providing some small savings but",
        "more importantly major benefits to those members of the public.",
        *CLOSING,
    ]
    blocks = _blocks(tmp_path, lines)
    assert any("( CES) and Department of Social Security ( DSS) offices" in b for b in blocks), (
        blocks
    )


def test_a_letterhead_scanned_to_noise_above_the_prose_goes(tmp_path: Path) -> None:
    # "A WSIVA IA" (AUSTRALIA) and "Jjj A UST LIA11": no run of letters in them is a word
    lines = ["A WSIVA IA", "Jjj A UST LIA11", "FOR MEDIA 13 September 1985", *OPENING, *CLOSING]
    blocks = _blocks(tmp_path, lines)
    assert not any("WSIVA" in b or "LIA11" in b for b in blocks), blocks
    assert any(b.startswith("The Prime Minister announced today") for b in blocks), blocks


def test_a_heading_a_greeting_and_a_fragment_above_the_prose_stay(tmp_path: Path) -> None:
    # guards: words of a dictionary, or a word in lower case, are no noise
    for head in ("INTRODUCTION", "Good morning,", "Icr use of assistid"):
        lines = [head, *OPENING, *CLOSING]
        blocks = _blocks(tmp_path / head.split()[0], lines)
        assert head.rstrip(",") in " ".join(blocks), (head, blocks)
