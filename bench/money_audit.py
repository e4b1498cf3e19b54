"""Where the roles go wrong, read out of fold: the confusion matrix and the disagreements.

    python bench/money_audit.py [--cache F] [--list announced:other] [--sure 0.6]

Every development label is read by the shipped combination (the rules, then the model where it
is sure) trained on the other folds' documents (5 folds by document, one split), so that no
label is read by a model trained on it. The confusion matrix is per source (AU releases, seeds,
PDFs); `--list T:P` prints each amount labelled T and read P with its sentence, to re-read it
against the labelling guide (docs/money.md).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import money_model as mm  # noqa: E402

from archive.corpus.roles import ROLES  # noqa: E402


def out_of_fold(items: list[dict], variant: tuple) -> list[tuple[dict, str]]:
    """Return each item with the variant's reading, trained without the item's fold."""
    with_rules, c, threshold, keep, *never = variant
    read = []
    for k in range(mm.FOLDS):
        train = [i for i in items if mm.fold_of(i["doc"], 1) != k]
        test = [i for i in items if mm.fold_of(i["doc"], 1) == k]
        weights = mm.fit(train, with_rules, c)
        barred = tuple(never[0]) if never else None
        read += [
            (i, mm.guess(i, weights, threshold, with_rules, tuple(keep), barred)) for i in test
        ]
    return read


def confusion(pairs: list[tuple[str, str]]) -> None:
    counts = Counter(pairs)
    print(f"{'label/read':<12}" + "".join(f"{r[:6]:>8}" for r in ROLES))
    for t in ROLES:
        print(f"{t:<12}" + "".join(f"{counts[(t, p)]:>8}" for p in ROLES))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--variant", default="balanced, >= 0.6, links kept, t/p (shipped)")
    parser.add_argument("--list", action="append", default=[], help="label:read pairs to print")
    args = parser.parse_args()
    items = mm.dataset(args.cache)
    read = out_of_fold(items, mm.VARIANTS[args.variant])
    for source in mm.SOURCES:
        pairs = [(i["truth"], p) for i, p in read if i["source"] == source]
        right = sum(t == p for t, p in pairs)
        print(f"\n{source}: {len(pairs)} amounts, accuracy {right / max(1, len(pairs)):.3f}")
        confusion(pairs)
    pairs = [(i["truth"], p) for i, p in read]
    print(f"\nall: {len(pairs)} amounts, accuracy {sum(t == p for t, p in pairs) / len(pairs):.3f}")
    confusion(pairs)
    for wanted in args.list:
        t, p = wanted.split(":")
        print(f"\nlabelled {t}, read {p}:")
        for i, said in read:
            if i["truth"] == t and said == p:
                key, said = i["key"], i["sentence"][:260]
                print(f"  {key[0]},{key[1]},{key[2]!r},{key[3]} [rules {i['rules']}]: {said}")


if __name__ == "__main__":
    main()
