"""Take a byline naming only who issued a release off the end of its title; tell a dateline."""

from __future__ import annotations

import difflib
import re
from collections import Counter

from archive.ingest.bylines import issuer_only, joint_like, kind_like
from archive.ingest.furniture import _MONTH, _WEEKDAY

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


# Where a byline may open at the end of a title: "... - STATEMENT BY THE CHAIRMAN (RT. HON. ...)",
# "... TRIBUTE FROM THE PRIME MINISTER, MR HAROLD HOLT", "... MESSAGE TO AUSTRALIA FROM THE PRIME
# MINISTER THE RT. HON. JOHN MCEWEN", "... Joint Media Release with the Minister for Defence"
_KIND = r"(?:statement|release|message|comments?|tribute|remarks)"
_TAIL_OPEN = re.compile(
    rf"(?P<sep>\s+[-–—]\s+|\s*\(\s*|[.,]?\s+)(?=(?P<kind>(?:joint\s+)?(?:(?:press|media)\s+)?{_KIND}\s+)?"
    r"(?:(?:issued|released|distributed|delivered)\s+)?(?:by|from)\s"
    rf"|(?P<joint>joint\s+(?:(?:press|media)\s+)?{_KIND}\s+with\s))",
    re.IGNORECASE,
)
_STYLED = re.compile(r"\b(?:mr|mrs|ms|sir|dr|senator|rt|hon|honourable|m\.?\s?p)\b", re.IGNORECASE)
_OFFICE = re.compile(r"\b(?:prime\s+minister|minister|treasurer|premier|chairman)\b", re.IGNORECASE)
# a head that stops inside its own phrase: "COMMENT BY ... ON", "JOINT PRESS"
_OPEN_END = re.compile(r"\b(?:on|to|of|at|for|about|and|in|the|joint|press|media)$", re.IGNORECASE)
_KIND_END = re.compile(rf"\b{_KIND}$", re.IGNORECASE)
_PIECE = re.compile(r"^(message|address|speech)\b", re.IGNORECASE)
_KIND_ONLY = re.compile(
    rf"^(?:a\s+|the\s+)?(?:joint\s+)?(?:(?:press|media)\s+)?{_KIND}$", re.IGNORECASE
)


def byline_off(title: str) -> str:
    """Take a byline naming only who issued the release off the end of a title."""
    for opening in _TAIL_OPEN.finditer(title):
        head = title[: opening.start()].strip(" -–—:;,(")
        last = head.rsplit(None, 1)
        if len(last) == 2 and not opening.group("sep").strip() and kind_like(last[1]):
            # "... WARD SATATEMENT BY THE PRIME MINISTER, ...": a kind however scanned
            head = last[0].strip(" -–—:;,(")
        # a head of one word will do ("DROUGHT - STATEMENT BY ..."), of one article or figure not
        if (
            not re.search(r"(?![ ]*(?:a|an|the)\b)[^\W\d_]{2}", head, re.IGNORECASE)
            or _KIND_ONLY.match(head)
            or _OPEN_END.search(head)
            or _KIND_END.search(head)
            or joint_like(head.rsplit(None, 1)[-1])  # "JONT STATEMENT BY ...": a joint one
        ):
            continue
        tail = _TITLE_DATELINE.sub("", title[opening.end() :]).strip(" ()+.,;")
        tail = re.sub(
            r"\b(?:issued|released|distributed|delivered)\s+(?=(?:by|from)\b)",
            "",
            tail,
            count=1,
            flags=re.IGNORECASE,
        )
        # a holder in brackets is a holder after a comma: "CHAIRMAN (RT. HON. HAROLD HOLT, MP)"
        tail = re.sub(r"\s*[()]\s*", ", ", tail).strip(" ,")
        if opening.group("joint"):  # "with" is a joint release's word for its other issuers
            tail = re.sub(r"\bwith\b", "by", tail, count=1, flags=re.IGNORECASE)
        elif not opening.group("kind") and not opening.group("sep").strip():
            # "VISIT OVERSEAS BY THE PRIME MINISTER", "ANSWERS FROM MR HAWKE": after a plain
            # space, "by" an office alone or a name alone is the headline's own; a byline there
            # names an office and its holder
            if not (_STYLED.search(tail) and _OFFICE.search(tail)):
                continue
        if issuer_only(tail):
            piece = _PIECE.match(tail) if not opening.group("sep").strip() else None
            # "AUSTRALIA DAY MESSAGE FROM THE PRIME MINISTER, ...": the message is the headline's
            return f"{head} {piece.group(1)}" if piece else head
    return title


# A byline before the headline, however scanned, with no mark after it: "STATEMENT BY THE PRIME
# MINSTER, THE HON P J KEATING MP FEDERAL GOVERNMENT TO ...", "STATEMENT BYT THE PRIME MINISTER
# THE HON PJ KEATING MP THE WIK ...", "STATEMENT BY THE PRIME MINISTER, THE HON P.J. KEATING
# COMMONWEALTH RESPONSE ...": the kind, "by", an office, and its holder, who is styled
_LEAD_KIND = re.compile(r"^(?P<kind>[A-Za-z]{5,12})\s+by[a-z]?\s+", re.IGNORECASE)
_LEAD_OFFICE = re.compile(
    r"^(?:the\s+)?(?:(?:acting|deputy)\s+)?"
    r"(?:pri\w{1,3}\s*mi\w{3,6}|chairman(?:\s+of\s+the(?:\s+[A-Z]\w+){1,4})?)"
    r"(?:,?\s+(?:the\s+)?pri\w{1,3}\s*mi\w{3,6})?[,.]?\s+",
    re.IGNORECASE,
)
_LEAD_STYLE = re.compile(
    r"^(?:the\s+)?(?:(?:rt\.?|right)\s+)?h[oi][nw]\.?\s+|^(?:mr|sir|senator)\.?\s+", re.IGNORECASE
)
_OPEN_START = re.compile(r"^(?:on|at|in|to|after|about|for|of|and)\b", re.IGNORECASE)
_MEMBER = re.compile(r"^b?m\.?\s?p\.?,?$", re.IGNORECASE)


def lead_byline_off(title: str) -> str:
    """Take a styled holder's byline off the front of a title, where no mark parts it off."""
    kind = _LEAD_KIND.match(title)
    if not kind or not kind_like(kind.group("kind")):
        return title
    rest = title[kind.end() :]
    office = _LEAD_OFFICE.match(rest)
    style = _LEAD_STYLE.match(rest[office.end() :]) if office else None
    if not office or not style:
        return title
    tokens = rest[office.end() + style.end() :].split()
    member = next((n for n, t in enumerate(tokens[:5]) if _MEMBER.match(t)), None)
    if member is not None:
        n = member + 1
    else:  # initials then a surname ("P J KEATING", "P.J. KEATING"), or a name and a surname
        n = 0
        while n < len(tokens) - 1 and (len(tokens[n].strip(".,")) <= 2 or "." in tokens[n][:-1]):
            n += 1
        n += 1 if n else 2
    head = " ".join(tokens[n:]).lstrip(" ,:;-–—")
    # "..., MR WILLIAM MCMAHON, ON THE AUSTRALIAN DOLLAR": the statement's subject, not a headline
    if len(head.split()) < 2 or _OPEN_START.match(head):
        return title
    return head


# A web page's closing dateline after a joint release's offices and headline, a place and perhaps
# its day with no year: "... Keeping Cairns Working Cairns", "... care in Bathurst Bathurst 9
# November", "... elective surgery Brisbane". The place repeats a word of the headline or is a
# capital city, and no word that leads to a place stands before it ("... the people of Fremantle").
_PLACE_TAIL = re.compile(
    rf"^(?P<head>.*?\S)\s+(?P<place>[A-Z][a-z]+)(?:\s+\d{{1,2}}\s+(?i:{_MONTH})(?:\s+(?:19|20)\d\d)?)?\s*$"
)
_TO_PLACE = re.compile(
    r"^(?:in|for|to|at|of|from|the|a|an|and|on|across|around|near|into|visits?|opens?|all|new|"
    r"west(?:ern)?|east(?:ern)?|north(?:ern)?|south(?:ern)?|greater|central|regional)$",
    re.IGNORECASE,
)


def place_off(headline: str) -> str:
    """Take a closing place (and day) off a headline that followed a joint release's offices."""
    tail = _PLACE_TAIL.match(headline)
    if not tail:
        return headline
    words = tail.group("head").split()
    place = tail.group("place")
    repeated = place in (w.strip(",.;:'’") for w in words)
    city = re.fullmatch(_PLACE, place, re.IGNORECASE)
    # after a comma the place is the headline's own: "Naval Fuel Upgrade, Darwin"
    if (
        len(words) < 3
        or _TO_PLACE.match(words[-1])
        or words[-1].endswith(",")
        or not (repeated or city)
    ):
        return headline
    # "..., Parliament House Canberra": the building goes with its city
    return re.sub(r"[,\s]+Parliament\s+House$", "", tail.group("head"), flags=re.IGNORECASE)


_DASH = re.compile(r"\s+[-–—]\s+")


def dash_issuer_off(title: str) -> str:
    """Take an issuer named after a dash with no "by" off a title's end: "ARRIVAL STATEMENT - NEW
    YORK - THE PRIME MINISTER OF AUSTRALIA, THE RT HON WILLIAM MCMAHON" (an office and a styled
    holder, nothing else)."""
    dashes = list(_DASH.finditer(title))
    if not dashes:
        return title
    head, tail = title[: dashes[-1].start()], title[dashes[-1].end() :]
    if (
        re.search(r"[^\W\d_]{2}", head)
        and _STYLED.search(tail)
        and _OFFICE.search(tail)
        and issuer_only(f"by {tail}")
    ):
        return head
    return title


_SPELLING_LIKE = 0.9  # how alike a headline in the text and a retyped title must read
_HEAD_LINES = 12  # the text's lines a headline stands among
_SLIP_LIKE = 0.7  # how alike two spellings of one word are ("MARGERET", "MARGARET")
_WORD_LETTERS = 3  # "AM" and "A", "MP" and "M" are no slips of one word
_MARKS = ".,;:!?\"'()“”‘’"


def page_spelling(title: str, text: str) -> str:
    """Mend the words a record retyped with slips by the text's own headline, where it says them.

    "VISIT BY PRINCESS MARGERET" is "VISIT BY PRINCESS MARGARET" on the page (on one line or two),
    and "Margaret" stands in the text below it while "Margeret" does not: the page's word is
    taken. A scan's misreading ("CONFE2RENCE") stands nowhere else, and a headline differing by
    more than slips is another one: the title keeps its words.
    """
    every = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    lines = every[:_HEAD_LINES]
    want = title.casefold()
    for i, line in enumerate(lines):
        for n, seen in ((1, line), (2, " ".join(lines[i : i + 2]))):
            got = seen.casefold()
            if got == want:
                return title
            if (
                len(seen.split()) == len(title.split())
                and difflib.SequenceMatcher(None, want, got).ratio() >= _SPELLING_LIKE
            ):
                return _mended(title, seen, every[:i] + every[i + n :])
    return title


def _mended(title: str, seen: str, rest: list[str]) -> str:
    counts = Counter(re.findall(r"[a-z0-9']+", " ".join(rest).casefold()))
    words = []
    for mine, theirs in zip(title.split(), seen.split()):
        a, b = mine.strip(_MARKS), theirs.strip(_MARKS)
        if (
            a.casefold() != b.casefold()
            and min(len(a), len(b)) >= _WORD_LETTERS
            and b.isalpha()
            and difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= _SLIP_LIKE
            and counts[b.casefold()] > counts[a.casefold()]
        ):
            b = b.upper() if a.isupper() else b.capitalize() if a.istitle() else b
            mine = mine.replace(a, b, 1)
        words.append(mine)
    return " ".join(words)
