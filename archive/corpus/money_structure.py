"""Wholes and parts that a release's structure shows across its sentences, read last.

What makes a sum a total is often written after it, in the next sentences or a list:

- "… $2.5 million for the centre. This includes $185,000 for …" (also "It includes", "These
  comprise", "This is made up of", "Included in this is"): the sums of the pointing sentence
  (and of a list under it) are parts of the nearest sum before them that holds them (failing
  one within three sentences, of the largest sum before, where it holds them);
- "$900,000 of this will go to …", "$40 million of it": a part of the nearest larger sum before;
- "This brings the total funding committed to the programme to $64 million": the nearest
  smaller sum before, up to three sentences back, is a part of it;
- "As part of this investment, … $45 million", "Of the extra funding, $200 million …": the
  sentence's sums are parts of the nearest sum before that holds them;
- "As part of the Government's $630 million package, $20 million has been provided …", "Of the
  $5 million, $2 million goes to roads": the sums after the one the sentence opens with are
  its parts;
- "Under the plan the Government will invest:" followed by a list of sums: the list's sums are
  parts of the sum the sentence names ("the $3.7 billion Living Longer Living Better plan"),
  or, where the sentence says the list breaks money down ("include", "as follows"), of the
  nearest sum before it that holds them;
- a table's "Total" line: the sums just above it that add up to it (to half a per cent) are its
  parts;
- a run of sums in the sentences after a sum, in the same paragraph (or the sums right after
  it, in the next few sentences), adding up to it as written ("… $6,355,000 to the project,
  delivered in two stages. … $3.355 million … $3 million"; "$1.58 billion … $805.5 million …
  $777 million": to the $5 million its last digit stands for).

Lists are read across blank lines while each block opens with a list item (the wrapped and OCR'd
releases put a blank line between every line). As everywhere in the money relations, a part is
smaller than its whole, in the same currency, and a whole's parts never add up to more than it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from archive.corpus.amounts import Amount
from archive.corpus.lines import list_end
from archive.corpus.money_shapes import Found, rounding

Link = Callable[[Found, Found, str], None]

POINTER = re.compile(
    r"^(?:this|it|these|that|those|which)\s+(?:also\s+|will\s+|would\s+|funding\s+|amount\s+)?"
    r"(?:includ(?:es|ed|e)|compris(?:es|ed|e)|(?:is|are|was|were)\s+made\s+up\s+of|"
    r"consists?\s+of|covers|(?:will\s+)?be\s+(?:split|shared|spent)\s+(?:between|among|on|as))\b"
    r"|^included\s+in\s+(?:this|that|these|the\s+(?:total|package|funding))\b",
    re.I,
)
# "As part of this investment, …", "Of the extra funding, …", "Within the package, …".
PART_OF_THIS = re.compile(
    r"^(?:as\s+(?:a\s+)?part\s+of|of|under|from|within|through)\s+"
    r"(?:this|that|these|the|its|our|their)\s+(?:[\w-]+\s+){0,3}?(?:funding|money|package|"
    r"amount|investment|total|allocation|commitment|plan|program(?:me)?|initiative|fund|"
    r"strategy|measures?)\b(?!\s*(?:of\s+)?(?:[A-Z]{1,3}\s?)?[£€$])",
    re.I,
)
# "This will bring the total funding committed to the programme to $64 million".
BRINGS_TOTAL = re.compile(
    r"\b(?:bring|brings|take|takes|raise|raises)\s+(?:[\w'’-]+\s+){0,8}?to\s+"
    r"(?:a\s+total\s+of\s+|more\s+than\s+|over\s+|about\s+|around\s+|almost\s+)?$",
    re.I,
)
# "As part of the Government's $630 million package, $20 million …", "Under the $X plan, $Y …".
OPENS_WITH_WHOLE = re.compile(
    # a speaker's lead-in may come first: 'Mr Rudd said: "As part of its $500 million fund, …'
    r"^(?:[^.:;]{0,40}:\s*)?[\"“‘']?(?:as\s+(?:a\s+)?part\s+of|under|of|from|within|through)\s+(?:the|this|that|its|their|"
    r"our|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}['’]s?)\s+(?:[\w'’-]+\s+){0,3}?$",
    re.I,
)
OF_THIS_AFTER = re.compile(r"^\s*of\s+(?:this|that|which|it|these|those)\b", re.I)
BREAKS_DOWN = re.compile(
    r"\b(?:includ\w*|as\s+follows|following|compris\w*|made\s+up\s+of|consists?\s+of|"
    r"breakdown|broken\s+down|distributed|allocated|split|shared)\b",
    re.I,
)
TOTAL_LINE = re.compile(r"(?:^|\n)[^\S\n]*(?:grand\s+)?totals?\b[^\n\d]{0,30}$", re.I)
_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|of|and|for|the)){1,6}")
_BACK = 3  # sentences back a pointing sentence's whole may stand in
_TABLE_ROWS = 12
_TABLE_SLACK = 0.005  # tables round their rows


def link_structure(
    text: str,
    amounts: Sequence[Amount],
    found: Sequence[Found],
    spans: Sequence[tuple[int, int]],
    links: dict[int, tuple[int, str]],
    link: Link,
    raw: str | None = None,
) -> None:
    """Link the parts the structures of the module's docstring show, through `link`.

    text: with its wrapped lines joined (archive/corpus/lines.py); raw: as written, where a
    table's lines still stand apart (default: text).
    """
    raw = text if raw is None else raw

    def said(*ns: int) -> str:
        return " … ".join(
            " ".join(text[spans[n][0] : spans[n][1]].split()) for n in sorted(set(ns))
        )

    def held(whole: Found) -> int:
        return sum(amounts[p].value for p, (w, _) in links.items() if w == whole.index)

    def fits(parts: Sequence[Found], whole: Found) -> bool:
        total = amounts[whole.index]
        return all(
            amounts[p.index].currency == total.currency and amounts[p.index].value < total.value
            for p in parts
        ) and held(whole) + sum(amounts[p.index].value for p in parts) <= total.value + rounding(
            total
        )

    def attach(parts: Sequence[Found], whole: Found, evidence: str) -> bool:
        parts = [p for p in parts if p.index not in links and p.index != whole.index]
        if not parts or not fits(parts, whole):
            return False
        for part in parts:
            link(part, whole, evidence)
        return True

    def holder(parts: Sequence[Found], before_sentence: int) -> Found | None:
        """The nearest sum before a sentence, up to _BACK sentences back, that holds the parts."""
        earlier = [
            f
            for f in found
            if before_sentence - _BACK <= f.sentence < before_sentence and f.index not in links
        ]
        for f in reversed(earlier):
            if fits(parts, f):
                return f
        return None

    def headline(parts: Sequence[Found], before_sentence: int) -> Found | None:
        """Failing a near one, the largest sum before, far back, if it holds the parts."""
        earlier = [f for f in found if f.sentence < before_sentence and f.index not in links]
        largest = max(earlier, key=lambda f: amounts[f.index].value, default=None)
        return largest if largest is not None and fits(parts, largest) else None

    by_sentence: dict[int, list[Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence, []).append(f)
    for n, (start, end) in enumerate(spans):
        sentence = text[start:end]
        mine = by_sentence.get(n, [])
        listed: list[Found] = []
        if sentence.rstrip().endswith(":"):
            stop = list_end(text, end)
            listed = [f for f in found if end <= f.start < stop]
        # "As part of the $630 million package, $20 million …": the later sums are its parts.
        if len(mine) >= 2 and OPENS_WITH_WHOLE.match(text[start : mine[0].start]):
            later = [f for f in mine[1:] if f.index not in links]
            kept: list[Found] = []
            for f in later:
                if fits([*kept, f], mine[0]):
                    kept.append(f)
            if kept and not any(w == mine[0].index for w, _ in links.values()):
                attach(kept, mine[0], said(n))
                continue
        # "This includes $185,000 for …": the sums here (or in the list under it) are parts.
        if POINTER.match(sentence) or (mine and PART_OF_THIS.match(sentence)):
            parts = mine or listed
            whole = (holder(parts, n) or headline(parts, n)) if parts else None
            if whole is not None:
                ns = [n, *(p.sentence for p in parts)]
                attach(parts, whole, said(whole.sentence, *ns))
            continue
        # "… will invest:" and a list of sums, with no sum of its own: the sum it names, or
        # the nearest before that holds them where it says the list breaks money down.
        # Failing every sum of the list, the sum each item opens with: "* $300 million for
        # Local Jobs … projects of up to $2 million … will include $60 million for …".
        for parts in (listed, _leading(text, listed)) if not mine else ():
            if len(parts) < 2:
                continue
            whole = _named(text, sentence, amounts, found, n, links)
            if whole is None and BREAKS_DOWN.search(sentence):
                whole = holder(parts, n)
            if whole is not None and attach(
                parts, whole, said(whole.sentence, n, *(p.sentence for p in parts))
            ):
                break
    for at, f in enumerate(found):
        if f.index not in links and not any(w == f.index for w, _ in links.values()):
            _paragraph_sum(text, amounts, found, at, links, attach)
    for at, f in enumerate(found):
        opening = text[spans[f.sentence][0] : f.start]
        if (
            f.index not in links
            and re.match(r"(?:this|that|it|these|which)\b", opening, re.I)
            and BRINGS_TOTAL.search(opening)
        ):
            earlier = [
                g
                for g in found[:at]
                if f.sentence - _BACK <= g.sentence <= f.sentence
                and g.index not in links
                and not any(w == g.index for w, _ in links.values())
            ]
            part = next((g for g in reversed(earlier) if fits([g], f)), None)
            if part is not None:
                attach([part], f, said(part.sentence, f.sentence))
    for at, f in enumerate(found):
        tail = text[f.start + len(amounts[f.index].text) :][:40]
        # "$900,000 of this will go to …".
        if f.index not in links and OF_THIS_AFTER.match(tail):
            whole = next(
                (
                    g
                    for g in reversed(found[:at])
                    if f.sentence - g.sentence <= _BACK and g.index not in links and fits([f], g)
                ),
                None,
            )
            if whole is not None:
                attach([f], whole, said(whole.sentence, f.sentence))
        # A table's "Total" line and the rows above it that add up to it.
        line_start = raw.rfind("\n", 0, f.start) + 1
        if f.index not in links and TOTAL_LINE.search(raw[max(0, line_start - 1) : f.start]):
            _table(amounts, found, at, links, attach, said)


def _leading(text: str, listed: Sequence[Found]) -> list[Found]:
    """Return the list's sums that open their item (the first sum of each line), where some
    item holds more than one: the others are its own parts, caps or rates."""
    firsts: dict[int, Found] = {}
    for f in listed:
        firsts.setdefault(text.rfind("\n", 0, f.start), f)
    leading = list(firsts.values())
    return leading if len(leading) < len(listed) else []


def _named(
    text: str,
    sentence: str,
    amounts: Sequence[Amount],
    found: Sequence[Found],
    n: int,
    links: dict[int, tuple[int, str]],
) -> Found | None:
    """Return the sum written right before a name that a list's opening sentence repeats."""
    earlier = [f for f in found if f.sentence < n and f.index not in links]
    for name in _NAME.findall(sentence):
        words = name.split()
        # "Under Living Longer Living Better the Government": its longest run written after a sum
        runs = [
            " ".join(words[i : i + size])
            for size in range(len(words), 1, -1)
            for i in range(len(words) - size + 1)
            if words[i][0].isupper() and words[i + size - 1][0].isupper()
        ]
        for run in runs:
            if len(run) < 8:
                continue
            for f in reversed(earlier):
                after = text[f.start + len(amounts[f.index].text) :][: 20 + len(run)]
                if run.lower() in " ".join(after.split()).lower():
                    return f
    return None


def _paragraph_sum(
    text: str,
    amounts: Sequence[Amount],
    found: Sequence[Found],
    at: int,
    links: dict[int, tuple[int, str]],
    attach: Callable[[Sequence[Found], Found, str], bool],
) -> None:
    """Link the run of sums after a larger one, in its paragraph, that adds up to it exactly."""
    whole = found[at]
    total = amounts[whole.index]
    slack = rounding(total)
    for skip in (1, 2, 3):
        running, parts = 0, []
        for f in found[at + skip : at + skip + _TABLE_ROWS]:
            a = amounts[f.index]
            # In its paragraph; or, right after it, in the next few one-sentence paragraphs.
            apart = "\n\n" in text[whole.start : f.start]
            if apart and (skip > 1 or f.sentence - whole.sentence > _BACK + 1):
                break
            if f.index in links:
                break
            if a.currency != total.currency or a.value >= total.value or a.value == 0:
                break
            running += a.value
            parts.append(f)
            if running >= total.value - slack:
                break
        if len(parts) >= 2 and abs(running - total.value) <= slack:
            words = " + ".join(amounts[p.index].text for p in parts)
            attach(parts, whole, f"{words} add up to {total.text}")
            return


def _table(
    amounts: Sequence[Amount],
    found: Sequence[Found],
    at: int,
    links: dict[int, tuple[int, str]],
    attach: Callable[[Sequence[Found], Found, str], bool],
    said: Callable[..., str],
) -> None:
    """Link to a "Total" line's sum the run of rows just above it that adds up to it."""
    whole = found[at]
    total = amounts[whole.index]
    running, rows = 0, []
    for f in reversed(found[max(0, at - _TABLE_ROWS) : at]):
        a = amounts[f.index]
        if a.currency != total.currency or a.value >= total.value or f.index in links:
            return
        running += a.value
        rows.append(f)
        if len(rows) >= 2 and abs(running - total.value) <= _TABLE_SLACK * total.value:
            evidence = " + ".join(amounts[r.index].text for r in reversed(rows))
            evidence += f" add up to the total {total.text}"
            if running <= total.value:
                attach(rows, whole, evidence)
            else:  # rounded rows may overshoot their total a little: the table says they are it
                for r in rows:
                    links[r.index] = (whole.index, evidence)
            return
        if running > total.value * (1 + _TABLE_SLACK):
            return
