"""Help a reader find more: spelling suggestions, similar documents and money per year. No Flask here."""

from __future__ import annotations

import itertools
import re
import weakref
from collections import Counter
from dataclasses import dataclass
from typing import Any

from whoosh.searching import Searcher

import numpy as np

from archive.corpus.amounts import HOME_CURRENCY, split_band
from archive.search.facets import FacetTable

TEXT_FIELDS = ("title", "body")
# Words of the query syntax, and words written as field: or just after one, are never corrected.
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
TOKEN = re.compile(r"(\w+:)?(\"[^\"]*\"?|[^\s\"()]+)")
WORD = re.compile(r"[^\W\d_]+")
SURFACE_DOCS = 20  # documents read to turn a stem back into a written word
# Longer words are not corrected: no real word is this long, and an edit automaton over a
# 1,000-letter word takes tens of seconds to build (issue 12).
MAX_CORRECTED = 40
# Per searcher, so a new generation starts afresh and an old one's tables are freed with it.
_pounds_cache: weakref.WeakKeyDictionary[Searcher, dict[int, int]] = weakref.WeakKeyDictionary()
_OTHER = 2**50  # sort keys: each other currency gets a band this wide below the main one


@dataclass(frozen=True)
class Suggestion:
    """A corrected query: the text to search, and which words were changed."""

    text: str
    changed: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class YearTotal:
    year: int
    documents: int
    pounds: int  # the money, in `currency`: the archive's main currency, never a mix
    currency: str = HOME_CURRENCY


def suggest(searcher: Searcher, text: str) -> Suggestion | None:
    """Correct the words of a query that the index has never seen, from the index's own words."""
    analyzer = searcher.schema["body"].analyzer
    reader = searcher.reader()
    pieces: list[str] = []
    changed: list[tuple[str, str]] = []
    last = 0
    for match in TOKEN.finditer(text):
        field, token = match.group(1), match.group(2)
        if field and field[:-1].lower() not in TEXT_FIELDS:
            continue
        for word in WORD.finditer(token):
            original = word.group()
            if original in OPERATORS or len(original) < 3 or len(original) > MAX_CORRECTED:
                continue
            stems = [t.text for t in analyzer(original)]
            if not stems or any(_frequency(reader, stem) for stem in stems):
                continue  # a stop word, or a word the index knows
            replacement = _closest(searcher, original, stems[0])
            if replacement is None or replacement == original.lower():
                continue
            start = match.start(2) + word.start()
            pieces.append(text[last:start])
            pieces.append(replacement)
            last = start + len(original)
            changed.append((original, replacement))
    if not changed:
        return None
    pieces.append(text[last:])
    return Suggestion("".join(pieces), tuple(changed))


def _frequency(reader: Any, stem: str) -> int:
    return sum(reader.doc_frequency(field, stem) for field in TEXT_FIELDS)


def _closest(searcher: Searcher, word: str, stem: str) -> str | None:
    """Find the index's nearest word: the fewest edits first, then the most documents."""
    reader = searcher.reader()
    for distance in (1, 2):
        if distance == 2 and len(stem) < 5:
            break  # two edits turn a short word into almost anything
        # Whoosh compares every term that shares the prefix: the first letter for one edit, two
        # letters for two, keeps a 100,000-term lexicon to tens of milliseconds (bench/front_end.py).
        found = {
            term for field in TEXT_FIELDS for term in reader.terms_within(field, stem, distance, prefix=distance)
            if WORD.fullmatch(term)
        }
        if distance == 1:
            # Two letters swapped ("wrok") are one slip, though two edits: try each swap.
            found |= {swap for swap in _swaps(stem) if _frequency(reader, swap)}
        if found:
            best = max(sorted(found), key=lambda term: _frequency(reader, term))
            return _surface(searcher, best, word) or best
    # A typo late in a long word hides its stem ("innovaton" is not "innov"): try the word's
    # leading letters as stems, and keep a written form within two edits of what was typed.
    for end in range(len(word) - 1, max(4, len(word) // 2) - 1, -1):
        prefix = word[:end].lower()
        if _frequency(reader, prefix):
            form = _surface(searcher, prefix, word)
            if form and _distance(form, word.lower()) <= 2:
                return form
    return None


def _surface(searcher: Searcher, stem: str, word: str) -> str | None:
    """Turn an indexed stem back into the written word closest to what was typed."""
    analyzer = searcher.schema["body"].analyzer
    reader = searcher.reader()
    forms: Counter[str] = Counter()
    for field in TEXT_FIELDS:
        if not reader.doc_frequency(field, stem):
            continue
        # A stem stands for several words ("innov": innovative, innovation): read a few documents.
        for docnum in itertools.islice(reader.postings(field, stem).all_ids(), SURFACE_DOCS):
            text = searcher.stored_fields(docnum).get(field) or ""
            forms.update(
                text[token.startchar:token.endchar].lower()
                for token in analyzer(text, chars=True, mode="index")
                if token.text == stem
            )
    if not forms:
        return None
    return min(forms, key=lambda form: (_distance(form, word.lower()), -forms[form], form))


def _swaps(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1) if word[i] != word[i + 1]}


def _distance(a: str, b: str) -> int:
    """Count the edits (insert, delete, replace) that turn a into b."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def related(searcher: Searcher, docnum: int, limit: int) -> list[int]:
    """Return the documents most like one, by the distinctive words of its body."""
    text = searcher.stored_fields(docnum).get("body") or ""
    if not text.strip():
        return []
    results = searcher.more_like(docnum, "body", text=text, top=limit, numterms=12)
    return [hit.docnum for hit in results]


def timeline(searcher: Searcher, facets: FacetTable, docs: set[int]) -> list[YearTotal]:
    """Count documents and add up their headline amounts in the archive's main currency, per year."""
    if not docs:
        return []
    currency = main_currency(facets)
    pounds = _largest_pounds(searcher, facets)
    found = []
    for value, holders in facets.postings("year").items():
        if value == "0":
            continue  # undated: no place on a timeline
        mine = docs & holders
        if mine:
            found.append(YearTotal(int(value), len(mine), sum(pounds.get(d, 0) for d in mine), currency))
    return sorted(found, key=lambda y: y.year)


def main_currency(facets: FacetTable) -> str:
    """Return the currency most documents with amounts count in: pounds in a UK archive, AUD in an Australian one."""
    holders = _holders_by_currency(facets)
    return max(holders, key=lambda c: (len(holders[c]), c == HOME_CURRENCY)) if holders else HOME_CURRENCY


def _holders_by_currency(facets: FacetTable) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for key, holders in facets.postings("amount").items():
        currency, _ = split_band(key) or (HOME_CURRENCY, key)
        found.setdefault(currency, set()).update(holders)
    return found


def _largest_pounds(searcher: Searcher, facets: FacetTable, currency: str | None = None) -> dict[int, int]:
    """Map each document to its largest amount in one currency (the main one), read once per searcher.

    The index's `largest` column mixes currencies, so it is right only for documents with
    amounts in one currency alone; the few with several are read from their stored amounts.
    """
    currency = currency or main_currency(facets)
    cached = _pounds_cache.get(searcher)
    if cached is not None and currency == main_currency(facets):
        return cached
    by_currency = _holders_by_currency(facets)
    with_pounds = by_currency.get(currency, set())
    foreign = set().union(*(h for c, h in by_currency.items() if c != currency))
    reader = searcher.reader()
    # An index with no documents at all has no columns.
    column = reader.column_reader("largest") if reader.has_column("largest") else None
    pounds = {d: column[d] for d in with_pounds - foreign} if column is not None else {}
    for docnum in with_pounds & foreign:
        amounts = searcher.stored_fields(docnum)["meta"]["amounts"]
        pounds[docnum] = max(a["value"] for a in amounts if a["currency"] == currency)
    if currency == main_currency(facets):
        _pounds_cache[searcher] = pounds
    return pounds


def largest_keys(searcher: Searcher, facets: FacetTable, size: int) -> np.ndarray:
    """Sort keys for "largest amount" that never weigh one currency against another.

    Documents with an amount in the main currency come first, by it; then those with amounts
    only in other currencies, a currency at a time (by code), each by its own largest amount;
    documents with no amount last.
    """
    keys = np.full(size, -_OTHER * 1000, dtype=np.int64)
    main = main_currency(facets)
    for docnum, value in _largest_pounds(searcher, facets, main).items():
        keys[docnum] = min(value, _OTHER - 1)
    others = sorted(c for c in _holders_by_currency(facets) if c != main)
    placed = set(_largest_pounds(searcher, facets, main))
    for rank, currency in enumerate(others, 1):
        for docnum, value in _largest_pounds(searcher, facets, currency).items():
            if docnum not in placed:
                keys[docnum] = min(value, _OTHER - 1) - rank * _OTHER
                placed.add(docnum)
    return keys
