"""Tell query syntax from natural text: syntax only where it cannot be anything else.

People paste sentences: quotes, colons, brackets, a capitalised "AND" inside a question. The
text is read as query syntax only where that is unambiguous: a field the archive knows
(`title:`, `department:`); AND/OR/NOT, a wildcard (`fund*`, `wom?n`), a boost (`care^2`) or
a field-like word in a short query; or a query that is only a quoted phrase. Elsewhere
punctuation is text, and a quoted phrase inside a longer question only ranks the documents
holding it first (archive/search/ranking.py).
"""

from __future__ import annotations

import functools
import re

from archive.search.fields import EMPTY_FIELD, aliases

# A query of at most this many words may use AND/OR/NOT, wildcards and boosts as syntax; a
# longer one is a sentence, where "AND" or a "*" are more likely text than an instruction.
SHORT = 6
OPERATORS = re.compile(r"\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b")
WILDCARD = re.compile(r"\*|\w\?\w")
BOOST = re.compile(r"\w\^\d|\"~\d|\w\^(?=\s|$)")
ONLY_PHRASE = re.compile(r'^\s*"[^"]+"\s*$')
QUOTED = re.compile(r'"([^"]*)"')
WORD = re.compile(r"\w+")
# A word, a colon and a value (a range in brackets too): a field if the word is one.
FIELD_LIKE = re.compile(r"(?<![\w:/.])([^\W\d_]\w*):(?=[\w\"(\[{])")


@functools.cache
def _known_fields() -> frozenset[str]:
    return frozenset(form for field, forms in aliases().items() for form in (field, *forms))


def is_syntax(text: str) -> bool:
    """Say whether text is query syntax for Whoosh's parser rather than words to read."""
    if ONLY_PHRASE.match(text):
        return True
    known = _known_fields()
    named = [m.group(1) for m in FIELD_LIKE.finditer(text)]
    if any(name in known for name in named + [m.group(1) for m in EMPTY_FIELD.finditer(text)]):
        return True
    words = [w for w in WORD.findall(text) if not OPERATORS.fullmatch(w)]
    if len(words) > SHORT:
        return False
    # A short query: an operator, a wildcard, a boost or a field-like word is meant as syntax
    # (an unknown field is then said to be one); brackets and quotes go with them.
    return bool(
        named
        or OPERATORS.search(text)
        or WILDCARD.search(text)
        or BOOST.search(text)
        or (text.count('"') and not ONLY_PHRASE.match(text) and _unbalanced(text))
    )


def _unbalanced(text: str) -> bool:
    return bool(text.count('"') % 2 or text.count("(") != text.count(")"))


def phrases(text: str) -> list[str]:
    """Return the quoted phrases of natural text, of two words or more, in order, once each."""
    found = [" ".join(WORD.findall(q)) for q in QUOTED.findall(text)]
    return list(dict.fromkeys(p for p in found if len(p.split()) >= 2))
