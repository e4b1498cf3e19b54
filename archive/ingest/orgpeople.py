"""Tell people from bodies among names found: a person named with a head word, names run together.

Round 14's shapes, each general, none a name of a record:

- a person whose surname is a body's head word ("Margaret Court", "Sir Charles Court"): a given
  name before it, from the names the releases write between a style and a surname
  (given_names.txt, mined by bench/orgs_given.py);
- a phrase run over "and" into a person or an office holder ("Mr A. D. Taylor and Sir Charles
  Court", "Stone & Chalk and Director of Westpac Bank", "Premier Mike Baird and New South Wales
  Police"): parted at the "and", and a part that is a person or an office's holder dropped;
- a body's facility after its name ("University of Tasmania Campus"): the body.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_STYLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Senator|Professor|Prof)\.?"
# an office held, before its holder's name or "of" a body ("Director of Westpac Bank")
_OFFICE = (
    r"(?:Premier|Minister|Treasurer|Mayor|Lord\s+Mayor|Director|Chairman|Chairwoman|Chair"
    r"|President|Secretary|Commissioner|Governor|Leader|Ambassador|Chief\s+Executive|CEO"
    r"|Managing\s+Director|Manager|Founder|Partner|Head)"
)
# where "and" joins a name to a person or an office, not to the rest of one body's name
_AND = re.compile(r"\s+(?:and|&)\s+")
_PERSON_NEXT = re.compile(
    rf"^(?:the\s+)?(?:{_STYLE}\s|(?:[A-Z][a-z]+\s+)?{_OFFICE}\s+(?:of|for|at)\s)"
)
# a holder's name closing what stands before "and": "... Premier Mike Baird", "Director Mr J.
# Brown" (a given name, a style or initials: "Director Brown and Lamond Bloodstock Pty Ltd" is a
# firm)
_HOLDER_BEFORE = re.compile(
    rf"\b{_OFFICE}\s+(?P<style>{_STYLE}\s+|(?:[A-Z]\.\s*)+)?(?P<first>[A-Z][\w'’-]+)"
    r"(?:\s+[A-Z][\w'’-]+)?$"
)
_A_STYLED = re.compile(rf"^{_STYLE}\s")
# "University of Tasmania Campus in Launceston": the campus and its place (not a body's own word:
# "Port Arthur Historic Site Authority")
_FACILITY_AFTER = re.compile(r"\s+(?:Campus|Campuses|Precinct|Site|Grounds)(?:\s+(?:in|at)\s.*)?$")


@cache
def given_names() -> frozenset[str]:
    """Return the given names the releases write between a style and a surname."""
    text = resources.files("archive.ingest").joinpath("given_names.txt").read_text("utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def parts(name: str, ending: re.Pattern[str]) -> list[str]:
    """Part a phrase run over "and" into a person or an office, keeping the bodies' parts."""
    for m in _AND.finditer(name):
        left, right = name[: m.start()], name[m.end() :]
        if _PERSON_NEXT.match(right) or _holder_at_end(left) or _A_STYLED.match(left):
            right = re.sub(r"^the\s+", "", right)
            kept = [] if _a_holder(left, ending) else [left]
            return kept + parts(right, ending)
    return [] if _a_holder(name, ending) else [name]


def _holder_at_end(part: str) -> bool:
    """Tell whether a part closes with an office's holder named as a person is."""
    m = _HOLDER_BEFORE.search(part)
    return m is not None and bool(m["style"] or m["first"] in given_names())


def _a_holder(part: str, ending: re.Pattern[str]) -> bool:
    """Tell a part that names a person or an office's holder, not a body."""
    person = _A_STYLED.match(part) or _holder_at_end(part)
    return bool(person) and not ending.search(part)


def a_person(name: str) -> bool:
    """Tell whether a name with a head word is a person's: a given name before a surname."""
    words = re.sub(rf"^{_STYLE}\s+", "", name).split()
    return len(words) == 2 and words[1] == "Court" and words[0] in given_names()


def facility_off(name: str) -> str:
    """Return a body's name without the facility of its named after it ("... Campus")."""
    return _FACILITY_AFTER.sub("", name)
