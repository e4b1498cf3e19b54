"""The forms table: each indexed word's surface forms (stem -> the lower-case words stemmed to it).

Snippets find a query's words in a hit's stored text by these forms instead of running the
analyzer over the text again (archive/search/snippets.py). The build keeps, beside the index,
every lower-case word it has seen with its stem (None for a word the analyzer drops), pickled;
a later build adds only new words, and rewrites the file only when there are some.
"""

from __future__ import annotations

import os
import pickle
import re
from collections.abc import Iterable
from pathlib import Path

from whoosh.analysis import CompositeAnalyzer

FORMS_FILE = "forms.pickle"
# The body analyzer's tokenizer: Whoosh's default pattern (checked in tests/test_fast_paths.py).
TOKEN_PATTERN = r"[\w\*]+(\.?[\w\*]+)*"
_TOKEN = re.compile(TOKEN_PATTERN)


class FormsTable:
    """Every word seen with its stem, growing as documents are added."""

    def __init__(self, analyzer: CompositeAnalyzer, stems: dict[str, str | None] | None = None):
        self.analyzer = analyzer
        self.stems: dict[str, str | None] = {} if stems is None else stems
        self.added = 0

    def add(self, texts: Iterable[str]) -> None:
        """Add each new word of the texts, stemmed as the analyzer indexes it."""
        stems, analyzer = self.stems, self.analyzer
        for text in texts:
            for word in {match.group().lower() for match in _TOKEN.finditer(text)}.difference(
                stems
            ):
                found = [token.text for token in analyzer(word)]
                # A word the analyzer drops (a stop word, one letter) is never a query's stem.
                stems[word] = found[0] if len(found) == 1 else None
                self.added += 1

    def update(self, stems: dict[str, str | None]) -> None:
        """Add the words of a word -> stem table that this one lacks."""
        for word, stem in stems.items():
            if word not in self.stems:
                self.stems[word] = stem
                self.added += 1

    @property
    def forms(self) -> dict[str, list[str]]:
        """Return stem -> the words that stem to it."""
        found: dict[str, list[str]] = {}
        for word, stem in self.stems.items():
            if stem is not None:
                found.setdefault(stem, []).append(word)
        return found

    def write(self, generation: Path) -> None:
        """Write the table into a generation folder, replacing a linked file (not through it)."""
        temporary = generation / (FORMS_FILE + ".partial")
        temporary.write_bytes(pickle.dumps(self.stems, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, generation / FORMS_FILE)


def read_stems(generation: Path) -> dict[str, str | None]:
    """Read a generation's word -> stem table; raise OSError or ValueError if missing or damaged."""
    with open(generation / FORMS_FILE, "rb") as handle:
        try:
            found = pickle.load(
                handle
            )  # written by our own build, beside index files Whoosh pickles too
        except (pickle.UnpicklingError, EOFError) as error:
            raise ValueError(f"{FORMS_FILE} is damaged: {error}") from None
    if not isinstance(found, dict):
        raise ValueError(f"{FORMS_FILE} is not a table")
    return found


def read(generation: Path) -> dict[str, list[str]]:
    """Read a generation's stem -> forms table."""
    return FormsTable(None, read_stems(generation)).forms
