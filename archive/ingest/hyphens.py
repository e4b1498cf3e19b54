"""Join a wrapped line to the one before, mending a word hyphenated at the line's end."""

from __future__ import annotations

import functools
import re

_HYPHENATED = re.compile(r"(?<=[A-Za-z])[-\u00ad]$")
_ENDINGS = (
    ("s", ""),
    ("es", ""),
    ("ed", ""),
    ("ed", "e"),
    ("er", ""),
    ("er", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("al", ""),
)


def join_lines(before: str, after: str) -> str:
    """Join a wrapped line to the one before, mending a word hyphenated at the line's end."""
    if _HYPHENATED.search(before) and after[:1].islower():
        head = re.findall(r"[A-Za-z]+(?=-$)", before)
        tail = re.match(r"[a-z]+", after)
        # A compound broken at its own hyphen keeps it: "dual-" + "encoder", not "dualencoder".
        if head and tail and _compound(head[0].lower(), tail.group()):
            return before + after
        return before[:-1] + after
    if _HYPHENATED.search(before) and after[:1].isupper():
        return before + after  # "Soekarno-" + "Hatta"
    if re.search(r"\d[-–]$", before) and after[:1].isdigit():
        return before + after  # a law's number or a range of years: "P.L. 110-" + "343"
    return f"{before} {after}"


def _compound(head: str, tail: str) -> bool:
    """Both halves are words and their join is not: the hyphen is the compound's own."""
    return (
        min(len(head), len(tail)) >= 3 and _known(head) and _known(tail) and not _known(head + tail)
    )


def _known(word: str) -> bool:
    """A word of the list, or one with a common ending added ("using", "encoder", "mented")."""
    words = _english()
    stems = [word]
    for end, back in _ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 2:
            stems.append(word[: -len(end)] + back)
    return any(stem in words for stem in stems)


@functools.cache
def _english() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2", "gcide"], lower=True, alpha=True))
