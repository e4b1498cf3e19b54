"""The stored fields of the documents read last, and their words: read once for every use.

A ranked page reads each of its best documents twice (rescoring reads their words, the page
their snippets), and a facet click or the next page reads them again. Decompressing and
unpickling a document's stored fields, then tokenizing its text, costs the same at 3,000 documents
as at a million: at 3,000 it is most of a plain query's time.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from whoosh.searching import Searcher

CACHED_DOCUMENTS = 512  # about 10 KB of stored fields and 20 KB of words each: 15 MB at most


class DocumentCache:
    """Each recently read document's stored fields, and whatever was worked out from them."""

    def __init__(self, searcher: Searcher, size: int = CACHED_DOCUMENTS):
        self.searcher = searcher
        self.size = size
        self._docs: OrderedDict[int, dict[str, Any]] = OrderedDict()

    def _entry(self, docnum: int) -> dict[str, Any]:
        found = self._docs.get(docnum)
        if found is None:
            found = self._docs[docnum] = {"stored": self.searcher.stored_fields(docnum)}
            if len(self._docs) > self.size:
                self._docs.popitem(last=False)
        else:
            self._docs.move_to_end(docnum)
        return found

    def stored(self, docnum: int) -> dict[str, Any]:
        """Return a document's stored fields (shared: callers copy what they change)."""
        stored: dict[str, Any] = self._entry(docnum)["stored"]
        return stored

    def derived(self, docnum: int, key: str, work: Callable[[dict[str, Any]], Any]) -> Any:
        """Return work(stored fields) for a document, worked out once while it stays cached."""
        entry = self._entry(docnum)
        if key not in entry:
            entry[key] = work(entry["stored"])
        return entry[key]

    def clear(self) -> None:
        self._docs.clear()
