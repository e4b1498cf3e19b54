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

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3TermInfo
from whoosh.system import pack_int, pack_ushort
from whoosh.util.numeric import length_to_byte

BLOCK = W3Codec()._blocklimit  # postings a block, as Whoosh's codec writes them
COMPRESSION = W3Codec()._compression
# Whoosh reads a block with pickle.loads, whatever the protocol; protocol 2, which its writer uses,
# writes each posting's value as a call to codecs.encode, protocol 5 as bytes: half the size and a
# tenth of the time for a block of 128 postings, and faster to read back.
DATA_PROTOCOL = 5
# Blocks whose pickle is shorter than this are stored uncompressed: zlib's set-up alone costs about
# 30 µs a call, and a block of one posting is about 40 bytes.
COMPRESS_FROM = 1024


def write_field(writer, btexts: list[bytes], term_starts: np.ndarray, docs: np.ndarray, weights: np.ndarray,
                encoded: list[bytes], by_doc: np.ndarray, fixed: int | None) -> None:
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
    term_shortest = np.minimum.reduceat(shortest, first_block).tolist()
    term_longest = np.maximum.reduceat(longest, first_block).tolist()
    term_heaviest = np.maximum.reduceat(heaviest, first_block).tolist()
    firsts, lasts = docs[term_starts[:-1]].tolist(), docs[term_starts[1:] - 1].tolist()

    gaps, narrow, blocks = gaps.tolist(), narrow.tolist(), per_term.tolist()
    starts, stops, lowest, highest = starts.tolist(), stops.tolist(), lowest.tolist(), highest.tolist()
    heaviest, shortest, longest = heaviest.tolist(), shortest.tolist(), longest.tolist()
    last_of = docs[np.asarray(stops) - 1].tolist()
    postfile = writer._postfile.file  # the open file beneath Whoosh's StructFile, for fewer calls
    add_row, prefix = writer._tindex.add, pack_ushort(writer._fieldid)
    b = 0
    for t, btext in enumerate(btexts):
        offset = postfile.tell()
        postfile.write(WHOOSH3_HEADER_MAGIC)
        for left in range(blocks[t], 0, -1):
            at, stop = starts[b], stops[b]
            if lowest[b] == highest[b]:
                block_weights = None if lowest[b] == 1.0 else lowest[b]
            else:
                block_weights = tuple(narrow[at:stop])
            values = encoded[at:stop]
            values = tuple(values) if fixed is None or fixed < 0 else None if fixed == 0 else b"".join(values)
            data = dumps((tuple(gaps[at:stop]), block_weights, values), DATA_PROTOCOL)
            compression = COMPRESSION if len(data) >= COMPRESS_FROM else 0
            if compression:
                data = zlib.compress(data, compression)
            low = None if shortest[b] == none else shortest[b]
            header = dumps((stop - at, last_of[b], heaviest[b], compression, length_to_byte(low),
                            length_to_byte(longest[b])), 2)
            total = len(header) + len(data)
            postfile.write(pack_int(-total if left == 1 else total))  # the last block's size is negative
            postfile.write(header)
            postfile.write(data)
            b += 1
        info = W3TermInfo()
        info._weight, info._df = term_weight[t], stops[b - 1] - starts[b - blocks[t]]
        info._minlength = None if term_shortest[t] == none else term_shortest[t]
        info._maxlength, info._maxweight = term_longest[t], term_heaviest[t]
        info._minid, info._maxid = firsts[t], lasts[t]
        info.set_extent(offset, postfile.tell() - offset)
        add_row(prefix + btext, info.to_bytes())
