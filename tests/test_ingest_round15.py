"""Furniture and breaks, round 15: run-ins, crossheads, a web page's lost seams (issue 21).

Every record here is written for the test, in the shapes the Australian releases take, and goes
through the real ingest (`archive ingest --country AU`'s pipeline) into a corpus on disk; the
body is read back from the file written. The first tests of each shape fail without its rule; the
guards say what must stay as it is with or without it.
"""

from __future__ import annotations

import re
from pathlib import Path

from records import SCAN, au_blocks, words


def _blocks(tmp_path: Path, lines: list[str], title: str = "ANTARCTIC POLICY") -> list[str]:
    return au_blocks(tmp_path, lines, title)


def test_a_run_in_whose_next_paragraph_opens_with_i_parts(tmp_path: Path) -> None:
    # "suffering. I have informed ...": the next paragraph opens with "I", not a word in title case
    lines = [*SCAN]
    lines[3] = "scientific community and I have seen the evidence of loss and"
    lines[4] = "suffering. I have informed the Premiers of the States that the nations are"
    blocks = _blocks(tmp_path, lines)
    assert any(b.endswith("the evidence of loss and suffering.") for b in blocks), blocks
    assert any(b.startswith("I have informed the Premiers") for b in blocks), blocks
    assert words(blocks) == re.findall(r"\w+", " ".join(lines))  # no word lost or moved


def test_a_run_in_closing_on_a_figure_parts(tmp_path: Path) -> None:
    # "... in the early 1980. The new aid levels ...": the paragraph's last word is a year
    lines = [*SCAN]
    lines[3] = "scientific community at the levels it had reached in the early"
    lines[4] = "1980. The thirty-eight nations of the Antarctic Treaty System today are"
    blocks = _blocks(tmp_path, lines)
    assert any(b.endswith("reached in the early 1980.") for b in blocks), blocks
    assert any(b.startswith("The thirty-eight nations") for b in blocks), blocks


def test_a_list_item_closing_on_a_semicolon_run_into_the_next_parts(tmp_path: Path) -> None:
    # "... a qualifying period of 30 days; Service in Korea from ...": two items of a list
    lines = [
        "The following service will qualify for the award of the medal:",
        "Service in the occupation of Japan during the period 3",
        "September 1945 to 30 June 1947 with a qualifying period of",
        "days; Service in Korea from 28 July 1953 until 26 August 1957 with the",
        "same qualifying period of 30 days; and service with the forces that",
        "were stationed in Malaya in the years of the Emergency there.",
        "The Government will consult the States on the arrangements and",
        "will report to the Parliament when the consultations are over.",
        "Applications for the medal should be made to the Department of",
        "Defence, which will publish a notice of the arrangements soon.",
    ]
    blocks = _blocks(tmp_path, lines, title="SERVICE MEDAL")
    assert any(b.endswith("a qualifying period of days;") for b in blocks), blocks
    assert any(b.startswith("Service in Korea from 28 July") for b in blocks), blocks


def test_a_crosshead_in_capitals_run_into_its_paragraph_parts(tmp_path: Path) -> None:
    # "TAXATION A Labor Government's ...": the heading and its paragraph in one line
    lines = [*SCAN]
    lines[4] = "TAXATION A Labor Government's first task will be to review the"
    blocks = _blocks(tmp_path, lines)
    assert any(b.lstrip("# ") == "TAXATION" for b in blocks), blocks  # a heading of its own
    assert any(b.startswith("A Labor Government's first task") for b in blocks), blocks
    assert words(blocks) == re.findall(r"\w+", " ".join(lines))


def test_an_acronym_opening_a_sentence_is_no_crosshead(tmp_path: Path) -> None:
    # guard: "ASEAN Leaders met ...", where the text names ASEAN inside a sentence too
    lines = [*SCAN]
    lines[4] = "ASEAN Leaders met the Minister in Bangkok to discuss with the"
    lines[5] = "nations of ASEAN the protection of its environment, and Australia"
    blocks = _blocks(tmp_path, lines)
    assert not any(b.lstrip("# ") == "ASEAN" for b in blocks), blocks
    assert any(b.startswith("ASEAN Leaders met the Minister") for b in blocks), blocks


WEB = [
    "The Prime Minister and the Chief Minister today signed the National Education Reform "
    "Agreement, which will drive long term improvements in schools for every student.The "
    "agreement incorporates the National Plan for School Improvement, which will see the two "
    "Governments work together to achieve:• Continued improvement in teacher quality;• Full "
    "delivery of the Australian Curriculum in all schools;• Greater access to quality language "
    "programs.As part of the National Plan, both Governments will adopt funding arrangements.",
    "This will bring the total public investment in the Territory's schools to around five "
    "billion dollars over the six years from 2014, with more for schools over the period.",
    "The Government is determined to keep working closely with all remaining states and "
    "territories to see these reforms agreed by 30 June 2013.This will give schools the "
    "certainty they need to plan for next year.",
    "Information is at www.education.gov.au.The Government thanks the U.S.A.Department.",
]


def test_a_web_pages_paragraphs_glued_with_no_space_part(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, WEB, title="Territory signs up to education reforms")
    assert any(b.endswith("improvements in schools for every student.") for b in blocks), blocks
    assert any(b.startswith("The agreement incorporates the National Plan") for b in blocks)
    assert any(b.startswith("As part of the National Plan") for b in blocks), blocks
    assert any(b.startswith("This will give schools the certainty") for b in blocks), blocks
    assert words(blocks) == re.findall(r"\w+", " ".join(WEB))


def test_a_web_pages_inline_bullets_become_items(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, WEB, title="Territory signs up to education reforms")
    for item in ("Continued improvement", "Full delivery", "Greater access"):
        assert any(re.match(rf"[-*] {item}", b) for b in blocks), (item, blocks)


def test_an_address_or_dotted_letters_glued_to_a_word_stay(tmp_path: Path) -> None:
    # guard: "www.education.gov.au.The" and "U.S.A.Department" are no seams between paragraphs
    blocks = _blocks(tmp_path, WEB, title="Territory signs up to education reforms")
    assert any("www.education.gov.au.The Government thanks" in b for b in blocks), blocks
    assert any("U.S.A.Department" in b for b in blocks), blocks


LONG = [
    *SCAN[:4],
    "MALAYSIA",
    "The Government has agreed to give further help to Malaysia in",
    "the defence of its border in Borneo, as the Minister announced.",
    "HOUSING",
    "The Commonwealth will provide the States with more money for",
    "the building of homes for rent in the coming financial year.",
    "CHILD ENDOWMENT",
    "The rates of child endowment will be increased from the first",
    "pay day in the new year, as the Treasurer has already announced.",
    "NORTHERN DEVELOPMENT",
    "The Government will build new beef roads in the North of the",
    "continent, where the States have asked for them for some years.",
]


def test_a_page_mark_after_a_sentence_before_a_heading_in_capitals_goes(tmp_path: Path) -> None:
    # "... working there." / "2" / "MALAYSIA": the second page's number, then a crosshead
    lines = [*LONG]
    lines.insert(4, "2")
    blocks = _blocks(tmp_path, lines)
    assert "2" not in blocks, blocks
    assert any(b.lstrip("# ") == "MALAYSIA" for b in blocks), blocks


def test_a_later_page_mark_after_one_the_scan_lost_goes(tmp_path: Path) -> None:
    # "-2-" read, "3" lost, "4" after a finished sentence and before a heading
    lines = [*LONG]
    lines.insert(13, "4")
    lines.insert(7, "-2-")
    blocks = _blocks(tmp_path, lines)
    assert "4" not in blocks, blocks
    assert any(b.lstrip("# ") == "NORTHERN DEVELOPMENT" for b in blocks), blocks


def test_a_catchword_or_noise_before_a_page_mark_goes_with_it(tmp_path: Path) -> None:
    for mark in ("OF -2-", "4_ -2-", "2/"):
        lines = [*SCAN]
        lines.insert(4, mark)
        blocks = _blocks(tmp_path / mark[:2].strip("/_ "), lines)
        assert not any(mark in b for b in blocks), (mark, blocks)
        assert words(blocks) == re.findall(r"\w+", " ".join(SCAN)), (mark, blocks)


def test_a_number_closing_a_table_before_a_heading_stays(tmp_path: Path) -> None:
    # guard: "Ayr 802" / "6" / "HOUSING": a table's last cell, not a page's mark
    lines = [*LONG[:7], "Grants to the States are as follows:", "Arcadia 8 300", "Ayr 802", "6"]
    lines += LONG[7:]
    blocks = _blocks(tmp_path, lines)
    assert any(b.endswith("6") for b in blocks), blocks


def test_a_clause_closing_on_a_semicolon_and_a_misread_initial_are_no_run_ins(
    tmp_path: Path,
) -> None:
    # guard: "... by Mr Russell Drysdale; Mr McEwen's by ..." is one sentence's clauses, and "Mr.
    # 51. McEwen" a name the scan misread, however long the line
    lines = [*SCAN]
    lines[3] = "scientific community. His portrait is being painted by Mr Russell"
    lines[4] = "Drysdale; Mr McEwen's portrait by Mr W. A. Dargie and the late Mr Holt's by"
    blocks = _blocks(tmp_path / "semicolon", lines)
    assert not any(b.startswith("Mr McEwen's portrait") for b in blocks), blocks
    lines[3] = "scientific community, as announced by the Acting Prime Minister,"
    lines[4] = "Mr. 51. McEwen, following a meeting in Canberra with the State Ministers."
    blocks = _blocks(tmp_path / "initial", lines)
    assert not any(b.startswith("McEwen, following") for b in blocks), blocks


def test_a_text_all_in_capitals_and_a_name_with_stops_are_left_whole(tmp_path: Path) -> None:
    # guard: a telegram in capitals has no crossheads; "Connect.Act.Change" is a name, not a seam
    lines = [*SCAN]
    lines[4] = "SYD JOHNSTON HAD BECOME A WELL-KNOWN AND POPULAR FIGURE HERE AND"
    blocks = _blocks(tmp_path / "capitals", lines)
    assert any("SYD JOHNSTON HAD BECOME A WELL-KNOWN AND POPULAR" in b for b in blocks), blocks
    web = [*WEB[1:3], "The theme for the Summit is Connect.Act.Change and it opens in June."]
    blocks = _blocks(tmp_path / "name", web, title="Summit")
    assert any("Connect.Act.Change and it opens" in b for b in blocks), blocks


def test_a_scans_noise_line_between_two_paragraphs_goes(tmp_path: Path) -> None:
    # a stamp scanned to noise between "... working there." and "The thirty-eight nations ..."
    for noise in ('IMI3" 1I1 kT 10ON', "1*' Jo", '. I it" r. l.'):
        lines = [*SCAN]
        lines.insert(4, noise)
        blocks = _blocks(tmp_path / str(len(noise)), lines)
        assert words(blocks) == re.findall(r"\w+", " ".join(SCAN)), (noise, blocks)


def test_a_short_line_of_words_or_figures_between_paragraphs_stays(tmp_path: Path) -> None:
    # guard: "I am", "Mr Bell", "$ 4,000", "[Laughter]": words, a name, an amount, a transcript's
    for line in ("I am.", "Mr Bell", "$ 4,000", "[Laughter]"):
        lines = [*SCAN]
        lines.insert(4, line)
        blocks = _blocks(tmp_path / line[:2].strip("$ "), lines)
        assert words(blocks) == re.findall(r"\w+", " ".join(lines)), (line, blocks)


def test_a_page_number_run_into_the_next_pages_first_line_goes(tmp_path: Path) -> None:
    # "-2-" read, then "... working there." / "3 The thirty-eight nations ...": the third page's
    # number and its first line in one; later "... on it. 4" / "The Government ...": the fourth's
    lines = [*SCAN]
    lines[4] = "3 The thirty-eight nations of the Antarctic Treaty System are"
    lines[6] = "will continue to take a leading part in their work on it. 4"
    lines.insert(2, "-2-")
    blocks = _blocks(tmp_path, lines)
    assert any(b.startswith("The thirty-eight nations") for b in blocks), blocks
    assert any(b.endswith("their work on it.") for b in blocks), blocks
    assert words(blocks) == re.findall(r"\w+", " ".join(SCAN)), blocks


def test_a_numbered_paragraph_keeps_its_number(tmp_path: Path) -> None:
    # guard: "1 The Prime Minister ..." / "2 The thirty-eight nations ...": a list numbered from 1
    lines = [*SCAN]
    lines[0] = "1 The Prime Minister announced today that the Government had"
    lines[4] = "2 The thirty-eight nations of the Antarctic Treaty System are"
    blocks = _blocks(tmp_path, lines)
    assert words(blocks) == re.findall(r"\w+", " ".join(lines)), blocks


def test_a_date_or_a_list_item_opening_a_line_keeps_its_number(tmp_path: Path) -> None:
    # guard: "2 July 1976" is a date, "2 The Company agrees ..." an item whose "1" the scan lost
    for first in (
        "2 July 1976 the Government agreed with the",
        "2 The Company agrees to enable its",
    ):
        lines = [*SCAN]
        lines[4] = first
        blocks = _blocks(tmp_path / first[2:4], lines)
        assert words(blocks) == re.findall(r"\w+", " ".join(lines)), (first, blocks)
