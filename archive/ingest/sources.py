"""Read what is to be ingested: text and HTML files, folders of them, and JSON lines files."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from archive.errors import ArchiveError
from archive.ingest.papers import PAPER_SUFFIXES, PDF_SUFFIXES, PaperArticle, Suggested

if TYPE_CHECKING:
    from archive.ingest.fetch import Fetcher

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FIELDS = ("text", "title", "date", "url", "source", "author", "type", "prime_minister")
MAX_FILE_BYTES = 50_000_000  # a PDF, Word file or fetched page larger than this is refused unread
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
    # A PDF or Word file: its body is written already, and the file is kept beside the document.
    paper: PaperArticle | None = None
    original: bytes | None = None
    suffix: str = ""  # of the original: ".pdf", ".docx"
    by: dict[str, str] = field(default_factory=dict)  # field -> where its value was found
    review: list[str] = field(default_factory=list)  # points found while reading
    licence: str | None = None
    fetched: str | None = None  # YYYY-MM-DD, for an address
    # What a followed source says for certain: registry keys, front matter kept as given, the id.
    departments: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)
    doc_id: str | None = None
    prime_minister: str | None = None  # a record's own field (the AU releases'): who announced it
    numbers: list[tuple[str, str]] = field(
        default_factory=list
    )  # official numbers, each with its line


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
            raise ArchiveError(
                f"--map: '{part.strip()}' is not FIELD=NAME (e.g. --map title=headline,text=body)"
            )
        if ours not in FIELDS:
            raise ArchiveError(f"--map: unknown field '{ours}'; the fields are {', '.join(FIELDS)}")
        mapping[ours] = theirs
    return mapping


@dataclass(frozen=True)
class Address:
    """A page or paper to fetch."""

    url: str


URL_LIST_SUFFIXES = {".urls"}


def input_files(
    paths: list[Path | str | Record | Unreadable],
) -> Iterator[Path | Address | Record | Unreadable]:
    """Expand folders into the files in them that can be ingested, in name order; keep addresses."""
    from archive.ingest.fetch import is_address

    for path in paths:
        if isinstance(path, Record | Unreadable):  # made by `archive follow`
            yield path
            continue
        if isinstance(path, str) and is_address(path):
            yield Address(path.strip())
            continue
        path = Path(path)
        addresses = _address_list(path)
        if addresses is not None:
            yield from (
                Address(url) if is_address(url) else Unreadable(f"{path}:{n}", "not an address")
                for n, url in addresses
            )
        elif path.is_dir():
            suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | PAPER_SUFFIXES
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in suffixes and not p.name.startswith(".")
            )
            if not found:
                yield Unreadable(
                    str(path), "the folder holds no .txt, .html, .jsonl, .pdf or .docx files"
                )
            yield from found
        elif path.is_file():
            yield path
        else:
            yield Unreadable(str(path), "no such file or folder")


def _address_list(path: Path) -> list[tuple[int, str]] | None:
    """The addresses, with line numbers, of a .urls file or a small text file of addresses alone."""
    from archive.ingest.fetch import is_address

    suffix = path.suffix.lower()
    if (
        suffix not in URL_LIST_SUFFIXES | {".txt"}
        or not path.is_file()
        or path.stat().st_size > 1_000_000
    ):
        return None
    try:
        lines = [
            (n, line.strip()) for n, line in enumerate(path.read_text("utf-8-sig").splitlines(), 1)
        ]
    except (OSError, UnicodeDecodeError):
        return None
    lines = [(n, line) for n, line in lines if line and not line.startswith("#")]
    if suffix in URL_LIST_SUFFIXES or (
        lines and all(is_address(line) and " " not in line for _, line in lines)
    ):
        return lines
    return None


def fetch_records(address: Address, fetcher, today: str) -> Iterator[Record | Unreadable]:
    """Fetch an address and read it: a page through article extraction, a paper as a paper."""
    from archive.ingest.fetch import FetchProblem
    from archive.ingest.metadata import read_metadata

    try:
        fetched = fetcher.get(address.url)
    except FetchProblem as problem:
        yield Unreadable(address.url, str(problem))
        return
    if fetched.kind in ("pdf", "docx"):
        record = paper_record(address.url, fetched.data, "." + fetched.kind)
        if isinstance(record, Record):
            record.url, record.fetched = fetched.url, today
        yield record
        return
    text = (
        _decode_html(fetched.data)
        if not fetched.charset
        else fetched.data.decode(fetched.charset, "replace")
    )
    if text is None or not text.strip():
        yield Unreadable(
            address.url, "no text: the page is empty or in a charset that cannot be read"
        )
        return
    meta = read_metadata(text, fetched.url)
    values = meta.values
    record = Record(
        address.url,
        text,
        html=True,
        title=values.get("title"),
        date=values.get("date"),
        url=values.get("url") or fetched.url,
        source=values.get("source"),
        author=values.get("author"),
        licence=values.get("licence"),
        fetched=today,
    )
    record.by = {
        key: by[0].upper() + by[1:] + " gives" if key == "date" else by
        for key, by in meta.by.items()
    }
    record.by.pop("source", None)  # a publisher the page names for itself is not in doubt
    yield record


class Addresses:
    """Fetch a batch's addresses in input order through one client, started at the first address."""

    def __init__(
        self, timeout: float, max_bytes: int, pause: float, allow_hosts: tuple[str, ...] = ()
    ) -> None:
        self.limits = (timeout, max_bytes, pause)
        self.allow_hosts = allow_hosts
        self.fetcher: Fetcher | None = None

    def records(self, address: Address) -> Iterator[Record | Unreadable]:
        from archive.ingest.fetch import Fetcher, Limits

        if self.fetcher is None:
            timeout, max_bytes, pause = self.limits
            self.fetcher = Fetcher(
                Limits(
                    timeout=timeout, max_bytes=max_bytes, pause=pause, allow_hosts=self.allow_hosts
                )
            )
        return fetch_records(address, self.fetcher, dt.date.today().isoformat())

    def close(self) -> None:
        if self.fetcher is not None:
            self.fetcher.close()


def count_records(path: Path) -> int:
    """Count the records a file holds, cheaply, for a progress bar."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    return 1


def read_file(
    path: Path, field_map: dict[str, str], max_bytes: int = MAX_FILE_BYTES
) -> Iterator[Record | Unreadable]:
    """Yield the records in one file, or what makes each unreadable."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _jsonl(path, field_map)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield Unreadable(str(path), f"too large: {size:,} bytes, the limit is {max_bytes:,}")
            return
        data = path.read_bytes()
    except OSError as error:
        yield Unreadable(str(path), f"cannot be read: {error.strerror}")
        return
    if suffix in PAPER_SUFFIXES:
        yield paper_record(str(path), data, suffix)
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


def paper_record(origin: str, data: bytes, suffix: str) -> Record | Unreadable:
    """Read a PDF or Word file into a record with its Markdown body, or say what is wrong."""
    from archive.ingest.docx import DocxProblem
    from archive.ingest.papers import from_docx, from_pdf
    from archive.ingest.pdf import PdfProblem

    try:
        article, found = from_pdf(data) if suffix in PDF_SUFFIXES else from_docx(data)
    except (PdfProblem, DocxProblem) as problem:
        return Unreadable(origin, str(problem))
    return _paper(origin, data, suffix, article, found)


def _paper(
    origin: str, data: bytes, suffix: str, article: PaperArticle, found: Suggested
) -> Record:
    record = Record(
        origin,
        article.text,
        title=found.title,
        date=found.date,
        source=found.source,
        author=found.author,
        type="report",
        paper=article,
        original=data,
        suffix=suffix,
    )
    record.by = {"title": found.title_by, "date": found.date_by, "source": found.source_by}
    record.review.extend(found.review)
    record.numbers = found.numbers
    return record


def review_points(record: Record, source_given: bool, date_given: bool) -> list[str]:
    """What is unsure in what a paper or page said of itself, unless the options said it instead."""
    points = list(record.review)
    if record.source and record.by.get("source") and not source_given:
        points.append(f"the source is {record.by['source']}: check it")
    if record.date and "CreationDate" in record.by.get("date", "") and not date_given:
        points.append("the date is the day the PDF file was made: check the paper's own date")
    return points


def _jsonl(path: Path, field_map: dict[str, str]) -> Iterator[Record | Unreadable]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            origin = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                yield Unreadable(
                    origin, f"not UTF-8 (byte {error.start} of the line cannot be read)"
                )
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
                yield Unreadable(
                    origin, f"no text (field '{field_map['text']}' is missing or empty)"
                )
                continue
            record = Record(origin, text)
            for name in FIELDS:
                if name != "text":  # the metadata fields, all of them str | None
                    setattr(record, name, _string(data.get(field_map[name])))
            yield record


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
