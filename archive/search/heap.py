"""Keep malloc's thresholds fixed, so that a worker's own memory stays bounded across queries.

glibc's malloc serves a large block from its own mmap, but after the first such block is freed it
raises that threshold to the block's size (up to 32 MB), and the trim threshold to twice that, so
a worker's heap kept whatever its largest query had used. Fixing the mmap threshold at LARGE fixes
both: arrays above it get a mapping of their own, unmapped when freed; the heap's free top is
given back beyond KEPT_TOP.

LARGE was 1 MiB (every array of a float per document above 131,072 documents mapped afresh).
A fresh mapping costs a page fault per 4 KB on first touch: at 1,000,000 documents a long
question touched 110,000 fresh pages (430 MB) and the faults were about a third of its CPU time,
a faceted query's a quarter (docs/scale-round12.md). At 16 MiB every array of a query at
1,000,000 documents (8 MB of scores, 1 MB of a mask) comes from the heap and its pages are used
again by the next query; an array of a larger index still gets its own mapping. The free top
kept (KEPT_TOP) must hold a query's few scratch arrays, or it is given back and faulted in again
on every query (at 100,000 documents, with glibc's fixed 128 KB, plain p95 +25%).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)
M_TRIM_THRESHOLD = -1
# bytes: above an array of a float or an index per document at 1,000,000 documents (8 MB). Each
# fresh mapping costs a page fault per 4 KB touched: at 1,000,000 documents a threshold of 1 MiB
# cost a long question 110,000 faults and about a third of its CPU time (docs/scale-round12.md).
LARGE = 16 * 2**20
KEPT_TOP = 4 * LARGE  # bytes of free heap top kept for the next query's scratch arrays (64 MiB)


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
