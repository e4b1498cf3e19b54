"""The line model of round 10, trained on every annotated sample: what it takes, what it keeps.

Every text here is written for the test, in the shapes the Australian releases take (issue 21).
The tests go through ingest's article extraction with the shipped weights (linemodel.json), and
compare with the same text read with the model switched off, so each fails if the model stops
acting or starts taking what it must not.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.ingest import linemodel
from archive.ingest.boilerplate import extract_article

ROOT = Path(__file__).resolve().parent.parent
PROSE = "The Government has decided to provide further assistance to the farmers of the region."
MORE = "The assistance will be available through the existing arrangements with the States."
LAST = "The Minister will report to the Parliament on the programme before the end of the year."


@pytest.fixture
def shipped() -> Iterator[None]:
    linemodel.use(None)  # the shipped weights, read afresh
    yield
    linemodel.use(None)


def _text(page: str, model: dict | None = None) -> str:
    linemodel.use(model)
    try:
        return extract_article(page, "DROUGHT ASSISTANCE").text
    finally:
        linemodel.use(None)


def _page(*lines: str) -> str:
    return "\n\n".join(["DROUGHT ASSISTANCE", PROSE, *lines, MORE, LAST])


def _head(*lines: str) -> str:
    return "\n\n".join(["DROUGHT ASSISTANCE", *lines, PROSE, MORE, LAST])


def test_the_shipped_model_is_trained_on_every_annotated_sample() -> None:
    shipped = json.loads(linemodel.WEIGHTS.read_text("utf-8"))
    annotated = {
        p.stem.removeprefix("ingest_trial_") for p in ROOT.glob("bench/ingest_trial_*.yaml")
    }
    annotated.discard("sample")  # the issue's own list of releases, not an annotated sample
    # sealed samples (round 12's sealed9, round 12's breaks sample sealed10, round 13's sealed13,
    # round 14's sealed14, round 15's round15, round 16's round16) are read once, at their round's
    # end, never trained on before
    annotated -= {"sealed9", "sealed10", "sealed13", "sealed14", "round15", "round16"}
    assert annotated <= set(shipped["samples"])
    assert shipped["furniture"]["threshold"] <= 1  # switched on


@pytest.mark.parametrize(
    ("noise", "where"),
    [
        ('q~ rlB3 ~ KTP" 0 WES* Df', "head"),  # a letterhead scanned past reading
        ("o. e /", "body"),  # a page's mark scanned to stray letters and a stroke
        ("0 ~", "body"),
        ("RI..", "body"),
    ],
)
def test_a_line_of_scanning_noise_the_rules_leave_goes(
    shipped: None, noise: str, where: str
) -> None:
    page = _head(noise) if where == "head" else _page(noise)
    assert noise in _text(page, {})  # the rules alone leave it
    text = _text(page)
    assert noise not in text
    assert PROSE in text and MORE in text and LAST in text


@pytest.mark.parametrize(
    "kept",
    [
        "The Australian Government deplores the Soviet",  # a wrapped line of prose
        "10.00",  # a table's figure or a time
        "SUPPLY OF $ 5 MILLION",  # an amount in capitals
        "TOTAL 131,500",  # a table's figure
        "THE PEOPLE OF THE STATES WILL NOT BE FOOLED",  # a sentence in capitals
        "TERMS OF REFERENCE",  # a heading of common words
    ],
)
def test_prose_figures_and_headings_stay_with_the_model_on(shipped: None, kept: str) -> None:
    text = _text(_page(kept))
    assert " ".join(kept.split()) in " ".join(text.split())
    assert PROSE in text and MORE in text and LAST in text


def test_the_model_reads_a_line_by_its_shape_not_its_words(shipped: None) -> None:
    vocab = frozenset(json.loads(linemodel.WEIGHTS.read_text("utf-8"))["vocab"])
    noise = linemodel.furniture_features(["x", 'q~ rlB3 ~ KTP" 0 WES* Df', "y"], 1, vocab)
    prose = linemodel.furniture_features(
        ["x", "The Government will give the states", "y"], 1, vocab
    )
    model = linemodel._loaded()["furniture"]
    assert linemodel.prose("*", vocab) and linemodel.prose("10.00", vocab)  # never judged
    assert linemodel._score(model, noise) > model["threshold"] > linemodel._score(model, prose)
