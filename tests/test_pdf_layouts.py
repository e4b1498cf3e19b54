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


def test_a_money_table_keeps_rows_and_columns_in_its_unit_over_a_page_break(tmp_path: Path) -> None:
    from archive.corpus.parse import parse_bytes
    from archive.corpus.registry import Registry

    layout = dict(MAKERS)["table.pdf"](tmp_path / "table.pdf")
    article, _ = from_pdf(layout.path.read_bytes())
    body = "\n\n".join(article.paragraphs)
    row = "- Grants to councils — 2024-25: £13.7 million; 2025-26: £14.2 million."
    assert body.count(row) == 5  # the table's five blocks of rows, on both pages
    page_two = body.split("<!-- page 2 -->")[1]
    assert "- Skills — 2024-25: £3.3 million; 2025-26: £3.5 million." in page_two
    # Each amount is read with its page, as a sentence of its own row.
    registry = Registry.load(Path(__file__).parent / "corpus")
    content = f'---\ntitle: x\ndate: "2024"\nsource: x\n---\n\n{body}\n'.encode()
    document = parse_bytes(content, Path("table.md"), registry)
    pages = {a.page for a in document.amounts if a.text == "£3.5 million"}
    assert pages == {1, 2}


@pytest.mark.parametrize(
    "caption,header,cell,written",
    [
        (
            "Table 2: Net budget by service, £000",
            ["Service", "2016-17"],
            "98,200",
            "£98,200 thousand",
        ),
        ("", ["Program", "$ in millions"], "1,250.5", "$1,250.5 million"),
        ("Spending (£m)", ["Area", "2019"], "(4.5)", "-£4.5 million"),
        ("Grants by region", ["Region", "2019"], "4.5", "4.5"),  # no unit: left as printed
    ],
)
def test_a_table_s_unit_is_applied_to_its_bare_numbers(caption, header, cell, written) -> None:
    from archive.ingest.tables import apply_unit, table_unit

    unit = table_unit(caption, " ".join(header))
    assert apply_unit([header, ["North", cell]], unit)[1][1] == written


@pytest.mark.parametrize(
    "blocks,date",
    [
        (["Funding for families", "Briefing, 10 April 2013"], "2013-04-10"),
        (["Annual plan", "April 2013"], "2013-04"),
        (["Published in Spring 2019 by the department."], "2019"),
        (["Revenue budget 2019/20"], "2019"),
        (["Capital plan", "2019-07"], None),  # not a financial year, and no date written so
        # A date inside a sentence of text is what the text is about, not when it was printed.
        (["The programme will run from April 2013 to March 2015 in every region."], None),
        (["March 2017", "Updated on 4 May 2018"], "2018-05-04"),  # the most precise wins
    ],
)
def test_a_date_printed_on_the_first_pages_is_read_in_its_common_forms(blocks, date) -> None:
    from archive.ingest.papers import printed_date

    found = printed_date(blocks)
    assert (found[0] if found else None) == date
