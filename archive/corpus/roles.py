"""Read each amount's role from its sentence: money announced, cut, a cost, a statistic, or other.

The words nearest an amount in its own clause decide, as a reader would: "will invest £5m"
is announced, "has removed £3.2 million" a cut, "estimated to cost $445.5 million" a cost,
"two-way trade reached $9.4 billion" a statistic, "$410 a year for each child" a rate (other).
A whole and its parts, linked by archive/corpus/money.py, become `total` and `part` where the
sentence reads as money given. Each role keeps the words that decided it as its evidence.
A small trained model (archive/corpus/role_model.py) then revises the rules' reading where it is
sure, never over a cut or a linked total or part, and never into a cut (it may read a total or a
part no link shows): on the hand-labelled set (bench/money_roles.csv), cross-validated, the two
together are right more often than either (docs/money.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from archive.corpus.amounts import _BOUNDARY, _is_abbreviation
from archive.corpus.lines import join_lines
from archive.corpus.role_lists import list_shape
from archive.corpus.role_model import refine
from archive.corpus.role_words import (
    _CLAUSE_BREAK,
    _CUES,
    _CUES_ORDER,
    _ECONOMY_AFTER,
    _ECONOMY_SENTENCE,
    _FROM_LEVEL,
    _FUNDING_NOUNS,
    _GIVING_VERB,
    _IMPLAUSIBLE,
    _NO_CUE,
    _PROJECT_AFTER,
    _PURPOSE,
    _RATE,
    _RATE_AFTER,
    _RATE_BEFORE,
    _REACH,
    _SMALL,
    _SMALL_RATE_AFTER,
    _SPECIFIC_REACH,
    _STAT_AFTER,
    _THRESHOLD,
    _TOO_LARGE,
    _TOWARDS_COSTS,
    _YEARLY,
)

ROLES = ("announced", "cut", "cost", "total", "part", "statistic", "other")
# Roles of money that is given: what the timeline, the largest sort and the filters count.
COUNTED = frozenset({"announced", "total", "part"})


def assign_roles(
    text: str, rows: Sequence[dict[str, Any]], model: bool = True
) -> list[dict[str, Any]]:
    """Return rows (amounts as link_parts gives them) with `role` and `role_evidence`.

    model: let the trained model (archive/corpus/role_model.py) revise the rules' reading.
    """
    if not rows:
        return []
    places = _places(text, rows)
    shapes = [list_shape(text, start) for start, _, _ in places]  # lists: as written, lines apart
    text = join_lines(text)  # wrapped lines read as the sentences they are (same offsets)
    read: list[tuple[str, str]] = []
    contexts: list[tuple[str, str, str, str]] = []
    for index, row in enumerate(rows):
        start, end, sentence = places[index]
        before, after = _context(text, rows, places, index, start, end, sentence)
        contexts.append((before, after, above(text, start, sentence, before, after), shapes[index]))
        role, evidence = read_role(before, after, int(row["value"]))
        previous = index - 1
        if (
            role == "other"
            and evidence == _NO_CUE
            and previous >= 0
            and start >= 0
            and _same_sentence(text, places[previous][1], start)
        ):
            # "withheld from NSW, $9.9 million from Victoria": an amount with no words of its own
            # shares the verb of the one before it in the sentence; the level something moves to
            # ("rise from $165 million to $250 million") is read with the words before the first.
            role, evidence = read[previous]
            if evidence.startswith("the level it moves from") and before.strip() == "to":
                earlier = _context(text, rows, places, previous, *places[previous])[0]
                role, evidence = read_role(earlier, after, int(row["value"]), moved=True)
        if role == "other" and evidence == _NO_CUE:
            # No words of its own, in a sentence about the economy, a market or a yearly level:
            # a figure quoted, not money given ("two-way trade ... $13.5 billion in 1991").
            said = str(row.get("sentence") or text[sentence[0] : sentence[1]])
            economy = _ECONOMY_SENTENCE.search(said)
            if economy:
                role, evidence = "statistic", f"a figure of the economy: “{economy.group(0)}”"
        if role in ("announced", "cut", "cost") and row["value"] >= _IMPLAUSIBLE:
            role, evidence = "other", _TOO_LARGE
        read.append((role, evidence))
    # A part is money given inside its whole: not a rate ("a prize of $80,000" in "$600,000 of
    # awards"), nor a cost inside a cost.
    roles = [role for role, _ in read]
    parts: dict[int, list[int]] = {}
    for index, row in enumerate(rows):
        whole = row.get("part_of")
        role, evidence = read[index]
        if whole is None or evidence.startswith(_RATE):
            continue
        if (
            role in ("announced", "other", "part", "total")
            or role == "cost"
            and read[whole][0] != "cost"
        ):
            roles[index] = "part"
            parts.setdefault(whole, []).append(index)
    out = []
    for index, row in enumerate(rows):
        role, evidence = roles[index], read[index][1]
        if role == "part":
            evidence = f"part of {rows[row['part_of']]['text']}: " + (row.get("evidence") or "")
        elif index in parts and role in ("announced", "other", "total", "part"):
            role, evidence = (
                "total",
                "its parts: " + ", ".join(rows[p]["text"] for p in parts[index]),
            )
        elif role in ("total", "part"):
            role = "announced"
        out.append({**row, "role": role, "role_evidence": evidence[:300]})
    return refine(out, contexts) if model else out


def read_role(before: str, after: str, value: int, moved: bool = False) -> tuple[str, str]:
    """Return (role, the words that decided it) for an amount between two stretches of its clause.

    moved: the amount is the level something moves to ("from $300,000 to $375,000").
    """
    stat = _STAT_AFTER.search(after) or _ECONOMY_AFTER.search(after)
    if stat:
        return "statistic", f"“{stat.group(0).strip(' ,.')}”"
    # A figure measured is no rate: "currently $6,238 pa", "reduce premiums by about $100 a year".
    measured = _CUES[_CUES_ORDER["statistic"]][1].search(before[-35:])
    rate = _RATE_AFTER.search(after) or (
        _SMALL_RATE_AFTER.search(after) if value <= _SMALL else None
    )
    if rate and not measured:
        return "other", f"{_RATE}: “{rate.group(0).strip(' ,.')}”"
    tail = before[-30:]
    threshold = _THRESHOLD.search(tail)
    if value < _SMALL and threshold:
        income = re.search(r"\b(?:income|earn)", before[-40:], re.I)
        return ("statistic" if income else "other"), f"a threshold: “{threshold.group(0).strip()}”"
    if (
        value < 10_000
        and _RATE_BEFORE.search(tail)
        or value <= _SMALL
        and _RATE_BEFORE.search(tail)
        and re.search(
            r"\b(?:grants?|subsid|assistance|payments?|allowance|prize|award|boost)",
            before[-60:],
            re.I,
        )
    ):
        return "other", f"{_RATE}: the most or least one gets, “{tail.strip()}”"
    if not moved and _FROM_LEVEL.search(before) and re.fullmatch(r"\s*(?:to|[-–])?\s*", after):
        return "other", "the level it moves from: “from”"
    project = _PROJECT_AFTER.search(after)
    found = []  # (distance, role, words)
    for role, pattern in _CUES:
        for match in pattern.finditer(before):
            if not (role == "cost" and _TOWARDS_COSTS.search(before, 0, match.end())):
                found.append((len(before) - match.end(), role, match.group(0)))
        for match in pattern.finditer(after):
            if role == "cut" and _PURPOSE.search(after, 0, match.start()):
                continue  # "$150 million to slash waiting lists": what the money is for
            if role == "cost" and _TOWARDS_COSTS.search(after, 0, match.end()):
                continue  # "$25 million toward the costs of relocation": money given
            # Words after an amount govern it less than the verb before it.
            found.append((match.start() + 12, role, match.group(0)))
    giving = _CUES[_CUES_ORDER["announced"]][1]
    if project and not any(len(before) - m.end() < 40 for m in giving.finditer(before)):
        return "cost", f"the size of a project: “{project.group(0).strip()}”"
    lead = re.match(r"^\s*(?:will\s+|to\s+|would\s+)?(to|for|towards)\s+(?![£€$\d])\w", after)
    if lead:
        found.append((6, "announced", lead.group(1)))
    if not found:
        return "other", _NO_CUE
    # A verb right before the amount governs it ("will invest £40m in a new export hub").
    governing = [f for f in found if f[1] == "announced" and f[0] <= 2 and _GIVING_VERB.match(f[2])]
    specific = (
        []
        if governing
        else [
            f
            for f in found
            if f[1] in ("cut", "statistic", "cost", "other") and f[0] <= _SPECIFIC_REACH
        ]
    )
    distance, role, words = min(specific or found, key=lambda f: (f[0], _CUES_ORDER[f[1]]))
    cuts = [f for f in found if f[1] == "cut" and f[0] <= 80]
    if role == "announced" and cuts and words.lower() in _FUNDING_NOUNS:
        # "$13.3 million worth of … payments were withheld": money named, then what befell it.
        distance, role, words = min(cuts)
    yearly = _YEARLY.match(after)
    if role == "cost" and yearly:
        return "statistic", f"a cost each year: “{words}”, “{yearly.group(0).strip()}”"
    if role == "cost":
        stats = [f for f in found if f[1] == "statistic" and f[0] <= 45]
        if stats:  # "cost the economy $2.3 billion", "cost families ... $6.1 billion a year"
            distance, role, words = min(stats)
    return role, f"“{words}”"


def _places(text: str, rows: Sequence[dict[str, Any]]) -> list[tuple[int, int, tuple[int, int]]]:
    """Find each amount in the text, in order: (start, end, the stretch of its sentence near it)."""
    places, cursor = [], 0
    joined = join_lines(text)
    for row in rows:
        at = text.find(row["text"], cursor)
        if at < 0:
            at = text.find(row["text"])
        if at < 0:  # an amount the front matter added: read its own sentence
            places.append((-1, -1, (0, 0)))
            continue
        cursor = at + len(row["text"])
        places.append((at, cursor, _near_sentence(joined, at, cursor)))
    return places


def _near_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Return where the sentence around text[start:end] begins and ends, within _REACH of it.

    Only the few characters around an amount are split, not the whole text: a long release with
    one amount costs as little as a short one.
    """
    low, high = max(0, start - _REACH), min(len(text), end + _REACH)
    first = low
    for match in _BOUNDARY.finditer(text, low, start):
        if _ends_sentence(text, match):
            first = match.end()
    last = high
    for match in _BOUNDARY.finditer(text, end, high):
        if _ends_sentence(text, match):
            last = match.start() if text[match.start()] == "\n" else match.end()
            break
    return first, last


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    return text[match.start()] == "\n" or not _is_abbreviation(text, match.start())


def _same_sentence(text: str, previous_end: int, start: int) -> bool:
    """Tell whether nothing ends a sentence between two amounts."""
    return previous_end >= 0 and not any(
        _ends_sentence(text, m) for m in _BOUNDARY.finditer(text, previous_end, start)
    )


_WORDY = re.compile(r"[A-Za-z]{3,}")
_ABOVE = 300  # characters before a bare row's line: a table's headings and the rows above


def above(text: str, start: int, sentence: tuple[int, int], before: str, after: str) -> str:
    """Return the text printed above an amount that has no words of its own (a table's row,
    "$0......; $85......; $6,205."), where its column or table heading says what it is; else "".

    text: the text with its lines joined (join_lines), as the roles read it.
    """
    if start < 0 or len(_WORDY.findall(before + " " + after)) >= 3:
        return ""
    clause = start - len(before)  # headings may stand in its sentence, where lines were joined
    return text[max(0, min(clause, sentence[0]) - _ABOVE) : clause]


def _context(
    text: str,
    rows: Sequence[dict[str, Any]],
    places: list[tuple[int, int, tuple[int, int]]],
    index: int,
    start: int,
    end: int,
    sentence: tuple[int, int],
) -> tuple[str, str]:
    """Return the words before and after an amount, in its clause, up to its neighbour amounts."""
    text = join_lines(text)
    if start < 0:
        whole = " ".join(str(rows[index].get("sentence", "")).split())
        at = whole.find(rows[index]["text"])
        return (whole[:at], whole[at + len(rows[index]["text"]) :]) if at >= 0 else (whole, "")
    low, high = max(sentence[0], start - _REACH), min(sentence[1], end + _REACH)
    for other, (s, e, _) in enumerate(places):
        if other != index and s >= 0 and e <= start and e > low and e > start - 40:
            low = max(low, e)
        if other != index and s >= end and s < high:
            high = min(high, s)
    before, after = text[low:start], text[end:high]
    if before.rstrip().endswith(
        "("
    ):  # "the complete cost of the Dam ($ 84.5 million": what it stands for
        before = before.rstrip()[:-1]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    cut = _CLAUSE_BREAK.search(after)
    # A clause ends at the break after the amount; a parenthesis right after it ends it at once.
    if cut and (after[: cut.start()].strip() != "" or after[cut.start()] == "("):
        after = after[: cut.start()]
    return " ".join(before.split()) + " ", " " + " ".join(after.split())
