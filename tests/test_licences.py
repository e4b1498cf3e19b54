"""Licences: a document's licence is shown on its page, in the API and in every export.

The Australian releases carry their CC-BY attribution wherever their text is shown.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from archive.cli import main
from archive.index.build import build
from archive.web.app import create_app

ATTRIBUTION = (
    "Source: Licensed from the Commonwealth of Australia under a Creative Commons Attribution 3.0 "
    "Australia Licence. The Commonwealth of Australia does not necessarily endorse the content of "
    "this publication."
)
RELEASE = Path(__file__).parent / "licences" / "au-release.jsonl"


def _ingest_and_serve(source: Path, corpus_dir: Path, tmp_path: Path, runner):
    result = runner.invoke(
        main,
        [
            "--corpus",
            str(corpus_dir),
            "ingest",
            "--currency",
            "AUD",
            "--type",
            "media release",
            "--source",
            "PM Transcripts",
            "--licence",
            ATTRIBUTION,
            "--map",
            "url=pdf_url",
            str(source),
        ],
    )
    assert result.exit_code == 0, result.output
    build(corpus_dir, tmp_path / "index")
    return create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")}).test_client()


def test_a_release_carries_its_attribution_wherever_its_text_is_shown(
    corpus_dir: Path, tmp_path: Path, runner
) -> None:
    client = _ingest_and_serve(RELEASE, corpus_dir, tmp_path, runner)
    doc_id = "2009-05-12-new-funding-for-regional-hospitals"
    page = client.get(f"/doc/{doc_id}").get_data(as_text=True)
    assert f'<dd class="licence">{ATTRIBUTION}</dd>' in page
    assert f'<p class="licence-note">{ATTRIBUTION}</p>' in page
    assert client.get(f"/api/doc/{doc_id}").get_json()["licence"] == ATTRIBUTION
    hits = client.get("/api/search?q=regional+hospitals").get_json()["results"]
    assert [h["licence"] for h in hits if h["id"] == doc_id] == [ATTRIBUTION]
    assert f'<p class="licence-note">{ATTRIBUTION}</p>' in client.get(
        "/?q=regional+hospitals"
    ).get_data(as_text=True)
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/search.csv?q=regional+hospitals").get_data(as_text=True))
        )
    )
    assert [r["licence"] for r in rows if r["id"] == doc_id] == [ATTRIBUTION]
    assert f"N1  - Licence: {ATTRIBUTION}" in client.get(
        "/search.ris?q=regional+hospitals"
    ).get_data(as_text=True)
    assert "copyright = {Source: Licensed from the Commonwealth" in client.get(
        f"/doc/{doc_id}.bib"
    ).get_data(as_text=True)
    assert f"<rights>{ATTRIBUTION}</rights>" in client.get(
        "/feed.atom?q=regional+hospitals"
    ).get_data(as_text=True)


def test_a_document_without_a_licence_shows_none(client) -> None:
    page = client.get("/doc/2013-pooled-budget-for-health-and-social-care-agreed").get_data(
        as_text=True
    )
    assert "licence" not in page.split("<main")[1]
    assert (
        client.get("/api/doc/2013-pooled-budget-for-health-and-social-care-agreed").get_json()[
            "licence"
        ]
        is None
    )


def test_real_australian_releases_show_their_licence(
    au_releases: Path, corpus_dir: Path, tmp_path: Path, runner
) -> None:
    few = tmp_path / "few.jsonl"
    with au_releases.open("rb") as whole:
        lines = [line for line in whole if b"million" in line][:3]
    few.write_bytes(b"".join(lines))
    client = _ingest_and_serve(few, corpus_dir, tmp_path, runner)
    ids = [p.stem for p in corpus_dir.glob("*.md") if ATTRIBUTION in p.read_text("utf-8")]
    assert len(ids) == 3
    for doc_id in ids:
        assert f'<dd class="licence">{ATTRIBUTION}</dd>' in client.get(f"/doc/{doc_id}").get_data(
            as_text=True
        )
        assert client.get(f"/api/doc/{doc_id}").get_json()["licence"] == ATTRIBUTION
    assert json.loads(lines[0])["title"]  # the fixture's records are the real ones
