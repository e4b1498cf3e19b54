"""The registry of people in office: their name forms and roles held, with dates and sources."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.errors import CorpusError

PEOPLE_FILE = "people.yaml"
HONORIFICS = (
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "baroness",
    "senator",
    "the hon",
    "hon",
    "rt hon",
    "the rt hon",
    "the right honourable",
    "mp",
)
PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Role:
    """An office held from one date to another: a title, in a department or a government."""

    title: str
    start: str  # YYYY, YYYY-MM or YYYY-MM-DD, as precisely as the source gives it
    end: str | None  # the day it ended; None while held
    source: str
    department: str | None = None
    country: str = "GB"
    shared: bool = False  # several people may hold it at once (e.g. "Minister without Portfolio")

    def holds_on(self, first: str, last: str) -> bool:
        """Say whether the role was held on every day from first to last (ISO days)."""
        return span(self.start)[0] <= first and (self.end is None or last <= span(self.end)[1])


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    names: tuple[str, ...]  # other name forms: "Edward Balls", "Mr Balls", "Balls, Ed"
    roles: tuple[Role, ...]
    country: str = "GB"
    sources: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.name

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def roles_on(self, first: str, last: str) -> list[Role]:
        """Return the roles held on every day from first to last (ISO days)."""
        return [role for role in self.roles if role.holds_on(first, last)]


def span(value: str) -> tuple[str, str]:
    """Return the first and last days a date of YYYY, YYYY-MM or YYYY-MM-DD may be."""
    if value == "undated":  # any day at all: only a role held throughout would fit, so none does
        return "0001-01-01", "9999-12-31"
    match = PARTIAL.match(value)
    if not match:
        raise ValueError(value)
    year, month, day = match.groups()
    if day:
        return value, value
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def normal_name(text: str) -> str:
    """Write a name form as it is looked up: lower case, without honorifics or initials' dots."""
    words = re.sub(r"[.’']", lambda m: "'" if m.group() != "." else " ", text.lower()).replace(
        ",", " , "
    )
    words = " ".join(words.split())
    changed = True
    while changed:
        changed = False
        for honorific in sorted(HONORIFICS, key=len, reverse=True):
            if words.startswith(honorific + " "):
                words, changed = words[len(honorific) + 1 :], True
    if " , " in words:  # "Hawke, Robert" is Robert Hawke
        surname, _, given = words.partition(" , ")
        words = f"{given} {surname}"
    return " ".join(
        w for w in words.split() if w not in (",", "mp", "ac", "qc", "ch", "kg", "gcmg")
    )


def load_people(
    corpus_dir: Path, data: dict[str, Any], departments: dict[str, Any]
) -> dict[str, Person]:
    """Read people.yaml's entries, checking dates, departments and single holders."""
    path = corpus_dir / PEOPLE_FILE
    people = {key: _person(key, entry, path, departments) for key, entry in data.items()}
    check_holders(people, path)
    return people


def check_holders(people: dict[str, Person], path: Path) -> None:
    """Refuse two people holding one single-holder role on the same day."""
    held: dict[tuple[str, str], list[tuple[Role, str]]] = {}
    for person in people.values():
        for role in person.roles:
            if not role.shared:
                held.setdefault((role.country, role.title.lower()), []).append((role, person.key))
    for holders in held.values():
        holders.sort(key=lambda pair: span(pair[0].start)[0])
        for (before, who), (after, other) in zip(holders, holders[1:]):
            # A change of holder takes a day: the one leaves on the day the other arrives.
            # Dates known to the month overlap only when they must (earliest end after latest
            # start).
            if before.end is None or span(before.end)[0] > span(after.start)[1]:
                raise CorpusError(
                    path,
                    f"'{who}' and '{other}' both hold '{before.title}' on "
                    f"{after.start}: a single-holder role has one holder at a time "
                    f"(give the first an end, or mark the role shared: true)",
                )


def _person(key: str, entry: Any, path: Path, departments: dict[str, Any]) -> Person:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise CorpusError(path, f"person '{key}' has no name")
    country = _country(entry.get("country"), key, path)
    roles = entry.get("roles") or []
    if not isinstance(roles, list) or not roles:
        raise CorpusError(
            path, f"person '{key}' has no roles: list the offices held, each with its source"
        )
    return Person(
        key=key,
        name=str(entry["name"]),
        names=strings_of(entry.get("names")),
        roles=tuple(_role(key, n, r, path, departments, country) for n, r in enumerate(roles, 1)),
        country=country,
        sources=strings_of(entry.get("sources")),
    )


def _role(
    key: str, n: int, entry: Any, path: Path, departments: dict[str, Any], country: str
) -> Role:
    where = f"person '{key}', role {n}"
    if not isinstance(entry, dict) or not entry.get("title"):
        raise CorpusError(path, f"{where} has no title")
    for needed in ("from", "source"):
        if not entry.get(needed):
            raise CorpusError(path, f"{where} ('{entry['title']}') has no {needed}")
    start, end = _date(entry["from"], where, path), entry.get("until")
    end = None if end is None else _date(end, where, path)
    if end is not None and span(end)[1] < span(start)[0]:
        raise CorpusError(path, f"{where} ends ({end}) before it starts ({start})")
    department = entry.get("department")
    if department is not None and str(department) not in departments:
        raise CorpusError(
            path,
            f"{where} names unknown department '{department}': add it to departments.yaml "
            f"or leave department out",
        )
    if department is not None:
        country = getattr(departments[str(department)], "country", country)
    return Role(
        title=" ".join(str(entry["title"]).split()),
        start=start,
        end=end,
        source=str(entry["source"]),
        department=None if department is None else str(department),
        country=_country(entry.get("country"), key, path) if entry.get("country") else country,
        shared=bool(entry.get("shared")),
    )


def _date(value: Any, where: str, path: Path) -> str:
    text = str(value)
    try:
        for day in span(text):
            dt.date.fromisoformat(day)
    except ValueError:
        raise CorpusError(
            path,
            f"{where} has the date '{value}': write it as \"YYYY-MM-DD\" "
            f'(or "YYYY-MM" where the source gives only the month)',
        ) from None
    return text


def _country(value: Any, key: str, path: Path) -> str:
    country = str(value or "GB").upper()
    country = "GB" if country == "UK" else country
    if country not in ("GB", "AU"):
        raise CorpusError(path, f"'{key}' has country '{country}': use one of GB, AU")
    return country


def strings_of(value: Any) -> tuple[str, ...]:
    """Read a registry value written as nothing, one string or a list, as a tuple of strings."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def plain(person: Person) -> dict[str, Any]:
    """Return a person as plain data, for storing beside an index."""
    return {
        "key": person.key,
        "name": person.name,
        "names": list(person.names),
        "country": person.country,
        "sources": list(person.sources),
        "roles": [dict(role.__dict__) for role in person.roles],
    }


def from_plain(data: dict[str, Any]) -> Person:
    """Rebuild a person stored with plain()."""
    return Person(
        key=data["key"],
        name=data["name"],
        names=tuple(data["names"]),
        country=data["country"],
        sources=tuple(data["sources"]),
        roles=tuple(Role(**role) for role in data["roles"]),
    )
