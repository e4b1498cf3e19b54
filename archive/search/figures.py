"""Where a figure came from: every document that holds it, oldest first, each with its role.

"£200m" followed through the archive: the earliest document that announced it, each later one
that announced it again (in the same programme), the others that mention it, and, in a
programme, the cuts made since. No Flask here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from whoosh import query

from archive.corpus.amounts import extract_amounts
from archive.corpus.registry import Registry
from archive.corpus.roles import COUNTED
from archive.errors import BadRequest
from archive.search.ledger import resolve


@dataclass(frozen=True)
class Mention:
    """One place a figure stands: its document, its sentence and its role there."""

    date: str
    date_display: str
    doc_id: str
    title: str
    amount: int
    text: str
    role: str
    sentence: str
    evidence: str
    programmes: tuple[str, ...]


@dataclass
class Trail:
    """Every document that holds a figure, oldest first, and what that says of its history."""

    text: str
    value: int
    currency: str
    programme: str | None
    mentions: list[Mention]
    cuts: list[Mention]  # money cut later in the same programme

    @property
    def first(self) -> Mention | None:
        """Return the earliest mention of the figure as money announced, else the earliest."""
        announced = [m for m in self.mentions if m.role in COUNTED]
        found = announced or self.mentions
        return found[0] if found else None

    def summary(self) -> str:
        """Say the figure's history in a line: first announced …, announced again n times, cut …."""
        first = self.first
        if first is None:
            return (
                f"{self.text} stands in no document"
                + (f" of {self.programme}" if self.programme else "")
                + "."
            )
        verb = "first announced" if first.role in COUNTED else f"first found (as {first.role})"
        said = [f"{self.text} {verb} {first.date_display} in “{first.title}”"]
        # The same figure for another programme is another sum that happens to be the same.
        ours = set(first.programmes)
        later = {
            m.doc_id
            for m in self.mentions
            if m.role in COUNTED and m.date >= first.date and (not ours or ours & set(m.programmes))
        }
        later -= {first.doc_id}
        if later:
            said.append(
                f"announced again in {len(later)} later document{'s' if len(later) != 1 else ''}"
            )
        others = {m.doc_id for m in self.mentions} - later - {first.doc_id}
        if others:
            said.append(
                f"also in {len(others)} other document{'s' if len(others) != 1 else ''}"
                " (another programme, or not as money announced)"
            )
        for cut in self.cuts:
            said.append(f"cut by {cut.text} in {cut.date[:4]}")
        return "; ".join(said) + "."

    def to_dict(self) -> dict[str, Any]:
        """Return the trail as plain data, as the JSON API gives it."""
        return {
            "text": self.text,
            "value": self.value,
            "currency": self.currency,
            "programme": self.programme,
            "summary": self.summary(),
            "first": asdict(self.first) if self.first else None,
            "mentions": [asdict(m) for m in self.mentions],
            "cuts": [asdict(m) for m in self.cuts],
        }


_DOLLARS = frozenset({"USD", "AUD", "NZD", "CAD", "HKD", "SGD"})


def read_figure(text: str, dollar: str = "USD") -> tuple[int, str]:
    """Read one amount such as "£200m" or "$1.5 billion" into (value, currency); else BadRequest."""
    found = extract_amounts(" ".join(text.split()), dollar=dollar)
    if len(found) != 1:
        raise BadRequest(
            f"'{text[:60]}' is not one amount of money: write it as it is written, such as £200m "
            "or $1.5 billion"
        )
    return found[0].value, found[0].currency


def figure_trail(
    archive: Any, text: str, programme: str | None = None, dollar: str | None = None
) -> Trail:
    """Find every document holding a figure (in one programme, if given), oldest first.

    A bare "$" is any dollar unless `dollar` says which: "$200 million" finds Australian dollars
    in an Australian archive and US dollars in another.
    """
    value, currency = read_figure(text, dollar or "USD")
    currencies = (
        _DOLLARS
        if dollar is None and currency == "USD" and text.lstrip().startswith("$")
        else {currency}
    )
    registry: Registry = archive.registry
    if programme is not None:
        programme = resolve(registry, "programme", programme)
    wanted = query.NumericRange("value_all", value, value)
    if programme:
        wanted = query.And([wanted, query.Term("programme", programme)])
    mentions = []
    for doc in archive.metas(wanted):
        for n, a in enumerate(doc.get("amounts", [])):
            if a["value"] == value and a["currency"] in currencies:
                mentions.append(_mention(doc, n, a))
                currency = a["currency"]
    cuts = []
    first = Trail(text, value, currency, programme, mentions, []).first
    if programme and first is not None:
        for doc in archive.metas(
            query.And([query.Term("programme", programme), query.Term("roles", "cut")])
        ):
            if doc["date"] >= first.date:
                cuts += [
                    _mention(doc, n, a)
                    for n, a in enumerate(doc.get("amounts", []))
                    if a.get("role") == "cut" and a["currency"] in currencies
                ]
    return Trail(text, value, currency, programme, mentions, cuts)


def _mention(doc: dict[str, Any], n: int, a: dict[str, Any]) -> Mention:
    return Mention(
        doc["date"],
        doc.get("date_display") or doc["date"],
        doc["id"],
        doc["title"],
        n,
        a["text"],
        a.get("role", "announced"),
        a.get("sentence", ""),
        a.get("role_evidence", ""),
        tuple(p["key"] if isinstance(p, dict) else p for p in doc.get("programmes", [])),
    )
