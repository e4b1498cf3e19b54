"""Mine the AU releases for names of bodies that carry no head word, by the contexts they recur in.

    python bench/orgs_mine.py              # rewrite archive/ingest/collection_names.txt
    python bench/orgs_mine.py --show 40    # and print the 40 nearest misses each side of the line

A capitalised phrase of one to three words ("Ampol", "AgForce", "Cardno", "Youth Off The
Streets" is longer and left to other rules) is an organisation's name when the collection, taken
whole, puts it where organisations stand and seldom where people or places do:

- a body's context: "X chairman", "X's chief executive", "X Ltd", "X shareholders",
  "companies such as X", "funding to X", "operated by X", "X has announced";
- a person's: "Mr X", "Senator X", "X MP", "X said" after a given name;
- a place's: "in X", "at X", "near X", "X, Queensland".

A phrase is listed when bodies' contexts hold it in at least MIN_RELEASES releases and make at
least SHARE of its contexts of any kind, and it is written capitalised inside a sentence in
at least ALONE releases. The records of the sealed samples (bench/orgs_quality.py's SEALED) are
left out, and so are texts mostly in capitals. The thresholds were chosen on the mean of the
development samples (docs/organisations.md). The texts are the Commonwealth of Australia's,
under CC BY 3.0 AU.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import ingest_quality as quality  # noqa: E402
import yaml  # noqa: E402
from orgs_quality import SEALED  # noqa: E402

from archive.ingest import orgs  # noqa: E402

OUT = HERE.parent / "archive" / "ingest" / "collection_names.txt"
PLACE_INITIALS = frozenset("NSW ACT NT QLD SA TAS VIC WA US USA UK NZ EU AU PNG".split())
MIN_RELEASES = 2
SHARE = 0.5
ALONE = 2

_WORD = r"[A-Z][\w'’&-]*[\w]"
_PHRASE = rf"({_WORD}(?:\s{_WORD}){{0,2}})"
# a body's contexts: after the phrase, or before it
_BODY_AFTER = re.compile(
    rf"(?<![\w'’.-]){_PHRASE}(?:['’]s)?\s+(?:chairman|chairwoman|chair|chief\s+executive|CEO|"
    r"managing\s+director|board|directors|shareholders|employees|workers|staff|spokesman|"
    r"spokeswoman|spokesperson|executives|management|Ltd|Limited|Pty|Inc\b|Group\s+Ltd|"
    r"has\s+announced|announced|will\s+invest|has\s+agreed|plant|subsidiary|annual\s+report)\b"
)
_BODY_BEFORE = re.compile(
    r"\b(?:companies|organisations|organizations|firms|charities|bodies|groups|agencies|"
    r"businesses|employers|operators|providers)\s+(?:such\s+as|like|including)\s+"
    rf"(?:{_PHRASE}(?:,\s+|\s+and\s+))*{_PHRASE}(?![\w'’-])"
    rf"|\b(?:funding|grants?|contract|loan)\s+(?:to|with)\s+{_PHRASE}(?![\w'’-])(?!\s+[A-Z])"
    rf"|\b(?:operated|run|owned|managed|delivered|built|employed|sponsored|made)\s+by\s+"
    rf"{_PHRASE}(?![\w'’-])(?!\s+[A-Z])"
    rf"|\b(?:chairman|chief\s+executive|CEO|managing\s+director|board)\s+of\s+{_PHRASE}"
    r"(?![\w'’-])(?!\s+[A-Z])"
)
_PERSON = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Senator|Professor|Prof|Lady|Lord|Judge|Justice|Minister|Premier"
    r"|Queen|King|Prince|Princess|President|Governor-General)"
    rf"\.?\s+{_PHRASE}|{_PHRASE}\s+(?:MP|MLA|MHR|QC|AO|AC|said\s+(?:he|she))\b"
    rf"|\b(?:he|she|his|her)\s+(?:and\s+)?{_PHRASE}"
)
_PLACE = re.compile(
    rf"\b(?:in|near|across|around|throughout)\s+(?:the\s+)?{_PHRASE}(?![\w'’-])"
    r"(?!\s+[A-Z])"
    rf"|{_PHRASE},\s+(?:Queensland|Victoria|Tasmania|NSW|New\s+South\s+Wales|South\s+Australia|"
    r"Western\s+Australia|Northern\s+Territory|ACT)\b"
)
# the strongest: a company's legal ending, and initials a body's full name is given with
_COMPANY = re.compile(rf"(?<![\w'’.-]){_PHRASE}\s+(?:Pty\.?\s+Ltd|Ltd|Limited|Pty|Inc|Holdings)\b")
_DEFINED = re.compile(
    r"\b(?P<long>(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|the|on|in|&)\s+)*){1,9})"
    r"\((?P<short>[A-Z][A-Za-z]{1,6})\)"
)
# a portfolio's or a department's subject: "Minister for Foreign Affairs"
_PORTFOLIO = re.compile(
    rf"\b(?:Minister|Ministers|Department|Departments|Secretary|Portfolio)\s+"
    rf"(?:for|of|assisting\s+the\s+Minister\s+for)\s+(?:the\s+)?{_PHRASE}"
)
# capitalised inside a sentence: after a lower-case word and a space
_INSIDE = re.compile(rf"(?<=[a-z,]\s){_PHRASE}(?![\w'’-])(?!\s+[A-Z])")
# words that are capitalised for other reasons than naming a body
_NOT_NAME = re.compile(
    r"^(?:The|A|An|This|That|These|Those|It|Its|Our|We|I|He|She|They|In|On|At|By|For|From|To|Of"
    r"|And|But|Or|If|As|Government|Commonwealth|Australian?|Australians|Federal|State|States|Governments|National|Minister"
    r"|Prime|Premier|Treasurer|Labor|Liberal|Coalition|Opposition|Parliament|Senate|Cabinet"
    r"|Budget|Department|Mr|Mrs|Ms|Dr|Sir|January|February|March|April|May|June|July|August"
    r"|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|Christmas|Easter|Today|Yesterday|Company|Board|Council|Committee|Group|Local"
    r"|Territory|Territories|Region|Regional|North|South|East|West|Northern|Southern|Eastern"
    r"|Western|Central|New|Royal|Chief|Governor-General|Executive|Chairman|Director|President|General|Secretary"
    r"|Office|Bank|Fund|Program|Programme|Project|Scheme|Plan|Report|Act|Bill|Review|Inquiry"
    r"|Indigenous|Aboriginal|Torres|Strait|Islander|Islanders|English|Asian|Asia|Pacific"
    r"|Anzac|ANZAC|World|War|Day|Games|Olympic|Olympics|Cup|Year|Week|Medicare|GST|Internet"
    r"|Chinese|Japanese|American|British|Indian|Indonesian|Korean|European|Vietnamese|French)\b"
)


def _texts() -> list[tuple[str, str]]:
    """Return every release's id and text, less the sealed samples and texts in capitals."""
    # the sealed samples' own records (a residue given as a tuple, "% 433 in 5..8", is matched
    # by the records annotated: round 12's "== (17, 18)" left none out)
    sealed = {i for path, _, _ in SEALED.values() for i in yaml.safe_load(path.read_text("utf-8"))}
    kept = []
    with quality.SOURCE.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in sealed:
                continue
            text = " ".join(record["text"].split())
            letters = [c for c in text if c.isalpha()]
            if letters and sum(c.isupper() for c in letters) > 0.5 * len(letters):
                continue
            kept.append((record["id"], text))
    return kept


def _inside_longer(text: str, at: int) -> bool:
    """Tell whether a phrase goes on a capitalised name before it ("New Zealand Banking")."""
    before = text[max(0, at - 40) : at].split()
    if len(before) >= 2 and before[-1] in ("of", "for", "and", "&") and before[-2][:1].isupper():
        return True  # "Bank of Australasia", "Broken Hill Proprietary and ..."
    return bool(before) and before[-1][:1].isupper() and not before[-1].endswith((".", ":", '"'))


def _a_body(name: str) -> bool:
    """Tell whether ingest's rules take a whole phrase for one body's name."""
    name = re.sub(r"^(?:[Tt]he|[Aa]n?d?)\s+", "", " ".join(name.split()))
    found = orgs.find_names(name, lambda _: False, lambda _: False)
    return [n for n, _ in found] == [name]


def count(texts: list[tuple[str, str]]) -> dict[str, Counter[str]]:
    """Return, for each kind of context, the releases each phrase stands in it."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for record_id, text in texts:
        for kind, pattern in (
            ("body", _BODY_AFTER),
            ("body", _BODY_BEFORE),
            ("person", _PERSON),
            ("place", _PLACE),
            ("portfolio", _PORTFOLIO),
            ("inside", _INSIDE),
        ):
            for m in pattern.finditer(text):
                for i, value in enumerate(m.groups(), 1):
                    if value and not _inside_longer(text, m.start(i)):
                        seen[kind][value].add(record_id)
        for m in _COMPANY.finditer(text):
            if not _inside_longer(text, m.start(1)):
                seen["strong"][m.group(1)].add(record_id)
        for m in _DEFINED.finditer(text):
            short = m["short"]
            if sum(c.isupper() for c in short) >= 2:
                # the initials of what ingest's own rules take for a body, whole; any other
                # full name given them ("Chief of the Defence Force (CDF)") counts against them
                kind = "strong" if _a_body(m["long"]) else "portfolio"
                seen[kind][short].add(record_id)
    kinds = ("body", "strong", "person", "place", "portfolio", "inside")
    return {kind: Counter({p: len(ids) for p, ids in seen[kind].items()}) for kind in kinds}


def listed(
    counts: dict[str, Counter[str]], texts: list[tuple[str, str]]
) -> list[tuple[str, int, float]]:
    """Return the phrases the contexts make bodies, each with its releases and its share."""
    rows = []
    for phrase in set(counts["body"]) | set(counts["strong"]):
        if not _shape_of_name(phrase) or phrase in PLACE_INITIALS:
            continue
        body, strong = counts["body"][phrase], counts["strong"][phrase]
        person, place = counts["person"][phrase], counts["place"][phrase]
        share = (body + strong) / (body + strong + person + place + counts["portfolio"][phrase])
        # initials mean many things: defined as a body's in two releases at least
        enough = body + 2 * strong >= MIN_RELEASES and (strong >= 2 or not phrase.isupper())
        if enough and share >= SHARE and counts["inside"][phrase] >= ALONE:
            rows.append((phrase, body, share))
    return [row for row in sorted(rows) if _mostly_alone(row[0], texts)]


def _shape_of_name(phrase: str) -> bool:
    """Tell whether a phrase has a name's shape: no opening or closing common word, no
    demonym, no abbreviation of two or three letters in lower case ("Co", "Aust")."""
    words = phrase.split()
    if _NOT_NAME.match(phrase) or _NOT_NAME.search(words[-1]):
        return False
    if len(words) == 1 and re.search(r"(?:an|ese|ish)$", phrase):
        return False  # "German", "Afghan", "Victorian": a people's or a place's adjective
    return not (len(phrase) <= 4 and not phrase.isupper())


def _mostly_alone(phrase: str, texts: list[tuple[str, str]]) -> bool:
    """Tell whether the releases write a phrase as a name of its own: seldom in lower case
    ("News", "Energy") and not mostly the opening of a longer name ("Snowy Mountains")."""
    word = re.compile(rf"(?<![\w'’-]){re.escape(phrase)}(?![\w'’-])", re.IGNORECASE)
    lower = capital = alone = 0
    for _, text in texts:
        for m in word.finditer(text):
            if m.group()[0].islower():
                lower += 1
                continue
            capital += 1
            alone += not re.match(r"\s+[A-Z]", text[m.end() : m.end() + 3])
    return lower <= 0.1 * capital and alone >= 0.3 * capital


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print phrases near the line")
    args = parser.parse_args()
    if not quality.SOURCE.exists():
        sys.exit(f"{quality.SOURCE} is absent: the list is mined from the shared AU releases")
    texts = _texts()
    rows = listed(count(texts), texts)
    header = (
        "# Names of bodies with no head word, mined from the Australian releases by the contexts\n"
        "# they recur in (a body's, not a person's or a place's); made by bench/orgs_mine.py\n"
        f"# (at least {MIN_RELEASES} releases, a share of {SHARE}; the sealed samples left out).\n"
    )
    OUT.write_text(header + "".join(f"{p}\n" for p, _, _ in rows), "utf-8")
    print(f"{len(rows)} names written to {OUT}")
    if args.show:
        counts = count(texts)
        near = sorted(counts["body"].items(), key=lambda item: -item[1])[: args.show]
        for phrase, body in near:
            person, place = counts["person"][phrase], counts["place"][phrase]
            mark = "+" if any(p == phrase for p, _, _ in rows) else " "
            print(f"{mark} {phrase}: body {body}, person {person}, place {place}")


if __name__ == "__main__":
    main()
