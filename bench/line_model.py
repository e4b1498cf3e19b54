"""Train the line model (furniture lines, paragraph breaks) and judge it leaving one sample out.

    python bench/line_model.py --loso      # rules vs a retrained model, each sample held out
    python bench/line_model.py --train     # train on every annotated sample, write the weights

The labels come from the annotated samples (bench/ingest_trial_*.yaml, all ten since round 10):
a line of the page (taken by the rules or not: the model learns furniture's shapes from all of it,
and acts only on what the rules left) is furniture where it is an annotated piece of furniture; a
seam between two lines is a join where an annotation joins them ("A | B"), a break where one
breaks there ("| B"), and elsewhere what the rules decided (a weak label, weighted less). Features
are of shape only (archive/ingest/linemodel.py). scikit-learn fits a logistic regression here;
ingest applies its weights in pure Python. Thresholds are chosen on the mean over the held-out
samples, never on one, and only where no held-out sample loses a prose word, an amount or a title
the rules keep. The texts are the Commonwealth of Australia's, under CC BY 3.0 AU.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from statistics import mean
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
import yaml  # noqa: E402
from ingest_quality import (  # noqa: E402
    ATTRIBUTION,
    SAMPLES,
    SEALED,
    SOURCE,
    _flat,
    _furniture_part,
    measure,
)
from sklearn.linear_model import LogisticRegression  # noqa: E402

import archive.ingest.boilerplate as boilerplate  # noqa: E402
import archive.ingest.reflow as reflow  # noqa: E402
from archive.ingest import linemodel  # noqa: E402

# every annotated sample: none is sealed any more (round 10 trains on all of them)
SPENT = [name for name in SAMPLES if name not in SEALED]
F_GRID = [0.8, 0.85, 0.9, 0.95, 0.98, 2.0]  # 2.0: the model never acts
B_GRID = [0.98, 2.0]
VOCAB_SIZE = 3000
SILVER = 0.2  # weight of a seam labelled only by the rules' decision


def vocabulary(exclude: set[str]) -> list[str]:
    """The commonest lower-case words of the releases' running text (sealed records left out)."""
    counts: Counter[str] = Counter()
    with SOURCE.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in exclude:
                continue
            counts.update(w for w in re.findall(r"\b[a-z]{2,}\b", record["text"]))
    return [w for w, _ in counts.most_common(VOCAB_SIZE)]


def observe(name: str, scratch: Path) -> list[dict[str, Any]]:
    """Ingest a sample with the model off; return each record's lines, those kept, its seams."""
    seen: list[dict[str, Any]] = []
    real_drop, real_seam = boilerplate.drop_furniture, reflow.seam

    def drop(page: list[str], units: list[str], dropped: list[str]) -> list[str]:
        seen.append({"lines": list(page), "kept": set(units), "seams": []})
        return units

    def seam(before: str, line: str, joins: bool) -> bool:
        seen[-1]["seams"].append((before, line, joins))
        return joins

    boilerplate.drop_furniture, reflow.seam = drop, seam  # type: ignore[assignment]
    try:
        from ingest_quality import outcomes

        results = outcomes(name, scratch)
    finally:
        boilerplate.drop_furniture, reflow.seam = real_drop, real_seam
    assert len(results) == len(seen), (name, len(results), len(seen))
    for record, (_, _, note) in zip(seen, results):
        record["note"] = note
    return seen


def _is_furniture(line: str, pieces: list[str]) -> bool:
    flat = _flat(line)
    for piece in pieces:
        if not piece:
            continue
        if flat == piece or (piece in flat and len(piece) >= 0.6 * len(flat)):
            return True
        if flat in piece and len(flat) >= 0.6 * len(piece):
            return True
    return False


def _seam_label(before: str, line: str, note: dict[str, Any]) -> int | None:
    """1 a break belongs here, 0 a join, None no annotation says."""
    a, b = _flat(before), _flat(line)
    for entry in note.get("joins", []):
        left, _, right = (_flat(p) for p in entry.partition("|"))
        if left and right and a.endswith(left[-20:]) and b.startswith(right[:20]):
            return 0
    for entry in note.get("breaks", []):
        right = re.sub(r"^[*•·-]\s+", "", _flat(entry.partition("|")[2]))
        if right and re.sub(r"^[*•·-]\s+", "", b).startswith(right[:25]):
            return 1
    if b[:1].islower() and not re.search(r"[.!?:;\"”')\]]$", a):
        return 0
    return None


def dataset(records: list[dict[str, Any]], vocab: frozenset[str]) -> dict[str, Any]:
    """Features and labels of every line and every seam of these records."""
    fx, fy, bx, by, bw = [], [], [], [], []
    for record in records:
        note, lines = record["note"], record["lines"]
        pieces = [_flat(_furniture_part(f)) for f in note.get("furniture", [])]
        for i, line in enumerate(lines):
            if linemodel.prose(line, vocab):
                continue  # the model never takes these: they teach it nothing it may use
            fx.append(linemodel.furniture_features(lines, i, vocab))
            fy.append(int(_is_furniture(line, pieces)))
        for before, line, joins in record["seams"]:
            label = _seam_label(before, line, note)
            bx.append(linemodel.break_features(before, line, vocab))
            by.append(int(not joins) if label is None else label)
            bw.append(SILVER if label is None else 1.0)
    return {"fx": fx, "fy": fy, "bx": bx, "by": by, "bw": bw}


def _fit(x: list[list[float]], y: list[int], w: list[float] | None = None) -> dict[str, Any]:
    xs = np.array(x, dtype=float)
    m, s = xs.mean(axis=0), xs.std(axis=0)
    s[s == 0] = 1.0
    clf = LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced")
    clf.fit((xs - m) / s, np.array(y), sample_weight=None if w is None else np.array(w))
    return {
        "weights": [round(float(v), 6) for v in clf.coef_[0]],
        "bias": round(float(clf.intercept_[0]), 6),
        "mean": [round(float(v), 6) for v in m],
        "scale": [round(float(v), 6) for v in s],
        "threshold": 2.0,
    }


def train(records: list[dict[str, Any]], vocab: list[str]) -> dict[str, Any]:
    """Fit both parts on these records (thresholds off until chosen)."""
    data = dataset(records, frozenset(vocab))
    return {
        "vocab": vocab,
        "furniture": _fit(data["fx"], data["fy"]),
        "breaks": _fit(data["bx"], data["by"], data["bw"]),
    }


def score(name: str, model: dict[str, Any], tf: float, tb: float, scratch: Path) -> dict:
    """The bench's figures for one sample with this model at these thresholds ({}: rules only)."""
    if model:
        model["furniture"]["threshold"], model["breaks"]["threshold"] = tf, tb
    linemodel.use(model)
    taken: list[str] = []

    def drop(page: list[str], units: list[str], dropped: list[str]) -> list[str]:
        kept = linemodel.drop_furniture(page, units, dropped)
        taken.extend(line for line in units if line not in kept)
        return kept

    boilerplate.drop_furniture = drop  # type: ignore[assignment]
    try:
        figures = measure(name, scratch / name, verbose=False)
    finally:
        linemodel.use(None)
        boilerplate.drop_furniture = linemodel.drop_furniture
    notes = yaml.safe_load(SAMPLES[name][0].read_text("utf-8"))
    pieces = [_flat(_furniture_part(f)) for n in notes.values() for f in n.get("furniture", [])]
    # a line the model took that no annotation calls furniture: a heading, a dateline, a figure
    wrong = [line for line in taken if not _is_furniture(line, pieces)]
    return figures | {"taken": len(taken), "taken wrongly": len(wrong), "wrong lines": wrong}


def _ids(name: str) -> set[str]:
    return {str(k) for k in yaml.safe_load(SAMPLES[name][0].read_text("utf-8"))}


def loso(scratch: Path) -> dict[str, Any]:
    """Hold each sample out in turn: rules alone, and a model trained on the rest with them."""
    observed = {name: observe(name, scratch / "observe" / name) for name in SPENT}
    rules = {name: score(name, {}, 2, 2, scratch) for name in SPENT}
    models = {}
    for held in SPENT:
        # the held-out sample's records teach neither the weights nor the vocabulary
        vocab = vocabulary(_ids(held))
        models[held] = train([r for n in SPENT if n != held for r in observed[n]], vocab)
    grid: dict[tuple[float, float], dict[str, dict]] = {}
    for tf in F_GRID:  # furniture first, breaks off
        for held in SPENT:
            grid.setdefault((tf, 2.0), {})[held] = score(held, models[held], tf, 2.0, scratch)
    best_f = _best(grid, rules)[0]
    for tb in B_GRID[:-1]:  # then breaks, at the chosen furniture threshold
        for held in SPENT:
            grid.setdefault((best_f, tb), {})[held] = score(held, models[held], best_f, tb, scratch)
    return {"rules": rules, "grid": grid}


def _best(grid: dict[tuple[float, float], dict[str, dict]], rules: dict[str, dict]) -> tuple:
    """The thresholds of least mean cost where no sample loses what the rules alone keep."""
    safe = {key: figs for key, figs in grid.items() if _safe(figs, rules)}
    return min(safe, key=lambda key: (_cost(safe[key]), -key[0], -key[1]))


def _cost(figures: dict[str, dict]) -> float:
    """Documents with furniture left or a wrong break; a line taken wrongly costs a document."""
    return mean(
        f["furniture"] + f["breaks"] + f.get("taken wrongly", 0) / f["documents"]
        for f in figures.values()
    )


def _safe(figures: dict[str, dict], rules: dict[str, dict]) -> bool:
    """No more prose words lost, no amount lost, no title lost than these, on any sample."""
    return all(
        f["words lost"] <= rules[n]["words lost"]
        and f["amounts right"] >= rules[n]["amounts right"]
        and f["titles right"] >= rules[n]["titles right"]
        for n, f in figures.items()
    )


def _unsafe(figures: dict[str, dict], rules: dict[str, dict]) -> str:
    """Say where model+rules lose what the rules keep (words, amounts, titles)."""
    return ", ".join(
        f"{n}: {what} {f[key] - rules[n][key]:+d}"
        for n, f in figures.items()
        for what, key, sign in (
            ("words lost", "words lost", 1),
            ("amounts right", "amounts right", -1),
            ("titles right", "titles right", -1),
        )
        if sign * (f[key] - rules[n][key]) > 0
    )


def _row(label: str, figures: dict[str, dict]) -> str:
    cells = [
        f"{figures[n]['furniture']:.1%} / {figures[n]['breaks']:.1%}" for n in SPENT if n in figures
    ]
    fm = mean(f["furniture"] for f in figures.values())
    bm = mean(f["breaks"] for f in figures.values())
    wrong = sum(f.get("taken wrongly", 0) for f in figures.values())
    taken = sum(f.get("taken", 0) for f in figures.values())
    return (
        f"| {label} | "
        + " | ".join(cells)
        + f" | **{fm:.1%} / {bm:.1%}** | {taken} ({wrong} wrongly) |"
    )


def _detail(label: str, figures: dict[str, dict]) -> str:
    cells = [
        f"{f['furniture']:.1%} / {f['breaks']:.1%} / {f['titles']:.1%} / {f['words lost']}"
        for f in figures.values()
    ]
    return f"| {label} | " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loso", action="store_true", help="leave one sample out: rules vs model")
    parser.add_argument(
        "--train", action="store_true", help="train on every sample, write the weights"
    )
    parser.add_argument("--furniture-threshold", type=float, help="with --train (else from --loso)")
    parser.add_argument("--breaks-threshold", type=float, help="with --train (else from --loso)")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/au-line-model"))
    args = parser.parse_args()
    if not SOURCE.exists():
        sys.exit(f"{SOURCE} is absent: the model is trained on the shared AU releases")
    print(ATTRIBUTION, "\n")
    tf, tb = args.furniture_threshold, args.breaks_threshold
    if args.loso or (args.train and (tf is None or tb is None)):
        result = loso(args.scratch)
        rules, grid = result["rules"], result["grid"]
        print(
            "| leave one sample out: furniture / breaks | "
            + " | ".join(SPENT)
            + " | mean | lines the model took |"
        )
        print("|---" * (len(SPENT) + 3) + "|")
        print(_row("rules alone", rules))
        for (f, b), figures in sorted(grid.items()):
            mark = "" if _safe(figures, rules) else f" (loses: {_unsafe(figures, rules)})"
            print(_row(f"retrained + rules, thresholds {f:g} / {b:g}{mark}", figures))
        best = _best(grid, rules)
        print(
            f"\nchosen on the mean: furniture {best[0]:g}, breaks {best[1]:g}: "
            f"cost {_cost(grid[best]):.4f} against the rules' {_cost(rules):.4f}"
        )
        for name, f in grid[best].items():
            for line in f["wrong lines"]:
                print(f"  taken by the model, no annotation's furniture ({name}): {line!r}")
        print("\n| furniture / breaks / titles / words lost | " + " | ".join(SPENT) + " |")
        print("|---" * (len(SPENT) + 1) + "|")
        for label, figs in (("rules", rules), ("retrained", grid[best])):
            print(_detail(label, figs))
        for label, figs in (("rules", rules), ("retrained", grid[best])):
            print(
                f"{label}: mean titles {mean(f['titles'] for f in figs.values()):.1%}, words lost "
                f"{sum(f['words lost'] for f in figs.values())}, amounts right "
                f"{sum(f['amounts right'] for f in figs.values())}"
            )
        if _cost(grid[best]) >= _cost(rules):
            print("the retrained model does not beat the rules on the mean: shipped switched off")
            best = (2.0, 2.0)
        tf = best[0] if tf is None else tf
        tb = best[1] if tb is None else tb
    if args.train:
        vocab = vocabulary(set())
        records = [r for n in SPENT for r in observe(n, args.scratch / "observe" / n)]
        model = train(records, vocab)
        model["furniture"]["threshold"], model["breaks"]["threshold"] = tf, tb
        model["samples"] = SPENT  # what it was trained on: every annotated sample
        linemodel.WEIGHTS.write_text(json.dumps(model, separators=(",", ":")) + "\n", "utf-8")
        print(f"wrote {linemodel.WEIGHTS.relative_to(ROOT)} (thresholds {tf:g} / {tb:g})")
    print(f"\n{ATTRIBUTION}")


if __name__ == "__main__":
    main()
