"""The search core: query reading, document sets, ranking, facets, snippets. Knows no web."""
