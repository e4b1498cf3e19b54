"""Review points: dates that disagree or cannot be read, doubtful money, furniture titles."""

from __future__ import annotations

from archive.corpus.amounts import Amount, doubtful_amounts
from archive.corpus.parse import PartialDate
from archive.ingest.dating import DateGuess, full_dates
from archive.ingest.titles import furniture_like

SUSPICIOUS_FROM = (
    10**12
)  # a trillion or more in one announcement is more often a misreading than money
_DATELINE_WORDS = (
    12  # a closing "CANBERRA, 9th January, 1963" is short; a sentence naming a date is not
)


def date_points(
    given: str | None, given_by: str, guess: DateGuess, text: str, lead: list[str]
) -> list[str]:
    """Say when a given date cannot be read, or a dateline in the text gives another date."""
    points = []
    if given:
        try:
            PartialDate.parse(given)
        except ValueError:
            points.append(
                f"{given_by.removeprefix('The ').removesuffix(' gives')} gives the date '{given}', "
                f"which cannot be read: {guess.date.iso} is used instead, check it"
            )
            return points
    if not guess.sure:
        return points
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    datelines = lead + paragraphs[-2:]
    for line in datelines:
        if len(line.split()) > _DATELINE_WORDS:
            continue
        for date, _ in full_dates(line):
            if not _agrees(date, guess.date):
                points.append(
                    f'the text is dated {date.display} ("{line}") but the date given is '
                    f"{guess.date.display}: check which is right"
                )
                return points
    return points


def _agrees(found: PartialDate, given: PartialDate) -> bool:
    return (
        found.year == given.year
        and (given.month is None or found.month == given.month)
        and (given.day is None or found.day == given.day)
    )


def amount_points(text: str, amounts: tuple[Amount, ...]) -> list[str]:
    """Point out money glued to letters (not read) and amounts too large to be likely."""
    points = [
        f'"{doubt}" looks like money with a scanning error and is not read as an amount: '
        f"add it by hand under amounts: if it is one"
        for doubt in dict.fromkeys(doubtful_amounts(text))
    ]
    for amount in amounts:
        if amount.value >= SUSPICIOUS_FROM:
            points.append(
                f'"{amount.text}" is read as {amount.value:,} {amount.currency}: '
                f'check it ("{amount.sentence}")'
            )
    return points


def placeholder(title: str) -> bool:
    """Tell a record's stand-in for a title it did not have: "UNKNOWN", "Untitled"."""
    return title.strip().lower() in ("unknown", "untitled", "no title", "none")


def title_points(title: str) -> list[str]:
    """Point out a title that is no headline: furniture, or a placeholder such as "UNKNOWN"."""
    if placeholder(title):
        return [f'the title "{title}" is a placeholder, not a headline: write one']
    if furniture_like(title):
        return [f'the title "{title}" looks like a release line, not a headline: write one']
    return []
