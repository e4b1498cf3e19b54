"""Review points reach the files and `archive check`; `--force` leaves no stale document.

The releases are made up in the shape of the Australian PM media releases (../shared/corpora/),
whose texts are licensed from the Commonwealth of Australia under a Creative Commons Attribution
3.0 Australia Licence; the Commonwealth of Australia does not necessarily endorse them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from archive.cli import main

SHORT = (
    "The Prime Minister announced today that the Commonwealth will provide $40 million to build "
    "new classrooms in the government schools of every State over the next three years, and that "
    "the States will be asked to match the grant dollar for dollar."
)
LONG = SHORT + (
    "\n\nThe Minister for Education will meet his State colleagues in Canberra next month to agree "
    "on the schools to be built first, with priority for the fastest growing suburbs of the "
    "capital cities and for country towns whose schools are the oldest in the nation. A committee "
    "of inquiry will report by the end of the year on the needs of non-government schools, which "
    "will be considered in the next Budget together with the needs of technical colleges."
)


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---")[1])


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def root(tmp_path: Path) -> Path:
    assert run("init", "--country", "AU", tmp_path / "a").exit_code == 0
    return tmp_path / "a"


def test_review_points_found_with_the_amounts_are_written_into_the_file(root, tmp_path):
    source = tmp_path / "r.jsonl"
    source.write_text(
        json.dumps(
            {
                "title": "DEBT",
                "date": "1987-05-01",
                "text": "The world's debt is now $70 trillion, the Prime Minister said today.",
            }
        )
        + "\n"
    )
    result = run("--root", root, "ingest", "--source", "PM Transcripts", source)
    assert "is read as 70,000,000,000,000 AUD: check it" in result.output
    [path] = (root / "corpus").glob("1987-*.md")
    points = front(path)["review"]
    assert any("is read as 70,000,000,000,000 AUD" in p for p in points)
    check = run("--root", root, "check")
    assert "70,000,000,000,000 AUD" in check.stderr
    assert (
        "points to review by kind: amount 1" in check.output and "(1 in 1 documents" in check.output
    )


def test_check_counts_points_by_kind_and_shows_only_the_kinds_asked_for(root, tmp_path):
    source = tmp_path / "r.jsonl"
    records = [
        {
            "title": "DEBT",
            "date": "1987-05-01",
            "text": "The debt is now $70 trillion, he said today.",
        },
        {
            "title": "UNKNOWN",
            "date": "1987-06-01",
            "text": "The Government will provide $5 million for roads.",
        },
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    assert run("--root", root, "ingest", source).exit_code == 0  # no --source: a source point each
    check = run("--root", root, "check")
    line = next(
        line for line in check.output.splitlines() if line.startswith("points to review by kind:")
    )
    assert (
        "source 2" in line and "amount 1" in line and "title 1" in line and "in 2 documents" in line
    )
    only = run("--root", root, "check", "--kind", "amount")
    warnings = [w for w in only.stderr.splitlines() if w.startswith("warning:")]
    assert (
        len(warnings) == 1 and "70,000,000,000,000" in warnings[0] and "--source" not in warnings[0]
    )
    assert "shown: amount; 1 shown" in only.output
    bad = run("--root", root, "check", "--kind", "colour")
    assert bad.exit_code != 0 and "no kind called colour" in bad.output


def test_force_replaces_every_document_an_earlier_run_wrote_from_the_same_records(root, tmp_path):
    """The near-duplicate case: the short release is mostly inside the long one, which the first run
    also wrote. Re-run with --force, --source and --map, the short one must not be left as was."""
    source = tmp_path / "releases.jsonl"
    records = [
        {
            "title": "SCHOOLS",
            "date": "1974-03-01",
            "text": SHORT,
            "prime_minister": "Whitlam, Gough",
            "release_type": "Media Release",
            "pdf_url": "https://pmtranscripts.pmc.gov.au/release/transcript-1",
        },
        {
            "title": "SCHOOLS AND COLLEGES",
            "date": "1974-03-02",
            "text": LONG,
            "prime_minister": "Whitlam, Gough",
            "release_type": "Media Release",
            "pdf_url": "https://pmtranscripts.pmc.gov.au/release/transcript-2",
        },
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    first = run("--root", root, "ingest", source)
    assert first.exit_code == 0 and "wrote 2 document(s)" in first.output
    assert {front(p)["source"] for p in (root / "corpus").glob("1974-*.md")} == {"unknown"}
    again = run(
        "--root",
        root,
        "ingest",
        "--force",
        "--source",
        "PM Transcripts",
        "--map",
        "author=prime_minister,type=release_type,url=pdf_url",
        source,
    )
    assert again.exit_code == 0, again.output
    written = sorted((root / "corpus").glob("1974-*.md"))
    assert len(written) == 2
    metas = [front(p) for p in written]
    assert [m["source"] for m in metas] == ["PM Transcripts", "PM Transcripts"]
    assert [m["author"] for m in metas] == ["Whitlam, Gough"] * 2
    assert [m["type"] for m in metas] == ["Media Release"] * 2
    assert run("--root", root, "check").exit_code == 0
