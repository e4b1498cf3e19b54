"""A query's large arrays are given back to the system when freed (archive/search/heap.py)."""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from archive.search import heap

GLIBC = pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
    reason="mallopt's thresholds are glibc's",
)

# Run in a fresh interpreter, as a worker starts: in this long test process an earlier test may
# have left a free block in the heap (or a heap top up to KEPT_TOP) that serves the array.
LARGE_ARRAYS = """
from pathlib import Path
import numpy as np
from archive.search import heap

def mapping_of(address):
    for line in Path("/proc/self/maps").read_text().splitlines():
        start, end = (int(part, 16) for part in line.split()[0].split("-"))
        if start <= address < end:
            return line
    return None

assert heap.return_large_arrays()
for _ in range(3):  # freed and made again: glibc would have raised its threshold by now
    scores = np.ones(2 * heap.LARGE // 8)  # twice the threshold, in floats
    address = scores.ctypes.data
    held = mapping_of(address)
    assert held and not held.endswith("[heap]"), "the array was served from the heap"
    del scores
    # (numpy asks for huge pages, so a neighbouring mapping may be split off and stay: only the
    # array's own range is checked)
    assert mapping_of(address) != held, "the freed array's mapping was kept"
"""


@GLIBC
def test_large_arrays_get_a_mapping_of_their_own_and_give_it_back():
    run = subprocess.run([sys.executable, "-c", LARGE_ARRAYS], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def _heap_end() -> int:
    for line in Path("/proc/self/maps").read_text().splitlines():
        if line.endswith("[heap]"):
            return int(line.split()[0].split("-")[1], 16)
    return 0


@GLIBC
def test_small_scratch_arrays_leave_the_heap_top_for_the_next_query():
    assert heap.return_large_arrays()
    for _ in range(3):
        # Three arrays under the mmap threshold (scores at 100,000 documents are 800 KB): the
        # heap grows for them; freed, its top stays for the next query instead of being
        # given back and faulted in again (glibc's fixed 128 KB trim threshold did that).
        scratch = [np.ones(heap.LARGE // 8 - 4096) for _ in range(3)]
        grown = _heap_end()
        del scratch
        assert _heap_end() == grown, "the freed heap top was given back"
