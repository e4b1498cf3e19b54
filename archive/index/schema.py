"""The Whoosh schema: what the index holds for each document."""

from __future__ import annotations

import re
from typing import Any

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, SchemaClass

from archive.corpus.amounts import band_key
from archive.corpus.money import link_parts
from archive.corpus.parse import Document
from archive.corpus.roles import COUNTED, assign_roles
from archive.corpus.versions import listed

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
    # People by key (archive/corpus/speakers.py): who announced it, and everyone speaking in it.
    announced_by = KEYWORD(lowercase=True)
    person = KEYWORD(lowercase=True)
    # The publisher's name as one term, written by source_key, for source: queries.
    source = ID
    # Bands such as "10m-100m" (pounds) or "usd:10m-100m" of the money announced (amounts whose
    # role is announced, total or part: archive/corpus/roles.py); amount_all, of every amount.
    amount = KEYWORD(lowercase=True)
    amount_all = KEYWORD(lowercase=True)
    # Each announced amount's value, in whole units of its own currency (value_all: every
    # amount's). 64 bits: £5bn overflows 32; signed, because unsigned 64-bit ranges match
    # wrongly in Whoosh 2.7.
    value = NUMERIC(int, bits=64)
    # The roles a document's amounts have, e.g. "announced cut statistic".
    roles = KEYWORD
    value_all = NUMERIC(int, bits=64)
    sortdate = NUMERIC(int, sortable=True)
    largest = NUMERIC(int, bits=64, sortable=True)
    largest_all = NUMERIC(int, bits=64, sortable=True)
    # Everything a result or a document page shows, as one stored dict.
    meta = STORED


def source_key(name: str) -> str:
    """Write a publisher's name as the source field holds it: lower case, no leading "the"."""
    words = re.findall(r"[\w']+", name.lower().replace("’", "'"))
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def fields(document: Document) -> dict[str, Any]:
    """Turn a document into the fields the schema indexes and stores."""
    # Each amount with the whole it is part of, if any, and its role read from its sentence.
    amounts = assign_roles(document.text, link_parts(document.text, document.amounts))
    announced = [a for a in amounts if a["role"] in COUNTED]
    announcer, quoted = document.people.get("announced_by"), document.people.get("quoted", [])
    return {
        "id": document.id,
        "title": document.title,
        "body": document.text,
        "year": str(document.date.year),
        "department": " ".join(document.departments),
        "programme": " ".join(document.programmes),
        "announced_by": announcer["person"] if announcer else None,
        "person": " ".join(dict.fromkeys(p["person"] for p in (announcer, *quoted) if p)) or None,
        "source": source_key(document.source or "") or None,
        "amount": " ".join(sorted({band_key(a["value"], a["currency"]) for a in announced})),
        "amount_all": " ".join(sorted({band_key(a.value, a.currency) for a in document.amounts})),
        "value": [a["value"] for a in announced],
        "value_all": [a.value for a in document.amounts],
        "roles": " ".join(sorted({a["role"] for a in amounts})) or None,
        "sortdate": document.date.sort_key,
        "largest": max((a["value"] for a in announced), default=0),
        "largest_all": max((a.value for a in document.amounts), default=0),
        "meta": {
            "id": document.id,
            "title": document.title,
            "date": document.date.iso,
            "precision": document.date.precision,
            "date_display": document.date.display,
            "year": document.date.year,
            "source": document.source,
            "url": document.url,
            "author": document.author,
            "type": document.type,
            "summary": document.summary,
            "departments": list(document.departments),
            "programmes": list(document.programmes),
            "organisations": list(document.organisations),
            "amounts": amounts,
            "review": list(document.review),
            "date_evidence": document.date_evidence,
            "body": document.body,
            "checksum": document.checksum,
            "licence": document.licence,
            "fetched": document.fetched,
            "pages": list(document.pages),
            "withdrawn": document.withdrawn,
            "withdrawn_date": document.withdrawn_date,
            "command_paper": document.command_paper,
            # Earlier texts `archive follow` kept (corpus/versions/<id>/), shown and compared.
            "versions": listed(document.path.parent, document.id) if document.path else [],
            "announced_by": announcer,
            "quoted": quoted,
            "people_review": document.people.get("review", []),
            "numbers": list(document.numbers),
        },
    }
