"""The sources `archive follow` reads, as `[[sources]]` tables in archive.toml declare them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from archive.errors import ArchiveError

KINDS = ("feed", "sitemap", "govuk")
GOVUK = "https://www.gov.uk"
MAX_ITEMS = 50  # new items read from one source in one run
MAX_SECONDS = 600.0  # a source still being read after this is left for the next run
_KEYS = {
    "name",
    "kind",
    "url",
    "organisations",
    "document_types",
    "source",
    "type",
    "country",
    "licence",
    "map",
    "max_items",
    "max_seconds",
}


@dataclass(frozen=True)
class Source:
    """One source: where its list is, what kind of list, and what its documents are by default."""

    name: str
    url: str
    kind: str | None = None  # feed, sitemap or govuk; None: told apart by what the server answers
    organisations: tuple[str, ...] = ()  # GOV.UK organisation slugs
    document_types: tuple[str, ...] = ()  # GOV.UK content_store_document_type values
    source: str | None = None  # the publisher written in each document
    type: str | None = None
    country: str | None = None
    licence: str | None = None
    field_map: str | None = None
    max_items: int = MAX_ITEMS
    max_seconds: float = MAX_SECONDS


def read_sources(value: Any, where: str) -> list[Source]:
    """Read the [[sources]] of archive.toml, naming the file and the source in any error."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        raise ArchiveError(f"{where}: sources: write each source as a [[sources]] table")
    found = [_source(entry, f"{where}: sources[{n}]") for n, entry in enumerate(value, 1)]
    names = [source.name for source in found]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise ArchiveError(f"{where}: sources: two sources are named {twice[0]!r}")
    return found


def _source(entry: dict[str, Any], where: str) -> Source:
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise ArchiveError(
            f"{where}: unknown key {unknown[0]!r}; the keys are {', '.join(sorted(_KEYS))}"
        )
    name = _string(entry, "name", where)
    kind = entry.get("kind")
    if kind is not None and kind not in KINDS:
        raise ArchiveError(f"{where} ({name}): kind is one of {', '.join(KINDS)}, not {kind!r}")
    url = entry.get("url") or (GOVUK if kind == "govuk" else None)
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise ArchiveError(f"{where} ({name}): url must be an http:// or https:// address")
    if kind == "govuk" and not entry.get("organisations"):
        raise ArchiveError(f"{where} ({name}): a GOV.UK source names its organisations")
    limits: dict[str, float] = {}
    for key in ("max_items", "max_seconds"):
        if key in entry:
            number = entry[key]
            if not isinstance(number, int | float) or isinstance(number, bool) or number <= 0:
                raise ArchiveError(f"{where} ({name}): {key} must be a positive number")
            limits[key] = number
    return Source(
        name=name,
        url=url.rstrip("/") if kind == "govuk" else url,
        kind=kind,
        organisations=_strings(entry, "organisations", where),
        document_types=_strings(entry, "document_types", where),
        source=_optional(entry, "source", where),
        type=_optional(entry, "type", where),
        country=_optional(entry, "country", where),
        licence=_optional(entry, "licence", where),
        field_map=_optional(entry, "map", where),
        max_items=int(limits.get("max_items", MAX_ITEMS)),
        max_seconds=float(limits.get("max_seconds", MAX_SECONDS)),
    )


def _string(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ArchiveError(f"{where}: {key} is missing")
    return value.strip()


def _optional(entry: dict[str, Any], key: str, where: str) -> str | None:
    if entry.get(key) is None:
        return None
    return _string(entry, key, where)


def _strings(entry: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ArchiveError(f"{where}: {key} is a list of names")
    return tuple(v.strip() for v in value if v.strip())


def parse_age(text: str) -> dt.timedelta:
    """Read an age such as 30d, 2w or 12h."""
    found = re.fullmatch(r"\s*(\d{1,5})\s*([hdw])\s*", text.lower())
    if not found:
        raise ArchiveError(f"--refetch-older-than: '{text}' is not an age such as 30d, 2w or 12h")
    number, unit = int(found.group(1)), found.group(2)
    if unit == "h":
        return dt.timedelta(hours=number)
    return dt.timedelta(days=number * (7 if unit == "w" else 1))
