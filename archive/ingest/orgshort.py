"""Find organisations named short: by their initials alone, or as "X Australia"."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Organisations named by their initials alone, as often as not: broadcasters, the armed forces,
# intelligence and research bodies, unions and international bodies. Matched with their case, and
# not in a text in capitals throughout, where any word looks like initials.
_INITIALS = (
    r"ABC|SBS|CSIRO|ASIO|ASIS|ACCC|ACTU|AMA|AFP|ADF|RAAF|RAN|AMF|OECD|APEC|ASEAN|UNICEF|UNESCO|NATO"
    r"|IMF|WTO|UNSW|ANU|ALP|LNP|ASIC|APRA|RBA|COAG|ATO|UN|UNCTAD|IAEA|OPEC|ACOSS|EEC|EU|G20"
)
# Bodies the releases name by one word (or a summit by its name) in 15 releases or more, the round 4
# sealed sample's left out (docs/ingest-quality.md): agencies, companies, a forum. Not where the
# word opens a longer name ("BHP Billiton").
_WORD_NAMES = (
    r"Centrelink|Austrade|AusAID|ATSIC|EPAC|ASTEC|UNHCR|Telstra|Telecom|Qantas|BHP|Westpac"
    r"|ISIL|Daesh|EAS|East\s+Asia\s+Summit"
)
_SHORT = f"{_INITIALS}|{_WORD_NAMES}"
_KNOWN_INITIALS = re.compile(
    rf"(?<![\w-])(?:(?:{_INITIALS})|(?:{_WORD_NAMES})(?!\s+[A-Z][a-z]))(?![\w-])"
)
# The same written with full stops, as older releases do: "A. B. C.", "O. E. C. D."
_DOTTED = re.compile(r"(?<![\w.])((?:[A-Z]\.\s?){2,5})(?!\w)")
# Bodies named "X Australia", as Australian agencies, companies and charities often are:
# "Infrastructure Australia", "Tourism Australia", "Regional Development Australia", "CARE
# Australia". Not places, directions, sentence openings, programmes in -ing, or "Australia"
# qualified.
_X_AUSTRALIA = re.compile(
    r"(?<![\w’'-])(?P<name>[A-Z][a-zA-Z]+(?<!ing)"
    r"(?:\s+[A-Z][a-z]+(?<!ing)(?<!Western)(?<!South)(?<!Northern)){0,2}"
    r"\s+Australia)\b(?!-)"
)
# An "X Australia" that is a part of the country or a quality of it: "Regional Australia".
_X_PLACE = (
    r"South|Southern|Western|West|Northern|North|Eastern|East|Central|Capital|Country|Regional|Rural"
    r"|Outback|Greater|Modern|All|National|Multicultural|Indigenous|Aboriginal|Remote|Far"
    r"|Queensland|Victoria|Tasmania|Sydney|Canberra|Melbourne|Zealand|Indonesia|Malaysia|Territory"
)
_NOT_X = re.compile(
    rf"(?:{_X_PLACE}|Advance|Active|Creative|White|Smarter"
    r"|Competitive|Sustainable|Team|Brand|Made|Officer|Executive|Minister|Director|Manager|Ambassador"
    r"|Commissioner|Chief|Governor|In|The|For|While|But|Across|Around|Throughout|As|If|How|Why"
    r"|What|When|Both|Although|Since|Because|So|And|Like|Each|This|That|On|See|Keep|Today|Of|To|From|With"
    r"|Within|Without|Outside|Inside|Beyond|Into|Under|Over|Against|About|Between|Towards|Via|By|At"
    r"|Should|Whether|Will|Can|Could|Would|Must|May|Does|Did|Is|Was|Has|Have|Let|Visit"
    r"|January|February|March|April|June|July|August|September|October|November|December"
    r"|Future|Fair|Great|Better|Stronger|Building|Skilling|Working|Moving|Making)\b"
)
# In a name of three words a place word opens a body's name ("Regional Development Australia")
# unless the next word is one too ("South East Australia").
_NOT_X3 = re.compile(rf"^(?!(?:{_X_PLACE})\s+(?!(?:{_X_PLACE})\b))")
# A word inside an "X Australia" name that makes it a phrase: "How Aborigines Made Australia".
_NOT_X_INSIDE = re.compile(r"\s(?:Made|Make|Makes|Built|Build|Help|Helps|Keep|Keeps|For|In|Of)\s")


def x_australia(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield the bodies named "X Australia" in a text, with where each starts and ends."""
    for m in _X_AUSTRALIA.finditer(text):
        three = len(m["name"].split()) == 3 and not _NOT_X3.match(m["name"])
        if (three or not _NOT_X.match(m["name"])) and not _NOT_X_INSIDE.search(m["name"]):
            if not _scanned_place(m["name"].split()[0]):  # "Squth Australia"
                yield " ".join(m["name"].split()), m.start(), m.end()


_PLACE_WORDS = ("South", "Southern", "Western", "West", "Northern", "North", "Eastern", "Central")


def _scanned_place(word: str) -> bool:
    """Tell whether a word is a place word with one letter garbled by a scan ("Squth")."""
    return any(
        len(word) == len(p) and sum(a != b for a, b in zip(word, p)) == 1 for p in _PLACE_WORDS
    )


def initials(text: str) -> Iterator[tuple[str, int]]:
    """Yield the organisations a text names by initials it knows, however punctuated."""
    for m in _KNOWN_INITIALS.finditer(text):
        yield " ".join(m.group().split()), m.start()
    for m in _DOTTED.finditer(text):
        letters = re.sub(r"[.\s]", "", m.group(1))
        if re.fullmatch(_INITIALS, letters):
            yield letters, m.start()


def named_alone(name: str, found: dict[str, int], flat: str, also: re.Pattern[str]) -> bool:
    """Tell whether a body named short is named alone too, not only inside longer names found.

    "integration with ASEAN at the ASEAN-CER Integration Partnership Forum" names ASEAN; "the
    United Nations Human Rights Council" and "United Nations Secretary-General" the UN."""
    if not (re.fullmatch(_SHORT, name) or also.fullmatch(name)):
        return False
    alone = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    inside = sum(len(alone.findall(o)) * flat.count(o) for o in found if o != name)
    return len(alone.findall(flat)) > inside
