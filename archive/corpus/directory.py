"""Looking people up: by any name form, and by a role's title as a text writes it, on a date."""

from __future__ import annotations

import re
from typing import Any

from archive.corpus.people import Person, Role, normal_name


class Directory:
    """Look people up by any name form, and by a role's title on a date."""

    def __init__(self, people: dict[str, Person]):
        self.people = people
        self._names: dict[str, set[str]] = {}  # full name forms
        self._surnames: dict[str, set[str]] = {}  # a surname alone, or after Mr, Ms, Senator
        self._described: dict[
            tuple[str, str | None], list[tuple[Person, Role]]
        ] = {}  # title to roles
        for person in people.values():
            forms = {
                person.key,
                person.name,
                *person.names,
                f"{person.surname}, {person.name.split()[0]}",
            }
            for form in forms:
                words = normal_name(form).split()
                (self._names if len(words) > 1 or "-" in form else self._surnames).setdefault(
                    " ".join(words), set()
                ).add(person.key)
                self._surnames.setdefault(words[-1], set()).add(person.key)

    def named(
        self, text: str, first: str = "", last: str = "9999-12-31", country: str | None = None
    ) -> Person | None:
        """Return the one person a name form stands for on those days, or None.

        A full name is the person's whatever the date; a surname alone ("Mr Balls", "Balls") only
        of someone of the document's country within CAREER_YEARS of holding a registered office,
        so a Mr Morrison of 1975 is not the Prime Minister of 2018.
        """
        wanted = normal_name(text)
        keys = self._names.get(wanted, set())
        if not keys and first:
            keys = {
                k
                for k in self._surnames.get(wanted, set())
                if (country is None or self.people[k].country == country)
                and _near(self.people[k], first)
            }
        elif not keys:
            keys = self._surnames.get(wanted, set())
        if len(keys) > 1 and first:
            keys = {k for k in keys if self.people[k].roles_on(first, last)} or keys
        return self.people[next(iter(keys))] if len(keys) == 1 else None

    def holder(
        self, title: str, first: str, last: str, country: str | None = None
    ) -> tuple[Person, Role] | None:
        """Return who held a role a title describes ("children's secretary") on those days."""
        key = (title.lower(), country)
        roles = self._described.get(key)
        if roles is None:
            if len(self._described) > 10_000:  # titles as scanned are many: keep the table bounded
                self._described.clear()
            roles = self._described[key] = [
                (person, role)
                for person in self.people.values()
                for role in person.roles
                if (country is None or role.country == country) and describes(title, role.title)
            ]
        found = [(person, role) for person, role in roles if role.holds_on(first, last)]
        return found[0] if len({p.key for p, _ in found}) == 1 else None

    def describes_any(self, title: str) -> bool:
        """Say whether a title as written describes any registered role."""
        return any(
            describes(title, role.title) for person in self.people.values() for role in person.roles
        )


CAREER_YEARS = (
    15  # how long before and after office a surname alone is taken to be the office holder's
)


def _near(person: Person, day: str) -> bool:
    year = int(day[:4])
    return any(
        int(role.start[:4]) - CAREER_YEARS <= year <= int((role.end or "9999")[:4]) + CAREER_YEARS
        for role in person.roles
    )


def directory_of(registry: Any) -> Directory:
    """Return a registry's directory of people, made once a registry."""
    found = registry.__dict__.get("_directory")
    if found is None:
        found = registry.__dict__["_directory"] = Directory(registry.people)
    return found


def describes(casual: str, title: str) -> bool:
    """Say whether a title as a text writes it describes a role's title.

    "children's secretary" is a Secretary of State with Children in the title; "children's
    minister" any minister with Children in it; "the Prime Minister", "the Treasurer" exactly
    that.
    """
    words = [
        w.rstrip("s").rstrip("'") if w.endswith("'s") else w
        for w in re.findall(r"[a-z’'-]+", casual.lower().replace("’", "'"))
        if w != "the"
    ]
    if not words:
        return False
    official = title.lower()
    if " ".join(words) == official.replace("the ", "", 1) or " ".join(words) == official:
        return True
    head, subject = words[-1], words[:-1]
    if head == "secretary":
        kind = official.startswith("secretary of state")
    elif head == "minister":
        kind = (
            "minister" in official and "prime minister" not in official
        ) or "under-secretary" in official
        if subject in (["prime"], ["deputy", "prime"]):
            return official == " ".join(words)
    else:
        return False
    title_words = re.findall(r"[a-z]+", official)
    return (
        kind
        and bool(subject)
        and all(any(t.startswith(w[:6]) for t in title_words) for w in subject)
    )
