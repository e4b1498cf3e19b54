"""Read what ingest keeps of a record's text, white space folded, for the ingest shape tests."""

from __future__ import annotations

from archive.ingest.boilerplate import extract_article


def flat(text: str, title: str = "DROUGHT ASSISTANCE") -> str:
    """Return the article's text as one line."""
    return " ".join(extract_article(text, title).text.split())


def paragraphs(text: str, title: str = "DROUGHT ASSISTANCE") -> list[str]:
    """Return the article's paragraphs, each as one line."""
    return [" ".join(p.split()) for p in extract_article(text, title).paragraphs]
