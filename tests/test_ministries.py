"""Australian ministries: the shipped registry, a document placed in its ministry, and the checks.

The releases are those of tests/test_country.py, cut down from the Australian PM media releases
(Source: Licensed from the Commonwealth of Australia under a Creative Commons Attribution 3.0
Australia Licence. The Commonwealth of Australia does not necessarily endorse the content of this
publication.)
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from archive.cli import main
from archive.corpus import ministries
from archive.corpus.registry import Registry, shipped_file
from archive.search.core import Archive
from archive.web.app import create_app
from archive.web.export import CSV_COLUMNS
from tests.test_country import RELEASES, au_folder


@pytest.fixture(scope="module")
def au_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return au_folder(tmp_path_factory.mktemp("ministries"), RELEASES)


@pytest.fixture(scope="module")
def au_client(au_root: Path):
    return create_app({"TESTING": True, "ROOT": str(au_root)}).test_client()


def shipped() -> dict[str, ministries.Ministry]:
    return Registry.load(Path("/nonexistent-corpus"), "AU").ministries


# -- the shipped registry ------------------------------------------------------------------------


def test_every_ministry_since_federation_is_shipped_with_its_dates_pm_and_sources():
    found = sorted(shipped().values(), key=lambda m: m.start)
    assert [m.number for m in found] == list(range(1, len(found) + 1))
    assert len(found) >= 74
    assert (found[0].name, found[0].prime_minister, found[0].start) == (
        "Barton ministry",
        "Edmund Barton",
        "1901-01-01",
    )
    assert all(m.sources and all(s.startswith("http") for s in m.sources) for m in found)
    assert all(m.country == "AU" for m in found)
    assert found[-1].end is None  # the one in office
    hawke = [m.name for m in found if m.government == "au-hawke"]
    assert hawke == [
        "First Hawke ministry",
        "Second Hawke ministry",
        "Third Hawke ministry",
        "Fourth Hawke ministry",
    ]


def test_the_shipped_registry_passes_its_own_checks_but_for_the_one_day_of_1904():
    registry = Registry.load(Path("/nonexistent-corpus"), "AU")
    found = ministries.problems(registry.ministries, registry.governments)
    assert [p.error for p in found] == [False]
    assert "1 day(s) without a ministry" in found[0].text and "au-watson" in found[0].text
    # Every ministry from 1949 belongs to a registered government and covers it end to end.
    since = [m for m in registry.ministries.values() if m.start >= "1949-12-19"]
    assert since and all(m.government in registry.governments for m in since)


def test_a_uk_archive_has_no_ministries_and_never_takes_australias(tmp_path):
    assert Registry.load(Path("/nonexistent-corpus")).ministries == {}
    assert shipped_file("GB", ministries.MINISTRIES_FILE) == b""
    assert CliRunner().invoke(main, ["init", str(tmp_path / "uk")]).exit_code == 0
    assert not (tmp_path / "uk" / "corpus" / ministries.MINISTRIES_FILE).exists()
    assert Registry.load(tmp_path / "uk" / "corpus").ministries == {}


def test_init_with_au_copies_the_ministries_for_a_maintainer_to_correct(fresh):
    own = fresh / "corpus" / ministries.MINISTRIES_FILE
    assert own.read_bytes() == shipped_file("AU", ministries.MINISTRIES_FILE)


def test_a_date_on_the_day_of_a_change_is_placed_under_neither_ministry():
    found = shipped()
    assert ministries.ministry_on(found, "au-hawke", "1983-07-05", "1983-07-05").name == (
        "First Hawke ministry"
    )
    assert ministries.ministry_on(found, "au-hawke", "1984-12-13", "1984-12-13") is None
    # A month that spans two ministries is placed under neither.
    assert ministries.ministry_on(found, "au-hawke", "1984-12-01", "1984-12-31") is None
    assert ministries.ministry_on(found, "au-hawke", "1985-01-01", "1985-01-31").name == (
        "Second Hawke ministry"
    )


# -- documents placed in their ministries -------------------------------------------------------


def test_a_document_of_1983_shows_the_first_hawke_ministry_on_its_page_and_in_json(
    au_root, au_client
):
    archive = Archive(au_root / "index")
    hits = archive.search(archive.request({"per_page": ["100"]})).hits
    hit = next(h for h in hits if h["date"] == "1983-07-05")
    document = archive.document(hit["id"])
    assert document["government"]["key"] == "au-hawke"
    assert document["ministry"]["name"] == "First Hawke ministry"
    page = au_client.get(f"/doc/{hit['id']}").get_data(as_text=True)
    assert 'class="ministry">First Hawke ministry</span>' in page
    assert "/government/au-hawke" in page
    data = au_client.get(f"/api/doc/{hit['id']}").get_json()
    assert data["ministry"]["key"] == "au-hawke-1"
    assert data["ministry"]["start"] == "1983-03-11" and data["ministry"]["end"] == "1984-12-13"


def test_each_document_gets_its_own_governments_ministry_or_none(au_root):
    archive = Archive(au_root / "index")
    by_date = {}
    for hit in archive.search(archive.request({"per_page": ["100"]})).hits:
        document = archive.document(hit["id"])
        by_date[document["date"]] = (document.get("ministry") or {}).get("name")
    assert by_date["1980-04-14"] == "Third Fraser ministry"
    assert by_date["1960-01-07"] == "Eighth Menzies ministry"
    assert by_date["2016-08-02"] == "Second Turnbull ministry"
    assert by_date["1966-01-26"] is None  # the day Holt took office: no government, no ministry


def test_the_csv_export_names_each_rows_government_and_ministry(au_client):
    text = au_client.get("/search.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[-2:] == ["government", "ministry"]
    ministry_of = {row["date"]: row["ministry"] for row in rows}
    assert ministry_of["1983-07-05"] == "First Hawke ministry"
    assert ministry_of["1966-01-26"] == ""


def test_the_government_page_lists_its_ministries_with_sources_and_searches(au_client):
    page = au_client.get("/government/au-hawke").get_data(as_text=True)
    for name in ("First Hawke ministry", "Fourth Hawke ministry"):
        assert name in page
    assert "the 54th ministry" in page
    assert "wikimili.com/en/Fourth_Hawke_ministry" in page
    data = au_client.get("/api/government/au-hawke").get_json()
    first = data["lineage"]["ministries"][0]
    assert (first["key"], first["start"], first["end"]) == (
        "au-hawke-1",
        "1983-03-11",
        "1984-12-13",
    )
    # Its documents: the government's, from the day after it began to the day before it ended.
    found = au_client.get(first["search"].split("localhost", 1)[-1]).get_data(as_text=True)
    assert "Hospital Funding" in found or "HOSPITAL FUNDING" in found


def test_a_uk_archives_pages_and_exports_are_unchanged(client):
    header = client.get("/search.csv").get_data(as_text=True).splitlines()[0].split(",")
    assert header == list(CSV_COLUMNS)
    doc_id = client.get("/api/search").get_json()["results"][0]["id"]
    assert "ministry" not in client.get(f"/api/doc/{doc_id}").get_json()
    assert "<dt>Government</dt>" not in client.get(f"/doc/{doc_id}").get_data(as_text=True)


# -- archive check ------------------------------------------------------------------------------


def own_ministries(root: Path, changes: dict[str, dict]) -> None:
    """Give the archive a ministries.yaml of its own: the shipped one, with some entries changed."""
    data = yaml.safe_load(shipped_file("AU", ministries.MINISTRIES_FILE))
    for key, change in changes.items():
        data[key] = {**data.get(key, {}), **change}
    (root / "corpus" / ministries.MINISTRIES_FILE).write_text(yaml.safe_dump(data), "utf-8")


def check(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--root", str(root), "check"])
    return result.exit_code, result.output


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    root = tmp_path / "au"
    assert CliRunner().invoke(main, ["init", "--country", "AU", str(root)]).exit_code == 0
    return root


def test_check_passes_the_shipped_ministries_with_the_1904_gap_as_a_warning(fresh):
    code, output = check(fresh)
    assert code == 0, output
    assert "registry: " in output and "1 day(s) without a ministry between 'au-watson'" in output
    # A note on the registry, not a document's point to review.
    assert "no errors, 0 warning(s)" in output


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"au-hawke-2": {"from": "1984-11-01"}}, "starts on 1984-11-01, before 'au-hawke-1' ends"),
        (
            {"au-hawke-2": {"prime_minister": "Paul Keating"}},
            "led by Paul Keating, who is not the Prime Minister of government 'au-hawke'",
        ),
        ({"au-hawke-2": {"government": "au-hawk"}}, "unknown government 'au-hawk'"),
        ({"au-hawke-2": {"government": "uk-blair"}}, "unknown government 'uk-blair'"),
        (
            {"au-keating-1": {"government": "au-hawke", "prime_minister": "Bob Hawke"}},
            "lies outside its government 'au-hawke'",
        ),
    ],
)
def test_check_rejects_overlaps_unknown_governments_and_pms(fresh, changes, said):
    own_ministries(fresh, changes)
    code, output = check(fresh)
    assert code == 1
    assert said in output


def test_check_warns_of_a_gap_between_two_ministries(fresh):
    own_ministries(fresh, {"au-hawke-2": {"from": "1984-12-20"}})
    code, output = check(fresh)
    assert code == 0
    assert "7 day(s) without a ministry between 'au-hawke-1'" in output


def test_a_ministry_without_a_date_is_refused_with_the_files_name(fresh):
    own_ministries(fresh, {"au-hawke-2": {"from": "13 December 1984"}})
    code, output = check(fresh)
    assert code == 1
    assert "ministries.yaml" in output and "write it as" in output
