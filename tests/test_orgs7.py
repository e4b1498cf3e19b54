"""Organisations by the shapes of round 12 of issue 21, through the real ingest of AU records.

Each record is written here in a shape the Australian releases take (a day's programme, a scan,
a list of members by office, a party's branch) and ingested as `archive ingest --country AU`
ingests a JSON-lines file; each test fails with its rule taken out of archive/ingest/orgedges.py
or orgs.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from records import ingest_record

from archive.cli import main
from archive.corpus.parse import parse_file
from archive.corpus.registry import Registry
from archive.ingest.pipeline import Options


def found(tmp_path: Path, text: str, date: str = "1985-06-03") -> list[str]:
    """Ingest one AU record (dry run) and return the organisations ingest finds in it."""
    record = {"id": "1", "date": date, "title": "STATEMENT BY THE PRIME MINISTER", "text": text}
    options = Options(country="AU", source="PM", dry_run=True)
    report, _ = ingest_record(tmp_path, record, options, workers=None)
    [outcome] = report.written
    return [m.key for m in outcome.organisations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month makes a forum a meeting, and is no part of a council's name
        (
            "Ministers will meet business at the Tax Forum on October 4 in Canberra.",
            [],
        ),
        (
            "He will put the plan to the National Rural Advisory Council on October 12.",
            ["National Rural Advisory Council"],
        ),
        ("The October Future Jobs Forum will be opened by the Treasurer.", []),
        # a day's programme line: the time and what is done are no part of the body's name
        (
            "Tuesday 4 March\n\nMorning Visit Australian War Memorial\n\nEvening Dinner Party",
            ["Australian War Memorial"],
        ),
        # a person's office is no body; an office holder's is
        ("Enquiries to John Anderson's Office on the number below.", []),
        (
            "Enquiries to the Prime Minister's Office on the number below.",
            ["Prime Minister's Office"],
        ),
    ],
)
def test_dates_programme_lines_and_persons_offices(tmp_path, text, expected):
    assert found(tmp_path, text) == expected


def test_a_list_of_fields_after_a_comma_stays_in_the_name(tmp_path):
    text = (
        "A report by the Bureau of Infrastructure, Transport and Regional Economics (BITRE) put "
        "the cost at $27 billion."
    )
    assert "Bureau of Infrastructure, Transport and Regional Economics" in found(tmp_path, text)
    # two bodies listed after a comma stay two bodies
    text = "Grants go to the University of Sydney, Macquarie University and the CSIRO."
    names = found(tmp_path, text)
    assert "University of Sydney" in names and "Macquarie University" in names


def test_a_head_word_a_scan_garbled_by_one_letter_is_mended(tmp_path):
    text = (
        "Tasmania's withdrawal from the Grants Commisnion system was agreed, and the shares of "
        "Rigby Lirited were sold."
    )
    names = found(tmp_path, text)
    assert "Grants Commission" in names and "Rigby Limited" in names
    # a spelling is not a scan: "Organization" stays as written
    names = found(tmp_path, "The World Health Organization reported the outbreak today.")
    assert names == ["World Health Organization"]


def test_a_list_of_people_names_the_bodies_of_their_offices(tmp_path):
    text = (
        "The members of the Council are:\n\n"
        "Mr Arthur Toon Director, Cyrenian House, Perth\n\n"
        "Mr Dennis Young National Director, Drug-ARM Australia\n\n"
        "Dr Jane Roe Manager, Planning and Evaluation, Perth"
    )
    names = found(tmp_path, text)
    assert "Cyrenian House" in names and "Drug-ARM Australia" in names
    assert "Planning and Evaluation" not in names  # a division's fields, not a body
    # an office in a book's title is no office: "Figgy and the President, Tamsin Janu"
    text = "The shortlist: Figgy and the President, Tamsin Janu (Scholastic Australia)."
    assert "Tamsin Janu" not in found(tmp_path, text)


def test_a_party_named_alone_beside_its_branch_is_found(tmp_path):
    text = (
        "The Prime Minister spoke at the Wannon Corangamite Liberal Party conference today. He "
        "said the Liberal Party would stand candidates in every seat."
    )
    assert "Liberal Party" in found(tmp_path, text)
    # a party of people is no political party: "the RAAF Unarmed Party marched past"
    text = "The RAAF Unarmed Party marched past, and then the Unarmed Party turned for home."
    assert "Unarmed Party" not in found(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The contract went to Wilcox Electric Inc of Kansas City.", "Wilcox Electric Inc"),
        ("Leighton Holdings will build the line.", "Leighton Holdings"),
        ("Milk from the Murray Goulburn Co-operative was sold.", "Murray Goulburn Co-operative"),
        ("The lease is held by Allstate Explorations NL in Perth.", "Allstate Explorations NL"),
    ],
)
def test_a_legal_ending_closes_a_companys_name(tmp_path, text, name):
    assert name in found(tmp_path, text)


def test_a_cooperative_opening_a_longer_name_is_not_cut_there(tmp_path):
    text = "The Cooperative Research Centre for Polymers will open in May."
    assert "Cooperative" not in " ".join(found(tmp_path, text)).split()[-1:]


def test_the_written_file_lists_the_organisations(tmp_path):
    root = tmp_path / "archive"
    runner = CliRunner()
    assert runner.invoke(main, ["init", "--country", "AU", str(root)]).exit_code == 0
    release = tmp_path / "release.jsonl"
    text = (
        "The Prime Minister welcomed the decision of the Grants Commisnion.\n\n"
        "Mr Arthur Toon Director, Cyrenian House, Perth"
    )
    release.write_text(
        json.dumps({"id": "7", "date": "1975-05-01", "title": "GRANTS", "text": text}) + "\n"
    )
    result = runner.invoke(main, ["--root", str(root), "ingest", "--source", "PM", str(release)])
    assert result.exit_code == 0, result.output
    [written] = [p for p in (root / "corpus").rglob("*.md") if p.name != "README.md"]
    assert {"Grants Commission", "Cyrenian House"} <= set(
        parse_file(written, Registry.load(root / "corpus", "AU")).organisations
    )


def test_a_scanned_place_word_and_the_forces_in_the_plural_are_no_bodies(tmp_path):
    text = "Drought has hit Squth Australia hard, Tourism Australia said."
    assert found(tmp_path, text) == ["Tourism Australia"]
    text = "The Defence Forces of both countries trained with the Australian Defence Force."
    assert found(tmp_path, text) == ["Australian Defence Force"]
