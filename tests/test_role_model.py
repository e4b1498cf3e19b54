"""The trained model of amount roles: shipped as weights, applied in pure Python over the rules."""

from __future__ import annotations

import subprocess
import sys

from archive.corpus import role_model
from archive.corpus.amounts import extract_amounts
from archive.corpus.money import link_parts
from archive.corpus.roles import ROLES, assign_roles

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
