"""An archive's country: the currency its documents count in, and the pound before decimal money."""

from __future__ import annotations

import datetime as dt
import re

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
    """Return the ISO 3166 code a setting or option names, or raise ValueError saying what is allowed."""
    if value is None or not str(value).strip():
        return None
    code = str(value).strip().upper()
    code = ALIASES.get(code, code)
    if not _CODE.match(code) or code not in CURRENCIES:
        known = ", ".join(sorted(CURRENCIES))
        raise ValueError(f"'{value}' is not a country this archive knows; use an ISO 3166 code: {known}")
    return code


def currency_of(country: str | None, on: dt.date | None = None) -> str | None:
    """Return the currency a country's documents of a date count in: AUD, or AUP before 14 February 1966."""
    if country is None:
        return None
    pound = POUNDS.get(country)
    if pound and on is not None and on <= pound[1]:
        return pound[0]
    return CURRENCIES[country]


def is_uk(country: str | None) -> bool:
    return country in (None, "GB")
