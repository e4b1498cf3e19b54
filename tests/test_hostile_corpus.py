"""A hostile corpus: nothing unescaped reaches a page, a feed or an export; builds stay bounded."""

from __future__ import annotations

import resource
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from archive.index.build import build
from archive.web.app import create_app

SCRIPTY = "<script>alert('x')</script>"
HOSTILE = {
    "script-title.md": f'---\ntitle: "{SCRIPTY} Funding <img src=x onerror=alert(1)>"\n'
    'date: "2020"\n'
    f'source: "<b onmouseover=alert(2)>Evil News</b>"\nsummary: "{SCRIPTY}"\n'
    f'author: "\\"><svg onload=alert(3)>"\n---\n'
    f"Hostile <script>alert(5)</script> body with £5m and <iframe src=//evil></iframe>.\n\n"
    f'[click me](javascript:alert(6)) <a href="javascript:alert(7)">raw</a> '
    f'<div style="background:url(javascript:alert(8))" onclick="alert(9)">styled</div>\n',
    "invisible-chars.md": '---\ntitle: "Zero\u200bwidth \u202eright-to-left\u202c funding"\n'
    'date: "2021"\nsource: X\n---\n'
    "Money \u200b£3m\u200b with \u2067isolates\u2069 and \ufeffBOM.\n",
}
REJECTED = {
    "python-object.md": '---\ntitle: !!python/object/apply:os.system ["touch /tmp/pwned"]\n'
    'date: "2020"\nsource: X\n---\nB.\n',
    "javascript-url.md": (
        '---\ntitle: T\ndate: "2020"\nsource: X\nurl: "javascript:alert(4)"\n---\nB.\n'
    ),
    "deep-lists.md": '---\ntitle: T\ndate: "2020"\nsource: X\n---\n'
    + "".join("  " * i + "- item\n" for i in range(300)),
    "deep-quotes.md": '---\ntitle: T\ndate: "2020"\nsource: X\n---\n' + ">" * 3000 + " deep\n",
    "deep-brackets.md": '---\ntitle: T\ndate: "2020"\nsource: X\n---\n'
    + "[" * 5000
    + "x"
    + "]" * 5000
    + "\n",
}


class Elements(HTMLParser):
    """Collect every element a browser would build from a page."""

    def __init__(self, text: str):
        super().__init__()
        self.found: list[tuple[str, dict[str, str]]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {k: v or "" for k, v in attrs}))


def dangers(text: str) -> list[str]:
    """Name every element or attribute in a page that could run script."""
    found = []
    for tag, attrs in Elements(text).found:
        if tag in ("iframe", "object", "embed") or (tag == "img" and attrs.get("src") == "x"):
            found.append(tag)
        if tag == "script" and not attrs.get("src", "").startswith("/static/"):
            found.append("inline script")
        found += [f"{tag} {name}" for name in attrs if name.startswith("on")]
        found += [
            f"{tag} {name}"
            for name, value in attrs.items()
            if value.strip().lower().startswith("javascript:")
        ]
    return found


@pytest.fixture
def hostile(corpus_dir: Path, index_dir: Path):
    for name, text in {**HOSTILE, **REJECTED}.items():
        (corpus_dir / name).write_text(text, encoding="utf-8")
    (corpus_dir / "huge.md").write_bytes(
        b'---\ntitle: T\ndate: "2020"\nsource: X\n---\n' + b"word " * 10_000_000
    )
    (corpus_dir / "latin1.md").write_bytes(
        '---\ntitle: Café\ndate: "2020"\nsource: X\n---\nB.\n'.encode("latin-1")
    )
    started = time.perf_counter()
    report = build(corpus_dir, index_dir)
    report.elapsed = time.perf_counter() - started
    return report, create_app({"TESTING": True, "INDEX_DIR": str(index_dir)}).test_client()


def test_the_build_names_what_it_rejected_and_builds_the_rest(hostile, corpus_dir):
    report, _ = hostile
    rejected = {e.path.name: e.message for e in report.errors}
    assert set(rejected) == {*REJECTED, "huge.md", "latin1.md"}
    assert "YAML error" in rejected["python-object.md"]
    assert not Path("/tmp/pwned").exists()
    assert rejected["javascript-url.md"].startswith("url must be a web address")
    assert rejected["deep-lists.md"].startswith("Markdown nested too deeply")
    assert rejected["deep-brackets.md"] == "Markdown brackets nested 5000 deep; the limit is 16"
    assert rejected["huge.md"].startswith("too large: 50,000,040 bytes")
    assert rejected["latin1.md"].startswith("not UTF-8")
    assert report.total == 13 + len(HOSTILE)
    # Bounded: the 50 MB file is refused unread by Markdown, and memory stays modest.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1_500_000  # KiB


def pages(client) -> dict[str, str]:
    urls = [
        "/?q=funding",
        "/?q=hostile",
        "/?q=" + SCRIPTY,
        "/doc/script-title",
        "/doc/invisible-chars",
        "/api/search?q=hostile",
        "/api/doc/script-title",
        "/search.csv?q=hostile",
        "/search.ris?q=hostile",
        "/search.bib?q=hostile",
        "/feed.atom?q=hostile",
        "/doc/script-title.bib",
        "/doc/script-title.ris",
    ]
    return {url: client.get(url).get_data(as_text=True) for url in urls}


def test_nothing_hostile_reaches_a_page_feed_or_export_unescaped(hostile):
    _, client = hostile
    for url, text in pages(client).items():
        if url.startswith(
            ("/api/", "/search.csv", "/search.ris", "/search.bib", "/doc/script-title.")
        ):
            # Data formats carry the text as data; what matters is that no HTML page renders it.
            continue
        assert dangers(text) == [], url
    document = client.get("/doc/script-title").get_data(as_text=True)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Funding" in document
    assert "styled" in document and "raw" in document  # the text survives, the handlers do not


def test_the_atom_feed_escapes_hostile_titles(hostile):
    _, client = hostile
    feed = client.get("/feed.atom?q=hostile").get_data(as_text=True)
    assert "<script>" not in feed and "&lt;script&gt;" in feed


def test_invisible_characters_are_kept_as_text_and_searchable(hostile):
    _, client = hostile
    page = client.get("/doc/invisible-chars").get_data(as_text=True)
    assert "right-to-left" in page
    assert client.get("/?q=isolates").status_code == 200
    assert "invisible-chars" in client.get("/?q=isolates").get_data(as_text=True)
