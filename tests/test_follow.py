"""`archive follow` against a real local server: GOV.UK's APIs, Atom, RSS, a sitemap, and failures.

The GOV.UK fixtures are written here, shaped like alphagov/publishing-api's
content_schemas/examples for news_article (press_release) and publication (withdrawn_publication).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from followsite import Site, serving
from papers import PAPER_HTML, print_pdf

from archive.cli import main
from archive.corpus.parse import parse_file
from archive.corpus.registry import Registry

ORGANISATION = {
    "content_id": "ebb40e8c-e5d5-4c5b-9e8f-2e6b27c8fd43",
    "title": "Department for Education",
    "api_path": "/api/content/government/organisations/department-for-education",
    "base_path": "/government/organisations/department-for-education",
    "document_type": "organisation",
}


def page(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


NEWS_BODY = (
    '<div class="govspeak"><p>Seventy-five councils will share £302 million from the '
    "Department for Education to open family hubs, the government announced today, in the "
    "largest investment in early help for a decade.</p><p>Each council will receive between "
    "£1 million and £5 million over three years to bring services for families under one "
    "roof.</p></div>"
)
WITHDRAWN_BODY = (
    '<div class="govspeak"><p>A pilot of holiday activities clubs in twelve areas will receive £9 '
    "million this summer, giving children free meals and places at clubs during the long break.</p>"
    "<p>Councils will bid for places in the pilot by the end of March.</p></div>"
)


def content_items(base: str) -> dict[str, dict[str, object]]:
    news = {
        "base_path": "/government/news/councils-share-302m-for-family-hubs",
        "content_id": "4ae92ddf-5ba6-4ec4-a7d5-7648ea4c9ffd",
        "document_type": "press_release",
        "schema_name": "news_article",
        "locale": "en",
        "title": "Councils share £302m for family hubs",
        "description": "Seventy-five councils will open family hubs.",
        "first_published_at": "2022-06-14T09:30:00.000+01:00",
        "public_updated_at": "2022-06-14T09:30:00.000+01:00",
        "details": {"body": NEWS_BODY, "political": False, "emphasised_organisations": []},
        "links": {"organisations": [ORGANISATION]},
    }
    publication = {
        "base_path": "/government/publications/school-places-strategy",
        "content_id": "5d3866dd-7631-11e4-a3cb-005056011aef",
        "document_type": "policy_paper",
        "schema_name": "publication",
        "locale": "en",
        "title": "School places strategy",
        "description": "How the department will fund new school places.",
        "first_published_at": "2023-03-20T10:00:00.000+00:00",
        "public_updated_at": "2023-03-20T10:00:00.000+00:00",
        "details": {
            "body": '<div class="govspeak"><p>The strategy is attached.</p></div>',
            "attachments": [
                {
                    "attachment_type": "file",
                    "content_type": "application/pdf",
                    "id": "871896",
                    "title": "School places strategy (print version)",
                    "url": f"{base}/media/school-places.pdf",
                    "filename": "school-places.pdf",
                    "command_paper_number": "CP 812",
                    "isbn": "978-1-5286-0000-0",
                    "number_of_pages": 8,
                }
            ],
        },
        "links": {"organisations": [ORGANISATION]},
    }
    withdrawn = {
        "base_path": "/government/news/holiday-clubs-pilot",
        "content_id": "9c1d2e3f-1111-2222-3333-444455556666",
        "document_type": "news_story",
        "schema_name": "news_article",
        "locale": "en",
        "title": "Holiday clubs pilot opens",
        "first_published_at": "2019-02-01T09:00:00.000+00:00",
        "public_updated_at": "2021-05-04T09:00:00.000+00:00",
        "withdrawn_notice": {
            "explanation": '<div class="govspeak"><p>This pilot has ended. See the <a href="/x">'
            "holiday activities programme</a>.</p></div>",
            "withdrawn_at": "2021-05-04T13:05:30Z",
        },
        "details": {"body": WITHDRAWN_BODY},
        "links": {"organisations": [ORGANISATION]},
    }
    return {item["base_path"]: item for item in (news, publication, withdrawn)}  # type: ignore[misc]


SEARCH_TIMES = {
    "/government/news/councils-share-302m-for-family-hubs": "2022-06-14T09:30:00.000+01:00",
    "/government/publications/school-places-strategy": "2023-03-20T10:00:00.000+00:00",
    "/government/news/holiday-clubs-pilot": "2019-02-01T09:00:00.000+00:00",
}
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Council news</title><id>tag:council,2024:news</id>
<updated>2024-02-01T09:00:00Z</updated>
<entry><title>Library refurbishment funded</title><link href="{base}/atom/library.html"/>
<id>tag:council,2024:1</id><updated>2024-02-01T09:00:00Z</updated></entry>
</feed>"""
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Health news</title><link>{base}/</link>
<description>x</description>
<item><title>Clinics get new scanners</title><link>{base}/rss/scanners.html</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>"""
SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/sitemap/bridges.html</loc><lastmod>2024-04-10</lastmod></url>
</urlset>"""
LIBRARY = page(
    "Library refurbishment funded",
    "The county council will spend £2.4 million refurbishing the central library, "
    "published on 1 February 2024, with new study rooms and a children's floor.",
    "Work starts in the autumn and the library stays open throughout.",
)
SCANNERS = page(
    "Clinics get new scanners",
    "Eleven community clinics will receive new diagnostic scanners worth £6 million, "
    "the health board said on 5 March 2024.",
    "The scanners arrive over the summer.",
)
BRIDGES = page(
    "Bridges repaired across the county",
    "Seventeen bridges will be repaired with £12 million from the roads budget, the "
    "highways team announced on 10 April 2024.",
    "Repairs close one lane at a time.",
)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return print_pdf(PAPER_HTML, tmp_path_factory.mktemp("pdf") / "paper.pdf").read_bytes()


@pytest.fixture
def site(pdf: bytes) -> Iterator[Site]:
    with serving() as site:
        base = site.base
        results = [
            {
                "link": path,
                "title": item["title"],
                "public_timestamp": SEARCH_TIMES[path],
                "content_store_document_type": item["document_type"],
            }
            for path, item in content_items(base).items()
        ]
        # Newest first, as GOV.UK orders them.
        results.sort(key=lambda result: result["public_timestamp"], reverse=True)
        search = json.dumps({"results": results, "total": 3, "start": 0})
        site.set("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
        site.set("SEARCH", search, "application/json", etag='"s1"')
        for path, item in content_items(base).items():
            site.set(f"/api/content{path}", json.dumps(item), "application/json")
        site.set("/media/school-places.pdf", pdf, "application/pdf")
        site.set("/atom.xml", ATOM.format(base=base), "application/atom+xml", etag='"a1"')
        site.set(
            "/rss.xml",
            RSS.format(base=base),
            "application/rss+xml",
            last_modified="Tue, 05 Mar 2024 10:00:00 GMT",
        )
        site.set("/sitemap.xml", SITEMAP.format(base=base), "application/xml", etag='"m1"')
        site.set("/atom/library.html", LIBRARY)
        site.set("/rss/scanners.html", SCANNERS)
        site.set("/sitemap/bridges.html", BRIDGES)
        yield site


def search_path(site: Site) -> str:
    """The search API's address, as the source asks it (the query string names the organisation)."""
    from archive.follow.lists import search_address

    address = search_address(site.base, ("department-for-education",), (), 0, 50)
    return address[len(site.base) :]


def archive_at(
    tmp_path: Path, corpus_dir: Path, site: Site, sources: str, allow: bool = True
) -> Path:
    site.pages[search_path(site)] = site.pages.pop("SEARCH", site.pages.get(search_path(site)))
    allowed = 'FETCH_ALLOW_HOSTS = ["127.0.0.1"]\n' if allow else ""
    (tmp_path / "archive.toml").write_text(allowed + sources.format(base=site.base), "utf-8")
    return tmp_path


SOURCES = """
[[sources]]
name = "DfE on GOV.UK"
kind = "govuk"
url = "{base}"
organisations = ["department-for-education"]

[[sources]]
name = "Council news"
url = "{base}/atom.xml"
source = "Example County Council"

[[sources]]
name = "Health news"
url = "{base}/rss.xml"
type = "press release"

[[sources]]
name = "Highways"
url = "{base}/sitemap.xml"
licence = "Open Government Licence v3.0"
"""


def run(runner, root: Path, corpus_dir: Path, *args: str):
    return runner.invoke(
        main,
        [
            "--root",
            str(root),
            "--corpus",
            str(corpus_dir),
            "--index",
            str(root / "index"),
            "follow",
            "--pause",
            "0",
            "--timeout",
            "1",
            *args,
        ],
    )


def documents(corpus_dir: Path, before: set[Path]) -> dict[str, object]:
    registry = Registry.load(corpus_dir)
    found = {}
    for path in sorted(set(corpus_dir.glob("*.md")) - before):
        document = parse_file(path, registry)
        found[document.title] = document
    return found


def test_each_new_item_is_ingested_once_with_its_metadata_then_a_second_run_costs_304s(
    site, corpus_dir: Path, tmp_path: Path, runner
) -> None:
    root = archive_at(tmp_path, corpus_dir, site, SOURCES)
    before = set(corpus_dir.glob("*.md"))
    result = run(runner, root, corpus_dir)
    assert result.exit_code == 0, result.output
    assert "followed 4 source(s): 6 new, 0 changed, 1 withdrawn, 0 failed" in result.output
    found = documents(corpus_dir, before)
    assert set(found) == {
        "Councils share £302m for family hubs",
        "School places strategy",
        "Holiday clubs pilot opens",
        "Library refurbishment funded",
        "Clinics get new scanners",
        "Bridges repaired across the county",
    }
    news = found["Councils share £302m for family hubs"]
    assert (news.date.iso, news.type, news.departments) == ("2022-06-14", "press release", ("dfe",))
    assert news.url == f"{site.base}/government/news/councils-share-302m-for-family-hubs"
    assert news.source == "Department for Education" and "Seventy-five councils" in news.text
    paper = found["School places strategy"]
    assert (paper.date.iso, paper.type) == ("2023-03-20", "policy paper")
    assert paper.departments == ("dfe",)
    assert paper.command_paper == "CP 812" and paper.pages[0] == 1 and len(paper.pages) > 2
    assert paper.files == (f"files/{paper.id}.pdf",) and (corpus_dir / paper.files[0]).exists()
    assert paper.summary == "How the department will fund new school places."
    withdrawn = found["Holiday clubs pilot opens"]
    assert withdrawn.withdrawn == "This pilot has ended. See the holiday activities programme ."
    assert withdrawn.withdrawn_date == "2021-05-04" and withdrawn.type == "news"
    assert found["Library refurbishment funded"].source == "Example County Council"
    assert found["Clinics get new scanners"].type == "press release"
    assert found["Bridges repaired across the county"].licence == "Open Government Licence v3.0"
    assert (root / "index").is_dir() and "documents" in result.output.split("withdrawn", 1)[1]

    site.seen.clear()
    again = run(runner, root, corpus_dir)
    assert again.exit_code == 0, again.output
    assert "0 new, 0 changed, 0 withdrawn, 0 failed; 4 unchanged" in again.output
    assert set(corpus_dir.glob("*.md")) - before == {d.path for d in found.values()}
    assert site.requests(search_path(site))[0]["if-none-match"] == '"s1"'
    assert site.requests("/atom.xml")[0]["if-none-match"] == '"a1"'
    assert site.requests("/sitemap.xml")[0]["if-none-match"] == '"m1"'
    assert site.requests("/rss.xml")[0]["if-modified-since"] == "Tue, 05 Mar 2024 10:00:00 GMT"
    # Only the lists were asked (and robots.txt): no item was fetched again.
    assert {path for path, _ in site.seen} == {
        "/robots.txt",
        search_path(site),
        "/atom.xml",
        "/rss.xml",
        "/sitemap.xml",
    }


def test_a_failing_source_is_reported_and_the_others_still_ingest(
    site, corpus_dir: Path, tmp_path: Path, runner
) -> None:
    site.set("/broken.xml", "<p>Oops</p>", "text/html", status=500)
    site.set("/slow.xml", ATOM, "application/atom+xml", delay=2.0)
    site.set(
        "/bad.xml",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9"><url><loc>x</loc></url',
        "application/xml",
    )
    sources = (
        SOURCES.split('[[sources]]\nname = "Health')[0]
        + """
[[sources]]
name = "Broken"
url = "{base}/broken.xml"

[[sources]]
name = "Slow"
url = "{base}/slow.xml"

[[sources]]
name = "Malformed"
url = "{base}/bad.xml"
"""
    )
    root = archive_at(tmp_path, corpus_dir, site, sources)
    result = run(runner, root, corpus_dir)
    assert result.exit_code == 1
    assert "failed: Broken: the server answered 500 Internal Server Error" in result.output
    assert "failed: Slow: timed out: no answer within 1 s" in result.output
    assert "failed: Malformed: malformed XML sitemap:" in result.output
    assert "4 new, 0 changed, 1 withdrawn, 3 failed" in result.output


def test_a_feed_item_at_a_loopback_or_metadata_address_is_refused_and_nothing_written(
    site, corpus_dir: Path, tmp_path: Path, runner
) -> None:
    port = site.base.rsplit(":", 1)[1]
    site.set(
        "/evil.xml",
        ATOM.replace("{base}/atom/library.html", f"http://localhost:{port}/atom/library.html")
        .replace(
            "</feed>",
            """<entry><title>m</title>
<link href="http://169.254.169.254/latest/meta-data/"/><id>tag:m</id>
<updated>2024-02-02T09:00:00Z</updated></entry><entry><title>r</title>
<link href="{base}/hop"/><id>tag:r</id><updated>2024-02-03T09:00:00Z</updated></entry></feed>""",
        )
        .replace("{base}", site.base),
        "application/atom+xml",
    )
    site.redirect("/hop", "http://10.1.2.3/internal")
    root = archive_at(
        tmp_path, corpus_dir, site, '[[sources]]\nname = "Evil"\nurl = "{base}/evil.xml"\n'
    )
    before = sorted(corpus_dir.rglob("*"))
    result = run(runner, root, corpus_dir)
    assert result.exit_code == 1
    assert (
        f"failed: http://localhost:{port}/atom/library.html: unreadable: refused: localhost "
        "resolves to 127.0.0.1, a loopback address"
    ) in result.output
    assert (
        "failed: http://169.254.169.254/latest/meta-data/: unreadable: refused: "
        "169.254.169.254 "
        "is a link-local address (where cloud metadata services answer)"
    ) in result.output
    assert (
        f"failed: {site.base}/hop: unreadable: refused: 10.1.2.3 is a private address"
        in result.output
    )
    assert "/atom/library.html" not in [path for path, _ in site.seen]
    assert sorted(p for p in corpus_dir.rglob("*") if p.name != ".follow.json") == before

    # Allowed by name, the same feed item is fetched and ingested.
    allowing = 'FETCH_ALLOW_HOSTS = ["127.0.0.1", "localhost"]\n'
    (root / "archive.toml").write_text(
        allowing + (root / "archive.toml").read_text("utf-8").split("\n", 1)[1], "utf-8"
    )
    result = run(runner, root, corpus_dir)
    assert "new: 2024-02-01-library-refurbishment-funded" in result.output
    assert "failed: http://169.254.169.254/latest/meta-data/" in result.output


def test_nothing_is_fetched_from_loopback_unless_allowed(
    site, corpus_dir, tmp_path, runner
) -> None:
    root = archive_at(tmp_path, corpus_dir, site, SOURCES, allow=False)
    result = run(runner, root, corpus_dir)
    assert result.exit_code == 1 and "0 new" in result.output
    assert "failed: Council news: refused: 127.0.0.1 is a loopback address" in result.output
    assert site.seen == []


def test_a_changed_page_becomes_a_new_version_and_the_old_text_is_kept(
    site, corpus_dir: Path, tmp_path: Path, runner
) -> None:
    root = archive_at(tmp_path, corpus_dir, site, SOURCES)
    assert run(runner, root, corpus_dir).exit_code == 0
    address = f"{site.base}/atom/library.html"
    same = run(runner, root, corpus_dir, address)
    assert "0 new, 0 changed" in same.output
    site.set(
        "/atom/library.html",
        LIBRARY.replace("£2.4 million", "£3.1 million").replace(
            "new study rooms", "new quiet study rooms"
        ),
    )
    result = run(runner, root, corpus_dir, address)
    assert result.exit_code == 0, result.output
    doc_id = "2024-02-01-library-refurbishment-funded"
    assert f"changed: {doc_id}" in result.output and "0 new, 1 changed" in result.output
    assert "£3.1 million" in (corpus_dir / f"{doc_id}.md").read_text("utf-8")
    (kept,) = (corpus_dir / "versions" / doc_id).glob("*.md")
    assert "£2.4 million" in kept.read_text("utf-8") and re.match(r"\d{4}-\d{2}-\d{2}$", kept.stem)
    from archive.corpus.versions import listed, word_diff

    (version,) = listed(corpus_dir, doc_id)
    current = (corpus_dir / f"{doc_id}.md").read_text("utf-8").split("\n---\n", 1)[1]
    changes = [(op, words) for op, words in word_diff(version["body"], current) if op != "same"]
    assert changes == [("removed", "£2.4"), ("added", "£3.1"), ("added", "quiet")]


def test_refetch_older_than_rechecks_held_documents_and_keeps_what_changed(
    site, corpus_dir: Path, tmp_path: Path, runner
) -> None:
    root = archive_at(tmp_path, corpus_dir, site, SOURCES)
    assert run(runner, root, corpus_dir, "--no-build").exit_code == 0
    news_id = "2022-06-14-councils-share-302m-for-family-hubs"
    for doc_id in (news_id, "2024-bridges-repaired-across-the-county"):
        path = corpus_dir / f"{doc_id}.md"
        old = re.sub(r'fetched: "[^"]+"', 'fetched: "2024-01-01"', path.read_text("utf-8"))
        path.write_text(old, "utf-8")
    item = content_items(site.base)["/government/news/councils-share-302m-for-family-hubs"]
    item["details"]["body"] = NEWS_BODY.replace("Seventy-five", "Eighty")  # type: ignore[index]
    site.set(
        "/api/content/government/news/councils-share-302m-for-family-hubs",
        json.dumps(item),
        "application/json",
    )
    site.seen.clear()
    result = run(runner, root, corpus_dir, "--refetch-older-than", "30d")
    assert result.exit_code == 0, result.output
    assert f"changed: {news_id}" in result.output and "0 new, 1 changed" in result.output
    asked = [path for path, _ in site.seen]
    # Re-checked: the two fetched long ago (GOV.UK through its content API), none of the others.
    assert "/api/content/government/news/councils-share-302m-for-family-hubs" in asked
    assert "/sitemap/bridges.html" in asked and "/atom/library.html" not in asked
    assert (corpus_dir / "versions" / news_id / "2024-01-01.md").exists()
    assert "Eighty councils" in (corpus_dir / f"{news_id}.md").read_text("utf-8")
    bridges = (corpus_dir / "2024-bridges-repaired-across-the-county.md").read_text("utf-8")
    assert 'fetched: "2024-01-01"' not in bridges  # unchanged: only the day it was checked moves
    assert not (corpus_dir / "versions" / "2024-bridges-repaired-across-the-county").exists()


def test_addresses_on_the_command_line_are_told_apart_by_what_the_server_answers(
    site, corpus_dir: Path, tmp_path: Path, runner
) -> None:
    root = archive_at(tmp_path, corpus_dir, site, "")
    result = run(
        runner,
        root,
        corpus_dir,
        "--no-build",
        f"{site.base}/rss.xml",
        f"{site.base}/sitemap.xml",
        site.base + search_path(site),
        f"{site.base}/api/content/government/news/holiday-clubs-pilot",
    )
    assert result.exit_code == 0, result.output
    assert "followed 4 source(s): 5 new, 0 changed, 1 withdrawn, 0 failed" in result.output
    for doc_id in (
        "2024-03-05-clinics-get-new-scanners",
        "2024-bridges-repaired-across-the-county",
        "2023-03-20-school-places-strategy",
        "2019-02-01-holiday-clubs-pilot-opens",
    ):
        assert f"new: {doc_id}" in result.output


def test_counts_per_source_are_bounded_and_bad_sources_are_explained(
    site, corpus_dir: Path, tmp_path: Path, runner
) -> None:
    root = archive_at(
        tmp_path,
        corpus_dir,
        site,
        SOURCES.replace(
            'organisations = ["department-for-education"]',
            'organisations = ["department-for-education"]\nmax_items = 1',
        ),
    )
    from archive.follow.lists import search_address

    one = search_address(site.base, ("department-for-education",), (), 0, 1)[len(site.base) :]
    site.pages[one] = site.pages[search_path(site)]
    result = run(runner, root, corpus_dir, "--no-build")
    assert "followed 4 source(s): 4 new" in result.output  # one of GOV.UK's three, the newest
    assert "new: 2023-03-20-school-places-strategy" in result.output
    (root / "archive.toml").write_text(
        '[[sources]]\nname = "x"\nkind = "podcast"\nurl = "http://a"\n'
    )
    bad = run(runner, root, corpus_dir)
    assert bad.exit_code == 1
    assert "sources[1] (x): kind is one of feed, sitemap, govuk, not 'podcast'" in bad.output
    assert (
        "--refetch-older-than: 'soon' is not an age"
        in run(runner, root, corpus_dir, "--refetch-older-than", "soon").output
    )


def test_an_unknown_version_is_a_clear_400(built: Path) -> None:
    from archive.web.app import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": str(built)}).test_client()
    answer = client.get(
        "/doc/2017-03-20-eleven-projects-share-new-round-of-innovation-funding?version=1999-01-01"
    )
    assert answer.status_code == 400
    assert "this document has no version" in answer.get_data(as_text=True)


def test_a_search_page_is_read_through_the_feed_it_offers(
    site, corpus_dir: Path, tmp_path: Path, runner
) -> None:
    search = "/search/news-and-communications?organisations%5B%5D=example-council"
    site.set(
        search,
        '<!doctype html><html><head><title>News</title><link rel="alternate" '
        'type="application/atom+xml" href="/search/news-and-communications.atom?'
        'organisations%5B%5D=example-council"></head><body><h1>News</h1></body></html>',
    )
    site.set(
        "/search/news-and-communications.atom?organisations%5B%5D=example-council",
        ATOM.format(base=site.base),
        "application/atom+xml",
    )
    root = archive_at(tmp_path, corpus_dir, site, "")
    result = run(runner, root, corpus_dir, "--no-build", site.base + search)
    assert result.exit_code == 0, result.output
    assert "new: 2024-02-01-library-refurbishment-funded" in result.output
    assert "1 new, 0 changed" in result.output


def test_xml_with_entities_is_refused_unexpanded_and_a_bad_allow_list_is_explained(
    site, corpus_dir: Path, tmp_path: Path, runner
) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&b;</loc></url>'
        "</urlset>"
    )
    site.set("/bomb.xml", bomb, "application/xml")
    root = archive_at(tmp_path, corpus_dir, site, "")
    result = run(runner, root, corpus_dir, "--no-build", f"{site.base}/bomb.xml")
    assert result.exit_code == 1
    assert (
        f"failed: {site.base}/bomb.xml: refused XML sitemap: it declares a DTD or entities, "
        "which are never expanded"
    ) in result.output
    (root / "archive.toml").write_text('FETCH_ALLOW_HOSTS = "127.0.0.1"\n', "utf-8")
    bad = run(runner, root, corpus_dir, f"{site.base}/rss.xml")
    assert bad.exit_code == 1
    assert 'FETCH_ALLOW_HOSTS: a list of host names, such as ["127.0.0.1"]' in bad.output


def test_time_per_source_is_bounded_and_the_rest_waits(site, corpus_dir, tmp_path, runner) -> None:
    two = RSS.replace(
        "</channel>",
        """<item><title>Second</title>
<link>{base}/rss/second.html</link>
<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item></channel>""",
    )
    site.set("/two.xml", two.format(base=site.base), "application/rss+xml")
    site.set("/rss/scanners.html", SCANNERS, delay=0.7)
    site.set("/rss/second.html", BRIDGES)
    root = archive_at(
        tmp_path,
        corpus_dir,
        site,
        '[[sources]]\nname = "Two"\nurl = "{base}/two.xml"\nmax_seconds = 0.5\n',
    )
    result = run(runner, root, corpus_dir, "--no-build")
    assert result.exit_code == 1
    assert "new: 2024-03-05-clinics-get-new-scanners" in result.output
    assert "failed: Two: out of time after 0.5 s: the rest waits for the next run" in result.output
    assert "/rss/second.html" not in [path for path, _ in site.seen]
    # Not all was read, so the feed is asked in full again, and the rest is taken then.
    site.set("/rss/scanners.html", SCANNERS)
    again = run(runner, root, corpus_dir, "--no-build")
    assert "1 new, 0 changed, 0 withdrawn, 0 failed" in again.output
    assert "new: 2024-03-04-bridges-repaired-across-the-county" in again.output


def test_the_built_pages_show_a_withdrawn_notice(site, corpus_dir, tmp_path, runner) -> None:
    from archive.web.app import create_app

    root = archive_at(tmp_path, corpus_dir, site, SOURCES)
    assert run(runner, root, corpus_dir).exit_code == 0
    client = create_app({"TESTING": True, "INDEX_DIR": str(root / "index")}).test_client()
    notice = (
        'Withdrawn on <time datetime="2021-05-04">2021-05-04</time>:</strong> This pilot has ended.'
    )
    assert notice in client.get("/doc/2019-02-01-holiday-clubs-pilot-opens").get_data(as_text=True)
    assert notice in client.get("/?q=holiday+clubs").get_data(as_text=True)
    api = client.get("/api/doc/2023-03-20-school-places-strategy").get_json()
    assert api["command_paper"] == "CP 812" and api["versions"] == []
    withdrawn = client.get("/api/doc/2019-02-01-holiday-clubs-pilot-opens").get_json()
    assert withdrawn["withdrawn_date"] == "2021-05-04"
