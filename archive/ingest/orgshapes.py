"""Shapes of organisations' names found in round 5: units by number, two bodies joined, refusals."""

from __future__ import annotations

import re
from collections.abc import Iterator

from archive.ingest.orgwords import lower_words

# A military unit named by its number: "No. 35 Squadron", "Number 38 Squadron", "17th Infantry
# Regiment", "Third U. S. Army", "2nd Cavalry Regiment". A division only with its arm ("1st
# Infantry Division"): "Second Division" is a grade of the public service or a league; no fleet by
# an ordinal word ("the First Fleet" sailed in 1788).
_UNIT = r"(?:Squadron|Battalion|Regiment|Brigade|Flotilla|Wing|Corps|Army|Field\s+Ambulance)"
_ARM_DIVISION = r"(?:Infantry|Armou?red|Cavalry|Airborne|Marine|Mountain)\s+Division"
_ORDINAL_WORD = r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)"
_UNIT_WORDS = r"(?:\s+(?:[A-Z][\w'’-]*|(?:[A-Z]\.\s?){2,3}))"  # "Infantry", "U. S."
_NUMBERED_UNIT = re.compile(
    rf"\b(?:(?:No\.|Number)\s+\d{{1,3}}{_UNIT_WORDS}{{0,3}}\s+(?:{_UNIT}|Fleet|{_ARM_DIVISION})"
    rf"|\d{{1,3}}(?:st|nd|rd|th){_UNIT_WORDS}{{0,3}}\s+(?:{_UNIT}|Fleet|{_ARM_DIVISION})"
    rf"|{_ORDINAL_WORD}{_UNIT_WORDS}{{0,3}}\s+(?:{_UNIT}|{_ARM_DIVISION}))\b"
)


# The United Nations' programmes are its agencies: "United Nations Environment Programme", "World
# Food Programme"; other programmes are schemes.
_UN_PROGRAMME = re.compile(
    r"\b(?:United\s+Nations|UN)(?:\s+[A-Z][\w-]*){1,3}\s+Programme\b|\bWorld\s+Food\s+Programme\b"
)


# A party named with "party" in lower case, as the releases often write it: "the Labor party".
_PARTY = re.compile(
    r"\b(?:Australian\s+)?(?:Labor|Liberal|National|Country|Socialist|Communist|Democratic)\s+party\b"
)


# Two parties named together as one ("the Liberal and National Country Parties", round 14).
_PARTIES = re.compile(
    r"\b(?:Liberal|Labor)\s+and\s+(?:National\s+Country|National|Country|Liberal)\s+Parties\b"
)
# A city's council by its corporate name: "the City of Sydney", "City of Greater Geelong" (round
# 14); the place's words are capitalised ones the releases do not write in lower case ("City of
# Melbourne Attend" is a programme's line; "City of Shops" no council).
_CITY_OF = re.compile(r"\bCity\s+of\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})")
# an office of the council or a body of its own after the place: "City of Launceston Mayor"
_CITY_AFTER = frozenset(
    "Mayor Lord Council Councillor Councillors Alderman Aldermen Chief General Manager Director"
    " Chairman President Staff Corporation Commissioners"
    # a day's programme line: "drive through City of Melbourne Attend a ... Reception"
    " Arrive Depart Attend Inspect Visit".split()
)


def by_shape(text: str) -> Iterator[tuple[str, int]]:
    """Yield units by number, the UN's programmes, parties, cities' councils, where each starts."""
    for pattern in (_NUMBERED_UNIT, _UN_PROGRAMME, _PARTY, _PARTIES):
        for m in pattern.finditer(text):
            if "|" not in m.group():  # a name never runs over a paragraph's break
                yield " ".join(m.group().split()), m.start()
    low = lower_words()
    for m in _CITY_OF.finditer(text):
        place = []
        for word in m["place"].split():
            if word.lower() in low or word in _CITY_AFTER:
                break
            place.append(word)
        if place:
            yield "City of " + " ".join(place), m.start()


# Where "and" joins two names, each with its own head word; the left may be an event named beside
# a body ("Premiers' Conference and Loan Council"), which is dropped.
_AND = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?")
_WEAK = re.compile(r"\b(?:Services?|Office|Mission|Police)\b")
_EVENT = re.compile(r"\b(?:Conference|Meeting|Summit|Congress|Convention)s?$")


def two_bodies(name: str, whole: re.Pattern[str], ending: re.Pattern[str]) -> list[str]:
    """Split a name that is two bodies joined by "and", each a name of its own.

    "International Institute for Strategic Studies and Geneva Centre for Security Policy" is two;
    "Premiers' Conference and Loan Council" is the council beside a meeting. "Conciliation and
    Arbitration Commission" is one: its left part has no head word of its own."""
    for m in _AND.finditer(name):
        left, right = name[: m.start()], name[m.end() :]
        if len(right.split()) < 2 or not whole.fullmatch(right):
            continue
        if _EVENT.search(left):
            return [right]
        # a weak head word is too often a plain word: "Community Services and Health Industry
        # Skills Council" is one name
        if ending.search(_WEAK.sub("", left)) and not left.endswith(("of", "for", "on")):
            return [left, *two_bodies(right, whole, ending)]
    return [name]


# What a phrase stands after that makes it no body's name: an amount ("the $1 billion Australia-
# Indonesia Partnership for Reconstruction and Development" is a programme), a portfolio ("the
# portfolios of Regional Services, Territories and Local Government").
# The amount must stand inside the phrase ("the", "a", "Australia's", "new" before it): in a table
# of grants ("... Project $1,200,000 Affordable Community Housing Ltd NSW ...") an amount closes
# one row and the body opens the next.
_NO_BODY_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|our|this|new|additional|expanded|landmark|first|proposed"
    r"|planned|\w+['’]s)\s+[$£]\s?\d[\d,.]*\s*(?:m|bn|million|billion)?"
    r"|\bportfolios?\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# What a phrase stands before that makes it part of a role, a vehicle or an honour: "the Chief
# Police Officer", "Belmont Panel Van", "the Australian Active Service Medal".
_ROLE_AFTER = re.compile(r"\s+(?:Officers?|Vans?|Medals?|Clasps?|Badges?|Ribbons?)\b")
# Countries and places named with a body's head word: "the Union of Soviet Socialist Republics",
# "the Western Front", "By His Excellency's Command".
_NOT_A_BODY = re.compile(
    r"\bUnion\s+of\s+(?:the\s+)?(?:Soviet|Burma|South\s+Africa|India)\b"
    r"|^(?:Western|Eastern|West|East|Home|Southern|Northern)\s+Front$"
    r"|['’]s\s+Command$|^(?:Operational|Diplomatic|Consular)\s+(?:Command|Corps)$"
    # a meeting of a body, not the body: "Council of Australian Governments Meeting"
    r"|\b(?:Meeting|Summit|Conference)s?$"
    # a monument: "Kranji War Memorial" (the Australian War Memorial is an institution)
    r"|(?<!Australian)\s+War\s+Memorial$"
    # a network that is built, not a body: "National Broadband Network", "Hunter Valley Rail
    # Network", "National Health and Hospitals Network" (a reform's name)
    r"|\b(?:Broadband|Rail|Road|Highway|Hospitals?|Information|Fibre|Mobile|Electricity|Power"
    r"|Pipeline|Transport|Telecommunications?|Satellite)\s+Network$"
    # an alliance between countries, a church's service (an event)
    r"|\bU\.\s?S\.\s+Alliance$|\b(?:Church|Prayer|Dawn|Remembrance)\s+Services?$"
    # a plural kind: "Statutory Authorities", "Government Agencies" (not "... of ...")
    r"|^(?!.*\s(?:of|for|on)\s).*\b(?:Authorit|Agenc|Societ|Academ|Galler|Librar|Charit|Compan)ies$"
    # an event or a plan named after a body: "Memorial Service for the Greymouth miners", "COAG's
    # National Action Plan on Mental Health"
    r"|\b(?:Memorial|Funeral|Thanksgiving|Commemorative)\s+Services?\b|\bPlan\s+(?:on|of|to)\b"
    # the labour force, a company's articles, a working party
    r"|^(?:Labour|Labor|Work)\s+Force$"
    r"|^Articles\s+of\s+Association$|^Working\s+(?:Party|Group)$"
    # a parliament's chamber, a party to a treaty, a body's management
    r"|\bLegislative\s+(?:Council|Assembly)$|^States?\s+Part(?:y|ies)$|^Board\s+of\s+Management$"
    # a ward, a household, a citation: "Coronary Care Unit", "Family Unit", "Meritorious Unit"
    r"|\b(?:Care|Dependency|Renal|Satellite|Family|Male|Meritorious|Presidential|Gallantry|Australian"
    r"|Commonwealth)\s+Unit$"
)


def an_address(text: str, at: int) -> bool:
    """Tell whether a number before a phrase makes it an address ("6 Southam Court").

    An amount does not: in a table of grants "$1,200,000 Coastal Housing Ltd" is a body."""
    before = text[max(0, at - 16) : at]
    return bool(re.search(r"\d\s+$", before)) and not re.search(r"(?:[$£]|\d,)[\d,.]*\s+$", before)


def no_body_around(text: str, start: int, end: int) -> bool:
    """Tell whether what stands before or after a phrase makes it no body's name."""
    return bool(
        _NO_BODY_BEFORE.search(text[max(0, start - 40) : start]) or _ROLE_AFTER.match(text, end)
    )


def not_a_body(name: str) -> bool:
    """Tell whether a phrase with a head word names a country, a place or a command given."""
    return bool(_NOT_A_BODY.search(name))


# An occupation written before a body, as lists of people give them ("Architect Master of
# University ...", "Composer Victorian College of Arts", "Chief Executive Officer Australian
# Customs Service"): the body is what follows.
_OCCUPATION = re.compile(
    r"^(?:(?:Chief\s+Executive(?:\s+Officer)?|Managing\s+Director|Director|Manager|Secretary"
    r"|Architect|Composer|Conductor|Cellist|Violinist|Pianist|Actor|Actress|Painter|Sculptor"
    r"|Writer|Novelist|Poet|Designer|Dancer|Singer|Musician|Photographer|Journalist|Lecturer"
    r"|Teacher|Senator|MP|NP|Deputy|Acting|Assistant|Keeper|Curator|Donor|Founding|Captain"
    r"|Colonel|Lieutenant|Brigadier|Commodore|Admiral|Judge\s+Advocate(?:\s+General)?"
    r"|(?:General\s+)?Officer\s+Commanding|Commanding\s+Officer)\s+)+(?=[A-Z])"
)


# A body a role holder convened: "the UN Secretary-General's High Level Panel on Threats".
_CONVENED_BY = re.compile(r"^.*\bSecretary-General['’]s\s+(?=[A-Z])")
# A body still to be made is the body: "the Proposed New Murray-Darling Basin Authority" (not New
# Zealand's, New South Wales's or a "New Democratic Party").
_NEW = re.compile(
    r"^(?:Proposed\s+)?New\s+(?!Zealand|South|York|Guinea|England|Caledonia|Delhi|Democratic"
    r"|Hampshire|Jersey|Mexico|Britain|Brunswick|Territories)(?=[A-Z])"
)


# A grant's project or a visit's line before the body it is for: "Equipment Upgrade for Huonville
# Online Access Centre", "Visit Mercy Maternity Hospital", "Attend Ecumenical Service".
_PROJECT = re.compile(
    r"^(?:(?:Equipment\s+)?(?:Upgrade|Upgrading|Refurbishment|Construction|Purchase|Expansion"
    r"|Extension|Redevelopment|Replacement|Installation|Enhancement)(?:\s+(?:and|of)\s+\w+)*\s+for"
    r"|Visit|Visits|Attend|Attends|Inspect|Inspects|Tour|Tours)\s+(?:the\s+)?(?=[A-Z])"
)


def strip_occupation(name: str) -> str:
    """Take an occupation, a title, a project or a visit written before a body off its name."""
    name = _PROJECT.sub("", _CONVENED_BY.sub("", name))
    return _NEW.sub("", _OCCUPATION.sub("", name))


# A kind of body named without its own name: "the Royal Commission", "a Standing Committee".
GENERIC = re.compile(
    r"^(?:(?:Royal|National|State|Federal|Joint|Advisory|Planning|Review|Ministerial"
    r"|Statutory|Industry|Development|Steering|Interim|Expert|Select|Australian|Commonwealth"
    r"|Independent|External|Consultative|Inquiry|Management|Standing|Parliamentary|Legislation"
    r"|Union|School|Elder)"
    r"\s+(?:Commission|Council|Committee|Board|Authority|Agency|Office|Group|Forum|Network"
    r"|Corporation|Tribunal|Panel|Venture)s?|(?:Task|Air|Police)\s+(?:Forces?|Group)|Taskforce"
    r"|(?:the\s+)?Defence\s+Forces?|Federal\s+Police|Research\s+Institute|Press\s+Office"
    r"|(?:Naval|Air|Army|Land|Sea)(?:,?\s+(?:and\s+)?(?:Naval|Air|Army|Land|Sea))*\s+Forces?"
    # a mission's place without the mission's name: "Head of Mission in Tokyo"
    r"|(?:Mission|Embassy|Consulate)\s+(?:in|to)\b.*)$"
)
