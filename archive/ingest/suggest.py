"""Suggest an article's departments, programmes and organisations from the registries, and why."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.corpus.registry import Registry
from archive.ingest.dating import sentence_at
from archive.ingest.furniture import in_capitals

# Words that end the name of an organisation that is not a government department.
_ORG_ENDINGS = (
    "Council|Board|Association|Network|Trust|Group|Foundation|Union|Society|Agency|Commission|Authority"
    "|Institute|Centre|Center|Charity|Partnership|Federation|Alliance|Confederation|Ombudsman|Ofsted|Inspectorate"
    "|Organisation|Organization|Committee|Corporation|Bank|University|College|School|Chamber|Forum|Taskforce"
    "|Limited|Ltd|Hospital|Tribunal|Court|Company|Corp|Party|Theatre|Festival|Museum|Gallery|Library"
    "|Memorial|Church|Bureau|Forces?"
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
)
_ROLE = (
    r"(?:Chair(?:man|woman|person)?|President|Director|Member|Mayor|Alderman|Councillor|Manager|Secretary"
    r"|Head|Minister|Premier|Chief|Emeritus"
    r"|(?:Vice-)?Chancellor|Master|Dean|Professor|Fellow|Principal)\b"
)
# "in" goes on with a name ("Centre for Ethics in Health Care") but not into a place: "Menzies
# School of Health Research in Darwin" is the school, in Darwin.
_CITY = (
    r"(?:Darwin|Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart|Canberra|Australia|Queensland|Victoria"
    r"|Tasmania|New\s+South\s+Wales|Western\s+Australia|South\s+Australia|Northern\s+Territory"
    r"|New\s+York|London|Washington|Geneva|Paris)\b"
)
_OF_PART = (
    rf"(?:\s+(?:of|for|on|into)\s+(?:the\s+)?(?!{_ROLE}){_CAPITAL}"
    rf"(?:\s+(?:(?:and|&|in(?!\s+{_CITY}))\s+(?!the\b)|(?:of|for|into)\s+(?:the\s+)?)?"
    rf"(?!{_ROLE}){_CAPITAL}){{0,6}})"
)
_ORGANISATION = re.compile(
    rf"\b(?:The\s+)?(?P<name>(?:St\.\s+)?(?:[A-Z][\w'’&-]*|[A-Z]\.(?=\s+[A-Z]\.))(?:\s+{_CAPITAL_WORD}){{0,7}}?"
    rf"\s+(?:{_ORG_ENDINGS}|Colleges)\b"
    # "Alfred Hospital Foundation", "Health and Hospitals Reform Commission": a name may go on to a
    # further ending
    rf"(?:\s+(?:{_ORG_ENDINGS})\b)*{_OF_PART}*"
    # or open with its ending: "Bank of China", "Office of National Assessments"
    rf"|(?:{_OPENING}){_OF_PART}+)"
)
# Not organisations, though they take the same words: currencies, treaties and agreements,
# partnerships between countries, honours, countries and places.
_NOT_ORGANISATION = re.compile(
    r"\b(?:Dollars?|Pounds?|Euros?|Yen|Treaty|Agreement|Accord|Convention|Protocol|Charter|Order\s+of|Medal|Cross|Prize"
    r"|Medallion|Award|Honours?|Knight|Companion|Officer\s+of|Member\s+of\s+the\s+Order)\b"
    r"|(?:Strategic|Economic|Trade|Comprehensive|Pacific|Global|Security|Defence|Enhanced|National)\s+Partnership"
    r"|\bin\s+Council$|\bMemorandum\b|\b(?:Status|Scheme|Initiative|Strategy|Plan|Program)$|\bPlan\s+for\b"
    r"|\b(?:Renminbi|Yuan|Rupiah|Ringgit|Rupees?)\b"
)
_HONOURS = frozenset(
    "AO AC AM OAM AK AD MBE OBE CBE KBE DBE CMG KCMG GCMG QC SC KC MP VC GC".split()
)
_PLACE = re.compile(
    r"\b(?:Kingdom|States|Republic|Commonwealth\s+of|Zealand|Guinea|Islands?|Territory|Emirates|Soviet\s+Union)\b"
)
_ENDING = re.compile(rf"\b(?:{_ORG_ENDINGS})s?\b")
# A government department a text names that the registry may not hold.
_DEPARTMENT = re.compile(
    rf"\b(?P<name>(?:Department|Ministry)\s+(?:of|for)\s+(?:the\s+)?{_CAPITAL}"
    rf"(?:(?:\s+|\s+(?:and|of|for|the|&)\s+(?:the\s+)?)(?!Department|Ministry){_CAPITAL}){{0,6}})"
)
# "Community Services and Health Industry Skills Council" is one name: services, offices and
# missions are too often plain words to end a name before "and".
_AND_SPLIT = re.compile(
    rf"\b((?!Services?\b|Office\b|Mission\b)(?:{_ORG_ENDINGS}))\s+(?:and|&)\s+"
    # "University of New England and University of Queensland": two
    rf"|(?<=[a-z])()\s+and\s+(?:the\s+)?(?=(?:{_OPENING})\s+of\b)"
)
# "(AIAL)", "(MoU)": initials have a second capital; "(Students)" is a word, not a short name.
_EXPANSION = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|the|on|in|&)\s+)*){1,9})\((?P<short>[A-Z](?=[a-z]*[A-Z])[A-Za-z]{1,7})\)"
)
_ACRONYM = re.compile(
    r"^(?=.*[A-Z].*[A-Z])[A-Za-z&]{2,8}$"
)  # DfE, DCSF, SWAP: matched with their case
_STOPWORDS = frozenset("the of for and a an in to on".split())


@dataclass(frozen=True)
class Match:
    """A registry key or organisation name the text names, how it was written, and where."""

    key: str
    spellings: tuple[str, ...]
    evidence: str
    sure: bool = True
    why: str = ""  # for an unsure match: what to check


class Matcher:
    """Find the departments and programmes a text names, by their names, short names and aliases."""

    def __init__(self, registry: Registry, country: str | None = None):
        self.registry = registry
        self.country = (
            country or "GB"
        )  # an archive that names no country is a UK one, as it always was
        self._keys: dict[tuple[str, str], str] = {}
        self._generic: set[tuple[str, str]] = set()
        self._resolved: dict[tuple[str, str], str] = {}
        names: list[str] = []
        acronyms: list[str] = []
        # A department of another country is never suggested, nor its programmes: the
        # Australian Treasury is not HM Treasury.
        foreign = {k for k, d in registry.departments.items() if d.country != self.country}
        for kind, entries in (
            ("department", registry.departments),
            ("programme", registry.programmes),
        ):
            for entry in entries.values():
                if (
                    entry.key if kind == "department" else getattr(entry, "department", None)
                ) in foreign:
                    continue
                for name in {entry.name, getattr(entry, "short", ""), *entry.aliases} - {""}:
                    if _ACRONYM.match(name):
                        self._keys[(kind, name)] = entry.key
                        acronyms.append(name)
                    else:
                        normal = _normal(name)
                        self._keys.setdefault((kind, normal), entry.key)
                        names.append(name)
                        if len(normal.split()) == 1:  # "the Treasury": another country has one too
                            self._generic.add((kind, normal))
        self._names = _alternation(names, re.IGNORECASE)
        self._acronyms = _alternation(acronyms, 0)

    def resolve(self, kind: str, name: str) -> str | None:
        """Find the registry key a name stands for, as Registry.resolve does, from one table."""
        if not self._resolved:
            for table_kind, entries in (
                ("department", self.registry.departments),
                ("programme", self.registry.programmes),
            ):
                for entry in entries.values():
                    short = getattr(entry, "short", "")
                    for alias in (entry.key, entry.name, short, *entry.aliases):
                        if alias:
                            self._resolved.setdefault((table_kind, _normal(alias)), entry.key)
        return self._resolved.get((kind, _normal(name)))

    def find(self, text: str) -> tuple[list[Match], list[Match]]:
        """Return the departments and the programmes named in text, in order of first mention."""
        found: dict[tuple[str, str], list[tuple[str, int, bool]]] = {}
        for pattern, exact in ((self._names, False), (self._acronyms, True)):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                written = " ".join(m.group().split())
                for kind in ("department", "programme"):
                    lookup = written if exact else _normal(written)
                    key = self._keys.get((kind, lookup))
                    if key:
                        generic = (kind, lookup) in self._generic
                        found.setdefault((kind, key), []).append((written, m.start(), generic))
        result: dict[str, list[Match]] = {"department": [], "programme": []}
        for (kind, key), mentions in sorted(
            found.items(), key=lambda item: min(p for _, p, _ in item[1])
        ):
            mentions.sort(key=lambda mention: mention[1])
            spellings = tuple(dict.fromkeys(w for w, _, _ in mentions))
            sure = not all(generic for _, _, generic in mentions)
            why = "" if sure else f"'{spellings[0]}' may not mean {self.registry.label(kind, key)}"
            evidence = sentence_at(text, mentions[0][1])
            result[kind].append(Match(key, spellings, evidence, sure, why))
        return result["department"], result["programme"]

    def related_programmes(
        self, text: str, departments: list[Match], programmes: list[Match]
    ) -> list[Match]:
        """Suggest, as unsure, a named department's programme all of whose name words are used."""
        have = {m.key for m in programmes}
        words = set(_stems(text))
        related = []
        for department in departments:
            for programme in self.registry.programmes.values():
                if programme.department != department.key or programme.key in have:
                    continue
                needed = set(_stems(programme.name))
                if needed and needed <= words:
                    why = (
                        f"{programme.name} is run by "
                        f"{self.registry.label('department', department.key)}, "
                        f"which the text names, and every word of its name is in the text"
                    )
                    related.append(Match(programme.key, (), department.evidence, False, why))
                    have.add(programme.key)
        return related


def organisations(text: str, matcher: Matcher) -> list[Match]:
    """Find named organisations that are not government departments: councils, charities, boards."""
    found: dict[str, int] = {}
    for pattern in (_EXPANSION, _ORGANISATION):
        for m in pattern.finditer(text):
            # "Wigan Council and Bolton Council" are two names
            if pattern is _EXPANSION:
                names = [_trim_to(m["name"], m["short"])]
                # "Western Sydney (NSW)", "Order of Australia (AC)", "Joint Strike Fighter (JSF)": a
                # name with initials is an organisation's only where its words say it is one.
                if m["short"].upper() in _PLACE_INITIALS | _HONOURS or not _ENDING.search(names[0]):
                    continue
            else:
                names = _AND_SPLIT.sub(r"\1\n", m["name"]).split("\n")
            if _LAW_AFTER.match(
                text, m.end()
            ):  # "National Service Act": a law's name, not a body's
                continue
            for name in names:
                at = (
                    max(m.start(), text.find(name.split()[0], m.start()))
                    if name.split()
                    else m.start()
                )
                _add_organisation(found, " ".join(name.split()), at, pattern is _EXPANSION, matcher)
    capitals = in_capitals(text)
    for m in () if capitals else _X_AUSTRALIA.finditer(text):
        if not _NOT_X.match(m["name"]):
            _add_organisation(found, " ".join(m["name"].split()), m.start(), False, matcher)
    # "Tourism Australia's Greater China Travel Mission": what a body found owns is named after it
    for name in list(found):
        mark = _POSSESSIVE.search(name)
        owner, owned = (name[: mark.start()], name[mark.end() :]) if mark else (name, "")
        if owner in found and owned:
            found.setdefault(owned, found.pop(name))
    for pattern in (_FORCES,) if capitals else (_FORCES, _KNOWN_INITIALS):
        for m in pattern.finditer(text):
            found.setdefault(" ".join(m.group().split()), m.start())
    # A shorter name inside a longer one found too is the same organisation, cut short.
    names = [n for n in found if not any(n != other and n in other for other in found)]
    return [
        Match(n, (n,), sentence_at(text, found[n])) for n in sorted(names, key=found.__getitem__)
    ]


def unknown_departments(text: str, matcher: Matcher) -> list[Match]:
    """Find departments a text names that the registry does not hold: candidates to add to it."""
    found: dict[str, int] = {}
    for m in _DEPARTMENT.finditer(text):
        name = " ".join(m["name"].split()).rstrip(",")
        if not matcher.resolve("department", name) and not any(name in other for other in found):
            found.setdefault(name, m.start())
    return [
        Match(
            n,
            (n,),
            sentence_at(text, at),
            False,
            f"{n} is not in the registry: add it if documents should name it",
        )
        for n, at in found.items()
    ]


# Organisations named by their initials alone, as often as not: broadcasters, the armed forces,
# intelligence and research bodies, unions and international bodies. Matched with their case, and
# not in a text in capitals throughout, where any word looks like initials.
_KNOWN_INITIALS = re.compile(
    r"(?<![\w-])(?:ABC|SBS|CSIRO|ASIO|ASIS|ACCC|ACTU|AMA|AFP|ADF|RAAF|RAN|AMF|OECD|APEC|ASEAN"
    r"|UNICEF|UNESCO|NATO|IMF|WTO|UNSW|ANU|ALP|LNP|ASIC|APRA|RBA|COAG|ATO|UN|UNCTAD|IAEA|OPEC|ACOSS)(?![\w-])"
)
# Bodies named "X Australia", as Australian agencies, companies and charities often are:
# "Infrastructure Australia", "Tourism Australia", "Ford Australia", "Mission Australia". Not
# places, directions, sentence openings, programmes in -ing, or "Australia" qualified.
_X_AUSTRALIA = re.compile(
    r"(?<![\w’'-])(?P<name>[A-Z][a-z]+(?<!ing)"
    r"(?:\s+[A-Z][a-z]+(?<!ing)(?<!Western)(?<!South)(?<!Northern))?"
    r"\s+Australia)\b(?!-)"
)
_NOT_X = re.compile(
    r"(?:South|Western|West|Northern|North|Eastern|East|Central|Capital|Country|Regional|Rural"
    r"|Outback|Greater|Modern|All|National|Multicultural|Indigenous|Aboriginal|Advance|Active|Creative"
    r"|Competitive|Sustainable|Team|Brand|Made|Officer|Executive|Minister|Director|Manager|Ambassador"
    r"|Commissioner|Chief|Governor|In|The|For|While|But|Across|Around|Throughout|As|If|How|Why"
    r"|What|When|Both|Although|Since|Because|So|And|Like|Each|This|That|On|See|Keep|Today|Of|To|From|With"
    r"|Queensland|Victoria|Tasmania|Sydney|Canberra|Melbourne|Zealand|Indonesia|Malaysia"
    r"|Territory)\b"
)
_POSSESSIVE = re.compile(r"['’]s\s+")
# "National Service Act", "the National Service scheme": a law's or a programme's name, not a body's
_LAW_AFTER = re.compile(
    r"\s+(?:Act|Bill|Regulations?|Amendment|[Ss]cheme|[Pp]rogram(?:me)?|[Pp]lan|[Gg]rants?)\b"
)
# The armed forces by name.
_FORCES = re.compile(
    r"\b(?:Royal\s+Australian\s+(?:Navy|Air\s+Force)"
    r"|Australian\s+(?:Army|Defence\s+Force|Military\s+Forces))\b"
)
_GENERIC = re.compile(
    r"^(?:(?:Royal|National|State|Federal|Joint)\s+(?:Commission|Council|Committee|Board"
    r"|Authority|Agency|Office|Group|Forum|Network)s?|(?:Task|Air|Police)\s+Forces?|Taskforce)$"
)
_DEPARTMENT_LIKE = re.compile(r"\b(?:Department|Ministry)\s+(?:of|for)\b|^(?:Minister|Secretary)\b")
# Initials in brackets that are places, not organisations: "Western Sydney (NSW)".
_PLACE_INITIALS = frozenset("NSW ACT NT QLD SA TAS VIC WA US USA UK NZ EU AU".split())
# What goes before a name without being part of it: "Canberra-based", "Board of Directors of the".
_QUALIFIER = re.compile(
    r"^(?:[\w-]+-based\s+|(?:Australian\s+)?Government['’]s\s+"
    r"|(?:Board\s+of\s+Directors|Members?|Associates?)\s+of\s+(?:the\s+)?"
    r"|(?:Lecturer|Reader|Professor)\s+in\s+\w+\s+)"
)
_TRAILING_TITLE = re.compile(r"\s+(?:Prof|Professor|Mr|Mrs|Ms|Dr|Sir|Dame|Senator)\.?$")


def _add_organisation(
    found: dict[str, int], name: str, at: int, expansion: bool, matcher: Matcher
) -> None:
    name = re.sub(r"^(?:The|A|An|But|And|However|While)\s+", "", name)
    if re.match(r"(?:This|That|These|Those|Its|Their|Our|Each|Every|Any)\b", name):
        return  # "This Committee": the one just named, not a name
    name = _TRAILING_TITLE.sub("", _QUALIFIER.sub("", name))
    name = re.sub(r"\b(Limited|Ltd)\b.+$", r"\1", name)  # a company's legal ending closes its name
    name = re.sub(
        rf"^(?:(?:Former|Deputy|Acting|Vice|General|Managing|Executive)\s+)?{_ROLE}"
        rf"(?:\s+(?:and\s+)?\w+)?\s+(?:of|on|at)\s+(?:the\s+)?",
        "",
        name,
    )

    if expansion and name.upper() in _HONOURS:
        return
    if len(name.split()) < 2 and not expansion:
        return
    if _NOT_ORGANISATION.search(name) or (_PLACE.search(name) and not _ENDING.search(name)):
        return
    if _GENERIC.match(name):  # "the Royal Commission", "a National Council": a kind, not a name
        return
    if _DEPARTMENT_LIKE.search(name):  # a department of state (counted as one), a minister's title
        return
    department = matcher.resolve("department", name)
    # Another country's department of that name is not this one: the UK's Cabinet Office is no
    # reason to drop Australia's.
    own = department and matcher.registry.departments[department].country == matcher.country
    if own or _mostly_lower(name):
        return
    if matcher.resolve("programme", name) and not re.search(rf"(?:{_ORG_ENDINGS})$", name):
        return  # a scheme's name, such as Social Work Associate Practice (SWAP)
    found.setdefault(name, at)


def _trim_to(name: str, short: str) -> str:
    """Cut a name before "(LGA)" back to the words its initials stand for.

    "Talks with the Local Government Association" becomes Local Government Association.
    """
    words = name.split()
    while len(words) > 1 and words[0][:1].upper() != short[:1].upper():
        words.pop(0)
    return " ".join(words)


def _mostly_lower(name: str) -> bool:
    words = name.split()
    return sum(1 for w in words if w[:1].islower()) * 2 > len(words)


def _alternation(names: list[str], flags: int) -> re.Pattern[str] | None:
    if not names:
        return None
    parts = [_pattern(n) for n in sorted(set(names), key=len, reverse=True)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", flags)


def _pattern(name: str) -> str:
    """Match a name however its spaces and apostrophes are written."""
    words = name.replace("’", "'").split()
    return r"\s+".join(re.escape(w).replace("'", "['’]") for w in words)


def _normal(name: str) -> str:
    words = name.lower().replace("’", "'").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _stems(text: str) -> list[str]:
    """Lower-case words without possessives or a plural s, so 'adults'' meets 'Adult'."""
    words = re.findall(
        r"[a-z]+", text.lower().replace("’", "'").replace("'s", "").replace("s'", "s")
    )
    return [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w not in _STOPWORDS]
