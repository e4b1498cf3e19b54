"""The Whoosh schema: what the index holds for each document."""

from __future__ import annotations

import re

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, SchemaClass

# The facets, in the order they are shown; each is a KEYWORD field of the same name.
FACETS = ("year", "department", "programme", "amount")


class DocumentSchema(SchemaClass):
    id = ID(stored=True, unique=True, sortable=True)
    title = TEXT(analyzer=StemmingAnalyzer(), stored=True)
    # The plain text of the body, stored so that snippets can be highlighted.
    body = TEXT(analyzer=StemmingAnalyzer(), stored=True)
    year = KEYWORD(stored=False)
    department = KEYWORD(lowercase=True)
    programme = KEYWORD(lowercase=True)
    # The publisher's name as one term, written by source_key, for source: queries.
    source = ID
    # Amount bands such as "10m-100m" (pounds) or "usd:10m-100m".
    amount = KEYWORD(lowercase=True)
    # Every amount's value, in whole units of its own currency. 64 bits: £5bn overflows 32;
    # signed, because unsigned 64-bit ranges match wrongly in Whoosh 2.7.
    value = NUMERIC(int, bits=64)
    sortdate = NUMERIC(int, sortable=True)
    largest = NUMERIC(int, bits=64, sortable=True)
    # Everything a result or a document page shows, as one stored dict.
    meta = STORED


def source_key(name: str) -> str:
    """Write a publisher's name as the source field holds it: its words in lower case, without a leading "the"."""
    words = re.findall(r"[\w']+", name.lower().replace("’", "'"))
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)
