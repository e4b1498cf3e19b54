"""Find the names of organisations in a text by their shapes: head words, "of"-phrases, initials."""

from __future__ import annotations

import re
from collections.abc import Callable

from archive.ingest import orgcontext as context
from archive.ingest import orgedges as edges
from archive.ingest import orgpeople as people
from archive.ingest import orgroles as roles
from archive.ingest import orgshapes as shapes
from archive.ingest import orgwords
from archive.ingest.furniture import in_capitals
from archive.ingest.orgshort import _SHORT, initials, named_alone, x_australia
from archive.ingest.orgwords import at_opening, join_adjacent, names_no_body, strip_lead, trim_to

# Words that end the name of an organisation that is not a government department.
_ORG_ENDINGS = (
    "Council|Board|Association|Network|Trust|Group|Foundation|Union|Society|Agency|Commission|Authority"
    "|Institute|Institution(?=\\s+(?:of|for)\\s)|Centre|Center|Charity|Partnership|Federation|Alliance|Confederation|Ombudsman|Ofsted|Inspectorate"
    "|Organisation|Organization|Committee|Corporation|Bank|University|College|School|Chamber|Forum|Taskforce"
    "|Limited|Ltd|Hospital|Tribunal|Court|Company|Corp|Party|Theatre|Festival|Museum|Gallery|Library"
    "|Memorial|Church|Bureau|Forces?|League|Club|Academy|Army|Navy|Air\\s+Force|Police|Secretariat"
    "|Consulate(?:-\\s?General)?|Embassy|Inquiry|Publishers|Publishing|Airlines|Books"
    # the forces' and the police's bodies, laboratories, fronts (round 5: each ends 9 names or more
    # in the collection, most of them bodies')
    "|Squad|Regiment|Command|Corps|Directorate|Laborator(?:y|ies)|Front|(?<=Coast\\s)Guard|(?<=National\\s)Guard"
    # a unit of government or research (not a ward, a household or a citation: orgshapes.py)
    "|Unit|Panel|Railways|Joint\\s+Venture"
    # a fund or a community that is a body, not a programme or the people of a place
    r"|(?<=Research\s)Fund|(?<=Monetary\s)Fund|(?<=Wildlife\s)Fund|(?<=Economic\s)Community"
    # "Maurice Blackburn & Co", "NBN Co": a company's ending, never "Co." closing a sentence
    r"|Co(?![\w'’-])(?!\.\s+[a-z])"
    # a company's or an association's legal ending: "Wilcox Electric Inc", "Leighton Holdings",
    # "Murray Goulburn Co-operative", "Allstate Explorations NL", "BHP Billiton Plc"
    r"|Inc(?:orporated)?|Holdings|(?:Co-operative|Cooperative)(?!\s+[A-Z])|NL|Plc|PLC"
    # weak endings: "Community Services and Health Industry Skills Council" goes on past them
    r"|(?:Office|Services?|Mission)(?!s?\s+(?:and|&)\s+[A-Z])"
)
# a capitalised word, an initial ("Southern T. V. Corp of Adelaide") or a small word between them
_CAPITAL_WORD = r"(?:(?:Pty|Co|Bros|Inc)\.|[A-Z][\w'’&-]*|[A-Z]\.|of|for|and|on|in|de|&)"
_CAPITAL = r"(?:[A-Z][\w'’&-]*)"
# What a name goes on with after its ending: "Council on Drugs", "Centre for Research into the
# Prevention of Injuries", "Institute of Management": a preposition and capitalised words.
_OPENING = (
    "Bank|University|College|School|Council|Commission|Office|Bureau|Institute|Centre|Church"
    "|Museum|Gallery|Library|Board|Committee|Authority|Agency|Society|Association|Court"
    "|Organisation|Organization|League|Shire|Academy|Institution|Brotherhood"
)
_ROLE = (
    r"(?:Chair(?:man|woman|person)?|President|(?:Director|Coordinator|Auditor|Solicitor|Attorney)(?:-General)?"
    r"|CEO|Member|Mayor|Alderman|Councillor|Manager|Secretary"
    r"|Head|Minister|Premier|Chief|Emeritus|Governor(?:-General)?|Commissioner|Officer|Adviser|Advisor"
    r"|(?:Vice-)?Chancellor|Master|Dean|Professor|Fellow|Principal)\b"
)
_ROLE_WORDS = (
    r"(?:(?:Former|Deputy|Acting|Vice|General|Managing|Executive|Senior|Assistant|Under-?)\s*)*"
)
# "in" goes on with a name ("Centre for Ethics in Health Care") but not into a place: "Menzies
# School of Health Research in Darwin" is the school, in Darwin.
_CITY = (
    r"(?:Darwin|Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart|Canberra|Australia|Queensland|Victoria"
    r"|Tasmania|New\s+South\s+Wales|Western\s+Australia|South\s+Australia|Northern\s+Territory"
    r"|New\s+York|London|Washington|Geneva|Paris)\b"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_OF_PART = (
    rf"(?:\s+(?:of|for|on|into)\s+(?:the\s+)?(?!{_ROLE}){_CAPITAL}"
    rf"(?:\s+(?:(?:and|&|in(?!\s+{_CITY}|\s+{_MONTH}))\s+(?!the\b)|(?:of|for|into)\s+(?:the\s+)?"
    # a name's own particle: "Society of St Vincent de Paul", "Foundation of Van der Merwe"
    rf"|(?-i:de|du|da|di|van|von|der|des|del|la|le)\s+)?"
    rf"(?!{_ROLE}){_CAPITAL}){{0,6}})"
)
# A mission or an office abroad goes on with its place: "United Nations Mission in South Sudan";
# another country's embassy here is named by its country ("the Indonesian Embassy in Canberra").
_ABROAD = (
    r"(?:(?<=Mission)|(?<=Consulate)|(?<=General)|(?<=Embassy))\s+(?:in|to)\s+"
    r"(?!(?:Canberra|Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart|Darwin|Australia)\b)"
    r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
)
_ORGANISATION = re.compile(
    rf"\b(?<!-in-|-of-|-at-)(?:The\s+)?(?P<name>(?:(?:St|Mt|Pt|Ft)\.\s+)?(?:[A-Z][\w'’&-]*|[A-Z]\.(?=\s+[A-Z]\.))(?:\s+{_CAPITAL_WORD}){{0,7}}?"
    rf"\s+(?:{_ORG_ENDINGS}|Colleges)\b"
    # "Alfred Hospital Foundation", "Health and Hospitals Reform Commission": a name may go on to a
    # further ending
    rf"(?:\s+(?:{_ORG_ENDINGS})s?\b)*(?:{_ABROAD}|{_OF_PART}*)"
    # or open with its ending: "Bank of China", "Office of National Assessments"
    rf"|(?:{_OPENING}){_OF_PART}+)"
)
# Not organisations, though they take the same words: currencies, treaties and agreements,
# partnerships between countries, honours, countries and places, events.
_NOT_ORGANISATION = re.compile(
    r"\b(?:Dollars?|Pounds?|Euros?|Yen|Treaty|Agreement|Accord|Convention|Protocol|Charter|Medal|(?<!Red\s)Cross|Prize"
    r"|Medallion|Award|Honours?|Knight|Companion|Officer\s+of|Member\s+of\s+the\s+Order)\b"
    r"|\bOrder\s+of\b(?!.*\b(?:Council|Committee|Board)$)"
    r"|(?:Strategic|Economic|Trade|Comprehensive|Pacific|Global|Security|Defence|Enhanced|National)\s+Partnership"
    r"|\bin\s+Council$|\bMemorandum\b|\b(?:Status|Scheme|Initiative|Strategy|Plan|Program)$|\bPlan\s+for\b"
    r"|\b(?:Renminbi|Yuan|Rupiah|Ringgit|Rupees?)\b"
    # an event, not a body: "Memorial Service", "Trade Mission", "Oath of Office"
    r"|\b(?:Memorial|Funeral|Thanksgiving|Commemorative)\s+Services?$"
    r"|\b(?:Trade|Travel|Business|Investment|Goodwill|Fact-[Ff]inding)\s+Missions?$|\bof\s+Office$"
    # the civil service of a country or a state, not a body of it
    r"|^(?:(?:Australian|Commonwealth|Federal|State|Tasmanian|Victorian|Queensland|NSW|British)\s+)?"
    r"(?:Public|Civil|State|Commonwealth)\s+Service$"
    # the nation's founding, an alliance between countries, a status, a board's members
    r"|^(?:Since|Centenary\s+of|Australia['’]s|Australian)\s+Federation$|^Federation\s+for\b"
    r"|(?:United\s+States|US|ANZUS|American|Australia['’]s)\s+Alliance$|\bStatus\s+of\s+Forces\b"
    r"|\bBoard\s+of\s+Directors$|\bProgramme$|^[A-Z][a-z]+-[A-Z][a-z]+\s+Partnership$"
    r"|^(?:Australian|Administrative|Remote|War|National|Government|Public)\s+Services?$"
    # a person whose name ends in an ending: "Sir Charles Court"
    r"|^(?:Sir|Mr|Mrs|Ms|Dr|Premier|Was|Is)\s+(?:[A-Z]\w+\s+)?Court$"
    # a parliament's room: "House of Representatives Chamber"
    r"|^(?:House\s+of\s+Representatives|Senate|Parliament)\s+Chamber$"
)
_HONOURS = frozenset(
    "AO AC AM OAM AK AD MBE OBE CBE KBE DBE CMG KCMG GCMG QC SC KC MP VC GC".split()
)
_PLACE = re.compile(
    r"\b(?:Kingdom|States|Republic|Commonwealth\s+of|Zealand|Guinea|Islands?|Territory|Emirates)\b"
)
_COUNTRY = re.compile(
    r"^(?:Soviet\s+Union|Russian\s+Federation|Swiss\s+Confederation|(?:West|East|Left)\s+Bank)$"
)
_ENDING = re.compile(rf"\b(?:{_ORG_ENDINGS})s?\b")
# "Community Services and Health Industry Skills Council" is one name: services, offices and
# missions are too often plain words to end a name before "and".
_AND_SPLIT = re.compile(
    rf"\b((?!Services?\b|Office\b|Mission\b|Police\b)(?:{_ORG_ENDINGS}))\s+(?:and|&)\s+"
    # "University of New England and University of Queensland": two
    # "Telstra and NBN Co": a body known by one word, then another
    rf"|(?<![\w-])((?:{_SHORT}))\s+and\s+"
    rf"|(?<=[a-z])()\s+and\s+(?:the\s+)?(?=(?:(?:Supreme|High|Federal|District|State|Royal|National)\s+)?(?:{_OPENING})\s+of\b)"
)
# "(AIAL)", "(MoU)": initials have a second capital; "(Students)" is a word, not a short name.
_EXPANSION = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|the|on|in|&)\s+)*){1,9})\((?P<short>[A-Z](?=[a-z]*[A-Z])[A-Za-z]{1,7})\)"
)
_POSSESSIVE = re.compile(r"['’]s\s+")
# "National Service Act", "the National Service scheme": a law's or a programme's name, not a body's
_LAW_AFTER = re.compile(
    r"\s+(?:Act|Bill|Laws?|Regulations?|Amendment|[Ss]cheme|[Pp]rogram(?:me)?|[Pp]lan|[Gg]rants?"
    r"|Pension|Payment|Allowance|Card|Meeting|Building)\b"
)
# "Local Hospital Networks", "Central Bank Governors", "the Primary Health Network regions": the
# name qualifies a plural that follows; it names no one body.
_PLURAL_AFTER = re.compile(r"\s+(?:Networks|Governors|Ministers|Boards|regions)\b")
_PLURAL_KIND = re.compile(rf"\b(?!Forces|Services|Colleges|Corps)(?:{_ORG_ENDINGS})s$")
# A kind, not a name, where the text speaks of one: "a Research Institute", "a Rural Bank".
_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|any|each|every|another)\s+(?:new\s+)?$", re.IGNORECASE)
# The armed forces, the United Nations and the Commonwealth of Nations by name.
_FORCES = re.compile(
    r"\b(?:Royal\s+Australian\s+(?:Navy|Air\s+Force)"
    r"|Australian\s+(?:Army|Defence\s+Force|Military\s+Forces)|United\s+Nations"
    r"|Commonwealth\s+of\s+Nations)\b"
    # not the opening of a longer name, but before a role: "United Nations Secretary-General"
    rf"(?!\s+(?!{_ROLE_WORDS}{_ROLE})[A-Z])"
)
_GENERIC = shapes.GENERIC  # "the Royal Commission", "a National Council": a kind
_DEPARTMENT_LIKE = re.compile(
    r"\b(?:Departments?|Ministry)\s+(?:of|for)\b"
    r"|^(?:(?:Prime|Parliamentary|Assistant)\s+)?(?:Minister|Secretary)\b(?!['’]s)|^State\s+for\b"
)
# Initials in brackets that are places, not organisations: "Western Sydney (NSW)".
_PLACE_INITIALS = frozenset("NSW ACT NT QLD SA TAS VIC WA US USA UK NZ EU AU".split())
# What goes before a name without being part of it: "Canberra-based", "Board of Directors of the".
_QUALIFIER = re.compile(
    r"^(?:[\w-]+-(?:based|funded|owned|run|led|backed)\s+|(?:Australian\s+)?Government['’]s\s+"
    r"|(?:Board\s+of\s+Directors|Members?|Associates?|Officers?|Staff|Employees|Guests|Students"
    r"|Patients|Clients|Volunteers)\s+of\s+(?:the\s+)?"
    r"|(?:Lecturer|Reader|Professor)\s+in\s+\w+\s+"
    # a heading's or an adverb's opening: "Meetings of", "Nationally Consistent ..."
    r"|(?:Meetings?|Terms\s+of\s+Reference|Reports?|Review)\s+of\s+(?:the\s+)?)"
)
_ROLE_OPENING = re.compile(
    rf"^(?:{_ROLE_WORDS}{_ROLE}(?:\s+and\s+{_ROLE_WORDS}{_ROLE})?(?:\s+(?:and\s+)?\w+){{0,2}}"
    rf"\s+(?:of|on|at|to)\s+(?:the\s+)?)+"
)
# A person's name opening a phrase: the body is what follows a role or a possessive, if anything.
_PERSON = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s")
_PERSON_HOLDS = re.compile(
    rf"['’]s\s+|\b{_ROLE_WORDS}{_ROLE}(?:\s+and\s+\w+)?\s+(?:of|on|at|to)\s+(?:the\s+)?"
)
_PERSON_OF = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}of\s+(?:the\s+)?")  # "Mr Mackay of ..."
_ADVERB = re.compile(r"^[A-Z][a-z]+(?:ally|tly|ely|rly|sly)\s")
_TRAILING = re.compile(
    r"\s+(?:Prof|Professor|Mr|Mrs|Ms|Dr|Sir|Dame|Senator|Since|Until|From|With|Author)\.?$"
)
# "Development Assistance Committee of the OECD": the committee and the OECD, two bodies.
_OF_INITIALS = re.compile(rf"^(?P<body>.+?)\s+of\s+(?:the\s+)?(?P<short>[A-Z]{{2,6}}|{_SHORT})$")


def find_names(
    text: str, department: Callable[[str], bool], programme: Callable[[str], bool]
) -> list[tuple[str, int]]:
    """Return the organisations a text names and where, in order: not departments or programmes.

    department and programme tell whether a name is one of the archive's own country's
    departments, or a programme, which are suggested apart."""
    found: dict[str, int] = {}
    ends: dict[str, int] = {}
    # a name never runs from one paragraph into the next: a bar holds the break's place
    text = edges.mended(re.sub(r"\n(?=\n)", "|", text))  # "Grants Commisnion"

    def add(name: str, at: int, end: int, expansion: bool = False) -> None:
        kept = _kept(name, expansion, at_opening(text, at), department, programme)
        if kept and kept not in found:
            found[kept] = at
            ends[kept] = end

    for pattern in (_EXPANSION, _ORGANISATION):
        for m in pattern.finditer(text):
            if pattern is _EXPANSION:
                names = [trim_to(m["name"], m["short"])]
                # "Western Sydney (NSW)", "Order of Australia (AC)", "Joint Strike Fighter (JSF)": a
                # name with initials is an organisation's only where its words say it is one.
                if m["short"].upper() in _PLACE_INITIALS | _HONOURS or not _ENDING.search(names[0]):
                    continue
            else:
                # "Wigan Council and Bolton Council" are two names
                names = _AND_SPLIT.sub(lambda s: f"{s[1] or s[2] or ''}\n", m["name"]).split("\n")
                names = [
                    n for name in names for n in shapes.two_bodies(name, _ORGANISATION, _ENDING)
                ]
                names = [n for name in names for n in people.parts(name, _ENDING)]
                if names:  # "Bureau of Infrastructure, Transport and Regional Economics"
                    names[-1] = edges.with_fields(text, names[-1], m.end())
            after = text[m.end() :]
            if _LAW_AFTER.match(after) or _PLURAL_AFTER.match(after):
                continue  # "National Service Act", "Local Hospital Networks"
            for name in names:
                words = name.split()
                if not words:
                    continue
                at = max(m.start(), text.find(words[0], m.start()))
                if len(words) <= 2 and _INDEFINITE_BEFORE.search(text[max(0, at - 16) : at]):
                    continue  # "a Research Institute": a kind
                if shapes.an_address(text, at):
                    continue  # "6 Southam Court"
                if shapes.no_body_around(text, at, at + len(name)):
                    continue  # "the $1 billion ... Partnership", "Chief Police Officer"
                add(" ".join(words), at, at + len(name), pattern is _EXPANSION)
    capitals = in_capitals(text)
    for name, start, end in () if capitals else x_australia(text):
        add(name, start, end)
    for name, start, end in () if capitals else edges.by_office(text):
        add(name, start, end, expansion=True)  # "Director, Cyrenian House, Perth"
    # "Tourism Australia's Greater China Travel Mission": what a body found owns is named after it
    for name in list(found):
        mark = _POSSESSIVE.search(name)
        owner, owned = (name[: mark.start()], name[mark.end() :]) if mark else (name, "")
        if owner in found and owned:
            found.setdefault(owned, found.pop(name))
    join_adjacent(text, found, ends)
    for m in _FORCES.finditer(text):
        found.setdefault(" ".join(m.group().split()), m.start())
    for name, at in shapes.by_shape(text):  # "No. 35 Squadron", "the Labor party"
        found.setdefault(name, at)
    for name, at in context.by_context(text, capitals, department, _LAW_AFTER, _PLURAL_KIND):
        found.setdefault(name, at)  # "Santos", "Messrs A and B", "companies such as X"
    for name, at in () if capitals else initials(text):
        found.setdefault(name, at)
    # A shorter name inside a longer one found too is the same organisation, cut short, unless
    # the longer one is another body named after it and the text names it alone as well: "the
    # Australian Federal Police" beside "the Australian Federal Police Association".
    flat = " ".join(text.split())
    found = roles.tidied(found, flat)  # "Chairman Ridley Corporation", "Family Services Minister"
    names = [
        n
        for n in found
        if named_alone(n, found, flat, _FORCES)
        or not any(_cut_short(n, other, flat) for other in found)
    ]
    return sorted(((n, found[n]) for n in names), key=lambda item: item[1])


def _kept(
    name: str,
    expansion: bool,
    opening: bool,
    department: Callable[[str], bool],
    programme: Callable[[str], bool],
) -> str | None:
    """Return a candidate trimmed to the organisation's name, or None where it names none."""
    name = re.sub(
        r"^(?:(?:[Tt]he|A|An|But|[Aa]nd|However|While|Within|From|At|With|By|Under|Through|During"
        r"|Attended|Joined|Served|Studied|Visited|Founded)\s+)+",
        "",
        name,
    )
    # what a government or a place owns, or a government beside a body: "Tasmanian Government
    # and Launceston City Council", "China's Thermal Power Research Institute"
    name = re.sub(
        rf"^(?:.*\bGovernment(?:['’]s|\s+and)|(?:{_CITY}|China|Japan|Britain|Indonesia|India|Malaysia|Singapore|America|Canada"
        rf"|(?:.*\s)?(?:{_SHORT}))['’]s)\s+",
        "",
        name,
    )
    # "Council of Australian Governments’", "Liberal Party of Australia I", "... and UNHCR"
    name = re.sub(
        r"(?:\s+and\s+\S+['’]s|['’]s?|\s+[A-Z]\.?|\s+and\s+[A-Z]{2,}|\s+on\s+[A-Z][a-z]+day|\s+(?:of|for|on|in|and|the))$",
        "",
        name,
    )
    # "This Committee" is the one just named, left as a kind; "These Liberal and National
    # Party members" name the party
    name = re.sub(r"^(?:This|That|These|Those|Its|Their|Our|Each|Every|Any)\s+", "", name)
    name = _TRAILING.sub("", _QUALIFIER.sub("", name))
    name = re.sub(r"\s+(?:of|for|on|in|and|the)$", "", name)  # "Royal Commission of Mr."
    name = re.sub(r"\b(Limited|Ltd|Inc|Incorporated|NL|Plc|PLC)\b.+$", r"\1", name)  # closes a name
    person = _PERSON.match(name)  # "Mr Justice Stewart's Commission", "Mr Jack Johnston APM
    if person:  # Deputy Commissioner of Tasmania Police": what the person holds or owns
        held = _PERSON_HOLDS.search(name, person.end()) or _PERSON_OF.match(name, person.end())
        name = name[held.end() :] if held else name  # "Sir William Dobell Art Foundation"
    # a person by initials before a role: "G. R. Fisher, Chairman of Mt. Isa Mines Ltd"
    name = re.sub(rf"^(?:[A-Z]\.\s*){{1,3}}[A-Z][\w'’-]*,?\s+(?={_ROLE_WORDS}{_ROLE})", "", name)
    name = shapes.strip_occupation(_ROLE_OPENING.sub("", name))
    trimmed = edges.trimmed(name)  # "Morning Visit ...", "the Tax Forum on October 4"
    if trimmed is None:
        return None
    name = edges.runs_on(trimmed, _ENDING)  # "Maritime Union of Australia Joe De Bruyn"
    name = people.facility_off(name)  # "University of Tasmania Campus"
    # "Federal AMA and Foundation CEO": a bare ending after "and" is no name's
    name = re.sub(rf"\s+and\s+(?:(?:{_ORG_ENDINGS})|\S+['’]s)$", "", name)
    if _ADVERB.match(name):
        return None  # "Nationally Consistent Collection of Data on School ...": a phrase
    if opening and not _NOT_ORGANISATION.search(name):  # "Was Richard Court": a person still
        name = strip_lead(name)  # "- Require NBN Co to ...", "Neither Australia"
    split = _OF_INITIALS.match(name)
    if split and split["short"] not in _PLACE_INITIALS:
        name = split["body"]  # the initials are found on their own
    if expansion and name.upper() in _HONOURS:
        return None
    if len(name.split()) < 2 and not expansion:
        return None
    if _NOT_ORGANISATION.search(name) or _COUNTRY.match(name) or names_no_body(name):
        return None
    if people.a_person(name):  # "Margaret Court"
        return None
    if shapes.not_a_body(name):
        return None
    if _PLACE.search(name) and not _ENDING.search(name):
        return None
    if _PLURAL_KIND.search(name) and not re.search(r"\s(?:of|for|on)\s", name):
        return None  # "Local Hospital Networks", "Industry Skills Councils": a kind of body
    if _GENERIC.match(name):  # "the Royal Commission", "a National Council": a kind, not a name
        return None
    if _DEPARTMENT_LIKE.search(name):  # a department of state (counted as one), a minister's title
        return None
    if department(name) or orgwords.mostly_lower(name):
        return None
    if programme(name) and not re.search(rf"(?:{_ORG_ENDINGS})$", name):
        return None  # a scheme's name, such as Social Work Associate Practice (SWAP)
    return name


def _cut_short(name: str, other: str, flat: str) -> bool:
    """Tell whether a name found is a longer one's, cut short (not a body of its own)."""
    if name == other or name not in other:
        return False
    rest = other[len(name) :].split() if other.startswith(name + " ") else []
    alone = flat.count(name) > flat.count(other)
    if alone and edges.a_party_of(name, other):
        return False  # "the Liberal Party" named alone beside "the Wannon Liberal Party conference"
    # "the Council of the National Library of Australia" is the library's council
    part = re.match(rf"(?:{_OPENING})\s+of\s+(?:the\s+)?{re.escape(name)}\b", other)
    return not (alone and (part or len(rest) == 1 and _ENDING.fullmatch(rest[0])))
