"""The search core: query reading, document sets, ranking, facets and snippets. Knows nothing of the web."""
