"""Whoosh's posting blocks, written for a whole field at once.

Whoosh's block writer (W3PostingsWriter) takes a posting at a time and works out, block by
block, the gaps between document numbers and each block's statistics; its term table row
(W3TermInfo) gathers them for the term. Here numpy works all of that out for a field's
postings together, and the loop over blocks only pickles and writes them, in the same format:
Whoosh's own readers read them.
"""

from __future__ import annotations

import zlib
from pickle import dumps
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3TermInfo
from whoosh.filedb.filetables import _lengths as ROW_LENGTHS
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import _length_byte_cache

BLOCK = W3Codec()._blocklimit  # postings a block, as Whoosh's codec writes them
COMPRESSION = W3Codec()._compression
# Whoosh reads a block with pickle.loads, whatever the protocol; protocol 2, which its writer uses,
# writes each posting's value as a call to codecs.encode, protocol 5 as bytes: half the size and a
# tenth of the time for a block of 128 postings, and faster to read back.
DATA_PROTOCOL = 5
# Blocks whose pickle is shorter than this are stored uncompressed: zlib's set-up alone costs about
# 30 µs a call, and a block of one posting is about 40 bytes.
COMPRESS_FROM = 1024
TERM_INFO = W3TermInfo._struct
LENGTH_BYTES = np.asarray(_length_byte_cache, dtype=np.int64)
LENGTH_CAP = 106374  # from this length on, length_to_byte gives 255


def write_field(
    writer: Any,
    btexts: list[bytes],
    term_starts: np.ndarray,
    docs: np.ndarray,
    weights: np.ndarray,
    encoded: list[bytes],
    by_doc: np.ndarray,
    fixed: int | None,
) -> None:
    """Write a field's posting blocks and its rows of the term table, in Whoosh's block format.

    Term i has postings term_starts[i] to term_starts[i + 1] (documents, weights, encoded values);
    by_doc is each document's field length (0 for none). What Whoosh's block writer works out a
    posting at a time (gaps between documents, each block's statistics, each term's) is worked
    out here with numpy for the whole field; the loop only pickles and writes. Whoosh compresses
    even a block of one posting, where zlib's set-up costs more than the rest: a block too small
    to gain is stored as it is (each block says how), and block data is pickled with DATA_PROTOCOL.
    """
    if not btexts:
        return
    docs = docs.astype(np.int64)
    sizes = np.diff(term_starts)
    per_term = (sizes + BLOCK - 1) // BLOCK
    term_of = np.repeat(np.arange(len(sizes)), per_term)
    first_block = np.cumsum(per_term) - per_term
    starts = term_starts[:-1][term_of] + (np.arange(len(term_of)) - first_block[term_of]) * BLOCK
    stops = np.minimum(starts + BLOCK, term_starts[1:][term_of])
    gaps = docs.copy()
    gaps[1:] -= docs[:-1]
    gaps[starts] = docs[starts]
    narrow = weights.astype(np.float32).astype(np.float64)  # as a block holds them
    lowest, highest = np.minimum.reduceat(narrow, starts), np.maximum.reduceat(narrow, starts)
    heaviest = np.maximum(np.maximum.reduceat(weights, starts), 0)
    lengths = by_doc[docs]
    none = np.iinfo(np.int64).max
    shortest = np.minimum.reduceat(np.where(lengths > 0, lengths, none), starts)
    longest = np.maximum.reduceat(lengths, starts)
    # What W3TermInfo.add_block gathers, for each term.
    term_weight = np.add.reduceat(np.add.reduceat(narrow, starts), first_block).tolist()
    term_shortest = _length_bytes(np.minimum.reduceat(shortest, first_block), none).tolist()
    term_longest = _length_bytes(np.maximum.reduceat(longest, first_block), none).tolist()
    term_heaviest = np.maximum.reduceat(heaviest, first_block).tolist()
    firsts, lasts = docs[term_starts[:-1]].tolist(), docs[term_starts[1:] - 1].tolist()

    shortest, longest = (
        _length_bytes(shortest, none).tolist(),
        _length_bytes(longest, none).tolist(),
    )
    gaps, narrow, blocks, sizes = gaps.tolist(), narrow.tolist(), per_term.tolist(), sizes.tolist()
    starts, stops, lowest, highest = (
        starts.tolist(),
        stops.tolist(),
        lowest.tolist(),
        highest.tolist(),
    )
    heaviest = heaviest.tolist()
    last_of = docs[np.asarray(stops) - 1].tolist()
    postfile = writer._postfile
    position = postfile.tell()
    chunks: list[bytes] = []
    rows: list[bytes] = []
    b = 0
    for t in range(len(btexts)):
        offset = position
        chunks.append(WHOOSH3_HEADER_MAGIC)
        position += len(WHOOSH3_HEADER_MAGIC)
        for left in range(blocks[t], 0, -1):
            at, stop = starts[b], stops[b]
            if lowest[b] == highest[b]:
                block_weights = None if lowest[b] == 1.0 else lowest[b]
            else:
                block_weights = tuple(narrow[at:stop])
            run = encoded[at:stop]
            values = (
                tuple(run) if fixed is None or fixed < 0 else None if fixed == 0 else b"".join(run)
            )
            data = dumps((tuple(gaps[at:stop]), block_weights, values), DATA_PROTOCOL)
            compression = COMPRESSION if len(data) >= COMPRESS_FROM else 0
            if compression:
                data = zlib.compress(data, compression)
            header = dumps(
                (stop - at, last_of[b], heaviest[b], compression, shortest[b], longest[b]), 2
            )
            total = len(header) + len(data)
            chunks += (
                pack_int(-total if left == 1 else total),
                header,
                data,
            )  # the last block's size is negative
            position += 4 + total
            b += 1
        # W3TermInfo.to_bytes: not inlined, the statistics, then where the postings are.
        rows.append(
            TERM_INFO.pack(
                0,
                term_weight[t],
                sizes[t],
                term_shortest[t],
                term_longest[t],
                term_heaviest[t],
                firsts[t],
                lasts[t],
            )
            + pack_long(offset)
            + pack_int(position - offset)
        )
    postfile.write(b"".join(chunks))
    _add_rows(writer._tindex, [pack_ushort(writer._fieldid) + btext for btext in btexts], rows)


def _length_bytes(lengths: np.ndarray, none: int) -> np.ndarray:
    """Return length_to_byte of each length (0 for none), as Whoosh stores field lengths."""
    found = np.searchsorted(LENGTH_BYTES, lengths, side="left")
    found[lengths >= LENGTH_CAP] = 255
    found[lengths == none] = 0
    return found


def _add_rows(table: Any, keys: list[bytes], values: list[bytes]) -> None:
    """Add rows to Whoosh's term table (an OrderedHashWriter) at once, as add() does one by one."""
    if not keys:
        return
    if keys[0] <= table.lastkey:
        raise ValueError(f"keys must increase: {table.lastkey!r}..{keys[0]!r}")
    records = [
        ROW_LENGTHS.pack(len(key), len(value)) + key + value for key, value in zip(keys, values)
    ]
    position = table.dbfile.tell()
    hashfn, buckets, index = table.hashfn, table.buckets, table.index
    for key, record in zip(keys, records):
        index.append(position)
        h = hashfn(key)
        buckets[h & 255].append((h, position))
        position += len(record)
    table.dbfile.write(b"".join(records))
    table.lastkey = keys[-1]
