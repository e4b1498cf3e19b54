"""Issue 15's citation forms: kinds, titles in capitals, BibTeX keys and keywords, partial dates."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import bibtexparser
import pytest

from archive.corpus.kinds import kind_of
from archive.index.build import build
from archive.web import cite
from archive.web.app import create_app

ACCESSED = dt.date(2026, 11, 23)
LIGHTHOUSE = "2009-11-lighthouse-family-centres-to-open-in-coastal-towns"  # month only; DCSF and DH


def doc(**changes) -> dict:
    base = {
        "id": "1956-01-23-waterfront-strike",
        "title": "Waterfront strike",
        "date": "1956-01-23",
        "year": 1956,
        "precision": "day",
        "source": "PM Transcripts",
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


def styles(
    document: dict, url: str = "https://example.org/a", archive: str | None = None
) -> dict[str, str]:
    return {c.style: c.text for c in cite.citations(document, url, ACCESSED, archive)}


def parse_bib(text: str) -> bibtexparser.Library:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [type(b).__name__ for b in library.failed_blocks]
    return library


# -- kinds of document (item 9) ----------------------------------------------


@pytest.mark.parametrize(
    "written, kind",
    [
        ("Media Release", "press release"),
        ("news release", "press release"),
        ("  Speech ", "speech"),
        ("interview transcript", "transcript"),
        ("White Paper", "policy paper"),
        ("consultation", "consultation"),
        ("statistical release", "statistics"),
        ("open letter", "letter"),
        (None, "news"),
        ("briefing note", None),
    ],
)
def test_a_type_is_read_as_its_kind_through_its_aliases(written, kind):
    assert kind_of(written) == kind


@pytest.mark.parametrize(
    "kind, ris_type, entry, bib_field, apa_part",
    [
        (
            "media release",
            "PRESS",
            "@misc{",
            "howpublished = {Press release}",
            "Waterfront strike [Press release]. ",
        ),
        ("speech", "GEN", "@misc{", "howpublished = {Speech}", "Waterfront strike [Speech]. "),
        (
            "transcript",
            "GEN",
            "@misc{",
            "howpublished = {Transcript}",
            "Waterfront strike [Transcript]. ",
        ),
        (
            "policy paper",
            "GOVDOC",
            "@techreport{",
            "type = {Policy paper}",
            "Waterfront strike [Policy paper]. ",
        ),
        (
            "consultation",
            "GOVDOC",
            "@techreport{",
            "type = {Consultation paper}",
            "[Consultation paper]. ",
        ),
        (
            "statistics",
            "RPRT",
            "@techreport{",
            "type = {Statistical release}",
            "[Statistical release]. ",
        ),
        ("letter", "PCOMM", "@misc{", "howpublished = {Letter}", "Waterfront strike [Letter]. "),
        (
            "briefing note",
            "GEN",
            "@misc{",
            "howpublished = {Briefing note}",
            "Waterfront strike [Briefing note]. ",
        ),
    ],
)
def test_each_kind_is_cited_as_its_kind_not_as_news(kind, ris_type, entry, bib_field, apa_part):
    document = doc(type=kind, author="Robert Menzies")
    record = cite.ris(document, "u", ACCESSED).split("\r\n")
    assert record[0] == f"TY  - {ris_type}"
    assert not any(
        line.startswith("T2  - ") for line in record
    )  # no periodical: it is not an article
    bib = cite.bibtex(document, "u", ACCESSED)
    assert bib.startswith(entry) and bib_field in bib and "journal" not in bib
    found = styles(document)
    # APA 7 dates a report by its year alone (10.4), anything else by its day.
    date = "1956" if entry == "@techreport{" else "1956, January 23"
    assert found["apa"].startswith(f"Menzies, R. ({date}). ") and apa_part in found["apa"]
    assert found["apa"].endswith(". PM Transcripts. https://example.org/a")
    assert "PM Transcripts (1956" not in found["harvard"]


def test_a_speech_in_harvard_and_oscola_names_its_kind():
    found = styles(doc(type="speech", author="Robert Menzies"))
    assert found["harvard"] == (
        "Menzies, R. (1956) Waterfront strike. Speech. 23 January. "
        "Available at: https://example.org/a (Accessed: 23 November 2026)."
    )
    assert found["oscola"] == (
        "Robert Menzies, 'Waterfront strike' (Speech, 23 January 1956) "
        "<https://example.org/a> accessed 23 November 2026"
    )


def test_a_media_release_in_the_corpus_is_a_press_release(corpus_dir, tmp_path):
    path = corpus_dir / "2017-03-20-eleven-projects-share-new-round-of-innovation-funding.md"
    path.write_text(path.read_text().replace("type: news", "type: Media Release"))
    build(corpus_dir, tmp_path / "index")
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")}).test_client()
    doc_id = path.stem
    assert client.get(f"/api/doc/{doc_id}").get_json()["type"] == "press release"
    assert client.get(f"/doc/{doc_id}.ris").get_data(as_text=True).startswith("TY  - PRESS\r\n")
    bib = client.get(f"/doc/{doc_id}.bib").get_data(as_text=True)
    assert bib.startswith("@misc{") and "journal" not in bib
    assert "Cite this press release" in client.get(f"/doc/{doc_id}").get_data(as_text=True)


def test_archive_check_warns_of_an_unknown_type(corpus_dir, runner):
    from archive.cli import main

    path = corpus_dir / "2017-03-20-eleven-projects-share-new-round-of-innovation-funding.md"
    path.write_text(path.read_text().replace("type: news", "type: briefing note"))
    result = runner.invoke(main, ["--corpus", str(corpus_dir), "check"])
    assert result.exit_code == 0, result.output
    assert f"{path}: unknown type 'briefing note'" in result.output
    assert "press release" in result.output and "1 warning" in result.output


# -- titles and authors (item 8) ---------------------------------------------


def test_unsigned_news_opens_with_its_title_in_apa():
    found = styles(
        doc(
            title="Innovative social work projects get £36m funding boost",
            source="Community Care",
            date="2017-03-20",
            year=2017,
        )
    )
    assert found["apa"] == (
        "Innovative social work projects get £36m funding boost. (2017, March 20). "
        "Community Care. https://example.org/a"
    )


def test_a_title_that_asks_takes_no_full_stop_after_it():
    found = styles(doc(title="Who pays for the waterfront?"))
    assert found["apa"].startswith(
        "Who pays for the waterfront? (1956, January 23). PM Transcripts. "
    )
    report = styles(doc(title="Who pays?", type="report"))
    assert "PM Transcripts (1956) Who pays? Available at:" in report["harvard"]


def test_a_title_in_capitals_is_not_shouted_in_a_citation():
    shouted = doc(title="WATERFRONT STRIKE: PM ANNOUNCES $10M FOR NSW PORTS", type="media release")
    found = styles(shouted)
    assert found["apa"].startswith(
        "PM Transcripts. (1956, January 23). Waterfront strike: PM announces $10m for NSW ports "
        "[Press release]."
    )
    assert "Waterfront strike: PM announces $10m for NSW ports. Press release." in found["harvard"]
    assert "'Waterfront Strike: PM Announces $10m for NSW Ports' (Press release," in found["oscola"]
    assert "title = {{Waterfront Strike: PM Announces \\$10m for NSW Ports}}" in cite.bibtex(
        shouted, "u", ACCESSED
    )
    assert "TI  - Waterfront Strike: PM Announces $10m for NSW Ports\r\n" in cite.ris(
        shouted, "u", ACCESSED
    )
    # A title in mixed case is kept as written: proper nouns cannot be told apart.
    assert "Ministers Set Out Funding" in styles(doc(title="Ministers Set Out Funding"))["apa"]


def test_a_citation_of_the_archives_own_copy_names_the_archive():
    found = styles(doc(), "http://archive.test/doc/x", archive="Australian Releases")
    assert found["apa"] == (
        "Waterfront strike. (1956, January 23). PM Transcripts. Australian Releases. "
        "http://archive.test/doc/x"
    )
    assert "Available at: Australian Releases, http://archive.test/doc/x" in found["harvard"]
    assert ", archived in Australian Releases <http://archive.test/doc/x>" in found["oscola"]
    assert "DB  - Australian Releases\r\n" in cite.ris(
        doc(), "u", ACCESSED, archive="Australian Releases"
    )
    assert "note = {Archived in Australian Releases." in cite.bibtex(
        doc(), "u", ACCESSED, archive="Australian Releases"
    )


# -- BibTeX keys and keywords (items 7 and 10) --------------------------------


def test_a_bibtex_key_is_the_same_in_every_export_and_on_the_documents_own_bib(client):
    own = {}
    for search in ("", "year=2020", "q=budget", "q=social+care&sort=oldest", "department=dh"):
        library = parse_bib(client.get(f"/search.bib?{search}").get_data(as_text=True))
        keys = [entry.key for entry in library.entries]
        assert len(keys) == len(set(keys)) > 0
        for entry in library.entries:
            doc_id = (
                re.search(r"/doc/([a-z0-9-]+)$", entry["url"]).group(1)
                if "/doc/" in entry["url"]
                else entry.key
            )
            if doc_id not in own:
                own[doc_id] = (
                    parse_bib(client.get(f"/doc/{doc_id}.bib").get_data(as_text=True))
                    .entries[0]
                    .key
                )
            assert entry.key == own[doc_id] == doc_id


def test_two_documents_alike_in_source_year_and_first_word_keep_their_own_keys(client):
    # Both 2020 documents are from one source and open
    # with "Budget": the keys still differ, unsuffixed.
    library = parse_bib(client.get("/search.bib?year=2020").get_data(as_text=True))
    assert sorted(e.key for e in library.entries) == [
        "2020-03-11-budget-adds-to-social-care-grant-for-councils",
        "2020-09-15-care-leavers-charity-appeal-matched-by-government",
    ]


def test_bibtex_keywords_keep_a_department_name_with_a_comma_whole(client):
    entry = parse_bib(client.get(f"/doc/{LIGHTHOUSE}.bib").get_data(as_text=True)).entries[0]
    assert [k.strip() for k in entry["keywords"].split(";")] == [
        "Department for Children, Schools and Families",
        "Department of Health",
    ]


# -- how a date was worked out (item 11) -------------------------------------


def test_date_evidence_is_on_the_document_page_and_in_the_api(client):
    html = client.get(f"/doc/{LIGHTHOUSE}").get_data(as_text=True)
    assert (
        '<dt>Dated from</dt><dd class="date-evidence">Made-up test document, dated to the month '
        "only.</dd>" in html
    )
    assert (
        client.get(f"/api/doc/{LIGHTHOUSE}").get_json()["date_evidence"]
        == "Made-up test document, dated to the month only."
    )


def test_a_citation_of_a_month_dated_document_invents_no_day(client):
    page = client.get(f"/doc/{LIGHTHOUSE}").get_data(as_text=True)
    assert "(2009, November)" in page and "(November 2009)" in page
    ris = client.get(f"/doc/{LIGHTHOUSE}.ris").get_data(as_text=True)
    assert "DA  - 2009/11//\r\n" in ris and "2009/11/01" not in ris
    entry = parse_bib(client.get(f"/doc/{LIGHTHOUSE}.bib").get_data(as_text=True)).entries[0]
    assert entry["date"] == "2009-11" and entry["month"] == "nov"


def test_the_feed_says_when_a_date_is_known_only_to_the_month_or_year(client):
    root = ET.fromstring(client.get("/feed.atom?year=2009&year=2013").get_data())
    atom, dc = "{http://www.w3.org/2005/Atom}", "{http://purl.org/dc/elements/1.1/}"
    entries = {e.find(f"{atom}id").text.rsplit("/", 1)[1]: e for e in root.iter(f"{atom}entry")}
    month = entries[LIGHTHOUSE]
    assert month.find(f"{dc}date").text == "2009-11"
    assert month.find(f"{atom}summary").text.startswith(
        "Dated November 2009: only the month is known."
    )
    year = entries["2013-pooled-budget-for-health-and-social-care-agreed"]
    assert year.find(f"{dc}date").text == "2013"
    assert "only the year is known" in year.find(f"{atom}summary").text
    day = entries["2009-04-23-recruitment-campaign-for-childrens-social-workers"]
    assert (
        day.find(f"{dc}date").text == "2009-04-23"
        and "is known" not in day.find(f"{atom}summary").text
    )
