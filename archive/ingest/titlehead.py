"""Find a release's headline in its text where the record's title is only a byline."""

from __future__ import annotations

import re

from archive.ingest.boilerplate import normalise
from archive.ingest.bylines import issuer_only, scanned_byline
from archive.ingest.titles import clean_title, furniture_like

_HEAD_LINES = 10  # a headline stands among the text's first lines, above its first sentence
_MOST_WORDS = 16  # a line in capitals longer than this is a sentence
_BLOCK_WORDS = 45  # a byline and a headline together, wrapped over lines
_CAPITALS = 0.8  # the share of capitals among a line's letters for it to read as a heading
_ISSUER_WORD = re.compile(r"\b(?:by|from|with)\b", re.IGNORECASE)
_SHORT_TOKEN = 2  # letters: a scan's debris is short tokens ("Z T -H S ); TH AFRICA")
_MOST_SHORT = 0.4
# a byline's name on its own line under it: "MR.-WILLIAM McMAHON", "THE HON P. J. KEATING, MP"
_NAME_LINE = re.compile(
    r"^(?:th\w?e\s+)?(?:mrs?|ms|sir|dr|senator|(?:rt\.?\s+|right\s+)?hon(?:ourable)?)\b[\w\s.,'’-]*$",
    re.IGNORECASE,
)
_NAME_WORDS = 8
# what a joint statement's byline goes on with: its other party ("AND THE WA ACTING PREMIER, MR
# PARKER", "QUEENSLAND PREMIER, WAYNE GOSS", "NATIONAL SECRETARY OF THE ... ASSOCIATION")
_OFFICE = re.compile(
    r"\b(?:premier|minister|mayor|secretary|treasurer|president|chairman|leader)\b", re.IGNORECASE
)
_AND_OPEN = re.compile(r"^(?:and|&|of)\b", re.IGNORECASE)
_OPEN_END = re.compile(r"\b(?:and|&|of|to|on|the|for|with|prime)$", re.IGNORECASE)
# a byline's name with what follows it: "MR. JOHN GORTON, FOR NATIONAL HEART WEEK"
_NAMED_OPEN = re.compile(
    r"^(?:mrs?|ms|dr|sir|senator|the\s+hon)\.?\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3},",
    re.IGNORECASE,
)
_PARTY_OPEN = re.compile(
    r"^(?:the)\b|^(?:\S+\s+){0,2}(?:premier|minister|secretary|mayor|president)\s+(?:of|for|to)\b",
    re.IGNORECASE,
)
_NAMED_END = re.compile(
    r"(?:,\s*(?:(?:mrs?|ms|dr|sir|the\s+hon)\.?\s+)?[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+)?|\bm\.?\s?p\.?)$"
)


def _capitals(line: str) -> float:
    letters = [c for c in line if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def _heading(line: str) -> bool:
    """Tell a line set in capitals, short enough for a heading or a byline."""
    return 1 <= len(line.split()) <= _MOST_WORDS and _capitals(line) >= _CAPITALS


def _byline(line: str) -> bool:
    """Tell who issued the release: "STATEMENT BY ...", "FROM THE ...", "JOINT STATEMENT WITH"."""
    return scanned_byline(line) or bool(furniture_like(line) and _ISSUER_WORD.search(line))


def _debris(line: str) -> bool:
    tokens = line.split()
    short = sum(len(re.sub(r"[^A-Za-z]", "", t)) <= _SHORT_TOKEN for t in tokens)
    return short > _MOST_SHORT * len(tokens)


def text_headline(text: str) -> str | None:
    """Return the headline set under the byline that opens a text, if it has one.

    The byline and the lines in capitals under it, down to the first sentence, are read as one
    title and cleaned as a record's title is ("STATEMENT BY THE PRIME MINISTER, THE HON P J
    KEATING MP ANTARCTIC POLICY" is "ANTARCTIC POLICY"); what is left must read as a headline.
    A text whose prose begins before any byline has none to find.
    """
    lines = [" ".join(line.split()) for line in normalise(text).split("\n")]
    lines = [line for line in lines if line][:_HEAD_LINES]
    start = next((i for i, line in enumerate(lines) if _byline(line)), None)
    if start is None or any(not _heading(line) for line in lines[:start]):
        return None
    end = start + 1
    while end < len(lines) and _heading(lines[end]):
        end += 1
    if end >= len(lines) or end == start + 1:
        return None  # no prose under it to end the block, or nothing under the byline
    block = " ".join(lines[start:end])
    if len(block.split()) > _BLOCK_WORDS:
        return None
    title = clean_title(block)
    if title == block or furniture_like(title):
        title = _under(lines[start:end])  # a byline the cleaning leaves whole: "... MINISTER"
    if not title or furniture_like(title) or _debris(title) or _NAMED_OPEN.match(title):
        return None
    return title


def _under(block: list[str]) -> str:
    """Return the lines under a byline that names only who issued it, and their name line."""
    k = 1
    while k < len(block) and (
        issuer_only(" ".join(block[: k + 1]))
        or (_NAME_LINE.match(block[k]) and len(block[k].split()) <= _NAME_WORDS)
    ):
        k += 1
    if k == len(block) or not (issuer_only(block[0].rstrip(" ,")) or scanned_byline(block[0])):
        return ""
    head = " ".join(block[k:])
    if _AND_OPEN.match(head) or _OPEN_END.search(block[k - 1]):
        return ""  # the byline going on: "... AND THE PRESIDENT" / "OF THE ACTU, MR DOLAN"
    if _OFFICE.search(head) and (_PARTY_OPEN.match(head) or _NAMED_END.search(head)):
        return ""  # the byline's other party, not a headline
    if _NAMED_END.search(head) and _NAME_LINE.match(head):
        return ""
    return clean_title(head)
