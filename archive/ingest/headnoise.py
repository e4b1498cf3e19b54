"""Tell a line of noise above a scan's first line of prose by its words: most are no word."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from english_words import get_english_words_set

_TOKENS = 4  # a letterhead or stamp scanned to noise is short: "A WSIVA IA", "UOSYT1VRWALO"
_LETTERS = re.compile(r"[A-Za-z]{3,}")
_MONTHS = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


@cache
def _dictionary() -> frozenset[str]:
    """Return English words: two published dictionaries' lists, and the releases' own words."""
    text = resources.files("archive.ingest").joinpath("lowercase_words.txt").read_text("utf-8")
    own = {w for w in text.split("\n") if w and not w.startswith("#")}
    return frozenset(get_english_words_set(["web2", "gcide"], lower=True) | own | _MONTHS)


def vocabulary(lines: list[str]) -> frozenset[str]:
    """Return the words a text's lines use, folded to lower case."""
    return frozenset(w.casefold() for line in lines for w in _LETTERS.findall(line))


def _known(run: str, words: frozenset[str]) -> bool:
    found = _dictionary()
    stems = {run, run.removesuffix("s"), run.removesuffix("es"), run.removesuffix("ies") + "y"}
    return run in words or any(stem in found for stem in stems)


def head_noise(line: str, words: frozenset[str]) -> bool:
    """Tell a short line most of whose runs of three letters or more are no word of a dictionary
    nor of the text's prose: a letterhead or a stamp the scan read as noise ("A WSIVA IA", "Jjj A
    UST LIA11", "k/ BRAR,"), never a headline or a heading ("INTRODUCTION"), a greeting ("Good
    morning,"), a place or a name the text repeats.
    """
    tokens = line.split()
    found = _LETTERS.findall(line)
    runs = [r.casefold() for r in found]
    if not runs or len(tokens) > _TOKENS or re.search(r"\d{4}", line):
        return False
    if any(r.islower() and _known(r, words) for r in found):
        return False  # a word in lower case is a sentence's fragment: "Icr use of assistid"
    return 2 * sum(_known(r, words) for r in runs) < len(runs)
