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


def test_short_lines_after_a_lead_each_stand_as_an_item(tmp_path: Path) -> None:
    # a board's members one to a line, no bullet, no closing mark, after a lead in words
    members = [
        "Sir John Marshall (Chairman)",
        "Professor A. B. Clarke",
        "Mrs Joan Whitlam",
        "Mr R. J. Hawke",
        "Dr Helen Morrison",
    ]
    lines = [
        *SCAN[:4],
        "The members of the new Advisory Board on Antarctic Science are",
        *members,
        *SCAN[4:],
    ]
    blocks = _blocks(tmp_path, lines)
    for member in members:
        assert member in blocks, blocks
    assert words(blocks) == re.findall(r"\w+", " ".join(lines))  # no word lost or moved


def test_wrapped_prose_and_a_heading_stay_as_they_were(tmp_path: Path) -> None:
    # guard: a title-case heading before prose, and the prose's wrapped lines, are no list
    lines = [*SCAN[:4], "Antarctic Research", *SCAN[4:]]
    blocks = _blocks(tmp_path, lines)
    assert any(b.startswith("The thirty-eight nations of the Antarctic Treaty") for b in blocks)
    assert any("Government had decided to increase its support" in b for b in blocks), blocks
    assert words(blocks) == re.findall(r"\w+", " ".join(lines))
