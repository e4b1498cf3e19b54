"""Write corpus files: a document's id from its date and title, its front matter, atomically."""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from archive.corpus.parse import FRONT_MATTER, ID_PATTERN, PartialDate

_SLUG_WORDS = 80  # characters of title in a file name


def slug(date: PartialDate, title: str) -> str:
    """Make a document id from its date and title: 2017-03-20-innovative-social-work-projects."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"(?<=\d)[.,](?=\d)|'", "", plain)  # £4.5m becomes 45m, children's childrens
    words = re.findall(r"[a-z0-9]+", plain)
    text = ""
    for word in words:
        if len(text) + len(word) + 1 > _SLUG_WORDS:
            break
        text = f"{text}-{word}" if text else word
    if not text:
        text = words[0][:_SLUG_WORDS] if words else "untitled"
    return f"{date.iso}-{text}"


def unique_id(base: str, planned: set[str]) -> str:
    """A second article with the same date and headline in one run gets -2, -3 and so on."""
    doc_id, n = base, 1
    while doc_id in planned:
        n += 1
        doc_id = f"{base}-{n}"
    assert ID_PATTERN.match(doc_id), doc_id
    return doc_id


def compose(meta: Mapping[str, object], body: str) -> str:
    """Write front matter and body as a corpus file; strings JSON-quoted, which YAML reads as is."""
    lines = ["---"]
    for key, value in meta.items():
        if value is None or value == "":
            continue
        if key in ("departments", "programmes"):
            lines.append(f"{key}: [{', '.join(value)}]")  # type: ignore[arg-type]
        elif isinstance(value, list):
            items = [item for item in value if str(item).strip()]
            if items:
                lines.append(f"{key}:")
                lines.extend(f"  - {_quote(item)}" for item in items)
        else:
            lines.append(f"{key}: {_quote(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body


def _quote(value: object) -> str:
    return json.dumps(" ".join(str(value).split()), ensure_ascii=False)


def body_of(path: Path) -> str:
    try:
        content = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    match = FRONT_MATTER.match(content)
    return content[match.end() :] if match else content


def write_atomically(path: Path, content: str) -> None:
    """Write a file whole or not at all, so a killed ingest leaves no half document."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".ingest-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_document(
    path: Path, content: str, original: bytes | None = None, suffix: str = ""
) -> None:
    """Write a document and its original (files/<id><suffix> beside it): both or neither."""
    if original is None:
        write_atomically(path, content)
        return
    kept = path.parent / "files" / f"{path.stem}{suffix}"
    kept.parent.mkdir(exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=kept.parent, prefix=".ingest-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(original)
        os.replace(temporary, kept)
        write_atomically(path, content)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        if not path.exists():
            kept.unlink(missing_ok=True)
        raise


def remove_document(path: Path) -> None:
    """Remove a document and any original kept beside it in files/."""
    path.unlink(missing_ok=True)
    for kept in (path.parent / "files").glob(f"{path.stem}.*"):
        kept.unlink(missing_ok=True)
