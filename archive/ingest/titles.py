"""Clean a title of release lines, numbers, datelines and bylines; tell one with none left."""

from __future__ import annotations

import re

from archive.ingest.bylines import issuer_only
from archive.ingest.furniture import (
    _BYLINE,
    _DATE,
    _MONTH,
    _STATEMENT,
    _WEEKDAY,
    furniture_rest,
    junk,
)
from archive.ingest.titlejoint import number_off, parties_off, unescaped
from archive.ingest.titlekinds import kind_lead_off, kind_tail_off, web_place_off
from archive.ingest.titletails import (
    _TITLE_DATELINE,
    byline_off,
    dash_issuer_off,
    lead_byline_off,
    place_off,
)

_TITLE_STATEMENT = re.compile(
    rf"\s*(?:[-–—:;,]\s*|\b)(?:{_STATEMENT}|sta?t[a-z]{{0,2}}m[a-z]{{1,4}})\s+by\s+(?:t[he]{{2}}\s+)?(?:acting\w?\s+)?pri\w{{2,3}}\s*mini?s\w{{2,5}}\b.*$"
    # another minister's, after a dash: "... - STATEMENT BY THE MINISTER FOR EXTERNAL AFFAIRS"
    rf"|\s*[-–—:]\s*{_STATEMENT}\s+by\s+the\s+(?:acting\s+)?minister\s+for\s+"
    r"[A-Z][A-Za-z ,&'-]{2,60}$",
    re.IGNORECASE,
)
# A date before the headline: "8TH DECEMBER 1961 - AUSTRALIAN REPRESENTATION AT ..."
_TITLE_DATE_FIRST = re.compile(
    rf"^\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s*(?:19|20)\d\d\s*[-–—:]\s+", re.IGNORECASE
)
# An embargo's time and date, however written: "EMBARGOED UNTIL 6.00AM, 1 JANUARY 1997 ...",
# "(EMBARGOED 6 AM 1/1/97)", "EMBARGOED FOR THURSDAY MORNING PAPERS"
_WHEN = (
    rf"(?:\d{{1,2}}(?:[.:]\s?\d\d)?\s*[ap]\.?\s?m\b\.?|{_DATE}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|{_WEEKDAY}"
    r"|(?:morning|evening|afternoon)(?:\s+papers)?|midnight|midday|noon|est|aest|hours)"
)
_EMBARGO_HEAD = re.compile(
    rf"^(?:strict\s+)?embargo(?:ed)?\b\s*:?\s*(?:(?:until|till|for|to|before|not)\s+)?"
    rf"(?:{_WHEN}(?:[\s,.:;-]+|$))+",
    re.IGNORECASE,
)
_EMBARGO_TAIL = re.compile(r"\s*\(\s*embargo(?:ed)?\b[^()]*\)?\s*$", re.IGNORECASE)
_TITLE_LEAD = re.compile(
    r"^(?:(?:for\s+(?:the\s+)?(?:press|media|release)|media\s+release|press\s+release)\s*[:;,.-]?\s*"
    # "PM No. 31/1959", however typed or scanned: "P.M NO,11/1961", "PM . NO 43/1968",
    # "P.N.NO. 68/1962", "P/M NO. 4/1967", "PM No 90A/1966"
    r"|(?:p\s*[./]?\s*[mn]\.?\s*(?:\.?\s*n[op]\s*[.,]?\s*)?|no\.?\s*)\d{1,4}[a-z]?\s*/\s*\d{2,4}\s*[:;,.-]?\s*"
    r"|p\.?\s*m\.?\s*(?:\.?no\.?\s*)?/\s*\d{2,4}\s*[:;,.-]?\s*"  # "PM /1965 - ": its figures lost
    r"|joint\s+(?:(?:press|media)\s+)?(?:statement|release)(?:\s+with\s+.{0,120}?)?(?:\s*:\s+|\s+[-–]\s+)"
    r"|prime\s+minister\s+(?:and\s+)?minister\s+for\s+\w+\s+(?=\w)"
    # a web page's office and kind before its headline: "Prime Minister Media Release Australia ..."
    # ("JOINT PRESS STATEMENT BY ...", in capitals, is a byline: a headline here has small letters)
    r"|(?:prime\s+minister\s+)?(?:joint\s+)?(?:media|press)\s+(?:release|statement)\s+(?=(?-i:[A-Z][a-z])))+",
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


# A joint release's offices before its headline: "Prime Minister Minister for Health Member for
# Longman New affordable homes ...", "Joint Media Release with the Minister for Sport, Jane Doe,
# Australian Team set for ..."
_OFFICES_OPEN = re.compile(
    r"^(?:joint\s+(?:media|press)\s+(?:release|statement)\s+with\b,?|prime\s+minister\b)",
    re.IGNORECASE,
)
_OFFICE_HEAD = re.compile(
    r"^(?:(?:deputy\s+)?prime\s+minister\b|(?:assistant\s+)?treasurer\b|attorney-general\b"
    r"|special\s+minister\s+of\s+state\b|minister\s+(?:for|of)\b|premier\s+of\b"
    r"|parliamentary\s+secretary\s+(?:for|to)(?:\s+the)?(?:\s+minister\s+for)?\b"
    r"|member\s+for\b|senator\b|chief\s+minister\s+of\b"
    r"|minister\s+assisting\s+(?:the\s+)?(?:prime\s+|finance\s+)?minister(?:\s+(?:for|on))?\b)",
    re.IGNORECASE,
)
_STYLES_BEFORE = {"Dr", "Hon", "Senator"}
_STATE = re.compile(
    r"^\s*(?:the\s+)?(?:New\s+South\s+Wales|Victoria|Queensland|South\s+Australia|Western\s+Australia"
    r"|Tasmania|Northern\s+Territory|Australian\s+Capital\s+Territory)\b,?"
)
_PARTED = re.compile(r"\s[-–]\s|:\s")
_JOINERS = {",", ";", "-", "–", "and", "&", "the", "with"}
_LINKS = {"and", "&", "of", "the"}  # inside a portfolio: "Families, Housing and Community Services"
_BARE_DATE = re.compile(rf"\s+\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d\s*$", re.IGNORECASE)


def offices_off(title: str) -> str:
    """Take a joint release's offices (and their holders' names) off the front of its title."""
    opening = _OFFICES_OPEN.match(title)
    # a mark parting the offices from the headline ("... MP - The Textile ...") is the lead's rule's
    if not opening or (opening.group()[:1] in "Jj" and _PARTED.search(title)):
        return title
    rest = title[opening.end() :]
    taken = False
    while True:
        trimmed = rest.lstrip(" ,;-–")
        word = trimmed.split(" ", 1)[0].lower() if trimmed else ""
        if word in _JOINERS:
            rest = trimmed[len(word) :]
            continue
        head = _OFFICE_HEAD.match(trimmed)
        if not head:
            holder = _HOLDER.match(trimmed)  # "Damian Hale MP ...", "the Hon Jane Doe MP ..."
            if holder and re.search(r"\b(?:MP|MLA|MHA|MLC)\b", holder.group()):
                rest, taken = trimmed[holder.end() :], True
                continue
            break
        rest, taken = _holder_off(trimmed[head.end() :], head.group().lower()), True
    headline = rest.strip(" ,;-–")
    if not taken or len(headline.split()) < 2 or headline[:1].islower():
        return title
    return place_off(_BARE_DATE.sub("", _TITLE_DATELINE.sub("", headline)))


def _holder_off(rest: str, head: str) -> str:
    """Take an office's portfolio or place, and its holder's name, off the front of the rest."""
    state = _STATE.match(rest)
    if head.endswith(" of") and state:  # "Premier of New South Wales Blacktown Hospital ..."
        rest = rest[state.end() :]
        head = "premier"
    tokens = rest.split()
    n = 0
    if head.endswith(("for", "of", "to")) or head == "senator":
        # "Infrastructure, Transport and Regional Development", "the Status of Women", "Longman"
        while n < len(tokens) and (tokens[n][:1].isupper() or tokens[n] in ("&", "the")):
            if n and _OFFICE_HEAD.match(" ".join(tokens[n : n + 4])):
                break  # the next office: "Employment Participation Senator Jane Doe; ..."
            n += 1
            if tokens[n - 1].endswith((",", ";")):
                if (
                    n + 2 < len(tokens)
                    and tokens[n + 2][:1].islower()
                    and tokens[n + 1][-1:].isalpha()
                    and not {tokens[n + 1].lower(), tokens[n + 2].lower()} & _LINKS
                ):
                    break  # ", Artwork Unveiled to Mark ...": a headline goes on in small words
                if _name_at(tokens, n):  # "Forestry, Tony Burke Visit to ...": its holder
                    n = _past_name(tokens, n)
                    break
                continue
            if n < len(tokens) and tokens[n].lower() in _LINKS:
                after = tokens[n + 1] if n + 1 < len(tokens) else ""
                if n >= 2 and tokens[n] == "the" and tokens[n - 1].endswith("ing"):
                    n -= 1  # "Minister for Health Building the GP Plus ...": a headline's verb
                    break
                if n >= 2 and after[:1].islower() and after.lower() not in _LINKS:
                    # "Member for Longman Jobs and apprenticeships on offer ...": a portfolio's
                    # words after its link are in capitals; these are the headline's
                    n -= 1
                    break
                n += 1
                continue
            if not _goes_on(tokens, n):
                break
    elif rest.startswith(",") and _name_at(tokens[0:1] and [tokens[0].lstrip(",")] + tokens[1:], 0):
        n = _past_name(
            [tokens[0].lstrip(",")] + tokens[1:], 0
        )  # "Treasurer, Wayne Swan Additional"
    rest = " ".join(tokens[n:])
    # the holder: ", Jane Doe," or "Jane Doe" before "and" another office, "Jane Doe MP"
    name = _HOLDER.match(rest)
    return rest[name.end() :] if name else rest


def _past_name(tokens: list[str], n: int) -> int:
    """Return where a holder's name ends: its style, two words, a member's letters."""
    if tokens[n].rstrip(".") in _STYLES_BEFORE:
        n += 1
    n += 2
    if n < len(tokens) and tokens[n].strip(",") in ("MP", "MLA", "MHA", "MLC"):
        n += 1
    return n


def _goes_on(tokens: list[str], n: int) -> bool:
    """Tell a portfolio of several words: words in capitals up to a comma, a link or an office."""
    for i in range(n, min(n + 3, len(tokens))):
        if not tokens[i][:1].isupper():
            return False
        if (
            tokens[i].endswith((",", ";"))
            or (i + 1 < len(tokens) and tokens[i + 1].lower() in _LINKS)
            # "Regional Health $70.1 million for ...": the headline opens with an amount
            or (i + 1 < len(tokens) and tokens[i + 1][:1] in "$0123456789")
            or _OFFICE_HEAD.match(" ".join(tokens[i + 1 : i + 4]))
        ):
            return True
    return False


def _name_at(tokens: list[str], n: int) -> bool:
    """Tell a holder's name, two words in capitals, at this place ("Industry, Science" is none)."""
    if n < len(tokens) and tokens[n].rstrip(".") in _STYLES_BEFORE:
        n += 1
    pair = tokens[n : n + 2]
    return (
        len(pair) == 2
        and not pair[0].endswith((",", ";"))
        and all(t[:1].isupper() and t.strip(",;").replace("'", "").isalpha() for t in pair)
    )


_HOLDER = re.compile(
    r"^,?\s*(?:the\s+hon\.?\s+)?(?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+"
    r"(?:\s+(?:MP|MLA|MHA|MLC)\b,?|\s*,|(?=\s+and\b))"
)


# A web page's office, headline and date run together: "Prime Minister Increased civilian effort in
# Afghanistan 24 April 2010", in small letters (the office alone before an undated headline may
# be its subject: "Prime Minister Opens the Bendigo Bank", "PRIME MINISTER TO VISIT - 30 APRIL")
_OFFICE_DATED = re.compile(
    rf"^(?-i:Prime\s+Minister\s+(?=[A-Z][a-z]))(?=.*\w\s+\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d\s*$)",
    re.IGNORECASE,
)


def clean_title(title: str) -> str:
    """Take release lines and numbers, datelines and a closing "Statement by …" out of a title."""
    title = offices_off(number_off(unescaped(title)))
    undated = _OFFICE_DATED.sub("", title)
    if undated != title:
        title = _BARE_DATE.sub("", _TITLE_DATELINE.sub("", undated))
    cleaned = _TITLE_DATE_FIRST.sub("", _TITLE_NUMBER.sub("", _TITLE_LEAD.sub("", title)))
    unembargoed = _EMBARGO_TAIL.sub("", _EMBARGO_HEAD.sub("", _TITLE_LEAD.sub("", cleaned)))
    # an embargo with nothing after it is all the title says: it stays, to be flagged as such
    cleaned = unembargoed if unembargoed.strip(" -–—:;,.") else cleaned
    # the byline first, so that what is left is judged as a headline, not as a byline; one ending
    # "MP" before one ending at a dash, which would take a headline's words up to its own dash
    cleaned = _TITLE_BYLINE_FIRST.sub("", _TITLE_OPENING.sub("", cleaned))
    cleaned = parties_off(lead_byline_off(cleaned))  # "... MP AND THE MINISTER FOR ... MP ..."
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
    # what the rule above leaves: another office's byline, a tribute's, a message's, a joint one's
    cleaned = dash_issuer_off(byline_off(cleaned))
    cleaned = " ".join(cleaned.split()).strip(" -–—:;,")
    cleaned = web_place_off(kind_tail_off(kind_lead_off(cleaned)))
    cleaned = " ".join(cleaned.split()).strip(" -–—:;,")
    return cleaned or title


def furniture_like(title: str) -> bool:
    """Tell whether a title still reads as furniture rather than a headline."""
    rest = furniture_rest(title)
    return (
        not rest
        or junk(rest)
        or bool(_BYLINE.match(title))
        or bool(_TITLE_BYLINE.match(title))
        # "FROM THE ACTING PRIME MINISTER, MR LIONEL BOWEN", with or without its closing date
        or issuer_only(_TITLE_DATELINE.sub("", title))
    )


_PHRASE_BREAK = re.compile(r"\s+[-–—]\s+|[:;]\s+|,\s+")
_NAME_ROOM = 80  # characters of title in a file name, as write.slug allows


def whole_phrases(title: str) -> str:
    """Shorten a long title to its first whole phrases, so a file name does not stop mid-phrase."""
    if len(title) <= _NAME_ROOM:
        return title
    cuts = [m.start() for m in _PHRASE_BREAK.finditer(title) if m.start() <= _NAME_ROOM]
    return title[: cuts[-1]] if cuts and cuts[-1] >= 20 else title
