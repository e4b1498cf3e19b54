"""Each document's field lengths as Whoosh keeps them: one byte a document, mapped, not decoded.

Whoosh writes a field's lengths as a column of one byte per document (`<segment>._<field>_len.col`,
the length squashed into 256 steps) and decodes one document a call: a searcher's first ranked
query used to read every document's length that way, seconds at a million documents, and kept
them as 8-byte floats in every worker. Here the bytes are mapped from Whoosh's own files (shared
by every worker, nothing written, so an index built before works as it is) and decoded by a
table of the 256 lengths a byte can stand for: the same floats Whoosh's `doc_field_length` gives.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from whoosh.codec.whoosh3 import W3Codec
from whoosh.reading import IndexReader
from whoosh.util.numeric import byte_to_length, length_to_byte

# The length each byte stands for. Whoosh's doc_field_length gives None for a byte of 0 (a
# document without the field): 0 here, which no posting of the field ever looks up.
LENGTHS = np.array([byte_to_length(code) for code in range(256)], dtype=np.float64)
MISSING = 1  # the length Whoosh's doc_field_length(..., default=1) gives without a length column


def codes(reader: IndexReader, field: str, folder: Path | None = None) -> np.ndarray:
    """Return every document's length byte in a field, mapped from the segments' files."""
    parts = [_segment_codes(leaf, field, folder) for leaf, _ in reader.leaf_readers()]
    if not parts:
        return np.zeros(0, dtype=np.uint8)
    if len(parts) == 1:
        return parts[0]  # the mapping itself: nothing copied
    return np.concatenate(parts)  # one byte a document, the worker's own


def _segment_codes(leaf: IndexReader, field: str, folder: Path | None) -> np.ndarray:
    count = leaf.doc_count_all()
    segment = getattr(leaf, "segment", lambda: None)()
    if folder is not None and segment is not None and count:
        path = folder / W3Codec.column_filename(segment, f"_{field}_len")
        size = path.stat().st_size if path.is_file() else -1
        if 0 < size <= count:
            found: np.ndarray = np.memmap(path, dtype=np.uint8, mode="r").view(np.ndarray)
            # Whoosh leaves out the last documents' bytes where they are 0 (no such field).
            return (
                found
                if size == count
                else np.concatenate([found, np.zeros(count - size, np.uint8)])
            )
    # A compound segment, another codec or a column of another shape: ask Whoosh, document by
    # document (slow, but only for indexes this archive does not build).
    lengths = [leaf.doc_field_length(doc, field, MISSING) for doc in range(count)]
    return np.array([0 if n is None else length_to_byte(n) for n in lengths], dtype=np.uint8)
