"""Take a byline named by its kind, and a web page's closing city, off a title's end.

Round 15's title shapes, counted on every title of the collection (docs/names-round15.md):

- a byline after the headline that says what it is ("statement", "comments", "tribute",
  "remarks", however scanned) and names an office or a style, whoever holds it and however the
  name is written: "LOAN COUNCIL - STATEMENT BY THE CHAIRMAN OF THE AUSTRALIAN LOAN COUNCIL THE
  RT. HON. HAROLD HOLT, M.P. FEDERAL TREASURER", "Prime Minister Missing - Statement by the
  Deputy Prime Minister, John McEwen", "DEATH OF MR. J.S. COCKIE, M.P. - TRIBUTE NY THE PRIME
  MINISTER, MR. HAROLD HOLT";
- a web page's dateline, a city set after the headline with no mark before it: "Statement on
  the presidential elections in Afghanistan Brisbane", "Ratification of International Tropical
  Timber Agreement New York".
"""

from __future__ import annotations

import re

from archive.ingest.bylines import joint_like, kind_like

# where a byline may open: a dash, a bracket or a space, its kind, then "by" or "from"
_KIND_OPEN = re.compile(
    r"(?:\s*[-–—:]\s*|\s*\(\s*|\s+)(?P<kind>[A-Za-z]{5,10})\s+(?:issued\s+)?(?:by|ny|bv|from)\s+",
    re.IGNORECASE,
)
_PLAIN_KINDS = {"comment", "comments", "remarks"}  # kind_like knows statements and tributes
# who: an office or a style
_WHO = re.compile(
    r"\b(?:prime\s+minister|minister|treasurer|premier|chairman|president|leader|senator"
    r"|mrs?|sir|dame|dr|rt|hon|honourable|honorable)\b",
    re.IGNORECASE,
)
# the small words a byline has in small letters ("the Deputy Prime Minister, John McEwen")
_BYLINE_SMALL = {"the", "of", "for", "and", "on", "behalf", "to", "in", "at", "de", "van"}
_MOST_TAIL = 30  # words: a longer tail says more than who issued it
# a head stopping inside its own phrase: "COMMENT BY ... ON", "JOINT PRESS"
_OPEN_END = re.compile(r"\b(?:on|to|of|at|for|about|and|in|the|joint|press|media|a|an)$", re.I)


def kind_tail_off(title: str) -> str:
    """Take a byline that names its kind and its issuer off the end of a title."""
    for opening in _KIND_OPEN.finditer(title):
        kind = opening.group("kind")
        if kind.lower() not in _PLAIN_KINDS and not kind_like(kind):
            continue
        head = title[: opening.start()].strip(" -–—:;,(")
        tail = title[opening.end() :].strip(" ().,;")
        words = tail.split()
        plain = not re.search(r"[-–—:(]", opening.group())
        # after a plain space a kind may be the headline's own ("FINAL STATEMENT BY ... ON THE
        # SENATE ELECTION", "... - AGREED STATEMENT ISSUED BY ...", "JONT STATEMENT BY ...")
        if plain and (
            len(re.split(r"\s[-–—:]\s", head)[-1].split()) < 2
            or re.search(r"\b(?:on|at)\b", tail, re.IGNORECASE)
        ):
            continue
        if (
            not re.search(r"[^\W\d_]{2}", head)
            or joint_like(head.rsplit(None, 1)[-1])
            or _OPEN_END.search(head)
            or len(words) > _MOST_TAIL
            or not _WHO.search(tail)
            or any(w[:1].islower() and w.lower() not in _BYLINE_SMALL for w in words)
        ):
            continue
        return head
    return title


# a byline before the headline, ended by the member's letters (a scan's "N.P" among them) or a
# dash: "STATEMENT BY THE TREASURER, THE HONORABLE WILLIAM MCMAHON, N.P REGIONAL TAXATION OFFICE
# ...", "STATEMENT BY THE MINISTER FOR NATIONAL DEVELOPMENT (HON. DAVID FAIRBAIRN, DFC, MP) -
# COMMONWEALTH OFFERS ...", "STATEMENT BY THE MINISTER FOR NATIONAL DEVELOPMENT - AUSTRALIAN ..."
_KIND_LEAD = re.compile(
    r"^(?P<kind>[A-Za-z]{5,10})\s+(?:issued\s+)?by\s+(?P<who>.{3,150}?)"
    r"(?:[\s,(]+[MN]\.?\s?P\b\.?\)?[,.]?\s+(?:[-–—:]\s+)?|\s+[-–—]\s+)(?P<head>\S.*)$",
    re.IGNORECASE,
)
_OPEN_START = re.compile(r"^(?:on|at|in|to|after|about|for|of|and|with)\b", re.IGNORECASE)
_MOST_WHO = 20
# what follows the member's letters is still the byline: ", ACTING PRIME MINISTER", a date
_HOLDER_GOES_ON = re.compile(
    r"^(?:acting\b|deputy\b|prime\s+minister\b|minister\b|treasurer\b|\d)", re.IGNORECASE
)


def kind_lead_off(title: str) -> str:
    """Take a byline that names its kind and its issuer off the front of a title."""
    lead = _KIND_LEAD.match(title)
    if not lead or not kind_like(lead.group("kind")):
        return title
    who, head = lead.group("who"), lead.group("head").strip()
    words = who.split()
    if (
        len(words) > _MOST_WHO
        or not _WHO.search(who)
        or any(w[:1].islower() and w.lower() not in _BYLINE_SMALL for w in words)
        or re.search(r"\b(?:on|at)\b", who, re.IGNORECASE)  # the statement's subject or place
        or len(head.split()) < 2
        or _OPEN_START.match(head)
        or _HOLDER_GOES_ON.match(head)
    ):
        return title
    return head


_CITY = (
    r"(?:Canberra|Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart|Darwin|New\s+York|London"
    r"|Washington|Beijing|Jakarta|Tokyo|Singapore|Paris)"
)
# the words that lead to a place, so that it is the headline's own: "... in Western Sydney"
_TO_PLACE = re.compile(
    r"^(?:in|for|to|at|of|from|the|a|an|and|on|across|around|near|into|visits?|opens?|all|new"
    r"|with|by|over|about|towards?|through|via|between|leaves|arrives|reaches|returns|welcomes"
    r"|west(?:ern)?|east(?:ern)?|north(?:ern)?|south(?:ern)?|greater|central|regional|radio|abc"
    r"|[\w-]*-western|[\w-]*-eastern)$",
    re.IGNORECASE,
)
_WEB_PLACE = re.compile(rf"^(?P<head>.*\S)\s+(?P<place>{_CITY})$")


def web_place_off(title: str) -> str:
    """Take a city set after a web page's headline with no mark before it off the title."""
    if not re.search(r"[a-z]", title):  # a title in capitals is a scan's: its place is its own
        return title
    tail = _WEB_PLACE.match(title)
    if not tail:
        return title
    words = tail.group("head").split()
    if len(words) < 3 or _TO_PLACE.match(words[-1]) or words[-1].endswith((",", "-", "–")):
        return title
    return tail.group("head")
