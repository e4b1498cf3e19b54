"""Read a user's query text into a Whoosh query, and say how it was read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import query
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.fields import KEYWORD, TEXT, Schema
from whoosh.qparser import (
    FieldAliasPlugin,
    MultifieldParser,
    SingleQuotePlugin,
    WhitespacePlugin,
)
from whoosh.reading import IndexReader

from archive.corpus.registry import Registry
from archive.search import fields, limits, natural
from archive.search.words import TITLE_BOOST, WordReader

TEXT_FIELDS = ("title", "body")
# The title counts for more than the body in BM25F ranking.
FIELD_BOOSTS = {"title": TITLE_BOOST, "body": 1.0}
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ParsedQuery:
    query: query.Query
    reading: str
    notice: str | None = None
    # Plain words of which not all were required: (required, of how many words).
    most_words: tuple[int, int] | None = None

    @property
    def empty(self) -> bool:
        return isinstance(self.query, query.Every)


def make_parser(schema: Schema, syntax: bool = True) -> MultifieldParser:
    """Make a parser over title and body; without syntax it reads plain words only."""
    plugins = None if syntax else [WhitespacePlugin()]
    parser = MultifieldParser(list(TEXT_FIELDS), schema, fieldboosts=FIELD_BOOSTS, plugins=plugins)
    if syntax:
        # Apostrophes are part of words here ("children's"), not quotes.
        parser.remove_plugin_class(SingleQuotePlugin)
        parser.add_plugin(FieldAliasPlugin(fields.aliases()))
    return parser


def _describing_schema(schema: Schema) -> Schema:
    # The same fields, unstemmed, so a reading shows the words as typed but drops what the index
    # drops; field values keep their case, so a notice quotes them as typed.
    plain = RegexTokenizer(r"\w+(?:['’.]\w+)*") | LowercaseFilter() | StopFilter()
    return Schema(
        **{
            name: TEXT(analyzer=plain) if name in TEXT_FIELDS else KEYWORD()
            for name in schema.names()
        }
    )


class QueryReader:
    """Parse query text for one index schema and registry."""

    def __init__(self, schema: Schema, registry: Registry, reader: IndexReader | None = None):
        searchable = fields.searchable(schema)
        self._parser = make_parser(searchable)
        self._plain = make_parser(schema, syntax=False)
        self._describer = make_parser(_describing_schema(searchable))
        self._registry = registry
        # Field values are read into keys, and wildcards expanded, against the index's own words.
        self._fields = fields.FieldReader(registry, reader)
        self._reader = reader
        self._expansions = limits.Expansions()
        self._searchable = searchable
        self._words = WordReader(schema["body"].analyzer, registry, reader)

    def read(self, text: str, money: str = "announced") -> ParsedQuery:
        """Parse text; a query that does not parse is read as plain words, never raised.

        money: which amounts an amount: value counts, "announced" or "all" (fields.FieldReader).
        """
        text = " ".join(text.split())
        if not text:
            return ParsedQuery(query.Every(), "everything")
        if not natural.is_syntax(text):
            plain = self._words.read(text, natural.phrases(text))
            if plain is not None:
                return ParsedQuery(plain.query, plain.reading, most_words=plain.most_words)
        notes: list[str] = []
        try:
            parsed, reading, notes = self._searched(text, money)
        except Exception:  # Whoosh's parser raises assorted errors on odd input.
            parsed = query.NullQuery
        if (parsed is not query.NullQuery and reading) or notes:
            unmatched = text.count('"') % 2 or text.count("(") != text.count(")")
            if unmatched:
                notes.insert(
                    0,
                    "Your query has an unmatched quote or bracket; "
                    f"it was read as: {reading or 'nothing'}",
                )
            return ParsedQuery(parsed, reading or "nothing", " ".join(notes) or None)
        words = WORD.findall(text)
        plain = self._plain.parse(" ".join(words)) if words else query.NullQuery
        reading = " ".join(words)
        if plain is query.NullQuery:
            return ParsedQuery(
                plain,
                reading,
                "No searchable words: very common words such as 'the' are not indexed.",
            )
        return ParsedQuery(
            plain,
            reading,
            f"Your query could not be read as written (check its quotes, brackets and AND/OR/NOT), "
            f"so it was searched as the plain words: {reading}",
        )

    def _searched(self, text: str, money: str = "announced") -> tuple[query.Query, str, list[str]]:
        """Parse text into the query to search (field values as keys, wildcards within the limits),
        how it reads, and what to say about it."""
        parsed, _ = self._fields.read(self._parser.parse(text), money=money)
        parsed, limit_notes = limits.bound(parsed, self._reader, self._expansions)
        # department:"Department for Education" reads as department:dfe; a word left out is not
        # shown; a value that stands for nothing is quoted as it was typed.
        described, field_notes = self._fields.read(self._describer.parse(text), shown=True)
        reading = describe(limits.bound(described, None)[0])
        return (
            parsed,
            reading,
            fields.syntax_notices(text, self._searchable) + field_notes + limit_notes,
        )


def describe(node: query.Query, fields: bool = True) -> str:
    """Write a query back as a person would type it."""
    if isinstance(node, query.Every):
        return "everything"
    if isinstance(node, (query.And, query.Or)):
        # Each part without fields, as shown, its fields, its query.
        parts: list[tuple[str, str, set[str | None], query.Query]] = []
        for sub in node.subqueries:
            bare, shown, searched = describe(sub, False), describe(sub, fields), _text_fields(sub)
            # A word searched in both title and body (one word, two queries) reads once.
            if (
                isinstance(node, query.Or)
                and parts
                and parts[-1][0] == bare
                and searched <= set(TEXT_FIELDS)
            ):
                searched = parts.pop()[2] | searched
                shown = bare if searched == set(TEXT_FIELDS) else shown
            parts.append((bare, shown, searched, sub))
        if len(parts) == 1:
            return parts[0][1]
        shown_parts = dict.fromkeys(_grouped(shown, sub, node) for _, shown, _, sub in parts)
        return f" {'AND' if isinstance(node, query.And) else 'OR'} ".join(
            p for p in shown_parts if p
        )
    if isinstance(node, query.AndNot):
        return f"{describe(node.a, fields)} AND NOT {describe(node.b, fields)}"
    if isinstance(node, query.Not):
        return f"NOT {describe(node.query, fields)}"
    field = getattr(node, "fieldname", None)
    prefix = f"{field}:" if field and (fields or field not in TEXT_FIELDS) else ""
    if isinstance(node, query.Phrase):
        return f'{prefix}"{" ".join(node.words)}"'
    if isinstance(node, query.Prefix):
        return f"{prefix}{node.text}*"
    if isinstance(node, query.Term):
        return f"{prefix}{node.text}"
    if node is query.NullQuery:
        return ""
    return str(node)


def _text_fields(node: query.Query) -> set[str | None]:
    return {getattr(leaf, "fieldname", None) for leaf in node.leaves()}


def _grouped(text: str, child: query.Query, parent: query.Query) -> str:
    nested = isinstance(child, (query.And, query.Or)) and type(child) is not type(parent)
    return f"({text})" if nested and (" AND " in text or " OR " in text) else text
