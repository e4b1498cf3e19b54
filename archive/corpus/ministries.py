"""The registry of ministries: the ministries each government had, one after another, by date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from archive.corpus.people import strings_of
from archive.errors import CorpusError

MINISTRIES_FILE = "ministries.yaml"
NEEDED = ("name", "prime_minister", "from", "sources")


@dataclass(frozen=True)
class Ministry:
    """A ministry: constituted on one day, concluded on the day the next was (None: in office)."""

    key: str
    country: str
    name: str  # e.g. "First Hawke ministry"
    prime_minister: str  # the Prime Minister's name, e.g. "Bob Hawke"
    start: str  # YYYY-MM-DD
    end: str | None = None
    party: str = ""
    government: str | None = None  # the key of its government in governments.yaml, if registered
    number: int | None = None  # its place in the Parliamentary Handbook's numbering
    sources: tuple[str, ...] = ()
    note: str | None = None

    @property
    def label(self) -> str:
        return f"{self.name}, {self.start[:4]}–{self.end[:4] if self.end else ''}"


class Government(Protocol):
    """What a ministry needs of its government (archive/corpus/registry.py's Government)."""

    @property
    def key(self) -> str: ...
    @property
    def country(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def start(self) -> str: ...
    @property
    def end(self) -> str | None: ...


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the registry: an error (overlap, unknown PM) or a warning (a gap)."""

    key: str
    text: str
    error: bool


def read(path: Path, raw: dict[str, Any], country_of: Any) -> dict[str, Ministry]:
    """Turn the entries of a ministries file into ministries; a malformed one names the file."""
    found = {}
    for key, entry in raw.items():
        for needed in NEEDED:
            if not entry.get(needed):
                raise CorpusError(path, f"ministry '{key}' has no {needed.replace('_', ' ')}")
        start = iso_day(path, key, entry["from"])
        end = None if entry.get("until") is None else iso_day(path, key, entry["until"])
        if end is not None and end <= start:
            raise CorpusError(path, f"ministry '{key}' ends ({end}) before it starts ({start})")
        number = entry.get("number")
        found[key] = Ministry(
            key=key,
            country=country_of(key, entry, path),
            name=str(entry["name"]),
            prime_minister=str(entry["prime_minister"]),
            start=start,
            end=end,
            party=str(entry.get("party") or ""),
            government=str(entry["government"]) if entry.get("government") else None,
            number=int(number) if isinstance(number, int) else None,
            sources=strings_of(entry.get("sources")),
            note=str(entry["note"]) if entry.get("note") else None,
        )
    return found


def problems(
    ministries: Mapping[str, Ministry], governments: Mapping[str, Government]
) -> list[Problem]:
    """Find overlaps, gaps, unknown governments and Prime Ministers not their government's."""
    found: list[Problem] = []
    for country in sorted({m.country for m in ministries.values()}):
        mine = sorted((m for m in ministries.values() if m.country == country), key=_order)
        for before, after in zip(mine, mine[1:]):
            if before.end is None or before.end > after.start:
                found.append(
                    Problem(
                        after.key,
                        f"ministry '{after.key}' starts on {after.start}, before "
                        f"'{before.key}' ends ({before.end or 'still in office'})",
                        True,
                    )
                )
            elif before.end < after.start:
                found.append(
                    Problem(
                        after.key,
                        f"{_days(before.end, after.start)} day(s) without a ministry between "
                        f"'{before.key}' (ended {before.end}) and '{after.key}' "
                        f"(began {after.start})",
                        False,
                    )
                )
    for ministry in ministries.values():
        found.extend(_against_government(ministry, governments))
    for government in governments.values():
        found.extend(_uncovered(government, ministries))
    return found


def ministry_on(
    ministries: Mapping[str, Ministry], government: str, first: str, last: str
) -> Ministry | None:
    """Return the ministry of a government in office on every day from first to last, or None.

    As with governments, the day one ministry gives way to the next belongs to both, so a date on
    it is placed under neither."""
    inside = [
        m
        for m in ministries.values()
        if m.government == government and m.start <= last and first <= (m.end or "9999-12-31")
    ]
    if len(inside) != 1:
        return None
    ministry = inside[0]
    ends_after = ministry.end is None or last < ministry.end
    return ministry if ministry.start < first and ends_after else None


def of_government(ministries: Mapping[str, Ministry], government: str) -> list[Ministry]:
    """Return a government's ministries in order."""
    return sorted((m for m in ministries.values() if m.government == government), key=_order)


def _against_government(ministry: Ministry, governments: Mapping[str, Government]) -> list[Problem]:
    if ministry.government is None:
        return []
    government = governments.get(ministry.government)
    if government is None:
        text = f"ministry '{ministry.key}' names unknown government '{ministry.government}'"
        return [Problem(ministry.key, text, True)]
    found = []
    if government.country != ministry.country:
        text = (
            f"ministry '{ministry.key}' ({ministry.country}) names '{government.key}', "
            f"a government of {government.country}"
        )
        found.append(Problem(ministry.key, text, True))
    # The government is named after its Prime Minister: "Hawke" leads "Bob Hawke"'s ministries.
    surname = ministry.prime_minister.split()[-1].lower() if ministry.prime_minister else ""
    if surname not in government.name.lower().replace("–", " ").split():
        text = (
            f"ministry '{ministry.key}' is led by {ministry.prime_minister}, who is not the "
            f"Prime Minister of government '{government.key}' ({government.name})"
        )
        found.append(Problem(ministry.key, text, True))
    ends = ministry.end or "9999-12-31"
    if ministry.start < government.start or ends > (government.end or "9999-12-31"):
        text = (
            f"ministry '{ministry.key}' ({ministry.start} to {ministry.end or 'now'}) lies outside "
            f"its government '{government.key}' ({government.start} to {government.end or 'now'})"
        )
        found.append(Problem(ministry.key, text, True))
    return found


def _uncovered(government: Government, ministries: Mapping[str, Ministry]) -> list[Problem]:
    mine = of_government(ministries, government.key)
    if not mine:
        return []
    found = []
    if mine[0].start > government.start:
        text = (
            f"government '{government.key}' took office on {government.start}, "
            f"but its first ministry, '{mine[0].key}', began on {mine[0].start}"
        )
        found.append(Problem(mine[0].key, text, False))
    if (mine[-1].end or "9999-12-31") < (government.end or "9999-12-31"):
        text = (
            f"government '{government.key}' left office on {government.end or '(in office)'}, "
            f"but its last ministry, '{mine[-1].key}', ended on {mine[-1].end}"
        )
        found.append(Problem(mine[-1].key, text, False))
    return found


def _order(ministry: Ministry) -> tuple[str, str]:
    return (ministry.start, ministry.end or "9999-12-31")


def _days(first: str, last: str) -> int:
    return (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days


def iso_day(path: Path, key: str, value: Any) -> str:
    """Read a registry date written as YYYY-MM-DD, or say which entry holds what."""
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise CorpusError(
            path, f"'{key}' has the date '{value}': write it as \"YYYY-MM-DD\""
        ) from None
