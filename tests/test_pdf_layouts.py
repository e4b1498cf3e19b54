"""Printed layouts read in order: each made PDF's sentences come back whole and in order, no running
head in the body, the title and the date as printed (the bench's figures are in docs/pdf.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from layouts import MAKERS

from archive.ingest.papers import from_pdf

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from pdf_extractors import score_layout  # noqa: E402,I001


@pytest.mark.parametrize("name,make", MAKERS, ids=[name for name, _ in MAKERS])
def test_a_layout_reads_whole_and_in_order(name, make, tmp_path: Path) -> None:
    layout = make(tmp_path / name)
    article, found = from_pdf(layout.path.read_bytes())
    score = score_layout(layout, article, found)
    assert score["intact"] / score["sentences"] >= 0.98, article.text
    assert score["heads"] == 0
    assert found.title == layout.title
    assert found.date == layout.date, found.date_by


def test_footnotes_are_notes_after_the_text_and_one_runs_on_to_the_next_page(
    tmp_path: Path,
) -> None:
    layout = dict(MAKERS)["footnotes.pdf"](tmp_path / "notes.pdf")
    article, _ = from_pdf(layout.path.read_bytes())
    notes = [p for p in article.paragraphs if p.startswith("Note ")]
    assert notes[0] == "Note 1: The figures are in cash terms and are not adjusted for inflation."
    assert notes[1].startswith("Note 2: The committee took oral evidence")
    assert "together <!-- page 3 --> with the minister's letter of 4 March" in notes[1]
    # The running text of page 1 comes before its note, and page 2's after it.
    first_note = article.paragraphs.index(notes[0])
    assert article.paragraphs.index("<!-- page 2 -->") == first_note + 1


def test_a_chart_note_is_set_apart_from_the_column_it_stands_in(tmp_path: Path) -> None:
    layout = dict(MAKERS)["report.pdf"](tmp_path / "report.pdf")
    article, _ = from_pdf(layout.path.read_bytes())
    notes = [
        p for p in article.paragraphs if p.startswith("Source: Department for Education, school")
    ]
    assert notes and all(p.endswith("survey 2017.") for p in notes)
    assert not any("Source:" in p and "Source:" not in p[:8] for p in article.paragraphs)
