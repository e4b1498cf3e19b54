"""The learned line model beside the rules: what it may take, what it never takes, its weights."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from archive.ingest import linemodel
from archive.ingest.boilerplate import extract_article

VOCAB = ["the", "of", "and", "to", "a", "in", "will", "for", "is", "on", "be", "this"]
N_LINE = len(linemodel.furniture_features(["x"], 0, frozenset()))
N_SEAM = len(linemodel.break_features("x", "y", frozenset()))


def _part(weights: dict[int, float], n: int, bias: float, threshold: float) -> dict:
    return {
        "weights": [weights.get(i, 0.0) for i in range(n)],
        "bias": bias,
        "mean": [0.0] * n,
        "scale": [1.0] * n,
        "threshold": threshold,
    }


def _capitals_model(threshold: float = 0.5) -> dict:
    """A model that calls any line of capitals with no known word furniture."""
    # features 2 (share of capitals) up, 3 (share of known words) down
    return {
        "vocab": VOCAB,
        "furniture": _part({2: 8.0, 3: -8.0}, N_LINE, -4.0, threshold),
        "breaks": _part({}, N_SEAM, 0.0, 2.0),
    }


@pytest.fixture
def model() -> Iterator[None]:
    yield
    linemodel.use(None)


PAGE = "\n\n".join(
    [
        "The Government will give the states more for roads this year, and the",
        "Minister said the money will be spent on the country's worst roads first.",
        "ZQXW VRTLK",
        "The programme will cost $ 40 million over four years in the",
        "regions, and the work will begin in the spring of next year.",
        "SUPPLY OF $ 5 MILLION",
        "TOTAL 131,500",
        "PRIME MINISTER:",
        "The Treasurer will not say how much it will be.",
        "THE PEOPLE OF THE STATES WILL NOT BE FOOLED",
        "The Treasurer will report on the programme to the Parliament.",
    ]
)


def test_a_sure_model_takes_a_line_of_capitals_the_rules_left(model: None) -> None:
    linemodel.use({})
    by_rules = extract_article(PAGE, title="Roads").text
    assert "ZQXW VRTLK" in by_rules  # the rules leave it: nothing they know
    linemodel.use(_capitals_model())
    article = extract_article(PAGE, title="Roads")
    assert "ZQXW VRTLK" not in article.text
    assert "ZQXW VRTLK" in article.dropped


def test_the_model_never_takes_an_amount_or_a_sentence(model: None) -> None:
    linemodel.use(_capitals_model(threshold=0.0))  # sure of every line it may judge
    text = extract_article(PAGE, title="Roads").text
    assert "SUPPLY OF $ 5 MILLION" in text  # capitals, but an amount
    assert "The Treasurer will report on the programme to the Parliament." in text
    assert "$ 40 million" in text
    assert "TOTAL 131,500" in text  # a table's figure
    assert "PRIME MINISTER:" in text  # a transcript's speaker
    assert "THE PEOPLE OF THE STATES WILL NOT BE FOOLED" in text  # a sentence in capitals
    assert "ZQXW VRTLK" not in text


def test_switched_off_the_model_changes_nothing(model: None) -> None:
    linemodel.use({})
    off = extract_article(PAGE, title="Roads").paragraphs
    linemodel.use(_capitals_model(threshold=2.0))
    assert extract_article(PAGE, title="Roads").paragraphs == off


def test_a_sure_seam_model_breaks_but_never_inside_a_sentence_or_into_a_list(model: None) -> None:
    breaking = {
        "vocab": VOCAB,
        "furniture": _part({}, N_LINE, 0.0, 2.0),
        "breaks": _part({}, N_SEAM, 10.0, 0.9),  # sure of a break at every seam
    }
    linemodel.use(breaking)
    assert linemodel.seam("the Minister said", "The work", joins=True) is False
    assert linemodel.seam("the Minister said", "and the work", joins=True) is True  # lower case
    joining = dict(breaking, breaks=_part({}, N_SEAM, -10.0, 0.9))  # sure of a join everywhere
    linemodel.use(joining)
    assert linemodel.seam("Results were good.", "The work", joins=False) is True
    assert linemodel.seam("including:", "- roads;", joins=False) is False  # a list item


def test_the_shipped_weights_fit_the_features() -> None:
    shipped = json.loads(linemodel.WEIGHTS.read_text("utf-8"))
    assert len(shipped["furniture"]["weights"]) == N_LINE
    assert len(shipped["furniture"]["mean"]) == N_LINE
    assert len(shipped["breaks"]["weights"]) == N_SEAM
    assert shipped["vocab"] and all(w == w.lower() for w in shipped["vocab"])
    for part in ("furniture", "breaks"):
        assert 0 < shipped[part]["threshold"] <= 2


def test_a_number_in_a_column_of_figures_stays_a_page_number_alone_goes(model: None) -> None:
    linemodel.use(_capitals_model(threshold=0.0))  # sure of every line it may judge
    prose_line = "The Government released new figures that confirm increases for every school."
    page = f"{prose_line}\n\nTOTAL\n\n114\n\n316\n\n500\n\n707\n\n1,214"
    table = extract_article(page, title="Schools")
    assert " ".join(table.text.split()).endswith("114 316 500 707 1,214")
    alone = extract_article(f"{prose_line}\n\n114\n\n{prose_line}", title="Schools")
    assert "114" not in alone.text


def test_the_model_never_takes_a_heading_of_common_words_nor_a_row_of_decimal_figures(
    model: None,
) -> None:
    linemodel.use(_capitals_model(threshold=0.0))  # sure of every line it may judge
    vocab = frozenset(VOCAB) | {"introduction"}
    assert linemodel.prose("INTRODUCTION", vocab)  # a heading: every word a common one
    assert not linemodel.prose("PRIME MINISTER", vocab | {"prime", "minister"})  # a letterhead
    rows = ["8.7 ( 4.2)", "12.6 13.9 ( 4.4)", "26.9 ( 10.3)"]
    table = "\n\n".join([PAGE, "TABLE", *rows, "The Treasurer will report on the table."])
    text = extract_article(table, title="Roads").text
    assert all(row in text for row in rows)
