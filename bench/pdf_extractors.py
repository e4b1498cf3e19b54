"""Measure pypdf, pypdfium2 and pdfplumber (pdfminer.six) at giving a paper's text back by page.

The PDFs are made at run time by Chromium's --print-to-pdf: the test paper of tests/papers.py (five
pages, a contents page, a table, running headers and "Page N of M" footers, amounts on known pages)
and each curated document of corpus/ set as a paper, in two columns' width of text under the same
running header and footer. Each library's pages go through the same cleaner
(archive/ingest/pages.py); pypdf and pypdfium2 give lines without sizes or positions, so their
margins are the first and last two lines of a page, as the cleaner does for any such extractor.

    python bench/pdf_extractors.py
        (needs: pip install pypdf pypdfium2 pdfplumber; /usr/bin/chromium)
    python bench/pdf_extractors.py layouts [--sealed]
                                           the layout bench of tests/layouts.py (or the sealed
                                           sample of tests/layouts_sealed.py): sentences intact
                                           and in order, running heads in the body, titles and
                                           dates, per approach

F1 is over multisets of lower-case words of the body (the title is metadata) against the curated
document's own text; "leaks" counts running header or footer lines left in any body; "titles" counts
the papers whose title was found; "headings" and "table rows" count the test paper's four numbered
headings kept as Markdown headings and its three award rows kept one a row; "amounts on their page"
is the share of the test paper's six amounts given the page they are printed on.
"""

from __future__ import annotations

import html
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from papers import PAPER_AMOUNTS, PAPER_HTML, print_pdf  # noqa: E402

from archive.corpus.folder import document_files  # noqa: E402
from archive.corpus.parse import parse_bytes, parse_file  # noqa: E402
from archive.corpus.registry import Registry  # noqa: E402
from archive.ingest.pages import Line, PageText, to_paper  # noqa: E402
from archive.ingest.pdf import read_pdf  # noqa: E402

HEADER = "Policy Archive test papers: funding announcements"
TEMPLATE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
@page {{ size: A5; margin: 18mm 15mm;
  @top-center {{ content: "{header}"; font: 8pt serif; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font: 8pt serif; }} }}
body {{ font: 10pt/1.35 serif; }} h1 {{ font-size: 18pt; }} p {{ margin: 0 0 8pt; }}
</style></head><body><h1>{title}</h1>{body}</body></html>"""


def _plain_lines(text: str, number: int) -> PageText:
    lines = [" ".join(line.split()) for line in text.replace("\r", "").split("\n")]
    return PageText(number, [Line(line) for line in lines if line])


def pypdf_pages(path: Path) -> list[PageText]:
    import pypdf

    return [
        _plain_lines(page.extract_text() or "", n)
        for n, page in enumerate(pypdf.PdfReader(path).pages, 1)
    ]


def pdfium_pages(path: Path) -> list[PageText]:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return [
            _plain_lines(document[i].get_textpage().get_text_range(), i + 1)
            for i in range(len(document))
        ]
    finally:
        document.close()


def plumber_pages(path: Path) -> list[PageText]:
    return read_pdf(path.read_bytes()).pages


EXTRACTORS = {"pypdf": pypdf_pages, "pypdfium2": pdfium_pages, "pdfplumber": plumber_pages}


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[a-z0-9£$€]+(?:['’.,][a-z0-9]+)*", text.lower()))


def f1(found: str, truth: str) -> float:
    got, want = words(found), words(truth)
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def amount_pages(markdown_text: str, registry: Registry) -> float:
    content = f'---\ntitle: x\ndate: "2017"\nsource: x\n---\n\n{markdown_text}'.encode()
    document = parse_bytes(content, Path("paper.md"), registry)
    right = sum(1 for a in document.amounts if PAPER_AMOUNTS.get(a.text) == a.page)
    return right / len(PAPER_AMOUNTS)


def main() -> None:
    registry = Registry.load(ROOT / "corpus")
    work = Path(tempfile.mkdtemp(prefix="pdf-bench-"))
    cases = [
        (
            "test paper",
            print_pdf(PAPER_HTML, work / "paper.pdf"),
            None,
            "Innovation Programme evaluation",
        )
    ]
    for doc_id, path in sorted(document_files(ROOT / "corpus").items()):
        document = parse_file(path, registry)
        body = markdown.markdown(document.body)
        page = TEMPLATE.format(title=html.escape(document.title), header=HEADER, body=body)
        cases.append((doc_id[:40], print_pdf(page, work / f"{doc_id}.pdf"), document.text, HEADER))
    print(f"{len(cases)} PDFs, {sum(len(plumber_pages(c[1])) for c in cases)} pages\n")
    print(
        "| extractor | mean F1 | lowest F1 | header/footer leaks | titles | headings | table rows "
        "| amounts on their page | ms a page |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, extract in EXTRACTORS.items():
        scores, leaks, pages, seconds, titles = [], 0, 0, 0.0, 0
        right, headings, rows = 0.0, 0, 0
        for _label, pdf, truth, header in cases:
            started = time.perf_counter()
            found = extract(pdf)
            paper = to_paper(found)
            seconds += time.perf_counter() - started
            pages += len(found)
            leaks += sum(
                1
                for b in paper.blocks
                if header.lower() in b.lower() or re.search(r"Page \d+ of \d+", b)
            )
            titles += paper.title is not None
            if truth is None:
                right = amount_pages(paper.markdown, registry)
                headings = sum(1 for b in paper.blocks if re.match(r"#+ (?:\d\\?\.|Annex)", b))
                rows = len(re.findall(r"(?m)^- .*Council.*£[\d.]+ million", paper.markdown))
            else:
                scores.append(f1(paper.text, truth))
        print(
            f"| {name} | {statistics.mean(scores):.3f} | {min(scores):.3f} | {leaks} | {titles} "
            f"of {len(cases)} "
            f"| {headings} of 4 | {rows} of 3 | {right:.0%} | {1000 * seconds / pages:.1f} |"
        )


def _norm(text: str) -> str:
    text = (
        text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ad", "").replace("\\", "")
    )
    return " ".join(text.split())


def score_layout(layout, article, found) -> dict[str, float]:
    """Sentences intact and in order, running heads left in the body, title and date right."""
    text = _norm(article.text)
    intact = in_order = cursor = 0
    for sentence in layout.sentences:
        at = text.find(_norm(sentence), cursor)
        intact += _norm(sentence) in text
        if at >= 0:
            in_order += 1
            cursor = at + 1
    notes = sum(_norm(s) in text for s in layout.notes)
    heads = sum(len(re.findall(re.escape(head), text, re.I)) for head in layout.heads)
    return {
        "sentences": len(layout.sentences) + len(layout.notes),
        "intact": in_order + notes,
        "anywhere": intact + notes,
        "heads": heads,
        "title": _norm(found.title or "") == _norm(layout.title),
        "date": found.date == layout.date,
    }


def pdfminer_pages(path: Path) -> list[PageText]:
    """pdfminer.six's own layout analysis (LAParams): its text boxes in its reading order."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextBox

    pages = []
    for number, layout in enumerate(extract_pages(str(path), laparams=LAParams(boxes_flow=0.5)), 1):
        height = float(layout.height)
        lines = []
        for box in layout:
            if not isinstance(box, LTTextBox):
                continue
            for line in box:
                chars = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
                text = " ".join(line.get_text().split())
                if not text or not chars:
                    continue
                size = round(statistics.median(c.size for c in chars), 1)
                top = height - line.y1
                edge = top < 0.1 * height or height - line.y0 > 0.9 * height
                lines.append(Line(text, size, False, edge, top, float(line.x0)))
        pages.append(PageText(number, lines))
    return pages


def plumber_lines_pages(path: Path) -> list[PageText]:
    """Return pdfplumber's lines straight across the page, as ingest read PDFs before layouts."""
    import pdfplumber

    pages = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            height = float(page.height)
            lines = []
            for raw in page.extract_text_lines(return_chars=True, strip=True):
                chars = [c for c in raw["chars"] if c["text"].strip()]
                size = round(statistics.median(c["size"] for c in chars), 1) if chars else 0.0
                edge = raw["top"] < 0.1 * height or raw["bottom"] > 0.9 * height
                lines.append(
                    Line(
                        " ".join(raw["text"].split()),
                        size,
                        False,
                        edge,
                        float(raw["top"]),
                        float(raw["x0"]),
                    )
                )
            pages.append(PageText(number, lines))
    return pages


APPROACHES = {
    "layout (pdfplumber words, XY cut)": plumber_pages,
    "pdfminer LAParams boxes": pdfminer_pages,
    "pdfplumber lines (before)": plumber_lines_pages,
    "pypdfium2 text": pdfium_pages,
}


def layout_bench(sealed: int = 0) -> list[tuple[str, str, dict[str, float]]]:
    """Score each approach on each made layout (or on the sealed sample's)."""
    from layouts import MAKERS
    from layouts_sealed import SEALED, SEALED2

    from archive.ingest.papers import from_pages

    work = Path(tempfile.mkdtemp(prefix="pdf-layouts-"))
    results = []
    for name, make in {0: MAKERS, 1: SEALED, 2: SEALED2}[int(sealed)]:
        layout = make(work / name)
        info = read_pdf(layout.path.read_bytes()).info
        for name, extract in APPROACHES.items():
            started = time.perf_counter()
            pages = extract(layout.path)
            article, found = from_pages(pages, info, None)
            score = score_layout(layout, article, found)
            score.update(seconds=time.perf_counter() - started, pages=len(pages))
            results.append((layout.name, name, score))
    return results


def print_layouts(sealed: int = 0) -> None:
    results = layout_bench(sealed)
    print(
        "| layout | approach | sentences intact, in order | running heads in body | title | date |"
    )
    print("|---|---|---|---|---|---|")
    totals: dict[str, Counter[str]] = {}
    for layout, name, r in results:
        print(
            f"| {layout} | {name} | {r['intact']:.0f} of {r['sentences']:.0f} | {r['heads']:.0f} "
            f"| {'right' if r['title'] else 'wrong'} | {'right' if r['date'] else 'wrong'} |"
        )
        total = totals.setdefault(name, Counter())
        for key in ("sentences", "intact", "heads", "title", "date", "seconds", "pages"):
            total[key] += r[key]
        total["layouts"] += 1
    print(
        "\n| approach | sentences intact, in order | running heads in body | titles right "
        "| dates right | ms a page |"
    )
    print("|---|---|---|---|---|---|")
    for name, t in totals.items():
        print(
            f"| {name} | {t['intact'] / t['sentences']:.1%} ({t['intact']} of {t['sentences']}) | "
            f"{t['heads']} | {t['title']} of {t['layouts']} | {t['date']} of {t['layouts']} "
            f"| {1000 * t['seconds'] / t['pages']:.0f} |"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["layouts"]:
        print_layouts(sealed={"--sealed": 1, "--sealed2": 2}.get(" ".join(sys.argv[2:]), 0))
    else:
        main()
