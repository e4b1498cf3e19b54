"""Take a joint release's parties and offices, a release number and escaped characters off a title.

Round 14's title shapes, each seen on the development samples and checked on every title of the
collection (docs/names-round14.md):

- a character escaped as the web page wrote it: "INDONESIA&#146;S AGREEMENT", "PRIME MINISTER
  &amp; PREMIER" (code 146 is the Windows-1252 apostrophe, as HTML reads it);
- a release number or a kind before the headline: "75/1965 - LORD WARDEN ...", "PRESS
  STATEMENT: MOTOR VEHICLE AIR POLLUTION", "Press Statement 321 - Industries ...";
- the second party of a joint statement, left when the first was taken off: "AND THE MINISTER
  FOR FAMILY SERVICES THE HON WARWICK SMITH MP BUSINESS ROUND TABLE ...";
- a joint media release's minister and name before a headline that has its own colon or dash:
  "Joint Media Release with the Minister for Infrastructure ..., Anthony Albanese, First Meeting
  of ...: A New Partnership ...";
- the offices and the date after a web page's headline: "First home completed in Victoria ...
  Prime Minister Minister for Housing Victorian Minister for Housing 26 July 2009".
"""

from __future__ import annotations

import html
import re

from archive.ingest.titletails import _PLACE, place_off

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_ESCAPED = re.compile(r"&(?:#\d{2,4}|#x[0-9a-fA-F]{2,4}|[a-zA-Z]{2,6});")
# "75/1965 - ": a release's number and year; "PRESS STATEMENT: ", "PRESS STATEMENT NO 321 - "
_NUMBER_LEAD = re.compile(
    r"^(?:press\s+statement(?:\s+(?:no\.?\s*)?\d{1,4})?\s*(?::|\s[-–—])\s*"
    r"|\d{1,4}[a-z]?\s*/\s*(?:19|20)?\d\d\s+[-–—]\s+)(?=\S)",
    re.IGNORECASE,
)
_OFFICE = r"(?:minister|treasurer|attorney-general|premier|senator|parliamentary\s+secretary)"
# "AND THE MINISTER FOR FAMILY SERVICES THE HON WARWICK SMITH MP ": a joint statement's second party
_SECOND_PARTY = re.compile(
    rf"^and\s+(?:the\s+)?{_OFFICE}\b.{{0,80}}?\bm\.?\s?p\b\.?[,:;-]?\s+(?=\S)", re.IGNORECASE
)
# "Joint Media Release with the Minister for ..., Anthony Albanese, ": its party, office then name
_JOINT_WITH = re.compile(
    rf"^(?i:joint\s+(?:(?:media|press)\s+)?(?:release|statement)\s+with\s+(?:the\s+)?(?:hon\.?\s+)?"
    rf"{_OFFICE}\b[^,:;]{{0,100}},\s+(?:the\s+hon\.?\s+)?(?:(?:dr|senator)\s+)?)"
    # the holder's name in small letters after its capital: a title in capitals is left alone
    r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}(?:,?\s+MP)?(?:,\s+|\s+[-–—]\s+)(?=[A-Z0-9‘'\"$])"
)
# "... Prime Minister Minister for Housing Victorian Minister for Housing 26 July 2009": offices
# (capitalised words and their links only) between a headline and its date
_OFFICES_DATED = re.compile(
    r"\s+(?:Prime\s+Minister|Treasurer|Minister\s+for)\b(?:\s+(?:[A-Z][\w'’,-]*|for|and|of|the|&))*"
    rf"\s+\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d\s*$"
)


def unescaped(title: str) -> str:
    """Return a title with the characters a web page escaped written out."""
    return html.unescape(title) if _ESCAPED.search(title) else title


def number_off(title: str) -> str:
    """Take a release's number or kind, or a joint release's minister, off a title's front."""
    title = _NUMBER_LEAD.sub("", title)
    headline = _JOINT_WITH.sub("", title)
    if headline == title:
        return title
    # "..., Julia Gillard, New National Employment Standards Released, Parliament House Canberra":
    # a capital city closing it is a dateline (a repeated word may be the headline's own: "... a
    # New Partnership with Local Government")
    placed = place_off(headline)
    return placed if re.search(rf"\b{_PLACE}\W*$", headline, re.IGNORECASE) else headline


def parties_off(title: str) -> str:
    """Take a joint release's other party, or its offices before a date, off a title."""
    title = _SECOND_PARTY.sub("", title)
    head = _OFFICES_DATED.sub("", title)
    return head if len(head.split()) >= 3 else title
