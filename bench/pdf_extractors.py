"""Measure pypdf, pypdfium2 and pdfplumber (pdfminer.six) at giving a paper's text back, page by page.

The PDFs are made at run time by Chromium's --print-to-pdf: the test paper of tests/papers.py (five
pages, a contents page, a table, running headers and "Page N of M" footers, amounts on known pages)
and each curated document of corpus/ set as a paper, in two columns' width of text under the same
running header and footer. Each library's pages go through the same cleaner (archive/ingest/pages.py);
pypdf and pypdfium2 give lines without sizes or positions, so their margins are the first and last
two lines of a page, as the cleaner does for any such extractor.

    python bench/pdf_extractors.py        (needs: pip install pypdf pypdfium2 pdfplumber; /usr/bin/chromium)

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
TEMPLATE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title><style>
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

    return [_plain_lines(page.extract_text() or "", n) for n, page in enumerate(pypdf.PdfReader(path).pages, 1)]


def pdfium_pages(path: Path) -> list[PageText]:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return [_plain_lines(document[i].get_textpage().get_text_range(), i + 1) for i in range(len(document))]
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
    cases = [("test paper", print_pdf(PAPER_HTML, work / "paper.pdf"), None, "Innovation Programme evaluation")]
    for doc_id, path in sorted(document_files(ROOT / "corpus").items()):
        document = parse_file(path, registry)
        body = markdown.markdown(document.body)
        page = TEMPLATE.format(title=html.escape(document.title), header=HEADER, body=body)
        cases.append((doc_id[:40], print_pdf(page, work / f"{doc_id}.pdf"), document.text, HEADER))
    print(f"{len(cases)} PDFs, {sum(len(plumber_pages(c[1])) for c in cases)} pages\n")
    print("| extractor | mean F1 | lowest F1 | header/footer leaks | titles | headings | table rows "
          "| amounts on their page | ms a page |")
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
            leaks += sum(1 for b in paper.blocks if header.lower() in b.lower() or re.search(r"Page \d+ of \d+", b))
            titles += paper.title is not None
            if truth is None:
                right = amount_pages(paper.markdown, registry)
                headings = sum(1 for b in paper.blocks if re.match(r"#+ (?:\d\\?\.|Annex)", b))
                rows = len(re.findall(r"(?m)^- .*Council.*£[\d.]+ million", paper.markdown))
            else:
                scores.append(f1(paper.text, truth))
        print(f"| {name} | {statistics.mean(scores):.3f} | {min(scores):.3f} | {leaks} | {titles} of {len(cases)} "
              f"| {headings} of 4 | {rows} of 3 | {right:.0%} | {1000 * seconds / pages:.1f} |")

if __name__ == "__main__":
    main()
