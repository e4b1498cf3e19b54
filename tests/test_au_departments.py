"""The Australian departments registry: confirmed dates, sources and names of several bearers.

The two releases below are made for these tests (not cut from the records); they name departments
the way the Prime Minister's releases do.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from archive.corpus.registry import Registry, shipped_file
from archive.search.core import Archive
from tests.test_country import au_folder

MADE = [
    {
        "id": "900001",
        "date": "1960-03-01",
        "prime_minister": "Menzies, Robert",
        "release_type": "Media Release",
        "title": "WOOL RESEARCH",
        "pdf_url": "https://example.org/900001",
        "text": "The Department of Primary Industry will administer a grant of £2 million for "
        "wool research over five years.",
    },
    {
        "id": "900002",
        "date": "1980-03-04",
        "prime_minister": "Fraser, Malcolm",
        "release_type": "Media Release",
        "title": "BEEF EXPORTS",
        "pdf_url": "https://example.org/900002",
        "text": "The Department of Primary Industry will provide $3 million to help beef exporters "
        "meet new inspection rules.",
    },
    {
        "id": "900003",
        "date": "1956-08-14",
        "prime_minister": "Menzies, Robert",
        "release_type": "Media Release",
        "title": "TRADE MISSION TO ASIA",
        "pdf_url": "https://example.org/900003",
        "text": "The Department of Trade will lead a mission of manufacturers to South-East Asia, "
        "at a cost to the Commonwealth of £40,000.",
    },
]


def au_registry() -> Registry:
    return Registry.load(Path("/nonexistent-corpus"), "AU")


def confirmed() -> dict[str, dict]:
    """The entries of the section whose dates were confirmed in stored copies of their sources."""
    text = shipped_file("AU", "departments.yaml").decode("utf-8")
    part = text.split("# -- confirmed", 1)[1].split("# -- named only", 1)[0]
    return yaml.safe_load(part.split("\n", 1)[1])


def test_every_confirmed_department_has_dates_and_the_address_it_was_read_at():
    found = confirmed()
    assert len(found) >= 50
    for key, entry in found.items():
        assert entry["from"], key
        assert any(s.startswith("http") for s in entry["sources"]), key


def test_more_than_half_the_australian_departments_are_dated():
    departments = [d for d in au_registry().departments.values() if d.country == "AU"]
    dated = [d for d in departments if d.start]
    assert len(dated) >= 90 and len(dated) > len(departments) / 2


def test_renamings_mergers_and_splits_are_linked_both_ways():
    registry = au_registry()
    # Primary Industry [I] was renamed Agriculture, renamed Primary Industry [II], merged into DPIE.
    assert registry.with_predecessors("dpie") >= {
        "primary-industry",
        "agriculture-1974",
        "primary-industry-1956",
        "resources-and-energy",
    }
    # Labor and Immigration split in two in 1975.
    assert set(registry.departments["labor-and-immigration"].successors) == {
        "employment-and-industrial-relations-1975",
        "immigration-and-ethnic-affairs-1975",
    }
    assert (
        "families-housing-community-services"
        in registry.departments["social-services"].predecessors
    )


@pytest.mark.parametrize(
    ("name", "day", "key"),
    [
        ("Department of Primary Industry", "1960-03-01", "primary-industry-1956"),
        ("Department of Primary Industry", "1980-03-04", "primary-industry"),
        ("Department of Agriculture", "1975-03-01", "agriculture-1974"),
        ("Department of Agriculture", "2014-03-01", "agriculture-2013"),
        ("Department of Education", "1985-03-01", "education-1984"),
        # McEwen's Department of Trade (1956–63), not the second of the name (1983–87)
        ("Department of Trade", "1956-08-14", "trade-1956"),
        ("Department of Trade", "1986-03-01", "trade-1983"),
        ("Department of Trade and Industry", "1968-05-01", "trade-and-industry"),
        # No dated bearer in 2015: the name-only entry stands for the one not confirmed.
        ("Department of Education", "2015-03-01", "education"),
        (
            "Department of Immigration and Multicultural Affairs",
            "2006-06-01",
            "immigration-and-multicultural-affairs-2006",
        ),
    ],
)
def test_a_name_of_several_departments_is_read_as_the_one_of_the_documents_date(name, day, key):
    registry = au_registry()
    assert registry.bearing_name_on(registry.resolve("department", name), day) == key


def test_a_uk_archive_never_matches_an_australian_departments_name():
    uk = Registry.load(Path("/nonexistent-corpus"))
    assert uk.resolve("department", "Department of Primary Industry") is None


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return Archive(au_folder(tmp_path_factory.mktemp("depts"), MADE) / "index")


def test_an_ingested_release_is_filed_under_the_department_of_its_date(archive):
    keys = {}
    for hit in archive.search(archive.request({"per_page": ["10"]})).hits:
        document = archive.document(hit["id"])
        keys[document["date"]] = [d["key"] for d in document["departments"]]
    assert keys == {
        "1956-08-14": ["trade-1956"],
        "1960-03-01": ["primary-industry-1956"],
        "1980-03-04": ["primary-industry"],
    }


def test_the_trade_line_runs_from_trade_and_customs_to_dfat():
    registry = au_registry()
    assert registry.with_predecessors("dfat") >= {
        "trade-1983",
        "trade-and-resources",
        "overseas-trade",
        "trade-and-industry",
        "trade-1956",
        "trade-and-customs",
    }
    trade = registry.departments["trade-1956"]
    assert (trade.start, trade.end) == ("1956-01-11", "1963-12-18")
    assert "CA 64" in (trade.history or "")
