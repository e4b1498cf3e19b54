"""The trained model of amount roles: shipped as weights, applied in pure Python over the rules."""

from __future__ import annotations

import subprocess
import sys

from archive.corpus import role_model
from archive.corpus.amounts import extract_amounts
from archive.corpus.money import link_parts
from archive.corpus.roles import ROLES, assign_roles
from archive.search.ledger import build_ledger

WHAT_WORKS = "2017-11-14-what-works-centre-for-childrens-social-care-launched"


def test_the_model_revises_the_rules_where_it_is_sure_and_says_so(client):
    # "the largest of which has been funded with $190 million": an American clearinghouse's
    # money, which the rules read as announced ("funded"); the model reads it as other.
    amounts = {a["text"]: a for a in client.get(f"/api/doc/{WHAT_WORKS}").get_json()["amounts"]}
    revised = amounts["$190 million"]
    assert revised["role"] == "other"
    assert revised["role_evidence"].startswith("the trained model (")
    assert "the rules read announced" in revised["role_evidence"]
    # The Department's own £20m stays money announced.
    assert amounts["£20m"]["role"] == "announced"


def test_without_the_model_the_rules_alone_decide():
    text = (
        "Its design draws on American clearinghouses, the largest of which has been funded "
        "with $190 million over a decade."
    )
    found = link_parts(text, extract_amounts(text, dollar="USD"))
    assert assign_roles(text, found, model=False)[0]["role"] == "announced"
    assert assign_roles(text, found)[0]["role"] == "other"


def test_the_model_never_overrules_a_cut_a_total_or_a_part():
    weights = role_model._weights()
    assert weights is not None and set(weights["classes"]) <= set(ROLES)
    assert {"cut", "total", "part"} <= set(weights["keep"])
    rows = [
        {"text": "£3.2 million", "value": 3_200_000, "currency": "GBP", "sentence": "x"},
        {"text": "£48m", "value": 48_000_000, "currency": "GBP", "sentence": "y"},
    ]
    rows[0]["role"], rows[1]["role"] = "cut", "total"
    # Words that would pull any reading towards a statistic: the kept roles stand.
    contexts = [
        ("trade exports GDP worth ", " in exports a year"),
        ("prices rose to ", " in trade"),
    ]
    assert [r["role"] for r in role_model.refine(rows, contexts)] == ["cut", "total"]


def test_the_weights_are_read_without_the_training_library():
    code = (
        "import sys; from archive.corpus import role_model; "
        "assert role_model.model_available(); "
        "print('sklearn' in sys.modules or 'numpy' in sys.modules and 'sklearn' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_sum_named_with_its_fund_stays_money_announced():
    # "The £30m fund": the programme's money (the labelling guide), which the model, weighing a
    # sum that opens its sentence as a project's size, would otherwise read as a cost.
    text = "The £30m fund is open for bids."
    found = link_parts(text, extract_amounts(text, dollar="GBP"))
    assert assign_roles(text, found)[0]["role"] == "announced"
    names = ["a1_fund", "opens_clause"]
    assert not role_model.allowed(names, "announced", "cost")
    assert role_model.allowed(names, "announced", "part")
    assert role_model.allowed(["a1_project"], "announced", "cost")


def test_the_model_may_read_totals_and_parts_but_never_a_cut():
    weights = role_model._weights()
    assert weights is not None and weights["never"] == ["cut"]
    # "Provided £2 million" among a release's awards: the rules read it announced, and no
    # link makes it a part; the model's reading says so, and the evidence keeps the rules' word.
    text = (
        "The Department has awarded £36m to 11 projects. Leeds has been awarded £5 million "
        "to expand its work, and Camden has received £2 million for its family service."
    )
    found = link_parts(text, extract_amounts(text, dollar="GBP"))
    read = {r["text"]: r for r in assign_roles(text, found)}
    assert all(r.get("part_of") is None for r in found)
    rules = {r["text"]: r["role"] for r in assign_roles(text, found, model=False)}
    assert rules["£5 million"] == "announced"
    assert read["£5 million"]["role"] == "part"
    # "has received £2 million": part or announced as the weights fall, inside the £36m either way
    assert read["£2 million"]["role"] in ("part", "announced")
    assert "“awarded”" in read["£5 million"]["role_evidence"]
    # The ledger counts the release's money once: the £36m new, the parts no link places
    # inside the largest sum they fit in, as it does for sums read as announced.
    doc = {"id": "d", "date": "2017-03-20", "title": "t", "amounts": list(read.values())}
    ledger = build_ledger("programme", "p", "P", [doc])
    kinds = {line.text: (line.kind, line.whole, line.counted) for line in ledger.lines}
    assert kinds["£36m"] == ("new", None, True)
    assert kinds["£5 million"] == ("within", "£36m", False)
    assert kinds["£2 million"] == ("within", "£36m", False)
