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


# a line closing a sentence, or a clause a list goes on from
_STOPPED = re.compile(r"[.!?;][\"”’')\]]*$")
# a lead in words, not a mark: "The members of the Board are" / "The Ministry is as follows"
_WORD_LEAD = re.compile(r"\b(?:are|is|were|follows|following|be)\s?[:-]?$", re.IGNORECASE)
# an item closes on no such word; a line that does goes on: "... activity. In" / "Ghazni ..."
_OPEN = re.compile(r"\b(?:and|or|of|the|a|an|to|for|with|by|from|in|on|at)$", re.IGNORECASE)
_SHORT = 0.75  # of the text's measure: a list's line, not a wrapped paragraph's
_FULL = 0.85  # of the measure: an item's line that wraps onto the next


def _measure(lines: list[str]) -> int:
    """Return the text's measure: the median length of its lines of five words or more."""
    widths = sorted(len(line) for line in lines if len(line.split()) >= 5)
    return widths[len(widths) // 2] if len(widths) >= 4 else 0


def _leads(line: str) -> bool:
    """Tell a line a list may follow: a lead, or a paragraph's last line, closed on a stop."""
    return lead(line) or bool(_WORD_LEAD.search(line)) or bool(_STOPPED.search(line))


def unmarked_items(lines: list[str]) -> set[int]:
    """Return the indices of lines that are items of a list with no mark at all, one to a line.

    The line after each such list, which opens a paragraph, is given as -(index + 1).

    A ministry's posts and names, a board's members, organisations: three lines or more in a row,
    each well short of the text's measure, opening in capitals and closing on no stop, after a lead
    or a paragraph's close and before more text. A wrapped paragraph's lines run near the measure;
    a heading is one line; a signature block closes the text (none of them is taken).
    """
    width = _measure(lines)
    if not width:
        return set()

    def short(line: str) -> bool:
        return (
            len(line) <= 1.05 * width
            and line[:1].isupper()
            and not _STOPPED.search(line)
            and not _OPEN.search(line)
            and not lead(line)
        )

    taken: set[int] = set()
    j = 1
    while j < len(lines):
        if not short(lines[j]) or not _leads(lines[j - 1]):
            j += 1
            continue
        end = j
        # a line the next goes on from in lower case is a sentence's: "In addition, ... will"
        while (
            end < len(lines)
            and short(lines[end])
            and not (end + 1 < len(lines) and lines[end + 1][:1].islower())
            # two wide lines in a row are a paragraph's wrapping, not two items
            and not (end + 1 < len(lines) and min(map(len, lines[end : end + 2])) > _SHORT * width)
        ):
            end += 1
        # three items or more, mostly not in capitals (headings, a letterhead), and prose after
        # them (a signature or an address block before a letter's next part is furniture's)
        run = lines[j:end]
        capitals = sum(1 for line in run if _capitals(line))
        narrow = sum(1 for line in run if len(line) <= _SHORT * width)
        if (
            len(run) >= _RUN
            and 3 * capitals <= len(run)
            and 3 * narrow >= 2 * len(run)  # wrapped prose runs near the measure
            and end < len(lines)
            and _prose(lines[end])
        ):
            taken.update(
                k
                for k in range(j, end)
                # an item wrapped at the measure: "... Business-and Professional" / "Women"
                if not (k > j and len(lines[k - 1]) >= _FULL * width and len(lines[k].split()) <= 2)
            )
            taken.add(-end - 1)  # the text after the list opens a paragraph (marked negative)
        j = end + 1
    return taken


def _capitals(line: str) -> bool:
    """Tell a line in capitals throughout: a heading's or a letterhead's, not a list's item."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _prose(line: str) -> bool:
    """Tell a line of running text: five words or more, three of them opening in lower case."""
    parts = line.split()
    return len(parts) >= 5 and sum(1 for w in parts if w[:1].islower()) >= 3
