"""Official numbers printed on a paper's cover or imprint page: Command papers (CP 1224, Cm 9876,
Cmnd 7131), House of Commons and House of Lords papers (HC 123, HL Paper 45) and ISBNs, each with
the line it was read from."""

from __future__ import annotations

import re

_COMMAND = re.compile(
    r"(?<![\w/])(?P<prefix>CP|Cm|Cmnd|Cmd|Cd)\.?\s?(?P<number>\d{1,5})(?![\d/.,]\d)"
)
_COMMONS = re.compile(
    r"(?<![\w/])HC\s?(?:Paper\s)?(?P<number>\d{1,4}(?:-[IVX]{1,4})?)(?![\d/.,]\d)"
)
_LORDS = re.compile(r"(?<![\w/])HL\s?(?:Paper\s)?(?P<number>\d{1,4}(?:-[IVX]{1,4})?)(?![\d/.,]\d)")
_ISBN = re.compile(r"\bISBN(?:-1[03])?:?\s*(?P<number>(?:\d[\s-]?){9}[\dX]|(?:\d[\s-]?){12}\d)\b")
_PREFIX = {"CP": "CP", "Cm": "Cm", "Cmnd": "Cmnd", "Cmd": "Cmd", "Cd": "Cd"}


def official_numbers(lines: list[str]) -> list[tuple[str, str]]:
    """Find official numbers in the first and last pages' lines: (number, the line it is on)."""
    found: dict[str, str] = {}
    for line in lines:
        text = " ".join(line.split())
        if len(text) > 200:
            continue
        for match in _COMMAND.finditer(text):
            found.setdefault(f"{_PREFIX[match['prefix']]} {match['number']}", text)
        for match in _COMMONS.finditer(text):
            found.setdefault(f"HC {match['number']}", text)
        for match in _LORDS.finditer(text):
            found.setdefault(f"HL Paper {match['number']}", text)
        for match in _ISBN.finditer(text):
            digits = re.sub(r"[\s-]", "", match["number"])
            if _isbn_valid(digits):
                found.setdefault(f"ISBN {match['number'].strip()}", text)
    return list(found.items())


def _isbn_valid(digits: str) -> bool:
    """Check an ISBN's check digit: ISBN-10 (weights 10..1, X for 10) or ISBN-13 (weights 1, 3)."""
    if len(digits) == 10:
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        return sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits)) % 10 == 0
    return False
