"""Help a reader find more: spelling suggestions, similar documents, money per year. No Flask."""

from __future__ import annotations

import itertools
import re
import weakref
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query
from whoosh.searching import Searcher

from archive.corpus.amounts import HOME_CURRENCY, split_band
from archive.corpus.roles import COUNTED
from archive.search.facets import FacetTable

TEXT_FIELDS = ("title", "body")
# Words of the query syntax, and words written as field: or just after one, are never corrected.
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
TOKEN = re.compile(r"(\w+:)?(\"[^\"]*\"?|[^\s\"()]+)")
WORD = re.compile(r"[^\W\d_]+")
SURFACE_DOCS = 20  # documents read to turn a stem back into a written word
# A word the index holds in at most RARE documents is still corrected when a word one slip away
# is held by COMMONER times as many: OCR leaves "olympcs" and "levey" in a few scanned pages.
RARE = 3
COMMONER = 20
CONTEXT = 3  # the query's other words a correction is weighed with
CANDIDATES = 8  # corrections weighed with them, the commonest first
# Longer words are not corrected: no real word is this long, and an edit automaton over a
# 1,000-letter word takes tens of seconds to build (issue 12).
MAX_CORRECTED = 40
# Per searcher, so a new generation starts afresh and an old one's tables are freed with it.
_pounds_cache: weakref.WeakKeyDictionary[Searcher, dict[str, dict[int, int]]] = (
    weakref.WeakKeyDictionary()
)
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
    pounds: int  # the money announced, in `currency`: the archive's main currency, never a mix
    currency: str = HOME_CURRENCY
    cuts: int = 0  # money cut, in the same currency, shown apart (below the line), never netted off


def suggest(searcher: Searcher, text: str) -> Suggestion | None:
    """Correct the words of a query that the index has never seen, from the index's own words."""
    analyzer = searcher.schema["body"].analyzer
    reader = searcher.reader()
    pieces: list[str] = []
    changed: list[tuple[str, str]] = []
    last = 0
    # The query's well-held words, rarest first (the most telling, and the cheapest to intersect).
    context = sorted(
        {t.text for t in analyzer(text) if _frequency(reader, t.text) > RARE},
        key=lambda stem: _frequency(reader, stem),
    )[:CONTEXT]
    for match in TOKEN.finditer(text):
        field, token = match.group(1), match.group(2)
        if field and field[:-1].lower() not in TEXT_FIELDS:
            continue
        for word in WORD.finditer(token):
            original = word.group()
            if original in OPERATORS or len(original) < 3 or len(original) > MAX_CORRECTED:
                continue
            stems = [t.text for t in analyzer(original)]
            held = max((_frequency(reader, stem) for stem in stems), default=0)
            if not stems or held > RARE:
                continue  # a stop word, or a word the index knows well
            others = [c for c in context if c not in stems]
            if held:
                replacement = _commoner(searcher, original, stems[0], held, others)
            else:
                replacement = _closest(searcher, original, stems[0], others)
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


def _candidates(reader: Any, stem: str, distance: int) -> set[str]:
    # Whoosh compares every term that shares the prefix: the first letter for one edit, two
    # letters for two, keeps a 100,000-term lexicon to tens of milliseconds (bench/front_end.py).
    found = {
        term
        for field in TEXT_FIELDS
        for term in reader.terms_within(field, stem, distance, prefix=distance)
        if WORD.fullmatch(term) and term != stem
    }
    if distance == 1:
        # Two letters swapped ("wrok") are one slip, though two edits: try each swap.
        found |= {swap for swap in _swaps(stem) if _frequency(reader, swap)}
    return found


def _best(searcher: Searcher, found: set[str], context: list[str]) -> str:
    """Choose among candidates: the one written most often next to the query's other words, then
    held most often with them, then the commonest ("medicare levey": levy, not level)."""
    reader = searcher.reader()
    if not context:
        return max(sorted(found), key=lambda term: _frequency(reader, term))
    # The commonest few only: a phrase is looked up in positions, and rare candidates lose anyway.
    shortlist = sorted(found, key=lambda term: (-_frequency(reader, term), term))[:CANDIDATES]

    def beside(term: str) -> int:
        pairs = [pair for other in context for pair in ((other, term), (term, other))]
        return sum(
            len(
                set(
                    searcher.docs_for_query(
                        query.Or([query.Phrase(f, list(pair)) for f in TEXT_FIELDS])
                    )
                )
            )
            for pair in pairs
        )

    def together(term: str) -> int:
        held = _holders(reader, term)
        return sum(len(held & _holders(reader, other)) for other in context)

    return max(shortlist, key=lambda term: (beside(term), together(term), _frequency(reader, term)))


def _holders(reader: Any, stem: str) -> set[int]:
    return {
        doc
        for field in TEXT_FIELDS
        if reader.doc_frequency(field, stem)
        for doc in reader.postings(field, stem).all_ids()
    }


def _commoner(
    searcher: Searcher, word: str, stem: str, held: int, context: list[str]
) -> str | None:
    """Return a far commoner word one slip from a rare one (maybe OCR damage), or None."""
    reader = searcher.reader()
    found = {t for t in _candidates(reader, stem, 1) if _frequency(reader, t) >= COMMONER * held}
    if not found:
        return None
    best = _best(searcher, found, context)
    return _surface(searcher, best, word) or best


def _closest(searcher: Searcher, word: str, stem: str, context: Sequence[str] = ()) -> str | None:
    """Find the index's nearest word: the fewest edits first, then the most documents."""
    reader = searcher.reader()
    for distance in (1, 2):
        if distance == 2 and len(stem) < 5:
            break  # two edits turn a short word into almost anything
        found = _candidates(reader, stem, distance)
        if found:
            best = _best(searcher, found, list(context))
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
                text[token.startchar : token.endchar].lower()
                for token in analyzer(text, chars=True, mode="index")
                if token.text == stem
            )
    if not forms:
        return None
    return min(forms, key=lambda form: (_distance(form, word.lower()), -forms[form], form))


def _swaps(word: str) -> set[str]:
    return {
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    }


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


def timeline(
    searcher: Searcher, facets: FacetTable, docs: set[int], money: str = "announced"
) -> list[YearTotal]:
    """Count documents and add up their headline amounts in the archive's main currency, per year.

    A document's headline is its largest amount of money announced (its largest amount of any
    role with money="all"); its largest cut is added up apart. Statistics are never added up.
    """
    if not docs:
        return []
    currency = main_currency(facets)
    pounds = largest_by_currency(searcher, facets, money=money)
    cuts = largest_cuts(searcher, facets, currency) if money == "announced" else {}
    counted = first_headlines(searcher, facets, pounds, docs)
    cut_counted = first_headlines(searcher, facets, cuts, docs)
    found = []
    for value, holders in facets.postings("year").items():
        if value == "0":
            continue  # undated: no place on a timeline
        mine = docs & holders
        if mine:
            money_in = sum(pounds[d] for d in mine & counted)
            cut = sum(cuts[d] for d in mine & cut_counted)
            found.append(YearTotal(int(value), len(mine), money_in, currency, cut))
    return sorted(found, key=lambda y: y.year)


def first_headlines(
    searcher: Searcher, facets: FacetTable, headlines: dict[int, int], docs: set[int]
) -> set[int]:
    """Return the documents whose headline sum no earlier document of the set has had.

    The same sum in a later document of the same programme (or, where neither has a
    programme, of none) is the same money announced again ("builds on the Government's
    $42 billion plan" in release after release): the timeline counts it once. The same sum for
    another programme is other money.
    """
    reader = searcher.reader()
    dates = reader.column_reader("sortdate") if reader.has_column("sortdate") else None
    mine = sorted(
        (d for d in docs if headlines.get(d)),
        key=lambda d: (dates[d] if dates is not None else 0, d),
    )
    programmes: dict[int, list[str]] = {}
    for key, holders in facets.postings("programme").items():
        for docnum in holders & docs:
            programmes.setdefault(docnum, []).append(key)
    seen: set[tuple[int, str | None]] = set()
    found = set()
    for docnum in mine:
        value = headlines[docnum]
        keys: list[tuple[int, str | None]] = [(value, p) for p in programmes.get(docnum, [])]
        keys = keys or [(value, None)]
        if not any(key in seen for key in keys):
            found.add(docnum)
        seen.update(keys)
    return found


def main_currency(facets: FacetTable) -> str:
    """Return the currency most documents with amounts count in: GBP in a UK archive, say."""
    holders = _holders_by_currency(facets, "amount_all")
    return (
        max(holders, key=lambda c: (len(holders[c]), c == HOME_CURRENCY))
        if holders
        else HOME_CURRENCY
    )


def _holders_by_currency(facets: FacetTable, field: str = "amount") -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for key, holders in facets.postings(field).items():
        currency, _ = split_band(key) or (HOME_CURRENCY, key)
        found.setdefault(currency, set()).update(holders)
    return found


def largest_by_currency(
    searcher: Searcher, facets: FacetTable, currency: str | None = None, money: str = "announced"
) -> dict[int, int]:
    """Map each document to its largest amount in the main currency, read once per searcher.

    money="announced" counts only money announced (roles announced, total and part); "all" any
    amount. The index's `largest` column mixes currencies, so it is right only for documents
    with amounts in one currency alone; the few with several are read from their stored amounts.
    """
    currency = currency or main_currency(facets)
    main = currency == main_currency(facets)
    cached = _pounds_cache.get(searcher, {}).get(money)
    if cached is not None and main:
        return cached
    suffix = "" if money == "announced" else "_all"
    by_currency = _holders_by_currency(facets, "amount" + suffix)
    with_pounds = by_currency.get(currency, set())
    foreign = set().union(*(h for c, h in by_currency.items() if c != currency))
    reader = searcher.reader()
    # An index with no documents at all has no columns.
    field = "largest" + suffix
    column = reader.column_reader(field) if reader.has_column(field) else None
    pounds = {d: column[d] for d in with_pounds - foreign} if column is not None else {}
    for docnum in with_pounds & foreign:
        amounts = searcher.stored_fields(docnum)["meta"]["amounts"]
        pounds[docnum] = max(
            a["value"]
            for a in amounts
            if a["currency"] == currency
            and (money == "all" or a.get("role", "announced") in COUNTED)
        )
    if main:
        _pounds_cache.setdefault(searcher, {})[money] = pounds
    return pounds


def largest_cuts(searcher: Searcher, facets: FacetTable, currency: str) -> dict[int, int]:
    """Map each document with money cut in a currency to its largest cut."""
    found = {}
    for docnum in facets.postings("roles").get("cut", frozenset()):
        cuts = [
            a["value"]
            for a in searcher.stored_fields(docnum)["meta"]["amounts"]
            if a.get("role") == "cut" and a["currency"] == currency
        ]
        if cuts:
            found[docnum] = max(cuts)
    return found


def largest_keys(
    searcher: Searcher, facets: FacetTable, size: int, money: str = "announced"
) -> np.ndarray:
    """Sort keys for "largest amount" that never weigh one currency against another.

    Documents with an amount in the main currency come first, by it; then those with amounts
    only in other currencies, a currency at a time (by code), each by its own largest amount;
    documents with no amount last.
    """
    keys = np.full(size, -_OTHER * 1000, dtype=np.int64)
    main = main_currency(facets)
    for docnum, value in largest_by_currency(searcher, facets, main, money).items():
        keys[docnum] = min(value, _OTHER - 1)
    field = "amount" if money == "announced" else "amount_all"
    others = sorted(c for c in _holders_by_currency(facets, field) if c != main)
    placed = set(largest_by_currency(searcher, facets, main, money))
    for rank, currency in enumerate(others, 1):
        for docnum, value in largest_by_currency(searcher, facets, currency, money).items():
            if docnum not in placed:
                keys[docnum] = min(value, _OTHER - 1) - rank * _OTHER
                placed.add(docnum)
    return keys
