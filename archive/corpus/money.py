"""Money that belongs to other money: which amounts the text itself says are parts of a larger one.

Three ways of saying it are read, each within one sentence or from a sentence to the one before it:

- "X includes A, B and C": A, B and C are parts of X; where the sentence opens with "The
  funding", "The money" and the like instead of an amount, X is the largest amount of the
  sentence before it (and "The new funding pledges include:" takes the list that follows);
- "A comes from X", "A is part of X", "A out of X": A is part of X, with "The funding comes
  from X" taking A from the sentence before;
- an amount equal to a part, written again later (a list restating the sentence), is that part.

More shapes ("$Y of the $X", "bringing the total to $X", a sum over years and its years, sums
given after a named total, a list under a sentence naming its whole) are read after these, by
archive/corpus/money_shapes.py.

A part must be smaller than its whole and the parts of one whole may not add up to more than it.
Each link keeps the sentence it was read from as its evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from archive.corpus.amounts import Amount, _sentence_of, sentences
from archive.corpus.lines import join_lines, list_end
from archive.corpus.money_shapes import Found as _Found
from archive.corpus.money_shapes import link_shapes
from archive.corpus.money_structure import link_structure

INCLUDES = re.compile(
    r"\b(?:includ(?:es|ed|ing|e)|compris(?:es?|ing)|made up of|consist(?:s|ing)? of|of which|"
    r"split between)\b",
    re.I,
)
PART_OF = re.compile(
    r"\b(?:(?:comes?|came|drawn|taken|funded|paid for|allocated|is|are|was|were|will be)"
    r"\s+(?:\w+\s+)?from"
    r"|(?:is|are|forms?|was|were)\s+(?:a\s+|the\s+)?part\s+of|out\s+of|a\s+share\s+of|share\s+of"
    r"|towards?\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,6}?(?=(?:[A-Z]{1,3})?[£€$])"
    r"|to\s+(?:a|an|the)\s+(?=(?:[A-Z]{1,3})?[£€$]))",
    re.I,
)
# A sentence that opens by pointing back at the money of the one before.
POINTS_BACK = re.compile(
    r"^(?:the|this|that|these|those|its|their)\s+"
    r"(?:new\s+|extra\s+|additional\s+|[\w-]+\s+(?:round|stage|phase|tranche|instalment)\s+of\s+)?"
    r"(?:funding|money|cash|sum|package|investment|grant|grants|pledges?|funding\s+pledges|"
    r"allocation|award|fund|plan|programme|program|initiatives?|upgrade|scheme|strategy|measures?)\b",
    re.I,
)


# A word each way of joining above needs (their own `\s+` can join words across lines), looked
# for with `in` before the expressions run, which cost about 0.1 ms over a whole text.
_JOINING = (
    "includ",
    "compris",
    "made",
    "consist",
    "which",
    "split",
    "from",
    "part",
    "share",
    "toward",
    " to the ",
    " to a ",
    "of this",
    "of that",
    "total",
    "further",
    "with",
    " a ",
    " an ",
    ":\n",
    "covers",
    "shared",
    "spent",
    " of it",
    "of the ",
    "within",
    "through",
    "under ",
    "total",
)
OF_THIS = re.compile(
    r"\s*Of\s+(?:this|that|these|those|which|the\s+(?:total|package|funding|amount|money))\b", re.I
)
# "£48m of the total": a part of the largest sum of the sentence before.
OF_TOTAL = re.compile(
    r"^\s*(?:of|from)\s+(?:the|this|that)\s+(?:total|sum|amount|money|funding|package)\b", re.I
)
_OUT_OF = re.compile(r"out\s+of")


def _may_join(text: str) -> bool:
    lower = text.lower()
    return any(word in lower for word in _JOINING) or _OUT_OF.search(lower) is not None


def link_parts(text: str, amounts: Sequence[Amount]) -> list[dict[str, Any]]:
    """Return each amount as a dict with `part_of` (its whole's index, or None) and `evidence`."""
    rows = [{**a.__dict__, "part_of": None, "evidence": None} for a in amounts]
    joined = join_lines(text)  # wrapped lines read as the sentences they are (same offsets)
    if joined != text:
        _whole_sentences(text, joined, rows)
    if len(amounts) < 2 or (len(amounts) < 3 and not _may_join(joined)):
        return rows  # no whole and part, or no words that join them nor sums to add up
    spans = sentences(joined)
    found = _locate(text, amounts, spans)
    raw, text = text, joined
    by_sentence: dict[int, list[_Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence, []).append(f)
    links: dict[int, tuple[int, str]] = {}
    # Parts that add up exactly are the surest reading: first.
    _link_sums(text, amounts, found, links)
    summed = dict(links)  # their words, where a sentence says so too, are the better evidence

    def link(part: _Found, whole: _Found, evidence: str) -> None:
        if part.index in links and summed.get(part.index, (None,))[0] != whole.index:
            return
        if amounts[part.index].currency != amounts[whole.index].currency:
            return
        if amounts[part.index].value >= amounts[whole.index].value:
            return
        links[part.index] = (whole.index, evidence)

    def before(n: int) -> tuple[int, list[_Found]] | None:
        earlier = [s for s in by_sentence if s < n]
        return (max(earlier), by_sentence[max(earlier)]) if earlier else None

    for n, (start, end) in enumerate(spans):
        mine = by_sentence.get(n, [])
        sentence = text[start:end]
        if not mine and not POINTS_BACK.match(sentence):
            continue  # with no money of its own, only a sentence pointing back can link any
        for match in INCLUDES.finditer(sentence):
            at = start + match.start()
            wholes = [f for f in mine if f.start < at]
            parts = [f for f in mine if f.start > at]
            evidence = _collapse(sentence)
            if not wholes and POINTS_BACK.match(sentence) and (earlier := before(n)):
                previous_n, previous = earlier
                wholes = [max(previous, key=lambda f: amounts[f.index].value)]
                evidence = (
                    _collapse(text[spans[previous_n][0] : spans[previous_n][1]]) + " … " + evidence
                )
                if not parts and sentence.rstrip().endswith(":"):
                    parts = _list_after(text, end, found)
                    if parts:
                        evidence += " " + " ".join(
                            _collapse(text[spans[p.sentence][0] : spans[p.sentence][1]])
                            for p in parts
                        )
            if wholes and not parts and sentence.rstrip().endswith(":"):
                parts = _list_after(text, end, found)  # "… committed $1.1 billion, including:"
            if wholes and parts:
                whole = wholes[-1]
                if sum(amounts[p.index].value for p in parts) <= amounts[whole.index].value:
                    for part in parts:
                        link(part, whole, evidence)
        for match in PART_OF.finditer(sentence):
            at = start + match.end()
            wholes = [f for f in mine if f.start >= at]
            parts = [f for f in mine if f.start < start + match.start()]
            evidence = _collapse(sentence)
            if wholes and not parts and POINTS_BACK.match(sentence) and (earlier := before(n)):
                previous_n, previous = earlier
                parts = [max(previous, key=lambda f: amounts[f.index].value)]
                evidence = (
                    _collapse(text[spans[previous_n][0] : spans[previous_n][1]]) + " … " + evidence
                )
            if wholes and parts:
                for part in parts:
                    link(part, wholes[0], evidence)
    for n, (start, end) in enumerate(spans):
        # "Of this package, $90 million will …": the sentence's sums are in the one before's.
        if n in by_sentence and OF_THIS.match(text, start, end) and (earlier := before(n)):
            previous_n, previous = earlier
            whole = max(previous, key=lambda p: amounts[p.index].value)
            evidence = _collapse(text[spans[previous_n][0] : spans[previous_n][1]])
            evidence += " … " + _collapse(text[start:end])
            mine = by_sentence[n]
            if sum(amounts[f.index].value for f in mine) <= amounts[whole.index].value:
                for f in mine:
                    link(f, whole, evidence)
    for f in found:
        after = text[f.start + len(amounts[f.index].text) :]
        if f.index not in links and OF_TOTAL.match(after) and (earlier := before(f.sentence)):
            previous_n, previous = earlier
            whole = max(previous, key=lambda p: amounts[p.index].value)
            link(
                f,
                whole,
                _collapse(text[spans[previous_n][0] : spans[previous_n][1]])
                + " … "
                + _collapse(text[spans[f.sentence][0] : spans[f.sentence][1]]),
            )
    _link_total(text, amounts, found, spans, links)
    link_shapes(text, amounts, found, spans, lambda index: index in links, link)
    link_structure(text, amounts, found, spans, links, link, raw)
    # The same sum written again is the same money: a restated part belongs where the first did.
    for f in found:
        if f.index in links:
            continue
        for restated, (owner, said) in list(links.items()):
            same = amounts[restated]
            if (
                restated != f.index
                and owner != f.index
                and amounts[f.index].value == same.value
                and amounts[f.index].currency == same.currency
                and restated < f.index
            ):
                links[f.index] = (owner, said)
                break
    for linked, (owner, said) in links.items():
        rows[linked]["part_of"], rows[linked]["evidence"] = owner, said
    return rows


def _whole_sentences(text: str, joined: str, rows: list[dict[str, Any]]) -> None:
    """Give each amount the whole sentence around it, read across the lines it was wrapped on."""
    spans = sentences(joined)
    starts = [start for start, _ in spans]
    cursor = 0
    for row in rows:
        at = text.find(row["text"], cursor)
        if at < 0:
            continue
        cursor = at + len(row["text"])
        row["sentence"] = _sentence_of(joined, spans, starts, at, cursor)


def headline(rows: Sequence[dict[str, Any]], currency: str = "GBP") -> int | None:
    """Return the largest amount of a currency that is not part of another, or None."""
    return max(
        (r["value"] for r in rows if r["currency"] == currency and r.get("part_of") is None),
        default=None,
    )


def _locate(text: str, amounts: Sequence[Amount], spans: list[tuple[int, int]]) -> list[_Found]:
    """Find where each amount stands in the text, in order; one that cannot be found is left out."""
    found, cursor = [], 0
    for index, amount in enumerate(amounts):
        at = text.find(amount.text, cursor)
        if at < 0:
            continue
        cursor = at + len(amount.text)
        sentence = next((n for n, (start, end) in enumerate(spans) if start <= at < end), None)
        if sentence is not None:
            found.append(_Found(index, at, sentence))
    return found


def _list_after(text: str, end: int, found: list[_Found]) -> list[_Found]:
    """Return the amounts of the list after a sentence ending in a colon, to the next blank line."""
    block_end = list_end(text, end)  # across blank lines while each block opens an item
    return [f for f in found if end <= f.start < block_end]


def _collapse(text: str) -> str:
    return " ".join(text.split())


_MAX_PARTS = 8


def _link_sums(
    text: str, amounts: Sequence[Amount], found: list[_Found], links: dict[int, tuple[int, str]]
) -> None:
    """Link the run of amounts right after (or before) a larger one that adds up to it exactly.

    "a $193 million plan … $93.4 million to …; $60.5 million to …; $21.6 million …; $17.5 million":
    parts listed one by one, with no word that joins them, add up to their whole to the cent.
    """
    for at, whole in enumerate(found):
        total = amounts[whole.index]
        if whole.index in links or any(w == whole.index for w, _ in links.values()):
            continue
        # Parts after their whole are a list the text introduces ("… the following initiatives:");
        # parts before it are summed up by words ("In total, … a combined $387.4 million").
        # The run may start a few sums on: "$365m … $226m spent before … $110m; $70m; …".
        after = [found[at + skip : at + skip + _MAX_PARTS] for skip in (1, 2, 3)]
        summed_up = A_TOTAL.search(text[max(0, whole.start - 80) : whole.start]) is not None
        before = [found[max(0, at - _MAX_PARTS) : at][::-1]] if summed_up else []
        for run in (*after, *before):
            running, parts = 0, []
            for f in run:
                a = amounts[f.index]
                if (
                    a.currency != total.currency
                    or a.value >= total.value
                    or f.index in links
                    or a.value == 0
                ):
                    break
                running += a.value
                parts.append(f)
                if running >= total.value:
                    break
            # Listed: after a colon, or written together in one sentence ("$19 million … with a
            # further $8.8 million"), not sums of separate sentences that happen to add up.
            listed = summed_up or (
                parts
                and (
                    ":" in text[whole.start : parts[0].start]
                    or len({p.sentence for p in parts}) == 1
                )
            )
            if len(parts) >= 2 and running == total.value and listed:
                ordered = sorted(parts, key=lambda p: p.start)
                words = " + ".join(amounts[p.index].text for p in ordered)
                for part in parts:
                    links[part.index] = (whole.index, f"{words} add up to {total.text}")
                break


# "pledged a total of £200m", "In total, … a combined $387.4 million": the sums before it are in it.
A_TOTAL = re.compile(
    r"\b(?:a\s+total\s+of|in\s+total|a\s+combined|altogether|an?\s+overall)[,:]?\s+(?:\w+\s+){0,8}?$",
    re.I,
)
_TOTAL_REACH = 3  # sentences either side


def _link_total(
    text: str,
    amounts: Sequence[Amount],
    found: list[_Found],
    spans: list[tuple[int, int]],
    links: dict[int, tuple[int, str]],
) -> None:
    """Link to a sum called a total the smaller sums before it, up to three sentences back."""
    for whole in found:
        sentence_start = spans[whole.sentence][0]
        opening = text[max(sentence_start, whole.start - 80) : whole.start]
        if whole.index in links or not A_TOTAL.search(opening):
            continue
        total = amounts[whole.index]
        # What a total sums up is written before it; a breakdown after it says "including".
        near = [
            f
            for f in found
            if f.index != whole.index
            and f.index not in links
            and f.start < whole.start
            and 0 <= whole.sentence - f.sentence <= _TOTAL_REACH
            and amounts[f.index].currency == total.currency
            and amounts[f.index].value < total.value
        ]
        # Only sums that are wholes or stand alone: a whole's parts are inside it already.
        if near and sum(amounts[f.index].value for f in near) <= total.value:
            evidence = _collapse(text[spans[whole.sentence][0] : spans[whole.sentence][1]])
            for f in near:
                links[f.index] = (whole.index, evidence)
