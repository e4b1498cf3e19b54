"""A document's words as rescoring reads them, from the arrays beside its segment: no text read.

Rescoring wants, of each of a query's best ten documents, where the query's words are in its
title and body read as one text (proximity) and how often it holds each stem (feedback). The
postings arrays hold each term's positions in each field, and the build writes each document's
stems with their counts (archive/index/forward.py): both are read here, where a segment has
them and the document's words are what reading its text gives. Elsewhere (an index built
before, another analyzer, a capital I with a dot) the callers read the text as before.
"""

from __future__ import annotations

import numpy as np

from archive.index import forward
from archive.index.arrays import SegmentArrays
from archive.search.docsets import DocSets

Spans = dict[tuple[int, str, str], tuple[int, int] | None]  # a rescoring's term lookups, kept


def _forward(sets: DocSets, doc: int) -> tuple[SegmentArrays, int] | None:
    """Return the arrays of a document's segment and its number there, if they have its stems."""
    segment, local = sets.segment(doc)
    if segment is None or segment.forward is None or not segment.has_positions:
        return None
    if segment.forward.docs[local, forward.UNSAFE]:
        return None
    return segment, local


def stem_counts(sets: DocSets, doc: int) -> tuple[dict[str, int], int] | None:
    """Return how often a document holds each stem of letters, and its words; None: read it."""
    found = _forward(sets, doc)
    if found is None:
        return None
    segment, local = found
    assert segment.forward is not None
    return segment.forward.stem_counts(local)


def places(sets: DocSets, doc: int, stems: list[str], spans: Spans) -> dict[str, list[int]] | None:
    """Return where each of stems is in a document's title and body read as one text.

    None where the arrays cannot say: the caller reads the text.
    """
    found = _forward(sets, doc)
    if found is None:
        return None
    segment, local = found
    assert segment.forward is not None
    length, title_length, title_first, body_first = segment.forward.docs[
        local, : forward.UNSAFE
    ].tolist()
    del length
    # Positions in a field count its kept words from its first one's; the body's follow the title's.
    shifts = (("title", -title_first), ("body", title_length - body_first))
    where: dict[str, list[int]] = {}
    # The document as the arrays' own type: searching for a Python int casts the whole run of
    # postings to int64 first (a copy of a common word's thousands, for each look-up).
    key_local = segment.ids.dtype.type(local)
    for stem in stems:
        held: list[int] = []
        for field, shift in shifts:
            key = (id(segment), field, stem)
            if key not in spans:
                spans[key] = segment.terms.get((field, stem.encode("utf-8")))
            span = spans[key]
            if span is None:
                continue
            start, stop = span
            at = start + int(segment.ids[start:stop].searchsorted(key_local))
            if at < stop and int(segment.ids[at]) == local:
                low, high = segment.starts[at : at + 2].tolist()
                held.extend((segment.poses[low:high].astype(np.int64) + shift).tolist())
        if held:
            where[stem] = held
    return where
