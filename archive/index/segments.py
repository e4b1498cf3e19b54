"""Write Whoosh segments directly: what its writer writes, without per-token and posting costs.

Whoosh's writer runs every token through a chain of generators, then pickles every posting into
a sorting pool and reads it back at commit (../shared/WHOOSH.md; most of a build's time). This
writer fills one segment with Whoosh's own per-document writer (stored fields, columns, lengths)
and term table, and writes the posting blocks in Whoosh's format itself. Text with the stemming
analyzer is tokenized with the analyzer's own pattern, stop list and stemmer, each distinct word
stemmed once, and inverted with numpy (archive/index/inversion.py); whatever else a field holds
goes through the field's own `index()`. The arrays beside the segment (archive/index/arrays.py)
are written from the same postings. tests/test_segments.py holds the terms to the analyzer's and
a whole segment, read back through Whoosh, to what the default writer makes of the same documents.
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.analysis import (
    CompositeAnalyzer,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.analysis.tokenizers import default_pattern
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, STORED_COLUMN, W3Codec, W3Segment
from whoosh.fields import NUMERIC, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Positions
from whoosh.index import TOC
from whoosh.system import pack_byte
from whoosh.util.numeric import byte_to_length, length_to_byte, to_sortable

from archive.index import arrays, blocks, inversion

INDEX_NAME = "MAIN"  # Whoosh's default index name, as open_dir expects


# Whoosh's default tokenizer pattern, [\w\*]+(\.?[\w\*]+)*, matches the same words: its first run
# takes every word character there is, so a repeat can only go on after a dot. Written so, with no
# group to capture, findall gives whole words, a sixth faster.
WORDS = re.compile(r"[\w*]+(?:\.[\w*]+)*")


class TextIndexer:
    """A text field with the stemming analyzer: its documents' words as term numbers, to invert."""

    def __init__(self, analyzer: CompositeAnalyzer, stems: dict[str, str | None] | None = None):
        _, _, stop, stem = analyzer.items
        self.pattern = WORDS
        self.stops, self.minsize, self.stemfn = stop.stops, stop.min, stem.stemfn
        # Each word as written -> its term, None if dropped; shared by fields with the same
        # analyzer.
        self.stems: dict[str, str | None] = {} if stems is None else stems
        self.lowered: dict[str, str] = {}
        self.numbers = _Numbers(self)  # each word as written -> its term's number, -1 if dropped
        self.tokens = inversion.Tokens()

    @staticmethod
    def handles(analyzer: Any) -> bool:
        """Say whether an analyzer is the one this reproduces (Whoosh's StemmingAnalyzer)."""
        items: Any = getattr(analyzer, "items", None)
        if not isinstance(analyzer, CompositeAnalyzer) or [type(i) for i in items or ()] != [
            RegexTokenizer,
            LowercaseFilter,
            StopFilter,
            StemFilter,
        ]:
            return False
        tokenizer, _, stop, stem = items
        return (
            tokenizer.expression.pattern == default_pattern.pattern
            and not tokenizer.gaps
            and stop.renumber
            and stop.max is None
            and not stem.ignore
            and stem.lang is None
        )

    def _stem(self, word: str) -> str | None:
        word = word.lower()
        if len(word) < self.minsize or word in self.stops:
            return None
        found = self.lowered.get(word)
        if found is None:  # "The" and "the": one word to the stemmer, which costs a few µs a word
            found = self.lowered[word] = self.stemfn(word)
        return found

    def add(self, docnum: int, text: str) -> int:
        """Add a document's text to the field's tokens; return the words kept (its length)."""
        found = [self.numbers[word] for word in self.pattern.findall(text)]
        self.tokens.add(docnum, found)
        return len(found) - found.count(-1)

    def term(self, word: str) -> str | None:
        """Return the one term the analyzer makes of a word; None if it makes none or several."""
        kept = [term for term in map(self._stem, self.pattern.findall(word)) if term is not None]
        return kept[0] if len(kept) == 1 else None


class _Numbers(dict[str, int]):
    """Word -> term number, working out a word not seen before as it is first looked up."""

    def __init__(self, indexer: TextIndexer):
        super().__init__()
        self.indexer = weakref.proxy(indexer)  # not a cycle: a finished segment's tables go at once

    def __missing__(self, word: str) -> int:
        stems = self.indexer.stems
        term = stems[word] if word in stems else stems.setdefault(word, self.indexer._stem(word))
        number = self[word] = -1 if term is None else self.indexer.tokens.number(term)
        return number


class SegmentWriter:
    """One new segment of an index folder, filled a document at a time and written by finish()."""

    def __init__(self, folder: Path, schema: Schema):
        self.folder, self.schema = folder, schema
        self.storage = FileStorage(str(folder))
        self.codec = W3Codec()
        self.segment: W3Segment = self.codec.new_segment(self.storage, INDEX_NAME)
        # Columns are gathered in a temporary folder of the segment's own, so writers side by side
        # (one a process) never share one.
        self.perdoc = self.codec.per_document_writer(
            _OwnTemporary(str(folder), self.segment.segid), self.segment
        )
        for name, field in schema.items():
            if field.vector or field.separate_spelling():
                raise ValueError(
                    f"field {name!r} has vectors or spelling, which this writer does not write"
                )
        self.texts: dict[str, TextIndexer] = {}
        stems: list[
            tuple[Any, dict[str, str | None]]
        ] = []  # a title's words are mostly its body's: stemmed once for both
        for name, field in schema.items():
            if (
                field.indexed
                and isinstance(field.format, Positions)
                and TextIndexer.handles(field.analyzer)
            ):
                shared = next(
                    (table for analyzer, table in stems if analyzer == field.analyzer), None
                )
                if shared is None:
                    stems.append((field.analyzer, shared := {}))
                self.texts[name] = TextIndexer(field.analyzer, shared)
        # (field, term) -> its postings, for the fields not in texts: documents, weights and
        # encoded values.
        self.postings: dict[tuple[str, bytes], tuple[list[int], list[float], list[bytes]]] = {}
        # The length of each scorable field in each document, as Whoosh keeps it (one byte,
        # rounded).
        self.lengths: dict[str, dict[int, int]] = {}
        self.terms_of: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
        self.plans: dict[str, tuple[Any, ...]] = {}
        self.docnum = 0

    def add(self, values: dict[str, Any]) -> None:
        """Add one document, as `writer.add_document(**values)` would."""
        docnum = self.docnum
        stored = {}
        for name in sorted(values):
            value = values[name]
            if value is None:
                continue
            field, text, column = self._plan(name)
            length = 0
            if text is not None:
                length = text.add(docnum, value)
            elif field.indexed:
                for btext, freq, weight, encoded in self._index(name, field, value):
                    if field.scorable:
                        length += freq
                    entry = self.postings.setdefault((name, btext), ([], [], []))
                    entry[0].append(docnum)
                    entry[1].append(weight)
                    entry[2].append(encoded)
            # What W3PerDocWriter.add_field and add_column_value do, without their calls a field.
            if field.stored:
                stored[name] = value
            if length and field.scorable:
                byte = length_to_byte(length)
                self._column(f"_{name}_len", LENGTHS_COLUMN).add(docnum, byte)
                self.perdoc._fieldlengths[name] += length
                self.lengths.setdefault(name, {})[docnum] = byte_to_length(byte)
            if column is not None:
                column.add(docnum, field.to_column_value(value))
        if stored:
            self._column("_stored", STORED_COLUMN).add(docnum, stored)
        self.docnum = self.perdoc._doccount = docnum + 1

    def _plan(self, name: str) -> tuple[Any, ...]:
        found = self.plans.get(name)
        if found is None:
            field = self.schema[name]
            column = self._column(name, field.column_type) if field.column_type else None
            found = self.plans[name] = (field, self.texts.get(name), column)
        return found

    def _column(self, name: str, column: Any) -> Any:
        writers = self.perdoc._colwriters
        if name not in writers:
            self.perdoc._create_column(name, column)
        return writers[name]

    def _index(self, name: str, field: Any, value: Any) -> list[tuple[Any, ...]]:
        """Return a field's terms for a value, as `field.index(value)` gives them."""
        if isinstance(field, NUMERIC) and field.shift_step:
            numbers = value if isinstance(value, (list, tuple)) else [value]
            return [term for number in numbers for term in self._number_terms(name, field, number)]
        # Years, departments and amount bands repeat from document to document: each value's
        # terms are made once.
        key = (name, tuple(value) if isinstance(value, list) else value)
        found = self.terms_of.get(key)
        if found is None:
            found = self.terms_of[key] = list(field.index(value))
        return found

    def _number_terms(self, name: str, field: NUMERIC, number: Any) -> list[tuple[Any, ...]]:
        # NUMERIC.index: a term for each precision, every shift_step bits, from one sortable form.
        found = self.terms_of.get((name, number))
        if found is None:
            if number is None or isinstance(number, bytes):
                found = list(field.index(number))
            else:
                sortable = to_sortable(
                    field.numtype, field.bits, field.signed, field.prepare_number(number)
                )
                pack = field._struct.pack
                found = [
                    (pack_byte(shift) + pack(sortable >> shift), 1, 1.0, b"")
                    for shift in range(0, field.bits, field.shift_step)
                ]
            self.terms_of[name, number] = found
        return found

    def finish(self) -> W3Segment:
        """Write the segment's files and arrays; return the segment for the index's contents."""
        self.perdoc.close()
        self.perdoc._cols._tempstorage.destroy()
        writer = self.codec.field_writer(self.storage, self.segment)
        spans = arrays.SpanWriter()
        for name in sorted({*self.texts, *(name for name, _ in self.postings)}):
            field = self.schema[name]
            writer.start_field(name, field)
            by_doc = np.zeros(self.docnum, dtype=np.int64)
            lengths = self.lengths.get(name, {})
            if lengths:
                by_doc[list(lengths)] = list(lengths.values())
            if name in self.texts:
                found = self.texts[name].tokens.postings()
                btexts = [term.encode("utf-8") for term in found.terms]
                blocks.write_field(
                    writer,
                    btexts,
                    found.term_starts,
                    found.docs,
                    found.freqs.astype(np.float64),
                    found.encoded(),
                    by_doc,
                    None,
                )
                spans.add_run(
                    name, btexts, found.term_starts, found.docs, found.freqs, found.positions
                )
                writer.finish_field()
                continue
            keys = sorted(key for key in self.postings if key[0] == name)
            runs = [self.postings[key] for key in keys]
            starts = np.zeros(len(runs) + 1, dtype=np.int64)
            np.cumsum([len(docs) for docs, _, _ in runs], out=starts[1:])
            docs = np.fromiter(
                itertools.chain.from_iterable(r[0] for r in runs),
                dtype=np.int64,
                count=int(starts[-1]),
            )
            weights = np.fromiter(
                itertools.chain.from_iterable(r[1] for r in runs), dtype=np.float64, count=len(docs)
            )
            encoded = list(itertools.chain.from_iterable(r[2] for r in runs))
            blocks.write_field(
                writer,
                [key[1] for key in keys],
                starts,
                docs,
                weights,
                encoded,
                by_doc,
                field.format.fixed_value_size(),
            )
            if arrays.covers(self.schema, name):
                positional = field.format.supports("positions")
                for (_, btext), (term_docs, term_weights, values) in zip(keys, runs):
                    places = (
                        [field.format.decode_positions(v) for v in values] if positional else None
                    )
                    spans.add(name, btext, term_docs, term_weights, places)
            writer.finish_field()
        writer.close()
        self.segment.set_doc_count(self.docnum)
        spans.save(self.folder, self.segment.segment_id(), self.docnum)
        return self.segment

    def cancel(self) -> None:
        """Drop the segment: nothing of it is left in the folder."""
        self.perdoc.close()
        self.perdoc._cols._tempstorage.destroy()
        for path in self.folder.glob(f"{self.segment.segment_id()}.*"):
            path.unlink()

    def forms(self) -> dict[str, str | None]:
        """Return each word of the stemmed fields in lower case with its term, as in forms."""
        found: dict[str, str | None] = {}
        for indexer in {id(i.stems): i for i in self.texts.values()}.values():
            for word, term in list(indexer.stems.items()):
                lower = word.lower()
                if lower != word and indexer.pattern.fullmatch(lower) is None:
                    # Lower-casing split the word (a dotted capital I, say): the table keeps a term
                    # only for a word the analyzer reads as one.
                    term = indexer.term(lower)
                found.setdefault(lower, term)
        return found


class _OwnTemporary(FileStorage):
    """The index folder, with a temporary folder named for one segment."""

    def __init__(self, path: str, name: str):
        super().__init__(path)
        self.name = name

    def temp_storage(self, name: str | None = None) -> FileStorage:
        return super().temp_storage(f"{self.name}.tmp")


def write(folder: Path, schema: Schema, documents: Iterable[dict[str, Any]]) -> W3Segment:
    """Write the documents' field values as one new segment in the folder and return it."""
    segment = SegmentWriter(folder, schema)
    for values in documents:
        segment.add(values)
    return segment.finish()


def write_toc(folder: Path, schema: Schema, segments: list[W3Segment], generation: int = 0) -> None:
    """Write the index's table of contents: the segments Whoosh opens, in order."""
    TOC(schema, segments, generation).write(FileStorage(str(folder)), INDEX_NAME)
