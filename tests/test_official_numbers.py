"""Official numbers read from a paper's cover and imprint page, with the line each came from;
shown on the document's page and used in its OSCOLA citation: "(CP 1234, 2025)"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import main
from archive.corpus.folder import document_files
from archive.corpus.parse import parse_file
from archive.corpus.registry import Registry
from archive.index.build import build
from archive.ingest.numbers import official_numbers
from archive.web.app import create_app

HERE = Path(__file__).parent
ISBN = "978-1-5286-5342-8"


def command_paper(out: Path) -> Path:
    """A Command paper as printed: cover with its number, two pages of text, an imprint page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=11, leading=14, spaceAfter=8)
    title = ParagraphStyle(
        "title", fontName="Helvetica-Bold", fontSize=24, leading=28, spaceAfter=20
    )
    story = [
        Spacer(1, 120),
        Paragraph("Spending Review 2025: funding for schools", title),
        Paragraph(
            "Presented to Parliament by the Chancellor of the Exchequer by Command of His Majesty",
            body,
        ),
        Paragraph("June 2025", body),
        Paragraph("CP 1234", body),
        PageBreak(),
        Paragraph(
            "The government will provide £4.7 billion more for schools over the next three years. "
            "Grants to councils for school transport rise by £120 million.",
            body,
        ),
        PageBreak(),
        Paragraph(
            "© Crown copyright 2025. This publication is licensed under the terms of the Open "
            "Government Licence v3.0.",
            body,
        ),
        Paragraph(f"ISBN {ISBN}", body),
        Paragraph("HM Treasury", body),
    ]
    SimpleDocTemplate(str(out), pagesize=A4, title="Spending Review 2025").build(story)
    return out


def test_numbers_are_read_with_their_lines() -> None:
    found = dict(
        official_numbers(
            [
                "Presented to Parliament",
                "CP 1234",
                "HC 1224 Published on 3 July 2018",
                "HL Paper 45",
                "Cm. 9876",
                f"ISBN {ISBN}",
                "ISBN 978-1-5286-5342-9",
                "It is 12 cm wide",
                "HCS 12",
            ]
        )
    )
    assert found == {
        "CP 1234": "CP 1234",
        "HC 1224": "HC 1224 Published on 3 July 2018",
        "HL Paper 45": "HL Paper 45",
        "Cm 9876": "Cm. 9876",
        f"ISBN {ISBN}": f"ISBN {ISBN}",
    }


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("numbers")
    corpus = root / "corpus"
    shutil.copytree(HERE / "corpus", corpus)
    before = set(document_files(corpus))
    pdf = command_paper(root / "spending-review.pdf")
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(pdf)])
    assert result.exit_code == 0, result.output
    [new] = set(document_files(corpus)) - before
    assert not build(corpus, root / "index").errors
    client = create_app({"TESTING": True, "INDEX_DIR": str(root / "index")}).test_client()
    return parse_file(document_files(corpus)[new], Registry.load(corpus)), client


def test_a_command_paper_s_cover_gives_its_number_and_isbn(ingested) -> None:
    document, _ = ingested
    assert document.numbers == ("CP 1234", f"ISBN {ISBN}")
    assert 'CP 1234: "CP 1234"' in document.numbers_evidence
    assert f'ISBN {ISBN}: "ISBN {ISBN}"' in document.numbers_evidence
    assert document.title == "Spending Review 2025: funding for schools"
    assert document.date.iso == "2025-06"


def test_the_numbers_are_shown_and_cited(ingested) -> None:
    document, client = ingested
    page = client.get(f"/doc/{document.id}").get_data(as_text=True)
    assert f'<dd class="numbers">CP 1234, ISBN {ISBN}</dd>' in page
    oscola = page.split('id="cite-oscola-text"')[1].split("</p>")[0]
    assert "(CP 1234, 2025)" in oscola
