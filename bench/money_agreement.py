"""A second reading of stored role labels, blind, and how far the two readings agree.

    python bench/money_agreement.py draw      # 150 stored labels by a hash, in context, no label
    python bench/money_agreement.py compare   # agreement and confusion against the stored labels

`draw` lists the amounts without their stored labels (as `money_roles.py blind` shows them, the
amount marked [[…]] in its paragraph); their second reading, made by the guide of
docs/money-roles7.md, is kept in bench/money_roles_relabel7.csv. `compare` reads both and prints
the agreement rate, Cohen's kappa and the confusion per role: the inter-labeller figure.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from money_roles import PARTS, SEALED, amounts, context, labels_by_key  # noqa: E402

from archive.corpus.roles import ROLES  # noqa: E402

SECOND = ROOT / "bench" / "money_roles_relabel7.csv"
# Stored labels this round corrected (key, the role before, the role after, why): `compare`
# reads the stored labels as they were before, so the figure is the two first readings'.
CORRECTIONS = ROOT / "bench" / "money_roles_corrections.csv"
HOW_MANY = 150


def _key(r: dict) -> tuple[str, str, str, int]:
    return r["source"], r["doc_id"], r["amount"], int(r["n"])


def first_reading(labels: dict) -> dict:
    """Return the stored labels as they stood before this round's corrections."""
    out = dict(labels)
    if CORRECTIONS.exists():
        with CORRECTIONS.open() as f:
            for r in csv.DictReader(f):
                out[_key(r)] = r["before"]
    return out


def drawn(labels: dict) -> list[tuple[str, str, str, int]]:
    """Return HOW_MANY stored label keys, drawn by a hash no part used (`relabel7:`)."""
    keys = sorted(labels, key=lambda k: hashlib.sha256(f"relabel7:{k}".encode()).digest())
    return sorted(keys[:HOW_MANY])


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Return Cohen's kappa of two readings: agreement beyond what chance gives."""
    n = len(pairs)
    seen = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[r] * second[r] for r in ROLES) / (n * n)
    return (seen - chance) / (1 - chance)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("draw", "compare"))
    args = parser.parse_args()
    labels = labels_by_key()
    keys = drawn(labels)
    if args.command == "draw":
        wanted = set(PARTS) - set(SEALED)
        picked = frozenset(keys)
        for _, key, text, found, index in amounts(wanted, model=False, keys=picked):
            if key in picked:
                print(f"{key[0]},{key[1]},{key[2]!r},{key[3]}\t{context(text, found[index])}")
        return
    labels = first_reading(labels)
    with SECOND.open() as f:
        second = {_key(r): r["role"] for r in csv.DictReader(f)}
    pairs = [(labels[k], second[k]) for k in keys if k in second]
    agreed = sum(a == b for a, b in pairs) / len(pairs)
    print(f"{len(pairs)} read twice; agreement {agreed:.3f}, Cohen's kappa {kappa(pairs):.3f}")
    print("stored \\ second " + "".join(f"{r[:9]:>10}" for r in ROLES))
    for role in ROLES:
        row = Counter(b for a, b in pairs if a == role)
        print(f"{role:<16}" + "".join(f"{row[r]:>10}" for r in ROLES))
    for role in ROLES:
        both = sum(1 for a, b in pairs if a == b == role)
        stored = sum(1 for a, _ in pairs if a == role)
        again = sum(1 for _, b in pairs if b == role)
        print(f"  {role:<10} stored {stored:>3}, second {again:>3}, both {both:>3}")


if __name__ == "__main__":
    main()
