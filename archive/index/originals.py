"""The originals documents were ingested from (PDF, Word), kept in the index under their hash.

A name made of the SHA-256 of the content is shared by every generation that holds the document
and is never a path anyone chose: the web app finds a document's original through its stored
metadata only.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from archive.corpus.parse import Document

TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
HASH = re.compile(r"^[0-9a-f]{64}$")


def store(index_dir: Path, document: Document) -> list[dict[str, Any]]:
    """Copy a document's originals into index/files/ (once each); describe them for its metadata."""
    if not document.files or document.path is None:
        return []
    kept = []
    for name in document.files:
        source = document.path.parent / name
        suffix = source.suffix.lower()
        try:
            data = source.read_bytes()
        except OSError:
            continue  # a missing original is left out; the document itself is still indexed
        digest = hashlib.sha256(data).hexdigest()
        target = index_dir / "files" / f"{digest}{suffix}"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        kept.append(
            {
                "suffix": suffix,
                "type": TYPES.get(suffix, "application/octet-stream"),
                "sha256": digest,
                "bytes": len(data),
            }
        )
    return kept


def path_of(index_dir: Path, entry: dict[str, Any]) -> Path | None:
    """Where a stored original is, from its metadata entry; None unless a hash and a known type."""
    digest, suffix = str(entry.get("sha256", "")), str(entry.get("suffix", ""))
    if not HASH.match(digest) or suffix not in TYPES:
        return None
    path = index_dir / "files" / f"{digest}{suffix}"
    return path if path.is_file() else None
