"""The corpus format: one Markdown file per document, its registries and the amounts it names."""
