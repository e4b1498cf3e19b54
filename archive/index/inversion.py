"""Turn a segment's tokens into postings with numpy: by term, positions encoded as Whoosh does.

A text field's tokens arrive document by document as term numbers (-1 for a word the analyzer
drops). One stable sort by term puts them in the order Whoosh writes postings (term, document,
position); a posting is a run of one term in one document. Its value is what
`Positions.encode` makes, the count and then the pickled list of gaps between positions,
assembled here for all postings at once from the pickle opcodes a list of small integers takes.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from pickle import dumps

import numpy as np
from whoosh.system import pack_uint

# How pickle (protocol 2) writes a list: its header, then each int as K (one byte), M (two)
# or J (four, signed), in batches of at most 1,000 between MARK and APPENDS (APPEND for a list
# of one).
_HEAD = b"\x80\x02]q\x00"
_MARK, _APPENDS, _APPEND, _STOP = 0x28, 0x65, 0x61, 0x2E
_BATCH = 1000


@dataclass
class Postings:
    """One field's postings in Whoosh's order: a run of postings a term, each with its positions."""

    terms: list[str]  # in the order written
    term_starts: np.ndarray  # where each term's postings start, and one more for the end
    docs: np.ndarray  # a document number a posting
    freqs: np.ndarray  # positions a posting
    positions: np.ndarray  # all positions, posting by posting

    def encoded(self) -> list[bytes]:
        """Return each posting's positions as Positions.encode gives them."""
        return encode(self.positions, self.freqs)


class Tokens:
    """A text field's tokens, document by document, as term numbers."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.numbers: dict[str, int] = {}
        self.tokens = array("i")
        self.docs = array("I")  # the document of each run of tokens
        self.starts = array("q")  # where each run starts

    def number(self, term: str) -> int:
        """Return a term's number, giving a new term the next one."""
        found = self.numbers.get(term)
        if found is None:
            found = self.numbers[term] = len(self.terms)
            self.terms.append(term)
        return found

    def add(self, docnum: int, numbers: list[int]) -> None:
        self.docs.append(docnum)
        self.starts.append(len(self.tokens))
        self.tokens.extend(numbers)

    def postings(self) -> Postings:
        """Return the field's postings, sorted by term in code point order (UTF-8 byte order)."""
        tokens = (
            np.frombuffer(self.tokens, dtype=np.int32)
            if len(self.tokens)
            else np.zeros(0, dtype=np.int32)
        )
        starts = (
            np.frombuffer(self.starts, dtype=np.int64)
            if len(self.starts)
            else np.zeros(0, dtype=np.int64)
        )
        docs = (
            np.frombuffer(self.docs, dtype=np.uint32)
            if len(self.docs)
            else np.zeros(0, dtype=np.uint32)
        )
        kept = np.flatnonzero(tokens >= 0)
        run = (
            np.searchsorted(starts, kept, side="right") - 1
        )  # which document's run each kept token is in
        # The stop filter renumbers: the first word kept keeps its place, each after it is one more.
        first = np.searchsorted(kept, starts)  # each run's first kept token, among the kept
        first_place = (
            kept[np.minimum(first, max(len(kept) - 1, 0))] - starts if len(kept) else first
        )
        places = (first_place[run] + (np.arange(len(kept)) - first[run])).astype(np.uint32)
        order = sorted(range(len(self.terms)), key=self.terms.__getitem__)
        rank = np.empty(len(self.terms), dtype=np.int64)
        rank[order] = np.arange(len(order))
        keys = rank[tokens[kept]]
        by_term = np.argsort(keys, kind="stable")  # tokens are in (document, place) order already
        keys, run, places = keys[by_term], run[by_term], places[by_term]
        new_posting = np.ones(len(keys), dtype=bool)
        new_posting[1:] = (keys[1:] != keys[:-1]) | (run[1:] != run[:-1])
        posting_starts = np.flatnonzero(new_posting)
        freqs = np.diff(np.append(posting_starts, len(keys))).astype(np.uint32)
        posting_keys = keys[posting_starts]
        new_term = np.ones(len(posting_keys), dtype=bool)
        new_term[1:] = posting_keys[1:] != posting_keys[:-1]
        term_starts = np.append(np.flatnonzero(new_term), len(posting_keys))
        terms = [self.terms[order[k]] for k in posting_keys[term_starts[:-1]].tolist()]
        return Postings(terms, term_starts, docs[run[posting_starts]], freqs, places)


def encode(positions: np.ndarray, freqs: np.ndarray) -> list[bytes]:
    """Encode each posting's positions (freqs of them a posting) as Positions.encode does."""
    count = len(freqs)
    if not count:
        return []
    firsts = _firsts(freqs)
    single = freqs == 1
    # Most postings hold one position, whose value depends on it alone: each place is encoded once.
    places = positions[firsts[single]]
    if len(places) and places.max() < 4 * len(places) + 1024:
        table_places, which = np.arange(int(places.max()) + 1, dtype=np.uint32), places
    else:  # places far apart (a long text, few postings): only the places used
        table_places, which = np.unique(places, return_inverse=True)
    table = np.empty(len(table_places), dtype=object)
    table[:] = _encode_all(table_places, np.ones(len(table_places), dtype=np.uint32))
    found = np.empty(count, dtype=object)
    found[single] = table[which]
    several = ~single
    if several.any():
        wanted = np.repeat(several, freqs)
        found[several] = _encode_all(positions[wanted], freqs[several])
    return found.tolist()


def _firsts(freqs: np.ndarray) -> np.ndarray:
    """Return where each posting's positions start, given how many each has."""
    firsts = np.zeros(len(freqs), dtype=np.int64)
    np.cumsum(freqs[:-1], out=firsts[1:])
    return firsts


def _encode_all(positions: np.ndarray, freqs: np.ndarray) -> list[bytes]:
    count = len(freqs)
    if not count:
        return []
    firsts = _firsts(freqs)
    posting = np.repeat(np.arange(count), freqs)
    gaps = positions.astype(np.int64)
    gaps[1:] -= gaps[:-1]
    gaps[firsts] = positions[firsts]
    sizes = np.where(gaps < 0x100, 2, np.where(gaps < 0x10000, 3, 5))
    single = freqs == 1
    head = (
        4 + len(_HEAD) + (~single)
    )  # the count, pickle's header, and MARK for a list of more than one
    item_bytes = np.bincount(posting, weights=sizes, minlength=count).astype(np.int64)
    lengths = head + item_bytes + 2  # APPEND or APPENDS, then STOP
    ends = np.cumsum(lengths)
    offsets = ends - lengths
    out = np.zeros(int(ends[-1]), dtype=np.uint8)
    for i, byte in enumerate(freqs.astype(">u4").view(np.uint8).reshape(-1, 4).T):
        out[offsets + i] = byte
    for i, code in enumerate(_HEAD):
        out[offsets + 4 + i] = code
    out[offsets[~single] + 4 + len(_HEAD)] = _MARK
    within = np.cumsum(sizes) - sizes  # each item's start, counted from its posting's first item
    within -= within[firsts][posting]
    at = offsets[posting] + head[posting] + within
    out[at] = np.where(sizes == 2, 0x4B, np.where(sizes == 3, 0x4D, 0x4A))  # K, M, J
    little = gaps.astype("<u4").view(np.uint8).reshape(-1, 4)
    for i in range(4):
        wide = sizes > i + 1
        out[at[wide] + 1 + i] = little[wide, i]
    out[ends - 2] = np.where(single, _APPEND, _APPENDS)
    out[ends - 1] = _STOP
    data = out.tobytes()
    encoded = [data[a:b] for a, b in zip(offsets.tolist(), ends.tolist())]
    for i in np.flatnonzero(freqs > _BATCH).tolist():  # lists that pickle in several batches
        start = int(firsts[i])
        encoded[i] = encode_one(positions[start : start + int(freqs[i])].tolist())
    return encoded


def encode_one(places: list[int]) -> bytes:
    """Encode one posting's positions as Positions.encode does: the count, then the pickled gaps."""
    gaps = [places[0]]
    gaps += [b - a for a, b in zip(places, places[1:])]
    return bytes(pack_uint(len(gaps))) + dumps(gaps, 2)
