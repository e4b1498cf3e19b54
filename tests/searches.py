"""Read what an index on disk answers, to compare one build's answers with another's."""

from __future__ import annotations

from pathlib import Path

from archive.search.core import Archive


def answers(index_dir: Path, requests: list[dict[str, list[str]]]) -> list:
    """Every request's total, facet counts and hits (ids, sorted)."""
    archive = Archive(index_dir)
    found = []
    for params in requests:
        result = archive.search(archive.request(params | {"per_page": ["100"]}))
        facets = {f: sorted((v.value, v.count) for v in vs) for f, vs in result.facets.items()}
        found.append((params, result.total, facets, sorted(h["id"] for h in result.hits)))
    return found
