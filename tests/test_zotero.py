"""Zotero-ready pages: a COinS span and an unAPI id per result, and the unAPI server's formats."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import bibtexparser
import lxml.html
import pytest
import rispy
from lxml import etree

from archive.index.build import build
from archive.web.app import create_app
from tests.citing import kind_id, write_kinds

SCHEMAS = Path(__file__).parent / "schemas"
KEV_VERSION = "Z39.88-2004"
BOOK = "info:ofi/fmt:kev:mtx:book"
DC = "info:ofi/fmt:kev:mtx:dc"


@pytest.fixture(scope="module")
def kinds(tmp_path_factory):
    root = tmp_path_factory.mktemp("kinds")
    ids = write_kinds(root / "corpus")
    files = root / "corpus" / "files"
    files.mkdir()
    (files / f"{ids[0]}.pdf").write_bytes(b"%PDF-1.4\n% a stand-in original\n%%EOF\n")
    path = root / "corpus" / f"{ids[0]}.md"
    path.write_text(
        path.read_text("utf-8").replace("---\n\n", f'files:\n  - "files/{ids[0]}.pdf"\n---\n\n', 1),
        "utf-8",
    )
    report = build(root / "corpus", root / "index")
    assert not report.errors, report.errors
    return create_app({"TESTING": True, "INDEX_DIR": str(root / "index")}).test_client(), ids


def read_coins(title: str) -> dict[str, list[str]]:
    """Read a KEV ContextObject (Z39.88-2004): key=value pairs joined by &, each percent-encoded."""
    pairs: dict[str, list[str]] = {}
    for pair in title.split("&"):
        key, sep, value = pair.partition("=")
        assert sep, f"not a key=value pair: {pair!r}"
        pairs.setdefault(unquote(key), []).append(unquote(value.replace("+", " ")))
    return pairs


def complete_item(kev: dict[str, list[str]]) -> dict[str, str]:
    """Make one item of a ContextObject, failing if anything a citation needs is missing."""
    assert kev["ctx_ver"] == [KEV_VERSION]
    fmt = kev["rft_val_fmt"][0]
    assert fmt in (BOOK, DC)
    item = {"id": kev["rft_id"][0], "date": kev["rft.date"][0]}
    if fmt == BOOK:
        item.update(
            type=kev["rft.genre"][0], title=kev["rft.btitle"][0], publisher=kev["rft.pub"][0]
        )
        item["author"] = (
            kev.get("rft.aucorp") or [f"{kev['rft.aulast'][0]}, {kev['rft.aufirst'][0]}"]
        )[0]
    else:
        item.update(type=kev["rft.type"][0], title=kev["rft.title"][0])
        item["author"] = (kev.get("rft.creator") or kev["rft.source"])[0]
    assert all(item.values()), item
    return item


def test_every_result_carries_one_complete_coins_item_and_one_unapi_id(client, app):
    page = lxml.html.fromstring(client.get("/?q=social&per_page=20").get_data(as_text=True))
    hits = page.cssselect("li.hit")
    spans = page.cssselect("li.hit span.Z3988")
    ids = [a.get("title") for a in page.cssselect("li.hit abbr.unapi-id")]
    assert len(hits) == len(spans) == len(ids) > 5
    items = [complete_item(read_coins(span.get("title"))) for span in spans]
    titles = [h.cssselect("h3 a")[0].text_content() for h in hits]
    assert [i["title"] for i in items] == titles
    server = page.cssselect('link[rel="unapi-server"]')[0]
    assert server.get("type") == "application/xml" and server.get("href").endswith("/unapi")


def test_releases_and_reports_are_reports_by_their_department_and_news_is_a_newspaper_article(
    kinds,
):
    client, _ = kinds
    page = lxml.html.fromstring(client.get("/?per_page=50").get_data(as_text=True))
    found = {}
    for hit in page.cssselect("li.hit"):
        doc_id = hit.cssselect("abbr.unapi-id")[0].get("title")
        found[doc_id] = read_coins(hit.cssselect("span.Z3988")[0].get("title"))
        complete_item(found[doc_id])
    release = found[kind_id("press release", False)]
    assert release["rft.genre"] == ["report"] and release["rft.aucorp"] == [
        "Department of Social Services"
    ]
    assert release["rft.date"] == ["2016-03-02"]
    report = found[kind_id("report", True)]
    assert report["rft.aulast"] == ["Turnbull"] and report["rft.aufirst"] == ["Malcolm"]
    news = found[kind_id("news", False)]
    assert news["rft_val_fmt"] == [DC] and news["rft.type"] == ["newspaperArticle"]
    assert news["rft.source"] == ["Department of Social Services"] and "rft.creator" not in news


def test_the_document_page_carries_coins_unapi_and_report_highwire_tags(kinds):
    client, ids = kinds
    page = lxml.html.fromstring(
        client.get(f"/doc/{kind_id('report', False)}").get_data(as_text=True)
    )
    assert (
        complete_item(read_coins(page.cssselect("span.Z3988")[0].get("title")))["type"] == "report"
    )
    assert page.cssselect("abbr.unapi-id")[0].get("title") == kind_id("report", False)
    meta = {m.get("name"): m.get("content") for m in page.cssselect("meta[name]")}
    assert meta["citation_technical_report_institution"] == "Department of Social Services"
    assert "citation_pdf_url" not in meta  # no original kept
    news = lxml.html.fromstring(client.get(f"/doc/{ids[0]}").get_data(as_text=True))
    names = {m.get("name"): m.get("content") for m in news.cssselect("meta[name]")}
    assert "citation_technical_report_institution" not in names
    assert names["citation_pdf_url"] == f"http://localhost/doc/{ids[0]}/original.pdf"


def test_unapi_without_an_id_lists_its_formats(client):
    response = client.get("/unapi")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    formats = etree.fromstring(response.data)
    assert formats.tag == "formats" and formats.get("id") is None
    assert {f.get("name") for f in formats} >= {"ris", "bibtex", "mods"}


def test_unapi_with_an_id_lists_formats_as_multiple_choices(client):
    response = client.get("/unapi?id=2013-pooled-budget-for-health-and-social-care-agreed")
    assert response.status_code == 300
    assert (
        etree.fromstring(response.data).get("id")
        == "2013-pooled-budget-for-health-and-social-care-agreed"
    )


def test_unapi_gives_ris_that_rispy_reads(kinds):
    client, _ = kinds
    response = client.get(f"/unapi?id={kind_id('press release', True)}&format=ris")
    assert response.status_code == 200
    entries = rispy.loads(response.get_data(as_text=True))
    assert len(entries) == 1
    assert entries[0]["type_of_reference"] == "PRESS"
    assert entries[0]["authors"] == ["Turnbull, Malcolm"]
    assert entries[0]["title"] == "Funding for the NDIS and UNESCO 1"


def test_unapi_gives_bibtex_that_bibtexparser_reads(kinds):
    client, _ = kinds
    response = client.get(f"/unapi?id={kind_id('report', False)}&format=bibtex")
    library = bibtexparser.parse_string(response.get_data(as_text=True))
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "techreport" and entry.key == kind_id("report", False)
    assert entry["institution"] == "Department of Social Services"


def mods_schema() -> etree.XMLSchema:
    """The MODS 3.6 schema, its xml: and xlink: imports read from the copies beside it."""
    tree = etree.parse(str(SCHEMAS / "mods-3-6.xsd"))
    local = {
        "http://www.w3.org/1999/xlink": "xlink.xsd",
        "http://www.w3.org/XML/1998/namespace": "xml.xsd",
    }
    for imported in tree.getroot().iter("{http://www.w3.org/2001/XMLSchema}import"):
        imported.set("schemaLocation", local[imported.get("namespace")])
    return etree.XMLSchema(tree)


def test_unapi_gives_mods_that_the_mods_schema_accepts_for_every_kind(kinds):
    client, ids = kinds
    schema = mods_schema()
    assert not schema.validate(
        etree.fromstring(b'<mods xmlns="http://www.loc.gov/mods/v3"><title/></mods>')
    )
    for doc_id in ids:
        response = client.get(f"/unapi?id={doc_id}&format=mods")
        assert response.status_code == 200, doc_id
        record = etree.fromstring(response.data)
        assert schema.validate(record), (doc_id, schema.error_log)
        ns = {"m": "http://www.loc.gov/mods/v3"}
        assert record.findtext("m:recordInfo/m:recordIdentifier", namespaces=ns) == doc_id
        assert record.findtext("m:originInfo/m:dateIssued", namespaces=ns).startswith("2016-03-")


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("id=no-such-document&format=ris", 404),
        ("id=../etc&format=ris", 404),
        ("id=2013-pooled-budget-for-health-and-social-care-agreed&format=marc", 406),
        ("format=ris", 400),
    ],
)
def test_unapi_refuses_what_it_cannot_give(client, query, status):
    response = client.get(f"/unapi?{query}")
    assert response.status_code == status
    assert response.mimetype == "text/plain"
