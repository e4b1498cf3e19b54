"""Work out when an article was published, as precisely as its evidence allows, and say how."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass

from archive.corpus.amounts import sentences
from archive.corpus.parse import PartialDate

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# Full dates as people and publishing systems write them; day-first for numbers (UK usage).
_FULL_DATES = [
    re.compile(rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}[/.](?P<m>[01]?\d)[/.]{_YEAR}\b"),
]
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/-](?P<m>[01]\d)(?:[/-](?P<day>[0-3]\d))?(?=[/-]|$)"
)
_DATELINE = re.compile(r"^(?:published|posted|updated|date|first published)\b", re.IGNORECASE)
_FINANCIAL_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d\d)[-–/](?P<next>\d\d)\b(?![-–/]\d)")
_NEW_FINANCIAL_YEAR = re.compile(
    r"\b(?:start|beginning|week|weeks|days?|month)\b[^.]{0,30}\bnew financial year\b", re.IGNORECASE
)
_DUE = re.compile(
    rf"\b(?:due|expected|scheduled|planned|to be published|will be published|by)\s+(?:in\s+|by\s+)?"
    rf"(?:{_MONTH}\s+)?{_YEAR}\b",
    re.IGNORECASE,
)
_ANY_YEAR = re.compile(
    r"(?<![\d£$€/-])(?P<year>(?:19|20)\d\d)(?![\d/-]|\s*(?:m|bn|million|billion)\b)"
)


@dataclass(frozen=True)
class DateGuess:
    """A publication date, how sure we are of it, and the one sentence of evidence."""

    date: PartialDate
    evidence: str
    sure: bool
    line: str | None = None  # the dateline paragraph, which is metadata rather than article


def infer_date(
    text: str,
    given: str | None = None,
    url: str | None = None,
    comments: str = "",
    given_by: str = "The record gives",
    lead: str = "",
) -> DateGuess | None:
    """Return the best-supported publication date: given, the URL's, a dateline's, or the text's."""
    if given:
        try:
            date = PartialDate.parse(given)
        except ValueError:
            kept = _partly(str(given))
            if kept:  # 2019-02-31 keeps February 2019, flagged: never a date from elsewhere instead
                return DateGuess(
                    kept,
                    f'{given_by} "{given}", which is no date: {kept.display} is '
                    "what can be read of it.",
                    False,
                )
        else:
            return DateGuess(date, f"{given_by} the date {date.display}.", True)
    for guess in (
        _from_url(url),
        _dateline(lead, anywhere=True),
        _dateline(text),
        _from_comments(comments),
        _new_financial_year(text),
        _financial_year(text),
        _due(text),
        _latest_year(text),
    ):
        if guess:
            return guess
    return None


def full_dates(text: str) -> list[tuple[PartialDate, re.Match[str]]]:
    """Find every full date (day, month and year) written in text, in order."""
    found = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            date = _date(match)
            if date:
                found.append((date, match))
    return sorted(found, key=lambda pair: pair[1].start())


def _date(match: re.Match[str]) -> PartialDate | None:
    groups = match.groupdict()
    month = _MONTHS.get((groups.get("month") or "").lower()) or int(groups.get("m") or 0)
    try:
        return PartialDate.parse(f"{groups['year']}-{month:02d}-{int(groups['day']):02d}")
    except ValueError:
        return None


def _from_url(url: str | None) -> DateGuess | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    parts = f"{match['year']}-{match['m']}" + (f"-{match['day']}" if match["day"] else "")
    try:
        date = PartialDate.parse(parts)
    except ValueError:
        return None
    return DateGuess(date, f"The publisher's URL is dated {date.display}.", True)


def _dateline(text: str, anywhere: bool = False) -> DateGuess | None:
    """Find the publication date: one alone at the top (above the article), or after 'Published'."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    for n, paragraph in enumerate(paragraphs):
        dates = full_dates(paragraph)
        labelled = _DATELINE.match(paragraph)
        if dates and (labelled or ((anywhere or n < 2) and len(paragraph.split()) <= 12)):
            date = dates[0][0]
            return DateGuess(date, f'The dateline reads "{paragraph}".', True, paragraph)
    return None


def _from_comments(comments: str) -> DateGuess | None:
    dates = sorted(date for date, _ in full_dates(comments))
    if not dates:
        return None
    first, last = dates[0], dates[-1]
    when = first.display if first == last else f"{first.display} to {last.display}"
    return DateGuess(
        PartialDate(first.year, first.month),
        f"Reader comments are dated {when}, so it was published on or before {first.display}.",
        False,
    )


def _new_financial_year(text: str) -> DateGuess | None:
    match = _NEW_FINANCIAL_YEAR.search(text)
    year = _financial_year(text)
    if not match or not year:
        return None
    sentence = sentence_at(text, match.start())
    return DateGuess(
        PartialDate(year.date.year, 4),
        f'"{sentence}" The new financial year, {_fy(year.date.year)}, '
        f"began in April {year.date.year}.",
        False,
    )


def _financial_year(text: str) -> DateGuess | None:
    counts: dict[int, list[re.Match[str]]] = {}
    for match in _FINANCIAL_YEAR.finditer(text):
        year = int(match["year"])
        if int(match["next"]) == (year + 1) % 100:
            counts.setdefault(year, []).append(match)
    if not counts:
        return None
    year = max(counts, key=lambda y: (len(counts[y]), -y))  # the most named, then the earliest
    sentence = sentence_at(text, counts[year][0].start())
    return DateGuess(
        PartialDate(year), f'It concerns the financial year {_fy(year)}: "{sentence}"', False
    )


def _due(text: str) -> DateGuess | None:
    match = _DUE.search(text)
    if not match:
        return None
    year, month = int(match["year"]), _MONTHS.get((match["month"] or "").lower())
    # Something still due in the first months of a year was most likely written about in the year
    # before.
    guess = year - 1 if month and month <= 3 else year
    due = f"{calendar.month_name[month]} {year}" if month else str(year)
    sentence = sentence_at(text, match.start())
    return DateGuess(
        PartialDate(guess),
        f'It was written before {due}, which was still to come: "{sentence}"',
        False,
    )


def _latest_year(text: str) -> DateGuess | None:
    years = [(int(m["year"]), m) for m in _ANY_YEAR.finditer(text)]
    if not years:
        return None
    year, match = max(years, key=lambda pair: pair[0])
    sentence = sentence_at(text, match.start())
    return DateGuess(
        PartialDate(year), f'{year} is the latest year the text names: "{sentence}"', False
    )


def _fy(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def sentence_at(text: str, position: int, limit: int = 300) -> str:
    """Return the sentence of text around a position, whitespace collapsed and cut if long."""
    spans = sentences(text)
    index = bisect_right([start for start, _ in spans], position) - 1
    start, end = spans[index] if index >= 0 else (position, position)
    sentence = " ".join(text[start : max(end, position)].split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def _partly(given: str) -> PartialDate | None:
    """Keep what can be read of a date that is not one: the year and month of 2019-02-31."""
    match = re.match(r"^\s*((?:1[6-9]|20)\d\d)(?:-(\d\d))?", given)
    if not match:
        return None
    if match[2] and 1 <= int(match[2]) <= 12:
        return PartialDate(int(match[1]), int(match[2]))
    return PartialDate(int(match[1]))


def bounds(lifetimes: list[tuple[str, str | None, str | None]]) -> tuple[str, str] | None:
    """The span an undated document must fall in: every department it names existed then.

    Each lifetime is (name, start, end) as the registry gives them (YYYY, YYYY-MM or YYYY-MM-DD);
    returns the span in words and the evidence, or None when nothing bounds it.
    """
    starts = [(PartialDate.parse(start), name) for name, start, _ in lifetimes if start]
    ends = [(PartialDate.parse(end), name) for name, _, end in lifetimes if end]
    if not starts and not ends:
        return None
    low = max(starts, key=lambda pair: pair[0].sort_key) if starts else None
    high = min(ends, key=lambda pair: pair[0].sort_key or 99999999) if ends else None
    if low and high:
        span = f"between {low[0].display} and {high[0].display}"
    elif low:
        span = f"after {low[0].display}"
    else:
        assert high is not None  # with no start found, an end was
        span = f"before {high[0].display}"

    def when(value: str | None, missing: str) -> str:
        return PartialDate.parse(value).display if value else missing

    named = "; ".join(
        f"{name} existed from {when(start, 'an unknown date')} to {when(end, 'now')}"
        for name, start, end in lifetimes
    )
    return span, named
