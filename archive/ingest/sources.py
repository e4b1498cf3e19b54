"""Read what is to be ingested: text and HTML files, folders of them, and JSON lines files."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from archive.errors import ArchiveError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FIELDS = ("text", "title", "date", "url", "source", "author", "type")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass
class Record:
    """One article to ingest, with whatever metadata its source gives."""

    origin: str  # "path" or "path:line", for messages
    text: str
    html: bool = False
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    type: str | None = None


@dataclass
class Unreadable:
    """A file or line that cannot be ingested, and why."""

    origin: str
    reason: str


def parse_map(spec: str | None) -> dict[str, str]:
    """Read --map title=headline,date=published,... into {our field: their field}."""
    mapping = {name: name for name in FIELDS}
    if not spec:
        return mapping
    for part in spec.split(","):
        ours, sep, theirs = part.partition("=")
        ours, theirs = ours.strip(), theirs.strip()
        if not sep or not ours or not theirs:
            raise ArchiveError(f"--map: '{part.strip()}' is not FIELD=NAME (e.g. --map title=headline,text=body)")
        if ours not in FIELDS:
            raise ArchiveError(f"--map: unknown field '{ours}'; the fields are {', '.join(FIELDS)}")
        mapping[ours] = theirs
    return mapping


def input_files(paths: list[Path]) -> Iterator[Path | Unreadable]:
    """Expand folders into the files they hold that can be ingested, in name order."""
    for path in paths:
        if path.is_dir():
            suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes
                           and not p.name.startswith("."))
            if not found:
                yield Unreadable(str(path), "the folder holds no .txt, .html or .jsonl files")
            yield from found
        elif path.is_file():
            yield path
        else:
            yield Unreadable(str(path), "no such file or folder")


def count_records(path: Path) -> int:
    """Count the records a file holds, cheaply, for a progress bar."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    return 1


def read_file(path: Path, field_map: dict[str, str]) -> Iterator[Record | Unreadable]:
    """Yield the records in one file, or what makes each unreadable."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _jsonl(path, field_map)
            return
        data = path.read_bytes()
    except OSError as error:
        yield Unreadable(str(path), f"cannot be read: {error.strerror}")
        return
    if suffix in HTML_SUFFIXES:
        text = _decode_html(data)
        if text is None:
            yield Unreadable(str(path), "not UTF-8, and it declares no charset that can be read")
            return
        yield Record(str(path), text, html=True)
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield Unreadable(str(path), f"not UTF-8 (byte {error.start} cannot be read)")
        return
    if not text.strip():
        yield Unreadable(str(path), "no text")
        return
    yield Record(str(path), text)


def _jsonl(path: Path, field_map: dict[str, str]) -> Iterator[Record | Unreadable]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            origin = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                yield Unreadable(origin, f"not UTF-8 (byte {error.start} of the line cannot be read)")
                continue
            try:
                data = json.loads(line.strip())
            except json.JSONDecodeError as error:
                yield Unreadable(origin, f"broken JSON: {error.msg} at column {error.colno}")
                continue
            if not isinstance(data, dict):
                yield Unreadable(origin, "not a JSON object")
                continue
            text = data.get(field_map["text"])
            if not isinstance(text, str) or not text.strip():
                yield Unreadable(origin, f"no text (field '{field_map['text']}' is missing or empty)")
                continue
            values = {name: _string(data.get(field_map[name])) for name in FIELDS if name != "text"}
            yield Record(origin, text, **values)


def _string(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(str(value).split())
    return text or None


def _decode_html(data: bytes) -> str | None:
    """Decode an HTML page as UTF-8, or in the charset it declares."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    match = _CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        codec = codecs.lookup(match.group(1).decode("ascii"))
    except LookupError:
        return None
    return data.decode(codec.name, errors="replace")
