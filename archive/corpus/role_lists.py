"""Where an amount stands in a release's lists, as features for the trained role model.

A release that announces a package often breaks it down in a list under a sentence ending in a
colon ("The key features of the reform package include:", "The Jobs Fund includes three
streams:"); the sums that open the list's items are then parts of the package, where the list
of grants under "Major election commitments delivered in this Budget include:" holds money
announced in its own right. Whether an amount opens an item, and what the list's opening
sentence says (that it breaks money down, that it names a sum or a programme of its own), tell
the model (archive/corpus/role_model.py) which it is; the money relations link a part to its
whole only where the sums add up (archive/corpus/money_structure.py).
"""

from __future__ import annotations

import re

from archive.corpus.lines import _ITEM

_MONEY = re.compile(r"[£$€]\s?\d|\b(?:A|NZ|US)\$|\bRs\.?\s?\d")
_BREAKS_DOWN = re.compile(
    r"\b(?:includ\w*|as\s+follows|following|compris\w*|made\s+up\s+of|consists?\s+of|"
    r"key\s+(?:features|elements|measures)|elements|streams|components|initiatives)\b",
    re.I,
)
_PROGRAMME = re.compile(
    r"\b(?:package|plan|fund|program(?:me)?|commitment|initiative|strategy|investment|"
    r"funding|budget|measures)\b",
    re.I,
)
_REACH = 2000  # characters back an item's list may have opened


def list_shape(text: str, start: int) -> str:
    """Name, space-separated, where an amount at text[start] stands in a list: `item` (it is in
    a list's item), `lead` (the first sum of its item's line), and of the list's opening
    sentence (the nearest line before the list that ends in a colon): `intro`,
    `intro_breaks`, `intro_sum`, `intro_named`. "" where the amount is in no list.

    text: as written, each line apart. An item is a line that opens with a list mark (a
    release's own text: "* $67 million to fund …", a blank line between items), or a line of a
    block of several lines right after a line ending in a colon (a Markdown list rendered to
    plain text, archive/corpus/parse.py, its marks gone).
    """
    if start < 0:
        return ""
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:start]
    block_start = text.rfind("\n\n", 0, start)
    block_start = 0 if block_start < 0 else block_start + 2
    block_end = text.find("\n\n", start)
    block = text[block_start : len(text) if block_end < 0 else block_end].strip("\n")
    if _ITEM.match(line.lstrip()):
        intro = _opening(text, line_start)
    elif "\n" in block and text[:block_start].rstrip().endswith(":"):
        intro = text[:block_start].rstrip()
        intro = intro[intro.rfind("\n") + 1 :]
    else:
        return ""
    out = ["item"]
    if not _MONEY.search(line):
        out.append("lead")
    if intro:
        sentence = re.split(r"(?<=[.!?])\s+", intro)[-1]
        out.append("intro")
        if _BREAKS_DOWN.search(sentence):
            out.append("intro_breaks")
        if _MONEY.search(sentence):
            out.append("intro_sum")
        if _PROGRAMME.search(sentence):
            out.append("intro_named")
    return " ".join(out)


def _opening(text: str, line_start: int) -> str:
    """Return the line that opens the list an item's line is in (walking back over the other
    items and blank lines), where it ends in a colon; else ""."""
    at = line_start
    while at > 0 and line_start - at < _REACH:
        previous = text.rfind("\n", 0, at - 1) + 1
        above = text[previous : at - 1].strip()
        at = previous
        if not above or _ITEM.match(above):
            continue
        return above if above.endswith(":") else ""
    return ""
