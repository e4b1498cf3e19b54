"""Bad PDFs and Word files are named and explained, nothing written, the batch goes on, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF
from papers import PAPER_HTML, print_pdf
from PIL import Image

from archive.cli import main


def _scanned(path: Path) -> Path:
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(Image.new("RGB", (300, 400), "white"), x=10, y=10, w=150)
    path.write_bytes(pdf.output())
    return path


def _encrypted(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="The department will spend GBP 5 million on the pilots.")
    pdf.set_encryption(owner_password="owner", user_password="reader")
    path.write_bytes(pdf.output())
    return path


@pytest.fixture
def batch(tmp_path: Path) -> tuple[list[Path], Path]:
    """A folder of bad papers and one good one."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = print_pdf(PAPER_HTML, inbox / "good.pdf")
    bad = [
        _scanned(inbox / "scanned.pdf"),
        _encrypted(inbox / "encrypted.pdf"),
        inbox / "truncated.pdf",
        inbox / "not-a-pdf.pdf",
        inbox / "huge.pdf",
        inbox / "broken.docx",
    ]
    bad[2].write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    bad[3].write_bytes(b"<html>a page saved with the wrong name</html>")
    with bad[4].open("wb") as handle:  # a sparse file: 60 MB on paper, nothing on the disk
        handle.truncate(60_000_000)
    bad[5].write_bytes(b"PK\x03\x04 not really a zip")
    return bad, good


def test_each_bad_paper_is_named_and_explained_and_the_rest_is_ingested(
    batch, corpus_dir: Path, runner
) -> None:
    bad, good = batch
    before = sorted(p.name for p in corpus_dir.rglob("*"))
    result = runner.invoke(main, ["--corpus", str(corpus_dir), "ingest", str(good.parent)])
    assert result.exit_code == 1
    said = result.output
    reasons = {
        "scanned.pdf": "no text layer: its 2 page(s) are images, and OCR found no words on them",
        "encrypted.pdf": "encrypted: it needs a password to open",
        "truncated.pdf": "damaged or truncated:",
        "not-a-pdf.pdf": "damaged: it does not start as a PDF does",
        "huge.pdf": "too large: 60,000,000 bytes, the limit is 50,000,000",
        "broken.docx": "damaged or not a Word file",
    }
    for name, reason in reasons.items():
        assert f"skipped {good.parent / name}: unreadable: {reason}" in said, name
    assert "wrote 1 document(s)" in said and "skipped 6" in said
    after = sorted(p.name for p in corpus_dir.rglob("*"))
    new = sorted(set(after) - set(before))
    # Only the good paper and its original: nothing for the bad ones, and no temporary files.
    assert new == [
        "2017-03-childrens-social-care-innovation-programme-evaluation-of-the-second-round.md",
        "2017-03-childrens-social-care-innovation-programme-evaluation-of-the-second-round.pdf",
        "files",
    ]


def test_a_dry_run_of_a_paper_writes_neither_the_document_nor_its_original(
    batch, corpus_dir: Path, runner
) -> None:
    _, good = batch
    result = runner.invoke(main, ["--corpus", str(corpus_dir), "ingest", "--dry-run", str(good)])
    assert result.exit_code == 0, result.output
    assert "<!-- page 4 -->" in result.output
    assert not (corpus_dir / "files").exists()
