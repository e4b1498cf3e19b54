"""`archive ingest http://…` against a real HTTP server on 127.0.0.1: pages, papers, redirects.

And the errors each answer gives.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from papers import PAPER_HTML, print_pdf

from archive.corpus.parse import parse_file
from archive.corpus.registry import Registry
from archive.index.build import build
from archive.ingest.fetch import USER_AGENT
from archive.ingest.pipeline import Options, ingest
from archive.web.app import create_app

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Funding for family hubs | Example News</title>
<link rel="canonical" href="https://news.example.org/2022/06/14/family-hubs-funding">
<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">
<meta property="og:title" content="Councils share £302m to open family hubs">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2022-06-14T09:30:00+01:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Councils share £302m to open family hubs", "datePublished": "2022-06-14",
 "author": {"@type": "Person", "name": "Ann Example"}, "publisher": \
{"@type": "Organization", "name": "Example News"}}</script>
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Councils share £302m to open family hubs</h1>
<p>Seventy-five councils will share £302 million from \
the Department for Education to open family hubs,
the government announced on Tuesday, in the largest investment in early help for a decade.</p>
<p>Each council will receive between £1 million and \
£5 million over three years to bring services for
families with children under one roof, from health \
visiting to parenting classes and debt advice.</p>
<p>Ministers said the hubs would be open in every \
participating area by the spring of 2024, and that the
department would publish an evaluation of the first hubs before the next spending review.</p>
</article><footer>Example News</footer></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    pdf = b""
    seen: list[tuple[str, str, float]] = []  # (path, user agent, time)

    def do_GET(self) -> None:  # noqa: N802
        type(self).seen.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
        routes = {
            "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
            "/article.html": (200, "text/html; charset=utf-8", ARTICLE.encode()),
            "/paper.pdf": (200, "application/pdf", type(self).pdf),
            "/private/page.html": (200, "text/html", ARTICLE.encode()),
            "/missing.html": (404, "text/html", b"<p>Not found</p>"),
            "/broken.html": (500, "text/html", b"<p>Oops</p>"),
            "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
            "/huge.html": (200, "text/html", b"<p>" + b"x" * 300_000 + b"</p>"),
        }
        if self.path == "/slow.html":
            time.sleep(2.5)
            return self._answer(200, "text/html", ARTICLE.encode())
        if self.path in ("/loop-a", "/loop-b"):
            return self._redirect("/loop-b" if self.path == "/loop-a" else "/loop-a")
        if self.path == "/moved.html":
            return self._redirect("/article.html")
        if self.path == "/to-ftp":
            return self._redirect("ftp://127.0.0.1/file.pdf")
        self._answer(*routes.get(self.path, (404, "text/plain", b"no such page")))

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _answer(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    """Serve an article, a paper, redirects and errors on loopback; yield the base address."""
    _Handler.pdf = print_pdf(PAPER_HTML, tmp_path_factory.mktemp("site") / "paper.pdf").read_bytes()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _options(**kwargs) -> Options:
    # The local server is on a loopback address, refused unless allowed by name.
    return Options(timeout=1.0, pause=0.05, allow_hosts=("127.0.0.1",), **kwargs)


def test_an_article_by_address_gets_its_declared_title_date_address_and_day_fetched(
    site, corpus_dir: Path
) -> None:
    report = ingest([f"{site}/article.html"], corpus_dir, _options())
    assert not report.skipped, [o.skipped for o in report.skipped]
    (outcome,) = report.written
    assert outcome.title == "Councils share £302m to open family hubs"
    assert outcome.title_evidence == "the page's <meta og:title>"
    assert outcome.date.date.iso == "2022-06-14"
    assert (
        outcome.date.evidence
        == "The page's JSON-LD NewsArticle datePublished gives the date 14 June 2022."
    )
    document = parse_file(outcome.path, Registry.load(corpus_dir))
    assert (
        document.url == "https://news.example.org/2022/06/14/family-hubs-funding"
    )  # the canonical link
    assert document.fetched == dt.date.today().isoformat()
    assert document.source == "Example News" and document.author == "Ann Example"
    assert document.licence == "https://creativecommons.org/licenses/by/4.0/"
    assert document.departments == ("dfe",)
    assert (
        "Home" not in document.text
        and "Seventy-five councils will share £302 million" in document.text
    )


def test_the_archive_names_itself_asks_robots_txt_first_and_pauses_between_requests(
    site, corpus_dir: Path
) -> None:
    _Handler.seen.clear()
    ingest(
        [f"{site}/article.html", f"{site}/moved.html"],
        corpus_dir,
        Options(timeout=1.0, pause=0.3, allow_hosts=("127.0.0.1",)),
    )
    paths = [path for path, _, _ in _Handler.seen]
    assert paths == ["/robots.txt", "/article.html", "/moved.html", "/article.html"]
    assert {agent for _, agent, _ in _Handler.seen} == {USER_AGENT}
    assert "PolicyArchive" in USER_AGENT
    times = [moment for _, _, moment in _Handler.seen]
    assert all(later - earlier >= 0.29 for earlier, later in zip(times, times[1:]))


def test_a_paper_by_address_is_ingested_with_its_pages(
    site, corpus_dir: Path, tmp_path: Path
) -> None:
    report = ingest([f"{site}/paper.pdf"], corpus_dir, _options())
    (outcome,) = report.written
    document = parse_file(outcome.path, Registry.load(corpus_dir))
    assert document.url == f"{site}/paper.pdf" and document.fetched == dt.date.today().isoformat()
    assert {a.text: a.page for a in document.amounts}["£20 million"] == 5
    assert (corpus_dir / "files" / f"{document.id}.pdf").read_bytes() == _Handler.pdf


def test_harvard_and_oscola_give_the_day_fetched_as_accessed(
    site, corpus_dir: Path, tmp_path: Path
) -> None:
    report = ingest([f"{site}/article.html"], corpus_dir, _options())
    (outcome,) = report.written
    # Pretend it was fetched on another day, to tell it from today.
    content = outcome.path.read_text("utf-8").replace(
        f'fetched: "{dt.date.today().isoformat()}"', 'fetched: "2023-01-09"'
    )
    outcome.path.write_text(content, "utf-8")
    build(corpus_dir, tmp_path / "index")
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")}).test_client()
    html = client.get(f"/doc/{outcome.path.stem}").get_data(as_text=True)
    assert "(Accessed: 9 January 2023)." in html
    assert (
        "&lt;https://news.example.org/2022/06/14/family-hubs-funding&gt; accessed 9 January 2023"
        in html
    )
    api = client.get(f"/api/doc/{outcome.path.stem}").get_json()
    assert (
        api["fetched"] == "2023-01-09"
        and api["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    )


def test_each_bad_address_is_named_and_explained_and_the_batch_goes_on(
    site, corpus_dir: Path
) -> None:
    bad = {
        f"{site}/missing.html": "the server answered 404 Not Found",
        f"{site}/broken.html": "the server answered 500 Internal Server Error",
        f"{site}/slow.html": "timed out: no answer within 1 s",
        f"{site}/loop-a": f"redirects in a loop: {site}/loop-a -> {site}/loop-b -> {site}/loop-a",
        f"{site}/image.png": "neither HTML nor PDF: the server sent image/png",
        f"{site}/huge.html": "too large: 300,007 bytes, the limit is 200,000",
        f"{site}/private/page.html": "robots.txt of http://127.0.0.1",
        f"{site}/to-ftp": "not an http(s) address: only http:// and https:// are fetched, not ftp://",
        "ftp://127.0.0.1/paper.pdf": "not an http(s) address",
        "file:///etc/passwd": "not an http(s) address",
    }
    before = sorted(corpus_dir.rglob("*"))
    addresses = list(bad)
    addresses.insert(4, f"{site}/article.html")
    report = ingest(addresses, corpus_dir, _options(max_bytes=200_000))
    assert len(report.written) == 1
    skipped = {o.origin: o.skipped for o in report.skipped}
    assert set(skipped) == set(bad)
    for address, reason in bad.items():
        assert skipped[address].startswith(f"unreadable: {reason}"), (address, skipped[address])
    assert sorted(corpus_dir.rglob("*")) == sorted([*before, report.written[0].path])


def test_a_file_of_addresses_through_the_cli_exits_1_when_one_fails(
    site, corpus_dir: Path, tmp_path: Path, runner
) -> None:
    from archive.cli import main

    listing = tmp_path / "to-fetch.txt"
    listing.write_text(f"{site}/article.html\n{site}/missing.html\n", "utf-8")
    (tmp_path / "archive.toml").write_text('FETCH_ALLOW_HOSTS = ["127.0.0.1"]\n', "utf-8")
    folders = ["--root", str(tmp_path), "--corpus", str(corpus_dir)]
    result = runner.invoke(main, [*folders, "ingest", str(listing)])
    assert result.exit_code == 1
    assert (
        f"skipped {site}/missing.html: unreadable: the server answered 404 Not Found"
        in result.output
    )
    assert "wrote 1 document(s)" in result.output
    result = runner.invoke(main, [*folders, "ingest", "--dry-run", f"{site}/article.html"])
    assert "duplicate" in result.output  # the same article again: safe to run twice
    assert json.dumps("Example News") in (
        next(corpus_dir.glob("2022-06-14-*.md")).read_text("utf-8")
    )
