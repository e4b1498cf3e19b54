"""Wholes and parts in the shapes announcements write them, linked by the money relations."""

from __future__ import annotations

import pytest

from archive.corpus.amounts import extract_amounts
from archive.corpus.money import link_parts
from archive.corpus.roles import assign_roles


def linked(text: str) -> dict[str, str | None]:
    """Return each amount's text with the text of its whole (None: not a part)."""
    rows = link_parts(text, extract_amounts(text, "AUD"))
    return {
        r["text"]: (rows[r["part_of"]]["text"] if r["part_of"] is not None else None) for r in rows
    }


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        # "$Y of the $X"
        (
            "Regional councils will share $12 million of the $50 million fund for new roads.",
            "$12 million",
            "$50 million",
        ),
        # "$Y from the $X fund"
        (
            "The museum will receive $25 million from the $1 billion Heritage Fund.",
            "$25 million",
            "$1 billion",
        ),
        # "as part of the $X"
        (
            "Australia will provide $5 million for reef research as part of its $30 million "
            "commitment to ocean health.",
            "$5 million",
            "$30 million",
        ),
        # "a further $Y, bringing the total to $X"
        (
            "The Government will provide a further $40 million, bringing the total to "
            "$140 million.",
            "$40 million",
            "$140 million",
        ),
    ],
)
def test_a_part_named_beside_its_whole_is_linked(text: str, part: str, whole: str) -> None:
    assert linked(text)[part] == whole
    assert linked(text)[whole] is None


def test_the_years_of_a_sum_over_years_are_its_parts() -> None:
    text = (
        "The Government will invest $90 million over four years in rural clinics, with "
        "$20 million in 2024-25 and $25 million in 2025-26."
    )
    got = linked(text)
    assert got["$20 million"] == "$90 million"
    assert got["$25 million"] == "$90 million"
    assert got["$90 million"] is None


def test_sums_given_after_a_named_total_are_its_parts() -> None:
    text = (
        "The Minister today announced grants totalling $800,000 for community theatres. "
        "The Riverside Theatre will receive $300,000 to replace its roof. "
        "A further $150,000 will fund touring productions in the north."
    )
    got = linked(text)
    assert got["$300,000"] == "$800,000"
    assert got["$150,000"] == "$800,000"
    roles = {
        r["text"]: r["role"]
        for r in assign_roles(text, link_parts(text, extract_amounts(text, "AUD")))
    }
    assert roles["$800,000"] == "total"
    assert roles["$300,000"] == roles["$150,000"] == "part"


def test_a_package_s_parts_after_it_are_linked() -> None:
    text = (
        "The Prime Minister announced a $60 million package for drought-affected farmers. "
        "Farm businesses will receive $35 million in grants."
    )
    assert linked(text)["$35 million"] == "$60 million"


def test_a_list_under_a_sentence_naming_the_whole_holds_its_parts() -> None:
    text = (
        "Funding of $10 million is provided in this year's budget:\n\n"
        "- $4 million to hospitals in the west\n"
        "- $3 million to mental health services\n\n"
        "The Minister said the money was welcome."
    )
    got = linked(text)
    assert got["$4 million"] == got["$3 million"] == "$10 million"


def test_sums_that_do_not_fit_are_not_parts() -> None:
    # Larger than the named total, or more than it together: other money, not parts.
    text = (
        "The Minister announced grants totalling $500,000 for libraries. "
        "The State will receive $400,000 for roads and a further $300,000 for bridges."
    )
    got = linked(text)
    assert got["$400,000"] == "$500,000"
    assert got["$300,000"] is None
    text = "The city will receive $80 million of the $50 million loan."
    assert linked(text)["$80 million"] is None
    text = "Exports rose from $3 billion to $5 billion over four years."
    assert linked(text)["$3 billion"] is None
