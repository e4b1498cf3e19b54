"""Each document's stems beside its segment: what rescoring reads of a document, without its text.

Rescoring (archive/search/rescoring.py) reads the best ten documents of a query of two words or
more: where the query's words are (proximity) and how often each stem occurs (feedback). Read
from the stored text, that is decompressing, tokenizing and stemming in Python at query time:
most of a three-word query's time at 3,000 documents. The postings arrays already hold every
term's positions; this adds, as each segment's arrays are written (in the build's worker
processes), each document's stems of letters with their counts over title and body, and its
number of words and where its title's and body's words are numbered from. Worked out from the
segment's postings with numpy, not by reading its text again.

Files beside the segment: `.fstems.npy` (each document's stems, each followed by a space, one
document after the other, UTF-8), `.fsoffs.npy` (where each document's stems start, in bytes),
`.fcounts.npy` (each stem's count), `.fcoffs.npy` (where each document's counts start) and
`.fdocs.npy` (per document: its words, its title's words, the positions its title's and its
body's first words have, and whether these stand for its text).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np

from archive.index import npfiles

SUFFIXES = (".fstems.npy", ".fsoffs.npy", ".fcounts.npy", ".fcoffs.npy", ".fdocs.npy")
FIELDS = ("title", "body")  # read by rescoring as one text, the title's words first
# Columns of .fdocs.npy; UNSAFE marks a document whose words these cannot stand for (below).
LENGTH, TITLE_LENGTH, TITLE_FIRST, BODY_FIRST, UNSAFE = range(5)
# Rescoring lower-cases the whole text, then splits it; the index splits, then lower-cases each
# word. The two differ only for a capital I with a dot (lower-cased to an i and a combining dot,
# which is no word character) and a capital sigma (final or not by what follows it). A stem
# holding a combining dot or a sigma marks its documents: rescoring reads their text instead.
UNSAFE_CHARACTERS = frozenset("\u0307\u03c3\u03c2")


def write(
    folder: Path,
    segment_id: str,
    terms: Mapping[tuple[str, bytes], tuple[int, int]],
    ids: np.ndarray,
    counts: np.ndarray,
    offsets: np.ndarray,
    poses: np.ndarray,
    doc_count: int,
) -> None:
    """Write a segment's stems per document from its postings (positions counts a posting)."""
    runs = sorted(
        (btext, field == "title", start, stop)
        for (field, btext), (start, stop) in terms.items()
        if field in FIELDS and stop > start
    )
    vocab = sorted({btext for btext, _, _, _ in runs})
    number = {btext: i for i, btext in enumerate(vocab)}
    starts = np.array([r[2] for r in runs], dtype=np.int64)
    lengths = np.array([r[3] - r[2] for r in runs], dtype=np.int64)
    before = np.zeros(len(runs), dtype=np.int64)
    np.cumsum(lengths[:-1], out=before[1:])
    posting = np.repeat(starts - before, lengths) + np.arange(int(lengths.sum()), dtype=np.int64)
    stem = np.repeat(np.array([number[r[0]] for r in runs], dtype=np.int64), lengths)
    title = np.repeat(np.array([r[1] for r in runs], dtype=bool), lengths)
    doc = ids[posting].astype(np.int64)
    n = counts[posting].astype(np.int64)
    # A posting's first position (a field without positions has none: then 0).
    at = offsets[posting]
    first = (
        poses[np.minimum(at, len(poses) - 1)].astype(np.int64) * (counts[posting] > 0)
        if len(poses)
        else np.zeros(len(posting), dtype=np.int64)
    )
    docs = np.zeros((doc_count, 5), dtype=np.int64)
    docs[:, LENGTH] = np.bincount(doc, weights=n, minlength=doc_count)[:doc_count]
    docs[:, TITLE_LENGTH] = np.bincount(doc[title], weights=n[title], minlength=doc_count)[
        :doc_count
    ]
    for column, where in ((TITLE_FIRST, title), (BODY_FIRST, ~title)):
        least = np.full(doc_count, np.iinfo(np.int64).max)
        np.minimum.at(least, doc[where], first[where])
        docs[:, column] = np.where(least == np.iinfo(np.int64).max, 0, least)
    unsafe = np.array(
        [not UNSAFE_CHARACTERS.isdisjoint(b.decode("utf-8")) for b in vocab], dtype=bool
    )
    if unsafe.any():
        docs[np.unique(doc[unsafe[stem]]), UNSAFE] = 1
    # Only stems of letters are kept per document: feedback counts no others.
    alpha = np.array([b.decode("utf-8").isalpha() for b in vocab], dtype=bool)
    keep = alpha[stem] if len(vocab) else np.zeros(0, dtype=bool)
    key, inverse = np.unique(doc[keep] * max(len(vocab), 1) + stem[keep], return_inverse=True)
    entry_counts = np.bincount(inverse.ravel(), weights=n[keep], minlength=len(key)).astype(
        np.int64
    )
    # Most counts are small: a byte each where every one fits (a quarter of the size).
    most = int(entry_counts.max()) if len(entry_counts) else 0
    entry_counts = entry_counts.astype(
        np.uint8 if most < 2**8 else np.uint16 if most < 2**16 else np.uint32
    )
    entry_doc, entry_stem = np.divmod(key, max(len(vocab), 1))
    count_offsets = np.searchsorted(entry_doc, np.arange(doc_count + 1)).astype(np.int64)
    # Each entry's stem and a space, gathered from the vocabulary's bytes.
    sizes = np.array([len(b) + 1 for b in vocab], dtype=np.int64)
    vocab_starts = np.zeros(len(vocab), dtype=np.int64)
    np.cumsum(sizes[:-1], out=vocab_starts[1:])
    blob = np.frombuffer(b"".join(b + b" " for b in vocab), dtype=np.uint8)
    entry_sizes = sizes[entry_stem]
    out_starts = np.zeros(len(key) + 1, dtype=np.int64)
    np.cumsum(entry_sizes, out=out_starts[1:])
    gather = np.repeat(vocab_starts[entry_stem] - out_starts[:-1], entry_sizes) + np.arange(
        int(out_starts[-1]), dtype=np.int64
    )
    written: tuple[np.ndarray, ...] = (
        blob[gather],
        out_starts[count_offsets],
        entry_counts,
        count_offsets,
        docs,
    )
    npfiles.save(folder, segment_id, SUFFIXES, written)


def exists(folder: Path, segment_id: str) -> bool:
    """Say whether a segment's stems per document were written."""
    return npfiles.saved(folder, segment_id, SUFFIXES)


class Forward:
    """A segment's stems per document, mapped from its files."""

    def __init__(self, folder: Path, segment_id: str):
        self._stems, self._stem_offsets, self._counts, self._count_offsets, self.docs = (
            np.load(folder / f"{segment_id}{suffix}", mmap_mode="r").view(np.ndarray)
            for suffix in SUFFIXES
        )

    def stem_counts(self, doc: int) -> tuple[dict[str, int], int]:
        """Return how often a document holds each stem of letters, and its number of words."""
        low, high = self._stem_offsets[doc : doc + 2].tolist()
        stems = self._stems[low:high].tobytes().decode("utf-8").split()
        low, high = self._count_offsets[doc : doc + 2].tolist()
        return dict(zip(stems, self._counts[low:high].tolist())), int(self.docs[doc, LENGTH])
