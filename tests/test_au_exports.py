"""The Australian PM releases (the au_archive fixture): each document's BibTeX and RIS, whole."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import pytest

from archive.web.app import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def au_client(au_archive: Path):
    return create_app({"TESTING": True, "ROOT": str(au_archive)}).test_client()


def test_a_bibtex_export_of_every_document_parses_with_unique_keys_equal_to_each_own_bib(au_client):
    total = au_client.get("/api/search").get_json()["total"]
    assert total > 8000
    library = bibtexparser.parse_string(au_client.get("/search.bib").get_data(as_text=True))
    assert not library.failed_blocks, [
        (type(b).__name__, b.start_line) for b in library.failed_blocks[:5]
    ]
    keys = [entry.key for entry in library.entries]
    assert len(keys) == total == len(set(keys))
    ids = [
        row.split(",", 1)[0]
        for row in au_client.get("/search.csv").get_data(as_text=True).splitlines()[1:]
    ]
    own = bibtexparser.parse_string(
        "\n".join(au_client.get(f"/doc/{i}.bib").get_data(as_text=True) for i in ids)
    )
    assert not own.failed_blocks
    assert keys == [entry.key for entry in own.entries]
    # Media releases are press releases: no entry pretends PM Transcripts is a journal.
    assert {entry.entry_type for entry in library.entries} == {"misc"}
    assert all(entry["howpublished"] == "Press release" for entry in library.entries)


def test_the_media_releases_are_press_releases_in_ris(au_client):
    ris = au_client.get("/search.ris?year=2012").get_data(as_text=True)
    types = [line for line in ris.split("\r\n") if line.startswith("TY  - ")]
    assert types and set(types) == {"TY  - PRESS"}
