"""No invented dates: a document whose date cannot be found is undated (never the year it was
ingested), bounded by the evidence, in the year facet's "Undated", cited "n.d."; a date partly read
keeps what it can."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import main
from archive.corpus.folder import document_files
from archive.corpus.parse import parse_file
from archive.corpus.registry import Registry
from archive.index.build import build
from archive.web.app import create_app

HERE = Path(__file__).parent
UNDATED_SEED = HERE / "seeds" / "002_4336bad4327cdd15.txt"  # its text names no year at all


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory):
    """The test corpus with the undated seed ingested through the CLI, built, served."""
    root = tmp_path_factory.mktemp("undated")
    corpus = root / "corpus"
    shutil.copytree(HERE / "corpus", corpus)
    before = set(document_files(corpus))
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(UNDATED_SEED)])
    assert result.exit_code == 0, result.output
    [new] = set(document_files(corpus)) - before
    assert not build(corpus, root / "index").errors
    client = create_app({"TESTING": True, "INDEX_DIR": str(root / "index")}).test_client()
    return parse_file(document_files(corpus)[new], Registry.load(corpus)), client, result.output


def test_the_seed_without_a_date_is_undated_never_the_ingest_year(archive) -> None:
    document, _, output = archive
    assert document.date.undated and document.date.iso == "undated"
    assert document.id.startswith("undated-")
    assert str(dt.date.today().year) not in document.id
    assert "no date was found in the text: set the date by hand" in output
    text = document.path.read_text("utf-8")
    assert 'date: "undated"' in text and f'date: "{dt.date.today().year}' not in text
    # Bounded by the departments it names: DfE made in May 2010, DH gone in January 2018.
    assert document.date_evidence.startswith(
        "No date was found in the text; it was written between 12 May 2010 and 8 January 2018 ("
    )


def test_an_undated_document_is_in_the_year_facet_s_undated_entry(archive) -> None:
    document, client, _ = archive
    facets = client.get("/api/search").get_json()["facets"]["year"]
    [undated] = [v for v in facets if v["label"] == "Undated"]
    clicked = client.get(f"/api/search?year={undated['value']}").get_json()
    assert undated["count"] == clicked["total"] == 1
    assert clicked["results"][0]["id"] == document.id
    page = client.get(f"/doc/{document.id}").get_data(as_text=True)
    assert "Undated (n.d.)" in page


def test_an_undated_document_is_cited_n_d(archive) -> None:
    document, client, _ = archive
    page = client.get(f"/doc/{document.id}").get_data(as_text=True)
    apa = page.split('id="cite-apa-text"')[1].split("</p>")[0]
    harvard = page.split('id="cite-harvard-text"')[1].split("</p>")[0]
    oscola = page.split('id="cite-oscola-text"')[1].split("</p>")[0]
    assert "(n.d.)" in apa and "(n.d.)" in harvard
    assert "n.d." not in oscola and "(0" not in oscola and " 0)" not in oscola


def test_an_undated_document_is_bounded_by_the_departments_it_names(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(HERE / "corpus", corpus)
    seed = tmp_path / "undated.txt"
    seed.write_text(
        "Health visitors to get more money\n\nThe Department of Health has given councils more "
        "money for health visitors, with £12 million for training. The Department for Education "
        "will work with it on the programme.\n",
        "utf-8",
    )
    result = CliRunner().invoke(
        main, ["--corpus", str(corpus), "ingest", "--source", "Community Care", str(seed)]
    )
    assert result.exit_code == 0, result.output
    [path] = [p for p in document_files(corpus).values() if p.name.startswith("undated-")]
    document = parse_file(path, Registry.load(corpus))
    assert document.date.undated
    assert "No date was found in the text; it was written between" in document.date_evidence
    assert any(
        point.startswith("undated; the departments it names bound it between")
        for point in document.review
    )


def test_a_date_partly_read_keeps_what_it_can(tmp_path: Path) -> None:
    import json

    corpus = tmp_path / "corpus"
    shutil.copytree(HERE / "corpus", corpus)
    records = tmp_path / "records.jsonl"
    text = UNDATED_SEED.read_text("utf-8")
    records.write_text(
        json.dumps({"text": text, "date": "2019-02-31", "source": "Community Care"}) + "\n"
    )
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(records)])
    assert result.exit_code == 0, result.output
    [path] = [p for p in document_files(corpus).values() if p.name.startswith("2019-02-")]
    document = parse_file(path, Registry.load(corpus))
    assert document.date.iso == "2019-02" and document.date.precision == "month"
    assert any("2019-02-31" in point and "February 2019" in point for point in document.review)


def test_an_undated_document_in_the_feed_publishes_no_date(archive) -> None:
    """Atom needs <updated>: an undated entry takes the feed's own and has no <published>."""
    import xml.etree.ElementTree as ET

    document, client, _ = archive
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(client.get("/feed.atom?year=0").data)
    [entry] = feed.findall("a:entry", ns)
    assert entry.find("a:title", ns).text == document.title
    assert entry.find("a:published", ns) is None
    assert entry.find("a:updated", ns).text == feed.find("a:updated", ns).text
    assert "1970" not in entry.find("a:updated", ns).text
