"""More ways a text says that money is part of other money, read after archive/corpus/money.py's.

Each is a shape of announcements, read within a sentence or a short run of them:

- "$Y of the $X", "$Y from (or through) the $X fund", "as part of the $X", "$Y to a total
  investment of $X": Y is part of X;
- "a further $Y, bringing the total to $X": Y is part of X;
- "$X over four years, with $Y in 2024-25": a year's sums are parts of the sum over years;
- "$X in total", "totalling $X", "a $X package": smaller sums after it, up to three sentences
  on and adding up to no more than it, that the text gives away ("will receive", "awarded");
- a sentence naming a sum and ending in a colon: the sums of the list under it;
- "408 Project Grants ($143 million), 16 New Programme Grants ($115 million) and 46 Fellowship
  Grants ($25.5 million), totalling $283.5 million": the sums right before a total that add up
  to it as written are its parts.

As in money.py, a part is smaller than its whole, in the same currency, and parts never add up to
more than their whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from archive.corpus.amounts import Amount
from archive.corpus.lines import list_end


@dataclass(frozen=True)
class Found:
    """An amount's place in a text."""

    index: int  # the amount's place in the document's list
    start: int  # where it is in the text
    sentence: int  # which sentence holds it


Link = Callable[[Found, Found, str], None]

_WRITTEN = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")


def rounding(amount: Amount) -> int:
    """Return half the unit of the last digit a sum is written to ("$1.58 billion": $5 million),
    at most a hundredth of it: parts adding up to it within this are its parts, as rounded."""
    written = _WRITTEN.search(amount.text)
    if not written or not amount.value:
        return 0
    decimals = written.group(2) or ""
    try:
        number = Decimal(written.group(1).replace(",", "") + ("." + decimals if decimals else ""))
    except InvalidOperation:
        return 0
    if not number:
        return 0
    # never more than a hundredth of it: "£5 million" is not £3.8 million and £1.4 million
    return min(
        int(Decimal(amount.value) / number * Decimal(10) ** -len(decimals) / 2), amount.value // 100
    )


_AMOUNT_AHEAD = r"(?=(?:[A-Z]{1,3}\s?)?[£€$])"
# "£48m of the £200m", "$25 million from the $1 billion Federation Fund", "as part of its $30m".
OF_WHOLE = re.compile(
    r"^\s*(?:(?:\w+\s+){0,4}?(?:of|from|under|within|through)\s+(?:the|this|that|its|their|our)"
    r"|(?:[\w,]+\s+){0,6}?to\s+a\s+total\s+(?:[\w-]+\s+){0,2}?of"
    r"|[^.;:!?£€$\n]{0,120}?\bas\s+(?:a\s+)?part\s+of\s+(?:the|this|that|its|their|our|a|an)?"
    r"(?:\s+[\w'’-]+){0,3}?)\s+" + _AMOUNT_AHEAD,
    re.I,
)
# "bringing the total to $X", "brings the package to $X", "taking total funding to $X".
BRINGS_TO = re.compile(
    r"\b(?:bring(?:s|ing)?|tak(?:es|ing)|rais(?:es|ing))\s+(?:the\s+)?(?:[\w'’-]+\s+){0,6}?"
    r"to\s+(?:a\s+total\s+of\s+|more\s+than\s+|over\s+|about\s+|around\s+)?" + _AMOUNT_AHEAD,
    re.I,
)
# A sum over years ("over four years", "over the forward estimates", "from 2024 to 2027").
OVER_YEARS = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?(?:over|across|during)\s+(?:the\s+)?(?:next\s+|coming\s+)?"
    r"(?:\w+\s+)?(?:years|financial\s+years|forward\s+estimates|budget\s+period)\b",
    re.I,
)
# A year's share: "$Y in 2024-25", "$Y in 1975-76", "$Y this year", "$Y in the first year".
IN_A_YEAR = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?(?:in|for|during)\s+(?:(?:19|20)\d\d\b|the\s+(?:first|second|"
    r"third|fourth|final|current|coming)\s+(?:financial\s+)?year|this\s+(?:financial\s+)?year)",
    re.I,
)
# A sum called a whole by the words right around it.
WHOLE_BEFORE = re.compile(
    r"(?:\b(?:a\s+total\s+of|totall?ing|worth\s+a\s+total\s+of)\s+(?:more\s+than\s+|over\s+)?"
    r"|\b(?:an?|the|its|this)\s+(?:new\s+|major\s+|further\s+|record\s+)?)$",
    re.I,
)
WHOLE_AFTER = re.compile(
    r"^\s*(?:in\s+total|altogether|overall|in\s+all"
    r"|(?:[\w-]+\s+){0,2}?(?:package|fund))\b",
    re.I,
)
# Sums given, the parts of a whole: "will receive $Y", "awarded $Y", "$Y will go to".
GIVEN_BEFORE = re.compile(
    r"\b(?:receiv(?:e|es|ed|ing)|award(?:s|ed)?|given|get|gets|provid(?:e|es|ed|ing)|allocat(?:e|es|ed)"
    r"|grants?|backed\s+with|includ(?:e|es|ed|ing)|with|further|additional|largest\s+grant,?"
    r"|(?:is|are|will\s+be)\s+(?:spent|used|invested)\s+on)\s+(?:of\s+|a\s+|an\s+|up\s+to\s+|almost\s+|about\s+|nearly\s+)*$",
    re.I,
)
GIVEN_AFTER = re.compile(
    r"^\s*(?:will\s+(?:go|fund|support|help|be\s+(?:spent|used|provided|allocated|invested))"
    r"|goes|is\s+(?:for|to))",
    re.I,
)
_REACH = 3  # sentences after a named whole its parts may stand in
# A total named after its parts: "…, totalling $283.5 million", "a total of $X", "$X in all".
TOTAL_AFTER_PARTS = re.compile(
    r"\b(?:totall?ing|totall?ed|a\s+total\s+of|in\s+total|altogether|(?:which\s+)?(?:add|adds|"
    r"added)\s+up\s+to|making|bringing\s+(?:the\s+)?total\s+to)\s+(?:some\s+|about\s+)?$",
    re.I,
)


def link_shapes(
    text: str,
    amounts: Sequence[Amount],
    found: Sequence[Found],
    spans: Sequence[tuple[int, int]],
    linked: Callable[[int], bool],
    link: Link,
) -> None:
    """Link the parts written in the shapes of the module's docstring, through `link`."""

    def said(*ns: int) -> str:
        return " … ".join(
            " ".join(text[spans[n][0] : spans[n][1]].split()) for n in sorted(set(ns))
        )

    def after(f: Found) -> str:
        return text[f.start + len(amounts[f.index].text) :][:120]

    def fits(parts: Sequence[Found], whole: Found) -> bool:
        total = amounts[whole.index]
        return all(
            amounts[p.index].currency == total.currency and amounts[p.index].value < total.value
            for p in parts
        ) and sum(amounts[p.index].value for p in parts) <= total.value + rounding(total)

    for at, f in enumerate(found):
        nxt = found[at + 1] if at + 1 < len(found) else None
        # "$Y of the $X": the next amount, in the same sentence, right after the words.
        if nxt and nxt.sentence == f.sentence and not linked(f.index):
            between = text[f.start + len(amounts[f.index].text) : nxt.start]
            if OF_WHOLE.match(between + amounts[nxt.index].text) and fits([f], nxt):
                link(f, nxt, said(f.sentence))
        # "a further $Y, bringing the total to $X".
        if nxt and 0 <= nxt.sentence - f.sentence <= 1 and not linked(f.index):
            between = text[f.start + len(amounts[f.index].text) : nxt.start]
            if BRINGS_TO.search(between + amounts[nxt.index].text) and fits([f], nxt):
                link(f, nxt, said(f.sentence, nxt.sentence))
    for at, whole in enumerate(found):
        # "$143 million, $115 million and $25.5 million, totalling $283.5 million".
        opening = text[max(spans[whole.sentence][0], whole.start - 30) : whole.start]
        if at >= 2 and TOTAL_AFTER_PARTS.search(opening):
            run = [
                f
                for f in found[max(0, at - 8) : at]
                if whole.sentence - f.sentence <= 1 and not linked(f.index)
            ]
            value = amounts[whole.index].value
            for first in range(len(run) - 1):
                parts = run[first:]
                added = sum(amounts[p.index].value for p in parts)
                if fits(parts, whole) and added >= value - rounding(amounts[whole.index]):
                    for f in parts:
                        link(f, whole, said(whole.sentence, *(p.sentence for p in parts)))
                    break
    for at, whole in enumerate(found):
        if linked(whole.index):
            continue
        rest = after(whole)
        # "$X over four years, with $Y in 2024-25 and $Z in 2025-26".
        if OVER_YEARS.match(rest):
            years = [
                f
                for f in found[at + 1 :]
                if f.sentence - whole.sentence <= 1
                and not linked(f.index)
                and IN_A_YEAR.match(after(f))
            ]
            if years and fits(years, whole):
                for f in years:
                    link(f, whole, said(whole.sentence, *(p.sentence for p in years)))
                continue
        opening = text[max(spans[whole.sentence][0], whole.start - 40) : whole.start]
        if WHOLE_BEFORE.search(opening) and (
            WHOLE_AFTER.match(rest) or re.search(r"total", opening, re.I)
        ):
            given = [
                f
                for f in found[at + 1 :]
                if 0 <= f.sentence - whole.sentence <= _REACH
                and not linked(f.index)
                and (
                    GIVEN_BEFORE.search(text[max(spans[f.sentence][0], f.start - 40) : f.start])
                    or GIVEN_AFTER.match(after(f))
                )
            ]
            # Only the run that fits: a larger sum later is other money, not a part.
            kept: list[Found] = []
            for f in given:
                if fits([*kept, f], whole):
                    kept.append(f)
                else:
                    break
            for f in kept:
                link(f, whole, said(whole.sentence, f.sentence))
            if kept:
                continue
        # A sentence naming a sum and ending in a colon: the list under it holds its parts.
        start, end = spans[whole.sentence]
        if text[start:end].rstrip().endswith(":"):
            limit = list_end(text, end)  # across blank lines while each block opens an item
            mine = [f for f in found if f.sentence == whole.sentence]
            if max(mine, key=lambda f: amounts[f.index].value) is not whole:
                continue
            listed = [f for f in found if end <= f.start < limit and not linked(f.index)]
            if len(listed) >= 2 and fits(listed, whole):
                for f in listed:
                    link(f, whole, said(whole.sentence) + " " + said(*(p.sentence for p in listed)))
