"""Make real documents for the ingest tests: PDFs printed by Chromium, Word files by python-docx."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Four sentences of plain body text that the made real-PDF shapes (test_real_shapes_*) set on
# their pages and expect back whole and in order.
BODY = [
    "Councils may claim the grant for each approved flood scheme once a year.",
    "The department pays each claim within six weeks of receiving the audited return.",
    "A scheme that overruns its budget may ask for a second payment in the next year.",
    "Claims not made by the end of May are carried over to the following year.",
]

# A policy paper of five pages: a title page, a contents page, then three pages of text under a
# running header with "Page N of M" footers. The amounts stand on pages 3, 4 and 5.
PAPER_TITLE = "Children's Social Care Innovation Programme: evaluation of the second round"
PAPER_HEADER = "Innovation Programme evaluation: second round"
PAPER_HTML = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{PAPER_TITLE}</title>
<style>
@page {{ size: A4; margin: 25mm 22mm;
  @top-center {{ content: "{PAPER_HEADER}"; font: 9pt serif; }}
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font: 9pt serif; }} }}
@page :first {{ @top-center {{ content: none; }} }}
body {{ font: 11pt/1.4 serif; }}
h1 {{ font-size: 24pt; margin-top: 60mm; }}
h2 {{ font-size: 15pt; }}
.page {{ break-before: page; }}
p {{ margin: 0 0 10pt; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border: 1px solid black; padding: 3pt; text-align: left; }}
</style></head>
<body>
<h1>{PAPER_TITLE}</h1>
<p>Research report</p>
<p>March 2017</p>
<p>Department for Education</p>

<div class="page">
<h2>Contents</h2>
<p>1. Introduction .................................................. 3</p>
<p>2. Awards to local authorities ................................... 4</p>
<p>3. Next steps .................................................... 5</p>
<p>Annex: method ................................................... 5</p>
</div>

<div class="page">
<h2>1. Introduction</h2>
<p>1.1 The Children's Social Care Innovation Programme supports local authorities and their partners
to develop and test new ways of supporting children who need help from children's social care.
The Department for Education announced £100 million \
for the programme's first round in October 2013.</p>
<p>1.2 This report looks at the second round, whose projects ran from April 2015 to March 2016. It
draws on interviews with staff in every project and on each project's own evaluation, and it asks
whether the new ways of working were sustain-<br>able once the programme's money had been spent.</p>
<p>1.3 Most of the projects in the second round built on what had worked in the first. Among the
councils that</p>
</div>

<div class="page">
<p>took part in both rounds, the twelve largest projects \
received £2.5 million each for their second year.</p>
<h2>2. Awards to local authorities</h2>
<p>2.1 The table shows the largest awards of the second round.</p>
<table>
<tr><th>Local authority</th><th>Award</th><th>Project</th></tr>
<tr><td>Leeds City Council</td><td>£4.8 million</td><td>Family valued</td></tr>
<tr><td>Hertfordshire County Council</td><td>£4.86 million</td><td>Family safeguarding</td></tr>
<tr><td>Durham County Council</td><td>£1.2 million</td><td>Families first</td></tr>
</table>
</div>

<div class="page">
<h2>3. Next steps</h2>
<p>3.1 The department will make a further £20 million available to spread the projects that worked.
Councils can bid from the summer. The money will go to:</p>
<ul><li>councils that want to adopt a tested \
model;</li><li>partnerships of councils and charities.</li></ul>
<h2>Annex: method</h2>
<p>A.1 Evaluators visited every project twice and read each project's own reports.</p>
</div>
</body></html>
"""
# page -> the amounts printed on it, as written
PAPER_AMOUNTS = {
    "£100 million": 3,
    "£2.5 million": 4,
    "£4.8 million": 4,
    "£4.86 million": 4,
    "£1.2 million": 4,
    "£20 million": 5,
}


def print_pdf(html: str, out: Path) -> Path:
    """Print an HTML page to a PDF with headless Chromium, as the browser tests run it."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is not at {CHROMIUM}: CI must make the test PDFs")
        pytest.skip(f"Chromium is not at {CHROMIUM}")
    source = out.with_suffix(".html")
    source.write_text(html, "utf-8")
    profile = out.parent / f".chromium-{out.stem}"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-pdf-header-footer",
        f"--user-data-dir={profile}",
        f"--print-to-pdf={out}",
        source.as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    shutil.rmtree(profile, ignore_errors=True)
    source.unlink()
    assert out.stat().st_size > 0
    return out
