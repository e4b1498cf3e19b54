"""Entity pages and their JSON: a department, programme, person or government seen whole.

Each entity answers at /<kind>/<key> and /api/<kind>/<key>: its names, dates and sources, its
lineage, its documents over time (newest first, and a year by year timeline that links to the
searches they come from), the money they announce per year, and links to its search and feed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from flask import abort, jsonify, render_template, url_for

from archive.corpus import ministries
from archive.corpus.ministries import Ministry
from archive.corpus.people import Person, Role
from archive.corpus.registry import Registry
from archive.search.ledger import KINDS as LEDGER_KINDS
from archive.search.ledger import Ledger, ledger_of
from archive.search.request import SearchRequest
from archive.web.links import absolute, current_archive, feed_request, search_url, short_money

KINDS = ("department", "programme", "person", "government")
NEWEST = 10  # documents listed on the page; the rest are one link away


def entity_page(kind: str, key: str) -> str:
    found = entity(kind, key)
    return render_template("entity.html", entity=found, kind=kind, ledger=_ledger(kind, key))


def entity_api(kind: str, key: str) -> Any:
    found = entity(kind, key)
    ledger = _ledger(kind, key)
    if ledger is not None:
        found["ledger"] = ledger.to_dict()
    return jsonify(found)


def _ledger(kind: str, key: str) -> Ledger | None:
    """Return a programme's or department's ledger of money announced (None for other kinds)."""
    return ledger_of(current_archive(), kind, key) if kind in LEDGER_KINDS else None


def entity(kind: str, key: str) -> dict[str, Any]:
    """Describe one registry entry with its documents, timeline and links, or answer 404."""
    registry = current_archive().registry
    entries = _entries(registry, kind)
    # The key is looked up in the registry, never used as a path.
    if key not in entries:
        abort(404, f"There is no {kind} '{key[:80]}' in the registry.")
    about = {
        "department": _department,
        "programme": _programme,
        "person": _person,
        "government": _government,
    }[kind](registry, key)
    search = _search(kind, key)
    archive = current_archive()
    result = archive.search(replace(search, sort="newest", per_page=NEWEST))
    years = archive.timeline(search)
    return {
        "kind": kind,
        "key": key,
        **about,
        "documents": {
            "total": result.total,
            "newest": [
                {
                    "id": h["id"],
                    "title": h["title"],
                    "date": h["date"],
                    "date_display": h.get("date_display") or h["date"],
                    "url": absolute(url_for("document", doc_id=h["id"])),
                }
                for h in result.hits
            ],
            "by_year": [
                {
                    "year": y.year,
                    "documents": y.documents,
                    "money": y.pounds,
                    "currency": y.currency,
                    "money_text": short_money(y.pounds, y.currency) if y.pounds else None,
                    "search": absolute(search_url(replace(search, years=((y.year, y.year),)))),
                }
                for y in years
            ],
        },
        "links": {
            "html": absolute(url_for("entity", kind=kind, key=key)),
            "json": absolute(url_for("api_entity", kind=kind, key=key)),
            "search": absolute(search_url(search)),
            "feed": absolute(search_url(feed_request(search), "feed")),
        },
    }


def entity_url(kind: str, key: str) -> str:
    """Link to an entity's page (for templates: facets, document pages)."""
    return url_for("entity", kind=kind, key=key)


def _entries(registry: Registry, kind: str) -> dict[str, Any]:
    if kind not in KINDS:
        abort(404)
    entries: dict[str, dict[str, Any]] = {
        "department": registry.departments,
        "programme": registry.programmes,
        "person": registry.people,
        "government": registry.governments,
    }
    return entries[kind]


def _search(kind: str, key: str) -> SearchRequest:
    if kind == "person":
        return SearchRequest(q=f"person:{key}", sort="newest")
    if kind == "department":
        return SearchRequest(departments=(key,), sort="newest")
    if kind == "programme":
        return SearchRequest(programmes=(key,), sort="newest")
    return SearchRequest(governments=(key,), sort="newest")


def _link(registry: Registry, kind: str, key: str) -> dict[str, Any]:
    """Link to another entry: its kind, key, full name and page (None if the registry lacks it)."""
    known = key in _entries(registry, kind)
    department = registry.departments.get(key) if kind == "department" else None
    return {
        "kind": kind,
        "key": key,
        "name": department.name if department else registry.label(kind, key),
        "url": absolute(url_for("entity", kind=kind, key=key)) if known else None,
    }


def _department(registry: Registry, key: str) -> dict[str, Any]:
    department = registry.departments[key]
    held = [
        (person, role)
        for person in registry.people.values()
        for role in person.roles
        if role.department == key
    ]
    return {
        "name": department.name,
        "label": department.label,
        "names": [
            n
            for n in dict.fromkeys((department.short, *department.aliases))
            if n and n != department.name
        ],
        "start": department.start,
        "end": department.end,
        "country": department.country,
        "history": department.history,
        "sources": list(department.sources),
        "lineage": {
            "predecessors": [_link(registry, "department", k) for k in department.predecessors],
            "successors": [_link(registry, "department", k) for k in department.successors],
            "programmes": [
                _link(registry, "programme", k)
                for k, p in registry.programmes.items()
                if p.department == key
            ],
            "office_holders": [
                _role(registry, person, role)
                for person, role in sorted(held, key=lambda pair: pair[1].start)
            ],
        },
    }


def _programme(registry: Registry, key: str) -> dict[str, Any]:
    programme = registry.programmes[key]
    lineage: dict[str, Any] = {
        "department": _link(registry, "department", programme.department)
        if programme.department
        else None
    }
    return {
        "name": programme.name,
        "label": programme.label,
        "names": list(programme.aliases),
        "start": None,
        "end": None,
        "sources": [],
        "lineage": lineage,
    }


def _government(registry: Registry, key: str) -> dict[str, Any]:
    government = registry.governments[key]
    mine = sorted(
        (g for g in registry.governments.values() if g.country == government.country),
        key=lambda g: g.start,
    )
    at = mine.index(government)
    leaders = [
        _role(registry, person, role)
        for person in registry.people.values()
        for role in person.roles
        if role.title == "Prime Minister"
        and role.country == government.country
        and role.start < (government.end or "9999")
        and (role.end or "9999") > government.start
    ]
    return {
        "name": f"{government.name} government",
        "label": government.label,
        "names": [],
        "party": government.party,
        "start": government.start,
        "end": government.end,
        "country": government.country,
        "sources": list(government.sources),
        "lineage": {
            "predecessors": [_link(registry, "government", mine[at - 1].key)] if at else [],
            "successors": [_link(registry, "government", mine[at + 1].key)]
            if at + 1 < len(mine)
            else [],
            "prime_ministers": leaders,
            "ministries": [
                _ministry(key, m) for m in ministries.of_government(registry.ministries, key)
            ],
        },
    }


def _ministry(government: str, ministry: Ministry) -> dict[str, Any]:
    # Its documents: the government's, dated from the day after it began to the day before it ended
    # (a day of change belongs to neither ministry, as in archive/corpus/ministries.py).
    search = SearchRequest(
        governments=(government,),
        date_from=_next_day(ministry.start, 1),
        date_to=_next_day(ministry.end, -1) if ministry.end else None,
        sort="oldest",
    )
    return {
        "key": ministry.key,
        "name": ministry.name,
        "number": ministry.number,
        "prime_minister": ministry.prime_minister,
        "party": ministry.party,
        "start": ministry.start,
        "end": ministry.end,
        "sources": list(ministry.sources),
        "note": ministry.note,
        "search": absolute(search_url(search)),
    }


def _next_day(day: str, step: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=step)).isoformat()


def _person(registry: Registry, key: str) -> dict[str, Any]:
    person = registry.people[key]
    roles = sorted(person.roles, key=lambda r: r.start)
    return {
        "name": person.name,
        "label": person.label,
        "names": list(person.names),
        "start": roles[0].start,
        "end": None if any(r.end is None for r in roles) else max(r.end or "" for r in roles),
        "country": person.country,
        "sources": list(dict.fromkeys((*person.sources, *(r.source for r in roles)))),
        "lineage": {"roles": [_role(registry, person, role, neighbours=True) for role in roles]},
    }


def _role(
    registry: Registry, person: Person, role: Role, neighbours: bool = False
) -> dict[str, Any]:
    """Describe a role held, with its holder; with neighbours, who held it before and after."""
    found: dict[str, Any] = {
        "title": role.title,
        "start": role.start,
        "end": role.end,
        "source": role.source,
        "department": _link(registry, "department", role.department) if role.department else None,
        "person": _link(registry, "person", person.key),
    }
    if role.department:
        # "While in office": everything the department announced while the role was held.
        found["while_in_office"] = absolute(
            search_url(
                SearchRequest(
                    departments=(role.department,),
                    date_from=role.start,
                    date_to=role.end,
                    sort="newest",
                )
            )
        )
    if neighbours:
        same = sorted(
            (
                (p, r)
                for p in registry.people.values()
                for r in p.roles
                if r.title == role.title and r.country == role.country
            ),
            key=lambda pair: pair[1].start,
        )
        at = next(n for n, (p, r) in enumerate(same) if p.key == person.key and r == role)
        found["predecessor"] = _link(registry, "person", same[at - 1][0].key) if at else None
        found["successor"] = (
            _link(registry, "person", same[at + 1][0].key) if at + 1 < len(same) else None
        )
    return found
