"""The forms table: each indexed word's surface forms (stem -> the lower-case words that stem to it).

Snippets find a query's words in a hit's stored text with one regular expression of their
forms instead of running the analyzer over the text again (archive/search/snippets.py).
The build keeps the table beside the index, as one JSON file per generation.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from whoosh.analysis import CompositeAnalyzer

FORMS_FILE = "forms.json"
# The body analyzer's tokenizer: Whoosh's default pattern (checked in tests/test_fast_paths.py).
TOKEN_PATTERN = r"[\w\*]+(\.?[\w\*]+)*"
_TOKEN = re.compile(TOKEN_PATTERN)


class FormsTable:
    """A stem -> surface forms table, growing as documents are added."""

    def __init__(self, analyzer: CompositeAnalyzer, forms: dict[str, list[str]] | None = None):
        self.analyzer = analyzer
        self.forms: dict[str, set[str]] = {stem: set(words) for stem, words in (forms or {}).items()}
        self._seen = {word for words in self.forms.values() for word in words}

    def add(self, texts: Iterable[str]) -> None:
        """Add each word of the texts, stemmed as the analyzer indexes it."""
        seen, forms, analyzer = self._seen, self.forms, self.analyzer
        for text in texts:
            new = {match.group().lower() for match in _TOKEN.finditer(text)} - seen
            for word in new:
                seen.add(word)
                stems = [token.text for token in analyzer(word)]
                # A word the analyzer drops (a stop word, one letter) is never a query's stem.
                if len(stems) == 1:
                    forms.setdefault(stems[0], set()).add(word)

    def write(self, generation: Path) -> None:
        """Write the table into a generation folder, replacing (not writing through) a linked file."""
        temporary = generation / (FORMS_FILE + ".partial")
        temporary.write_text(json.dumps({s: sorted(w) for s, w in self.forms.items()}, separators=(",", ":")), "utf-8")
        os.replace(temporary, generation / FORMS_FILE)


def read(generation: Path) -> dict[str, list[str]]:
    """Read a generation's table; raise OSError or ValueError when it is missing or damaged."""
    found = json.loads((generation / FORMS_FILE).read_text("utf-8"))
    if not isinstance(found, dict):
        raise ValueError(f"{FORMS_FILE} is not a table")
    return found
