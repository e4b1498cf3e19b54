"""Measure trafilatura, jusText and readability-lxml at keeping a news page's article and no more.

The pages are made at run time from our material: each curated document's body (corpus/) rendered
to HTML, inside the navigation, story lists, comments and contact blocks of the page it was saved
from (the text after the article in ../shared/seeds/), in two layouts: one with HTML5 landmarks
(<nav>, <article>, <aside>, <footer>) and telling class names, and one of bare <div>s with
meaningless class names and the story list as plain paragraphs, as older sites are built.

    python bench/html_extractors.py
        (needs: pip install readability-lxml; jusText comes with trafilatura)

Recall is the share of the article's words the extractor kept; precision the share of what it kept
that belongs to the article (counted as multisets of lower-case words); F1 combines them.
"""

from __future__ import annotations

import html
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.corpus.parse import parse_file  # noqa: E402
from archive.corpus.registry import Registry  # noqa: E402
from archive.ingest.boilerplate import extract_article  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
# Which seed each curated document was written from.
PAIRS = {
    "000_6ce4e12021eb4815.txt": "2013-04-funding-to-improve-social-work-practice-is-removed",
    "001_3f79cd9f5a8b1ac2.txt": "2010-03-17-frontline-social-work-to-be-transformed",
    "002_4336bad4327cdd15.txt": "2011-05-03-councils-shun-social-work-practice-pilots",
    "003_43a77a5735a79a7b.txt": "2017-03-20-innovative-social-work-projects-get-36m-funding-boost",
    "004_502c8441059f2e0b.txt": "2019-devolved-budgets-for-social-workers-broadly-welcomed",
}
NAV = ["Home", "News", "Social work", "Children", "Adults", "Jobs", "Events", "Subscribe", "Log in"]


def page(title: str, body_html: str, tail: list[str], semantic: bool) -> str:
    """Wrap an article in a site's page: nav, story list, comments and footer from its seed."""
    nav = "".join(
        f'<li><a href="/{n.lower().replace(" ", "-")}/">{html.escape(n)}</a></li>' for n in NAV
    )
    half = len(tail) // 2
    related = "".join(
        f'<li><a href="/story/{i}/">{html.escape(line)}</a></li>'
        for i, line in enumerate(tail[:half])
    )
    comments = "".join(
        f'<div class="comment"><p>{html.escape(line)}</p></div>' for line in tail[half:]
    )
    tags = ("nav", "article", "aside", "section", "footer") if semantic else ("div",) * 5
    n, a, s, c, f = tags
    if not semantic:  # no telling class names, and the story list as plain paragraphs
        related = "".join(f"<p>{html.escape(line)}</p>" for line in tail[:half])
    doc = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | Site</title></head>
<body><div class="top-bar">Support our campaign today. <a href="/enquiry">Make an Enquiry</a>
<a href="/contact">Contact Us</a></div>
<{n} class="menu"><ul>{nav}</ul></{n}>
<div class="wrap"><{a} class="post"><h1>{html.escape(title)}</h1>
<div class="byline">By Staff Writer</div>
<div class="entry">{body_html}</div>
<div class="share">Share this: <a href="#">Twitter</a> <a href="#">Facebook</a>
<a href="#">LinkedIn</a></div></{a}>
<{s} class="sidebar"><h2>Related articles</h2><ul>{related}</ul></{s}>
<{c} class="comments"><h2>Comments</h2>{comments}</{c}></div>
<{f} class="site-footer"><p>Sign up for our newsletter</p>
<p>Contact us: T 0333 332 1991, E info@example.org</p>
<p>Copyright 2024 Example Media. All rights reserved.</p></{f}></body></html>"""
    if not semantic:
        names = iter(f"b{i}" for i in range(100))
        doc = re.sub(r'class="[^"]*"', lambda _: f'class="{next(names)}"', doc)
    return doc


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[a-z0-9£$€]+", text.lower()))


def score(kept: str, truth: str) -> tuple[float, float, float]:
    got, want = words(kept), words(truth)
    overlap = sum((got & want).values())
    recall = overlap / max(1, sum(want.values()))
    precision = overlap / max(1, sum(got.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run_trafilatura(doc: str) -> str:
    import trafilatura

    return trafilatura.extract(doc, include_comments=False, include_tables=False) or ""


def run_justext(doc: str) -> str:
    import justext

    paragraphs = justext.justext(
        doc.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8"
    )
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def run_readability(doc: str) -> str:
    import lxml.html
    from readability import Document

    summary = Document(doc).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content()


def run_trafilatura_precise(doc: str) -> str:
    import trafilatura

    return (
        trafilatura.extract(doc, include_comments=False, include_tables=False, favor_precision=True)
        or ""
    )


EXTRACTORS = {
    "trafilatura": run_trafilatura,
    "trafilatura precise": run_trafilatura_precise,
    "jusText": run_justext,
    "readability-lxml": run_readability,
}


def main() -> None:
    registry = Registry.load(ROOT / "corpus")
    pages = []
    for seed, doc_id in PAIRS.items():
        document = parse_file(ROOT / "corpus" / f"{doc_id}.md", registry)
        raw = (SEEDS / seed).read_text("utf-8")
        # The seed's own page around the article: what our plain-text cleaner drops.
        article = extract_article(raw)
        kept = {" ".join(p.split()) for p in article.text.split("\n")}
        tail = [" ".join(line.split()) for line in raw.splitlines() if len(line.split()) >= 2]
        tail = [line for line in tail if line not in kept and line != document.title][:40]
        for semantic in (True, False):
            pages.append(
                (
                    document,
                    page(document.title, markdown.markdown(document.body), tail, semantic),
                    semantic,
                )
            )

    print(f"{len(pages)} pages: 5 articles x 2 layouts (landmarks, bare divs)\n")
    print(
        f"{'extractor':20} {'layout':9} {'precision':>9} {'recall':>7} {'F1':>6} {'ms/page':>8}"
        f"   {'then our text cleaner: P':>24} {'R':>6} {'F1':>6}"
    )
    for name, extract in EXTRACTORS.items():
        try:
            extract(pages[0][1])  # import and warm up outside the timing
        except ImportError as error:
            print(f"{name:20} not installed ({error.name}): pip install readability-lxml")
            continue
        for semantic in (True, False):
            scores, cleaned, times = [], [], []
            for document, doc, layout in pages:
                if layout != semantic:
                    continue
                started = time.perf_counter()
                kept = extract(doc)
                times.append(time.perf_counter() - started)
                # The headline is metadata: score the body alone.
                kept = "\n".join(
                    line for line in kept.splitlines() if line.strip() != document.title
                )
                scores.append(score(kept, document.text))
                cleaned.append(
                    score(extract_article(kept, title=document.title).text, document.text)
                )
            p, r, f = (statistics.mean(s[i] for s in scores) for i in range(3))
            cp, cr, cf = (statistics.mean(s[i] for s in cleaned) for i in range(3))
            print(
                f"{name:20} {'landmark' if semantic else 'divs':9} {p:9.3f} {r:7.3f} {f:6.3f} "
                f"{1000 * statistics.mean(times):8.1f}   {cp:24.3f} {cr:6.3f} {cf:6.3f}"
            )


if __name__ == "__main__":
    main()
