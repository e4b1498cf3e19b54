"""Parse one corpus file (YAML front matter, then Markdown) into a Document."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import html
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import cmarkgfm
import nh3
import yaml

from archive.corpus.amounts import Amount, extract_amounts
from archive.corpus.kinds import normal_type
from archive.corpus.registry import SAFE_LOADER, Registry, _yaml_where
from archive.corpus.speakers import speakers_of
from archive.errors import CorpusError

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,199}$")
UNDATED = "undated"  # a document's date when none can be found: `date: undated`
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)
# Bounds that keep one hostile file from stalling a build: Markdown's parser is slow and
# recursive, so very large or very deeply nested input is refused before it is rendered.
MAX_BYTES = 1_000_000
MAX_INDENT = 64  # columns of leading white space: a list nested about 30 levels deep
MAX_QUOTE_DEPTH = 16
MAX_BRACKET_DEPTH = 16
BRACKETS = re.compile(r"[\[\]]")
DEEP_LINE = re.compile(r"^(?:>|[^\S\n]){16,}", re.MULTILINE)
OTHER_BREAKS = re.compile(
    "[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]"
)  # where splitlines() also breaks
KNOWN_KEYS = {
    "title",
    "date",
    "source",
    "url",
    "author",
    "type",
    "departments",
    "programmes",
    "organisations",
    "amounts",
    "summary",
    "currency",
    "review",
    "date_evidence",
    "licence",
    "files",
    "fetched",
    "announced_by",
    "prime_minister",
    "numbers",
    "numbers_evidence",
}
# What `archive follow` keeps of a GOV.UK item: its withdrawal notice and Command paper number.
KNOWN_KEYS |= {"withdrawn", "withdrawn_date", "command_paper"}
# The original a document was ingested from, kept beside it: corpus/files/<id>.pdf or .docx.
FILE_PATTERN = re.compile(r"^files/[a-z0-9][a-z0-9-]{0,199}\.(?:pdf|docx)$")
# Where a page of the original begins, as `archive ingest` marks it in a PDF's body.
PAGE_MARKER = re.compile(r"[ \t]*<!-- page (\d{1,5}) -->[ \t]*")
MAX_PAGES = 5000  # markers: each page's text is rendered on its own, so a flood of them is refused


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Read YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError otherwise."""
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if str(value).strip().lower() == UNDATED:
            return cls(0)  # no date could be found: year 0 stands for none, never for a year
        match = DATE_PATTERN.match(str(value).strip())
        if not match:
            raise ValueError(f"bad date '{value}': expected YYYY-MM-DD, YYYY-MM or YYYY")
        year = int(match.group(1))
        month, day = (int(part) if part else None for part in match.groups()[1:])
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"bad date '{value}': no month {month}")
        if (
            day is not None
            and month is not None
            and not 1 <= day <= calendar.monthrange(year, month)[1]
        ):
            raise ValueError(f"bad date '{value}': no day {day} in that month")
        return cls(year, month, day)

    @property
    def undated(self) -> bool:
        return self.year == 0

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        if self.undated:
            return UNDATED
        parts = [
            f"{self.year:04d}",
            self.month and f"{self.month:02d}",
            self.day and f"{self.day:02d}",
        ]
        return "-".join(p for p in parts if p)

    @property
    def display(self) -> str:
        if self.undated:
            return "Undated"
        if self.day and self.month:  # a day is only ever read with its month
            return f"{self.day} {calendar.month_name[self.month]} {self.year}"
        if self.month:
            return f"{calendar.month_name[self.month]} {self.year}"
        return str(self.year)

    @property
    def sort_key(self) -> int:
        """Order by YYYYMMDD, an unknown part counting as 0."""
        return self.year * 10000 + (self.month or 0) * 100 + (self.day or 0)


@dataclass
class Document:
    id: str
    title: str
    date: PartialDate
    source: str
    body: str
    text: str
    checksum: str
    url: str | None = None
    author: str | None = None
    type: str | None = None
    summary: str | None = None
    departments: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    amounts: tuple[Amount, ...] = ()
    review: tuple[str, ...] = ()
    date_evidence: str | None = None
    path: Path | None = field(default=None, compare=False)
    licence: str | None = None
    files: tuple[str, ...] = ()  # the originals, relative to the corpus folder
    fetched: str | None = None  # YYYY-MM-DD: the day the original was fetched from its url
    pages: tuple[int, ...] = ()  # the original's pages the body holds, where it marks them
    withdrawn: str | None = None  # the publisher's notice that it was withdrawn, and why
    withdrawn_date: str | None = None
    command_paper: str | None = None
    announced_by: str | None = None  # as the front matter names them, else found in the text
    prime_minister: str | None = None  # a record's own field (the AU releases'), as written
    # Who announced it and who is quoted, found when parsing (archive/corpus/speakers.py).
    people: dict[str, Any] = field(default_factory=dict, compare=False)
    numbers: tuple[str, ...] = ()  # official numbers: "CP 1224", "HC 123", "ISBN ..."
    numbers_evidence: str | None = None  # the lines they were read from


def parse_file(path: Path, registry: Registry) -> Document:
    """Read and validate one corpus file, raising CorpusError naming the path."""
    data = path.read_bytes()
    document = parse_bytes(data, path, registry)
    for name in document.files:
        if not (path.parent / name).is_file():
            raise CorpusError(path, f"files: {name} is not in the corpus folder")
    return document


def parse_bytes(data: bytes, path: Path, registry: Registry) -> Document:
    """Validate a corpus file's content; the path names it in errors and gives its id."""
    doc_id = path.stem
    if len(data) > MAX_BYTES:
        raise CorpusError(
            path, f"too large: {len(data):,} bytes, the limit is {MAX_BYTES:,}; split or trim it"
        )
    if not ID_PATTERN.match(doc_id):
        raise CorpusError(
            path, "bad file name: use lower-case letters, digits and hyphens (it becomes the id)"
        )
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(path, f"not UTF-8 (byte {error.start} cannot be read)") from None
    meta, body = _split(content, path)

    def fail(message: str) -> CorpusError:
        return CorpusError(path, message)

    unknown_keys = sorted(set(meta) - KNOWN_KEYS)
    if unknown_keys:
        raise fail(f"unknown front-matter key '{unknown_keys[0]}'")
    for key in ("title", "date", "source"):
        if meta.get(key) in (None, ""):
            raise fail(f"missing {key}")
    try:
        date = PartialDate.parse(meta["date"])
    except ValueError as error:
        raise fail(str(error)) from None
    departments = _keys(meta, "departments", path)
    programmes = _keys(meta, "programmes", path)
    for key in departments:
        if key not in registry.departments:
            raise fail(registry.unknown("department", key))
    for key in programmes:
        if key not in registry.programmes:
            raise fail(registry.unknown("programme", key))

    url = _optional(meta.get("url"))
    if url and not re.match(r"^https?://[^\s/]+", url, re.IGNORECASE):
        raise fail(f"url must be a web address starting with http:// or https://, not '{url[:80]}'")
    _check_nesting(body, path)
    currency = str(meta.get("currency") or "USD").upper()
    if body.count("<!-- page ") > MAX_PAGES:
        raise fail(f"more than {MAX_PAGES:,} page markers")
    text, found, pages = _paged_text(body, currency)
    amounts = _merge_amounts(found, meta.get("amounts"), path)
    files = _list(meta, "files", path)
    for name in files:
        if not FILE_PATTERN.match(name):
            raise fail(f"files: '{name[:80]}' is not files/<id>.pdf or files/<id>.docx")
    fetched = _optional(meta.get("fetched"))
    if fetched:
        try:
            if PartialDate.parse(fetched).precision != "day":
                raise ValueError("fetched must be a day, YYYY-MM-DD")
        except ValueError as error:
            raise fail(f"fetched: {error}") from None
    announced_by = _optional(meta.get("announced_by"))
    prime_minister = _optional(meta.get("prime_minister"))
    australian = (
        prime_minister
        or currency in ("AUD", "AUP")
        or any(registry.departments[key].country == "AU" for key in departments)
    )
    country = "AU" if australian else "GB"
    people = speakers_of(text, date.iso, registry, announced_by, prime_minister, country)
    return Document(
        announced_by=announced_by,
        prime_minister=prime_minister,
        people=people,
        id=doc_id,
        title=_text(meta["title"]),
        date=date,
        source=_text(meta["source"]),
        body=body,
        text=text,
        checksum=checksum(data),
        url=url,
        author=_optional(meta.get("author")),
        type=normal_type(_optional(meta.get("type"))),
        summary=_optional(meta.get("summary")),
        departments=departments,
        programmes=programmes,
        organisations=_list(meta, "organisations", path),
        amounts=amounts,
        review=_list(meta, "review", path),
        date_evidence=_optional(meta.get("date_evidence")),
        path=path,
        licence=_optional(meta.get("licence")),
        files=files,
        fetched=fetched,
        pages=pages,
        withdrawn=_optional(meta.get("withdrawn")),
        withdrawn_date=_optional(meta.get("withdrawn_date")),
        command_paper=_optional(meta.get("command_paper")),
        numbers=_list(meta, "numbers", path),
        numbers_evidence=_optional(meta.get("numbers_evidence")),
    )


def checksum(data: bytes) -> str:
    """Identify a file's content, so that builds compare content and not timestamps."""
    return hashlib.sha256(data).hexdigest()


def plain_text(body: str) -> str:
    """Render Markdown to plain text, for indexing and snippets: each block ends in a line break."""
    # cmark (CommonMark, in C): 0.2 ms a release against Python-Markdown's 2.7 ms, the same text
    # but for CommonMark's own rules (a line of only "2." is an empty list item).
    rendered = cmarkgfm.markdown_to_html(body)
    return html.unescape(nh3.clean(rendered, tags=set())).strip()


def _paged_text(body: str, currency: str) -> tuple[str, list[Amount], tuple[int, ...]]:
    """Read the body's text and amounts, each amount with its page where the body marks pages."""
    pieces = PAGE_MARKER.split(body)
    if len(pieces) == 1:
        text = plain_text(body)
        return text, extract_amounts(text, dollar=currency), ()
    text, starts, pages = plain_text(pieces[0]), [], []
    for n in range(1, len(pieces), 2):
        page, chunk = int(pieces[n]), pieces[n + 1]
        part = plain_text(chunk)
        # A marker inside a paragraph (it runs on to the next page) joins the two halves with a
        # space.
        inline = not pieces[n - 1].endswith("\n") and not chunk.startswith("\n")
        if part:
            text += (" " if inline else "\n\n") if text else ""
        starts.append(len(text))
        pages.append(page)
        text += part
    # Amounts are read from the whole text, so a sentence may run over a page; each is then found
    # in turn to learn the page it stands on (a range such as "£2-3m" gives two amounts at one
    # place).
    amounts, cursor = [], 0
    last: tuple[str | None, int] = (None, 0)
    for amount in extract_amounts(text, dollar=currency):
        at = text.find(amount.text, cursor)
        if at < 0:
            at = last[1] if last[0] == amount.text else cursor
        else:
            cursor = at + 1
        last = (amount.text, at)
        index = bisect_right(starts, at) - 1
        amounts.append(replace(amount, page=pages[index]) if index >= 0 else amount)
    return text, amounts, tuple(dict.fromkeys(pages))


def _check_nesting(body: str, path: Path) -> None:
    for number, line in _deep_lines(body):
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        quotes = len(re.findall(r"^[>\s]*", line)[0].replace(" ", "").replace("\t", ""))
        if indent > MAX_INDENT or quotes > MAX_QUOTE_DEPTH:
            raise CorpusError(path, f"Markdown nested too deeply in the body's line {number}")
    if body.count("[") <= MAX_BRACKET_DEPTH:
        return
    depth = deepest = 0
    for char in BRACKETS.findall(re.sub(r"\\.", "", body)):
        if char == "[":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "]" and depth:
            depth -= 1
    if deepest > MAX_BRACKET_DEPTH:
        raise CorpusError(
            path, f"Markdown brackets nested {deepest} deep; the limit is {MAX_BRACKET_DEPTH}"
        )


def _deep_lines(body: str) -> Iterator[tuple[int, str]]:
    """Yield (number, line) of each line that may be nested too deeply, numbered as splitlines()."""
    if OTHER_BREAKS.search(body):
        yield from enumerate(body.splitlines(), 1)
        return
    # Only a line starting with 16 or more white space or '>' characters can be nested too deeply
    # (a tab is at most 4 columns): check those alone, not every line in Python.
    for deep in DEEP_LINE.finditer(body):
        yield body.count("\n", 0, deep.start()) + 1, body[deep.start() :].split("\n", 1)[0]


def _split(content: str, path: Path) -> tuple[dict[str, Any], str]:
    match = FRONT_MATTER.match(content.lstrip("\ufeff"))
    if not match:
        raise CorpusError(
            path, "no front matter: the file must start with a '---' line and close it with another"
        )
    try:
        meta = yaml.load(match.group(1), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        # The front matter starts on the file's second line.
        raise CorpusError(path, f"YAML error {_yaml_where(error, line_offset=1)}") from None
    if not isinstance(meta, dict):
        raise CorpusError(path, "the front matter must be a mapping of keys to values")
    return meta, content[match.end() :]


def _text(value: Any) -> str:
    return " ".join(str(value).split())


def _optional(value: Any) -> str | None:
    return _text(value) or None if value is not None else None


def _list(meta: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = meta.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise CorpusError(path, f"{key} must be a list of names")
    return tuple(_text(v) for v in value)


def _keys(meta: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k.lower() for k in _list(meta, key, path)))


def _merge_amounts(found: list[Amount], given: Any, path: Path) -> tuple[Amount, ...]:
    """Apply the front matter's amounts: add, correct by text, or drop with ignore."""
    if given is None:
        return tuple(found)
    if not isinstance(given, list):
        raise CorpusError(path, "amounts must be a list")
    amounts = list(found)
    for n, entry in enumerate(given, 1):
        if not isinstance(entry, dict) or not entry.get("text"):
            raise CorpusError(path, f"amounts entry {n} needs at least a text")
        text = str(entry["text"])
        same = [a for a in amounts if a.text == text]
        if entry.get("ignore"):
            amounts = [a for a in amounts if a.text != text]
            continue
        try:
            value = int(round(float(entry["value"])))
        except (KeyError, TypeError, ValueError):
            raise CorpusError(path, f"amounts entry {n} ('{text}') needs a numeric value") from None
        if value < 0:
            raise CorpusError(path, f"amounts entry {n} ('{text}') has a negative value")
        currency = str(entry.get("currency") or (same[0].currency if same else "GBP")).upper()
        sentence = str(entry.get("sentence") or (same[0].sentence if same else text))
        corrected = Amount(
            value=value,
            currency=currency,
            text=text,
            sentence=sentence,
            page=same[0].page if same else None,
        )
        if same:
            amounts = [corrected if a.text == text else a for a in amounts]
        else:
            amounts.append(corrected)
    return tuple(amounts)
