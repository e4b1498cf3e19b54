"""Describe organisation candidates for a learned filter: the rules' names and looser phrases.

Each candidate phrase (a name the rules in archive/ingest/orgs.py found, or any run of capitalised
words) is described by its shape: head and first word, length, "of"-phrases, capitals, what
precedes and follows, whether it is a department or programme of the registry, how often the text
names it, whether the text is in capitals or noisy. bench/orgs_filter.py trains a logistic
regression over those features and applies it here in pure Python (a sum of feature weights), as
ingest would have. Measured leave-one-sample-out it did not beat the rules alone, so nothing of
it ships in the package (docs/ingest-quality.md, "round 3"; docs/organisations.md, round 4).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from archive.ingest.furniture import in_capitals
from archive.ingest.orgs import (
    _CITY,
    _DEPARTMENT_LIKE,
    _ENDING,
    _GENERIC,
    _NOT_ORGANISATION,
    _PLACE,
    _ROLE,
)
from archive.ingest.orgshort import _INITIALS

# A capitalised word or an initial; the small words a name carries between them.
_WORD = r"(?:[A-Z][\w'’&-]*|[A-Z]\.)"
_LINK = r"(?:of|for|and|on|into|in|the|de|&)"
_RUN = re.compile(rf"{_WORD}(?:[ \t\n]+(?:{_LINK}[ \t\n]+){{0,2}}{_WORD})*")
_TOKEN = re.compile(r"\S+")
_MAX_WORDS = 8
_ROLE_FIRST = re.compile(rf"^{_ROLE}")
_KNOWN = re.compile(rf"^(?:{_INITIALS})$")
_CLEAN = re.compile(r"^[A-Za-z][A-Za-z'’&.\- ]*$")
# How many of the collection's releases hold each phrase (bench/orgs_filter.py fills it, or not).
FREQUENCY: dict[str, int] = {}


@dataclass
class Candidate:
    """A phrase that may name an organisation: its first place in the text and its features."""

    name: str
    start: int
    end: int
    rules: bool = False
    features: list[str] = field(default_factory=list)
    score: float = 0.0


def spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield every phrase of capitalised words (linked by of, and, the) of up to eight words."""
    for run in _RUN.finditer(text):
        words = [(m.group(), run.start() + m.start()) for m in _TOKEN.finditer(run.group())]
        for i, (first, start) in enumerate(words):
            if not first[:1].isupper() or first in ("The", "A", "An"):
                continue
            for j in range(i, min(len(words), i + _MAX_WORDS)):
                last, at = words[j]
                if last[:1].isupper():
                    yield " ".join(w for w, _ in words[i : j + 1]), start, at + len(last)


def features(
    text: str,
    cand: Candidate,
    capitals: bool,
    department: Callable[[str], bool],
    programme: Callable[[str], bool],
) -> list[str]:
    """Describe a candidate by its shape and its place in the text, as feature names."""
    name, words = cand.name, cand.name.split()
    first, last = words[0], words[-1]
    feats = [f"n={min(len(words), 7)}", f"head={last.lower()}", f"first={first.lower()}"]
    if cand.rules:
        feats += ["rules", f"rules_n={min(len(words), 5)}"]
    if len(words) == 1:
        shape = (
            "caps" if name.isupper() and name.isalpha() else "dotted" if "." in name else "title"
        )
        feats.append(f"one={shape}")
        if _KNOWN.match(name.replace(".", "").replace(" ", "")):
            feats.append("known_initials")
    if _ENDING.fullmatch(last):
        feats.append("ending")
    elif any(_ENDING.fullmatch(w) for w in words[:-1]):
        feats.append("ending_inside")
    feats += [f"has={w}" for w in ("of", "and", "for", "the") if w in words[1:-1]]
    before = text[max(0, cand.start - 40) : cand.start].split()
    after = text[cand.end : cand.end + 40].split()
    prev = before[-1] if before else "^"
    nxt = after[0] if after else "$"
    feats.append(f"prev={prev.lower().strip(',;:()')}")
    feats.append(f"next={nxt.lower().strip(',;:.()')}")
    if prev[:1].isupper():
        feats.append("prev_cap")
    if nxt[:1].isupper():
        feats.append("next_cap")
    if nxt.startswith("("):
        feats.append("next_bracket")
    if re.search(r"(?:^|[.!?|]\s*|\n\s*\n\s*)$", text[max(0, cand.start - 4) : cand.start]):
        feats.append("sentence_start")
    if capitals:
        feats.append("text_capitals")
    if name.isupper() and len(words) > 1:
        feats.append("span_capitals")
    if not _CLEAN.match(name) or any(len(w) == 1 and w.isalpha() for w in words[1:]):
        feats.append("noise")
    count = text.count(name)
    feats.append(f"count={min(count, 3)}")
    if FREQUENCY:  # a name many releases share is a body's; a phrase of one release, less often
        df = FREQUENCY.get(" ".join(words), 1)
        feats.append(
            f"df={0 if df < 2 else 1 if df < 5 else 2 if df < 20 else 3 if df < 100 else 4}"
        )
    if department(name):
        feats.append("department")
    if programme(name):
        feats.append("programme")
    if _ROLE_FIRST.match(name):
        feats.append("role_first")
    if _PLACE.search(name) or re.search(_CITY, name):
        feats.append("place")
    if _NOT_ORGANISATION.search(name):
        feats.append("not_organisation")
    if _GENERIC.match(name):
        feats.append("generic")
    if _DEPARTMENT_LIKE.search(name):
        feats.append("department_like")
    return feats


def candidates(
    text: str,
    found: list[tuple[str, int]],
    department: Callable[[str], bool],
    programme: Callable[[str], bool],
) -> list[Candidate]:
    """Return the rules' names and every looser phrase of a text, once each, with features."""
    text = re.sub(r"\n(?=\n)", "|", text)
    by_name: dict[str, Candidate] = {}
    for name, at in found:
        start = text.find(name, at)
        start = at if start < 0 else start
        by_name[name] = Candidate(name, start, start + len(name), rules=True)
    for name, start, end in spans(text):
        if name not in by_name:
            by_name[name] = Candidate(name, start, end)
    capitals = in_capitals(text)
    for cand in by_name.values():
        cand.features = features(text, cand, capitals, department, programme)
    return list(by_name.values())


def probability(feats: list[str], weights: dict[str, float], intercept: float) -> float:
    """Return the model's probability that a candidate with these features is an organisation."""
    z = intercept + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def choose(
    cands: list[Candidate], rules_threshold: float, loose_threshold: float
) -> list[Candidate]:
    """Keep the candidates above their threshold, best first, none overlapping one kept."""
    kept: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: -c.score):
        if cand.score < (rules_threshold if cand.rules else loose_threshold):
            continue
        if any(
            c.start < cand.end and cand.start < c.end and not (c.rules and cand.rules) for c in kept
        ):
            continue  # a part or an extension of a name kept, or one running into it
        kept.append(cand)
    return sorted(kept, key=lambda c: c.start)
