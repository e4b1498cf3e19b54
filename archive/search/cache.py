"""A cache of arrays bounded by their size in bytes, not only their count.

Masks and scores grow with the index, so a count alone is no limit. Kept compact: a mask as one
bit a document (an eighth of its bytes), scores as the documents that score and their scores
when those are fewer than half; each is restored on reading (at 1,000,000 documents a mask in
under 0.1 ms, scores in a few ms), equal to what was put, in a fresh array.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

import numpy as np


class _Key:
    """A key hashed by its text, compared as itself.

    Whoosh hashes a compound query by XOR of its parts' hashes, and a term by XOR of its field's,
    text's and boost's: a word's title and body terms cancel each other's text, so every query of
    one word hashes alike, and so does every query of two. In a cache of hundreds of queries a
    lookup then compared the query with each of them.
    """

    __slots__ = ("key", "hash")

    def __init__(self, key: Hashable):
        self.key = key
        self.hash = hash(repr(key))

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and self.hash == other.hash and self.key == other.key


class _Compact:
    """An array kept small: a mask's bits, or the nonzero entries of scores."""

    __slots__ = ("parts", "shape", "dtype", "form", "nbytes")

    def __init__(self, array: np.ndarray):
        self.shape, self.dtype = array.shape, array.dtype
        self.form = "dense"
        self.parts: tuple[np.ndarray, ...] = (array,)
        if array.ndim == 1 and array.dtype == np.bool_:
            self.form, self.parts = "bits", (np.packbits(array),)
        elif array.ndim == 1 and array.dtype.kind == "f":
            # The nonzero entries of a boolean array: numpy's nonzero over floats runs in a
            # slower loop (at 100,000 documents 1.8 ms against 0.3 ms for the same entries).
            ids = np.flatnonzero(array != 0)
            index = ids.astype(np.int32) if len(array) < 2**31 else ids
            if index.nbytes + len(ids) * array.itemsize < array.nbytes:
                self.form, self.parts = "sparse", (index, array[ids])
        self.nbytes = sum(part.nbytes for part in self.parts)

    @classmethod
    def held(cls, size: int, ids: np.ndarray, values: np.ndarray) -> _Compact:
        """Keep scores given sparse: an array of size, values at ids (sorted, distinct), else 0."""
        kept = cls.__new__(cls)
        kept.shape, kept.dtype, kept.form = (size,), values.dtype, "sparse"
        kept.parts = (ids.astype(np.int32) if size < 2**31 else ids, values)
        kept.nbytes = sum(part.nbytes for part in kept.parts)
        return kept

    def array(self) -> np.ndarray:
        """Return the array as it was put, read-only (a new one where it was kept compact)."""
        if self.form == "bits":
            found = np.unpackbits(self.parts[0], count=self.shape[0]).view(np.bool_)
        elif self.form == "sparse":
            found = np.zeros(self.shape, dtype=self.dtype)
            found[self.parts[0]] = self.parts[1]
        else:
            found = self.parts[0]
        found.flags.writeable = False
        return found


class ArrayCache:
    """The arrays used last, at most max_items and max_bytes in all; oldest use goes first."""

    def __init__(self, max_bytes: int, max_items: int):
        self.max_bytes, self.max_items = max_bytes, max_items
        self._arrays: OrderedDict[_Key, _Compact] = OrderedDict()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._arrays)

    def sparse(self, key: Hashable) -> tuple[np.ndarray, np.ndarray] | None:
        """Return the documents (in order) and values of scores kept sparse; None if not so kept."""
        key = _Key(key)
        found = self._arrays.get(key)
        if found is None or found.form != "sparse":
            return None
        self._arrays.move_to_end(key)
        return found.parts[0], found.parts[1]

    def get(self, key: Hashable) -> np.ndarray | None:
        key = _Key(key)
        found = self._arrays.get(key)
        if found is None:
            return None
        self._arrays.move_to_end(key)
        return found.array()

    def put(self, key: Hashable, array: np.ndarray) -> None:
        """Keep an array (read-only from now on: it is shared between requests)."""
        array.flags.writeable = False
        self._keep(key, _Compact(array))

    def put_sparse(self, key: Hashable, size: int, ids: np.ndarray, values: np.ndarray) -> None:
        """Keep scores given as the documents that score (sorted, distinct) and their values.

        What get() then gives is the array of `size` holding values at ids and 0 elsewhere.
        """
        values.flags.writeable = False
        self._keep(key, _Compact.held(size, ids, values))

    def _keep(self, key: Hashable, kept: _Compact) -> None:
        key = _Key(key)
        if key in self._arrays:
            self.bytes -= self._arrays.pop(key).nbytes
        self._arrays[key] = kept
        self.bytes += kept.nbytes
        while len(self._arrays) > 1 and (
            self.bytes > self.max_bytes or len(self._arrays) > self.max_items
        ):
            self.bytes -= self._arrays.popitem(last=False)[1].nbytes

    def clear(self) -> None:
        self._arrays.clear()
        self.bytes = 0
