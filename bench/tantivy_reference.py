"""A second reference: the same documents and requests through Tantivy (Rust, Lucene's design).

SQLite FTS5 is what a maintainer would otherwise reach for; Tantivy is near the limit of what an
inverted index on one machine does. Facet values are raw (untokenized) multi-valued fast fields
counted by its `terms` aggregation; the date and largest amount are single-valued fast fields
that `order_by_field` sorts by; the body is stored for its snippet generator, as our snippets
and SQLite's `snippet()` are made from the text; what a hit shows (the document's metadata as
JSON) is stored and read for each hit of a page, as ours and SQLite's are.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import tantivy
from reference import chosen_values, shown  # the SQLite reference's reading

from archive.corpus.amounts import band_key
from archive.corpus.parse import PartialDate
from archive.search.request import SearchRequest

FACET_NAMES = ("year", "department", "programme", "amount")
WORD = re.compile(r"\w+")
TITLE_BOOST = 2.5  # as the SQLite reference's bm25(fts, 2.5, 1.0)
WRITER_HEAP = 256 * 2**20
# An index of an earlier format is built again, not reused (bench/run.py --reuse-builds).
FORMAT = 2  # 2: each document's shown metadata stored, and read for each hit of a page


def schema() -> tantivy.Schema:
    """Make the schema: text fields stemmed as English, facets raw and fast, sort keys fast."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
    for name in FACET_NAMES:
        builder.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("sortdate", fast=True, indexed=False)
    builder.add_integer_field("largest", fast=True, indexed=False)
    builder.add_integer_field("amounts", indexed=True, fast=False)
    builder.add_bytes_field("meta", stored=True)
    return builder.build()


def build(folder: Path, searcher, threads: int = 2) -> dict:
    """Index every document stored in our index into Tantivy; return the load's figures."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    index = tantivy.Index(schema(), path=str(folder))
    writer = index.writer(WRITER_HEAP, threads)
    count = 0
    for _, stored in searcher.reader().iter_docs():
        meta = stored["meta"]
        amounts = meta["amounts"]
        values = [a["value"] for a in amounts]
        writer.add_document(
            tantivy.Document(
                id=meta["id"],
                title=meta["title"],
                body=stored["body"],
                year=[str(meta["year"])],
                department=list(meta["departments"]),
                programme=list(meta["programmes"]),
                amount=sorted({band_key(a["value"], a["currency"]) for a in amounts}),
                sortdate=PartialDate.parse(meta["date"]).sort_key,
                largest=max(values, default=0),
                amounts=values,
                meta=shown(meta),
            )
        )
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - started
    return {
        "docs": count,
        "seconds": seconds,
        "docs_per_s": count / seconds,
        "size_mb": sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20,
        "format": FORMAT,
    }


def query_text(q: str, any_word: bool) -> str | None:
    """Write our query text in Tantivy's syntax: each word or phrase required (or any of them)."""
    parts = []
    for phrase, words in re.findall(r'"([^"]*)"|(\S+)', q):
        tokens = WORD.findall(phrase or words)
        if tokens:
            parts.append(("" if any_word else "+") + '"' + " ".join(tokens) + '"')
    return " ".join(parts) if parts else None


class TantivyReference:
    """Answer requests from the Tantivy copy: total, facet counts, a top-10 page with snippets."""

    def __init__(self, folder: Path, registry):
        self.index = tantivy.Index.open(str(folder))
        self.index.reload()
        self.searcher = self.index.searcher()
        self.schema = self.index.schema
        self.registry = registry

    def _selections(self, request: SearchRequest) -> dict[str, tantivy.Query]:
        chosen = chosen_values(request, self.registry)
        found = {
            name: tantivy.Query.term_set_query(self.schema, name, values)
            for name, values in chosen.items()
            if values
        }
        if request.min_amount is not None or request.max_amount is not None:
            found["range"] = tantivy.Query.range_query(
                self.schema,
                "amounts",
                tantivy.FieldType.Integer,
                request.min_amount if request.min_amount is not None else -(2**63),
                request.max_amount if request.max_amount is not None else 2**63 - 1,
            )
        return found

    @staticmethod
    def _all(parts: list[tantivy.Query]) -> tantivy.Query:
        if not parts:
            return tantivy.Query.all_query()
        if len(parts) == 1:
            return parts[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, p) for p in parts])

    def search(
        self, request: SearchRequest, facets: bool = True, any_word: bool = False
    ) -> tuple[int, dict, list]:
        text = query_text(request.q, any_word)
        words = (
            self.index.parse_query(text, ["title", "body"], field_boosts={"title": TITLE_BOOST})
            if text
            else None
        )
        filters = self._selections(request)
        matching = self._all(([words] if words else []) + list(filters.values()))
        counts: dict[str, dict[str, int]] = {}
        total = -1
        if facets:
            terms = {name: {"terms": {"field": name, "size": 10_000}} for name in FACET_NAMES}
            if not filters:
                found = self.searcher.aggregate(matching, terms)
                for name in FACET_NAMES:
                    counts[name] = {b["key"]: b["doc_count"] for b in found[name]["buckets"]}
            else:
                for name in FACET_NAMES:
                    others = [q for facet, q in filters.items() if facet != name]
                    found = self.searcher.aggregate(
                        self._all(([words] if words else []) + others), {name: terms[name]}
                    )
                    counts[name] = {b["key"]: b["doc_count"] for b in found[name]["buckets"]}
        sort = request.effective_sort
        limit, offset = request.per_page, (request.page - 1) * request.per_page
        if sort in ("newest", "oldest", "largest"):
            result = self.searcher.search(
                matching,
                limit=limit,
                offset=offset,
                count=facets,
                order_by_field="largest" if sort == "largest" else "sortdate",
                order=tantivy.Order.Asc if sort == "oldest" else tantivy.Order.Desc,
            )
        elif words is not None:
            result = self.searcher.search(matching, limit=limit, offset=offset, count=facets)
        else:
            result = self.searcher.search(
                matching, limit=limit, offset=offset, count=facets, order_by_field="sortdate"
            )
        if facets:
            total = result.count
        snippets = (
            tantivy.SnippetGenerator.create(self.searcher, words, self.schema, "body")
            if words is not None
            else None
        )
        hits = []
        for key, address in result.hits:
            doc = self.searcher.doc(address)
            text = (
                snippets.snippet_from_doc(doc).to_html()
                if snippets
                else doc.get_first("body")[:240]
            )
            hits.append((doc.get_first("id"), json.loads(doc.get_first("meta")), text, key))
        return total, counts, hits
