"""Recognise press-release furniture by shape: release lines, letterheads, page and end marks."""

from __future__ import annotations

import difflib
import re

from archive.ingest.bylines import scanned_byline, sentence_words

# Scans spell these with stray spaces, tildes and misread letters ("FOR P~ RESS", "STATEUENT").
_S = r"[\s~]*"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
DATE = _DATE = (
    rf"(?:{_WEEKDAY}[,.]?\s*)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}[,.]?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s*)?"
    r"(?:19|20)\d\d\b"
)
_STATEMENT = r"(?:joint\s+)?(?:press\s+)?(?:st\w{2,4}ent|comment|message|speech|address|remarks)"
# A phrase that is furniture wherever it stands in the lines above the article.
_LEAD_PHRASE = re.compile(
    rf"""^(?:
        f{_S}o{_S}r{_S}p{_S}r?{_S}e{_S}s{_S}s(?![a-z])[:;.]?
      | for\s+(?:the\s+)?n?media(?![a-z])[:;.]?  # "FOR MEDIA7 AUGUST 1988": a date glued on
      | for\s+(?:immediate\s+)?release\b[:;.]?
      | (?:joint\s+)?(?:media|press|news)\s+(?:release|statement|conference|briefing)
        (?:\s+no\.?\s*\d+)?\b
      | n[oq]\s+date\b | acting\s+(?=prime\b)
      | prime\W{{0,3}}\s+[mn][\w;:'~ ]{{3,10}}?t\s?e\s?r\b(?!\s*:)
      | (?:the\s+)?hon\.?\s+[\w.' -]{{3,40}}?\s+m\.?\s?p\b\.?,?
        (?:\s*(?:acting\s+)?(?:prime\s+)?minister\b[\w ,'&-]{{0,80}}?(?=\s+the\s+hon\b|$))?
      | press\s+st\w{{2,4}}ent(?:\s+no\.?\s*\d+)?
      | e\w?m\w?b\w?argo(?:ed)?\b.*
      | not\s+(?:to\s+be\s+|for\s+)(?:p\w*bl|broadcast|release|cabl)\w*\b.*
      | before\s+\d{{4}}\s+hours\b.* | issued\s+(?:from|by)\b.* | of\s+the\s+press\s+secretary\b
      | to\s+the\s+prime\s+minister\b\.?$
      | \d{{1,2}}(?:[.:]\s?\d\d)?\s*[ap]\.?\s*m\b\.? | (?:midnight|midday|noon)\b | {_WEEKDAY}\b
      | check[\s-]+against[\s-]+delivery
      | fax\s+from\b:?(?:\s+\w*\d\w*)?(?:\s+the\b)?  # "Fax from 616273it97 THE ACTING ..."
      | (?:from\s+the\s+)?(?:prime\s+minister'?s\s+)?press\s+office\b
      | prime\s+minister(?=for\b|\b)(?!\s*:) | of\s+australia\b | australia\b
      | canberra\b[.,]?(?:\s+a\.\s*c\.\s*t\.?)?
      | parliament\s+house\b | library\b | transcript\b | (?:the\s+)?hon\.?\s+\w+\s+\w+\s+m\.?p\.?\b
      | (?:p\.?\s*m\.?\s*)?(?:no\.?\s*)?\d{{1,4}}\s*/\s*\d{{2,4}}\b | p\.\s*m\.?\s*no\.?\s*\d+
      | [A-Z]\d{{1,3}}\s*/\s*\d{{1,3}}\b | no\.?'?\s*\d{{1,4}}\b | [A-Za-z](?=\s)
      | {_DATE} | \d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b | {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b
      | broadcast\b
      | [-–—:;,.'"!|()~_\s]+
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "Statement by the Prime Minister, Mr. Harold Holt": a byline that may run onto two lines.
_BYLINE = re.compile(
    rf"^\(?\s*(?:{_STATEMENT}|tribute)\s+(?:by|from)\s+(?:the\s+(?:acting\w?\s+)?(?:prime|deputy\s+prime|treasurer|minister)\b|(?:mr|mrs|ms|sir|dr|the\s+(?:rt\.?\s+)?hon)\b"
    rf"[^()]{{0,60}}\bprime\s+minister\b).{{0,80}}$",
    re.IGNORECASE,
)
# "From the Prime Minister, Mr. JohnGorton": who speaks, and no more (a title may say more)
_FROM_PM = re.compile(
    r"^from\s+the\s+(?:acting\s+)?prime\s+minister\b[,.]?"
    r"(?:\s*(?:(?:mr|mrs|ms|sir|dr)\b\.?|the\s+(?:rt\.?\s+|right\s+)?hon\w*\.?)\s*[^,;:]{0,40})?$",
    re.IGNORECASE,
)
_BYLINE_MORE = re.compile(
    r"^(?:(?:senator\s+)?the\s+(?:rt\.?\s+|right\s+)?hon(?:ourable|\.)?\b.*|(?:mr|mrs|ms|sir|dr)\b\.?\s+\S.*|.*\bm\.?\s*p\.?)$",
    re.IGNORECASE,
)
# End marks: "ENDS", "[ENDS]", "- ends -", "000000", "oooO OOooo---", "* * *".
_END_LINE = re.compile(
    r"^(?:[\[(\-–—\s]*ends?[\])\s.\-–—]*|[oO0]{3,}[\s0oO\-–—.]*|[-–—_*#=\s]{3,}|(?:\*\s*){3,})$",
    re.IGNORECASE,
)
# What a reader gets in touch with, not the article: "Media contact: ...",
# "Contact: Jane Smith 02 6277 7744".
_CONTACT = re.compile(
    r"^(?:(?:media\s+|further\s+)?(?:contacts?|enquiries|inquiries)\b\s*[:\-–]"
    r"|for\s+(?:further\s+)?(?:information|details)\b[^.]{0,30}(?:contact|call|ring)\b"
    r"|for\s+more\s+(?:information|details)\b)",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"^(?:(?:tel|ph|phone|fax|mob(?:ile)?)\b[.:]?\s*)?[\d ()+-]{8,}(?:\s*\(\s*[whm]\s*\))?$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^(?:photo(?:graph)?|picture|pic|image|caption)s?\s*(?::|by\b|[-–]\s)", re.IGNORECASE
)
# A place line above the article: "Brisbane", "Shanghai, People's Republic of China".
_PLACE_WORD = r"(?:[A-Z][\w'’]*|of|the)"
_PLACE_LINE = re.compile(
    rf"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?(?:,\s*{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,4}})?$"
)
_JUNK_TOKENS = 12
_GARBLED_REPEAT = 0.55  # letter by letter, a headline scanned badly is this close to the title
_SENTENCE_WORDS = 3  # a sentence's own words: a line with this many is no byline
_OPEN_WORD = re.compile(r"\b(?:and|of|for|the|to|in|with|on|at|by)$", re.IGNORECASE)
_EMBARGO = re.compile(r"\W*e\w?m\w?b\w?argo", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}[.:]\s?\d\d\s*[ap]\.?\s?m\b", re.IGNORECASE)
_OPEN_TAIL = re.compile(r"(?:\b(?:or|and|to|not)|,)$", re.IGNORECASE)  # an embargo goes on
_EMBARGO_GOES_ON = re.compile(r"^\W*(?:before|until|till|after)\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:before|until|till|after)[:.]?$", re.IGNORECASE)  # an embargo goes on
_LEAD_LINES = 10  # non-blank lines: a release's furniture is all above its first paragraph
_PUNCTUATION = "-–—:;,.'\"!|()[]{}~_/*?"
_LETTERS = re.compile(r"[A-Za-z]+")


def place_line(lines: list[str]) -> int | None:
    """Return the index of a dateline's place standing alone above the first line of prose."""
    nonblank = [i for i, line in enumerate(lines) if line]
    if len(nonblank) >= 2 and _PLACE_LINE.match(lines[nonblank[0]]) and prose(lines[nonblank[1]]):
        return nonblank[0]
    return None


_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


def in_capitals(text: str) -> bool:
    """Tell a text in capitals throughout (six letters in ten or more), or with no letters."""
    upper, lower = len(_UPPER.findall(text)), len(_LOWER.findall(text))
    return upper > 0.6 * (upper + lower) if upper + lower else True


def prose(line: str) -> bool:
    """Tell a line of running text (or a hard-wrapped part of one) from a heading or a stamp."""
    words = line.split()
    lower = sum(1 for w in words if w[:1].islower() and w.isalpha())
    return len(words) >= 5 and lower >= 3 and not byline_shaped(line)


def byline_shaped(line: str) -> bool:
    """Tell a byline, as typed or as scanned, from a sentence that opens like one."""
    typed = bool(_BYLINE.match(line) or _FROM_PM.match(line))
    typed = typed and sentence_words(line) < _SENTENCE_WORDS
    return typed or scanned_byline(line)


def junk(text: str) -> bool:
    """Tell scanning noise from words: "R LL", "j US T L I( A", "-A )~ UTVA~ A~", "1K!,"."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return True
    tokens = text.split()
    if len(tokens) > _JUNK_TOKENS or (len(tokens) >= 8 and text.rstrip().endswith((".", "!", "?"))):
        return False  # a long line, or one ending a sentence, is text however strange its words
    real = [w for w in (t.strip(_PUNCTUATION) for t in tokens) if len(w) >= 2 and w.isalpha()]
    if not any(len(w) >= 3 for w in real) or len(real) < 0.34 * len(tokens):
        return True
    return sum(c.isalnum() for c in chars) < 0.6 * len(chars)


_FURNITURE_WORDS = (
    "press",
    "statement",
    "release",
    "media",
    "prime",
    "minister",
    "australia",
    "canberra",
    "embargo",
    "embargoed",
    "office",
    "transcript",
)


def _scanned_furniture(rest: str) -> bool:
    """Tell a garbled release line ("P~ ES3 STATMIENT ITO. 36"): furniture's words or noise."""
    words = [t.strip(_PUNCTUATION).lower() for t in rest.split()]
    words = [w for w in words if w]
    if not words or len(words) > 8:
        return False
    close = [
        bool(difflib.get_close_matches(w, _FURNITURE_WORDS, 1, 0.75))
        or any(len(w) >= 5 and (w in f or f in w) for f in _FURNITURE_WORDS)
        for w in words
    ]
    noise = [len(w) <= 3 or any(c.isdigit() for c in w) for w in words]
    return any(close) and all(c or n for c, n in zip(close, noise))


def furniture_rest(line: str) -> str:
    """Return what is left of a lead line once its furniture phrases are taken off its start."""
    rest = line
    while rest:
        match = _LEAD_PHRASE.match(rest)
        if not match or not match.group():
            break
        rest = rest[match.end() :]
    return rest.strip()


def repeats_title(line: str, title: str | None, strict: bool = True) -> bool:
    """Tell whether a line in capitals repeats (part of) the headline, scanning errors and all.

    Strict, for a document in capitals throughout, where its first sentence can look like a
    headline: all the line's words but one must be the title's. Else half of them.
    """
    if not title:
        return False
    letters = [c for c in line if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.7 * len(letters):
        return False
    # "CBIONWEEAlTB EAILAXS 00 WQIN JUBItfl" is "COMMONWEALTH RAILWAYS GOLDEN JUBILEE" scanned: too
    # garbled for its words to match, close letter by letter.
    match = difflib.SequenceMatcher(None, line.casefold(), title.casefold())
    if (
        match.real_quick_ratio() >= _GARBLED_REPEAT
        and match.quick_ratio() >= _GARBLED_REPEAT
        and match.ratio() >= _GARBLED_REPEAT
    ):
        return True
    mine = [w.casefold() for w in _LETTERS.findall(line) if len(w) >= 2]
    theirs = [w.casefold() for w in _LETTERS.findall(title)]
    if not mine:
        return False
    glued = "".join(theirs)
    close = sum(
        1
        for w in mine
        if w in theirs or w in glued or difflib.get_close_matches(w, theirs, 1, 0.75)
    )
    if not strict:
        return close >= 0.5 * len(mine)
    # One word the title lacks is a scanning error; two are a sentence of the article.
    return close >= len(mine) - (1 if len(mine) >= 3 else 0)


def lead_furniture(lines: list[str], title: str | None) -> tuple[list[str], list[str]]:
    """Drop the release's furniture above its first prose line; return the lines kept, dropped."""
    kept: list[str] = []
    dropped: list[str] = []
    byline = False
    open_byline = (
        False  # "( Statement by Mr. J. McEwen, Acting Prime Minister and" goes on to its ")"
    )
    strict = in_capitals("\n".join(lines))
    headline = False
    seen = 0
    for i, line in enumerate(lines):
        if not line:
            kept.append(line)
            continue
        seen += 1
        rest = furniture_rest(line)
        if seen > _LEAD_LINES or (
            prose(line)
            and not _CONTACT.match(line)
            and rest
            and not junk(rest)
            and not _noise_then_title(rest, title, strict)
        ):
            kept.extend(lines[i:])
            break
        # an embargo's second line, or its time elsewhere: "i. i LONDON: 11.00 pm BST"
        embargo = bool(dropped and _EMBARGO.match(dropped[-1]) and _TIME.search(line))
        # "EMBARGO: NOT TO BE PUBLISHED, BROADCAST OR" / "TELECAST BEFORE 9 P. M. 2ND MAY."
        embargo = embargo or bool(
            dropped and _EMBARGO.match(dropped[-1]) and _OPEN_TAIL.search(dropped[-1])
        )
        # "EMBARGO NOT TO BE BROADCAST, TELEVISED, OR PUBLISHED" / "BEFORE MIDNIGHT, MONDAY, ..."
        embargo = embargo or bool(
            dropped and _EMBARGO.match(dropped[-1]) and _EMBARGO_GOES_ON.match(line)
        )
        if (
            dropped
            and (_UNTIL.search(dropped[-1]) or embargo)
            and len(line.split()) <= 8
            and not prose(line)
        ):
            dropped.append(line)  # "NOT FOR RELEASE BEFORE" / "MIDNIGHT 7 FEBRUARY 1969", scanned
            continue
        # "Statement by the Prime Minister, the Rt. Hon. Sir Robert" / "Menzie s": a name goes on
        name_goes_on = (
            bool(dropped)
            and not dropped[-1].rstrip().endswith((".", ")"))
            and len(line.split()) <= 3
            and line[:1].isupper()
            and not prose(line)
        )
        # "The Honourable Gordon Freeth, Minister for Shiring and" goes on: a sentence's line;
        # so does "Mr. T. T. Krishnamachari, Indian Minister" / "for Economic ..., will pay a visit"
        follows = next((later for later in lines[i + 1 :] if later), "")
        more = byline and (
            open_byline
            or name_goes_on
            or (
                _BYLINE_MORE.match(line)
                and len(line.split()) <= 10
                and not _OPEN_WORD.search(line)
                and not follows[:1].islower()
            )
        )
        byline = bool(byline_shaped(line) or more)
        if byline:
            open_byline = (open_byline or line.lstrip().startswith("(")) and ")" not in line
        repeat = (
            repeats_title(rest, title, strict)
            or (
                headline
                and not strict
                and len(rest.split()) <= 5
                and repeats_title(rest, title, False)
            )
            or _noise_then_title(rest, title, strict)
        )
        # "FOR PRESS lctl": a release line with one stray word left over
        leftover = len(rest.split()) <= 1 and sum(c.isalpha() for c in rest) < sum(
            c.isalpha() for c in line
        )
        if (
            byline
            or not rest
            or junk(rest)
            or junk(line)
            or repeat
            or leftover
            or _CAPTION.match(line)
            or _scanned_furniture(rest)
        ):
            dropped.append(line)
        else:
            kept.append(line)
        headline = bool(repeat)
    return kept, dropped


def _noise_then_title(line: str, title: str | None, strict: bool) -> bool:
    """Tell a headline repeated after a release line scanned to noise (noise, then the headline)."""
    # "J'QO, fJ iR l -) SS_ ul AUSTRALIAN LOAN COUNCIL": the noise is no word, the rest the title's
    tokens = line.split()
    for k in range(1, len(tokens) - 1):
        head, tail = " ".join(tokens[:k]), " ".join(tokens[k:])
        if junk(head) and len(tokens) - k >= 2 and repeats_title(tail, title, strict):
            return not repeats_title(head, title, False)
    return False
