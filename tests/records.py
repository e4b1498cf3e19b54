"""Ingest a record written in a test through the real pipeline, into a corpus on disk."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from archive.ingest.pipeline import Options, ingest
from archive.ingest.report import IngestReport

SHIPPED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def ingest_record(
    tmp_path: Path, record: dict[str, str], options: Options, workers: int | None = 1
) -> tuple[IngestReport, Path]:
    """Ingest one JSON-lines record into tmp_path/corpus with the shipped registries.

    Return the report and the corpus folder."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for registry in ("departments.yaml", "programmes.yaml"):
        shutil.copy(SHIPPED_CORPUS / registry, corpus / registry)
    source = tmp_path / "records.jsonl"
    source.write_text(json.dumps(record) + "\n", "utf-8")
    return ingest([source], corpus, options, workers=workers), corpus
