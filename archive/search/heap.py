"""Give a query's large arrays back to the system when they are freed, not keep them in the heap.

glibc's malloc serves a large block from its own mmap, but after the first such block is freed it
raises that threshold to the block's size, so every later array of a query (8 MB of scores at a
million documents) comes from the heap, whose freed middle is never returned: a worker's own
memory grew by tens of MB over a query mix that kept nothing. Fixing the threshold keeps every
array of 1 MiB or more (a float per document above 131,072 documents) in a mapping of its own,
unmapped when freed. Smaller ones stay in the heap: a fresh mapping costs a page fault per 4 KB
on first touch, +25% on a plain query at 100,000 documents with 256 KB; above 4 MB numpy asks
for huge pages, and at 1,000,000 documents a mapped array cost no more than one from the heap.

Fixing the mmap threshold also fixes the trim threshold at glibc's 128 KB (the dynamic policy
would have raised it to twice the largest freed block): the heap's top was then given back and
faulted in again on every query, as each scratch array under 1 MiB (800 KB of scores at 100,000
documents) was freed and asked for again. That cost plain p95 +25% and long p50 +20% at 100,000
documents (bench/run.py, CPU clock). The top is kept up to 4 MiB, a few such arrays a worker.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)
M_TRIM_THRESHOLD = -1
LARGE = 2**20  # bytes: an array of 131,072 floats
KEPT_TOP = 4 * LARGE  # bytes of free heap top kept for the next query's scratch arrays


@functools.cache
def return_large_arrays() -> bool:
    """Fix malloc's mmap threshold where the C library is glibc; say whether it was set."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError, TypeError):
        return False  # not glibc (macOS, musl without mallopt): its own policy stands
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, LARGE)) and bool(mallopt(M_TRIM_THRESHOLD, KEPT_TOP))
