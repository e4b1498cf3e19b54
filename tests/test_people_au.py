"""Who announced each release, on a cut-down corpus of the Australian PM media releases.

The releases are read from ../shared (skipped without them, failed in CI), never copied here;
the archive built from them carries the attribution their licence (CC BY 3.0 AU) requires.
"""

from __future__ import annotations

import json

import pytest

from archive.cli import main
from archive.corpus.directory import Directory
from archive.search.core import Archive

LICENCE = (
    "Source: Licensed from the Commonwealth of Australia under a Creative Commons Attribution 3.0 "
    "Australia Licence. The Commonwealth of Australia does not necessarily endorse the content of "
    "this publication."
)
# The first long release of each of nine Prime Ministers (some from the days before they took
# office), and five in which a minister speaks: the minister each quotes, by registry key.
QUOTED = {
    "6570": "lionel-bowen",
    "7866": "lionel-bowen",
    "15749": "stephen-conroy",
    "18763": "wayne-swan",
    "22269": "alexander-downer",
}
PLAIN = ("33", "1231", "2729", "3967", "6049", "8369", "9953", "22994", "40005")


@pytest.fixture(scope="module")
def releases(au_releases, tmp_path_factory, runner_module):
    """Ingest the chosen records, with their prime_minister field, and build; (archive, records)."""
    wanted = {*QUOTED, *PLAIN}
    records = {}
    with au_releases.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in wanted:
                records[record["id"]] = record
    root = tmp_path_factory.mktemp("au-people") / "archive"
    assert runner_module.invoke(main, ["init", "--country", "AU", str(root)]).exit_code == 0
    source = root / "releases.jsonl"
    source.write_text(
        "".join(json.dumps(records[i]) + "\n" for i in sorted(records)), encoding="utf-8"
    )
    ingested = runner_module.invoke(
        main,
        [
            "--root",
            str(root),
            "ingest",
            "--country",
            "AU",
            "--licence",
            LICENCE,
            "--map",
            "url=pdf_url",
            "--source",
            "PM Transcripts, Department of the Prime Minister and Cabinet",
            str(source),
        ],
    )
    assert " wrote 14 " in ingested.output, ingested.output[-2000:]
    assert runner_module.invoke(main, ["--root", str(root), "build"]).exit_code == 0
    return Archive(root / "index"), records


@pytest.fixture(scope="module")
def runner_module():
    from click.testing import CliRunner

    return CliRunner()


def documents(archive: Archive) -> dict[str, dict]:
    """Map each document's date (one release a day among these) to the document."""
    request = archive.request({"per_page": ["100"]})
    return {hit["date"]: archive.document(hit["id"]) for hit in archive.search(request).hits}


def test_every_release_is_announced_by_the_prime_minister_its_record_names(releases):
    archive, records = releases
    directory = Directory(archive.registry.people)
    found = documents(archive)
    assert len(found) == len(records) == 14
    for record in records.values():
        document = found[record["date"]]
        assert (
            document["announced_by"]["person"] == directory.named(record["prime_minister"]).key
        ), record["id"]
        assert (
            document["announced_by"]["sentence"]
            == f"The record's prime_minister gives {record['prime_minister']}."
        )
        assert document["licence"] == LICENCE


def test_a_named_minister_quoted_in_a_release_appears_under_quoted(releases):
    archive, records = releases
    found = documents(archive)
    for record_id, minister in QUOTED.items():
        quoted = {q["person"]: q for q in found[records[record_id]["date"]]["quoted"]}
        assert minister in quoted, (record_id, list(quoted))
        name = archive.registry.people[minister].name.split()[-1]
        assert name in quoted[minister]["sentence"]
    conroy = {q["person"]: q for q in found[records["15749"]["date"]]["quoted"]}["stephen-conroy"]
    assert conroy["role"] == "Minister for Broadband, Communications and the Digital Economy"


def test_the_announced_by_facet_counts_each_prime_minister(releases):
    archive, _ = releases
    facet = {v.value: v.count for v in archive.search(archive.request({})).facets["announced_by"]}
    assert facet == {
        "bob-hawke": 3,
        "robert-menzies": 1,
        "harold-holt": 1,
        "gough-whitlam": 1,
        "malcolm-fraser": 1,
        "paul-keating": 1,
        "john-howard": 2,
        "kevin-rudd": 1,
        "julia-gillard": 1,
        "tony-abbott": 1,
        "malcolm-turnbull": 1,
    }
