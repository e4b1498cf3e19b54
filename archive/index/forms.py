"""The forms table: each indexed word's surface forms (stem -> the lower-case words stemmed to it).

Snippets find a query's words in a hit's stored text by these forms instead of running the
analyzer over the text again (archive/search/snippets.py). The build keeps, beside the index,
every lower-case word it has seen with its stem (None for a word the analyzer drops), pickled.
A later build does not read the whole table (at a million documents of real text, millions of
words): it writes the words of the documents it indexed into a small second file, the words
added since the table, and folds them into a new table only once that file is a quarter of it.
"""

from __future__ import annotations

import os
import pickle
import re
from collections.abc import Iterable
from pathlib import Path

from whoosh.analysis import CompositeAnalyzer

FORMS_FILE = "forms.pickle"
ADDED_FILE = "forms-added.pickle"  # words added since FORMS_FILE was written (perhaps some in it)
FOLD_AT = 4  # the added words are folded in once their file is a quarter of the table's
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

    def write(self, generation: Path, name: str = FORMS_FILE) -> None:
        """Write the table into a generation folder, replacing a linked file (not through it)."""
        temporary = generation / (name + ".partial")
        temporary.write_bytes(pickle.dumps(self.stems, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, generation / name)
        if name == FORMS_FILE:  # every word is in it: none added since
            (generation / ADDED_FILE).unlink(missing_ok=True)


def write_added(
    folder: Path,
    base: Path,
    analyzer: CompositeAnalyzer,
    texts: Iterable[str] = (),
    stems: dict[str, str | None] | None = None,
) -> None:
    """Add the words of newly indexed texts (or a word -> stem table) to the base's table.

    Only the base's added words are read: a word already in the whole table is written again, to
    the small file, rather than the whole table read to find it there.
    """
    added = FormsTable(analyzer, _read(base / ADDED_FILE) if (base / ADDED_FILE).exists() else {})
    added.add(texts)
    added.update(stems or {})
    if not added.added:  # the base's files, linked, are already the table
        return
    whole = (folder / FORMS_FILE).stat().st_size
    if (folder / ADDED_FILE).exists() and FOLD_AT * (folder / ADDED_FILE).stat().st_size > whole:
        table = FormsTable(analyzer, read_stems(base))
        table.update(added.stems)
        table.write(folder)
    else:
        added.write(folder, ADDED_FILE)


def read_stems(generation: Path) -> dict[str, str | None]:
    """Read a generation's word -> stem table; raise OSError or ValueError if missing or damaged."""
    found = _read(generation / FORMS_FILE)
    if (generation / ADDED_FILE).exists():
        found.update(_read(generation / ADDED_FILE))
    return found


def _read(path: Path) -> dict[str, str | None]:
    with open(path, "rb") as handle:
        try:
            found = pickle.load(
                handle
            )  # written by our own build, beside index files Whoosh pickles too
        except (pickle.UnpicklingError, EOFError) as error:
            raise ValueError(f"{path.name} is damaged: {error}") from None
    if not isinstance(found, dict):
        raise ValueError(f"{path.name} is not a table")
    return found


def read(generation: Path) -> dict[str, list[str]]:
    """Read a generation's stem -> forms table."""
    return FormsTable(None, read_stems(generation)).forms
