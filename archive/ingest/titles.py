"""Clean a title of release lines, numbers, datelines and bylines; tell one with none left."""

from __future__ import annotations

import re

from archive.ingest.furniture import _BYLINE, _MONTH, _STATEMENT, _WEEKDAY, furniture_rest, junk

_TITLE_STATEMENT = re.compile(
    rf"\s*(?:[-–—:;,]\s*|\b){_STATEMENT}\s+by\s+(?:the\s+)?(?:acting\w?\s+)?pri\w{{2,3}}\s+mini?s\w{{2,5}}\b.*$",
    re.IGNORECASE,
)
_TITLE_LEAD = re.compile(
    r"^(?:(?:for\s+(?:press|media|release)|media\s+release|press\s+release|embargoed\b[^:-]*)\s*[:;,.-]?\s*"
    r"|(?:p\.?\s*m\.?\s*(?:\.?no\.?\s*)?|no\.?\s*)\d{1,4}\s*/\s*\d{2,4}\s*[:;,.-]?\s*"
    r"|p\.?\s*m\.?\s*(?:\.?no\.?\s*)?/\s*\d{2,4}\s*[:;,.-]?\s*"  # "PM /1965 - ": its figures lost
    r"|joint\s+(?:press\s+statement|media\s+release|statement)(?:\s+with\s+.{0,120}?)?(?:\s*:\s+|\s+[-–]\s+)"
    r"|prime\s+minister\s+(?:and\s+)?minister\s+for\s+\w+\s+(?=\w))+",
    re.IGNORECASE,
)
_TITLE_ANYWHERE = re.compile(
    r"\s*\b(?:p\.?\s*m\.?\s*no\.?\s*|p\.\s*m\.?\s*)\d{1,4}\s*/\s*\d{2,4}\b\s*[:;,.-]?",
    re.IGNORECASE,
)


# "STATEMENT BY THE PRIME MINISTER, MR WILLIAM MCMAHON - RELEASE OF ...": a byline first
_TITLE_BYLINE_FIRST = re.compile(
    rf"^{_STATEMENT}\s+by\s+(?:the\s+)?(?:acting\w?\s+)?pri\w{{2,3}}\s+mini?s\w{{2,5}}\b[^-–—]{{0,60}}\s[-–—]\s+",
    re.IGNORECASE,
)
_TITLE_OPENING = re.compile(
    rf"^(?:{_STATEMENT}\s+by|transcript\s+of)\s+(?:the\s+)?(?:acting\w?\s+)?prime\s+minister\w?[,.]?\s+.{{0,40}}?\bm\.?\s?p\b\.?[,.:;-]?\s+",
    re.IGNORECASE,
)


# "... CENTRES PARLIAMENT HOUSE 19 APRIL 1994": a dateline's place, where no mark parts it off
_PLACE = (
    r"(?:parliament\s+house|canberra|sydney|melbourne|brisbane|perth|adelaide|hobart|darwin)"
    r"(?:,?\s+a\.?\s?c\.?\s?t\.?)?"
)
# A closing dateline: "APPOINTMENTS - 23 JANUARY 1973", "STATE ELECTIONS, 13 NOVEMBER 1977".
_TITLE_DATELINE = re.compile(
    rf"(?:\s*[-–—,:]\s*(?:{_PLACE}[,.]?\s+)*|(?:\s+{_PLACE}[,.]?)+\s+)(?:{_WEEKDAY}[,.]?\s*)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s*(?:19|20)\d\d\.?\s*$",
    re.IGNORECASE,
)
# A piece named with no mark before its byline: "AUSTRALIA DAY MESSAGE BY THE PRIME MINISTER, ..."
# ("... RESULT COMMENT BY THE PRIME MINISTER": a comment is the byline's own word)
_TITLE_PIECE = re.compile(r"\s+(message|address|speech)\s+by\b", re.IGNORECASE)
# "No. 789 - ISSUE OF ...": a release number before the headline
_TITLE_NUMBER = re.compile(r"^(?:p\.?\s*m\.?\s*)?no\.?\s*\d{1,4}\s+[-–—:]\s+", re.IGNORECASE)
# A title that is only a byline: "Joint statement with the Hon Ros Kelly, Minister for Arts, ...".
_TITLE_BYLINE = re.compile(
    r"^joint\s+(?:press\s+|media\s+)?(?:statement|release)\s+(?:with|by)\b(?!.*(?:\s[-–—]\s|:\s))",
    re.IGNORECASE,
)


def clean_title(title: str) -> str:
    """Take release lines and numbers, datelines and a closing "Statement by …" out of a title."""
    cleaned = _TITLE_NUMBER.sub("", _TITLE_LEAD.sub("", title))
    # the byline first, so that what is left is judged as a headline, not as a byline; one ending
    # "MP" before one ending at a dash, which would take a headline's words up to its own dash
    cleaned = _TITLE_BYLINE_FIRST.sub("", _TITLE_OPENING.sub("", cleaned))
    undated = _TITLE_DATELINE.sub("", cleaned)
    if len(undated.split()) >= 1 and undated != cleaned and not furniture_like(undated):
        cleaned = undated
    cleaned = _TITLE_ANYWHERE.sub(" ", cleaned)
    without = _TITLE_STATEMENT.sub("", cleaned)
    piece = _TITLE_PIECE.match(cleaned[len(without) :])
    if piece:  # "AUSTRALIA DAY MESSAGE BY THE PRIME MINISTER": the message is the headline's
        without = f"{without} {piece.group(1)}"
    if len(without.split()) >= 2:
        cleaned = without
    cleaned = " ".join(cleaned.split()).strip(" -–—:;,")
    return cleaned or title


def furniture_like(title: str) -> bool:
    """Tell whether a title still reads as furniture rather than a headline."""
    rest = furniture_rest(title)
    return not rest or junk(rest) or bool(_BYLINE.match(title)) or bool(_TITLE_BYLINE.match(title))


_PHRASE_BREAK = re.compile(r"\s+[-–—]\s+|[:;]\s+|,\s+")
_NAME_ROOM = 80  # characters of title in a file name, as write.slug allows


def whole_phrases(title: str) -> str:
    """Shorten a long title to its first whole phrases, so a file name does not stop mid-phrase."""
    if len(title) <= _NAME_ROOM:
        return title
    cuts = [m.start() for m in _PHRASE_BREAK.finditer(title) if m.start() <= _NAME_ROOM]
    return title[: cuts[-1]] if cuts and cuts[-1] >= 20 else title
