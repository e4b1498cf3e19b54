"""Make scanned PDFs for the OCR tests: a page of text printed, rendered to an image at a given
resolution (optionally turned a little, as a page fed crookedly), and saved as an image-only PDF."""

from __future__ import annotations

from pathlib import Path

from layouts import PROSE

SCAN_TITLE = "Grants for school transport in rural areas"
SCAN_PAGES = [[" ".join(p) for p in PROSE[:4]], [" ".join(p) for p in PROSE[4:8]]]
SCAN_TEXT = [text for page in SCAN_PAGES for text in page]


def text_pdf(out: Path, pages: int = 1, titled: bool = True) -> Path:
    """A plain page or two of text with a title (in body type unless titled), as printed."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=12, leading=16, spaceAfter=10)
    title = ParagraphStyle(
        "title", fontName="Helvetica-Bold", fontSize=20, leading=24, spaceAfter=14
    )
    story = [Paragraph(SCAN_TITLE, title if titled else body), Paragraph("March 2009", body)]
    for n in range(pages):
        if n:
            story.append(PageBreak())
        story += [Paragraph(text, body) for text in SCAN_PAGES[n]]
    SimpleDocTemplate(str(out), pagesize=A4).build(story)
    return out


def scan(pdf: Path, out: Path, dpi: int, skew: float = 0.0) -> Path:
    """Render each page as a grey image at dpi, turned by skew degrees; save an image-only PDF."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        images = []
        for page in document:
            image = page.render(scale=dpi / 72).to_pil().convert("L")
            if skew:
                image = image.rotate(skew, expand=True, fillcolor=255)
            images.append(image)
    finally:
        document.close()
    # No Title property: Pillow would otherwise write the file's name there, as no scanner does.
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:], title="")
    return out


def word_accuracy(found: str, truth: str) -> float:
    """The share of the true words read right, in order (difflib's matching blocks over words)."""
    import difflib
    import re

    def tokens(text: str) -> list[str]:
        return re.findall(r"[\w£$€.,'’-]+", text.replace("’", "'"))

    want, got = tokens(truth), tokens(found)
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(want)
