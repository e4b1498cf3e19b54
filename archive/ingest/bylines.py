"""Tell a byline however scanned ("Stateirent by the Prime ?-Tinister"); a title of bylines."""

from __future__ import annotations

import difflib
import re

# What a release calls itself before "by" or "from": "Statement by ...", "Tribute from ..."
_KINDS = ("statement", "comment", "message", "tribute", "address", "remarks", "speech")
_LINKS = ("by", "from")
# Who: an office or a style, however misread ("Prinic", "Minisfex", "?-Tinister")
_OFFICES = ("prime", "minister", "treasurer", "senator")
_STYLES = {"mr", "mrs", "ms", "sir", "dr", "hon", "rt", "thon", "senator"}
# The small words a byline has between its kind and its name
_SMALL = {"by", "from", "the", "for", "of", "and", "on", "to", "acting", "deputy"}
_KIND_LIKE = 0.8
_SCANNED_LIKE = 0.85  # a word alone, with no byline after it to confirm it: "SETTLEMENT" is none
_OFFICE_LIKE = 0.7
_MOST_TOKENS = 14  # a byline is a line; a longer one is a sentence
_SHORTEST_KIND, _LONGEST_KIND = 5, 12  # letters the kind word may have as scanned


def scanned_byline(line: str) -> bool:
    """Tell "Statement by the Prime Minister, Mr. Harold Holt" however the scan spelled it."""
    tokens = line.split()
    if not 3 <= len(tokens) <= _MOST_TOKENS:
        return False
    letters = re.sub(r"[^a-z]", "", line.lower())  # "Statem~ ent b~ y" reads "statementby"
    if not any(
        letters.startswith(link, cut) and _like(letters[:cut], _KINDS, _KIND_LIKE)
        for cut in range(_SHORTEST_KIND, _LONGEST_KIND + 1)
        for link in _LINKS
    ):
        return False
    words = [re.sub(r"[^A-Za-z]", "", t) for t in tokens[1:]]
    who = any(w.lower() in _STYLES or _like(w.lower(), _OFFICES, _OFFICE_LIKE) for w in words if w)
    return who and sentence_words(line) <= 1


def sentence_words(line: str) -> int:
    """Count a sentence's own words in a line: in lower case, neither small nor an office's.

    "Statement by the Minister was welcomed by growers ..." has five: a sentence, not a byline.
    """
    words = [re.sub(r"[^A-Za-z]", "", t) for t in line.split()[1:]]
    return sum(
        1
        for w in words
        if len(w) >= 3
        and w[:1].islower()
        and w.lower() not in _SMALL
        and not _like(w.lower(), _OFFICES, _OFFICE_LIKE)
    )


def kind_like(word: str) -> bool:
    """Tell a release's kind word however scanned: "SATATEMENT", "STATMENT", "STATEMTN"."""
    word = re.sub(r"[^a-z]", "", word.lower())
    return len(word) >= _SHORTEST_KIND and _like(word, ("statement", "tribute"), _SCANNED_LIKE)


def joint_like(word: str) -> bool:
    """Tell "joint" however scanned: "JONT", "J0INT"."""
    letters = re.sub(r"[^a-z0-9]", "", word.lower()).replace("0", "o")
    return _like(letters, ("joint",), _SCANNED_LIKE)


def _like(word: str, choices: tuple[str, ...], cutoff: float) -> bool:
    return bool(difflib.get_close_matches(word, choices, 1, cutoff))


# A title that names only who issued the release: "FROM THE ACTING PRIME MINISTER, MR LIONEL
# BOWEN", "JOINT STATEMENT FROM THE PRIME MINISTER AND THE MINISTER FOR TRANSPORT AND
# COMMUNICATIONS, THE HON RALPH WILLIS", "STATEMENT BY THE DEPUTY PRIME MINISTER"
_ISSUED = re.compile(
    r"^(?:(?:joint\s+)?(?:press\s+|media\s+)?(?:statement|release|message|comment|tribute|remarks)\s+)?"
    r"(?:issued\s+)?(?:by|from)\s+",
    re.IGNORECASE,
)
# A word of a name or a portfolio: in capitals or a link, never a headline's "on", "to", "at"
_NAMED = (
    r"(?!(?:on|to|at|in|about|re|over|with|after|before|concerning|regarding|visits?)\b)"
    r"(?:(?-i:[A-Z][\w'’.-]*)|and|of|the|&)"
)
_WHO_PART = re.compile(
    r"^(?:[,;&]|and\b|the\b|acting\b|deputy\b|assistant\b|prime\s+minister\b|treasurer\b"
    r"|attorney-general\b|leader\s+of\s+the\s+\w+\b|m\.?\s?p\b\.?|of\s+australia\b"
    rf"|(?:senator|mrs?|ms|sir|dr|(?:the\s+)?(?:rt\.?\s+|right\s+)?hon(?:ourable|\.)?)\.?(?:\s+{_NAMED}){{1,4}}?(?=\s*(?:$|,|;|\band\b|\bm\.?\s?p\b))"
    rf"|(?:minister|secretary|premier|chairman)(?:\s+(?:for|of|to|assisting)\b(?:\s+(?!and\s+the\b|the\s+hon\b){_NAMED}){{1,6}}?(?=\s*(?:$|,|;|\band\s+the\b)))?)\s*",
    re.IGNORECASE,
)
_MOST_WHO = 30  # words: a title this long says more than who issued it


def issuer_only(title: str) -> bool:
    """Tell a title that is only who issued the release, however many offices and names it holds."""
    lead = _ISSUED.match(title)
    if not lead or len(title.split()) > _MOST_WHO:
        return False
    rest = title[lead.end() :].strip()
    if not rest:
        return False
    while rest:
        part = _WHO_PART.match(rest)
        if not part or not part.group():
            return False
        rest = rest[part.end() :]
    return True
