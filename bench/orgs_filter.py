"""Train the learned filter over organisation candidates; measure it leave-one-sample-out.

    python bench/orgs_filter.py                          # LOSO over the fifteen samples
    python bench/orgs_filter.py --frequency              # with how many releases hold a phrase
    python bench/orgs_filter.py --frequency --choose precision   # round 16's choice of thresholds
    python bench/orgs_filter.py --frequency --choose precision --sealed   # round 16: read once

Each annotated sample (bench/ingest_trial_{dev,sealed,sealed2,sealed3,sample}.yaml,
bench/orgs_sealed{,2,3}.yaml, corrected by bench/orgs_corrections.yaml) is
left out in turn: a logistic regression (scikit-learn) is trained on the candidates of the other
seven and scores the one left out in pure Python, as ingest would (bench/orgs_candidates.py, a sum
of feature weights). The two thresholds (for the rules' names and for looser phrases) are chosen
on the mean of the left-out samples. Texts are the Commonwealth of Australia's, under
CC BY 3.0 AU; each is ingested as `archive ingest --country AU` would (bench/orgs_quality.py).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import orgs_candidates as orgfilter  # noqa: E402
import orgs_quality as oq  # noqa: E402

from archive.corpus.registry import Registry  # noqa: E402
from archive.ingest.orgs import find_names  # noqa: E402
from archive.ingest.suggest import Matcher  # noqa: E402

SAMPLES = oq.DEVELOPMENT
SEALED4 = oq.SEALED  # round 16's sealed sample (% 467 in 0..3)
SEALED_NAME = "orgs_sealed16"
RULES_GRID = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]
LOOSE_GRID = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01]
C = 0.5  # the regression's inverse regularisation: few hundred records, many sparse features


def load(name: str, scratch: Path) -> dict[str, str]:
    """Return each record's text as ingest looks for organisations in it (ingested once, cached)."""
    path, k, r = (SAMPLES | SEALED4)[name]
    cache = scratch / f"{name}.json"
    if cache.exists():
        kept = json.loads(cache.read_text("utf-8"))
    else:
        kept = oq.texts(name, path, k, r, scratch / name)
        cache.write_text(json.dumps(kept), "utf-8")
    return {i: text for i, (text, _) in kept.items()}


def build(texts: dict[str, str], wanted: dict, matcher: Matcher) -> dict[str, list]:
    """Return each record's candidates, each labelled by whether a reader's list holds it."""
    out = {}
    for record_id, text in texts.items():
        found = find_names(text, matcher.own_department, matcher.programme)
        cands = orgfilter.candidates(text, found, matcher.own_department, matcher.programme)
        spellings = set().union(*map(oq.quality._names, wanted.get(record_id) or []))
        for cand in cands:
            cand.label = oq.quality._normal(cand.name) in spellings  # type: ignore[attr-defined]
        out[record_id] = (found, cands)
    return out


def train(rows: list, trees: bool = False, c: float = C) -> dict:
    """Fit the regression on candidates; return its feature weights (or, for trees, a scorer)."""
    # scikit-learn is the bench extra's, imported here so the choice of thresholds needs it not
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in c.features} for c in rows])
    y = [c.label for c in rows]
    if trees:  # the comparison: boosted trees over the same features, applied through sklearn
        keep = (x > 0).sum(axis=0).A1 >= 5
        boosted = GradientBoostingClassifier(
            n_estimators=150, max_depth=3, subsample=0.8, random_state=0
        ).fit(x[:, keep], y)

        def scorer(cands: list) -> list[float]:
            xs = vec.transform([{f: 1 for f in c.features} for c in cands])[:, keep]
            return list(boosted.predict_proba(xs)[:, 1])

        return {"scorer": scorer}
    model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
    weights = {
        f: round(float(w), 4)
        for f, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 1e-3
    }
    return {"weights": weights, "intercept": round(float(model.intercept_[0]), 4)}


def names(data: dict, model: dict | None, rules_t: float, loose_t: float) -> dict[str, list[str]]:
    """Return each record's names: the rules' alone (model None) or as the filter keeps them."""
    if model is None:
        return {i: [n for n, _ in found] for i, (found, _) in data.items()}
    out = {}
    for i, (_, cands) in data.items():
        scores = (
            model["scorer"](cands)
            if "scorer" in model
            else [
                orgfilter.probability(c.features, model["weights"], model["intercept"])
                for c in cands
            ]
        )
        for cand, score in zip(cands, scores, strict=True):
            cand.score = score
        out[i] = [c.name for c in orgfilter.choose(cands, rules_t, loose_t)]
    return out


def pick(results: dict) -> tuple[float, float]:
    """Choose the thresholds: the best mean recall with mean precision >= 0.9, else best P + R."""

    def mean(key: str, ts: tuple[float, float]) -> float:
        rows = results[ts]
        return sum(r[key] for r in rows) / len(rows)

    sure = [ts for ts in results if mean("precision", ts) >= 0.9]
    if sure:
        return max(sure, key=lambda ts: (mean("recall", ts), mean("precision", ts)))
    return max(results, key=lambda ts: mean("precision", ts) + mean("recall", ts))


def pick_precision(results: dict, floor: float) -> tuple[float, float]:
    """Choose the thresholds: the best mean precision whose mean recall is at least the floor."""

    def mean(key: str, ts: tuple[float, float]) -> float:
        rows = results[ts]
        return sum(r[key] for r in rows) / len(rows)

    kept = [ts for ts in results if mean("recall", ts) >= floor] or list(results)
    return max(kept, key=lambda ts: (mean("precision", ts), mean("recall", ts)))


def frequencies(path: Path, cache: Path) -> dict[str, int]:
    """Return how many releases of the collection hold each capitalised phrase (cached)."""
    if cache.exists():
        return dict(json.loads(cache.read_text("utf-8")))
    counts: Counter[str] = Counter()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            text = re.sub(r"\s+", " ", json.loads(line).get("text") or "")
            counts.update({name for name, _, _ in orgfilter.spans(text)})
    kept = {name: n for name, n in counts.items() if n > 1}
    cache.write_text(json.dumps(kept), "utf-8")
    return kept


def grid_table(results: dict) -> None:
    """Print each pair of thresholds' mean precision and recall over the left-out samples."""
    print("\nLOSO means by thresholds (rules' names / looser phrases):\n")
    print("| thresholds | precision | recall |\n|---|---|---|")
    for ts, rows in results.items():
        p = sum(r["precision"] for r in rows) / len(rows)
        r = sum(r["recall"] for r in rows) / len(rows)
        print(f"| {ts[0]} / {ts[1]} | {p:.3f} | {r:.3f} |")


def table(title: str, rows: dict[str, dict], mean: bool = True) -> None:
    print(
        f"\n{title}\n\n| sample | precision | recall | found | annotated |\n|---|---|---|---|---|"
    )
    for name, row in rows.items():
        print(
            f"| {name} | {row['precision']:.2f} | {row['recall']:.2f} | {row['given']} "
            f"| {row['named']} |"
        )
    n = len(rows)
    if not mean:
        return
    print(
        f"| mean | {sum(r['precision'] for r in rows.values()) / n:.3f} "
        f"| {sum(r['recall'] for r in rows.values()) / n:.3f} | | |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trees", action="store_true", help="boosted trees, not the regression")
    parser.add_argument(
        "--sealed", action="store_true", help="score the sealed sample (%% 467 in 0..3): once"
    )
    parser.add_argument(
        "--frequency", action="store_true", help="describe a phrase by how many releases hold it"
    )
    parser.add_argument(
        "--choose",
        choices=("recall", "precision"),
        default="recall",
        help="recall: best recall at precision >= 0.9 (rounds 3-4); precision: best precision "
        "losing at most 0.01 of the rules' mean recall (round 16)",
    )
    parser.add_argument(
        "--c", type=float, default=C, help="the regression's inverse regularisation"
    )
    parser.add_argument("--grid", action="store_true", help="print every threshold pair's means")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/au-orgs"))
    args = parser.parse_args()
    if not oq.quality.SOURCE.exists():
        sys.exit(f"{oq.quality.SOURCE} is absent: the samples are measured on the shared releases")
    args.scratch.mkdir(parents=True, exist_ok=True)
    matcher = Matcher(Registry.load(oq.quality.ROOT / "corpus"), "AU")
    if args.frequency:
        orgfilter.FREQUENCY.update(frequencies(oq.quality.SOURCE, args.scratch / "frequency.json"))
    print(oq.quality.ATTRIBUTION)
    wanted = {name: oq.annotations(path) for name, (path, _, _) in SAMPLES.items()}
    data = {name: build(load(name, args.scratch), wanted[name], matcher) for name in SAMPLES}
    rules = {name: oq.score(names(data[name], None, 0, 0), wanted[name], None) for name in SAMPLES}
    table("Rules alone (archive/ingest/orgs.py), by sample:", rules)
    grid = [(a, b) for a in RULES_GRID for b in LOOSE_GRID]
    results: dict[tuple[float, float], list] = {ts: [] for ts in grid}
    for left in SAMPLES:
        rows = [c for name in SAMPLES if name != left for _, cs in data[name].values() for c in cs]
        model = train(rows, args.trees, args.c)
        for ts in grid:
            results[ts].append(oq.score(names(data[left], model, *ts), wanted[left], None))
    if args.grid:
        grid_table(results)
    floor = sum(r["recall"] for r in rules.values()) / len(rules) - 0.01
    best = pick(results) if args.choose == "recall" else pick_precision(results, floor)
    table(
        f"Rules + filter, leave-one-sample-out (thresholds {best[0]} rules, {best[1]} looser):",
        dict(zip(SAMPLES, results[best], strict=True)),
    )
    only = {ts: r for ts, r in results.items() if ts[1] > 1}  # dropping rules' names, adding none
    drop = pick(only) if args.choose == "recall" else pick_precision(only, floor)
    table(
        f"Filter over the rules' names only, LOSO (threshold {drop[0]}):",
        dict(zip(SAMPLES, results[drop], strict=True)),
    )
    model = train(
        [c for name in SAMPLES for _, cs in data[name].values() for c in cs], args.trees, args.c
    )
    if args.sealed:
        path = SEALED4[SEALED_NAME][0]
        want = oq.annotations(path)
        sealed = build(load(SEALED_NAME, args.scratch), want, matcher)
        table(
            "Round 16's sealed sample (% 467 in 0..3), read once:",
            {
                "rules alone": oq.score(names(sealed, None, 0, 0), want, None),
                f"rules + filter (trained on all fifteen, {best[0]} / {best[1]})": oq.score(
                    names(sealed, model, *best), want, print
                ),
                f"filter over the rules' names only ({drop[0]})": oq.score(
                    names(sealed, model, *drop), want, None
                ),
            },
            mean=False,
        )
    print(f"\n{oq.quality.ATTRIBUTION}")


if __name__ == "__main__":
    main()
