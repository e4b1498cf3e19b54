"""Issue 22's sixth round: rupees, wholes named after their parts or far along a clause, and a
table row read with the headings printed above it; through the real build, API and ledger."""

from __future__ import annotations

from pathlib import Path

from archive.corpus.amounts import extract_amounts
from archive.corpus.lines import join_lines
from archive.corpus.money import link_parts
from archive.corpus.role_model import features
from archive.corpus.roles import _context, _places, above, assign_roles
from archive.index.build import build
from archive.search.core import Archive
from archive.search.ledger import ledger_of
from archive.web.app import create_app


def read(text: str, currency: str = "AUD", model: bool = True) -> list[dict]:
    """Return the amounts of a text as the build reads them: linked, with their roles."""
    return assign_roles(text, link_parts(text, extract_amounts(text, currency)), model=model)


def wholes(text: str) -> dict[str, str | None]:
    rows = link_parts(text, extract_amounts(text, "AUD"))
    return {
        r["text"]: (rows[r["part_of"]]["text"] if r["part_of"] is not None else None) for r in rows
    }


# -- rupees ------------------------------------------------------------------------------------


def test_rupees_are_amounts_in_the_archives_own_rupee_or_indias():
    found = extract_amounts("Price: Rs. 20.00 Postage: Rs. 150.00 and a fee of Rs 5,000.", "USD")
    assert [(a.text, a.value, a.currency) for a in found] == [
        ("Rs. 20.00", 20, "INR"),
        ("Rs. 150.00", 150, "INR"),
        ("Rs 5,000", 5000, "INR"),
    ]
    assert extract_amounts("a grant of Rs. 2 million", "LKR")[0].currency == "LKR"
    assert extract_amounts("₹500 crore", "USD")[0].value == 500
    # "Rs" inside a word, and numbers after a full stop or an "s", are no money
    assert extract_amounts("HRs 5 and Mrs. 5; it was 5 years. 3 men came", "USD") == []


# -- wholes and parts ---------------------------------------------------------------------------


def test_as_part_of_a_sum_far_along_the_clause_makes_the_earlier_sum_its_part():
    text = (
        "The Government will provide $5 million to Father Riley's Youth Off The Streets Outreach "
        "Programs as part of the $40 million National Crime Prevention Fund announced today."
    )
    assert wholes(text)["$5 million"] == "$40 million"
    roles = {r["text"]: r["role"] for r in read(text)}
    assert roles == {"$5 million": "part", "$40 million": "total"}


def test_a_whole_opening_a_quoted_sentence_after_a_speaker_holds_the_sum_after_it():
    text = (
        'Mr Rudd said: "As part of its $500 million Green Car Innovation Fund, the Government will '
        'provide $35 million in assistance to Toyota Australia."'
    )
    assert wholes(text)["$35 million"] == "$500 million"


def test_sums_right_before_totalling_a_sum_that_they_add_up_to_are_its_parts():
    text = (
        "The allocation funds 408 Project Grants ($143 million), 16 Programme Grants "
        "($115 million) and 46 Fellowship Grants ($25.5 million), totalling $283.5 million."
    )
    found = wholes(text)
    assert found["$143 million"] == found["$115 million"] == "$283.5 million"
    assert found["$25.5 million"] == "$283.5 million"
    # sums that do not add up to it are no parts of it
    text = "Grants of $143 million and $115 million, totalling $300 million."
    assert wholes(text)["$143 million"] is None


# -- a table row read with the headings above it ------------------------------------------------


TABLE = (
    "The council reviewed the works for next year.\n\n"
    "ESTIMATED COST OF THE WORKS\n\nItem | Year | Estimate\n\n"
    "Culvert replacement; 2026; $45,000.\n\nBridge deck repairs; 2027; $120,000."
)


def test_a_bare_row_of_figures_is_read_with_the_headings_printed_above_it():
    rows = link_parts(TABLE, extract_amounts(TABLE, "CAD"))
    places = _places(TABLE, rows)
    start, _, sentence = places[0]
    before, after = _context(TABLE, rows, places, 0, *places[0])
    heading = above(join_lines(TABLE), start, sentence, before, after)
    assert "ESTIMATED COST" in heading
    names = features(assign_roles(TABLE, rows, model=False), 0, before, after, heading)
    assert "bare_row" in names and "tb_cost" in names
    # a sentence with words of its own reads its own words, not what stands above it
    worded = "ESTIMATED COST\n\nThe Government will provide $45,000 to the council for roads."
    rows = link_parts(worded, extract_amounts(worded, "CAD"))
    places = _places(worded, rows)
    context = _context(worded, rows, places, 0, *places[0])
    assert above(join_lines(worded), places[0][0], places[0][2], *context) == ""


def test_the_trained_model_reads_a_cost_tables_row_as_a_cost_only_under_its_heading():
    with_heading = read(TABLE, "CAD")
    assert with_heading[0]["role"] == "cost"
    assert with_heading[0]["role_evidence"].startswith("the trained model")
    assert read(TABLE, "CAD", model=False)[0]["role"] == "other"  # the rules see no words
    bare = TABLE.replace("ESTIMATED COST OF THE WORKS\n\nItem | Year | Estimate\n\n", "")
    assert read(bare, "CAD")[0]["role"] != "cost"


# -- through the real build: the API and the ledger ---------------------------------------------


def test_the_build_links_a_total_named_after_its_parts_and_reads_rupees(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "programmes.yaml").write_text("research:\n  name: Research Grants\n")
    releases = [
        (
            "2002-05-01-research-grants",
            "2002-05-01",
            "The Government announced the year's research funding. The allocation funds 408 "
            "project grants (£143 million), 16 programme grants (£115 million) and 46 "
            "fellowships (£25.5 million), totalling £283.5 million.",
        ),
        (
            "2003-05-01-crime-fund",
            "2003-05-01",
            "The Government will provide £5 million to the Youth Off The Streets outreach "
            "programmes of three charities as part of the £40 million Crime Prevention Fund.",
        ),
        (
            "2004-05-01-gazette",
            "2004-05-01",
            "The Gazette is published weekly. Price: Rs. 20.00 a copy, postage Rs. 150.00.",
        ),
    ]
    for name, date, text in releases:
        (corpus / f"{name}.md").write_text(
            f'---\ntitle: {name}\ndate: "{date}"\nsource: Test\nprogrammes: [research]\n---\n\n'
            f"{text}\n"
        )
    index = tmp_path / "index"
    assert not build(corpus, index).errors
    ledger = ledger_of(Archive(index), "programme", "research")
    found = [(line.text, line.kind, line.whole) for line in ledger.lines]
    assert ("£283.5 million", "new", None) in found
    assert ("£143 million", "part", "£283.5 million") in found
    assert ("£5 million", "part", "£40 million") in found
    assert ledger.totals()["GBP"]["new"] == 283_500_000 + 40_000_000  # each whole counted once
    web = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    parts = [
        line
        for line in web.get("/api/programme/research/ledger").get_json()["lines"]
        if line["kind"] == "part"
    ]
    assert any("totalling £283.5 million" in line["evidence"] for line in parts)
    amounts = web.get("/api/doc/2004-05-01-gazette").get_json()["amounts"]
    assert [a["text"] for a in amounts] == ["Rs. 20.00", "Rs. 150.00"]
    assert all(a["role"] not in ("announced", "total", "part") for a in amounts)
