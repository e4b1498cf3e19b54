"""Policy papers: a PDF printed by Chromium and a Word file, ingested, built, served and cited."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from papers import PAPER_AMOUNTS, PAPER_HEADER, PAPER_HTML, PAPER_TITLE, print_pdf

from archive.cli import main
from archive.corpus.parse import parse_file
from archive.corpus.registry import Registry
from archive.index.build import build
from archive.web.app import create_app

PAPER_ID = "2017-03-childrens-social-care-innovation-programme-evaluation-of-the-second-round"


@pytest.fixture(scope="module")
def paper_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return print_pdf(PAPER_HTML, tmp_path_factory.mktemp("paper") / "evaluation.pdf")


@pytest.fixture(scope="module")
def ingested(paper_pdf: Path, tmp_path_factory: pytest.TempPathFactory):
    """The test corpus with the paper ingested through the CLI, built into an index."""
    from click.testing import CliRunner

    root = tmp_path_factory.mktemp("archive")
    corpus = root / "corpus"
    shutil.copytree(Path(__file__).parent / "corpus", corpus)
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(paper_pdf)])
    assert result.exit_code == 0, result.output
    report = build(corpus, root / "index")
    assert not report.errors
    return corpus, root / "index", result.output


@pytest.fixture(scope="module")
def paper_client(ingested):
    _, index, _ = ingested
    return create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()


def test_a_paper_is_ingested_with_its_title_date_and_department(ingested) -> None:
    corpus, _, output = ingested
    document = parse_file(corpus / f"{PAPER_ID}.md", Registry.load(corpus))
    assert document.title == PAPER_TITLE
    assert document.date.iso == "2017-03" and document.date.precision == "month"
    assert document.departments == ("dfe",)
    assert document.source == "Department for Education"
    assert document.type == "report"
    assert "[the largest type on page 1]" in output
    assert 'The line "March 2017" in the first pages gives the date March 2017.' in output


def test_running_headers_footers_and_the_contents_page_are_left_out(ingested) -> None:
    corpus, _, _ = ingested
    document = parse_file(corpus / f"{PAPER_ID}.md", Registry.load(corpus))
    assert PAPER_HEADER not in document.text
    assert not re.search(r"Page \d+ of \d+", document.text)
    assert "....." not in document.text and "Contents" not in document.text
    assert document.pages == (1, 3, 4, 5)  # page 2 was the contents


def test_hyphenation_is_joined_and_lines_reflowed_into_numbered_paragraphs(ingested) -> None:
    corpus, _, _ = ingested
    body = (corpus / f"{PAPER_ID}.md").read_text("utf-8")
    assert "were sustainable once" in body
    assert "## 1\\. Introduction" in body and "## 3\\. Next steps" in body
    # A numbered paragraph is one line: its wrapped lines are joined.
    assert re.search(
        r"^1\.1 The Children's Social Care Innovation Programme supports .* October 2013\.$",
        body,
        re.M,
    )
    # The paragraph that runs over a page stays one paragraph, with the page's marker inside it.
    assert "Among the councils that <!-- page 4 --> took part in both rounds" in body
    assert "- councils that want to adopt a tested model;" in body


def test_the_table_of_awards_is_kept_one_row_a_line(ingested) -> None:
    corpus, _, _ = ingested
    body = (corpus / f"{PAPER_ID}.md").read_text("utf-8")
    assert "- Leeds City Council — Award: £4.8 million; Project: Family valued." in body
    assert "- Durham County Council — Award: £1.2 million; Project: Families first." in body


def test_every_amount_has_the_page_it_is_printed_on(ingested, paper_client) -> None:
    corpus, _, _ = ingested
    document = parse_file(corpus / f"{PAPER_ID}.md", Registry.load(corpus))
    assert {a.text: a.page for a in document.amounts} == PAPER_AMOUNTS
    api = paper_client.get(f"/api/doc/{PAPER_ID}").get_json()
    assert {a["text"]: a["page"] for a in api["amounts"]} == PAPER_AMOUNTS
    assert api["pages"] == [1, 3, 4, 5]
    # The sentence of an amount may run over a page; it is whole.
    sentence = next(a["sentence"] for a in api["amounts"] if a["text"] == "£2.5 million")
    assert sentence.startswith("Among the councils that took part in both rounds")


def test_the_document_page_links_each_amount_to_its_page_of_the_original(paper_client) -> None:
    html = paper_client.get(f"/doc/{PAPER_ID}").get_data(as_text=True)
    assert (
        f'href="/doc/{PAPER_ID}/original.pdf#page=4" aria-label="p. 4 of the original PDF">p. 4</a>'
        in html
    )
    assert (
        f'href="/doc/{PAPER_ID}/original.pdf#page=3" aria-label="p. 3 of the original PDF">p. 3</a>'
        in html
    )
    assert f'<a href="/doc/{PAPER_ID}/original.pdf" type="application/pdf">PDF, 4 pages</a>' in html


def test_the_original_is_stored_beside_the_document_and_served(
    ingested, paper_pdf, paper_client
) -> None:
    corpus, index, _ = ingested
    kept = corpus / "files" / f"{PAPER_ID}.pdf"
    assert kept.read_bytes() == paper_pdf.read_bytes()
    assert f'  - "files/{PAPER_ID}.pdf"' in (corpus / f"{PAPER_ID}.md").read_text("utf-8")
    with paper_client.get(f"/doc/{PAPER_ID}/original.pdf") as response:
        assert response.status_code == 200
        assert response.mimetype == "application/pdf"
        assert response.data == paper_pdf.read_bytes()
        assert response.headers["Content-Disposition"] == f"inline; filename={PAPER_ID}.pdf"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_no_path_from_the_url_reaches_the_disk(paper_client) -> None:
    for path in (
        f"/doc/{PAPER_ID}/original.docx",
        "/doc/2013-pooled-budget-for-health-and-social-care-agreed/original.pdf",
        "/doc/..%2F..%2Fetc%2Fpasswd/original.pdf",
        f"/doc/{PAPER_ID}/../original.pdf",
        "/doc/%2e%2e/original.pdf",
        "/doc/x/original.exe",
    ):
        response = paper_client.get(path)
        assert response.status_code == 404, path
        assert response.mimetype == "text/html"


def test_a_page_gives_pinpoint_citations(paper_client) -> None:
    html = paper_client.get(f"/doc/{PAPER_ID}?page=4").get_data(as_text=True)
    assert (
        'id="cite-page-apa-in-text" data-copy-label="Copy the APA 7th edition in-text citation">'
        "(Department for Education, 2017, p. 4)</span>" in html
    )
    assert (
        "(Department for Education, 2017, p. 4)</span>" in html.split('id="cite-page-harvard"')[1]
    )
    apa = re.search(r'id="cite-page-apa-text"[^>]*>(.*?)</p>', html).group(1)
    assert apa == (
        "Department for Education. (2017). <i>Children&#x27;s Social Care Innovation Programme: "
        f"evaluation of the second round</i>. http://localhost/doc/{PAPER_ID}"
    )
    oscola = re.search(r'id="cite-page-oscola-text"[^>]*>(.*?)</p>', html).group(1)
    assert oscola.startswith(
        "Department for Education, <i>Children&#x27;s Social Care Innovation Programme: "
        "evaluation of the second round</i> (March 2017) 4 &lt;http://localhost/doc/"
    )
    assert f'href="/doc/{PAPER_ID}/original.pdf#page=4">see it in the original</a>' in html


def test_a_page_the_paper_does_not_have_is_a_friendly_400(paper_client) -> None:
    for page in ("2", "99", "x", "-1"):
        response = paper_client.get(f"/doc/{PAPER_ID}?page={page}")
        assert response.status_code == 400
        assert "give one of this document&#39;s pages, 1 to 5" in response.get_data(as_text=True)
    news = paper_client.get("/doc/2013-pooled-budget-for-health-and-social-care-agreed?page=1")
    assert news.status_code == 400


def test_csv_exports_give_each_amounts_page(paper_client) -> None:
    import csv
    import io

    text = paper_client.get("/search.csv?q=%22second+round%22").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(r for r in rows if r["id"] == PAPER_ID)
    assert row["amount_pages"] == "3; 4; 4; 4; 4; 5"


def test_a_word_file_with_headings_and_amounts_is_ingested(
    corpus_dir: Path, tmp_path: Path, runner
) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Family hubs: guidance for local authorities"
    document.core_properties.author = "Department for Education"
    document.add_paragraph("Family hubs: guidance for local authorities", style="Title")
    document.add_paragraph("14 June 2022")
    document.add_heading("Funding", level=1)
    document.add_paragraph(
        "The Department for Education will give £302 million to 75 councils to open family hubs."
    )
    document.add_heading("How to bid", level=2)
    document.add_paragraph("Councils send their plans by the autumn.", style="List Bullet")
    document.add_paragraph(
        "A further £12 million supports the councils that start first.", style="List Bullet"
    )
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(
        table.rows[0].cells + table.rows[1].cells, ["Council", "Award", "Leeds", "£4 million"]
    ):
        cell.text = text
    path = tmp_path / "family-hubs.docx"
    document.save(path)

    result = runner.invoke(main, ["--corpus", str(corpus_dir), "ingest", str(path)])
    assert result.exit_code == 0, result.output
    written = corpus_dir / "2022-06-14-family-hubs-guidance-for-local-authorities.md"
    content = written.read_text("utf-8")
    assert "## Funding\n\nThe Department for Education will give £302 million" in content
    assert (
        "### How to bid\n\n- Councils send their plans by the autumn.\n- A further £12 million"
        in content
    )
    assert "- Leeds — Award: £4 million." in content
    assert (corpus_dir / "files" / f"{written.stem}.docx").read_bytes() == path.read_bytes()
    parsed = parse_file(written, Registry.load(corpus_dir))
    assert parsed.source == "Department for Education" and parsed.departments == ("dfe",)
    assert [(a.text, a.page) for a in parsed.amounts] == [
        ("£302 million", None),
        ("£12 million", None),
        ("£4 million", None),
    ]
    index = tmp_path / "index"
    build(corpus_dir, index)
    client = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    with client.get(f"/doc/{written.stem}/original.docx") as response:
        assert response.status_code == 200 and response.data == path.read_bytes()
        assert (
            response.headers["Content-Disposition"] == f"attachment; filename={written.stem}.docx"
        )
