"""Wholes and parts from a release's structure, and sentences rejoined across wrapped lines."""

from __future__ import annotations

from pathlib import Path

from archive.corpus.amounts import extract_amounts
from archive.corpus.lines import join_lines, list_end
from archive.corpus.money import link_parts
from archive.corpus.roles import assign_roles
from archive.index.build import build
from archive.search.core import Archive
from archive.search.ledger import ledger_of
from archive.web.app import create_app


def read(text: str, currency: str = "AUD") -> list[dict]:
    """Return the amounts of a text as the build reads them: linked, with their roles."""
    return assign_roles(text, link_parts(text, extract_amounts(text, currency)))


def wholes(text: str) -> dict[str, str | None]:
    """Return each amount's text with the text of its whole (None: not a part)."""
    rows = link_parts(text, extract_amounts(text, "AUD"))
    return {
        r["text"]: (rows[r["part_of"]]["text"] if r["part_of"] is not None else None) for r in rows
    }


# -- sentences across wrapped and OCR'd lines ----------------------------------------------------

# The shape of a scanned release: every printed line, a blank line after it.
SCANNED = (
    "PRIME MINISTER\n\n"
    "ASSISTANCE FOR BEEF ROADS\n\n"
    "The Commonwealth Government has offered to provide\n\n"
    "financial assistance to Queensland over four years and\n\n"
    "will make available $ 17.7 million for the sealing of\n\n"
    "beef cattle roads in the north and west of the State.\n\n"
    "Two-way trade between Australia and Japan in the last\n\n"
    "financial year reached $ 940 million, the Treasurer said.\n\n"
    "Details:\n\n"
    "* Queensland roads\n\n"
    "* Northern Territory roads\n"
)


def test_joined_lines_keep_every_offset_and_the_breaks_that_end_something():
    joined = join_lines(SCANNED)
    assert len(joined) == len(SCANNED)
    # A line that runs on into the next is joined; a heading, a stop and a list item are not.
    assert "offered to provide  financial assistance" in joined  # "\n\n" became two spaces
    assert "PRIME MINISTER\n\nASSISTANCE" in joined
    assert "the State.\n\nTwo-way" in joined
    assert "Details:\n\n* Queensland roads\n\n* Northern" in joined


def test_short_texts_and_windows_line_ends_are_read_safely():
    assert join_lines("") == ""
    assert join_lines("One line.\nTwo lines") == "One line.\nTwo lines"  # too few to judge
    crlf = SCANNED.replace("\n", "\r\n")
    joined = join_lines(crlf)
    assert len(joined) == len(crlf)
    assert "offered to provide" in joined and "\n" not in joined.split("provide")[1][:6]


def test_an_amount_keeps_its_whole_sentence_across_the_lines_it_was_wrapped_on():
    rows = {r["text"]: r for r in read(SCANNED)}
    roads = rows["$ 17.7 million"]
    assert roads["sentence"].startswith("The Commonwealth Government has offered to provide")
    assert roads["sentence"].endswith("north and west of the State.")
    assert roads["role"] == "announced"
    # Read line by line, "financial year reached $ 940 million" has no word of trade; joined, the
    # sentence says what the figure is.
    trade = rows["$ 940 million"]
    assert trade["sentence"].startswith("Two-way trade between Australia and Japan")
    assert trade["role"] == "statistic"


def test_a_list_runs_on_across_blank_lines_while_each_block_opens_an_item():
    text = "It will fund:\n\n* roads\n\n* bridges\n\nThe rest of the release."
    end = text.index(":") + 1
    assert text[end : list_end(text, end)].split() == ["*", "roads", "*", "bridges"]


# -- wholes and parts from the structure after a sum ----------------------------------------------


def test_this_includes_in_the_next_sentence_makes_the_sum_before_a_total():
    text = (
        "The Government will provide $2.5 million for the new community centre in Broome. "
        "This includes $185,000 for a library and $300,000 for a multipurpose hall."
    )
    assert wholes(text) == {
        "$2.5 million": None,
        "$185,000": "$2.5 million",
        "$300,000": "$2.5 million",
    }
    roles = {r["text"]: r["role"] for r in read(text)}
    assert roles == {"$2.5 million": "total", "$185,000": "part", "$300,000": "part"}


def test_of_this_points_back_to_the_sum_that_holds_it():
    text = (
        "The Government has allocated $10 million to flood recovery in the region. "
        "Around $4 million of this will go to repairing local roads."
    )
    assert wholes(text)["$4 million"] == "$10 million"


def test_a_sentence_bringing_the_total_to_a_sum_holds_the_sum_before_it():
    text = (
        "The Government will provide $12 million for new water projects in the Murray. "
        "The projects will start next year. "
        "This will bring the total funding committed to the programme to $64 million."
    )
    assert wholes(text)["$12 million"] == "$64 million"


def test_a_sentence_opening_with_its_whole_holds_the_sums_after_it():
    text = (
        "As part of the Government's $630 million counter-terrorism package, $20 million has "
        "been provided to AUSTRAC to improve the detection of terrorism financing."
    )
    assert wholes(text) == {"$630 million": None, "$20 million": "$630 million"}
    assert wholes("Of the $5 million, $2 million goes to roads.")["$2 million"] == "$5 million"


def test_a_pointing_sentence_whose_sums_do_not_fit_links_nothing():
    text = (
        "The Government will provide $2 million for the centre. "
        "This includes $5 million from the State for the hall."
    )
    assert wholes(text) == {"$2 million": None, "$5 million": None}


def test_a_list_under_a_sentence_naming_the_plan_is_the_plans_parts():
    text = (
        "The Government will deliver the $3.7 billion Living Longer Living Better plan to give "
        "older Australians more choice.\n\n"
        "The reforms will be phased in over ten years.\n\n"
        "Under Living Longer Living Better the Government will invest:\n\n"
        "* $1.9 billion to deliver better access to aged care\n\n"
        "* $1.2 billion over five years for the aged care workforce\n\n"
        "* $80.2 million to improve linkages with the health system\n\n"
        "Home care\n\nOlder Australians want to stay at home; a bond can cost up to $2.6 million."
    )
    found = wholes(text)
    assert found["$1.9 billion"] == found["$1.2 billion"] == found["$80.2 million"]
    assert found["$80.2 million"] == "$3.7 billion"
    assert found["$2.6 million"] is None  # after the list: not one of its items


def test_a_list_that_breaks_money_down_belongs_to_the_sum_before_it():
    text = (
        "The Commission recommended that $837,000 be allocated to the region this year. "
        "The grants to the councils include:\n\n"
        "- Camden Council $79,000\n"
        "- Campbelltown City Council $235,000\n"
        "- Liverpool City Council $445,000\n"
    )
    found = wholes(text)
    assert found["$79,000"] == found["$235,000"] == found["$445,000"] == "$837,000"


def test_the_rows_above_a_tables_total_are_its_parts_even_when_rounded():
    text = (
        "Grants by State\n"
        "New South Wales $4.24 million\n"
        "Victoria $3.13 million\n"
        "Queensland $1.94 million\n"
        "Total $9.3 million\n"
    )
    found = wholes(text)
    assert found["$4.24 million"] == found["$3.13 million"] == found["$1.94 million"]
    assert found["$1.94 million"] == "$9.3 million"
    # Rows that miss their total by more than rounding are not its parts.
    wrong = text.replace("Total $9.3 million", "Total $12 million")
    assert wholes(wrong)["$4.24 million"] is None


def test_sums_in_the_next_sentences_that_add_up_to_a_sum_as_written_are_its_parts():
    text = (
        "My Government will contribute $6,355,000 to the sports centre, delivered in two stages. "
        "The initial contribution of $3.355 million will allow work to begin in July. "
        "Construction of the later stages will be supported by $3 million in 2006."
    )
    found = wholes(text)
    assert found["$3.355 million"] == found["$3 million"] == "$6,355,000"
    # Right after it, in the next paragraphs, they still are; sums missing it by more than its
    # rounding are not ("$6,355,000" is written to the dollar).
    apart = text.replace(" The initial", "\n\nThe initial")
    assert wholes(apart)["$3 million"] == "$6,355,000"
    assert wholes(text.replace("$3 million", "$2.9 million"))["$2.9 million"] is None
    # A sum written round ("$1.58 billion") holds parts that add up to it as rounded.
    rounded = (
        "Governments provided $1.58 billion over four years to improve access to dental care. "
        "The Commonwealth gave $805.5 million. The States gave $777 million."
    )
    assert wholes(rounded)["$777 million"] == "$1.58 billion"


# -- through the real build: the ledger counts the whole once, and the API says so -------------


def test_the_ledger_counts_a_whole_whose_parts_a_later_sentence_names_once(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "programmes.yaml").write_text("centres:\n  name: Community Centres\n")
    body = (
        "The government will provide £2.5 million for the new community centre in Leeds. "
        "This includes £185,000 for a library and £300,000 for a multipurpose hall."
    )
    scanned = (
        "The government has offered to provide\n\n"
        "financial assistance to the councils and\n\n"
        "will make available £ 4 million for\n\n"
        "community centres in the north of England.\n\n"
        "The centres will open next year."
    )
    for name, date, text in [
        ("2015-05-01-leeds-centre", "2015-05-01", body),
        ("2016-05-01-north-centres", "2016-05-01", scanned),
    ]:
        (corpus / f"{name}.md").write_text(
            f'---\ntitle: {name}\ndate: "{date}"\nsource: Test\nprogrammes: [centres]\n---\n\n'
            f"{text}\n"
        )
    index = tmp_path / "index"
    assert not build(corpus, index).errors
    ledger = ledger_of(Archive(index), "programme", "centres")
    found = [(line.text, line.kind, line.whole) for line in ledger.lines]
    assert ("£2.5 million", "new", None) in found
    assert ("£185,000", "part", "£2.5 million") in found
    assert ("£300,000", "part", "£2.5 million") in found
    assert ledger.totals()["GBP"]["new"] == 2_500_000 + 4_000_000
    web = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    api = web.get("/api/programme/centres/ledger").get_json()
    parts = [line for line in api["lines"] if line["kind"] == "part"]
    assert sorted(line["text"] for line in parts) == ["£185,000", "£300,000"]
    assert all(line["whole"] == "£2.5 million" for line in parts)
    assert all("This includes £185,000" in line["evidence"] for line in parts)
    amounts = web.get("/api/doc/2016-05-01-north-centres").get_json()["amounts"]
    assert amounts[0]["role"] == "announced"
    assert "offered to provide" in amounts[0]["sentence"]
