"""Where a name of an organisation opens and closes: dates, programme lines, lists of fields."""

from __future__ import annotations

import re
from collections.abc import Iterator

from archive.ingest.orgwords import lower_words

# A month inside a phrase makes it an event, never a body: "the Tax Forum on October 4",
# "the October Future Jobs Forum". March and May are words too ("Long March Committee").
_MONTH = re.compile(
    r"\b(?:January|February|April|June|July|August|September|October|November|December)\b"
)
_ON_A_DAY = re.compile(rf"\s+(?:on|in|of)\s+{_MONTH.pattern}.*$")
# A day's programme line opens with its time and what is done: "Morning Visit Australian War
# Memorial", "Evening Dinner Party", "Afternoon Attend Divine Service".
_PROGRAMME_LINE = re.compile(
    r"^(?:(?:Morning|Afternoon|Evening|Midday|Noon|Night)\s+)+"
    r"(?:(?:Visit|Attend|Call\s+on|Tour|Inspect|Meet|Lunch|Dinner|Depart|Arrive|Address)\s+)?"
    # or with what is done alone: "Arrive Langley Air Force Base" ("Visit Britain" is a body)
    r"|^(?:Arrive|Depart|Attend|Inspect)\s+(?=[A-Z])"
)
# A person's office is no body: "John Anderson's Office"; an office holder's is ("Prime Minister's
# Office", "Postmaster-General's Office", "Premier's Office").
_PERSON_OFFICE = re.compile(
    r"^(?!.*\b(?:Minister|Premier|General|Governor|Treasurer|Secretary|Speaker|President|Leader"
    r"|Commissioner|Chancellor|Director|Registrar|Auditor|Mayor|Administrator|Ombudsman)['’]s)"
    r"(?:[A-Z][a-z]+\s+){1,2}[A-Z][\w-]+['’]s\s+Office$"
)
# After a name "of" or "for" something, the rest of a list of fields: "Bureau of Infrastructure,
# Transport and Regional Economics", "Department of Families, Housing, Community Services and
# Indigenous Affairs". Each field is one to three capitalised words, none a body's or a role's,
# and the list closes with "and" before a lower-case word, a bracket or a stop.
_FIELD = (
    r"(?!(?:The|A|An|Mr|Mrs|Ms|Dr|Sir|Senator|Professor)\b)"
    r"[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){0,2}"
)
_FIELDS_AFTER = re.compile(
    rf"(?P<fields>(?:,[ \t]+{_FIELD}){{1,4}},?[ \t]+(?:and|&)[ \t]+{_FIELD})"
    r"(?=[ \t]*(?:[(.,;:)]|\n|$)|[ \t]+[a-z])"
)
# A social occasion or ministers by portfolio: "Dinner Party", "Ministers for Family Services".
_NO_BODY = re.compile(
    r"^(?:Dinner|Lunch|Luncheon|Garden|Cocktail|Tea|Christmas|Birthday)\s+Party$"
    r"|^Ministers\s+(?:for|of)\s"
)
_NOT_FIELD = re.compile(
    r"\b(?:Council|Commission|Board|Committee|Authority|Agency|Bureau|Institute|University|College"
    r"|Centre|Association|Company|Ltd|Limited|Bank|Minister|Premier|Senator|Party|Government"
    r"|Union|Federation|Society|Foundation|Office|Services?|Corporation|Group|Trust|Tribunal"
    r"|Australia|Queensland|Victoria|Tasmania|Sydney|Melbourne|Canberra|Brisbane|Perth|Adelaide"
    r"|Hobart|Darwin|Zealand|Wales)\b"
)


def trimmed(name: str) -> str | None:
    """Return a name without a programme line's opening, or None where it is dated or a person's."""
    day = _ON_A_DAY.search(name)  # "National Rural Advisory Council on October"
    if day:  # a forum on a day is a meeting: "the Tax Forum on October 4"
        name = name[: day.start()]
        if re.search(r"\b(?:Forum|Summit|Conference|Meeting|Festival|Congress|Convention)$", name):
            return None
    if _MONTH.search(name) or _PERSON_OFFICE.match(name):
        return None
    name = _PROGRAMME_LINE.sub("", name)
    return None if _NO_BODY.search(name) else name


def with_fields(text: str, name: str, end: int) -> str:
    """Return a name "of" something that a list of fields goes on after a comma, taken whole."""
    if not re.search(r"\s(?:of|for)\s", name):
        return name
    m = _FIELDS_AFTER.match(text, end)
    if not m or _NOT_FIELD.search(m["fields"]):
        return name
    return " ".join(f"{name}{m['fields']}".split())


# Head words a scan garbles by one letter, mended before names are read: "Grants Commisnion",
# "Conciliation and Arbitration Commissinn", "Rigby Lirited". Only a capitalised word of the same
# length one letter away, so the text's offsets hold ("Cooperation" is two from "Corporation").
_HEADS = (
    "Commission",
    "Committee",
    "Association",
    "Corporation",
    "Authority",
    "Organisation",
    "University",
    "Federation",
    "Institute",
    "Tribunal",
    "Limited",
    "Council",
    "Foundation",
    "Hospital",
)
_LONG_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]{6,11}(?![\w'’-])")


def _garbled(word: str) -> str | None:
    """Return the head word a word is a scan of, one letter off, if any."""
    for head in _HEADS:
        if len(word) == len(head) and word != head and word[:2] == head[:2]:
            diff = [(a, b) for a, b in zip(word, head) if a != b]
            if len(diff) == 1 and diff[0] != ("z", "s"):  # "Organization" is a spelling
                return head
    return None


def mended(text: str) -> str:
    """Return the text with head words garbled by one letter mended (same length, same offsets)."""
    return _LONG_WORD.sub(lambda m: _garbled(m.group()) or m.group(), text)


# A list of people, each with an office and the body it is held in: "Director, Cyrenian House,
# Perth", "National Director, Drug-ARM Australia", "Managing Director, Florigene Pty Ltd". The body
# runs from the comma to the line's end, a bracket, a place after a comma or the next person.
_OFFICE = (
    r"(?:(?:Group|National|State|Executive|Managing|General|Regional|Deputy|Acting|Founding)\s+)*"
    r"(?:Director|Chairman|Chairwoman|Chairperson|President|Manager|CEO|Chief\s+Executive"
    r"(?:\s+Officer)?|Coordinator|Partner|Founder|Co-Founder|Owner)"
    r"(?:\s+and\s+(?:CEO|Chief\s+Executive(?:\s+Officer)?|Managing\s+Director|Founder))?"
)
_HELD_IN = re.compile(
    rf"(?<![\w-])(?<!the\s)(?<!The\s)(?<!and\s)(?:{_OFFICE}),[ \t]+"
    r"(?P<body>(?!(?:Mr|Mrs|Ms|Dr|Prof|Professor|Sir|Dame|His|Her|The\s+Hon|Senator)\b)"
    r"[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|&|and|of|for)){0,5}?)"
    r"(?=[ \t]*(?:,[ \t]+[A-Z][\w]*(?:[ \t]+[A-Z][\w]*)?[ \t]*(?:\n|\||$|[;.])|[(;]|\n|\||$)"
    r"|[ \t]+(?:Mr|Mrs|Ms|Dr|Professor|Sir|Dame)\b)"
)
# A division's fields, not a body: "Manager, Planning and Evaluation, Conzine Riotinto"
_DIVISION = frozenset(
    "Planning Evaluation Policy Research Operations Administration Finance Marketing Sales"
    " Development Communications Corporate Services Strategy Clinical Legal Technical".split()
)
_NO_HOLDER = re.compile(
    r"\b(?:Region|Division|Branch|Section|District|Program|Programme|Project|Strategy)$"
    r"|\s(?:and|of|for|&)$|-$"
)


def by_office(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield the bodies a list of people names by their offices, with where each starts and ends."""
    for m in _HELD_IN.finditer(text):
        body = m["body"]
        words = [w for w in re.split(r"[\s-]+", body) if w not in ("and", "of", "for", "&")]
        common = all(w.lower() in lower_words() or w in _DIVISION for w in words)
        if not common and not _NO_HOLDER.search(body):
            yield body, m.start("body"), m.end("body")


# A political party, named alone though a branch or a conference of it is named too
POLITICAL_PARTY = re.compile(
    r"^(?:Australian\s+)?(?:Liberal|Labor|Labour|National|Country|Democratic|Communist|Socialist"
    r"|Conservative|Republican|Green)\s+Party$"
)


def a_party_of(name: str, other: str) -> bool:
    """Tell whether a name is a political party that a longer name found is a branch or event of."""
    return other.endswith(" " + name) and bool(POLITICAL_PARTY.match(name))


# A name "of" a place or a field runs on into the next words of a list, often a person's name:
# "Maritime Union of Australia Joe De Bruyn", "London School of Economics Present", "Chamber of
# Commerce Industry David Edwards". The words after are the name's only where one is a body's
# ("University of Queensland Press", "Alcoa of Australia Limited", "Order of Australia Council").
_RUNS_ON = re.compile(
    r"^(?P<name>.+\s(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,2}"
    r"(?:Australia|New\s+South\s+Wales|NSW|Victoria|Queensland|Tasmania|Sydney|Melbourne"
    r"|Canberra|Brisbane|Perth|Adelaide|Hobart|Economics|Commerce|Industry|Technology|Research"
    r"|Sciences?))\s+(?P<tail>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})$"
)
_BODY_TAIL = re.compile(r"\b(?:Press|Publishing|Pty|Co|Group|House|Books)\b")


def runs_on(name: str, ending: re.Pattern[str]) -> str:
    """Return a name "of" a place or a field without the words it ran on into, if it did."""
    m = _RUNS_ON.match(name)
    if m and not ending.search(m["tail"]) and not _BODY_TAIL.search(m["tail"]):
        one = " " not in m["tail"]  # one word is the name's ("Bureau of Industry Economics")
        if not one or m["tail"].lower() in lower_words():  # unless a plain word: "Present"
            return m["name"]
    return name
