"""A segment's table of terms (where each term's postings run in its arrays), mapped, not loaded.

The table was a pickled dict loaded by every searcher: about 95 MB of Python objects in each
worker at 100,000 documents, ten times that at a million. It is now written sorted, as three
flat arrays beside the segment (`.ptkeys.npy`, the keys' bytes one after the other; `.ptoffs.npy`,
where each key starts; `.ptspan.npy`, each term's first and last posting), and looked up by
binary search in the mapped arrays, narrowed first by every 64th key held in memory.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from archive.index import npfiles

SUFFIXES = (".ptkeys.npy", ".ptoffs.npy", ".ptspan.npy")
SAMPLE = 64  # every 64th key in memory: 1/64 of the keys, a binary search of 6 steps on disk
# Terms looked up last, kept with where they run (or None): a query's words, and the 20 words
# feedback adds, come again in the next queries; each binary search is a few Python-level steps.
MEMO = 8192
Key = tuple[str, bytes]


def _encoded(key: Key) -> bytes:
    return key[0].encode("utf-8") + b"\x00" + key[1]


def write(folder: Path, segment_id: str, terms: dict[Key, tuple[int, int]]) -> None:
    """Write a segment's term table as sorted arrays."""
    items = sorted((_encoded(key), span) for key, span in terms.items())
    keys = [k for k, _ in items]
    offsets = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum([len(k) for k in keys], out=offsets[1:])
    spans = np.array([span for _, span in items], dtype=np.int64).reshape(len(items), 2)
    arrays: tuple[np.ndarray, ...] = (
        np.frombuffer(b"".join(keys), dtype=np.uint8),
        offsets,
        spans,
    )
    npfiles.save(folder, segment_id, SUFFIXES, arrays)


def exists(folder: Path, segment_id: str) -> bool:
    """Say whether a segment's term table was written as arrays."""
    return npfiles.saved(folder, segment_id, SUFFIXES)


class TermTable:
    """A segment's term table, mapped from its arrays."""

    def __init__(self, folder: Path, segment_id: str):
        blob, offsets, spans = (
            np.load(folder / f"{segment_id}{suffix}", mmap_mode="r").view(np.ndarray)
            for suffix in SUFFIXES
        )
        self._blob, self._offsets, self._spans = blob, offsets, spans
        self._size = len(offsets) - 1
        self._sample = [self._key(i) for i in range(0, self._size, SAMPLE)]
        self._memo: dict[Key, tuple[int, int] | None] = {}

    def _key(self, i: int) -> bytes:
        return self._blob[int(self._offsets[i]) : int(self._offsets[i + 1])].tobytes()

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Key]:
        for i in range(self._size):
            field, _, text = self._key(i).partition(b"\x00")
            yield field.decode("utf-8"), text

    def keys(self) -> set[Key]:
        """Return every term the segment holds, as (field, text) pairs."""
        return set(self)

    def get(self, key: Key) -> tuple[int, int] | None:
        """Return where a term's postings run, or None if the segment does not hold it."""
        try:
            return self._memo[key]
        except KeyError:
            pass
        if len(self._memo) >= MEMO:
            self._memo.clear()
        found = self._memo[key] = self._search(key)
        return found

    def _search(self, key: Key) -> tuple[int, int] | None:
        wanted = _encoded(key)
        block = bisect.bisect_right(self._sample, wanted) - 1
        if block < 0:
            return None
        low, high = block * SAMPLE, min((block + 1) * SAMPLE, self._size)
        while low < high:
            middle = (low + high) // 2
            if self._key(middle) < wanted:
                low = middle + 1
            else:
                high = middle
        if low < self._size and self._key(low) == wanted:
            start, stop = self._spans[low].tolist()
            return start, stop
        return None
