"""Find money amounts in plain text and normalise them to whole units of a currency."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

__all__ = [
    "Amount",
    "extract_amounts",
    "doubtful_amounts",
    "sentences",
    "band_key",
    "split_band",
    "band_label",
    "band_order",
]


@dataclass(frozen=True)
class Amount:
    """One money amount as found in a document."""

    value: int  # whole units of the currency, rounded half up
    currency: str  # ISO 4217 code
    text: str  # exactly as written, e.g. "£3.2 million"
    sentence: str  # the sentence around it, whitespace collapsed
    page: int | None = None  # the page of the original it stands on, where the body marks pages


# Scanning starts at a digit, which the regex engine finds with a fast character-class
# skip; the currency before the number is then checked in a short look back. One regex
# with the prefix in front would be tried at every position, several times slower.
# The first digit must not continue a number, so a run of digits is tried only once.
# A scan may put a space before a thousands comma: "£1 ,480,000".
# European print groups thousands with spaces (thin or no-break ones too): "EUR 1 107 million",
# "1 250 000 €"; or with points, two groups at least so 1.250 stays a decimal: "1.250.000 EUR".
_NUMBER = (
    r"\d(?<![\d.,]\d)(?:\d{0,2}(?:[ ]?,\d{3})+"
    r"|\d{0,2}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d.,]?\d)"
    r"|\d{0,2}(?:\.\d{3}){2,}(?:,\d{1,2})?(?![\d.]\d)"
    r"|\d*)(?:\.\d+)?"
)
# A note's mark read into the scale word ("$454 millionb", "£3.5 million2": a raised letter or
# figure a table's cell or a text layer gives with no space) ends the word.
_MULTIPLIER = (
    r"(?i:thousand|trillion|million|billion|mn|bn|tn|k|m)"
    r"(?:\b|(?<=illion|ousand)(?=[a-h1-9]\b))"
)
_AMOUNT = re.compile(
    rf"""
    (?P<number>{_NUMBER})
    # "£23-25m" is two amounts sharing the "m"; without one, "£5,000-£10,000" is read as
    # two amounts in turn, and a spaced " - " is a dash, not a range
    (?:[-–][£€$]?(?P<number2>{_NUMBER})(?=[ \u00a0]?{_MULTIPLIER}))?
    # a scan breaks "$ 720 million" over two lines, even over a blank line
    (?:[ \u00a0-]?(?P<multiplier>{_MULTIPLIER})(?P<mark>(?<=illion|ousand)[a-h1-9]\b)?
      |\s{{1,4}}(?P<multiplier_word>(?i:thousand|million|billion|trillion))\b)?
    (?:[ \u00a0]+(?P<word>(?i:pounds?(?:[ ]sterling)?|sterling|euros?|cents?)
      |(?:US[ ])?(?i:dollars?))\b)?
    # a sign or code after the number, as European print has it: "1 250 000 €", "10 EUR"
    # (not one that starts the next amount: "in 2019 €5,000")
    (?:[ \u00a0\u202f]?(?P<suffix>€|(?:EUR|GBP|USD)\b)(?![ \u00a0]?\d))?
    # a number glued to letters is a scanning error ("$ 5h", "$ 6-oillion"), not money
    (?P<glued>[A-Za-z]+|-[A-Za-z]{{2,}})?
    """,
    re.VERBOSE,
)
# Money in words: "a billion dollars", "half a million dollars", "a million pounds".
_WORDS_AMOUNT = re.compile(
    r"\b(?P<count>(?i:a|one|half\s+a|a\s+half|a\s+quarter(?:\s+of\s+a)?|quarter\s+of\s+a))\s+"
    r"(?P<multiplier>(?i:thousand|million|billion|trillion))\s+"
    r"(?P<word>(?i:pounds?(?:\s+sterling)?|euros?)|(?:US\s)?(?i:dollars?))\b"
)
_MULTIPLIER_WORDS = ("thousand", "million", "billion", "trillion")
_CURRENCY_AFTER = re.compile(r"\s+(?:(?i:pounds?|euros?)|(?:US\s)?(?i:dollars?))\b")
_COUNTS = {
    "a": Decimal(1),
    "one": Decimal(1),
    "half a": Decimal("0.5"),
    "a half": Decimal("0.5"),
    "a quarter": Decimal("0.25"),
    "a quarter of a": Decimal("0.25"),
    "quarter of a": Decimal("0.25"),
}
_CODES = "GBP|USD|EUR|AUD|NZD|CAD|CHF|JPY|HKD|SGD|INR|LKR|PKR|NPR|ZAR|CNY"
_RUPEES = frozenset({"INR", "LKR", "PKR", "NPR"})
_PREFIX = re.compile(
    rf"""
    (?:
        # "œ" is "£" read through the wrong code page (£ is 0x9C in cp437, œ in Windows-1252),
        # as in the scanned releases of the 1950s and 60s: "œ 3 million"
        (?P<symbol>£|€|œ|(?<![A-Za-z])(?P<dollar_prefix>US|AU|A|NZ|CAN|CA|C|HK|S)?\$
            (?:[ \u00a0]?(?P<dollar_suffix>US|AU|A|NZ|CAN|HK|S))?)
      | (?<![A-Za-z0-9])(?P<code>{_CODES})[ \u00a0]?\$?
        # "Rs. 150.00", "Rs 5,000", "₹500": rupees (India's, Sri Lanka's, Pakistan's, Nepal's)
      | (?<![A-Za-z0-9])(?P<rupee>Rs\.?|₹)
      | (?<=[A-Za-z0-9])(?P<glued_code>{_CODES})
    )
    [ \u00a0]?\Z
    """,
    re.VERBOSE,
)
# "in terms of 1994 dollars", "constant 1990 dollars": a price base, not an amount
_PRICE_BASE = re.compile(r"(?i:\b(?:of|in|constant|real|current|base)|'s)[ \u00a0]+\Z")
_PREFIX_REACH = 8  # characters; "AUD $ " is the longest prefix, plus its look-behind
_PREFIX_ENDS = frozenset("£€$œ₹s." + "".join({code[-1] for code in _CODES.split("|")}) + "SAUZN")

_MULTIPLIERS = {
    "": Decimal(1),
    "k": Decimal(10**3), "thousand": Decimal(10**3),
    "cent": Decimal("0.01"), "cents": Decimal("0.01"),
    "m": Decimal(10**6), "mn": Decimal(10**6), "million": Decimal(10**6),
    "bn": Decimal(10**9), "billion": Decimal(10**9),
    "tn": Decimal(10**12), "trillion": Decimal(10**12),
}  # fmt: skip
_DOLLAR_PREFIXES = {
    "US": "USD", "AU": "AUD", "A": "AUD", "NZ": "NZD", "CAN": "CAD", "CA": "CAD", "C": "CAD",
    "HK": "HKD", "S": "SGD",
}  # fmt: skip
# Pounds of countries that have since gone decimal (see archive/corpus/country.py).
_POUND_CODES = frozenset({"AUP", "NZP", "IEP", "CYP", "MTP"})
_MAX_NUMBER = 20  # characters; a longer run of digits is an identifier, not money

# A sentence ends at .!? (plus closing quotes) before whitespace and a capital, opening
# quote or currency symbol; at a blank line; or at a line break before a list item.
# Leading with a plain character class lets the engine skip quickly to candidates.
_BOUNDARY = re.compile(
    r"""
    [.!?\n]
    (?:
        (?<=[.!?])(?<![.!?][.!?])[.!?]*["'”’)\]]*(?=\s+["'“‘(\[A-ZÀ-ÖØ-Þ£€$])
      | (?<=\n)[^\S\n]*\n
      | (?<=\n)(?=[^\S\n]*(?:[•·▪◦‣*]|[-–—](?=\s)|\d{1,3}[.)](?=\s)))
    )
    """,
    re.VERBOSE,
)
_LEADING = re.compile(r"(?:\s|[•·▪◦‣*\-–—](?=\s))*")  # whitespace and bullet markers
_ABBREVIATIONS = frozenset("mr mrs ms dr st prof rev hon sr jr vs cf approx fig".split())
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")  # "e.g", "i.e", "u.s", "j"
_MAX_SENTENCE = 400


def extract_amounts(text: str, dollar: str = "USD") -> list[Amount]:
    """Find every money amount in text, in order of appearance.

    dollar is what a bare $ means; a pound code (such as AUP) says instead what £ means, and $ is
    then USD.
    """
    read = [found for found in _scan(text, dollar) if not found[4]]
    if not read:  # most texts have no money, so split sentences only when needed
        return []
    spans = sentences(text)
    starts = [start for start, _ in spans]
    return [
        Amount(value, currency, text[first:last], _sentence_of(text, spans, starts, first, last))
        for first, last, value, currency, _ in read
    ]


def doubtful_amounts(text: str) -> list[str]:
    """Return money-like text not read as money: numbers glued to letters, "$ 5h", "CAN0EUR1RA"."""
    return [text[first:last] for first, last, _, _, glued in _scan(text, "USD") if glued]


# What the scanners yield for each amount found: (start, end, value, currency, glued).
_Found = tuple[int, int, int, str, bool]


def _scan(text: str, dollar: str) -> Iterator[_Found]:
    """Yield (start, end, value, currency, glued) of each amount, in words or figures, in order."""
    pound = dollar if dollar in _POUND_CODES else "GBP"
    dollar = "USD" if dollar in _POUND_CODES else dollar
    figures = _figures(text, dollar, pound)
    words = (
        _words(text, dollar, pound)
        if ("illion" in text or "thousand" in text) and _may_have_words(text)
        else iter(())
    )
    yield from sorted((*figures, *words), key=lambda found: found[0])


def _figures(text: str, dollar: str, pound: str) -> Iterator[_Found]:
    for match in _AMOUNT.finditer(text):
        first, last = match.span()
        prefix = None
        before = text[max(0, first - 2) : first].rstrip(" \u00a0")
        if before[-1:] in _PREFIX_ENDS:  # cheap test first: most numbers are bare counts
            prefix = _PREFIX.search(text, max(0, first - _PREFIX_REACH), first)
        currency = _currency(prefix, match, dollar, pound)
        numbers = [n for n in (match["number"], match["number2"]) if n]
        if _SPACED.search(numbers[0]) and not _spaced_money(prefix, match):
            # "£120 250 300" is more likely columns of a table than £120,250,300
            numbers[0] = numbers[0].split()[0]
            last = match.start("number") + len(numbers[0])
        if currency is None or any(len(n) > _MAX_NUMBER for n in numbers):
            continue
        if prefix is None and text[first - 1 : first].isalnum():
            continue  # "h8 pounds": a bare number must start its word
        unit = (match["multiplier"] or match["multiplier_word"] or "").lower()
        if match["mark"]:
            last = match.start("mark")
        if match["glued"] and (unit or match["word"]):
            last = match.start("glued")  # "$5m-year": what follows a whole unit is another word
            glued = bool(prefix and prefix["glued_code"])
        else:
            glued = bool(match["glued"] or (prefix and prefix["glued_code"]))
        if prefix is None and not glued and _year_of_prices(text, match):
            continue
        if match["glued"] and not prefix:
            continue  # "5th", "3D": a bare number glued to letters is no amount at all
        first = prefix.start() if prefix else first
        if (match["word"] or "").lower().startswith("cent"):
            unit = "cents"
        multiplier = _MULTIPLIERS[unit]
        for number in numbers:
            yield first, last, _value(number, multiplier), currency, glued


_SPACED = re.compile(r"\d[ ]\d")  # a plain space between groups, not the no-break or thin ones


def _spaced_money(prefix: re.Match[str] | None, match: re.Match[str]) -> bool:
    """Tell whether a number grouped with plain spaces is one amount: a euro sign or code, a sign
    after it, or a scale word ("EUR 1 107 million") says it is written the European way."""
    euro = bool(prefix and (prefix["symbol"] == "€" or prefix["code"] or prefix["glued_code"]))
    written = match["suffix"] or match["word"] or match["multiplier"] or match["multiplier_word"]
    return euro or bool(written)


def _may_have_words(text: str) -> bool:
    """Tell whether a multiplier word is followed by a currency word, as any amount in words needs.

    The expression for amounts in words costs about 60 µs over a page of text; finding its
    multiplier words with `str.find` and looking at what follows each costs a tenth of that.
    """
    lower = text.lower()
    if len(lower) != len(text):  # lower-casing moved the letters: the places would not match
        return True
    for word in _MULTIPLIER_WORDS:
        at = lower.find(word)
        while at >= 0:
            if _CURRENCY_AFTER.match(text, at + len(word)):
                return True
            at = lower.find(word, at + 1)
    return False


def _words(text: str, dollar: str, pound: str) -> Iterator[_Found]:
    for match in _WORDS_AMOUNT.finditer(text):
        word = match["word"].lower()
        currency = (
            pound
            if word.startswith("pound")
            else "EUR"
            if word.startswith("euro")
            else ("USD" if word.startswith("us") else dollar)
        )
        count = _COUNTS[" ".join(match["count"].lower().split())]
        value = _value(str(count), _MULTIPLIERS[match["multiplier"].lower()])
        yield match.start(), match.end(), value, currency, False


def _year_of_prices(text: str, match: re.Match[str]) -> bool:
    """Tell "in terms of 1994 dollars" (a price base year) from "1994 dollars" paid."""
    number = match["number"]
    return (
        len(number) == 4
        and number[:2] in ("19", "20")
        and not match["multiplier"]
        and not match["multiplier_word"]
        and bool(match["word"])
        and _PRICE_BASE.search(text, max(0, match.start() - 20), match.start()) is not None
    )


@lru_cache(
    maxsize=4
)  # a build splits a text for its amounts, then again for the money they belong to
def sentences(text: str) -> list[tuple[int, int]]:
    """Split text into (start, end) spans of sentences, without surrounding space or bullets.

    The list is cached and shared: do not change it.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if text[match.start()] != "\n":
            if _is_abbreviation(text, match.start()):
                continue
            _add_span(spans, text, start, match.end())
        else:
            _add_span(spans, text, start, match.start())
        start = match.end()
    _add_span(spans, text, start, len(text))
    return spans


def _currency(
    prefix: re.Match[str] | None, match: re.Match[str], dollar: str, pound: str
) -> str | None:
    """Return the ISO code an amount is written in, or None for a bare number."""
    if prefix and (prefix["code"] or prefix["glued_code"]):
        return prefix["code"] or prefix["glued_code"]
    if prefix and prefix["rupee"]:  # the archive's own rupee, else India's (the most written)
        return dollar if dollar in _RUPEES else "INR"
    if prefix:
        symbol = prefix["symbol"]
        if symbol in ("£", "œ", "€"):
            return "EUR" if symbol == "€" else pound
        marked = prefix["dollar_prefix"] or prefix["dollar_suffix"] or ""
        return _DOLLAR_PREFIXES.get(marked, dollar)
    suffix = match["suffix"]
    if suffix:
        return "EUR" if suffix == "€" else suffix
    word = (match["word"] or "").lower()
    if word.startswith("cent"):
        return dollar
    if "sterling" in word:
        return "GBP"
    if word.startswith("pound"):
        return pound
    if word.startswith("euro"):
        return "EUR"
    if word:
        return "USD" if word.startswith("us ") else dollar
    return None


def _value(number: str, multiplier: Decimal) -> int:
    """Return number times multiplier as whole units, rounding half up."""
    if number.count(".") >= 2:  # "1.250.000,50": points group thousands, the comma is decimal
        number = number.replace(".", "").replace(",", ".")
    exact = Decimal(re.sub(r"[,\s]", "", number)) * multiplier
    return int(exact.to_integral_value(rounding=ROUND_HALF_UP))


def _is_abbreviation(text: str, stop: int) -> bool:
    """Tell whether the punctuation at stop closes an abbreviation rather than a sentence."""
    tail = text[max(0, stop - 12) : stop]
    if text[stop] != "." or not tail or tail[-1].isspace():
        return False
    token = tail.split()[-1].lstrip("(\"'“‘[").lower()
    return token in _ABBREVIATIONS or _INITIALS.fullmatch(token) is not None


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append text[start:end] to spans once trimmed, unless nothing is left."""
    start = _LEADING.match(text, start, end).end()  # type: ignore[union-attr]
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _sentence_of(
    text: str, spans: list[tuple[int, int]], starts: list[int], first: int, last: int
) -> str:
    """Return the collapsed sentence holding text[first:last], cut to a window if huge."""
    index = bisect_right(starts, first) - 1
    start, end = spans[index] if index >= 0 else (first, last)
    start, end = min(start, first), max(end, last)  # never lose the amount itself
    if end - start <= 2 * _MAX_SENTENCE:  # indented or wrapped text collapses a lot
        whole = _collapse(text[start:end])
        if len(whole) <= _MAX_SENTENCE:
            return whole
    # Share the room between the two sides in raw characters: collapsing only shortens,
    # and the work per amount stays bounded even in one enormous "sentence".
    room = max(0, _MAX_SENTENCE - (last - first))
    left_room = min(first - start, max(room // 2, room - (end - last)))
    low, high = first - left_room, min(end, last + room - left_room)
    before, after = text[low:first], text[last:high]
    left, right = _collapse(before), _collapse(after)
    if low > start:  # drop the word the cut went through
        left = "…" + left.partition(" ")[2]
    if high < end:
        right = right.rpartition(" ")[0] + "…"
    gap_left = " " if before[-1:].isspace() and left else ""
    gap_right = " " if after[:1].isspace() and right else ""
    return f"{left}{gap_left}{_collapse(text[first:last])}{gap_right}{right}"


def _collapse(text: str) -> str:
    """Return text with each run of whitespace made one space, and stripped."""
    return " ".join(text.split())


# (key, lowest value, first value above the band); values in whole units of a currency.
BANDS = (
    ("under-1m", 0, 10**6),
    ("1m-10m", 10**6, 10**7),
    ("10m-100m", 10**7, 10**8),
    ("100m-1bn", 10**8, 10**9),
    ("1bn-plus", 10**9, None),
)
BAND_NAMES = tuple(key for key, _, _ in BANDS)
BAND_LABELS = {
    "under-1m": "under {s}1m",
    "1m-10m": "{s}1m–{s}10m",
    "10m-100m": "{s}10m–{s}100m",
    "100m-1bn": "{s}100m–{s}1bn",
    "1bn-plus": "{s}1bn and over",
}
SYMBOLS = {
    "GBP": "£",
    "USD": "$",
    "EUR": "€",
    "AUD": "A$",
    "NZD": "NZ$",
    "CAD": "C$",
    "AUP": "A£",
    "NZP": "NZ£",
}
HOME_CURRENCY = "GBP"


def band_key(value: int, currency: str) -> str:
    """Name the band a value falls in; bands of other currencies carry their code."""
    name = next(key for key, low, high in BANDS if value >= low and (high is None or value < high))
    return name if currency == HOME_CURRENCY else f"{currency.lower()}:{name}"


def split_band(key: str) -> tuple[str, str] | None:
    """Return (currency, band) for a band key, or None if it is not one."""
    currency, _, name = key.rpartition(":")
    currency = currency.upper() or HOME_CURRENCY
    if name not in BAND_NAMES or not (currency.isalpha() and len(currency) == 3):
        return None
    return currency, name


def band_label(key: str) -> str:
    """Label a band key for people, e.g. "£10m–£100m" or "JPY under 1m"."""
    currency, name = split_band(key) or (HOME_CURRENCY, key)
    symbol = SYMBOLS.get(currency, "")
    text = BAND_LABELS.get(name, name).format(s=symbol)
    return text if symbol else f"{currency} {text}"


def band_order(key: str) -> tuple[int, str, int]:
    """Sort pounds first, then other currencies by code, each band from small to large."""
    currency, name = split_band(key) or (HOME_CURRENCY, key)
    return (
        currency != HOME_CURRENCY,
        currency,
        BAND_NAMES.index(name) if name in BAND_NAMES else 99,
    )
