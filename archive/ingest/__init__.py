"""Ingest: raw articles (text, HTML, JSON lines) into corpus documents, with suggested metadata."""
