"""A programme's or a department's ledger of money announced.

A ledger lists every amount of money announced in the documents filed under a programme (or a
department), oldest first, and counts each sum once: new money is counted; the same sum
announced again (the same value in the same currency, in this ledger, a re-announcement) is
linked to where it was first announced and not counted again; a part stands inside its whole
and is not added to it; cuts are listed and added up apart. Statistics, costs and other
amounts are never in a ledger. No Flask here: the web layer renders what this gives; where a
figure came from is archive/search/figures.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from whoosh import query

from archive.corpus.registry import Registry
from archive.corpus.roles import COUNTED
from archive.errors import ArchiveError

KINDS = ("programme", "department")
# How each line of a ledger counts.
NEW, AGAIN, PART, WITHIN, CUT, CUT_AGAIN = "new", "again", "part", "within", "cut", "cut again"


class UnknownEntry(ArchiveError):
    """A programme or department the registry does not know."""


@dataclass(frozen=True)
class LedgerLine:
    """One amount of money in a ledger, with how it counts and where it was read."""

    date: str
    date_display: str
    doc_id: str
    title: str
    amount: int  # the amount's place in its document's list: its sentence's anchor on the page
    text: str
    value: int
    currency: str
    role: str
    # new; again (announced before); part (of a whole the text names); within (a smaller sum of
    # the same document, all of which fit inside its largest: counted inside it); cut; cut again
    kind: str
    counted: bool  # whether the line adds to the ledger's totals
    sentence: str
    evidence: str
    whole: str | None = None  # the whole a part stands inside, as written
    first: dict[str, str] | None = None  # where money announced again was first announced
    real_value: int | None = None  # in the latest year's prices, where a deflator applies
    real_prices: str | None = None


@dataclass
class Ledger:
    """Every amount of money announced under a programme or department, each counted once."""

    kind: str
    key: str
    name: str
    lines: list[LedgerLine] = field(default_factory=list)

    @property
    def currencies(self) -> list[str]:
        """Return the currencies of the ledger's lines, the most used first."""
        counts: dict[str, int] = {}
        for line in self.lines:
            counts[line.currency] = counts.get(line.currency, 0) + 1
        return sorted(counts, key=lambda c: (-counts[c], c))

    def totals(self) -> dict[str, dict[str, Any]]:
        """Add up, per currency: new money, money cut, and times money was announced again."""
        found: dict[str, dict[str, Any]] = {}
        for currency in self.currencies:
            mine = [line for line in self.lines if line.currency == currency]
            new = [line for line in mine if line.kind == NEW]
            real = [line.real_value for line in new if line.real_value is not None]
            found[currency] = {
                "new": sum(line.value for line in new),
                "cuts": sum(line.value for line in mine if line.kind == CUT),
                "announced_again": sum(1 for line in mine if line.kind == AGAIN),
                "parts": sum(1 for line in mine if line.kind == PART),
                "lines": len(mine),
                # In real terms only where every new line has a deflator: a part would mislead.
                "new_real": sum(real) if new and len(real) == len(new) else None,
                "real_prices": next((line.real_prices for line in new if line.real_prices), None),
            }
        return found

    def to_dict(self) -> dict[str, Any]:
        """Return the ledger as plain data, as the JSON API gives it."""
        return {
            "kind": self.kind,
            "key": self.key,
            "name": self.name,
            "totals": self.totals(),
            "lines": [asdict(line) for line in self.lines],
        }


def build_ledger(kind: str, key: str, name: str, documents: Iterable[dict[str, Any]]) -> Ledger:
    """Make the ledger of documents (stored metadata, oldest first, each amount with its role)."""
    ledger = Ledger(kind, key, name)
    seen: dict[
        tuple[str, str, int], dict[str, str]
    ] = {}  # (money or cut, currency, value) -> first place
    for doc in documents:
        amounts = doc.get("amounts", [])
        place = {
            "id": doc["id"],
            "date": doc["date"],
            "date_display": doc.get("date_display") or doc["date"],
            "title": doc["title"],
        }
        # Wholes first, so that a part written before its whole still finds it counted.
        order = sorted(range(len(amounts)), key=lambda n: (amounts[n].get("role") != "total", n))
        kinds: dict[int, tuple[str, dict[str, str] | None]] = {}
        for n in order:
            a = amounts[n]
            role = a.get("role", "announced")
            if role not in COUNTED and role != "cut":
                continue
            book = "cut" if role == "cut" else "money"
            first = seen.get((book, a["currency"], a["value"]))
            if role == "cut":
                kinds[n] = (CUT_AGAIN, first) if first else (CUT, None)
            elif first:
                kinds[n] = (AGAIN, first)
            else:
                # A part the text links to its whole; one read as a part but linked to none
                # (the trained model's reading) is counted as new money, or within the largest.
                linked = role == "part" and a.get("part_of") is not None
                kinds[n] = (PART, None) if linked else (NEW, None)
            seen.setdefault((book, a["currency"], a["value"]), place)
        inside = _within_largest(amounts, kinds)
        for n in sorted(kinds):
            a = amounts[n]
            line_kind, first = kinds[n]
            whole = a.get("part_of")
            real = a.get("real_terms") or {}
            ledger.lines.append(
                LedgerLine(
                    date=doc["date"],
                    date_display=place["date_display"],
                    doc_id=doc["id"],
                    title=doc["title"],
                    amount=n,
                    text=a["text"],
                    value=a["value"],
                    currency=a["currency"],
                    role=a.get("role", "announced"),
                    kind=line_kind,
                    counted=line_kind in (NEW, CUT),
                    sentence=a.get("sentence", ""),
                    evidence=a.get("role_evidence", ""),
                    whole=(
                        amounts[whole]["text"]
                        if isinstance(whole, int) and whole < len(amounts)
                        else amounts[inside[n]]["text"]
                        if n in inside
                        else None
                    ),
                    first=first,
                    real_value=real.get("value"),
                    real_prices=real.get("prices"),
                )
            )
    return ledger


def _within_largest(
    amounts: list[dict[str, Any]], kinds: dict[int, tuple[str, dict[str, str] | None]]
) -> dict[int, int]:
    """Count the new sums of a document inside its largest where together they fit in it.

    "£36m for 11 projects … an £11.6m investment … £5 million to … £4 million to …": a release
    announces one sum and then says where it goes; the text need not say "of which" for a
    reader to see that the smaller sums are inside the larger. Where they add up to more than
    it, they are new money each.
    """
    new = [n for n, (kind, _) in kinds.items() if kind == NEW]
    inside: dict[int, int] = {}
    for currency in {amounts[n]["currency"] for n in new}:
        mine = [n for n in new if amounts[n]["currency"] == currency]
        largest = max(mine, key=lambda n: amounts[n]["value"], default=None)
        rest = [n for n in mine if n != largest]
        if largest is None or not rest:
            continue
        if sum(amounts[n]["value"] for n in rest) <= amounts[largest]["value"]:
            for n in rest:
                kinds[n] = (WITHIN, None)
                inside[n] = largest
    return inside


def ledger_of(archive: Any, kind: str, key: str) -> Ledger:
    """Make the ledger of a programme or department of an archive (archive.search.core.Archive)."""
    if kind not in KINDS:
        raise UnknownEntry(f"a ledger is of a programme or a department, not a {kind}")
    registry: Registry = archive.registry
    entries = registry.programmes if kind == "programme" else registry.departments
    key = resolve(registry, kind, key)
    return build_ledger(kind, key, entries[key].name, archive.metas(query.Term(kind, key)))


def resolve(registry: Registry, kind: str, typed: str) -> str:
    """Return the key of a programme or department written as its key, name, alias or one word."""
    entries = registry.programmes if kind == "programme" else registry.departments
    wanted = " ".join(typed.lower().replace("-", " ").split())
    if typed.lower() in entries:
        return typed.lower()
    names = {
        key: {key.replace("-", " "), entry.name.lower(), *(a.lower() for a in entry.aliases)}
        for key, entry in entries.items()
    }
    exact = [key for key, written in names.items() if wanted in written]
    words = (
        [key for key, written in names.items() if any(wanted in w.split() for w in written)]
        if " " not in wanted
        else []
    )
    found = exact or words
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise UnknownEntry(
            f"{kind} '{typed}' could be any of {', '.join(sorted(found))}: write its key"
        )
    raise UnknownEntry(registry.unknown(kind, typed.lower()))


LEDGER_COLUMNS = (
    "date",
    "document",
    "title",
    "amount",
    "value",
    "currency",
    "role",
    "counts_as",
    "counted",
    "inside",
    "first_announced",
    "value_real",
    "real_prices",
    "sentence",
    "evidence",
    "link",
)


def ledger_rows(ledger: Ledger, link: Any) -> Iterable[list[Any]]:
    """Yield the ledger's CSV rows, a header first; link(line) gives each line's address."""
    yield list(LEDGER_COLUMNS)
    for line in ledger.lines:
        first = f"{line.first['date']} {line.first['id']}" if line.first else ""
        yield [
            line.date,
            line.doc_id,
            line.title,
            line.text,
            line.value,
            line.currency,
            line.role,
            line.kind,
            "yes" if line.counted else "no",
            line.whole or "",
            first,
            line.real_value,
            line.real_prices,
            line.sentence,
            line.evidence,
            link(line),
        ]
