"""A search request: what a user asked for, read and validated from URL-style parameters."""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from archive.corpus.amounts import split_band
from archive.corpus.directory import directory_of
from archive.corpus.registry import Registry
from archive.errors import BadRequest

SORTS = ("relevance", "newest", "oldest", "largest")
MONEY_CHOICES = ("announced", "all")
PER_PAGE = 10
MAX_PER_PAGE = 100
MAX_PAGE = 1000  # deeper pages cost memory and help nobody
# Rows of one CSV, RIS or BibTeX export: what the deepest pages reach, at ~2,000 BibTeX rows a
# second on a busy core well within a gunicorn worker's 30 s (a longer stream is killed midway).
MAX_EXPORT = 20_000
YEAR = re.compile(r"^(\d{4})(?:\s*(?:-|–|\.\.)\s*(\d{4}))?$")
MONEY = re.compile(
    r"^[£$€]?\s*(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)\s*(k|thousand|m|mn|million|bn|b|billion)?$",
    re.IGNORECASE,
)
MULTIPLIERS = {
    None: 1,
    "k": 10**3,
    "thousand": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "million": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "billion": 10**9,
}
FINANCIAL_YEAR = re.compile(r"^(\d{4})\s*[-–/]\s*(\d{2}|\d{4})$")
DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class FieldError(BadRequest):
    """A year, date or amount that cannot be read: the page keeps the search and marks the field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class SearchRequest:
    """What a user asked for: the query, the filters, the order and the page."""

    q: str = ""
    years: tuple[tuple[int, int], ...] = ()
    departments: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()
    min_amount: int | None = None
    max_amount: int | None = None
    predecessors: bool = False
    sort: str | None = None
    page: int = 1
    per_page: int = PER_PAGE
    financial_years: tuple[str, ...] = ()
    governments: tuple[str, ...] = ()
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, as written back to URLs
    date_to: str | None = None
    real: bool = False  # amount filters and the largest-amount sort in the latest year's prices
    announcers: tuple[str, ...] = ()  # people's keys: documents they announced
    # Which amounts the amount band facet, the amount filters, the largest sort and the timeline
    # count: "announced" money (the default: announced, totals and their parts) or "all" amounts.
    money: str = "announced"

    def money_field(self, name: str) -> str:
        """Name the index field (amount, value, largest, real_largest) of the money counted."""
        return name if self.money == "announced" else f"{name}_all"

    @property
    def date_range(self) -> tuple[int | None, int | None]:
        """Return the range's first and last days as YYYYMMDD numbers, None where open."""
        return (
            None if self.date_from is None else _day(self.date_from, last=False),
            None if self.date_to is None else _day(self.date_to, last=True),
        )

    @property
    def effective_sort(self) -> str:
        if self.sort and (self.sort != "relevance" or self.q.strip()):
            return self.sort
        return "relevance" if self.q.strip() else "newest"

    def selected(self, facet: str) -> tuple[str, ...]:
        """Return the values selected in one facet, as they appear in URLs."""
        if facet == "year":
            return tuple(str(a) if a == b else f"{a}-{b}" for a, b in self.years)
        return getattr(self, FACET_FIELDS[facet])

    def params(self) -> list[tuple[str, str]]:
        """Write the request back as URL parameters, leaving out defaults."""
        pairs: list[tuple[str, str]] = [("q", self.q)] if self.q else []
        for facet in FACET_PARAMS:
            pairs += [(facet, value) for value in self.selected(facet)]
        pairs += [
            (name, value)
            for name, value in (("from", self.date_from), ("to", self.date_to))
            if value
        ]
        if self.real:
            pairs.append(("real", "1"))
        if self.money != "announced":
            pairs.append(("money", self.money))
        if self.min_amount is not None:
            pairs.append(("min_amount", str(self.min_amount)))
        if self.max_amount is not None:
            pairs.append(("max_amount", str(self.max_amount)))
        if self.predecessors:
            pairs.append(("predecessors", "1"))
        if self.sort:
            pairs.append(("sort", self.sort))
        if self.page != 1:
            pairs.append(("page", str(self.page)))
        if self.per_page != PER_PAGE:
            pairs.append(("per_page", str(self.per_page)))
        return pairs

    def toggled(self, facet: str, value: str) -> SearchRequest:
        """Return this request with one facet value switched on or off, back on page 1."""
        if facet == "year":
            years = tuple(y for y in self.years if year_text(y) != value)
            if len(years) == len(self.years):
                years += (parse_year(value),)
            return replace(self, years=years, page=1)
        name = FACET_FIELDS[facet]
        current = getattr(self, name)
        values = tuple(v for v in current if v != value) if value in current else (*current, value)
        changes: dict[str, Any] = {name: values, "page": 1}
        return replace(self, **changes)


FACET_FIELDS = {
    "department": "departments",
    "programme": "programmes",
    "amount": "amounts",
    "financial_year": "financial_years",
    "government": "governments",
    "announced_by": "announcers",
}
# The facets a request may select values of, in the order a URL writes them.
FACET_PARAMS = ("year", *FACET_FIELDS)


def read_request(params: Mapping[str, Sequence[str]], registry: Registry) -> SearchRequest:
    """Validate URL-style parameters (each name to a list of values) into a request."""

    def first(name: str, default: str = "") -> str:
        return (params.get(name) or [default])[0]

    years = tuple(dict.fromkeys(parse_year(v) for v in _values(params, "year")))
    departments = _keys(params, "department", registry)
    programmes = _keys(params, "programme", registry)
    amounts = tuple(dict.fromkeys(v.strip().lower() for v in _values(params, "amount")))
    for band in amounts:
        if split_band(band) is None:
            raise BadRequest(
                f"amount must be a band such as under-1m, 1m-10m, 10m-100m, 100m-1bn or 1bn-plus "
                f"(usd:1m-10m for another currency), not '{band}'"
            )
    min_amount = (
        parse_money(first("min_amount"), "min_amount") if first("min_amount").strip() else None
    )
    max_amount = (
        parse_money(first("max_amount"), "max_amount") if first("max_amount").strip() else None
    )
    if min_amount is not None and max_amount is not None and min_amount > max_amount:
        raise FieldError("max_amount", "min_amount is larger than max_amount")
    sort = first("sort").strip().lower() or None
    if sort is not None and sort not in SORTS:
        raise BadRequest(f"sort must be one of {', '.join(SORTS)}, not '{sort}'")
    financial_years = tuple(
        dict.fromkeys(parse_financial_year(v) for v in _values(params, "financial_year"))
    )
    governments = tuple(dict.fromkeys(v.lower() for v in _values(params, "government")))
    for key in governments:
        if key not in registry.governments:
            raise BadRequest(registry.unknown("government", key))
    money = first("money").strip().lower() or "announced"
    if money not in MONEY_CHOICES:
        raise BadRequest(f"money must be {' or '.join(MONEY_CHOICES)}, not '{money}'")
    date_from = parse_day(first("from"), "from") if first("from").strip() else None
    date_to = parse_day(first("to"), "to") if first("to").strip() else None
    if date_from and date_to and _day(date_from, last=False) > _day(date_to, last=True):
        raise FieldError(
            "to", f"from ({date_from}) is after to ({date_to}): write the earlier date in from"
        )
    return SearchRequest(
        announcers=_people(params, registry),
        financial_years=financial_years,
        governments=governments,
        date_from=date_from,
        date_to=date_to,
        real=first("real").strip().lower() in ("1", "true", "yes", "on"),
        money=money,
        q=first("q")[:1000],
        years=years,
        departments=departments,
        programmes=programmes,
        amounts=amounts,
        min_amount=min_amount,
        max_amount=max_amount,
        predecessors=first("predecessors").strip().lower() in ("1", "true", "yes", "on"),
        sort=sort,
        # An empty page= (an OpenSearch client's {startPage?}) is ignored, as other empty
        # parameters are.
        page=_integer(first("page").strip() or "1", "page", 1, MAX_PAGE),
        per_page=_integer(first("per_page").strip() or str(PER_PAGE), "per_page", 1, MAX_PER_PAGE),
    )


def parse_year(text: str) -> tuple[int, int]:
    """Read a year or a range of years such as 2010-2013; "undated" (year 0) is no year."""
    if text.strip().lower() in ("undated", "0"):
        return 0, 0
    match = YEAR.match(text.strip())
    if not match:
        raise FieldError(
            "year", f"year must be a year such as 2013 or a range such as 2010-2013, not '{text}'"
        )
    low, high = int(match.group(1)), int(match.group(2) or match.group(1))
    if low > high:
        raise FieldError(
            "year", f"year range '{text}' runs backwards: write the earlier year first"
        )
    return low, high


def parse_financial_year(text: str) -> str:
    """Read a financial year such as 2010-11 (or 2010/11, 2010-2011) as 2010-11."""
    match = FINANCIAL_YEAR.match(text.strip())
    if match:
        start, end = int(match.group(1)), int(match.group(2))
        if end % 100 == (start + 1) % 100 and (end < 100 or end == start + 1):
            return f"{start}-{end % 100:02d}"
    raise BadRequest(f"financial_year must be a financial year such as 2010-11, not '{text}'")


def parse_day(text: str, name: str) -> str:
    """Read a date of YYYY, YYYY-MM or YYYY-MM-DD, saying what is wrong with an impossible one."""
    match = DAY.match(text.strip())
    if not match:
        raise FieldError(
            name, f"{name} must be a date such as 2013, 2013-04 or 2013-04-15, not '{text}'"
        )
    year = int(match.group(1))
    month, day = (int(part) if part else None for part in match.groups()[1:])
    if month is not None and not 1 <= month <= 12:
        raise FieldError(name, f"{name} '{text}' has no month {month}: months run from 01 to 12")
    if (
        day is not None
        and month is not None
        and not 1 <= day <= calendar.monthrange(year, month)[1]
    ):
        raise FieldError(
            name,
            f"{name} '{text}' has no day {day}: {calendar.month_name[month]} {year} "
            f"has {calendar.monthrange(year, month)[1]} days",
        )
    return "-".join([f"{year:04d}"] + [f"{part:02d}" for part in (month, day) if part is not None])


def _day(text: str, last: bool) -> int:
    """Turn YYYY, YYYY-MM or YYYY-MM-DD into a YYYYMMDD number: its first day, or its last."""
    parts = [int(p) for p in text.split("-")]
    year, month, day = (
        parts[0],
        parts[1] if len(parts) > 1 else None,
        parts[2] if len(parts) > 2 else None,
    )
    if month is None:
        month, day = (12, 31) if last else (1, 1)
    elif day is None:
        day = calendar.monthrange(year, month)[1] if last else 1
    return year * 10000 + month * 100 + day


def parse_money(text: str, name: str) -> int:
    """Read an amount such as 5000000, 5m, £2.5bn or 250k, in whole units."""
    match = MONEY.match(text.strip().replace(" ", ""))
    if not match:
        raise FieldError(
            name, f"{name} must be an amount such as 500000, 250k, 5m or 1.5bn, not '{text}'"
        )
    number, unit = match.groups()
    return int(round(float(number.replace(",", "")) * MULTIPLIERS[unit.lower() if unit else None]))


def year_text(years: tuple[int, int]) -> str:
    return str(years[0]) if years[0] == years[1] else f"{years[0]}-{years[1]}"


def _integer(text: str, name: str, low: int, high: int) -> int:
    # ASCII digits only: isdigit() also passes "²" and int() then raises.
    if not re.fullmatch(r"[0-9]{1,12}", text.strip()) or not low <= int(text.strip()) <= high:
        raise BadRequest(f"{name} must be a whole number from {low} to {high}, not '{text}'")
    return int(text.strip())


def _values(params: Mapping[str, Sequence[str]], name: str) -> list[str]:
    # Accept repeated parameters and comma-separated lists alike.
    return [
        part.strip() for value in params.get(name, []) for part in value.split(",") if part.strip()
    ]


def _people(params: Mapping[str, Sequence[str]], registry: Registry) -> tuple[str, ...]:
    keys = []
    for value in _values(params, "announced_by"):
        person = directory_of(registry).named(value)
        if person is None:
            raise BadRequest(f"announced_by: there is no person '{value[:80]}' in the registry")
        keys.append(person.key)
    return tuple(dict.fromkeys(keys))


def _keys(params: Mapping[str, Sequence[str]], kind: str, registry: Registry) -> tuple[str, ...]:
    keys = []
    for value in _values(params, kind):
        key = registry.resolve(kind, value)
        if key is None:
            raise BadRequest(registry.unknown(kind, value))
        keys.append(key)
    return tuple(dict.fromkeys(keys))
