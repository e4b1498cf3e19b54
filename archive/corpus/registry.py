"""The registries of departments and programmes that documents refer to by key."""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from archive.corpus import ministries as ministry_registry
from archive.corpus import people as people_registry
from archive.corpus.country import CURRENCIES
from archive.corpus.people import strings_of
from archive.errors import CorpusError

DEPARTMENTS_FILE = "departments.yaml"
PROGRAMMES_FILE = "programmes.yaml"
GOVERNMENTS_FILE = "governments.yaml"
COUNTRIES = ("GB", "AU")  # the countries whose registries the package ships; "UK" is read as GB
# libyaml's parser, five times faster, where PyYAML was built with it; the same safe constructors.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Department:
    key: str
    name: str
    short: str
    aliases: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    predecessors: tuple[str, ...] = ()
    successor: str | None = None
    country: str = (
        "GB"  # ISO 3166 code; entries that give none are UK departments, as all shipped ones are
    )
    sources: tuple[str, ...] = ()
    successors: tuple[str, ...] = ()  # all of them where it was split; `successor` is the first
    history: str | None = None  # how it began and ended: created, renamed, merged, split

    @property
    def label(self) -> str:
        return self.short or self.name


@dataclass(frozen=True)
class Programme:
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    department: str | None = None

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True)
class Government:
    """A government in office from one date to another, named by its prime minister(s) and party."""

    key: str
    country: str
    name: str  # e.g. "Brown", "Cameron–Clegg coalition"
    party: str  # e.g. "Labour", "Conservative–Liberal Democrat"
    start: str  # YYYY-MM-DD, the day it took office
    end: str | None = None  # the day it left office; None while in office
    sources: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.name} ({self.party}), {self.start[:4]}–{self.end[:4] if self.end else ''}"


@dataclass
class Registry:
    departments: dict[str, Department] = field(default_factory=dict)
    programmes: dict[str, Programme] = field(default_factory=dict)
    checksum: str = ""
    governments: dict[str, Government] = field(default_factory=dict)
    # People in office (archive/corpus/people.py).
    people: dict[str, people_registry.Person] = field(default_factory=dict)
    country: str | None = None  # the archive's country (ISO 3166); None is a UK archive, as always
    # Each government's ministries, by date (archive/corpus/ministries.py).
    ministries: dict[str, ministry_registry.Ministry] = field(default_factory=dict)

    @classmethod
    def load(cls, corpus_dir: Path, country: str | None = None) -> Registry:
        """Read the registries from a corpus folder; a missing file is an empty registry.

        An archive whose country the corpus's own files say nothing of takes the package's
        registries of that country as well (see shipped_files)."""
        digest = hashlib.sha256()
        raw = {}
        files = (
            DEPARTMENTS_FILE,
            PROGRAMMES_FILE,
            GOVERNMENTS_FILE,
            people_registry.PEOPLE_FILE,
            ministry_registry.MINISTRIES_FILE,
        )
        for name in files:
            path = corpus_dir / name
            data = path.read_bytes() if path.exists() else b""
            # Later files join the digest only where there is one: registries without them keep
            # theirs.
            if name in (DEPARTMENTS_FILE, PROGRAMMES_FILE) or data:
                digest.update(data + b"\0")
            raw[name] = _load_mapping(path, data)
        if country and country != "GB":
            digest.update(f"country={country}\0".encode())
            shipped_names = (
                DEPARTMENTS_FILE,
                GOVERNMENTS_FILE,
                people_registry.PEOPLE_FILE,
                ministry_registry.MINISTRIES_FILE,
            )
            for name in shipped_names:
                if not any(_country_code(v.get("country")) == country for v in raw[name].values()):
                    data = shipped_file(country, name)
                    digest.update(data + b"\0")
                    shipped = _load_mapping(corpus_dir / name, data)
                    raw[name] = {**shipped, **raw[name]}
        registry = cls(
            departments={
                k: _department(k, v, corpus_dir / DEPARTMENTS_FILE)
                for k, v in raw[DEPARTMENTS_FILE].items()
            },
            programmes={
                k: _programme(k, v, corpus_dir / PROGRAMMES_FILE)
                for k, v in raw[PROGRAMMES_FILE].items()
            },
            checksum=digest.hexdigest(),
            governments={
                k: _government(k, v, corpus_dir / GOVERNMENTS_FILE)
                for k, v in raw[GOVERNMENTS_FILE].items()
            },
            country=country if country != "GB" else None,
            ministries=ministry_registry.read(
                corpus_dir / ministry_registry.MINISTRIES_FILE,
                raw[ministry_registry.MINISTRIES_FILE],
                _country,
            ),
        )
        registry._check_links(corpus_dir)
        registry.people = people_registry.load_people(
            corpus_dir, raw[people_registry.PEOPLE_FILE], registry.departments
        )
        return registry

    @property
    def home(self) -> str:
        """The archive's country: GB where none is set."""
        return self.country or "GB"

    def is_home(self, entry: Department | Programme | Government) -> bool:
        """Tell whether an entry is of the archive's country (a programme is its department's)."""
        if isinstance(entry, Programme):
            department = self.departments.get(entry.department or "")
            return department is None or department.country == self.home
        return entry.country == self.home

    def to_dict(self) -> dict[str, Any]:
        """Return a plain form for storing beside an index."""
        return {
            "departments": {k: _plain(d) for k, d in self.departments.items()},
            "programmes": {k: _plain(p) for k, p in self.programmes.items()},
            "checksum": self.checksum,
            "governments": {k: _plain(g) for k, g in self.governments.items()},
            "people": {k: people_registry.plain(p) for k, p in self.people.items()},
            "country": self.country,
            "ministries": {k: _plain(m) for k, m in self.ministries.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Registry:
        """Rebuild a registry stored with to_dict."""
        return cls(
            departments={k: Department(**_tuples(v)) for k, v in data["departments"].items()},
            programmes={k: Programme(**_tuples(v)) for k, v in data["programmes"].items()},
            checksum=data.get("checksum", ""),
            governments={
                k: Government(**_tuples(v)) for k, v in data.get("governments", {}).items()
            },
            people={k: people_registry.from_plain(v) for k, v in data.get("people", {}).items()},
            country=data.get("country"),
            ministries={
                k: ministry_registry.Ministry(**_tuples(v))
                for k, v in data.get("ministries", {}).items()
            },
        )

    def unknown(self, kind: str, key: str) -> str:
        """Describe an unknown department, programme or government key; suggest the closest."""
        close = difflib.get_close_matches(key, list(self._entries(kind)), n=1, cutoff=0.5)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown {kind} '{key}'{hint}"

    def with_predecessors(self, key: str) -> set[str]:
        """Return the department and every department it took over from, transitively."""
        found, todo = set(), [key]
        while todo:
            current = todo.pop()
            if current in found:
                continue
            found.add(current)
            department = self.departments.get(current)
            if department:
                todo.extend(department.predecessors)
        return found

    def resolve(self, kind: str, text: str) -> str | None:
        """Find the key that a key, short name, name or alias stands for, ignoring case.

        Another country's entry is found by its key only: its names are never matched across
        countries (Australia's "Department of Health" is not the UK's)."""
        wanted = _normal(text)
        entries = self.departments if kind == "department" else self.programmes
        for entry in entries.values():
            names: tuple[str, ...] = (entry.key,)
            if self.is_home(entry):
                names = (entry.key, entry.name, getattr(entry, "short", ""), *entry.aliases)
            if wanted in {_normal(name) for name in names if name}:
                return entry.key
        return None

    def bearing_name_on(self, key: str, day: str) -> str:
        """Return the department that bore a department's name on a day (YYYY[-MM[-DD]]).

        Names come back: Australia's "Department of Health" was one department in 1921–87 and
        another in 2013–22, so a name is read as the department of the document's own date."""
        department = self.departments.get(key)
        if department is None or _alive(department, day):
            return key
        names = {_normal(department.name), *(_normal(a) for a in department.aliases)}
        for other in self.departments.values():
            if (
                other.country == department.country
                and _alive(other, day)
                and _normal(other.name) in names
            ):
                return other.key
        return key

    def label(self, kind: str, key: str) -> str:
        """Return the display label of a department, programme or government key."""
        if kind == "person":
            person = self.people.get(key)
            return person.label if person else key
        entry = self._entries(kind).get(key)
        return entry.label if entry else key

    def _entries(self, kind: str) -> Mapping[str, Department | Programme | Government]:
        if kind == "department":
            return self.departments
        return self.governments if kind == "government" else self.programmes

    def _check_links(self, corpus_dir: Path) -> None:
        path = corpus_dir / DEPARTMENTS_FILE
        for department in self.departments.values():
            for other in (*department.predecessors, department.successor, *department.successors):
                if other and other not in self.departments:
                    raise CorpusError(
                        path,
                        f"department '{department.key}' links to "
                        f"{self.unknown('department', other)}",
                    )
        # A reorganisation is recorded on both sides: A's successors list B exactly when B's
        # predecessors list A.
        for department in self.departments.values():
            for other in department.successors:
                if department.key not in self.departments[other].predecessors:
                    raise CorpusError(
                        path,
                        f"department '{department.key}' has successor '{other}', "
                        f"but '{other}' does not list it among its predecessors",
                    )
            for other in department.predecessors:
                if department.key not in self.departments[other].successors:
                    raise CorpusError(
                        path,
                        f"department '{department.key}' has predecessor '{other}', "
                        f"but '{other}' does not name it as a successor",
                    )
        self._check_governments(corpus_dir / GOVERNMENTS_FILE)
        for programme in self.programmes.values():
            if programme.department and programme.department not in self.departments:
                raise CorpusError(
                    corpus_dir / PROGRAMMES_FILE,
                    f"programme '{programme.key}' names "
                    f"{self.unknown('department', programme.department)}",
                )

    def _check_governments(self, path: Path) -> None:
        # Each country's governments follow one another: one leaves office the day the next arrives.
        for country in sorted({g.country for g in self.governments.values()}):
            mine = sorted(
                (g for g in self.governments.values() if g.country == country),
                key=lambda g: g.start,
            )
            for before, after in zip(mine, mine[1:]):
                if before.end != after.start:
                    raise CorpusError(
                        path,
                        f"government '{before.key}' ends on {before.end}, but the next, "
                        f"'{after.key}', starts on {after.start}: they must meet",
                    )
            if mine and mine[-1].end is not None:
                raise CorpusError(
                    path,
                    f"government '{mine[-1].key}' is the last for {country} but has an end date",
                )


def _alive(department: Department, day: str) -> bool:
    # Compared as text: "2013" is before "2013-09-18", and a partial date counts as its start.
    started = not department.start or department.start <= day
    return started and (not department.end or day < department.end)


def _normal(name: str) -> str:
    words = name.lower().replace("’", "'").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _load_mapping(path: Path, data: bytes) -> dict[str, Any]:
    try:
        loaded = yaml.load(data.decode("utf-8"), Loader=SAFE_LOADER) if data else {}
    except UnicodeDecodeError as error:
        raise CorpusError(path, f"not UTF-8 (byte {error.start})") from None
    except yaml.YAMLError as error:
        raise CorpusError(path, f"YAML error {_yaml_where(error)}") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict) or not all(isinstance(v, dict) for v in loaded.values()):
        raise CorpusError(path, "expected a mapping of key to entry")
    return {str(k): v for k, v in loaded.items()}


def _yaml_where(error: yaml.YAMLError, line_offset: int = 0) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    if mark is None:
        return problem
    return f"at line {mark.line + 1 + line_offset}: {problem}"


def _department(key: str, entry: dict[str, Any], path: Path) -> Department:
    if "name" not in entry:
        raise CorpusError(path, f"department '{key}' has no name")
    return Department(
        key=key,
        name=str(entry["name"]),
        short=str(entry.get("short") or ""),
        aliases=strings_of(entry.get("aliases")),
        start=_optional(entry.get("from")),
        end=_optional(entry.get("until")),
        predecessors=strings_of(entry.get("predecessors")),
        successor=strings_of(entry.get("successor"))[0] if entry.get("successor") else None,
        country=_country(key, entry, path),
        sources=strings_of(entry.get("sources")),
        successors=strings_of(entry.get("successor")),
        history=_optional(entry.get("history")),
    )


def _country_code(value: Any) -> str:
    country = str(value or "GB").upper()
    return "GB" if country == "UK" else country


def _country(key: str, entry: dict[str, Any], path: Path) -> str:
    country = _country_code(entry.get("country"))
    if country not in CURRENCIES:
        raise CorpusError(
            path,
            f"'{key}' has country '{country}': use an ISO 3166 code such as {', '.join(COUNTRIES)}",
        )
    return country


def shipped_file(country: str, name: str) -> bytes:
    """Return a registry file the package ships for a country (GB's: the starter's), or b""."""
    starter = resources.files("archive.corpus") / "starter"
    found = starter / name if country == "GB" else starter / country / name
    return found.read_bytes() if found.is_file() else b""


def _government(key: str, entry: dict[str, Any], path: Path) -> Government:
    for needed in ("name", "party", "from", "sources"):
        if not entry.get(needed):
            raise CorpusError(path, f"government '{key}' has no {needed}")
    start, end = ministry_registry.iso_day(path, key, entry.get("from")), entry.get("until")
    end = None if end is None else ministry_registry.iso_day(path, key, end)
    if end is not None and end <= start:
        raise CorpusError(path, f"government '{key}' ends ({end}) before it starts ({start})")
    return Government(
        key=key,
        country=_country(key, entry, path),
        name=str(entry["name"]),
        party=str(entry["party"]),
        start=start,
        end=end,
        sources=strings_of(entry.get("sources")),
    )


def _programme(key: str, entry: dict[str, Any], path: Path) -> Programme:
    if "name" not in entry:
        raise CorpusError(path, f"programme '{key}' has no name")
    return Programme(
        key=key,
        name=str(entry["name"]),
        aliases=strings_of(entry.get("aliases")),
        department=_optional(entry.get("department")),
    )


def _optional(value: Any) -> str | None:
    return None if value is None else str(value)


def _plain(
    entry: Department | Programme | Government | ministry_registry.Ministry,
) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in entry.__dict__.items()}


def _tuples(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in entry.items()}
