"""Keep the article of a page saved as text; drop navigation, story lists, comments, contacts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.ingest.breaks import headings_apart, join_blocks
from archive.ingest.ends import attachment_lists, closing_marks, inner_noise, trailing_noise
from archive.ingest.furniture import lead_furniture, place_line
from archive.ingest.glued import glued_head, split_bylines
from archive.ingest.letters import address_blocks, attached_letters
from archive.ingest.linemodel import drop_furniture
from archive.ingest.pagemarks import clean_markers
from archive.ingest.reflow import _BULLET, _FINAL, reflow, words
from archive.ingest.stamps import compliments, fax_stamps, lead_stamps, stray_marks, tail_stamps
from archive.ingest.tails import phone_lines, tail_furniture
from archive.ingest.titles import clean_title

# A line that, once the article has begun, starts what follows it: story lists, comment
# threads, sign-up and contact blocks. Only short lines count, so prose never matches.
_END_MARKER = re.compile(
    r"""^(?:
        related(?:\s+(?:articles?|stories|posts|content|news|links|reading))?
      | read\s+(?:more|full\s+story|next|also)
      | more\s+(?:from|on|in|stories|news|like\s+this)\b.*
      | (?:you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?
         |most\s+(?:read|popular|viewed))
      | (?:popular|latest|recent|top)\s+(?:posts|stories|news|articles)
      | comments?(?:\s+are)?\s+closed\.?
      | \d+\s+(?:responses?|comments?|replies)\b.*
      | (?:leave\s+a\s+(?:reply|comment)|add\s+(?:a|your)\s+comment|comments?(?:\s*\(\d+\))?
         |join\s+the\s+discussion)
      | share(?:\s+this(?:\s+(?:article|story|page|post))?)?(?:\s+on\s+\w+)?:?
      | tags?:.* | filed\s+under:?.* | categories:.*
      | (?:sign\s+up|subscribe|newsletter|briefing\s+signup|quick\s+contact|contact\s+us
         |follow\s+us)\b.*
      | knowledge\s+&\s+resources | about\s+the\s+author | trending(?:\s+now)?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_MARKER_WORDS = 10
# Where a comment thread begins: its dates can date the article, its text is never kept.
_COMMENTS = re.compile(
    r"^(?:\d+\s+(?:responses?|comments?|replies)\b.*|comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:reply|comment))$",
    re.IGNORECASE,
)
# Navigation that sits above a headline.
_NAV = re.compile(
    r"^(?:home|menu|search|skip\s+to\s+(?:main\s+)?content|log\s*in|sign\s+in|register|make\s+an\s+enquiry"
    r"|contact(?:\s+us)?|about(?:\s+us)?|news|subscribe|advertisement|close|share)$",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(
    r"^(?:more\s+from|©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<name>[A-Z][\w&' .-]{1,60}?)[.]?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|words\s+by|written\s+by)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    r"^(?:photo(?:graph)?|picture|pic|image|credit|illustration)s?\s*(?::|by\b)", re.IGNORECASE
)
_CREDIT_TAIL = re.compile(
    r"\s*\((?:photo(?:graph)?|picture|pic|image|credit)s?\s*:[^)]*\)\s*$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"(?:[.!?:;,\"”’')\]…]|:\s?[-–])$")  # ":-" leads a list as ":" does
_LONG = 25  # words: a paragraph this long is prose, not navigation


@dataclass
class Article:
    """The article found in a page: its headline, its paragraphs as Markdown, what was dropped."""

    title: str | None
    paragraphs: list[str]
    title_line: int | None = None  # 1-based line of the headline in the page
    comments: str = ""  # the reader comments, kept only to date the article
    publisher: str | None = None  # as the page names itself: "More from Community Care"
    publisher_line: str | None = None
    author: str | None = None  # from a byline above the article
    lead: list[str] = field(
        default_factory=list
    )  # lines above the article: a dateline may be among them
    dropped: list[str] = field(default_factory=list)  # the first line of each dropped block

    @property
    def markdown(self) -> str:
        return "\n\n".join(self.paragraphs) + "\n" if self.paragraphs else ""

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def normalise(text: str) -> str:
    """Tidy whitespace and drop control characters, keeping line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", " ")
    # Windows-1252 punctuation stored as C1 control characters: U+0096 is the en dash it meant.
    text = _C1.sub(lambda m: m.group().encode("latin-1").decode("cp1252", "ignore"), text)
    text = _UNPRINTABLE.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


_C1 = re.compile("[\x80\x82-\x8c\x8e\x91-\x9c\x9e\x9f]")  # those cp1252 gives a character
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
)


def extract_article(raw: str, title: str | None = None) -> Article:
    """Find the headline and the article in scraped text, dropping the page around them."""
    marks: list[str] = []
    lines = stray_marks([line.strip() for line in normalise(raw).split("\n")], marks)
    # a fax head first: the page number under it ("TEL: ... 03/ 03" / "3") then stands in prose
    lines = fax_stamps(lines, marks)
    lines, markers = clean_markers(lines, marks)
    markers[:0] = marks
    given_title = bool(title)
    title, title_at = _find_title(lines, title)
    start = title_at + 1 if title_at is not None else 0
    end, dropped = _find_end(lines, start)
    comments = _comments(lines[end:])
    stamps: list[str] = []
    lead = split_bylines(lead_stamps(lines[start:end], stamps), stamps)
    body, furniture = lead_furniture(lead, title)
    furniture[:0] = stamps
    opening = next((line for line in body if line), "")
    at = lines.index(opening, start) if opening in lines[start:] else start
    above = next((line for line in reversed(lines[:at]) if line), "")
    body = glued_head(body, title, furniture, above)
    place = place_line(body) if given_title else None
    if place is not None:  # "Brisbane" above a record whose headline is given apart: its dateline
        furniture.append(body.pop(place))
    files: list[str] = []
    body, tail = tail_furniture(attachment_lists(body, files))
    tail[:0] = files
    body = phone_lines(body, tail)
    body = closing_marks(compliments(tail_stamps(body, tail), tail), tail)
    body = inner_noise(trailing_noise(body, tail), tail)
    body, letters = attached_letters(body)
    tail += letters
    body, letters = address_blocks(body)
    tail += letters
    body = join_blocks(headings_apart(body))
    # Stubs are dropped only below a headline found in the page: they are what a layout puts
    # between a headline and its article. Where the text has no headline line (a record whose
    # title is given apart), a short first line is the article's own.
    units = _lead_cleaned(body, dropped, stubs=title_at is not None or not given_title)
    page = [line.strip() for line in normalise(raw).split("\n") if line.strip()]
    units = drop_furniture(page, units, tail)  # the learned line model, where it is sure
    dropped[:0] = furniture + tail + markers
    byline = next((m for m in map(_BYLINE.match, dropped) if m), None)
    publisher = next((m for m in map(_PUBLISHER.match, lines[end:]) if m), None)
    return Article(
        title=title,
        publisher=publisher["name"].strip() if publisher else None,
        publisher_line=publisher.group() if publisher else None,
        author=byline["name"] if byline else None,
        lead=[line for line in lines[: title_at or 0] if line]
        + [
            line
            for line in dropped
            if line in lines[start:end] and line not in tail and line not in markers
        ],
        paragraphs=_markdown(reflow(units, {line.strip() for line in normalise(raw).split("\n")})),
        title_line=None if title_at is None else title_at + 1,
        comments=comments,
        dropped=dropped,
    )


def _find_title(lines: list[str], given: str | None) -> tuple[str | None, int | None]:
    """Return the headline and its line: the given one if the page repeats it, else a likely one.

    The likely one is the first line shaped like a headline.
    """
    limit = next((i for i, line in enumerate(lines) if words(line) >= _LONG), len(lines))
    if given:
        # the record's title, or its headline once release lines and bylines are off it
        wanted = {" ".join(t.split()).casefold() for t in (given, clean_title(given))}
        for i, line in enumerate(lines[: max(limit, 1) + 1]):
            if " ".join(line.split()).casefold() in wanted:
                return given, i
        return given, None
    for i, line in enumerate(lines[:limit]):
        if _headline_like(line):
            return line, i
    return None, None


def _headline_like(line: str) -> bool:
    return (
        4 <= words(line) <= 30
        and len(line) >= 20
        and (line[:1].isupper() or line[:1].isdigit())
        and not line.endswith((".", ":", ";", ","))
        and not _NAV.match(line)
        and not _BULLET.match(line)
        and not _CREDIT_LINE.match(line)
    )


def _find_end(lines: list[str], start: int) -> tuple[int, list[str]]:
    """Return where the article ends (the first end marker after some prose) and what is dropped."""
    prose_seen = False
    for i in range(start, len(lines)):
        line = lines[i]
        if not line:
            continue
        if prose_seen and words(line) <= _MARKER_WORDS and _END_MARKER.match(line):
            dropped = [line] + [f"{sum(1 for rest in lines[i + 1 :] if rest)} more line(s)"]
            return i, dropped
        if words(line) >= 12 or (words(line) >= 6 and _SENTENCE_END.search(line)):
            prose_seen = True
    return len(lines), []


def _comments(tail: list[str]) -> str:
    for i, line in enumerate(tail):
        if line and words(line) <= 2 * _MARKER_WORDS and _COMMENTS.match(line):
            return "\n".join(tail[i:]).strip()
    return ""


def _lead_cleaned(lines: list[str], dropped: list[str], stubs: bool = True) -> list[str]:
    """Drop photo credits, alt-text stubs and a standfirst repeated with its credit."""
    kept: list[str] = []
    prose_seen = False
    nonblank = [line for line in lines if line]
    for i, line in enumerate(nonblank):
        nxt = nonblank[i + 1] if i + 1 < len(nonblank) else ""
        if _CREDIT_LINE.match(line) or (not prose_seen and _BYLINE.match(line)):
            dropped.append(line)
            continue
        stripped = _CREDIT_TAIL.sub("", line)
        if stripped != line and (stripped == nxt or not stripped):
            dropped.append(line)  # the standfirst repeated with its picture credit
            continue
        continues = (
            line[:1].islower() and kept and not _FINAL.search(kept[-1])
        )  # "stated that": a wrapped sentence
        if (
            stubs
            and not prose_seen
            and words(line) <= 3
            and not _SENTENCE_END.search(line)
            and not _BULLET.match(line)
            and not continues
        ):
            dropped.append(line)  # an image's alt text or a navigation stub before the article
            continue
        if not prose_seen and kept and line == kept[-1]:
            continue
        kept.append(stripped)
        # A standfirst has no full stop; the article's prose does. A hard-wrapped scan has no
        # line of twelve words, but its lines of running text show that the article has begun.
        prose_seen = (
            prose_seen
            or (words(line) >= 12 and bool(_SENTENCE_END.search(line)))
            or _wrapped_prose(line)
        )
    return kept


def _wrapped_prose(line: str) -> bool:
    parts = line.split()
    lower = sum(1 for w in parts if w[:1].islower() and w.isalpha())
    return len(parts) >= 6 and (lower >= 3 or (len(parts) >= 8 and line.isupper()))


def _markdown(units: list[str]) -> list[str]:
    """Write units as Markdown blocks: paragraphs, lists and crossheads, with the text unchanged."""
    blocks: list[str] = []
    bullets = [bool(_BULLET.match(u)) for u in units]
    for i, unit in enumerate(units):
        if bullets[i]:
            item = _escape(_BULLET.sub("", unit, count=1))
            lonely = not (i > 0 and bullets[i - 1]) and not (i + 1 < len(units) and bullets[i + 1])
            if lonely and unit[:1] in "-–—":  # a dash the writer typed is text: keep it, as text
                blocks.append(_escape(unit))
            elif lonely:  # a layout's bullet before a paragraph, not a list
                blocks.append(item)
            elif i > 0 and bullets[i - 1]:
                blocks[-1] += f"\n- {item}"
            else:
                blocks.append(f"- {item}")
            continue
        nxt = units[i + 1] if i + 1 < len(units) else ""
        crosshead = (
            i > 0
            and words(unit) <= 6
            and unit[:1].isupper()
            and not _SENTENCE_END.search(unit)
            and words(nxt) >= 15
        )
        blocks.append(f"## {_escape(unit)}" if crosshead else _escape(unit))
    return blocks


_MARKDOWN_START = re.compile(r"^(?:[#>+*_-]|\d+(?=[.)]\s))")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def _escape(text: str) -> str:
    """Keep plain text plain in Markdown: no HTML, no accidental headings, quotes, rules, lists."""
    text = _TAG_START.sub("&lt;", text)
    match = _MARKDOWN_START.match(text)
    if match:  # a backslash before the character that would start the construct
        at = match.end() if match.group()[:1].isdigit() else 0
        text = f"{text[:at]}\\{text[at:]}"
    return text
