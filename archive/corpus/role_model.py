"""A small trained model of amount roles, applied in pure Python over the rules' reading.

The rules (archive/corpus/roles.py) read each amount's role from the nearest words of its clause.
This model weighs more of the same evidence at once: the words either side of the amount in its
clause, the words of its sentence, the amount's size and currency, its money relations (a part or
a whole) and the rules' own reading. Its weights are a logistic regression trained by
`python bench/money_model.py train` from the hand-labelled set (bench/money_roles.csv) and kept
in role_weights.json beside this module: a small data file, read once, with no dependency at run
time. docs/money.md says what was compared and why this is what the build uses.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from archive.corpus.role_shapes import shapes

WEIGHTS = Path(__file__).with_name("role_weights.json")
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*")


def _words(text: str) -> list[str]:
    return ["<num>" if w[0].isdigit() else w for w in _WORD.findall(text.lower())]


def features(
    rows: Sequence[dict[str, Any]],
    index: int,
    before: str,
    after: str,
    above: str = "",
    listed: str = "",
) -> list[str]:
    """Name the features of one amount: its clause either side, its row and the document's rows
    (the rules applied), where it stands among the document's other amounts, for a bare row of
    figures the words printed above it (roles.above: a table's headings), and where it stands in
    a list (role_lists.list_shape)."""
    row = rows[index]
    linked_whole = any(r.get("part_of") == index for r in rows)
    left, right = _words(before), _words(after)
    out = [f"b_{w}" for w in left[-8:]] + [f"a_{w}" for w in right[:6]]
    out += [f"b{n}_{w}" for n, w in enumerate(reversed(left[-3:]), 1)]
    out += [f"a{n}_{w}" for n, w in enumerate(right[:3], 1)]
    if len(left) >= 2:
        out.append(f"bb_{left[-2]}_{left[-1]}")
    if len(right) >= 2:
        out.append(f"aa_{right[0]}_{right[1]}")
    sentence = str(row.get("sentence", ""))
    out += sorted({f"s_{w}" for w in _words(sentence)})
    if above:
        out.append("bare_row")
        out += sorted({f"tb_{w}" for w in _words(above)[-20:] if w != "<num>"})
    out += [f"ls_{w}" for w in listed.split()]
    found = shapes(before, after, sentence)
    # "up to" a sum is a cap on each grant when small, the most a programme gives when large.
    if "sh_up_to" in found:
        found.append(
            "sh_up_to_large" if float(row.get("value") or 0) >= 100_000 else "sh_up_to_small"
        )
    out += found
    value = float(row.get("value") or 0)
    out.append(f"size_{int(math.log10(value)) if value >= 1 else 0}")
    out.append(f"cur_{row.get('currency', '')}")
    if row.get("part_of") is not None:
        out.append("linked_part")
    if linked_whole:
        out.append("linked_whole")
        parts = sum(1 for r in rows if r.get("part_of") == index)
        out.append(f"parts_{min(parts, 3)}")
    if index == 0:
        out.append("first_amount")
    out += _standing(rows, index, before)
    role = str(row.get("role", ""))
    evidence = str(row.get("role_evidence", ""))
    out.append(f"rule_{role}")
    for kind, mark in (
        ("rate", "a rate"),
        ("threshold", "a threshold"),
        ("nocue", "no words of"),
        ("project", "the size of a project"),
        ("from", "the level it moves from"),
        ("large", "a trillion or more"),
    ):
        if evidence.startswith(mark):
            out.append(f"ev_{kind}")
    return out


def _standing(rows: Sequence[dict[str, Any]], index: int, before: str) -> list[str]:
    """Say where an amount stands among its document's amounts.

    A whole is often the largest sum, with smaller ones after it that fit inside it; a part, one
    of a run of smaller sums after a larger one.
    """
    row = rows[index]
    value = float(row.get("value") or 0)
    same = [r for r in rows if r.get("currency") == row.get("currency")]
    out = []
    if value and value >= max(float(r.get("value") or 0) for r in same):
        out.append("largest")
    later = []
    for r in rows[index + 1 : index + 7]:
        if float(r.get("value") or 0) >= value:
            break
        later.append(float(r.get("value") or 0))
    if later:
        out.append("smaller_after")
        out.append("smaller_after_fit" if sum(later) <= value * 1.001 else "smaller_after_over")
    earlier = [float(r.get("value") or 0) for r in rows[max(0, index - 6) : index]]
    if any(v > value for v in earlier):
        out.append("larger_before")
    if any(v == value for v in earlier) or any(
        float(r.get("value") or 0) == value for r in rows[:index]
    ):
        out.append("said_before")
    out += _sums(rows, index)
    out += _in_document(rows, index)
    sentence = row.get("sentence")
    together = sum(1 for r in rows if sentence and r.get("sentence") == sentence)
    out.append(f"in_sentence_{min(together, 3)}")
    if not before.strip():
        out.append("opens_clause")
    return out


def _sums(rows: Sequence[dict[str, Any]], index: int) -> list[str]:
    """Say whether a run of the document's amounts adds up to this one (a whole written with its
    parts, within 2%), or this one is in a run that adds up to an amount written before it."""

    def value(r: dict[str, Any]) -> float:
        return float(r.get("value") or 0)

    def adds_up(whole: int, first: int) -> int | None:
        total, target = 0.0, value(rows[whole])
        for last in range(first, min(len(rows), first + 8)):
            if rows[last].get("currency") != rows[whole].get("currency") or last == whole:
                return None
            total += value(rows[last])
            if last > first and target and abs(total - target) <= 0.02 * target:
                return last
            if total > target * 1.02:
                return None
        return None

    out = []
    if index + 2 < len(rows) and any(adds_up(index, f) for f in range(index + 1, index + 3)):
        out.append("sum_of_later")
    for whole in range(max(0, index - 10), index):
        for first in range(whole + 1, index + 1):
            last = adds_up(whole, first)
            if last is not None and first <= index <= last:
                return [*out, "in_sum_of_earlier"]
    return out


_GIVEN = frozenset({"announced", "total", "part"})


def _in_document(rows: Sequence[dict[str, Any]], index: int) -> list[str]:
    """Say how an amount sits among the document's money given (as the rules read it).

    A release that announces one sum and then says where it goes has a largest sum with the
    others fitting inside it, whatever words link them: the largest reads as a whole, the
    others as its parts.
    """
    row = rows[index]
    given = [
        n
        for n, r in enumerate(rows)
        if r.get("role") in _GIVEN and r.get("currency") == row.get("currency")
    ]
    if index not in given or len(given) < 2:
        return ["given_alone"] if index in given else []
    values = {n: float(rows[n].get("value") or 0) for n in given}
    largest = max(given, key=lambda n: (values[n], -n))
    others = sum(v for n, v in values.items() if n != largest and v != values[largest])
    fits = others <= values[largest] * 1.02
    out = [f"given_{min(len(given), 5)}"]
    if index == largest:
        out.append("given_largest_fits" if fits else "given_largest_over")
        if largest == given[0]:
            out.append("given_largest_first")
    else:
        out.append("given_inside_fits" if fits else "given_inside_over")
        out.append("given_after_largest" if index > largest else "given_before_largest")
    return out


@lru_cache(maxsize=1)
def _weights() -> dict[str, Any] | None:
    if not WEIGHTS.exists():
        return None
    loaded: dict[str, Any] = json.loads(WEIGHTS.read_text())
    return loaded


def predict(names: Sequence[str], weights: dict[str, Any]) -> tuple[str, float]:
    """Return the most likely role for a list of feature names, and its probability."""
    classes: list[str] = weights["classes"]
    scores = list(weights["intercept"])
    table: dict[str, list[float]] = weights["coef"]
    for name in names:
        row = table.get(name)
        if row is not None:
            for k, w in enumerate(row):
                scores[k] += w
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    best = max(range(len(classes)), key=lambda k: scores[k])
    return classes[best], exps[best] / sum(exps)


# "The £30m fund is open for bids": a sum named with its fund or programme is that programme's
# money (the labelling guide), never a project's cost or a figure of the economy.
_PROGRAMME_WORDS = ("fund", "funding", "programme", "program", "package", "initiative", "grants")
_NAMED = frozenset(f"a{n}_{w}" for n in (1, 2, 3) for w in _PROGRAMME_WORDS)


def allowed(names: Sequence[str], read: str, role: str) -> bool:
    """Tell whether the model may replace the rules' reading `read` with `role`."""
    return not (
        read == "announced" and role in ("cost", "statistic") and not _NAMED.isdisjoint(names)
    )


def model_available() -> bool:
    """Tell whether trained weights ship with the package."""
    return _weights() is not None


def refine(
    rows: Sequence[dict[str, Any]], contexts: Sequence[tuple[str, ...]]
) -> list[dict[str, Any]]:
    """Return rows with the model's role where it disagrees with the rules, keeping the evidence."""
    weights = _weights()
    if weights is None:
        return list(rows)
    keep = set(weights.get("keep", ()))  # roles the rules read that the model never overrules
    # Roles the model never reads (by default the kept ones): a cut is too rare to learn.
    never = set(weights.get("never", keep))
    out = []
    for index, row in enumerate(rows):
        names = features(rows, index, *contexts[index])
        role, probability = predict(names, weights)
        if (
            role != row["role"]
            and allowed(names, row["role"], role)
            and probability >= float(weights.get("threshold", 0.0))
            and row["role"] not in keep
            and role not in never
        ):
            row = {
                **row,
                "role": role,
                "role_evidence": f"the trained model ({probability:.0%}); the rules read "
                f"{row['role']}: {row.get('role_evidence', '')}"[:300],
            }
        out.append(row)
    return out
