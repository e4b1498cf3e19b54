"""Apply the learned line model beside the rules: furniture lines the rules left, and breaks.

The weights are a small JSON file (linemodel.json, beside this module) written by
`python bench/line_model.py --train`; applying them is a dot product in pure Python, so ingest
needs no machine-learning library. A shipped file with no weights (or a threshold above 1) leaves
every line and every break as the rules decided.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

WEIGHTS = Path(__file__).with_name("linemodel.json")

_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)
_AMOUNT = re.compile(r"[$£€¥]|\b(?:million|billion|dollars?|pounds?)\b", re.IGNORECASE)
# a figure of a table ("30,400", "72500", "1,250.5"), not a year, a page or a file number
_FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{5,}\b|\b(?!1[89]\d\d|20\d\d)\d{4}\b")
_FINAL = re.compile(r"[.!?][\"”’')\]]*$")
_NUMBER_MARK = re.compile(r"\b(?:No|Np|Io)\b\.?|\d+\s*/\s*\d+")
_BULLET = re.compile(r"^(?:[•·▪◦‣*]|[-–—](?=\s)|\(?(?:\d{1,2}|[a-z])[.)])\s*")
_TOKEN = re.compile(r"[A-Za-z]+")
_DECIMAL = re.compile(r"\d[.,:]\d")
_MARK_ALONE = re.compile(r"[•·▪◦‣*\-–—]")
# a web address, an e-mail, a telephone number, a file's size: a contact's or a web page's shapes
_CONTACT = re.compile(
    r"www\.|https?:|@\w|\(0\d\)\s*\d|\b\d{4}\s?\d{3}\s?\d{3}\b|\b\d+\s?KB\b", re.IGNORECASE
)

_model: dict[str, Any] | None = None


def use(model: dict[str, Any] | None) -> None:
    """Apply these weights from now on (the bench trains and scores folds with this)."""
    global _model
    _model = model


def _loaded() -> dict[str, Any]:
    global _model
    if _model is None:
        _model = json.loads(WEIGHTS.read_text("utf-8")) if WEIGHTS.exists() else {}
    return _model


@cache
def _dictionary() -> frozenset[str]:
    """The package's list of words written in lower case inside sentences."""
    text = resources.files("archive.ingest").joinpath("lowercase_words.txt").read_text("utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#") and w.isalpha())


def _shape(line: str, vocab: frozenset[str]) -> list[float]:
    """Describe one line by its shape alone: length, capitals, known words, digits, marks."""
    parts = line.split()
    n = max(len(parts), 1)
    letters = [c for c in line if c.isalpha()]
    tokens = _TOKEN.findall(line)
    known = sum(1 for t in tokens if t.casefold() in vocab)
    odd = sum(1 for p in parts if re.search(r"[A-Za-z][^A-Za-z'’,.\-:;)]+[A-Za-z]|\W{2,}", p))
    words = [t.casefold() for t in tokens]
    short = sum(1 for t in tokens if len(t) == 1)  # the scan's stray letters ("o. e / 2")
    return [
        math.log1p(len(parts)),
        math.log1p(len(line)),
        sum(c.isupper() for c in letters) / max(len(letters), 1),
        known / max(len(tokens), 1),
        sum(1 for p in parts if p[:1].islower()) / n,
        sum(c.isdigit() for c in line) / max(len(line), 1),
        float(bool(_MONTH.search(line))),
        float(bool(_NUMBER_MARK.search(line))),
        odd / n,
        float(bool(_FINAL.search(line))),
        float(line.endswith((",", ";", ":"))),
        float(line[:1].islower()),
        float(line[:1].isdigit()),
        float(bool(_BULLET.match(line))),
        len(letters) / max(len(line), 1),
        # round 10: the share of dictionary words, of furniture's words, of marks, stray letters
        sum(1 for w in words if w in _dictionary()) / max(len(words), 1),
        sum(1 for w in words if w in _FURNITURE_ALL) / max(len(words), 1),
        sum(1 for c in line if not c.isalnum() and not c.isspace()) / max(len(line), 1),
        short / max(len(tokens), 1),
        float(bool(letters) and all(c.isupper() for c in letters)),
        float(bool(_CONTACT.search(line))),
        float(line[-1:].isdigit()),
        float(bool(re.search(r"[^\w\s.,;:!?\"”’')\]]$", line))),  # an odd mark at the end
    ]


def furniture_features(lines: list[str], i: int, vocab: frozenset[str]) -> list[float]:
    """Describe line i among its lines: its shape, where it stands, the lines beside it."""
    before = lines[i - 1] if i > 0 else ""
    after = lines[i + 1] if i + 1 < len(lines) else ""
    n = len(lines)
    return (
        _shape(lines[i], vocab)
        + [i / max(n - 1, 1), float(i < 3), float(i >= n - 3)]
        + _shape(before, vocab)[:5]
        + _shape(after, vocab)[:5]
    )


def break_features(before: str, line: str, vocab: frozenset[str]) -> list[float]:
    """Describe the seam between two lines: how one ends, how the next begins."""
    tail = before.split()[-1] if before.split() else ""
    return (
        _shape(before, vocab)
        + _shape(line, vocab)
        + [
            float(bool(re.fullmatch(r"(?:Mr|Mrs|Ms|Dr|St|Sir|[A-Z])\.", tail))),
            float(tail.casefold().strip(".,") in _SMALL),
            float(bool(re.search(r";\s*(?:and|or)?$", before))),
        ]
    )


_FURNITURE_WORDS = frozenset(
    "for press statement release media prime minister australia canberra embargo embargoed "
    "office transcript no page date acting".split()
)
# furniture's words the round 10 feature counts beside those above (a line's share of them)
_FURNITURE_WORDS_MORE = frozenset(
    "fax tel telephone phone facsimile contact enquiries inquiries attachment attachments "
    "attached overleaf ends rtf pdf kb doc html www com gov au email mp parliament house "
    "act broadcast published telecast midnight am pm hours".split()
)
_FURNITURE_ALL = _FURNITURE_WORDS | _FURNITURE_WORDS_MORE
_SMALL = frozenset("a an the of to in on at by for and or with from as that".split())


def _score(part: dict[str, Any], features: list[float]) -> float:
    z = part["bias"] + sum(
        w * (x - m) / s
        for w, x, m, s in zip(part["weights"], features, part["mean"], part["scale"])
    )
    return 1 / (1 + math.exp(-max(min(z, 40.0), -40.0)))


def prose(line: str, vocab: frozenset[str] = frozenset()) -> bool:
    """Tell a line the model must never take: a sentence's words, an amount, a table's figure."""
    lower = sum(1 for w in line.split() if w[:1].islower())  # as the bench counts prose
    known = sum(1 for t in _TOKEN.findall(line) if len(t) > 1 and t.casefold() in vocab)
    # known > 3: a sentence typed in capitals ("THE PEOPLE OF AUSTRALIA SHOULD NOT BE FOOLED");
    # a line ending in ":" or "," is a transcript's speaker ("PRIME MINISTER:") or a salutation
    # every word a common one and none furniture's: a heading ("INTRODUCTION", "TERMS OF
    # REFERENCE"), not a letterhead ("PRIME MINISTER") nor noise ("PROAE MINSTE~ R")
    words = [t.casefold() for t in _TOKEN.findall(line) if len(t) > 1]
    heading = bool(words) and all(w in vocab and w not in _FURNITURE_WORDS for w in words)
    return (
        lower >= 3
        or known > 3
        or heading
        or line.endswith((":", ","))
        or bool(_AMOUNT.search(line) or _FIGURE.search(line))
        or bool(_DECIMAL.search(line))  # a table's "10.00" or a time: a figure, not a page's
        or bool(_MARK_ALONE.fullmatch(line))  # a list's bullet on a line of its own
    )


def drop_furniture(page: list[str], units: list[str], dropped: list[str]) -> list[str]:
    """Take out the units the model is sure are furniture (never prose, never an amount).

    The model reads every line of the page as it came (its place among them is a feature), so it
    judges a line the rules left by the same measure as the lines they took.
    """
    model = _loaded()
    part = model.get("furniture")
    if not part or part["threshold"] > 1 or not units:
        return units
    vocab = frozenset(model.get("vocab", []))
    left = set(units)
    sure = {
        line
        for i, line in enumerate(page)
        if line in left
        and not prose(line, vocab)
        and not _in_column(page, i)
        and _score(part, furniture_features(page, i, vocab)) >= part["threshold"]
    }
    dropped.extend(line for line in units if line in sure)
    return [line for line in units if line not in sure]


def _in_column(page: list[str], i: int) -> bool:
    """Tell a number standing in a column of figures (a table's), not a page's number alone."""
    figure = re.compile(r"(?=.*\d)[\d.,%()\s]+")  # "114", "8.7 ( 4.2)"
    return bool(figure.fullmatch(page[i])) and any(
        0 <= j < len(page) and figure.fullmatch(page[j]) for j in (i - 1, i + 1)
    )


def seam(before: str, line: str, joins: bool) -> bool:
    """Return whether the seam joins: the rules' answer unless the model is sure of the other."""
    model = _loaded()
    part = model.get("breaks")
    if not part or part["threshold"] > 1 or not before:
        return joins
    if not joins and (_BULLET.match(line) or _BULLET.match(before)):
        return joins  # a list item stands apart, whatever the model says
    if joins and line[:1].islower():
        return joins  # a line opening in lower case goes on a sentence
    p_break = _score(part, break_features(before, line, frozenset(model.get("vocab", []))))
    if joins and p_break >= part["threshold"]:
        return False
    if not joins and 1 - p_break >= part["threshold"]:
        return True
    return joins
