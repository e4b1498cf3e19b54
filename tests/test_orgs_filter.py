"""The learned filter's candidates (bench/orgs_candidates.py): phrases, features and the choice.

The filter was measured leave-one-sample-out and not shipped (docs/ingest-quality.md, round 3);
these tests keep its bench code honest, on texts written for them.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import orgs_candidates as oc  # noqa: E402

from archive.corpus.registry import Registry  # noqa: E402
from archive.ingest.orgs import find_names  # noqa: E402
from archive.ingest.suggest import Matcher  # noqa: E402

TEXT = (
    "The Prime Minister said the Visual Arts Board and Ampol would meet.\n\n"
    "Mr Smith, Chairman of the Australian Agricultural Council, agreed."
)


def _candidates(text: str) -> list[oc.Candidate]:
    matcher = Matcher(Registry.load(ROOT / "corpus"), "AU")
    found = find_names(text, matcher.own_department, matcher.programme)
    return oc.candidates(text, found, matcher.own_department, matcher.programme)


def test_phrases_are_runs_of_capitalised_words_and_their_parts():
    names = {name for name, _, _ in oc.spans(TEXT.replace("\n\n", "|\n"))}
    assert {"Visual Arts Board", "Ampol", "Australian Agricultural Council"} <= names
    assert "Prime Minister" in names
    # a phrase never opens with "The" nor runs across a paragraph break
    assert not any(n.startswith("The ") for n in names)
    assert not any("Board" in n and "Mr" in n for n in names)


def test_a_candidate_is_described_by_its_shape_and_whether_the_rules_found_it():
    by_name = {c.name: c for c in _candidates(TEXT)}
    board = by_name["Visual Arts Board"]
    assert board.rules and "ending" in board.features and "head=board" in board.features
    assert "prev=the" in board.features and "next=and" in board.features
    assert not by_name["Ampol"].rules and "one=title" in by_name["Ampol"].features
    assert "role_first" in by_name["Chairman of the Australian Agricultural Council"].features


def test_the_choice_keeps_the_best_and_no_phrase_overlapping_it():
    cands = _candidates(TEXT)
    weights = {"rules": 4.0, "ending": 2.0, "one=title": -3.0}
    for cand in cands:
        cand.score = oc.probability(cand.features, weights, -2.0)
    kept = [c.name for c in oc.choose(cands, 0.5, 0.9)]
    assert kept == ["Visual Arts Board", "Australian Agricultural Council"]
    # a looser threshold lets in phrases, but never one overlapping a name kept
    loose = [c.name for c in oc.choose(cands, 0.5, 0.4)]
    assert "Arts Board" not in loose and "Agricultural Council" not in loose
    assert "Visual Arts Board" in loose


def test_a_phrase_is_described_by_how_many_releases_hold_it(monkeypatch):
    # round 16: the collection's frequency of a phrase, in buckets, only when it is known
    assert not any(f.startswith("df=") for c in _candidates(TEXT) for f in c.features)
    monkeypatch.setattr(oc, "FREQUENCY", {"Visual Arts Board": 40, "Ampol": 3})
    by_name = {c.name: c for c in _candidates(TEXT)}
    assert "df=3" in by_name["Visual Arts Board"].features
    assert "df=1" in by_name["Ampol"].features
    assert "df=0" in by_name["Australian Agricultural Council"].features  # one release only


def test_round_16_chooses_the_most_precise_thresholds_above_a_recall_floor():
    import orgs_filter as of

    def rows(p: float, r: float) -> list[dict[str, float]]:
        return [{"precision": p, "recall": r}, {"precision": p, "recall": r}]

    results = {(0.1, 1.01): rows(0.91, 0.83), (0.4, 1.01): rows(0.93, 0.82)}
    results[(0.6, 1.01)] = rows(0.96, 0.70)
    assert of.pick_precision(results, 0.817) == (0.4, 1.01)
    assert of.pick_precision(results, 0.9) == (0.6, 1.01)  # none above the floor: the most precise
