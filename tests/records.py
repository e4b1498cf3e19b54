"""Ingest a record written in a test through the real pipeline, into a corpus on disk."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from archive.cli import main
from archive.corpus.parse import Document, parse_file
from archive.corpus.registry import Registry
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


# A scan wrapped at about 60 characters, with a blank line after every line, as the 1960s-1990s
# Australian releases stand in the collection.
SCAN = [
    "The Prime Minister announced today that the Government had",
    "decided to increase its support for scientific research in the",
    "Antarctic over the next five years, in co-operation with the",
    "scientific community and the other nations working there.",
    "The thirty-eight nations of the Antarctic Treaty System are",
    "committed to the protection of its environment, and Australia",
    "will continue to take a leading part in their work on it.",
    "The Government will consult the States on the arrangements and",
    "will report to the Parliament when the consultations are over.",
]


def au_blocks(
    tmp_path: Path,
    lines: list[str],
    title: str,
    date: str = "1989-08-18",
    *,
    items: str = "[-*] ",
    marks: bool = True,
) -> list[str]:
    """Ingest one AU record through the real pipeline; return its body's paragraphs and items.

    Items are parted at lines opening with `items`; `marks=False` drops their list marks."""
    record = {"id": "1", "date": date, "title": title, "text": "\n\n".join(lines)}
    report, corpus = ingest_record(tmp_path, record, Options(country="AU", source="PM Transcripts"))
    assert not report.skipped, [o.skipped for o in report.skipped]
    (written,) = list(corpus.rglob("*.md"))
    body = written.read_text("utf-8").removeprefix("---\n").partition("\n---\n")[2]
    parts = [p for p in re.split(rf"\n\s*\n|\n(?={items})", body) if p.strip()]
    return [" ".join((p if marks else p.lstrip("-* ")).split()) for p in parts]


def words(blocks: list[str]) -> list[str]:
    """Return the words of a body's blocks, in order."""
    return re.findall(r"\w+", " ".join(blocks))


def ingest_au_releases(
    tmp: Path, records: list[dict[str, str]], first_id: int, month: str
) -> list[Document]:
    """Ingest records through the CLI as a maintainer would (`archive init --country AU`, then
    `archive ingest` of a JSON-lines file) into tmp/archive; return every written document.

    Record n gets id first_id + n and the date 1985-<month>-<n + 1>."""
    root = tmp / "archive"
    runner = CliRunner()
    assert runner.invoke(main, ["init", "--country", "AU", str(root)]).exit_code == 0
    lines = [
        json.dumps({"id": str(first_id + n), "date": f"1985-{month}-{n + 1:02d}"} | record)
        for n, record in enumerate(records)
    ]
    source = tmp / "releases.jsonl"
    source.write_text("\n".join(lines) + "\n", "utf-8")
    result = runner.invoke(main, ["--root", str(root), "ingest", "--source", "PM", str(source)])
    assert result.exit_code == 0, result.output
    registry = Registry.load(root / "corpus", "AU")
    files = [p for p in (root / "corpus").rglob("*.md") if p.name != "README.md"]
    return [parse_file(p, registry) for p in files]
