"""Part a web page's paragraphs and list items that lost the markup between them.

A page whose blocks were taken out without a line between them leaves two paragraphs glued with
no space ("... every student.The agreement incorporates ...") and a list's items inline after
their bullet ("... to achieve:• Continued improvement ...;• Full delivery ..."). Within one
paragraph a sentence's stop is followed by a space, and a bullet opens a line, so either shape
inside a line is a seam the markup held (round 15).
"""

from __future__ import annotations

import re

# a stop closing a word in lower case (or a year) with the next sentence's first word in title
# case straight after it, a word in lower case after that: "student.The agreement", "2013.This
# will"; not a name's parts ("Connect.Act.Change"), nor "?" a page writes for a dash
# ("Asia?Pacific")
_GLUED = re.compile(r"(?:(?<=[a-z]{2}[.!])|(?<=\d{4}[.!]))(?=[A-Z][a-z]*\s+[a-z])")
# a token that is an address or a file's name, where a stop inside is no sentence's end
_ADDRESS = re.compile(r"(?:https?:|www\.|@|\.(?:com|gov|org|net|edu|au)\b|/)", re.IGNORECASE)
# a bullet inside a line (not its first character), before an item's first word in capitals: the
# round bullet, the square one, and the Symbol font's, as a page's text gives them
_INLINE_BULLET = re.compile(r"\s*[•▪\uf0b7\uf0a7]\s*(?=[\"“‘(]?[A-Z0-9])")


def apart(lines: list[str]) -> list[str]:
    """Split each line of a web page at glued paragraphs and inline bullets."""
    out: list[str] = []
    for line in lines:
        out.extend(_bullets_apart(part) for part in _glued_apart(line))
    return [item for part in out for item in part.split("\n") if item.strip()]


def _glued_apart(line: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for seam in _GLUED.finditer(line):
        left = line[: seam.start()].rsplit(" ", 1)[-1]
        token = left + line[seam.start() :].split(" ", 1)[0]
        # a word with a stop inside before the seam is a name's or an address's: "Connect.Act."
        if _ADDRESS.search(token) or _abbreviation(token) or "." in left[:-1]:
            continue
        parts.append(line[start : seam.start()].strip())
        start = seam.start()
    parts.append(line[start:].strip())
    return [part for part in parts if part]


def _abbreviation(token: str) -> bool:
    """Tell a token that is dotted letters or a name's style ("Mr.Smith", "U.S.A.The")."""
    head = token.split(".", 1)[0]
    return head in {"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "No", "vs", "etc"} or bool(
        re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]*", token.rstrip(".!?"))
    )


def _bullets_apart(line: str) -> str:
    """Put each inline bullet's item on a line of its own, opening with "• "."""
    pieces = _INLINE_BULLET.split(line)
    if len(pieces) == 1 or not pieces[0].strip() or re.match(r"^[•▪\uf0b7\uf0a7]", line):
        return line if len(pieces) == 1 else _from_start(line)
    return "\n".join([pieces[0].strip(), *(f"• {piece.strip()}" for piece in pieces[1:])])


def _from_start(line: str) -> str:
    """Split a line that opens with a bullet and holds more: each item on a line of its own."""
    items = [item.strip() for item in re.split(r"[•▪\uf0b7\uf0a7]", line) if item.strip()]
    return "\n".join(f"• {item}" for item in items)
