"""Breaks, round 17: a list with no mark at all, its items one to a line, read from their widths.

Every record here is written for the test, in the shapes the Australian releases take, and goes
through the real ingest (`archive ingest --country AU`'s pipeline) into a corpus on disk; the
body is read back from the file written. The first test fails without the rule; the guards say
what must stay as it is with or without it.
"""

from __future__ import annotations

import re
from pathlib import Path

from records import SCAN, au_blocks, words


def _blocks(tmp_path: Path, lines: list[str]) -> list[str]:
    return au_blocks(tmp_path, lines, "NEW MINISTRY", "1975-12-22", marks=False)


def test_posts_one_to_a_line_closing_on_commas_each_stand_as_an_item(tmp_path: Path) -> None:
    # a ministry's posts one to a line, each closing on ",", no bullet, after a lead in words
    posts = [
        "Minister for Industry, Technology and Commerce,",
        "Minister for Science and Technology,",
        "Minister Assisting the Prime Minister,",
        "Minister for Small Business and Customs,",
        "Minister for Trade Negotiations,",
    ]
    lines = [*SCAN[:4], "The Ministers to attend the meeting of the new Council are", *posts]
    lines += SCAN[4:]
    blocks = _blocks(tmp_path, lines)
    for post in posts:
        assert post in blocks, blocks
    assert words(blocks) == re.findall(r"\w+", " ".join(lines))  # no word lost or moved


def test_wrapped_prose_and_a_heading_stay_as_they_were(tmp_path: Path) -> None:
    # guard: a title-case heading before prose, and the prose's wrapped lines, are no list
    lines = [*SCAN[:4], "Antarctic Research", *SCAN[4:]]
    blocks = _blocks(tmp_path, lines)
    assert any(b.startswith("The thirty-eight nations of the Antarctic Treaty") for b in blocks)
    assert any("Government had decided to increase its support" in b for b in blocks), blocks
    assert words(blocks) == re.findall(r"\w+", " ".join(lines))


def test_organisations_one_to_a_line_are_parted_and_a_wrapped_one_kept(tmp_path: Path) -> None:
    # items near the measure, run in pairs before; one wraps at the measure onto a word's line
    orgs = [
        "Association of Civilian Widows",
        "Australian Council of Trade Unions",
        "Australian Federation of Business and Professional",
        "Women",
        "Australian Federation of University Women",
        "Australian Union of Students",
        "Federation of Ethnic Communities' Councils of Australia",
        "National Council of Women of Australia",
    ]
    lines = [*SCAN[:4], "The organisations to benefit from these payments are:", *orgs, *SCAN[4:]]
    blocks = _blocks(tmp_path, lines)
    assert "Australian Council of Trade Unions" in blocks, blocks
    assert "Australian Federation of Business and Professional Women" in blocks, blocks
    assert "Australian Union of Students" in blocks, blocks
    assert "Federation of Ethnic Communities' Councils of Australia" in blocks, blocks
    assert words(blocks) == re.findall(r"\w+", " ".join(lines))
