"""Recognise press-release furniture by its shape: release lines, letterheads, page markers, end marks."""

from __future__ import annotations

import difflib
import re

# Scans spell these with stray spaces, tildes and misread letters ("FOR P~ RESS", "STATEUENT").
_S = r"[\s~]*"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATE = (rf"(?:{_WEEKDAY}[,.]?\s*)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}[,.]?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s*)?"
         r"(?:19|20)\d\d\b")
_STATEMENT = r"(?:joint\s+)?(?:press\s+)?(?:st\w{2,4}ent|comment|message|speech|address|remarks)"
# A phrase that is furniture wherever it stands in the lines above the article.
_LEAD_PHRASE = re.compile(
    rf"""^(?:
        for{_S}p{_S}r?{_S}e{_S}s{_S}s\b[:;.]? | for\s+(?:the\s+)?media\b[:;.]? | for\s+(?:immediate\s+)?release\b[:;.]?
      | (?:media|press|news)\s+(?:release|statement|conference|briefing)(?:\s+no\.?\s*\d+)?\b
      | press\s+st\w{{2,4}}ent(?:\s+no\.?\s*\d+)?
      | embargo(?:ed)?\b.* | not\s+for\s+(?:publication|broadcast|release)\b.*
      | \d{{1,2}}(?:[.:]\s?\d\d)?\s*[ap]\.?\s*m\b\.? | (?:midnight|midday|noon)\b | {_WEEKDAY}\b
      | check[\s-]+against[\s-]+delivery | (?:from\s+the\s+)?(?:prime\s+minister'?s\s+)?press\s+office\b
      | prime\s+minister(?=for\b|\b)(?!\s*:) | of\s+australia\b | australia\b | canberra\b[.,]?(?:\s+a\.\s*c\.\s*t\.?)?
      | parliament\s+house\b | library\b | transcript\b | (?:the\s+)?hon\.?\s+\w+\s+\w+\s+m\.?p\.?\b
      | (?:p\.?\s*m\.?\s*)?(?:no\.?\s*)?\d{{1,4}}\s*/\s*\d{{2,4}}\b | p\.\s*m\.?\s*no\.?\s*\d+
      | [A-Z]\d{{1,3}}\s*/\s*\d{{1,3}}\b | no\.?\s*\d{{1,4}}\b
      | {_DATE}
      | [-–—:;,.'"!|()~_\s]+
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "Statement by the Prime Minister, Mr. Harold Holt": a byline that may run onto two lines.
_BYLINE = re.compile(rf"^{_STATEMENT}\s+by\s+the\s+(?:acting\w?\s+)?prime\s+minister\b.{{0,80}}$", re.IGNORECASE)
_BYLINE_MORE = re.compile(
    r"^(?:the\s+(?:rt\.?\s+|right\s+)?hon(?:ourable|\.)?\b.*|(?:mr|mrs|ms|sir|dr)\b\.?\s+\S.*|.*\bm\.?\s*p\.?)$",
    re.IGNORECASE,
)
# A page marker standing alone: "-3-", "2.", "/ 2", "./ 2", "I I 2.", "4..", "- 2 -".
_PAGE_LINE = re.compile(r"^(?:[A-Za-z|!]\s+){0,3}[-–./\s]*\(?\d{1,2}\)?\s*[-–.]*(?:\s*/?\s*-?\d{1,2}-?)?$")
# A page marker ending a line that the next page continues: "... million. ./ 2", "experiencing / 2".
_PAGE_TAIL = re.compile(r"(?:(?<=\s)|(?<=\.))\.?/\s*\d{1,2}\s*$|\s+\.?/\s*\d{1,2}\s*$|(?<=[.!?\"”])\s+\d{1,2}\.\s*$")
_PAGE_HEAD = re.compile(r"^\d{1,2}\.{2,}\s+(?=[A-Z])")  # "4.. REVIEW OF ..." opens a page with the header
# End marks: "ENDS", "[ENDS]", "- ends -", "000000", "oooO OOooo---", "* * *".
_END_LINE = re.compile(r"^(?:[\[(\-–—\s]*ends?[\])\s.\-–—]*|[oO0]{3,}[\s0oO\-–—.]*|[-–—_*#=\s]{3,}|(?:\*\s*){3,})$",
                       re.IGNORECASE)
_END_TAIL = re.compile(r"(?<=[.!?\"”)])\s+(?:[oO0]{4,}[\s0oO\-–—]*|[oO0]{3}\s*[0oO]{3,}[\s0oO\-–—]*|\[?ENDS\]?)$")
# What a reader gets in touch with, not the article: "Media contact: ...", "Contact: Jane Smith 02 6277 7744".
_CONTACT = re.compile(r"^(?:(?:media\s+)?(?:contacts?|enquiries|inquiries)\b\s*[:\-–]|for\s+(?:further\s+)?(?:information|details)\b[^.]{0,30}(?:contact|call|ring)\b)",
                      re.IGNORECASE)
_PHONE = re.compile(r"^(?:(?:tel|ph|phone|fax|mob(?:ile)?)\b[.:]?\s*)?[\d ()+-]{8,}(?:\s*\(\s*[whm]\s*\))?$", re.IGNORECASE)
_CAPTION = re.compile(r"^(?:photo(?:graph)?|picture|pic|image|caption)s?\s*(?::|by\b|[-–]\s)", re.IGNORECASE)
_JUNK_TOKENS = 12
_LEAD_LINES = 10  # non-blank lines: a release's furniture is all above its first paragraph
_PUNCTUATION = "-–—:;,.'\"!|()[]{}~_/*?"
_LETTERS = re.compile(r"[A-Za-z]+")


def clean_markers(lines: list[str]) -> tuple[list[str], list[str]]:
    """Remove page markers and end marks, keeping the words around them; return the lines and what went."""
    kept: list[str] = []
    dropped: list[str] = []
    for line in lines:
        if line and (_PAGE_LINE.match(line) or _END_LINE.match(line)):
            dropped.append(line)
            continue
        cleaned = _END_TAIL.sub("", _PAGE_HEAD.sub("", _PAGE_TAIL.sub("", line))).rstrip()
        if cleaned != line:
            dropped.append(line)
            if not cleaned:
                continue
        kept.append(cleaned)
    return kept, dropped


def prose(line: str) -> bool:
    """Tell a line of running text (or a hard-wrapped part of one) from a heading or a stamp."""
    words = line.split()
    lower = sum(1 for w in words if w[:1].islower() and w.isalpha())
    return len(words) >= 5 and lower >= 3 and not _BYLINE.match(line)


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


def furniture_rest(line: str) -> str:
    """Return what is left of a lead line once its furniture phrases are taken off its start."""
    rest = line
    while rest:
        match = _LEAD_PHRASE.match(rest)
        if not match or not match.group():
            break
        rest = rest[match.end():]
    return rest.strip()


def repeats_title(line: str, title: str | None) -> bool:
    """Tell whether a line in capitals repeats (part of) the headline, scanning errors and all."""
    if not title:
        return False
    letters = [c for c in line if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.7 * len(letters):
        return False
    mine = [w.casefold() for w in _LETTERS.findall(line) if len(w) >= 2]
    theirs = [w.casefold() for w in _LETTERS.findall(title)]
    if not mine:
        return False
    glued = "".join(theirs)
    close = sum(1 for w in mine if w in theirs or w in glued or difflib.get_close_matches(w, theirs, 1, 0.75))
    # One word the title lacks is a scanning error; two are a sentence of the article.
    return close >= len(mine) - (1 if len(mine) >= 3 else 0)


def lead_furniture(lines: list[str], title: str | None) -> tuple[list[str], list[str]]:
    """Drop the release's furniture above its first line of prose; return the lines kept and dropped."""
    kept: list[str] = []
    dropped: list[str] = []
    byline = False
    seen = 0
    for i, line in enumerate(lines):
        if not line:
            kept.append(line)
            continue
        seen += 1
        rest = furniture_rest(line)
        if seen > _LEAD_LINES or (prose(line) and not _CONTACT.match(line) and rest and not junk(rest)):
            kept.extend(lines[i:])
            break
        more = byline and _BYLINE_MORE.match(line) and len(line.split()) <= 10
        byline = bool(_BYLINE.match(line) or more)
        if byline or not rest or junk(rest) or repeats_title(rest, title) or _CAPTION.match(line):
            dropped.append(line)
        else:
            kept.append(line)
    return kept, dropped


def tail_furniture(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop a contact block (and what follows it), captions and end marks after the last line of prose."""
    nonblank = [i for i, line in enumerate(lines) if line]
    end = len(lines)
    # A contact line among the last few, with only short lines after it: the block and its tail go.
    for i in nonblank[-_TAIL_LINES:]:
        after = [lines[j] for j in nonblank if j > i]
        if _CONTACT.match(lines[i]) and all(len(line.split()) <= _TAIL_WORDS for line in after):
            end = i
            break
    for i in reversed([j for j in nonblank if j < end]):
        line = lines[i]
        if _PHONE.match(line) or _CAPTION.match(line) or _END_LINE.match(line):
            end = i
            continue
        break
    return lines[:end], [line for line in lines[end:] if line]


_TAIL_LINES = 6
_TAIL_WORDS = 20


_TITLE_STATEMENT = re.compile(
    rf"\s*(?:[-–—:;,]\s*|\b){_STATEMENT}\s+by\s+the\s+(?:acting\w?\s+)?prime\s+minister\b.*$", re.IGNORECASE)
_TITLE_LEAD = re.compile(
    r"^(?:(?:for\s+(?:press|media|release)|media\s+release|press\s+release|embargoed\b[^:-]*)\s*[:;,.-]?\s*"
    r"|(?:p\.?\s*m\.?\s*(?:no\.?\s*)?|no\.?\s*)\d{1,4}\s*/\s*\d{2,4}\s*[:;,.-]?\s*)+",
    re.IGNORECASE,
)
_TITLE_ANYWHERE = re.compile(r"\s*\b(?:p\.?\s*m\.?\s*no\.?\s*|p\.\s*m\.?\s*)\d{1,4}\s*/\s*\d{2,4}\b\s*[:;,.-]?", re.IGNORECASE)


_TITLE_OPENING = re.compile(
    rf"^{_STATEMENT}\s+by\s+the\s+(?:acting\w?\s+)?prime\s+minister[,.]?\s+.{{0,40}}?\bm\.?\s?p\b\.?[,.:;-]?\s+", re.IGNORECASE)


def clean_title(title: str) -> str:
    """Take release lines, release numbers and a closing "Statement by the Prime Minister, Mr …" out of a title."""
    cleaned = _TITLE_LEAD.sub("", title)
    cleaned = _TITLE_OPENING.sub("", cleaned)
    cleaned = _TITLE_ANYWHERE.sub(" ", cleaned)
    without = _TITLE_STATEMENT.sub("", cleaned)
    if len(without.split()) >= 2:
        cleaned = without
    cleaned = " ".join(cleaned.split()).strip(" -–—:;,")
    return cleaned or title


def furniture_like(title: str) -> bool:
    """Tell whether a title still reads as furniture rather than a headline."""
    rest = furniture_rest(title)
    return not rest or junk(rest) or bool(_BYLINE.match(title))
