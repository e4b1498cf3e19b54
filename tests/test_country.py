"""The archive's country throughout: an Australian archive from `archive init` to its pages.

The releases below are cut down from the Australian PM media releases in ../shared/corpora/ (record
ids in the comments), each to the lines a test needs. Source: Licensed from the Commonwealth of
Australia under a Creative Commons Attribution 3.0 Australia Licence. The Commonwealth of Australia
does not necessarily endorse the content of this publication.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from archive.cli import main
from archive.corpus import prices
from archive.corpus.registry import Registry, shipped_file
from archive.errors import BadRequest
from archive.search.core import Archive
from archive.web.app import create_app
from archive.web.export import CSV_COLUMNS, csv_columns

LICENCE = (
    "Source: Licensed from the Commonwealth of Australia under a Creative Commons Attribution 3.0 "
    "Australia Licence. The Commonwealth of Australia does not necessarily endorse the content of "
    "this publication."
)
RELEASES = [
    # 5187: Fraser, in the UK's financial year 1980-81 but Australia's 1979-80.
    {
        "id": "5187",
        "date": "1980-04-14",
        "prime_minister": "Fraser, Malcolm",
        "release_type": "Media Release",
        "title": "DROUGHT RELIEF",
        "pdf_url": "https://pmtranscripts.pmc.gov.au/release/transcript-5187",
        "text": "The Prime Minister announced today that the Commonwealth will provide $12 million "
        "for drought relief to farmers in Queensland and New South Wales.\n\n"
        "The Treasury will administer the grants.",
    },
    # A Menzies release before decimal currency: its pounds are Australian pounds.
    {
        "id": "1250",
        "date": "1960-01-07",
        "prime_minister": "Menzies, Robert",
        "release_type": "Media Release",
        "title": "GRANTS FOR UNIVERSITIES",
        "pdf_url": "https://pmtranscripts.pmc.gov.au/release/transcript-1250",
        "text": "The Commonwealth will provide £5 million to the universities of the States "
        "over three years.",
    },
    # Dated the day Holt took office from Menzies: placed under neither, with that reason.
    {
        "id": "1263",
        "date": "1966-01-26",
        "prime_minister": "Holt, Harold",
        "release_type": "Media Release",
        "title": "THE NEW MINISTRY",
        "pdf_url": "https://pmtranscripts.pmc.gov.au/release/transcript-1263",
        "text": "The Prime Minister today announced the names of the Ministers in the new "
        "Government.",
    },
    # Hawke, naming a department Australia's registry holds (and a name the UK's also has).
    {
        "id": "6150",
        "date": "1983-07-05",
        "prime_minister": "Hawke, Bob",
        "release_type": "Media Release",
        "title": "HOSPITAL FUNDING",
        "pdf_url": "https://pmtranscripts.pmc.gov.au/release/transcript-6150",
        "text": "The Department of Health will provide $250 million over four years to the "
        "public hospitals "
        "of the States.",
    },
    # Turnbull: the Department of Health of 2013-22, not the one of 1921-87 nor the UK's.
    {
        "id": "40500",
        "date": "2016-08-02",
        "prime_minister": "Turnbull, Malcolm",
        "release_type": "Media Release",
        "title": "MENTAL HEALTH FUNDING",
        "pdf_url": "https://pmtranscripts.pmc.gov.au/release/transcript-40500",
        "text": "The Department of Health will provide $80 million for mental health services "
        "in regional "
        "Australia over four years.",
    },
]
MAP = "author=prime_minister,type=release_type,url=pdf_url"


def write_records(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def au_folder(tmp_path: Path, records: list[dict]) -> Path:
    """An archive started with `archive init --country AU`, the records ingested and built."""
    root = tmp_path / "au"
    runner = CliRunner()
    started = runner.invoke(main, ["init", "--country", "AU", str(root)])
    assert started.exit_code == 0, started.output
    source = write_records(tmp_path / "releases.jsonl", records)
    ingested = runner.invoke(
        main,
        [
            "--root",
            str(root),
            "ingest",
            "--source",
            "PM Transcripts",
            "--map",
            MAP,
            "--licence",
            LICENCE,
            str(source),
        ],
    )
    assert ingested.exit_code == 0, ingested.output
    built = runner.invoke(main, ["--root", str(root), "build"])
    assert built.exit_code == 0, built.output
    return root


@pytest.fixture(scope="module")
def au_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return au_folder(tmp_path_factory.mktemp("country"), RELEASES)


@pytest.fixture(scope="module")
def au(au_root: Path) -> Archive:
    return Archive(au_root / "index")


@pytest.fixture(scope="module")
def au_client(au_root: Path):
    return create_app({"TESTING": True, "ROOT": str(au_root)}).test_client()


def ids_by(archive: Archive, facet: str) -> dict[str, set[str]]:
    """Each value of a facet and the ids of the documents under it (by clicking it)."""
    result = archive.search(archive.request({}))
    return {
        v.value: {
            h["id"][:10]
            for h in archive.search(archive.request({facet: [v.value], "per_page": ["100"]})).hits
        }
        for v in result.facets[facet]
    }


# -- init and the registries ------------------------------------------------------------------


def test_init_with_a_country_writes_it_and_starts_with_that_countrys_registries(au_root):
    assert 'COUNTRY = "AU"' in (au_root / "archive.toml").read_text("utf-8")
    departments = yaml.safe_load((au_root / "corpus" / "departments.yaml").read_text("utf-8"))
    governments = yaml.safe_load((au_root / "corpus" / "governments.yaml").read_text("utf-8"))
    assert departments and {d["country"] for d in departments.values()} == {"AU"}
    assert {g["country"] for g in governments.values()} == {"AU"} and "au-menzies" in governments
    assert all(d.get("sources") for d in departments.values())


def test_init_without_a_country_is_the_uk_archive_it_always_was(tmp_path):
    assert CliRunner().invoke(main, ["init", str(tmp_path / "uk")]).exit_code == 0
    assert (tmp_path / "uk" / "corpus" / "departments.yaml").read_bytes() == shipped_file(
        "GB", "departments.yaml"
    )
    assert '# COUNTRY = "AU"' in (tmp_path / "uk" / "archive.toml").read_text("utf-8")
    bad = CliRunner().invoke(main, ["init", "--country", "Oz", str(tmp_path / "oz")])
    assert bad.exit_code != 0 and "'Oz' is not a country" in bad.output


def test_country_set_later_brings_its_registries_and_never_matches_names_across_countries(tmp_path):
    """A UK-started corpus read as Australian: AU names resolve to AU keys, UK names only by key."""
    assert CliRunner().invoke(main, ["init", str(tmp_path / "a")]).exit_code == 0
    corpus = tmp_path / "a" / "corpus"
    uk, au = Registry.load(corpus), Registry.load(corpus, "AU")
    assert uk.resolve("department", "the Treasury") == "hm-treasury"
    assert au.resolve("department", "the Treasury") == "treasury"
    assert uk.resolve("department", "Department of Health") == "dh"
    assert au.resolve("department", "Department of Health") == "health-1921"
    assert (
        au.resolve("department", "HM Treasury") is None
        and au.resolve("department", "hm-treasury") == "hm-treasury"
    )
    assert uk.checksum != au.checksum  # a change of country republishes the index


# -- governments, financial years and departments ----------------------------------------------


def test_every_release_has_an_australian_government_or_is_unplaced_with_its_reason(au):
    result = au.search(au.request({}))
    governments = {v.value: v.count for v in result.facets["government"]}
    assert governments == {"au-fraser": 1, "au-menzies": 1, "au-hawke": 1, "au-turnbull": 1}
    assert result.unplaced["government"] == 1
    assert result.unplaced_why["government"] == {"the date spans a change of government": 1}
    assert sum(governments.values()) + result.unplaced["government"] == result.total == 5


def test_financial_years_run_july_to_june(au):
    years = ids_by(au, "financial_year")
    assert years["1979-80"] == {"1980-04-14"}  # the UK's April rule would say 1980-81
    assert years == {
        "1979-80": {"1980-04-14"},
        "1959-60": {"1960-01-07"},
        "1965-66": {"1966-01-26"},
        "1983-84": {"1983-07-05"},
        "2016-17": {"2016-08-02"},
    }
    assert au.request({"financial_year": ["1979-80"]})


def test_the_department_facet_holds_australian_departments_of_the_documents_dates(au):
    departments = ids_by(au, "department")
    assert departments == {
        "health-1921": {"1983-07-05"},
        "health-2013": {"2016-08-02"},
        "treasury": {"1980-04-14"},
    }
    registry = au.registry
    assert {registry.departments[k].country for k in departments} == {"AU"}
    # dept:treasury and department=Treasury are Australia's Treasury, never HM Treasury.
    assert [h["id"][:10] for h in au.search(au.request({"q": ["dept:treasury"]})).hits] == [
        "1980-04-14"
    ]
    assert au.request({"department": ["the Treasury"]}).departments == ("treasury",)


def test_amounts_count_in_australian_dollars_and_australian_pounds_before_1966(au):
    amounts = {
        d["date"]: [(a["value"], a["currency"]) for a in d["amounts"]]
        for d in (au.document(h["id"]) for h in au.search(au.request({"per_page": ["10"]})).hits)
    }
    assert amounts["1960-01-07"] == [(5_000_000, "AUP")]
    assert amounts["1980-04-14"] == [(12_000_000, "AUD")]
    assert au.currency == "AUD" and au.country == "AU"


# -- real terms ---------------------------------------------------------------------------------


def aud_deflator() -> dict[str, float]:
    """The ABS series straight from the shipped data file: financial year -> deflator."""
    text = (Path(prices.__file__).parent / prices.AUD_SERIES_FILE).read_text("utf-8")
    rows = [line.split(",") for line in text.splitlines() if line[:1].isdigit()]
    return {year: float(value) for year, value in rows}


def test_an_australian_archive_puts_aud_in_real_terms_by_the_abs_deflator(au, au_client):
    """The $12 million of 14 April 1980 is of 1979-80 (July to June), put in 2019-20 prices."""
    index = aud_deflator()
    assert max(index) == "2019-20" and index["2017-18"] == 100.0
    expected = int(12_000_000 * index["2019-20"] / index["1979-80"] + 0.5)
    assert expected == 53_772_396  # 12m x 105.2747 / 23.4934
    assert au.real_terms
    [hit] = au.search(au.request({"q": ["drought"]})).hits
    [amount] = au_client.get(f"/api/doc/{hit['id']}").get_json()["amounts"]
    assert amount["real_terms"] == {
        "value": expected,
        "prices": "2019-20",
        "series": prices.AUD_SERIES,
        "from_year": "1979-80",
    }
    page = au_client.get(f"/doc/{hit['id']}").get_data(as_text=True)
    assert "A$53,772,396 in 2019-20 prices" in page and prices.AUD_SERIES in page
    assert "A$ of the document's financial year (1979-80) in 2019-20 prices" in page

    # The search filters in real terms: the nominal $12m is found only at its real value.
    def ids(**params: str) -> list[str]:
        request = au.request({k: [v] for k, v in params.items()})
        return [h["id"] for h in au.search(request).hits]

    assert ids(min_amount="12m", max_amount="12m") == [hit["id"]]
    assert ids(min_amount="12m", max_amount="12m", real="1") == []
    assert ids(min_amount=str(expected), max_amount=str(expected), real="1") == [hit["id"]]
    assert ids(min_amount=str(expected + 1), real="1", q="drought") == []
    answer = au_client.get(f"/api/search?real=1&min_amount={expected}&max_amount={expected}")
    assert answer.status_code == 200 and answer.get_json()["total"] == 1
    # The CSV's real column, in the archive's currency.
    exported = au_client.get("/search.csv?q=drought").get_data(as_text=True)
    [row] = list(csv.DictReader(io.StringIO(exported)))
    assert row["largest_amount_aud_real"] == str(expected) and row["real_terms_prices"] == "2019-20"
    assert row["amounts_real"] == f"$12 million ({expected:,} AUD)"
    # The timeline in real terms adds up the same value; the option is offered on the page.
    years = {y.year: y.pounds for y in au.timeline(au.request({"real": ["1"], "q": ["drought"]}))}
    assert years == {1980: expected}
    assert 'data-key="real"' in au_client.get("/").get_data(as_text=True)


def test_an_australian_pound_and_a_year_before_the_series_have_no_real_terms(au, au_client):
    [hit] = au.search(au.request({"year": ["1960"]})).hits
    [amount] = au_client.get(f"/api/doc/{hit['id']}").get_json()["amounts"]
    assert amount["currency"] == "AUP" and amount["real_terms"] is None
    series = prices.deflator("AUD")
    assert series is not None and series.real_terms(1_000_000, "AUD", "1958-59", "AUD") is None
    assert series.real_terms(1_000_000, "GBP", "2010-11", "AUD") is None


def test_real_terms_are_not_offered_where_no_deflator_series_is_shipped(tmp_path, client):
    """A US archive: no deflator series for USD is shipped, so a clear 400 and no option."""
    root = tmp_path / "us"
    assert CliRunner().invoke(main, ["init", "--country", "US", str(root)]).exit_code == 0
    record = {"date": "1977-03-01", "title": "PARKS", "text": "Congress voted $5 million."}
    source = write_records(tmp_path / "us.jsonl", [record])
    ingest = ["--root", str(root), "ingest", "--source", "Agency", str(source)]
    assert CliRunner().invoke(main, ingest).exit_code == 0
    assert CliRunner().invoke(main, ["--root", str(root), "build"]).exit_code == 0
    us = Archive(root / "index")
    assert not us.real_terms
    with pytest.raises(
        BadRequest, match="real terms are not offered in this archive: no deflator series for USD"
    ):
        us.request({"real": ["1"], "min_amount": ["5m"]})
    us_client = create_app({"TESTING": True, "ROOT": str(root)}).test_client()
    answer = us_client.get("/api/search?real=1&min_amount=5m")
    assert answer.status_code == 400 and "no deflator series for USD" in answer.get_json()["error"]
    assert 'data-key="real"' not in us_client.get("/").get_data(as_text=True)
    # The UK archive still offers them.
    assert 'data-key="real"' in client.get("/").get_data(as_text=True)


# -- the archive's own words --------------------------------------------------------------------

FORBIDDEN = re.compile(r"£|GBP|gbp|pound", re.IGNORECASE)
# An Australian pound before 1966, shown as such.
ALLOWED = re.compile(r"A£|Australian pounds?")


def own_strings(archive: Archive) -> list[str]:
    """Everything the documents say themselves: titles, bodies, amounts and their sentences."""
    found = []
    for hit in archive.search(archive.request({"per_page": ["100"]})).hits:
        doc = archive.document(hit["id"])
        found += [doc["title"], doc.get("licence") or "", doc.get("source") or ""]
        found += [a["text"] for a in doc["amounts"]] + [a["sentence"] for a in doc["amounts"]]
        found += [p.strip() for p in doc["body"].split("\n") if p.strip()]
    return [s for s in found if len(s) >= 3]


def uncovered(text: str, own: list[str]) -> list[str]:
    """Return each forbidden word of text that is neither in a document's own words nor allowed."""
    covered = [False] * len(text)
    for s in own:
        for form in {s, html.escape(s), html.escape(s, quote=False), json.dumps(s)[1:-1]}:
            for m in re.finditer(re.escape(form), text):
                covered[m.start() : m.end()] = [True] * (m.end() - m.start())
    for m in ALLOWED.finditer(text):
        covered[m.start() : m.end()] = [True] * (m.end() - m.start())
    return [
        text[max(0, m.start() - 40) : m.end() + 40]
        for m in FORBIDDEN.finditer(text)
        if not all(covered[m.start() : m.end()])
    ]


def uk_names() -> list[str]:
    """The UK registry's department names that no Australian department's name contains."""
    uk = yaml.safe_load(shipped_file("GB", "departments.yaml"))
    au = " | ".join(
        d["name"] for d in yaml.safe_load(shipped_file("AU", "departments.yaml")).values()
    )
    names = {n for d in uk.values() for n in (d["name"], *d.get("aliases", [])) if len(n) > 4}
    return sorted(n for n in names if n not in au)


def test_no_uk_wording_on_any_page_export_or_hint_of_an_australian_archive(au, au_client):
    own = own_strings(au)
    ids = [h["id"] for h in au.search(au.request({"per_page": ["100"]})).hits]
    addresses = [
        "/",
        "/?q=funding",
        "/?sort=largest",
        "/?year=1960",
        "/?q=grants&financial_year=1959-60",
        "/search.csv",
        "/search.ris",
        "/search.bib",
        "/api/search",
        "/feed.atom",
        "/opensearch.xml",
        "/?government=uk-thatcher",
    ]
    for doc_id in ids:
        addresses += [
            f"/doc/{doc_id}",
            f"/doc/{doc_id}.ris",
            f"/doc/{doc_id}.bib",
            f"/api/doc/{doc_id}",
        ]
    names = uk_names()
    assert "HM Treasury" in names and "Department for Education" in names
    for address in addresses:
        answer = au_client.get(address)
        text = answer.get_data(as_text=True)
        assert answer.status_code in (200, 400), (address, answer.status_code)
        assert uncovered(text, own) == [], address
        assert [n for n in names if re.search(rf"\b{re.escape(n)}\b", text)] == [], address
        assert "uk-" not in re.sub(r"[a-z]uk-", "", text) or address.endswith("uk-thatcher"), (
            address
        )
    page = au_client.get("/").get_data(as_text=True)
    assert "largest amount in A$" in page
    assert "department:pmc" in page  # the search box's example department is Australian
    header = next(csv.reader(io.StringIO(au_client.get("/search.csv").get_data(as_text=True))))
    assert "largest_amount_aud" in header and not [c for c in header if "gbp" in c]
    rows = list(
        csv.DictReader(io.StringIO(au_client.get("/search.csv?q=drought").get_data(as_text=True)))
    )
    assert [r["largest_amount_aud"] for r in rows] == ["12000000"]
    # A UK government is not one of this archive's: a clear answer, not Fraser's releases.
    assert au_client.get("/api/search?government=uk-thatcher").status_code == 400


def test_an_australian_pound_is_shown_as_such(au, au_client):
    [hit] = au.search(au.request({"year": ["1960"]})).hits
    page = au_client.get(f"/doc/{hit['id']}").get_data(as_text=True)
    assert "5,000,000 AUP" in page
    facets = au_client.get("/api/search?year=1960").get_json()["facets"]["amount"]
    assert [f["label"] for f in facets] == ["A£1m–A£10m"]


def test_the_uk_archives_wording_is_unchanged(client):
    page = client.get("/").get_data(as_text=True)
    assert "Money is each document's largest pound amount" in page
    latest = prices.deflator("GBP")
    assert latest is not None  # the series' latest financial year, named on the page
    assert f"Amounts in real terms (pounds at {latest.prices} prices)" in page
    assert "largest pound amount of each, added up" in page
    assert csv_columns("GBP") == CSV_COLUMNS
    header = client.get("/search.csv").get_data(as_text=True).splitlines()[0].split(",")
    assert header == list(CSV_COLUMNS) and "largest_amount_gbp" in header


# -- a sample of the real releases ---------------------------------------------------------------


def sample_of(releases: Path) -> list[dict]:
    """Every 150th release by id, and the 14 April 1980 DROUGHT RELIEF, as the collection has it."""
    picked = []
    with releases.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if int(record["id"]) % 150 == 7 or (
                record["date"] == "1980-04-14" and "DROUGHT" in record["title"]
            ):
                picked.append(record)
    return picked


def test_a_sample_of_the_real_releases_is_australian_throughout(au_releases, tmp_path):
    records = sample_of(au_releases)
    assert len(records) > 40
    archive = Archive(au_folder(tmp_path, records) / "index")
    result = archive.search(archive.request({"per_page": ["100"]}))
    governments = {v.value: v.count for v in result.facets["government"]}
    assert governments and all(key.startswith("au-") for key in governments)
    assert sum(governments.values()) + result.unplaced["government"] == result.total
    assert sum(result.unplaced_why["government"].values()) == result.unplaced["government"]
    # Financial years July to June: each document is under the year its own date gives.
    for value in result.facets["financial_year"]:
        start = int(value.value[:4])
        for hit in archive.search(
            archive.request({"financial_year": [value.value], "per_page": ["100"]})
        ).hits:
            year, month = int(hit["date"][:4]), int(hit["date"][5:7])
            assert (year if month >= 7 else year - 1) == start, (hit["date"], value.value)
    drought = archive.search(
        archive.request({"q": ['title:"drought relief"'], "financial_year": ["1979-80"]})
    )
    assert [h["date"] for h in drought.hits] == ["1980-04-14"]
    registry = archive.registry
    assert {registry.departments[v.value].country for v in result.facets["department"]} <= {"AU"}


def test_a_registered_name_with_commas_is_filed_not_offered_cut_at_its_first_comma(tmp_path):
    root = au_folder(
        tmp_path,
        [
            {
                "id": "24400",
                "date": "2010-04-07",
                "title": "NATIONAL BROADBAND NETWORK",
                "text": "The Department of Broadband, Communications and the Digital Economy will "
                "lead the work with the Department of Premier and Cabinet of each State.",
            }
        ],
    )
    [path] = (root / "corpus").glob("2010-*.md")
    meta = yaml.safe_load(path.read_text("utf-8").split("---")[1])
    assert meta["departments"] == ["broadband-communications-and-the"]
    assert [p for p in meta["review"] if "not in departments.yaml" in p] == [
        "the text names the Department of Premier and Cabinet, which is not in departments.yaml: "
        "add it if documents should be found by it"
    ]


def test_a_country_without_shipped_registries_starts_empty_and_follows_its_own_financial_year(
    tmp_path,
):
    """A US archive: October to June since FY1977, earlier documents unplaced with the reason; no
    government registered, so every document is unplaced for government, saying so."""
    records = [
        {
            "date": "1975-05-02",
            "title": "HIGHWAY FUNDS",
            "text": "The Secretary released $40 million today.",
        },
        {
            "date": "1976-11-15",
            "title": "SCHOOL AID",
            "text": "The Department will give $8 million to schools.",
        },
        {
            "date": "1977-03-01",
            "title": "PARKS",
            "text": "Congress voted $5 million for the national parks.",
        },
    ]
    root = tmp_path / "us"
    assert CliRunner().invoke(main, ["init", "--country", "US", str(root)]).exit_code == 0
    assert yaml.safe_load((root / "corpus" / "departments.yaml").read_text("utf-8")) is None
    source = write_records(tmp_path / "us.jsonl", records)
    assert (
        CliRunner()
        .invoke(main, ["--root", str(root), "ingest", "--source", "Agency", str(source)])
        .exit_code
        == 0
    )
    assert CliRunner().invoke(main, ["--root", str(root), "build"]).exit_code == 0
    us = Archive(root / "index")
    result = us.search(us.request({}))
    assert {v.value: v.count for v in result.facets["financial_year"]} == {"1976-77": 2}
    # Washington names a fiscal year for the year it ends in: October 1976 is in FY1977.
    assert [v.label for v in result.facets["financial_year"]] == ["FY1977"]
    assert result.unplaced_why["financial_year"] == {
        "dated before the United States's financial year began in month 10 (1976-10-01)": 1
    }
    assert result.facets["government"] == []
    assert result.unplaced_why["government"] == {
        "no government of the United States is registered": 3
    }
    assert us.currency == "USD" and not us.real_terms


def test_the_amount_facet_lists_the_archives_own_currency_first(tmp_path):
    """Sterling a release reports (after 1966, so £ is the pound sterling) comes after AUD."""
    records = [
        {
            "date": "1975-05-02",
            "title": "AID TO BRITAIN",
            "text": "Britain will spend £5 million on it.",
        },
        {"date": "1975-05-09", "title": "ROADS", "text": "The Commonwealth will give $3 million."},
    ]
    au = Archive(au_folder(tmp_path, records) / "index")
    bands = [v.value for v in au.search(au.request({})).facets["amount"]]
    assert bands == ["aud:1m-10m", "1m-10m"]
