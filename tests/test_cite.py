"""Citations in APA 7, Harvard, OSCOLA, BibTeX and RIS, and the document page that offers them."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest

from archive.index.build import build
from archive.search.core import Archive
from archive.web import cite

ACCESSED = dt.date(2026, 11, 23)
INNOVATION = "2017-03-20-innovative-social-work-projects-get-36m-funding-boost"
INNOVATION_URL = "https://www.communitycare.co.uk/2017/03/20/innovative-social-work-projects-get-36m-funding-boost/"
TITLE = "Innovative social work projects get £36m funding boost"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    """The real corpus in corpus/, built: it holds the 2017 innovation-fund article."""
    index = tmp_path_factory.mktemp("shipped") / "index"
    report = build(Path(__file__).parent.parent / "corpus", index)
    assert not report.errors, report.errors
    return Archive(index)


@pytest.fixture
def innovation(shipped: Archive) -> dict:
    return shipped.document(INNOVATION)


def styles(doc: dict, url: str) -> dict[str, cite.Citation]:
    return {c.style: c for c in cite.citations(doc, url, ACCESSED)}


def test_the_2017_innovation_article_in_apa_7(innovation):
    apa = styles(innovation, innovation["url"])["apa"]
    # Unsigned news: the title takes the author's place and
    # the periodical is in italics (APA 7, 9.12, 10.1).
    assert apa.text == f"{TITLE}. (2017, March 20). Community Care. {INNOVATION_URL}"
    assert apa.html.startswith(f"{TITLE}. (2017, March 20). <i>Community Care</i>. ")


def test_the_2017_innovation_article_in_harvard(innovation):
    harvard = styles(innovation, innovation["url"])["harvard"]
    assert harvard.text == (
        f"Community Care (2017) '{TITLE}', 20 March. Available at: {INNOVATION_URL} (Accessed: 23 "
        "November 2026)."
    )
    assert harvard.html.startswith("<i>Community Care</i> (2017)")


def test_the_2017_innovation_article_in_oscola(innovation):
    oscola = styles(innovation, innovation["url"])["oscola"]
    # Unsigned: OSCOLA opens with the title; a footnote has no closing full stop.
    assert (
        oscola.text
        == f"'{TITLE}' Community Care (20 March 2017) <{INNOVATION_URL}> accessed 23 November 2026"
    )
    assert "<i>Community Care</i>" in oscola.html and "&lt;https://" in oscola.html


def doc(**changes) -> dict:
    base = {
        "id": "2009-04-23-x",
        "title": "Recruitment campaign launched",
        "date": "2009-04-23",
        "year": 2009,
        "precision": "day",
        "source": "Children's Services Weekly",
        "url": None,
        "author": None,
        "type": "news",
        "summary": None,
        "departments": [],
        "programmes": [],
        "organisations": [],
        "amounts": [],
    }
    return {**base, **changes}


def test_a_named_person_is_the_author():
    found = styles(doc(author="Helen Marsh"), "https://example.org/a")
    assert found["apa"].text == (
        "Marsh, H. (2009, April 23). Recruitment campaign launched. Children's Services Weekly. "
        "https://example.org/a"
    )
    assert found["harvard"].text == (
        "Marsh, H. (2009) 'Recruitment campaign launched', Children's Services Weekly, 23 April. "
        "Available at: https://example.org/a (Accessed: 23 November 2026)."
    )
    assert found["oscola"].text == (
        "Helen Marsh, 'Recruitment campaign launched' Children's Services Weekly (23 April 2009) "
        "<https://example.org/a> accessed 23 November 2026"
    )


def test_a_press_release_has_its_organisation_as_corporate_author():
    found = styles(
        doc(
            type="press release",
            source="Department for Education",
            date="2017-11-14",
            year=2017,
            title="New centre launched",
        ),
        "https://example.org/p",
    )
    assert found["apa"].text == (
        "Department for Education. (2017, November 14). New centre launched [Press release]. "
        "https://example.org/p"
    )
    assert found["harvard"].text == (
        "Department for Education (2017) New centre launched. Press release. 14 November. "
        "Available at: https://example.org/p (Accessed: 23 November 2026)."
    )
    assert found["oscola"].text == (
        "Department for Education, 'New centre launched' (Press release, 14 November 2017) "
        "<https://example.org/p> accessed 23 November 2026"
    )


@pytest.mark.parametrize(
    "date, apa, harvard, oscola",
    [
        ("2009-11", "(2009, November)", "', November.", "(November 2009)"),
        ("2009", "(2009)", "Recruitment campaign launched'. Available", "(2009)"),
    ],
)
def test_a_date_known_only_to_the_month_or_year_is_cited_as_known(date, apa, harvard, oscola):
    found = styles(doc(date=date), "https://example.org/a")
    assert apa in found["apa"].text
    assert harvard in found["harvard"].text
    assert oscola in found["oscola"].text


def test_initials_of_hyphenated_and_several_given_names():
    assert cite.apa(doc(author="Jean-Paul Andrew Sartre"), "u", ACCESSED)[0] == "Sartre, J.-P. A."
    assert cite.apa(doc(author="Sartre, Jean-Paul"), "u", ACCESSED)[0] == "Sartre, J.-P."


def test_citation_html_escapes_what_it_cites():
    found = styles(
        doc(title="<script>alert(1)</script>", source="A & B"), "https://example.org/?a=1&b=2"
    )
    for citation in found.values():
        assert "<script>" not in citation.html
        assert "&lt;script&gt;" in citation.html
        assert unescape(re.sub(r"</?i>", "", citation.html)) == citation.text


def test_bibtex_entry_for_the_innovation_article(innovation):
    entry = cite.bibtex(innovation, innovation["url"], ACCESSED)
    assert entry.startswith(f"@article{{{INNOVATION},\n")
    assert "  author = {{Community Care}},\n" in entry
    assert "  title = {{Innovative social work projects get £36m funding boost}},\n" in entry
    assert "  journal = {Community Care},\n" in entry
    assert "  month = mar,\n" in entry and "  date = {2017-03-20},\n" in entry
    assert f"  url = {{{INNOVATION_URL}}},\n" in entry and "  urldate = {2026-11-23},\n" in entry
    assert entry.endswith("}\n")


def test_bibtex_escapes_specials_so_a_value_cannot_break_out():
    entry = cite.bibtex(
        doc(title="50% of £1m } @misc{evil, & more_", author="O'Neil, Ann"),
        "https://e.org/{x}",
        ACCESSED,
    )
    assert r"50\% of £1m \} @misc\{evil, \& more\_" in entry
    assert "url = {https://e.org/x}" in entry
    assert entry.count("{") - entry.count(r"\{") == entry.count("}") - entry.count(r"\}")
    assert "author = {O'Neil, Ann}" in entry


@pytest.mark.parametrize(
    "kind, entry, ris_type",
    [
        ("news", "@article{", "NEWS"),
        ("press release", "@misc{", "PRESS"),
        ("report", "@techreport{", "RPRT"),
    ],
)
def test_types_map_to_reference_manager_types(kind, entry, ris_type):
    document = doc(type=kind)
    assert cite.bibtex(document, "u", ACCESSED).startswith(entry)
    assert cite.ris(document, "u", ACCESSED).startswith(f"TY  - {ris_type}\r\n")


def test_ris_record_for_the_innovation_article(innovation):
    record = cite.ris(innovation, innovation["url"], ACCESSED, "http://archive.test/doc/x")
    lines = record.split("\r\n")
    assert lines[0] == "TY  - NEWS" and lines[-2] == "ER  - " and lines[-1] == ""
    tags = [line[:2] for line in lines if line]
    assert tags.count("TY") == 1 and tags.count("ER") == 1
    assert f"TI  - {TITLE}" in lines
    assert "T2  - Community Care" in lines and "PB  - Community Care" in lines
    assert "DA  - 2017/03/20/" in lines and "PY  - 2017" in lines
    assert f"UR  - {INNOVATION_URL}" in lines and "Y2  - 2026/11/23" in lines
    assert "N1  - Archived at http://archive.test/doc/x" in lines
    assert "KW  - Department for Education" in lines
    assert not any(line.startswith("AU") for line in lines)  # unsigned news: no made-up author


def test_ris_keeps_each_value_on_one_line():
    record = cite.ris(
        doc(title="Two\nlines\r\nER  - injected", summary="a\nTY  - BOOK"), "u", ACCESSED
    )
    assert record.count("ER  - ") == 1 and record.endswith("ER  - \r\n")
    assert "TI  - Two lines ER - injected\r\n" in record
    assert [line[:6] for line in record.split("\r\n") if line].count("TY  - ") == 1


# -- the document page ----------------------------------------------------

DOC = "2017-03-20-eleven-projects-share-new-round-of-innovation-funding"


def test_the_document_page_offers_three_citations_as_text(client):
    html = client.get(f"/doc/{DOC}").get_data(as_text=True)
    today = dt.datetime.now(dt.UTC).date()
    accessed = f"{today.day} {today.strftime('%B %Y')}"
    references = [
        unescape(re.sub(r"<[^>]+>", "", p))
        for p in re.findall(r'<p class="reference"[^>]*>(.*?)</p>', html)
    ]
    assert len(references) == 3
    apa, harvard, oscola = references
    permalink = f"http://localhost/doc/{DOC}"
    # No original address: the archive's own copy is cited, and the archive named.
    assert apa == (
        f"Eleven projects share new round of innovation funding. (2017, March 20). "
        f"Children's Services Weekly. Policy Archive. {permalink}"
    )
    assert harvard.endswith(f"Available at: Policy Archive, {permalink} (Accessed: {accessed}).")
    assert oscola.endswith(f", archived in Policy Archive <{permalink}> accessed {accessed}")
    for label in ("APA 7th edition", "Harvard (Cite Them Right)", "OSCOLA"):
        assert f">{label}</h3>" in html
    # The copy buttons come from a script file; the page itself carries no inline script.
    assert re.search(r"<script(?![^>]*\bsrc=)", html) is None


def test_the_document_page_head_carries_reference_manager_metadata(client):
    html = client.get("/doc/2009-04-23-recruitment-campaign-for-childrens-social-workers").get_data(
        as_text=True
    )
    meta = dict(re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)">', html))
    assert (
        unescape(meta["citation_title"])
        == "Recruitment campaign launched for children's social workers"
    )
    assert meta["citation_author"] == "Helen Marsh"
    assert meta["citation_publication_date"] == "2009/04/23"
    assert unescape(meta["citation_publisher"]) == "Children's Services Weekly"
    assert (
        meta["citation_public_url"]
        == "http://localhost/doc/2009-04-23-recruitment-campaign-for-childrens-social-workers"
    )
    assert (
        meta["DC.date"] == "2009-04-23"
        and unescape(meta["DC.publisher"]) == "Children's Services Weekly"
    )
    assert '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">' in html


def test_the_original_address_is_cited_when_known(tmp_path, corpus_dir):
    from archive.web.app import create_app

    path = corpus_dir / "2010-07-08-independent-review-of-child-protection-commissioned.md"
    path.write_text(
        path.read_text().replace(
            "source: Public Finance Digest",
            "source: Public Finance Digest\nurl: https://example.org/review",
        )
    )
    build(corpus_dir, tmp_path / "index")
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")}).test_client()
    html = client.get(
        "/doc/2010-07-08-independent-review-of-child-protection-commissioned"
    ).get_data(as_text=True)
    assert (
        "Public Finance Digest, &#x27;Independent review of child protection commissioned&#x27; "
        "(Press release, 8 July 2010) &lt;https://example.org/review&gt;" in html
    )
    assert '<meta name="citation_public_url" content="https://example.org/review">' in html


@pytest.mark.parametrize(
    "suffix, mimetype, opening",
    [
        (".bib", "application/x-bibtex", f"@article{{{DOC},"),
        (".ris", "application/x-research-info-systems", "TY  - NEWS"),
    ],
)
def test_a_document_downloads_as_bibtex_and_ris(client, suffix, mimetype, opening):
    response = client.get(f"/doc/{DOC}{suffix}")
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.headers["Content-Disposition"] == f'attachment; filename="{DOC}{suffix}"'
    assert response.get_data(as_text=True).startswith(opening)


@pytest.mark.parametrize(
    "url", ["/doc/no-such.bib", "/doc/..%2f..%2fetc%2fpasswd.ris", "/doc/%3Cscript%3E.bib"]
)
def test_a_missing_document_download_is_a_plain_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.mimetype == "text/plain"
    assert "<script>" not in response.get_data(as_text=True)


def test_related_documents_are_five_others_by_content(client, archive):
    related = archive.related(DOC)
    assert len(related) == 5 and DOC not in [r["id"] for r in related]
    # Both innovation-programme documents share its words (innovation, projects, fostering).
    assert {
        "2015-06-30-mockingbird-fostering-model-wins-european-backing",
        "2013-10-22-childrens-social-care-innovation-programme-opens-for-bids",
    } <= {r["id"] for r in related}
    html = client.get(f"/doc/{DOC}").get_data(as_text=True)
    section = html[html.index('id="related-title"') :]
    assert re.findall(r'<li><a href="/doc/([a-z0-9-]+)">', section) == [r["id"] for r in related]
