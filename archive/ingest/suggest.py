"""Suggest an article's departments, programmes and organisations from the registries, and why."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.corpus.registry import Registry
from archive.ingest.dating import sentence_at
from archive.ingest.orgs import find_names

_CAPITAL = r"(?:[A-Z][\w'’&-]*)"
# A government department a text names that the registry may not hold.
_DEPARTMENT = re.compile(
    rf"\b(?P<name>(?:Department|Ministry)\s+(?:of|for)\s+(?:the\s+)?{_CAPITAL}"
    rf"(?:(?:\s+|\s+(?:and|of|for|the|&)\s+(?:the\s+)?)(?!Department|Ministry){_CAPITAL}){{0,6}})"
)
_ACRONYM = re.compile(
    r"^(?=.*[A-Z].*[A-Z])[A-Za-z&]{2,8}$"
)  # DfE, DCSF, SWAP: matched with their case
_STOPWORDS = frozenset("the of for and a an in to on".split())


@dataclass(frozen=True)
class Match:
    """A registry key or organisation name the text names, how it was written, and where."""

    key: str
    spellings: tuple[str, ...]
    evidence: str
    sure: bool = True
    why: str = ""  # for an unsure match: what to check


class Matcher:
    """Find the departments and programmes a text names, by their names, short names and aliases."""

    def __init__(self, registry: Registry, country: str | None = None):
        self.registry = registry
        self.country = (
            country or "GB"
        )  # an archive that names no country is a UK one, as it always was
        self._keys: dict[tuple[str, str], str] = {}
        self._generic: set[tuple[str, str]] = set()
        self._resolved: dict[tuple[str, str], str] = {}
        names: list[str] = []
        acronyms: list[str] = []
        # A department of another country is never suggested, nor its programmes: the
        # Australian Treasury is not HM Treasury.
        foreign = {k for k, d in registry.departments.items() if d.country != self.country}
        for kind, entries in (
            ("department", registry.departments),
            ("programme", registry.programmes),
        ):
            for entry in entries.values():
                if (
                    entry.key if kind == "department" else getattr(entry, "department", None)
                ) in foreign:
                    continue
                for name in {entry.name, getattr(entry, "short", ""), *entry.aliases} - {""}:
                    if _ACRONYM.match(name):
                        self._keys[(kind, name)] = entry.key
                        acronyms.append(name)
                    else:
                        normal = _normal(name)
                        self._keys.setdefault((kind, normal), entry.key)
                        names.append(name)
                        if len(normal.split()) == 1:  # "the Treasury": another country has one too
                            self._generic.add((kind, normal))
        self._names = _alternation(names, re.IGNORECASE)
        self._acronyms = _alternation(acronyms, 0)

    def resolve(self, kind: str, name: str) -> str | None:
        """Find the key of this country's department or programme a name stands for, or None.

        Another country's department of the same name is no answer: the UK's Department of
        Health neither hides Australia's nor stands for it."""
        if not self._resolved:
            own = {k for k, d in self.registry.departments.items() if d.country == self.country}
            for table_kind, entries in (
                ("department", self.registry.departments),
                ("programme", self.registry.programmes),
            ):
                for entry in entries.values():
                    home = (
                        entry.key
                        if table_kind == "department"
                        else getattr(entry, "department", None)
                    )
                    if home is not None and home not in own:
                        continue
                    short = getattr(entry, "short", "")
                    for alias in (entry.key, entry.name, short, *entry.aliases):
                        if alias:
                            self._resolved.setdefault((table_kind, _normal(alias)), entry.key)
        return self._resolved.get((kind, _normal(name)))

    def own_department(self, name: str) -> bool:
        """Tell whether a name is one of this country's departments."""
        return self.resolve("department", name) is not None

    def programme(self, name: str) -> bool:
        """Tell whether a name is a programme's (of this country's departments, or of none)."""
        return self.resolve("programme", name) is not None

    def find(self, text: str) -> tuple[list[Match], list[Match]]:
        """Return the departments and the programmes named in text, in order of first mention."""
        found: dict[tuple[str, str], list[tuple[str, int, bool]]] = {}
        for pattern, exact in ((self._names, False), (self._acronyms, True)):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                written = " ".join(m.group().split())
                for kind in ("department", "programme"):
                    lookup = written if exact else _normal(written)
                    key = self._keys.get((kind, lookup))
                    if key:
                        generic = (kind, lookup) in self._generic
                        found.setdefault((kind, key), []).append((written, m.start(), generic))
        result: dict[str, list[Match]] = {"department": [], "programme": []}
        for (kind, key), mentions in sorted(
            found.items(), key=lambda item: min(p for _, p, _ in item[1])
        ):
            mentions.sort(key=lambda mention: mention[1])
            spellings = tuple(dict.fromkeys(w for w, _, _ in mentions))
            sure = not all(generic for _, _, generic in mentions)
            why = "" if sure else f"'{spellings[0]}' may not mean {self.registry.label(kind, key)}"
            evidence = sentence_at(text, mentions[0][1])
            result[kind].append(Match(key, spellings, evidence, sure, why))
        return result["department"], result["programme"]

    def related_programmes(
        self, text: str, departments: list[Match], programmes: list[Match]
    ) -> list[Match]:
        """Suggest, as unsure, a named department's programme all of whose name words are used."""
        have = {m.key for m in programmes}
        words = set(_stems(text))
        related = []
        for department in departments:
            for programme in self.registry.programmes.values():
                if programme.department != department.key or programme.key in have:
                    continue
                needed = set(_stems(programme.name))
                if needed and needed <= words:
                    why = (
                        f"{programme.name} is run by "
                        f"{self.registry.label('department', department.key)}, "
                        f"which the text names, and every word of its name is in the text"
                    )
                    related.append(Match(programme.key, (), department.evidence, False, why))
                    have.add(programme.key)
        return related


def organisations(text: str, matcher: Matcher) -> list[Match]:
    """Find named organisations that are not government departments: councils, charities, boards."""
    return [
        Match(name, (name,), sentence_at(text, at))
        for name, at in find_names(text, matcher.own_department, matcher.programme)
    ]


def unknown_departments(text: str, matcher: Matcher) -> list[Match]:
    """Find departments a text names that the registry does not hold: candidates to add to it."""
    found: dict[str, int] = {}
    for m in _DEPARTMENT.finditer(text):
        name = " ".join(m["name"].split()).rstrip(",")
        if not matcher.resolve("department", name) and not any(name in other for other in found):
            found.setdefault(name, m.start())
    return [
        Match(
            n,
            (n,),
            sentence_at(text, at),
            False,
            f"{n} is not in the registry: add it if documents should name it",
        )
        for n, at in found.items()
    ]


def _alternation(names: list[str], flags: int) -> re.Pattern[str] | None:
    if not names:
        return None
    parts = [_pattern(n) for n in sorted(set(names), key=len, reverse=True)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", flags)


def _pattern(name: str) -> str:
    """Match a name however its spaces and apostrophes are written."""
    words = name.replace("’", "'").split()
    return r"\s+".join(re.escape(w).replace("'", "['’]") for w in words)


def _normal(name: str) -> str:
    words = name.lower().replace("’", "'").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _stems(text: str) -> list[str]:
    """Lower-case words without possessives or a plural s, so 'adults'' meets 'Adult'."""
    words = re.findall(
        r"[a-z]+", text.lower().replace("’", "'").replace("'s", "").replace("s'", "s")
    )
    return [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w not in _STOPWORDS]
