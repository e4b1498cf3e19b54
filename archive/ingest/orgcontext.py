"""Find bodies with no head word: by what the whole collection says of a name, or by its context.

Two kinds of evidence, neither a rule for one name:

- the collection: a name the releases, taken together, put where bodies stand far more than
  where people or places do ("Santos", "Snowy Hydro"), mined by bench/orgs_mine.py into
  collection_names.txt;
- the sentence: a capitalised phrase in a body's context in the text itself ("companies such as
  X, Y and Z", "X chairman", "the chief executive of X", "Messrs A, B and C", a firm).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources

from archive.ingest.orgwords import lower_words

_WORD = r"(?:[A-Z][\w'’&-]*[\w]|[A-Z]{2,})"
_PHRASE = rf"({_WORD}(?:\s(?:&\s)?{_WORD}){{0,3}})"
# a list of bodies after their kind: "companies such as Boral, CSR and Pioneer"
_KIND = (
    r"(?i:companies|organisations|organizations|firms|charities|agencies|publishers|airlines"
    r"|carriers|banks|insurers|miners|manufacturers|retailers|businesses|employers"
    r"|providers|broadcasters)"
)
_LIST_AFTER_KIND = re.compile(
    rf"\b{_KIND}(?:,)?\s+(?:such\s+as|like|including|as\s+diverse\s+as)\s+"
    rf"(?P<items>{_PHRASE}(?:(?:,\s+|,?\s+(?:and|or)\s+){_PHRASE}){{0,12}})"
)
# a body's officer named after it, or the body after its officer: "Ampol chairman", "the chief
# executive of Cardno" (not a spokesman: "the Foreign Affairs spokesman" speaks for a portfolio)
_OFFICER = (
    r"(?:chairman|chairwoman|chief\s+executive(?:\s+officer)?|CEO|managing\s+director"
    r"|shareholders|board\s+of\s+directors)"
)
# (the officer's name may follow, not another noun of a name: "the APEC Leaders CEO Summit")
_BEFORE_OFFICER = re.compile(
    rf"(?<![\w'’.-]){_PHRASE}(?:['’]s)?\s+{_OFFICER}\b"
    r"(?!\s+(?!(?:Mr|Mrs|Ms|Dr|Sir|Dame|Professor)\b)[A-Z])"
)
_OFFICER_OF = re.compile(rf"\b{_OFFICER}\s+of\s+{_PHRASE}(?![\w'’-])(?!\s+(?:[A-Z]|of\b|for\b))")
# a firm named by its partners: "Messrs Ancher, Mortlock, Murray and Woolley of Sydney", "Messrs
# Peat Marwick Mitchell Co."; not ministers named together ("Messrs. Hurford and Hayden")
_MESSRS = re.compile(
    r"\bMessrs\.?\s+(?P<firm>[A-Z][\w'’-]+(?:(?:,\s+|\s+(?:and|&)\s+|\s+)[A-Z][\w'’-]+){1,5})"
    r"(?=\s+(?:of|cf)\s+[A-Z]|\s+(?:&\s+)?Co\b)"
)
# what a body's context may still hold: people, places, times, the government and its parts
_NOT_BODY = re.compile(
    r"^(?:The|A|An|This|That|Mr|Mrs|Ms|Dr|Sir|Dame|Senator|Professor|Government|Commonwealth"
    r"|Australian?|Federal|State|States|National|Minister|Prime|Premier|Treasurer|Labor|Liberal"
    r"|Coalition|Opposition|Parliament|Senate|Cabinet|Department|January|February|March|April"
    r"|May|June|July|August|September|October|November|December|Queensland|Victoria|Tasmania"
    r"|NSW|New\s+South\s+Wales|Western|South|Northern|North|East|Sydney|Melbourne|Brisbane"
    r"|Perth|Adelaide|Hobart|Darwin|Canberra|President|Company|Board|Chairman|Director|Deputy"
    r"|Acting|Chief|Executive|I|We|He|She|It|They|In|On|At|For|Of|And|But|Now|Today|Since|As|If"
    r"|When|While|After|Before|Its|His|Her|Their|Our|Your|My)\b"
)


# initials used as a grade or a file's format: "a AAA credit rating", "RTF 345KB"
_NOT_BODY_AFTER = re.compile(r"\s+(?:credit|ratings?)\b|\s+\d+\s*[KM]B\b")


@cache
def collection_names() -> re.Pattern[str] | None:
    """Return a pattern of the names the collection makes bodies (collection_names.txt)."""
    text = resources.files("archive.ingest").joinpath("collection_names.txt").read_text("utf-8")
    names = [n for n in text.split("\n") if n and not n.startswith("#")]
    if not names:
        return None
    alternation = "|".join(
        r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True)
    )
    # standing alone: not inside a longer capitalised name ("Telstra Corporation" is found whole)
    return re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])(?!\s+[A-Z][a-z])")


def _body_like(phrase: str) -> bool:
    """Tell whether a phrase in a body's context may name one: no opening common word, no
    word the releases write in lower case, no person's title, no place or time."""
    words = phrase.split()
    if _NOT_BODY.match(phrase) or _NOT_BODY.fullmatch(words[-1]):
        return False
    if re.search(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Dame)\b", phrase):
        return False  # a person: "National Australia Bank Mr Jeff Connolly"
    low = lower_words()
    return not any(w.lower() in low for w in words if not w.isupper())


def by_context(
    text: str,
    capitals: bool,
    department: Callable[[str], bool],
    law_after: re.Pattern[str],
    kind: re.Pattern[str],
) -> Iterator[tuple[str, int]]:
    """Yield the names a text gives bodies by their context, and where each starts.

    Not in a text in capitals throughout, not a department ("agencies such as Foreign Affairs"),
    and not a name the text uses for a programme, a law or a grade anywhere ("the CRC program",
    "a AAA credit rating", "RTF 345KB")."""
    if capitals:
        return
    found = [(re.sub(r"['’]s?$", "", name), at) for name, at in _by_context(text)]
    for name in dict.fromkeys(n for n, _ in found):
        if department(name) or department(f"Department of {name}") or kind.search(name):
            continue  # "Foreign Affairs", "Business Enterprise Centres"
        uses = re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text)
        if any(
            law_after.match(text, u.end()) or _NOT_BODY_AFTER.match(text, u.end()) for u in uses
        ):
            continue
        yield name, min(at for n, at in found if n == name)


def _by_context(text: str) -> Iterator[tuple[str, int]]:
    pattern = collection_names()
    if pattern is not None:
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 40) : m.start()].split()[-1:]
            opening = (
                re.fullmatch(r"The|A|An|This|That|Its|Our|Their|.*[.:\"]", before[0])
                if before
                else None
            )
            if before and before[0][:1].isupper() and not opening:
                continue  # the tail of a longer name: "the Desert Knowledge CRC"
            if "|" not in m.group():
                yield " ".join(m.group().split()), m.start()
    for m in _LIST_AFTER_KIND.finditer(text):
        items = list(re.finditer(_PHRASE, m["items"]))
        for item in items:
            after = text[m.start("items") + item.end() :]
            # not an item a longer name goes on from ("Divisions of General Practice"), nor one
            # alone that a noun follows ("businesses, including Stateowned enterprises")
            longer = re.match(r"\s+(?:of|for)\s", after)
            noun = len(items) == 1 and not re.match(r"\s*(?:[,.;:)]|$)", after)
            if not (longer or noun) and _body_like(item.group()):
                yield " ".join(item.group().split()), m.start("items") + item.start()
    for pattern in (_BEFORE_OFFICER, _OFFICER_OF):
        for m in pattern.finditer(text):
            if _body_like(m.group(1)):
                yield " ".join(m.group(1).split()), m.start(1)
    for m in _MESSRS.finditer(text):
        if "|" not in m["firm"]:
            yield " ".join(m["firm"].split()), m.start("firm")
