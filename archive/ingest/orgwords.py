"""Tell by its words whether a phrase ending in an organisation's head word names no body."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

# A minister's portfolio inside a phrase: "Senator Cook Minister for Administrative Services".
_PORTFOLIO = re.compile(r"\bMinister\s+(?:for|of|assisting)\b")
# A kind of service in two words: "Active Service", "General Service", "Divine Service"; initials
# in capitals name a body's ("ACTU Service"), and a plural may open a longer name ("Joint
# Services Staff College").
_SERVICE_KIND = re.compile(r"^(?![A-Z]{2,}\s)\S+\s+Service$")
# A partnership ends a programme's or a relationship's name far more often than a body's
# ("Equal Futures Partnership", "Forest Carbon Partnership"); one "for" or "of" something goes on.
_PARTNERSHIP = re.compile(r"\bPartnership$")
# A centre that is a building or a place, not a body: "Ravensthorpe Entertainment Centre".
_FACILITY = re.compile(
    r"\b(?:Entertainment|Shopping|Commercial|Transaction|Convention|Exhibition|Civic|Aquatic"
    r"|Leisure|Visitors?['’]?|Call|Detention|Processing|Operations|Distribution|Function"
    r"|Conference|Sports?|Recreation|Service|Town|City)\s+Centre$"
)


@cache
def lower_words() -> frozenset[str]:
    """Return the words the releases write in lower case far more often than capitalised."""
    text = resources.files("archive.ingest").joinpath("lowercase_words.txt").read_text("utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


# Where a capital is no sign of a name: a line's opening (after a bullet) or a sentence's.
_OPENING = re.compile(r"(?:^|\n|\||[.!?:;][\"”’')]?\s)\s*(?:[-•*–·]\s*)?$")


def at_opening(text: str, at: int) -> bool:
    """Tell whether a phrase starting at `at` opens a line or a sentence of the text."""
    return bool(_OPENING.search(text, max(0, at - 8), at))


def strip_lead(name: str) -> str:
    """Take off the opening words of a phrase opening a line or a sentence that no name opens with.

    "Morning Visit Australian War Memorial" (a line of a programme) is the Australian War
    Memorial; "Neither Australia", "- Require NBN Co to ..." open with words the releases write in
    lower case; inside a sentence a capital is the name's own ("the next Beef Australia expo").
    """
    words = name.split()
    while len(words) > 1 and words[0].lower() in lower_words() and words[0][:1].isupper():
        words.pop(0)
        while len(words) > 1 and words[0] in ("and", "of", "for", "the", "&"):
            words.pop(0)  # "Advise and Assist Mission"
    return " ".join(words)


def names_no_body(name: str) -> bool:
    """Tell whether a phrase with an organisation's head word still names no body."""
    return bool(
        _PORTFOLIO.search(name)
        or _SERVICE_KIND.match(name)
        or _PARTNERSHIP.search(name)
        or _FACILITY.search(name)
    )


# A country or a state after a comma closing a name "of" something: "Institution of Engineers,
# Australia", "University of Technology, Western Australia"; not where a list or a clause goes on.
_COMMA_PLACE = re.compile(
    r",[ \t]+(?P<place>(?:Western\s+|South\s+)?Australia|New\s+South\s+Wales|Victoria|Queensland"
    r"|Tasmania|Northern\s+Territory|New\s+Zealand)(?![\w'’-])"
    r"(?![ \t]*(?:,(?![ \t]+(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame)\b)|and\b|[A-Z]))"
)
# The head of a list of fields a name opens with: "Australian Science, Technology and
# Engineering Council" (found as "Technology and Engineering Council"), after a lower-case word.
# not a role before a body ("Chairman, Angus and Robertson Ltd"), a body, a portfolio or a
# people's adjective ("Australian, Postal and ...")
_NOT_LIST_HEAD = re.compile(
    r"\b(?:Minister|Department|Council|Commission|Board|Hospital|University|College|School"
    r"|Institute|Centre|Authority|Police|Services|Agency|Bureau|Company|Ltd|Limited|Church"
    r"|Chair(?:man|woman|person)?|Director"
    r"|Manager|President|Executive|Officer|Secretary|CEO|Coordinator|Head|Education|A[MOC])\b"
    r"|^[A-Z][a-z]+(?:an|ese|ish)$"
    # a government, a party or a place: "Commonwealth, Tasmania and Launceston City Council"
    r"|\b(?:Commonwealth|Federal|State|Territory|Liberal|Labor|National|Tasmania|Victoria"
    r"|Queensland|Australia|Wales|Canberra|Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart)\b"
)
_LIST_OPENING = re.compile(r"(?<=[a-z,(] )((?:[A-Z][\w'’-]*[ \t]+){0,2}[A-Z][a-z][\w'’-]*),[ \t]+$")


def join_adjacent(text: str, found: dict[str, int], ends: dict[str, int]) -> None:
    """Make one name of two found side by side: "Joint Services" + "Staff College"; keep the
    country a name "of" something closes with after a comma."""
    for name, end in list(ends.items()):
        place = _COMMA_PLACE.match(text, end)
        # (not a name that holds its country already: "Council of Australian Governments")
        if name in found and place and re.search(r"\sof\s", name) and "Australia" not in name:
            found[f"{name}, {' '.join(place['place'].split())}"] = found.pop(name)
        head = _LIST_OPENING.search(text, max(0, found.get(name, 0) - 60), found.get(name, 0))
        before = text[: head.start(1)].split()[-1:] if head else []
        if before and not re.fullmatch(r"[a-z]+|.*[,(]", before[0]):
            head = None  # the word before is no lower-case one: "Nadine Flood, Community ..."
        if name in found and head and re.match(r"[A-Z][\w'’-]*\s+and\s", name):
            if not _NOT_LIST_HEAD.search(head[1]):
                found[f"{head[1]}, {name}"] = head.start(1)
                found.pop(name)
    by_start = {at: name for name, at in found.items()}
    for name, end in list(ends.items()):
        if name not in found:
            continue
        gap = re.match(r"[ \t]+", text[end:])
        following = by_start.get(end + len(gap.group())) if gap else None
        if following and following in found and following != name:
            found[f"{name} {following}"] = found.pop(name)
            found.pop(following)


def trim_to(name: str, short: str) -> str:
    """Cut a name before "(LGA)" back to the words its initials stand for.

    "Talks with the Local Government Association" becomes Local Government Association.
    """
    words = name.split()
    while len(words) > 1 and words[0][:1] != short[:1].upper():
        words.pop(0)
    return " ".join(words)


def mostly_lower(name: str) -> bool:
    """Tell whether most of a phrase's words are written in lower case."""
    words = name.split()
    return sum(1 for w in words if w[:1].islower()) * 2 > len(words)
