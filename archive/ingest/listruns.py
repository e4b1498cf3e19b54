"""Read a list whose markers the text lost from its lines' layout: how items close and lead."""

from __future__ import annotations

import re

# a list's lead closes on a colon, or on the colon and dash older typing used: "in the areas of:-"
_LEAD = re.compile(r":\s?[-–—]?$")
# an item closes on ";" (or "; and", "; or") as the list goes on
_ITEM_END = re.compile(r";(?:\s+(?:and|or))?$")
_WINDOW = 4  # lines either side of a seam that are read for the run
_RUN = 3  # lines closing on ";" among them that make a list, not a sentence's clauses


def lead(unit: str) -> bool:
    """Tell a line that leads into a list: it closes on ":" or ":-"."""
    return bool(_LEAD.search(unit))


def semicolon_items(lines: list[str]) -> set[int]:
    """Return the indices of lines that open a list's item after an item closed on ";".

    A wrapped sentence's line closes on ";" only where the wrap falls by chance on a clause's end;
    three lines or more closing so within a few lines of each other are the items of a list, one
    to a line or wrapped, whose bullets the scan or the page lost: "Joined ... Department of" /
    "National Development;" / "moved to Treasury in 1963;" / "Treasury representative ...;".
    """
    ends = [bool(_ITEM_END.search(line)) for line in lines]
    opened: set[int] = set()
    for j in range(1, len(lines)):
        if not ends[j - 1] or not lines[j][:1].isalnum():
            continue
        if sum(ends[max(0, j - _WINDOW) : j + _WINDOW]) >= _RUN:
            opened.add(j)
    return opened
