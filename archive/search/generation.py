"""One opened index generation: its searcher, registry and what is cached for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh.searching import Searcher

from archive.corpus.registry import Registry
from archive.search.docsets import DocSets
from archive.search.facets import FacetTable
from archive.search.periods import Periods
from archive.search.query import QueryReader
from archive.search.ranking import Ranker


@dataclass
class Generation:
    """One opened index generation and what is cached for it."""

    path: Path
    searcher: Searcher
    registry: Registry
    reader: QueryReader
    facets: FacetTable
    # Masks of what queries and filters match, cached for this generation only: a researcher
    # clicking through facets repeats the same query and filters.
    sets: DocSets
    ranker: Ranker
    periods: Periods
    # Each indexed word's surface forms, for finding a query's words in a hit's text (snippets).
    forms: dict[str, list[str]] = field(default_factory=dict)
    # Which build this is: its id, date and number of documents (generations.build_info).
    build: dict[str, Any] = field(default_factory=dict)
    # Each facet value's label, as the facets show it (facet, value -> label).
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
