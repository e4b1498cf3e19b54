"""Join the lines of a text wrapped at a fixed width into its paragraphs and list items."""

from __future__ import annotations

import re

from archive.ingest.breaks import (
    LIST_ITEM,
    comma_stop,
    continues,
    flowing,
    flowing_item,
    list_entry,
    list_line,
    margin_mark,
    run_ins_apart,
)
from archive.ingest.crossheads import crossheads_apart
from archive.ingest.linemodel import seam
from archive.ingest.listruns import lead, semicolon_items, unmarked_items
from archive.ingest.webglue import apart

# with the Symbol and Wingdings fonts' bullets as a PDF's text layer gives them (U+F0B7, U+F0A7)
_BULLET = re.compile(r"^(?:[•·▪◦‣*\uf0b7\uf0a7]|[-–—](?=\s))\s*")
_FINAL = re.compile(r"[.!?:;][\"”’')\]]*$")  # a sentence or clause ends here
_ITEM_END = re.compile(r";(?:\s+(?:and|or))?$")
# A scan's margin mark read as "I" at a line's end, after a word no pronoun follows and before the
# sentence's next word in lower case: "... individual Australians and their I" / "willingness ...".
# Not after "a": "... about a I" / "on national television" is a word the scan cut short.
_MARGIN_I = re.compile(r"\b((?i:the|their|our|his|its|of|to|for|with|on|by|from|in))\s+I$")


def words(line: str) -> int:
    """Count a line's words."""
    return len(line.split())


def reflow(lines: list[str], scanned: set[str] | None = None) -> list[str]:
    """Join a line wrapped mid-sentence to the next; each other line is a paragraph or list item.

    scanned: the lines as the scan gave them, where one may hold two paragraphs' lines run together.
    """
    # Text hard-wrapped at a fixed width (scans, e-mails) leaves most long lines open-ended;
    # there a capital letter on the next line is no sign of a new paragraph.
    long = [line for line in lines if words(line) >= 5 and not _BULLET.match(line)]
    wrapped = len(long) >= 4 and sum(1 for line in long if not _FINAL.search(line)) >= 0.4 * len(
        long
    )
    # a web page's paragraphs stand one to a line: there a line in lower case after a colon is an
    # item of a list whose bullets the page's markup held, not the colon's sentence going on
    flows = flowing(lines)
    if flows and not wrapped:  # a web page's blocks glued with no line between them
        lines = apart(lines)
    if (
        wrapped and scanned is not None
    ):  # after the measures above: a run-in line counts as it stood
        lines = crossheads_apart(run_ins_apart(lines, scanned), scanned)
    bulleted: set[int] = set()  # the units that are such items
    units: list[str] = []
    last = ""  # the line before, as it stood: a short one ends its paragraph
    # after a line ending in ":", items ending in ";" ("; and") each open a paragraph of their own,
    # however the next begins: "including:" / "delivery of equipment ...;" / "the provision of ..."
    listing = False
    # whether each unit opened a list's item, or right after the line ending in ":"
    itemised: list[bool] = []
    # items closing on ";" three or more within a few lines are a list, led or not (round 16)
    semicolons = semicolon_items(lines)
    # a list with no mark at all, its short lines one to a line in a wrapped text (round 17)
    bare = unmarked_items(lines) if wrapped else set()
    for index, line in enumerate(lines):
        previous = units[-1] if units else ""
        unmarked = margin_mark(previous, line)
        if unmarked is not None:  # the sentence goes on over a scan's margin mark
            units[-1] = f"{previous} {unmarked}"
            last = line
            continue
        listing = listing and not previous.endswith((".", "!", "?"))
        item = listing and bool(_ITEM_END.search(previous))
        item = item or index in semicolons or index in bare or -index - 1 in bare
        # after "the following issues:", lines each opening in capitals and closing on no mark are
        # the list's items: "A ban on all automatic ... firearms" / "Strict licensing of ..."
        item = item or (listing and bool(itemised) and itemised[-1] and list_line(previous, line))
        flow_item = (
            flows
            and listing
            and bool(itemised)
            and itemised[-1]
            and not _BULLET.match(line)
            and not _BULLET.match(previous)  # "- early intervention ... with family" / "members;"
            and not LIST_ITEM.match(previous)
            and flowing_item(previous, line)
        )
        item = item or flow_item
        joins = (
            not item
            and bool(
                (
                    previous
                    and not _BULLET.match(line)
                    and not _BULLET.match(previous)
                    and not LIST_ITEM.match(line)
                    and not list_entry(last, line)
                    and not _FINAL.search(previous)
                    and not lead(previous)  # "... in the areas of:-" / "employment opportunities;"
                    and (
                        line[:1].islower()
                        or line[:1] in "(,;"
                        or (wrapped and words(last) >= 5 and _full(last, long))
                    )
                )
                or continues(previous, line)
            )
        )
        joins = seam(last, line, joins) if previous and not item else joins
        joins = joins and not (wrapped and comma_stop(last, line))
        if joins:
            kept = _MARGIN_I.sub(r"\1", previous) if line[:1].islower() else previous
            units[-1] = f"{kept} {line}"
        else:
            itemised.append(item or lead(previous))
            if flow_item:
                # the item before it too, if it reads as one (not the line with the colon)
                bulleted.add(len(units))
                if units and flowing_item("", units[-1]) and not lead(units[-1]):
                    bulleted.add(len(units) - 1)
            units.append(line)
        listing = listing or lead(units[-1])
        last = line
    return [f"• {unit}" if i in bulleted else unit for i, unit in enumerate(units)]


def _full(line: str, long: list[str]) -> bool:
    """Tell whether a hard-wrapped line runs to the wrap width (a short one ends a paragraph)."""
    widths = sorted(len(other) for other in long)
    return not widths or len(line) >= 0.6 * widths[len(widths) // 2]
