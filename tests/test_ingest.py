"""`archive ingest` end to end: the five seeds against their curated documents, and its promises."""

from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path

import pytest

from archive.cli import main
from archive.corpus.folder import document_files
from archive.corpus.parse import parse_file
from archive.corpus.registry import Registry

SEEDS = Path(__file__).parent / "seeds"  # the five raw seed pages, as scraped
PROJECT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SAMPLES = Path(__file__).parent / "ingest"
CURATED = {
    "000_6ce4e12021eb4815.txt": "2013-04-funding-to-improve-social-work-practice-is-removed",
    "001_3f79cd9f5a8b1ac2.txt": "2010-03-17-frontline-social-work-to-be-transformed",
    "002_4336bad4327cdd15.txt": "2011-05-03-councils-shun-social-work-practice-pilots",
    "003_43a77a5735a79a7b.txt": "2017-03-20-innovative-social-work-projects-get-36m-funding-boost",
    "004_502c8441059f2e0b.txt": "2019-devolved-budgets-for-social-workers-broadly-welcomed",
}
# What the pages around the seeds' articles say; none of it may reach a body.
BOILERPLATE = [
    "Related articles",
    "Read More",
    "More from Community Care",
    "Comments are closed",
    "Responses to",
    "Michaela Rogers",
    "Any money coming up North",
    "Briefing Signup",
    "Quick Contact",
    "0333 332 1991",
    "info@supportsolutions",
    "Knowledge & Resources",
    "Read Full Story",
    "Respect4SocialWork",
    "Make an Enquiry",
    "Contact Us",
    "Photo: pressmaster",
    "(pic: Rex Features)",
    "Mackman",
    "Scottish Welfare Fund",
    "Reform plans: the full picture",
    "Special report on outsourcing",
    "Cost-of-living",
    "Tim Loughton",
]


def run(runner, *args):
    return runner.invoke(main, [str(a) for a in args])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """An empty corpus with the project's registries."""
    target = tmp_path / "corpus"
    target.mkdir()
    for name in ("departments.yaml", "programmes.yaml"):
        shutil.copy(PROJECT_CORPUS / name, target / name)
    return target


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load(PROJECT_CORPUS)


def written(corpus: Path) -> list[Path]:
    return list(document_files(corpus).values())


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.mark.parametrize("seed", sorted(CURATED))
def test_seed_becomes_its_curated_document(runner, corpus, registry, seed):
    result = run(runner, "--corpus", corpus, "ingest", SEEDS / seed)
    assert result.exit_code == 0, result.output
    [path] = written(corpus)
    ingested = parse_file(path, registry)
    curated = parse_file(PROJECT_CORPUS / f"{CURATED[seed]}.md", registry)

    assert ingested.title == curated.title
    assert set(ingested.departments) == set(curated.departments)
    assert set(ingested.programmes) == set(curated.programmes)
    assert [(a.text, a.value, a.currency) for a in ingested.amounts] == [
        (a.text, a.value, a.currency) for a in curated.amounts
    ]
    if seed != "002_4336bad4327cdd15.txt":  # its text names no year at all: see the next test
        assert ingested.date.year == curated.date.year

    # The body is the article alone: every boilerplate phrase gone, the article's paragraphs kept.
    for phrase in BOILERPLATE:
        assert phrase not in ingested.body, phrase
    paragraphs = [" ".join(p.split()) for p in curated.text.split("\n") if p.strip()]
    text = " ".join(ingested.text.split())
    for paragraph in (paragraphs[0], paragraphs[len(paragraphs) // 2], paragraphs[-1]):
        assert paragraph in text
    same = difflib.SequenceMatcher(
        None, words(ingested.text), words(curated.text), autojunk=False
    ).ratio()
    assert same > 0.99


def test_a_seed_without_a_year_is_dated_from_its_url_or_flagged(runner, corpus, registry):
    seed = SEEDS / "002_4336bad4327cdd15.txt"
    url = "https://www.communitycare.co.uk/2011/05/03/councils-shun-social-work-practice-pilots/"
    flagged = run(runner, "--corpus", corpus, "ingest", "--dry-run", seed)
    assert "review: no date was found in the text: set the date by hand" in flagged.output

    result = run(
        runner, "--corpus", corpus, "ingest", "--url", url, "--source", "Community Care", seed
    )
    assert result.exit_code == 0, result.output
    [path] = written(corpus)
    assert path.name == "2011-05-03-councils-shun-social-work-practice-pilots.md"
    document = parse_file(path, registry)
    assert (
        document.date.iso == "2011-05-03"
        and document.url == url
        and document.source == "Community Care"
    )
    assert "date" not in " ".join(document.review)
    # The one unsure programme is listed for review, with its reason.
    assert any("adult-social-work-practices-pilots" in point for point in document.review)


@pytest.mark.parametrize(
    "seed, iso, evidence",
    [
        ("000_6ce4e12021eb4815.txt", "2013-04", "a week into the new financial year"),
        ("001_3f79cd9f5a8b1ac2.txt", "2010", "financial year 2010-11"),
        (
            "003_43a77a5735a79a7b.txt",
            "2017-03",
            "Reader comments are dated 22 March 2017 to 23 March 2017",
        ),
        ("004_502c8441059f2e0b.txt", "2019", "due March 2020"),
    ],
)
def test_seed_dates_carry_their_precision_and_evidence(
    runner, corpus, registry, seed, iso, evidence
):
    result = run(runner, "--corpus", corpus, "ingest", SEEDS / seed)
    assert result.exit_code == 0
    [path] = written(corpus)
    document = parse_file(path, registry)
    assert document.date.iso == iso
    assert path.name.startswith(f"{iso}-")
    meta = path.read_text("utf-8").split("---")[1]
    assert (
        evidence in meta
    )  # in date_evidence, and in review: an inferred date is checked by a person
    assert any(
        point.startswith("the date is inferred") and evidence in point for point in document.review
    )
    assert evidence in result.output


def test_seed_prints_its_evidence(runner, corpus):
    result = run(runner, "--corpus", corpus, "ingest", SEEDS / "000_6ce4e12021eb4815.txt")
    out = result.output
    assert (
        "title: Funding to improve social work practice is removed  [the headline, line 1 of the "
        "page]" in out
    )
    assert "department: dfe as The Department for Education, DfE" in out
    assert "programme: swap as Social Work Associate Practice (SWAP), SWAP" in out
    assert "amounts: 3: £3.2 million = 3,200,000 GBP, £8.5 million = 8,500,000 GBP" in out
    assert "organisation: Local Government Association" in out
    assert (
        out.strip()
        .splitlines()[-1]
        .startswith(
            "1 record(s): wrote 1 document(s), 1 with points to review; skipped 0; 3 amount(s) "
            "found"
        )
    )


def test_review_list_makes_check_warn_until_it_is_cleared(runner, corpus):
    run(runner, "--corpus", corpus, "ingest", SEEDS / "004_502c8441059f2e0b.txt")
    [path] = written(corpus)
    check = run(runner, "--corpus", corpus, "check")
    assert check.exit_code == 0
    assert f"warning: {path}: 2 point(s) to review: the date is inferred" in check.output
    assert "checked 1 documents: no errors, 1 warning(s)" in check.output

    content = path.read_text("utf-8")
    cleared = re.sub(r"review:\n(?:  - .*\n)+", "", content)
    assert cleared != content
    path.write_text(cleared, "utf-8")
    check = run(runner, "--corpus", corpus, "check")
    assert (
        "warning:" not in check.output
        and "checked 1 documents: no errors, 0 warning(s)" in check.output
    )


def test_ingested_seeds_build_and_search(runner, corpus, tmp_path):
    run(runner, "--corpus", corpus, "ingest", SEEDS)
    assert len(written(corpus)) == 5
    assert run(runner, "--corpus", corpus, "check").exit_code == 0
    build = run(runner, "--corpus", corpus, "--index", tmp_path / "index", "build")
    assert build.exit_code == 0 and "indexed 5 documents" in build.output
    found = json.loads(
        run(runner, "--index", tmp_path / "index", "search", "--json", "mockingbird").output
    )
    assert [hit["title"] for hit in found["results"]] == [
        "Innovative social work projects get £36m funding boost"
    ]
    by_programme = json.loads(
        run(runner, "--index", tmp_path / "index", "search", "--json", "--programme", "swap").output
    )
    assert by_programme["total"] == 1


def test_an_article_already_in_the_corpus_is_skipped_and_named(runner, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(PROJECT_CORPUS, corpus)
    before = sorted(p.name for p in corpus.iterdir())
    result = run(runner, "--corpus", corpus, "ingest", SEEDS / "003_43a77a5735a79a7b.txt")
    assert result.exit_code == 1
    curated = corpus / "2017-03-20-innovative-social-work-projects-get-36m-funding-boost.md"
    assert re.search(
        rf"skipped .*003_43a77a5735a79a7b.txt: duplicate: \d+% of its text is already in {curated}",
        result.output,
    )
    assert "skipped 1 (1 duplicate)" in result.output
    assert sorted(p.name for p in corpus.iterdir()) == before


def test_nearly_the_same_text_is_a_duplicate(runner, corpus, tmp_path):
    original = SAMPLES / "scraped-page.txt"
    run(runner, "--corpus", corpus, "ingest", original)
    [first] = written(corpus)
    edited = tmp_path / "edited.txt"
    text = original.read_text("utf-8").replace("twelve councils", "twelve local councils")
    edited.write_text(text.replace("Councils in the west", "West councils"), "utf-8")
    result = run(runner, "--corpus", corpus, "ingest", edited)
    assert result.exit_code == 1
    assert "duplicate: " in result.output and str(first) in result.output
    assert written(corpus) == [first]


def test_never_overwrites_without_force(runner, corpus, tmp_path):
    page = SAMPLES / "scraped-page.txt"
    run(runner, "--corpus", corpus, "ingest", page)
    [path] = written(corpus)
    # A different text under the same date and headline: the same file name.
    other = tmp_path / "rewritten.txt"
    story = (
        "An entirely different story about the same headline, told again with other words for the "
        "record."
    )
    other.write_text(
        "Bristol and Bath share £4.5m to keep children out of care\n\n7 September 2021\n\n"
        f"{story}\n",
        "utf-8",
    )
    path.write_text(path.read_text("utf-8") + "\nA note the maintainer added by hand.\n", "utf-8")
    kept = path.read_text("utf-8")
    refused = run(runner, "--corpus", corpus, "ingest", other)
    assert refused.exit_code == 1
    assert (
        f"exists: {path} is already in the corpus (use --force to overwrite it)" in refused.output
    )
    assert path.read_text("utf-8") == kept

    forced = run(runner, "--corpus", corpus, "ingest", "--force", other)
    assert forced.exit_code == 0, forced.output
    assert "An entirely different story" in path.read_text("utf-8")
    # Re-ingesting the same article with --force replaces
    # it rather than calling it a duplicate of itself.
    again = run(runner, "--corpus", corpus, "ingest", "--force", other)
    assert again.exit_code == 0 and f"wrote {path}" in again.output


def test_dry_run_prints_the_file_and_writes_nothing(runner, corpus):
    result = run(runner, "--corpus", corpus, "ingest", "--dry-run", SAMPLES / "scraped-page.txt")
    assert result.exit_code == 0
    assert written(corpus) == []
    assert "would write" in result.output
    assert (
        "  ---- the file ----" in result.output
        and '  title: "Bristol and Bath share £4.5m' in result.output
    )
    assert "would write 1 document(s)" in result.output.splitlines()[-1]


def test_plain_text_page_keeps_the_article(runner, corpus, registry):
    result = run(runner, "--corpus", corpus, "ingest", SAMPLES / "scraped-page.txt")
    assert result.exit_code == 0, result.output
    [path] = written(corpus)
    document = parse_file(path, registry)
    assert path.name == "2021-09-07-bristol-and-bath-share-45m-to-keep-children-out-of-care.md"
    assert document.date.iso == "2021-09-07" and "dateline" in path.read_text("utf-8")
    assert document.author == "Pat Example"
    assert document.departments == ("dfe",)
    assert document.programmes == ("childrens-social-care-innovation-programme",)
    assert "Bristol City Council" in document.organisations
    assert [a.text for a in document.amounts] == ["£4.5m", "£2.5m", "£2m"]
    for gone in (
        "Skip to content",
        "Most read",
        "Council tax rises",
        "Comments (3)",
        "great news",
        "Share this",
        "7 September 2021",
        "By Pat Example",
    ):
        assert gone not in document.body, gone
    assert "## What the money buys" in document.body
    assert "- Family group conferences for every family referred twice." in document.body


def test_html_page_keeps_the_article_and_reads_its_metadata(runner, corpus, registry):
    result = run(runner, "--corpus", corpus, "ingest", SAMPLES / "press-release.html")
    assert result.exit_code == 0, result.output
    [path] = written(corpus)
    document = parse_file(path, registry)
    assert document.title == "Councils to share £12m to recruit foster carers"
    assert document.date.iso == "2022-06-14"
    assert document.source == "Example Care News" and document.author == "Sam Writer"
    assert document.url == "https://news.example.org/2022/06/councils-share-12m-foster-carers/"
    assert document.departments == ("dfe",)
    assert "Fostering Network" in document.organisations
    assert document.text.startswith("Twenty councils in the north of England will share £12m")
    assert document.text.endswith("to close the gap of 7,000 carers across England.")
    for gone in (
        "Home",
        "Related articles",
        "Adoption agencies",
        "Jo Reader",
        "allowances",
        "newsletter",
        "news@example.org",
        "By Sam Writer",
    ):
        assert gone not in document.body, gone


def test_the_same_department_however_written(runner, corpus, tmp_path, registry):
    page = tmp_path / "names.txt"
    page.write_text(
        "Three ways to write one department\n\n"
        "The Department for Education said on 4 March 2015 that the money would be paid in "
        "April.\n\n"
        "A DfE spokesperson confirmed it, and the department for education will publish the "
        "list.\n\n"
        "Warwickshire County Council and the Local Government Association (LGA) welcomed it.\n",
        "utf-8",
    )
    result = run(runner, "--corpus", corpus, "ingest", page)
    assert (
        "department: dfe as The Department for Education, DfE, the department for education"
        in result.output
    )
    [path] = written(corpus)
    document = parse_file(path, registry)
    assert document.departments == ("dfe",)
    assert document.organisations == ("Warwickshire County Council", "Local Government Association")


def test_currency_is_written_and_read_by_the_build(runner, corpus, tmp_path, registry):
    records = tmp_path / "releases.jsonl"
    record = {
        "title": "Hospital upgrade",
        "date": "2014-05-13",
        "text": "The Government will provide $190 million over five years to upgrade the hospital.",
    }
    records.write_text(json.dumps(record) + "\n", "utf-8")
    result = run(runner, "--corpus", corpus, "ingest", "--currency", "aud", records)
    assert result.exit_code == 0, result.output
    [path] = written(corpus)
    assert 'currency: "AUD"' in path.read_text("utf-8")
    assert [(a.value, a.currency) for a in parse_file(path, registry).amounts] == [
        (190_000_000, "AUD")
    ]
    run(runner, "--corpus", corpus, "--index", tmp_path / "index", "build")
    found = json.loads(
        run(runner, "--index", tmp_path / "index", "search", "--json", "hospital").output
    )
    assert found["results"][0]["amounts"][0]["currency"] == "AUD"

    # Without --currency a bare $ stays USD, and the document says to check it.
    other = tmp_path / "other"
    shutil.copytree(corpus, other)
    path.unlink()
    (other / path.name).unlink()
    plain = run(runner, "--corpus", other, "ingest", records)
    [path] = written(other)
    document = parse_file(path, registry)
    assert document.amounts[0].currency == "USD"
    assert any("bare $" in point for point in document.review)
    assert "review: a bare $ is read as USD" in plain.output


def test_json_lines_with_a_field_map(runner, corpus, registry):
    result = run(
        runner,
        "--corpus",
        corpus,
        "ingest",
        "--map",
        "title=headline,text=body,date=published,url=link",
        "--source",
        "Example Wire",
        SAMPLES / "mapped.jsonl",
    )
    assert result.exit_code == 0, result.output
    documents = [parse_file(p, registry) for p in written(corpus)]
    assert [d.id for d in documents] == [
        "2016-02-01-councils-get-more-for-adoption-support",
        "2016-02-09-adoption-support-fund-extended",
    ]
    assert all(d.source == "Example Wire" for d in documents)
    assert documents[0].url == "https://wire.example.org/1"
    assert "The record gives the date 1 February 2016." in written(corpus)[0].read_text("utf-8")


def test_unreadable_records_are_named_and_the_rest_ingested(runner, corpus, tmp_path):
    batch = tmp_path / "batch.jsonl"
    good = {
        "title": "A good record",
        "date": "2019-01-02",
        "text": "A good record with a sentence of text in it.",
    }
    lines = [
        json.dumps(good).encode(),
        b'{"title": "broken", "text": "no closing brace"',
        '{"title": "Latin-1", "text": "caf\u00e9"}'.encode("latin-1"),
        json.dumps({"title": "Empty", "text": "   "}).encode(),
        b"[1, 2, 3]",
        b"",
        json.dumps(
            {**good, "title": "Another good one", "text": "Quite another text, about other things."}
        ).encode(),
    ]
    batch.write_bytes(b"\n".join(lines) + b"\n")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 society funding headline\n\nSome text.".encode("latin-1"))
    result = run(
        runner,
        "--corpus",
        corpus,
        "ingest",
        "--source",
        "Test",
        batch,
        latin,
        tmp_path / "missing.txt",
    )
    assert result.exit_code == 1
    out = result.output
    assert (
        f"skipped {batch}:2: unreadable: broken JSON: Expecting ',' delimiter at column 47" in out
    )
    assert f"skipped {batch}:3: unreadable: not UTF-8 (byte 33 of the line cannot be read)" in out
    assert f"skipped {batch}:4: unreadable: no text (field 'text' is missing or empty)" in out
    assert f"skipped {batch}:5: unreadable: not a JSON object" in out
    assert f"skipped {latin}: unreadable: not UTF-8 (byte 3 cannot be read)" in out
    assert f"skipped {tmp_path / 'missing.txt'}: unreadable: no such file or folder" in out
    assert "Traceback" not in out
    assert len(written(corpus)) == 2
    assert (
        out.strip()
        .splitlines()[-1]
        .startswith(
            "8 record(s): wrote 2 document(s), 0 with points to review; skipped 6 (6 unreadable)"
        )
    )


def test_a_folder_of_mixed_files(runner, corpus):
    result = run(
        runner,
        "--corpus",
        corpus,
        "ingest",
        "--map",
        "title=headline,text=body,date=published",
        SAMPLES,
    )
    assert result.exit_code == 0, result.output
    assert len(written(corpus)) == 4  # the HTML page, the text page and the two JSON lines records
    assert "4 record(s): wrote 4 document(s)" in result.output


def test_same_headline_and_date_in_one_batch_get_numbered(runner, corpus, tmp_path):
    batch = tmp_path / "twins.jsonl"
    batch.write_text(
        "".join(
            json.dumps({"title": "Statement", "date": "1999-07-01", "text": text}) + "\n"
            for text in (
                "The first statement of the day was about roads and bridges in the north.",
                "The second statement of the day was about schools and teachers in the south.",
            )
        ),
        "utf-8",
    )
    result = run(runner, "--corpus", corpus, "ingest", batch)
    assert result.exit_code == 0
    assert sorted(p.name for p in written(corpus)) == [
        "1999-07-01-statement-2.md",
        "1999-07-01-statement.md",
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--map", "title"], "--map: 'title' is not FIELD=NAME"),
        (["--map", "colour=red"], "--map: unknown field 'colour'"),
        (["--currency", "dollars"], "--currency: 'DOLLARS' is not a three-letter ISO code"),
        (["--date", "2019-13"], "--date: bad date '2019-13': no month 13"),
    ],
)
def test_bad_options_are_one_clear_line(runner, corpus, args, message):
    result = run(runner, "--corpus", corpus, "ingest", *args, SAMPLES / "scraped-page.txt")
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert written(corpus) == []


def test_a_missing_corpus_folder_is_named(runner, tmp_path):
    result = run(runner, "--corpus", tmp_path / "nowhere", "ingest", SAMPLES / "scraped-page.txt")
    assert result.exit_code == 1
    assert f"{tmp_path / 'nowhere'}: no such corpus folder" in result.output


def test_ingest_has_help(runner):
    result = run(runner, "ingest", "--help")
    assert result.exit_code == 0 and "--currency" in result.output and "--dry-run" in result.output


def test_html_in_a_declared_charset_is_read_and_an_undeclared_one_is_named(
    runner, corpus, tmp_path, registry
):
    body = (
        "<p>Le conseil a reçu £2m pour un café des familles, dit le ministère, qui paiera aussi "
        "la formation des bénévoles pendant deux ans.</p>"
    )
    declared = tmp_path / "declared.html"
    declared.write_bytes(
        f'<html><head><meta charset="iso-8859-1"><title>Café des familles</title>'
        f'<meta name="date" content="2018-10-01"></head><body>{body}</body></html>'.encode(
            "latin-1"
        )
    )
    undeclared = tmp_path / "undeclared.html"
    undeclared.write_bytes(f"<html><body>{body}</body></html>".encode("latin-1"))
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    result = run(
        runner, "--corpus", corpus, "ingest", "--source", "Test", declared, undeclared, empty
    )
    assert result.exit_code == 1
    [path] = written(corpus)
    document = parse_file(path, registry)
    assert document.title == "Café des familles" and document.date.iso == "2018-10-01"
    assert "reçu £2m pour un café" in document.text
    assert (
        f"skipped {undeclared}: unreadable: not UTF-8, and it declares no charset that can be read"
        in result.output
    )
    assert f"skipped {empty}: no text" in result.output
