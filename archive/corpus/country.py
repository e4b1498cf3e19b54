"""An archive's country: the currency its documents count in, and the pound before decimal money."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# ISO 3166-1 alpha-2 code -> ISO 4217 code of its currency today.
CURRENCIES = {
    "GB": "GBP", "AU": "AUD", "NZ": "NZD", "US": "USD", "CA": "CAD", "IE": "EUR", "ZA": "ZAR",
    "IN": "INR", "SG": "SGD", "HK": "HKD", "JP": "JPY", "CH": "CHF", "CN": "CNY",
    "FR": "EUR", "DE": "EUR", "NL": "EUR", "BE": "EUR", "ES": "EUR", "IT": "EUR", "PT": "EUR",
    "AT": "EUR", "FI": "EUR", "GR": "EUR", "LU": "EUR", "MT": "EUR", "CY": "EUR",
}  # fmt: skip
ALIASES = {"UK": "GB"}  # what people write for the United Kingdom
# Countries whose "£" meant their own pound until they went decimal: (code for it, last day).
# ISO 4217 has no code for the Australian pound: it went out of use on 14 February 1966,
# twelve years before the standard's first edition. AUP is the code the standard's own
# pattern gives (country code + P for pound, as IEP, CYP, MTP), and the one historical
# data sets use; it is in no way confusable with GBP, which is what matters here.
POUNDS = {
    "AU": ("AUP", dt.date(1966, 2, 13)),
    "NZ": ("NZP", dt.date(1967, 7, 9)),
}
POUND_CODES = frozenset(code for code, _ in POUNDS.values()) | {"IEP", "CYP", "MTP"}
_CODE = re.compile(r"^[A-Z]{2}$")


def parse_country(value: str | None) -> str | None:
    """Return the ISO 3166 code a setting or option names.

    Raise ValueError, saying what is allowed, for anything else.
    """
    if value is None or not str(value).strip():
        return None
    code = str(value).strip().upper()
    code = ALIASES.get(code, code)
    if not _CODE.match(code) or code not in CURRENCIES:
        known = ", ".join(sorted(CURRENCIES))
        raise ValueError(
            f"'{value}' is not a country this archive knows; use an ISO 3166 code: {known}"
        )
    return code


def currency_of(country: str | None, on: dt.date | None = None) -> str | None:
    """Return the currency a country's documents of a date count in: AUD; AUP before 14 Feb 1966."""
    if country is None:
        return None
    pound = POUNDS.get(country)
    if pound and on is not None and on <= pound[1]:
        return pound[0]
    return CURRENCIES[country]


def is_uk(country: str | None) -> bool:
    """Tell whether an archive is a UK one: GB, or no country set."""
    return country in (None, "GB")


NAMES = {
    "GB": "the United Kingdom",
    "AU": "Australia",
    "US": "the United States",
    "CA": "Canada",
    "JP": "Japan",
}


@dataclass(frozen=True)
class FiscalYear:
    """When a country's financial year begins, since when, and where that is laid down."""

    first_month: int
    source: str
    since: str | None = None  # YYYY-MM-DD: documents dated before it are not placed by this rule
    by_end_year: bool = False  # named for the year it ends in (FY2024), as Washington does

    def label(self, value: str) -> str:
        """Name a financial year (kept as its starting year, 2023-24) as the country does."""
        if self.by_end_year and value[:4].isdigit():
            return f"FY{int(value[:4]) + 1}"
        return value


# Only rules a statute or the government's own publication confirms; a country not listed has
# no financial-year facet (its documents are counted as unplaced, with that reason).
FISCAL_YEARS = {
    "GB": FiscalYear(
        4,
        "Interpretation Act 1978, Schedule 1: financial year means, for the "
        "Consolidated Fund and moneys provided by Parliament, the twelve months "
        "ending with 31st March",
    ),
    "AU": FiscalYear(
        7,
        "Acts Interpretation Act 1901 (Cth), s 2B: financial year means a period "
        "of 12 months beginning on 1 July",
    ),
    "US": FiscalYear(
        10,
        "31 U.S.C. § 1102: the fiscal year of the Treasury begins on October 1; "
        "so since the Congressional Budget Act of 1974 took effect for FY1977",
        since="1976-10-01",
        by_end_year=True,
    ),
    "CA": FiscalYear(
        4,
        "Financial Administration Act (R.S.C. 1985, c. F-11), s 2: fiscal year "
        "means the period beginning on April 1 and ending on March 31",
    ),
    "JP": FiscalYear(
        4,
        "Public Finance Act (Act No. 34 of 1947), art. 11: the fiscal year of the "
        "State begins on 1 April and ends on 31 March",
    ),
}


def fiscal_year(country: str | None) -> FiscalYear | None:
    """Return a country's financial-year rule (the UK's where no country is set), or None."""
    return FISCAL_YEARS.get(country or "GB")


def home_country(country: str | None) -> str:
    """Return the archive's country, GB where none is set (an archive was always a UK one)."""
    return country or "GB"


# The pounds of countries that have since gone decimal, named as their pages name them.
POUND_NAMES = {"AUP": "Australian pounds (A£)", "NZP": "New Zealand pounds (NZ£)"}


def money_in(currency: str) -> str:
    """Name what a currency's amounts are counted in: "pounds" for sterling, "A$" for AUD."""
    from archive.corpus.amounts import SYMBOLS

    if currency == "GBP":
        return "pounds"
    return POUND_NAMES.get(currency) or SYMBOLS.get(currency, currency)


def money_phrase(currency: str) -> str:
    """Say "largest ..." of a currency: "pound amount" for sterling, "amount in A$" for others."""
    return "pound amount" if currency == "GBP" else f"amount in {money_in(currency)}"
