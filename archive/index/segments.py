"""Write Whoosh segments directly: what the default writer does, without its per-token and per-posting costs.

Whoosh's writer runs every token through a chain of generators, then pickles every posting into
a sorting pool and reads it back at commit (../shared/WHOOSH.md; most of a build's time). This
writer fills one segment in memory with Whoosh's own per-document writer (stored fields, columns,
lengths) and its own field writer (term table, posting blocks): only the inverted lists are
gathered here, in plain lists, and handed to Whoosh's block writer a block at a time. Text with
the stemming analyzer is tokenized with the analyzer's own pattern, stop list and stemmer,
each distinct word stemmed once (tests/test_segments.py holds it to the analyzer, and a whole
segment to the default writer's). Whatever else a field holds goes through Whoosh's `index()`.
The arrays beside the segment (archive/index/arrays.py) are written from the same lists.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from whoosh.analysis import CompositeAnalyzer, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.analysis.tokenizers import default_pattern
from whoosh.codec.whoosh3 import W3Codec, W3Segment
from whoosh.fields import Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Positions
from whoosh.index import TOC
from whoosh.util.numeric import byte_to_length, length_to_byte

from archive.index import arrays

INDEX_NAME = "MAIN"  # Whoosh's default index name, as open_dir expects
ENCODE = Positions().encode  # a posting's positions as Whoosh stores them


class TextIndexer:
    """A stemming analyzer's terms for a text, as `TEXT.index()` gives them, from a word -> stem table."""

    def __init__(self, analyzer: CompositeAnalyzer):
        tokenizer, _, stop, stem = analyzer.items
        # The tokenizer's own pattern, with its group made non-capturing so findall gives whole words.
        self.pattern = re.compile(tokenizer.expression.pattern.replace("(", "(?:"), tokenizer.expression.flags)
        self.stops, self.minsize, self.stemfn = stop.stops, stop.min, stem.stemfn
        self.stems: dict[str, str | None] = {}  # each word as written -> its term, None if dropped

    @staticmethod
    def handles(analyzer: Any) -> bool:
        """Say whether an analyzer is the stemming one this reproduces (Whoosh's StemmingAnalyzer)."""
        items = getattr(analyzer, "items", None)
        if not isinstance(analyzer, CompositeAnalyzer) or [type(i) for i in items or ()] != [
                RegexTokenizer, LowercaseFilter, StopFilter, StemFilter]:
            return False
        tokenizer, _, stop, stem = items
        return (tokenizer.expression.pattern == default_pattern.pattern and not tokenizer.gaps
                and stop.renumber and stop.max is None and not stem.ignore and stem.lang is None)

    def _stem(self, word: str) -> str | None:
        word = word.lower()
        if len(word) < self.minsize or word in self.stops:
            return None
        return self.stemfn(word)

    def positions(self, text: str) -> dict[str, list[int]]:
        """Return each term of the text with its positions, numbered as the stop filter renumbers them."""
        words = self.pattern.findall(text)
        stems = self.stems
        try:
            kept = [stems[word] for word in words]
        except KeyError:
            for word in set(words).difference(stems):
                stems[word] = self._stem(word)
            kept = [stems[word] for word in words]
        found: dict[str, list[int]] = {}
        # The first word kept keeps its place; each after it is one more (StopFilter(renumber=True)).
        pos = -1
        for at, term in enumerate(kept):
            if term is None:
                continue
            pos = at if pos < 0 else pos + 1
            places = found.get(term)
            if places is None:
                found[term] = [pos]
            else:
                places.append(pos)
        return found


class SegmentWriter:
    """One new segment of an index folder, filled a document at a time and written by finish()."""

    def __init__(self, folder: Path, schema: Schema):
        self.folder, self.schema = folder, schema
        self.storage = FileStorage(str(folder))
        self.codec = W3Codec()
        self.segment: W3Segment = self.codec.new_segment(self.storage, INDEX_NAME)
        # Columns are gathered in a temporary folder of the segment's own, so writers side by side
        # (one a process) never share one.
        self.perdoc = self.codec.per_document_writer(_OwnTemporary(str(folder), self.segment.segid), self.segment)
        for name, field in schema.items():
            if field.vector or field.separate_spelling():
                raise ValueError(f"field {name!r} has vectors or spelling, which this writer does not write")
        self.texts = {name: TextIndexer(field.analyzer) for name, field in schema.items()
                      if field.indexed and isinstance(field.format, Positions) and TextIndexer.handles(field.analyzer)}
        # (field, term) -> its postings: documents and positions for the stemmed text fields,
        # documents, weights and encoded values for the rest.
        self.text_postings: dict[str, dict[str, tuple[list[int], list[list[int]]]]] = {n: {} for n in self.texts}
        self.postings: dict[tuple[str, bytes], tuple[list[int], list[float], list[bytes]]] = {}
        # The length of each scorable field in each document, as Whoosh keeps it (one byte, rounded).
        self.lengths: dict[str, dict[int, int]] = {}
        self.docnum = 0

    def add(self, values: dict[str, Any]) -> None:
        """Add one document, as `writer.add_document(**values)` would."""
        docnum, perdoc, schema = self.docnum, self.perdoc, self.schema
        perdoc.start_doc(docnum)
        for name in sorted(values):
            value = values[name]
            if value is None:
                continue
            field = schema[name]
            length = 0
            if name in self.texts:
                pool = self.text_postings[name]
                for term, places in self.texts[name].positions(value).items():
                    entry = pool.get(term)
                    if entry is None:
                        pool[term] = ([docnum], [places])
                    else:
                        entry[0].append(docnum)
                        entry[1].append(places)
                    length += len(places)
            elif field.indexed:
                for btext, freq, weight, encoded in field.index(value):
                    if field.scorable:
                        length += freq
                    entry = self.postings.setdefault((name, btext), ([], [], []))
                    entry[0].append(docnum)
                    entry[1].append(weight)
                    entry[2].append(encoded)
            if length and field.scorable:
                self.lengths.setdefault(name, {})[docnum] = byte_to_length(length_to_byte(length))
            perdoc.add_field(name, field, value if field.stored else None, length)
            if field.column_type:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        self.docnum += 1

    def finish(self) -> W3Segment:
        """Write the segment's files and its arrays, and return the segment for the index's table of contents."""
        self.perdoc.close()
        self.perdoc._cols._tempstorage.destroy()
        writer = self.codec.field_writer(self.storage, self.segment)
        spans = arrays.SpanWriter()
        singles: dict[int, bytes] = {}  # most postings hold one position: encode each place once
        for name in sorted({*self.text_postings, *(name for name, _ in self.postings)}):
            field = self.schema[name]
            writer.start_field(name, field)
            lengths = self.lengths.get(name, {})
            if name in self.text_postings:
                pool = self.text_postings[name]
                for term in sorted(pool):  # code point order is UTF-8 byte order
                    docs, places = pool[term]
                    weights = [float(len(p)) for p in places]
                    encoded = [_single(singles, p[0]) if len(p) == 1 else ENCODE(p) for p in places]
                    btext = term.encode("utf-8")
                    _write_term(writer, btext, docs, weights, encoded, lengths)
                    spans.add(name, btext, docs, weights, places)
            else:
                positional = field.format.supports("positions")
                for key in sorted(key for key in self.postings if key[0] == name):
                    docs, weights, encoded = self.postings[key]
                    _write_term(writer, key[1], docs, weights, encoded, lengths)
                    if arrays.covers(self.schema, name):
                        places = [field.format.decode_positions(v) for v in encoded] if positional else None
                        spans.add(name, key[1], docs, weights, places)
            writer.finish_field()
        writer.close()
        self.segment.set_doc_count(self.docnum)
        spans.save(self.folder, self.segment.segment_id())
        return self.segment

    def cancel(self) -> None:
        """Drop the segment: nothing of it is left in the folder."""
        self.perdoc.close()
        self.perdoc._cols._tempstorage.destroy()
        for path in self.folder.glob(f"{self.segment.segment_id()}.*"):
            path.unlink()

    def forms(self) -> dict[str, str | None]:
        """Return every word of the stemmed fields in lower case with its term, as the forms table keeps them."""
        found: dict[str, str | None] = {}
        for indexer in self.texts.values():
            for word, term in list(indexer.stems.items()):
                lower = word.lower()
                if lower != word and indexer.pattern.fullmatch(lower) is None:
                    # Lower-casing split the word (a dotted capital I, say): the table keeps a term
                    # only for a word the analyzer reads as one.
                    terms = indexer.positions(lower)
                    term = next(iter(terms)) if sum(map(len, terms.values())) == 1 else None
                found.setdefault(lower, term)
        return found


class _OwnTemporary(FileStorage):
    """The index folder, with a temporary folder named for one segment."""

    def __init__(self, path: str, name: str):
        super().__init__(path)
        self.name = name

    def temp_storage(self, name: str | None = None) -> FileStorage:
        return super().temp_storage(f"{self.name}.tmp")


def _single(cache: dict[int, bytes], place: int) -> bytes:
    encoded = cache.get(place)
    if encoded is None:
        encoded = cache[place] = ENCODE([place])
    return encoded


def _write_term(writer, btext: bytes, docs: list[int], weights: list[float], encoded: list[bytes],
                lengths: dict[int, int]) -> None:
    """Hand one term's postings to Whoosh's block writer a block at a time, with each block's statistics."""
    writer.start_term(btext)
    blocks = writer._postwriter
    limit = blocks._blocklimit
    for start in range(0, len(docs), limit):
        stop = start + limit
        blocks._ids = array("I", docs[start:stop])
        blocks._weights = array("f", weights[start:stop])
        blocks._values = encoded[start:stop]
        blocks._maxweight = max(0, *blocks._weights)
        known = [lengths[d] for d in blocks._ids if d in lengths]
        blocks._minlength = min(known) if known else None
        blocks._maxlength = max(known) if known else 0
        if stop < len(docs):
            blocks._write_block()
    writer.finish_term()  # writes the last block, marked as the last


def write(folder: Path, schema: Schema, documents: Iterable[dict[str, Any]]) -> W3Segment:
    """Write the documents' field values as one new segment in the folder and return it."""
    segment = SegmentWriter(folder, schema)
    for values in documents:
        segment.add(values)
    return segment.finish()



def write_toc(folder: Path, schema: Schema, segments: list, generation: int = 0) -> None:
    """Write the index's table of contents: the segments Whoosh opens, in order."""
    TOC(schema, segments, generation).write(FileStorage(str(folder)), INDEX_NAME)
