"""Tell whether a text is already in the corpus, the same or nearly so."""

from __future__ import annotations

import re
from array import array
from collections import Counter

_WORD = re.compile(r"\w+")
_SHINGLE = 5  # words; short enough to survive small edits, long enough to be specific
_SAMPLE = 15  # keep the shingles whose hash has these low bits clear: about one in 16
_COMMON = 200  # a sampled shingle shared by more documents than this says nothing


def shingles(text: str) -> set[int]:
    """Hash every run of five words in the lower-cased text."""
    words = _WORD.findall(text.lower())
    if len(words) <= _SHINGLE:
        return {hash(tuple(words))} if words else set()
    return {hash(tuple(words[i : i + _SHINGLE])) for i in range(len(words) - _SHINGLE + 1)}


class NearDuplicates:
    """Texts by key; find one that already holds most of a new text's wording."""

    def __init__(self, threshold: float = 0.9):
        self.threshold = threshold
        self._shingles: dict[str, array] = {}
        self._postings: dict[int, list[str]] = {}

    def __len__(self) -> int:
        return len(self._shingles)

    def add(self, key: str, text: str | set[int]) -> None:
        """Remember a text (or its shingles) under a key."""
        found = shingles(text) if isinstance(text, str) else text
        if not found:
            return
        self._shingles[key] = array("q", sorted(found))
        for sample in _samples(found):
            self._postings.setdefault(sample, []).append(key)

    def find(
        self, text: str | set[int], exclude: str | None = None, among: set[str] | None = None
    ) -> tuple[str, float] | None:
        """Return the key holding the largest share (at least the threshold) of text's wording.

        `among`, where given, is the only keys looked at."""
        found = shingles(text) if isinstance(text, str) else text
        if not found:
            return None
        samples = _samples(found)
        votes: Counter[str] = Counter()
        for sample in samples:
            keys = self._postings.get(sample, ())
            if len(keys) <= _COMMON:
                votes.update(keys)
        if among is not None:
            votes = Counter({key: count for key, count in votes.items() if key in among})
        best: tuple[str, float] | None = None
        for key, count in votes.most_common(10):
            if key == exclude or count * 2 < len(samples):
                continue
            shared = sum(1 for h in self._shingles[key] if h in found)
            share = shared / len(found)
            if share >= self.threshold and (best is None or share > best[1]):
                best = (key, share)
        return best


def _samples(found: set[int]) -> set[int]:
    """Choose shingles by their hash, so two texts sample the same shingles they share."""
    return {h for h in found if not h & _SAMPLE} | {min(found)}
