"""Shapes of sentence around an amount that tell its role, as features for the trained model.

The words either side of an amount (archive/corpus/role_model.py) say much, but a few shapes say
more than any one word: the verb that governs the amount, a rate ("a year", "per cent of GDP"),
"worth" or "the cost of" right before it, a whole written as "a total of" or "a combined", its
parts as "including" or "of which", money said to build on or add to other money, and who the
sentence's subject is (a government, a company, an economy). Each is a rule for a shape of text,
never for a record; the model learns how much each counts from the hand-labelled set.
"""

from __future__ import annotations

import re

# Words that stand between a verb and its amount without changing what the amount is.
_FILLER = frozenset(
    "a an the of about around approximately almost nearly some more than over over up to "
    "at least additional extra further new another total record estimated around just "
    "its their our his her a further an additional".split()
)
_VERBISH = re.compile(
    r"^(?:[a-z]+(?:ed|ing|es)|invest|provide|spend|commit|allocate|give|pay|award|grant|"
    r"contribute|fund|cost|save|cut|raise|reach|earn|lose|receive|deliver|pledge|offer|"
    r"make|bring|take|add|spent|paid|gave|made|lost|brought|took|rose|fell|grew|won|sold|"
    r"bought|worth|total|totals|is|are|was|were|be|been|will|would)$"
)
_SHAPES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    # (name, where: b = before the amount, a = after it, s = its sentence, pattern)
    ("worth", "b", re.compile(r"\b(?:worth|valued\s+at|value\s+of)\s+(?:\w+\s+){0,2}$", re.I)),
    (
        "cost_of",
        "b",
        re.compile(
            r"\b(?:(?:the|a|at\s+a)\s+(?:\w+\s+)?cost\s+of|costing|cost)\s+"
            r"(?:\w+\s+){0,3}$",
            re.I,
        ),
    ),
    ("estimated", "b", re.compile(r"\bestimated\b", re.I)),
    ("towards_cost", "a", re.compile(r"^\W*(?:\w+\s+){0,3}towards?\s+the\s+(?:\w+\s+)?cost", re.I)),
    (
        "a_year",
        "a",
        re.compile(
            r"^\W*(?:(?:a|per|each|every)\s+(?:year|annum|month|week)|"
            r"annually|p\.?a\.?)\b",
            re.I,
        ),
    ),
    (
        "over_years",
        "a",
        re.compile(
            r"^\W*(?:\w+\s+){0,2}over\s+(?:the\s+)?(?:next\s+)?"
            r"(?:\w+\s+)?(?:years|months)",
            re.I,
        ),
    ),
    ("gdp", "s", re.compile(r"\b(?:per\s+cent|%)\s+of\s+(?:GDP|gross)", re.I)),
    (
        "up_to",
        "b",
        re.compile(
            r"\b(?:up\s+to|maximum\s+of|capped\s+at|cap\s+of|no\s+more\s+than|"
            r"not\s+exceed\w*|less\s+than|more\s+than|above|below|under)\s+$",
            re.I,
        ),
    ),
    (
        "each",
        "a",
        re.compile(r"^\W*(?:\w+\s+){0,2}(?:each|per\s+\w+|for\s+every|a\s+head)\b", re.I),
    ),
    (
        "total_of",
        "b",
        re.compile(
            r"\b(?:a\s+total\s+of|totall?ing|in\s+total|combined|all\s+up|"
            r"bring(?:s|ing)?\s+(?:\w+\s+){0,6}to|total\s+\w*\s*(?:of|to)|"
            r"takes?\s+(?:\w+\s+){0,6}to)\s+(?:\w+\s+){0,2}$",
            re.I,
        ),
    ),
    (
        "includes_after",
        "a",
        re.compile(
            r"^\W*(?:\w+\s+){0,6}(?:includ\w+|comprising|made\s+up|"
            r"consist\w*)\b|^\W*:",
            re.I,
        ),
    ),
    (
        "including_before",
        "b",
        re.compile(
            r"\b(?:includ\w+|of\s+which|of\s+this|comprising|"
            r"with|and|plus)\s+(?:\w+\s+){0,2}$",
            re.I,
        ),
    ),
    (
        "part_of",
        "a",
        re.compile(
            r"^\W*(?:\w+\s+){0,8}(?:part\s+of|from\s+the|under\s+the|"
            r"through\s+the|out\s+of)\s+(?:\w+\s+){0,3}[£$€]",
            re.I,
        ),
    ),
    (
        "part_of_whole",
        "s",
        re.compile(
            r"\b(?:part\s+of|under|through|from)\s+(?:the\s+)?"
            r"(?:\w+(?:'s|’s)?\s+){0,3}[£$€]",
            re.I,
        ),
    ),
    (
        "on_top",
        "s",
        re.compile(
            r"\b(?:builds?\s+on|on\s+top\s+of|in\s+addition\s+to|"
            r"additional\s+to|complements?|follows?)\b",
            re.I,
        ),
    ),
    (
        "further",
        "b",
        re.compile(r"\b(?:further|additional|extra|another|more)\s+(?:\w+\s+)?$", re.I),
    ),
    ("from_to", "b", re.compile(r"\bfrom\s+[£$€]?[\d.,]+\s*(?:\w+\s+)?to\s+$", re.I)),
    ("by_amount", "b", re.compile(r"\b(?:by|of)\s+(?:about\s+|around\s+|some\s+)?$", re.I)),
    (
        "gov_subject",
        "s",
        re.compile(
            r"\b(?:the\s+(?:\w+\s+){0,2}government|commonwealth|"
            r"federal|minister|department|we\s+will|i\s+am\s+pleased|"
            r"we\s+have|i\s+announce)\b",
            re.I,
        ),
    ),
    (
        "private_subject",
        "s",
        re.compile(
            r"\b(?:company|companies|ltd|limited|pty|corporation|"
            r"consortium|bank|investors?|industry|private|sponsor\w*|"
            r"donat\w+|appeal|raised|raising)\b",
            re.I,
        ),
    ),
    (
        "economy",
        "s",
        re.compile(
            r"\b(?:economy|economic|trade|exports?|imports?|GDP|market|"
            r"debt|deficit|revenue|tax\w*|prices?|wages?|income|"
            r"households?|families)\b",
            re.I,
        ),
    ),
    (
        "past_level",
        "s",
        re.compile(
            r"\b(?:since\s+(?:19|20)\d\d|last\s+year|so\s+far|"
            r"to\s+date|in\s+(?:19|20)\d\d(?:-\d\d)?|has\s+(?:grown|"
            r"risen|increased|fallen)|record)\b",
            re.I,
        ),
    ),
    (
        "cut_words",
        "s",
        re.compile(
            r"\b(?:cut|cuts|savings?|saved?|reduc\w+|withdr\w+|"
            r"withheld|scrap\w*|abolish\w*|axed?|slash\w*|removed?)\b",
            re.I,
        ),
    ),
    (
        "opposition",
        "s",
        re.compile(
            r"\b(?:labor|coalition|opposition|liberals?|"
            r"mr\s+(?:hewson|howard|abbott|shorten|beazley|latham))\b"
            r"(?:'s|’s)?\s+(?:\w+\s+){0,3}(?:would|plan|policy|policies|"
            r"promise|commitment)",
            re.I,
        ),
    ),
    ("prize", "s", re.compile(r"\b(?:prize|award|awards|medal|fellowship|scholarships?)\b", re.I)),
    ("loan", "s", re.compile(r"\b(?:loans?|borrow\w*|guarantee\w*|lend\w*)\b", re.I)),
    ("question", "s", re.compile(r"\?|\b(?:journalist|question|host)\s*:", re.I)),
)


def _stem(word: str) -> str:
    for tail in ("ing", "ed", "es", "s"):
        if word.endswith(tail) and len(word) - len(tail) >= 3:
            return word[: -len(tail)]
    return word


def governing(before: str) -> str | None:
    """Return the verb (stemmed) nearest before an amount in its clause, past filler words."""
    words = re.findall(r"[a-z]+", before.lower())
    for word in reversed(words[-6:]):
        if word in _FILLER:
            continue
        return _stem(word) if _VERBISH.match(word) else None
    return None


_OWNER = re.compile(r"\b([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s?\s+(?:[\w-]+\s+){0,2}$")
_OURS = re.compile(
    r"\b(?:government|commonwealth|australia|nation|federal|budget|state|territory|"
    r"[A-Z][a-z]+\s+(?:government|labor\s+government|coalition\s+government))\b",
    re.I,
)


def owner(before: str) -> str | None:
    """Name whose money an amount is where a possessive says so ("Northrop Grumman's $50m",
    "the Government's $10 billion plan"): ours (a government's), another's, or None."""
    found = _OWNER.search(before[-80:])
    if not found:
        return None
    return "ours" if _OURS.search(found.group(1)) else "another"


def shapes(before: str, after: str, sentence: str) -> list[str]:
    """Name the shapes of text around an amount: its governing verb and the shapes above."""
    out = []
    verb = governing(before)
    if verb:
        out.append(f"gov_{verb}")
    whose = owner(before)
    if whose:
        out.append(f"owner_{whose}")
    where = {"b": before, "a": after, "s": sentence}
    out += [f"sh_{name}" for name, at, pattern in _SHAPES if pattern.search(where[at])]
    out += sorted({f"bs_{_stem(w)}" for w in re.findall(r"[a-z]{3,}", before.lower())})
    return out
