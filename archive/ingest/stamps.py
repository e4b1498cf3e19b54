"""Recognise what a scan or a fax stamped on a release: release lines, letterheads, fax heads."""

from __future__ import annotations

import difflib
import re

from archive.ingest.furniture import DATE, furniture_rest, prose
from archive.ingest.headnoise import head_noise, vocabulary
from archive.ingest.pagemarks import _PAGE_LINE

# "FOR MEDIA THURDAY, MAY 28 1981", "iF MEDTA WED) NESDAY, 2 MARCH 1983",
# "FOR PR~ LESS: PM. No 3/ 1972."
_DATED = re.compile(rf"{DATE}|\b\d{{1,4}}\s*/\s*\d{{2,4}}\b", re.IGNORECASE)
_DATED_WORDS = 6  # words besides the date: a release line's few, never a sentence's
# A fax machine's head or foot: "TEL 25. Feb. 94 8: 54 No. 001 P. 01/ Q4",
# "9. Nov. 95 2: 29 No. 00?"
_FAX = re.compile(
    r"(?:\bT?EL\b[:.]?\s*)?\b\d{1,2}\.\s?[A-Z][a-z]{2}\.?\s?\d{2}\s+\d{1,2}:\s?\d\d\s+No\.\s?\S+"
    # its page, "P. 01/ Q4", "P. U4/ U4": figures, or letters a scan took for them
    r"(?:\s+P\.(?:\s?[0-9OoQUu?]{1,3}(?![A-Za-z])(?:[/,']{1,3}\s?[0-9OoQUu?]{1,3}(?![A-Za-z]))?)?)?"
)
# A fax head the scan garbled past reading: "TEL: 18fov. 16 U4 NO. U1 F 0/ U."
_FAX_LINE = re.compile(
    r"^T?EL\s*:(?:.{0,30}\bno\.\s?\S+.{0,20}|\s*\S{0,12}\s*\.?\d\d\s?/\s?\d\d)$", re.IGNORECASE
)  # and its page alone: "TEL: bW36 .03/ 03"
# A fax head scanned past reading, wherever it stands: "TEL: I~ 9 1 Cj I. Mr Il C F" (no word)
_FAX_OPEN = re.compile(r"^T?EL\s*[:;*~]")
# A fax's foot glued to the last line: "... March 1997 Farft2 S/ 831A97 18: 52 Pg:"
_FAX_TAIL = re.compile(
    r"(?:(?:^|\s+)(?!(?:19|20)\d\d\b)\S*[\d/]\S*){1,4}\s+\d{1,2}:\s?\d\d\s+Pg\.?:?(?:\s*\d+)?\s*$"
)
# Letterheads as a scan spells them: "AUS= TRALIA", "4-AUSTRALIA,, L", "PRIME MINISTEP"
_LETTERHEADS = (
    "AUSTRALIA",
    "PRIMEMINISTER",
    "ACTINGPRIMEMINISTER",
    "PRIMEMINISTERAUSTRALIA",
    "AUSTRALIAPRIMEMINISTER",
    "OFFICEOFTHEPRIMEMINISTER",
    "COMMONWEALTHOFAUSTRALIA",
)
# What a release line or an embargo opens with, as a scan spells it: "FOR MMIA", "Embarzoed until"
_OPENINGS = ("FORPRESS", "FORMEDIA", "EMBARGO", "EMBARGOED")
_OPENING_LIKE = 0.75
_EMBARGO_WORDS = {"until", "before", "after", "till", "release", "media", "published", "broadcast"}
_OPENING_TOKENS = 3
_STAMP_WORDS = 12
# A token no word has: "OwSRLI", "JoQ", "1wI", "pi4" (never "McMAHON", "4th", "G20", "iPhone")
_ODD = re.compile(r"(?<!^M)(?<!^Ma)(?<=\w)[a-z][A-Z]|[a-z]\d|\d(?!(?:st|nd|rd|th|s)\b)[a-z]")
_NOISE_TOKENS = 4
_FAX_WORDS = 12  # "TEL: 29. Jan. 9 12: 52 No. 011 P. 02/ 02" is eleven
_LETTERHEAD_LIKE = 0.85
_LETTERHEAD_SLACK = 2
_LETTERHEAD_TOKENS = 6
_CAPITALS = 0.6  # of a letterhead's letters, however misread
_LEAD_LINES = 10
# A joint release's line of offices:
# "Prime Minister, Minister for Agriculture, Fisheries and Forestry"
_PORTFOLIO = r"[A-Z][\w'’-]*(?:(?:,\s*|\s+and\s+|\s+)[A-Z][\w'’-]*)*"
_OFFICE = (
    r"(?:the\s+)?(?:acting\s+)?(?:(?:deputy\s+)?prime\s+minister|treasurer|attorney-general"
    rf"|minister(?:\s+(?:for|of)\s+(?:the\s+)?{_PORTFOLIO})?"
    rf"|parliamentary\s+secretary(?:\s+(?:to|for)\s+(?:the\s+)?{_PORTFOLIO})?)"
)
# two or more, parted by commas or semicolons, and no sentence's "The": "The Prime Minister and
# Minister for Foreign" / "Affairs said today ..." is a sentence wrapped
_OFFICES = re.compile(rf"^(?!the\b){_OFFICE}(?:\s*[,;&]\s*(?:and\s+)?{_OFFICE})+$", re.I)


def dated_line(line: str) -> bool:
    """Tell a release line by its date or number, however its words were scanned."""
    match = _DATED.search(line)
    if not match or prose(line):
        return False
    rest = (line[: match.start()] + " " + line[match.end() :]).split()
    # a word in lower case is a sentence's ("until 5 May 1983 the"); a release line has none
    return len(rest) <= _DATED_WORDS and not any(
        w[:1].islower() and len(w) > 2 and w.isalpha() for w in rest
    )


def letterhead(line: str) -> bool:
    """Tell a letterhead ("AUSTRALIA", "PRIME MINISTER") however the scan spaced and misread it."""
    letters = "".join(c for c in line if c.isalpha())
    if (
        len(line.split()) > _LETTERHEAD_TOKENS
        or len(letters) < 6
        or sum(c.isupper() for c in letters) < _CAPITALS * len(letters)
    ):
        return False
    letters = letters.upper()
    # as long as the letterhead, give or take a letter or two: "PRIME MINISTER'S XI" is a team
    return any(
        abs(len(letters) - len(head)) <= max(_LETTERHEAD_SLACK, len(head) // 8)
        and difflib.SequenceMatcher(None, letters, head).ratio() >= _LETTERHEAD_LIKE
        for head in _LETTERHEADS
    )


def garbled_stamp(line: str) -> bool:
    """Tell a release line or embargo misread ("FOR MMIA", "E~ BAI~ GO:"), or a line of noise."""
    tokens = line.split()
    if len(tokens) > _STAMP_WORDS or prose(line):
        return False
    for n in range(1, _OPENING_TOKENS + 1):
        opening = "".join(c for c in "".join(tokens[:n]) if c.isalpha()).upper()
        like = [
            head
            for head in _OPENINGS
            if len(opening) >= 5
            and difflib.SequenceMatcher(None, opening, head).ratio() >= _OPENING_LIKE
        ]
        if like:
            # the rest has no sentence's words ("Embargoes on trade will ..."), an embargo's aside
            return not any(
                t[:1].islower() and t.isalpha() and len(t) > 3 and t not in _EMBARGO_WORDS
                for t in tokens[n:]
            )
    odd = sum(1 for t in tokens if _ODD.search(t))
    return len(tokens) <= _NOISE_TOKENS and odd >= max(1, len(tokens) / 2)


def lead_stamps(lines: list[str], dropped: list[str]) -> list[str]:
    """Drop dated release lines, letterheads and lines of offices above the first line of prose."""
    kept: list[str] = []
    seen = 0
    words = vocabulary([line for line in lines if prose(line)])  # what the article's prose says
    for i, line in enumerate(lines):
        if line:
            seen += 1
            if seen > _LEAD_LINES or prose(line):
                return kept + lines[i:]
            # what the release-line rules read whole is theirs ("EMBARGO: ... BEFORE" goes on)
            read = not furniture_rest(line)
            if not read and (
                dated_line(line)
                or letterhead(line)
                or garbled_stamp(line)
                or _OFFICES.match(line)
                or head_noise(line, words)  # "A WSIVA IA": no word of it is one (round 16)
            ):
                dropped.append(line)
                continue
        kept.append(line)
    return kept


def tail_stamps(lines: list[str], dropped: list[str]) -> list[str]:
    """Drop a letterhead the scan read after the last line (the next page's head)."""
    last = max((i for i, line in enumerate(lines) if line), default=None)
    if last is not None and letterhead(lines[last]):
        dropped.append(lines[last])
        return lines[:last]
    return lines


def fax_stamps(lines: list[str], dropped: list[str]) -> list[str]:
    """Take a fax machine's head or foot off any line; a line left empty goes."""
    kept: list[str] = []
    page = False  # a fax's page comes with its page number under it: "TEL: ... P. 02" / "2"
    for line in lines:
        if page and line and re.fullmatch(r"\d{1,2}\.?", line):
            dropped.append(line)
            page = False
            continue
        page = page and not line
        garbled = bool(_FAX_OPEN.match(line)) and not re.search(r"[A-Za-z]{4}", line[4:])
        if (
            (_FAX_LINE.match(line) or garbled)
            and not _FAX.search(line)
            and len(line.split()) <= _FAX_WORDS
        ):
            dropped.append(line)
            page = True
            continue
        stamp = _FAX.search(line) or _FAX_TAIL.search(line)
        if stamp:
            dropped.append(stamp.group())
            line = (line[: stamp.start()] + line[stamp.end() :]).strip()
            # what is left is the stamp's too: "14/" (its date, cut), "/ k" (its page, misread)
            rest = re.sub(r"^T?EL\W*", "", line)
            if not re.search(r"[A-Za-z]{3}", rest) and len(rest.split()) <= 4:
                if line:
                    dropped.append(line)
                page = True
                continue
        kept.append(line)
    return kept


# Marks a scan glued to running text, not standing alone: "chemicals" / "0 and pharmaceuticals",
# "... its establishment. I" / "The full terms ...", "... crude oil prices. 2" / "2" (the next
# page's number), "... despatches. 12" / "-2-", "Bob Hawke 0063354" (a file's number, zero-padded).
_LEADING_ZERO = re.compile(r"^0\s+(?=[A-Za-z]{2})")  # a digit: "O" may be a word
# "~ The Prime Minister and Minister for Foreign Affairs, ...": a mark no sentence opens with
_LEADING_MARK = re.compile(r"^[~^]\s*(?=[A-Z][a-z]|[\"“][A-Z])")
_TRAILING_I = re.compile(r"(?<=[.!?\"”])\s+I(?=\s+[oO0]{3,}[-–—]*\s*$|\s*$)")
_TRAILING_PAGE = re.compile(r"(?<=[.!?\"”])\s+(\d{1,2})-?\s*$")
_FILE_NUMBER = re.compile(r"(?<=\S)\s+0{2}\d{3,6}\s*$")
# "... so that Australians could once again" / "* look ahead with confidence": a bullet the scan
# read before a sentence going on in lower case (after a stop, a colon or another item, a list's)
_STRAY_BULLET = re.compile(r"^[*•·]\s+(?=[a-z])")
# "... first step to prosperity that Australians 0" / "be honest ...": a "0" after a word or a stop
# closing a line of running text is the scan's mark (a table's row is no running text)
_TRAILING_ZERO = re.compile(r"(?<=[A-Za-z.!?\"”])\s+0\s*$")


def stray_marks(lines: list[str], dropped: list[str]) -> list[str]:
    """Take off the marks a scan glued to the start or end of a line of running text."""
    nonblank = [i for i, line in enumerate(lines) if line]
    after = {i: lines[j] for i, j in zip(nonblank, nonblank[1:])}
    before = {j: lines[i] for i, j in zip(nonblank, nonblank[1:])}
    kept = []
    for i, line in enumerate(lines):
        following = after.get(i, "")
        cleaned = _LEADING_MARK.sub("", _LEADING_ZERO.sub("", line))
        earlier = before.get(i, "")
        if earlier and not re.search(r"[.:;!?]\W*$", earlier) and not re.match(r"[*•·]", earlier):
            cleaned = _STRAY_BULLET.sub("", cleaned)
        # a pronoun opening a sentence goes on in lower case: "... today. I" / "have decided"
        if not following[:1].islower():
            cleaned = _TRAILING_I.sub("", cleaned)
        page = _TRAILING_PAGE.search(cleaned)
        if page and (following == page.group(1) or _PAGE_LINE.match(following)):
            cleaned = cleaned[: page.start()]
        cleaned = _FILE_NUMBER.sub("", cleaned)
        if prose(cleaned):
            cleaned = _TRAILING_ZERO.sub("", cleaned)
        if cleaned != line:
            dropped.append(line)
        kept.append(cleaned)
    return kept


# A compliments slip after the last words: "With the compliments of Robert Kennedy," / "Public
# Relations Director, Royal Visit 1959." (scanned "With the compn~ iirv-nts of ...")
_COMPLIMENTS = re.compile(r"^with\s+(?:the\s+)?comp\S*(?:\s+\S+){0,2}?\s+of\b", re.IGNORECASE)
# what follows it that is the release's own: a closing dateline, "CANBERRA. 16th March, 1959."
_DATELINE = re.compile(rf"^(?:[A-Z]{{4,}}[.,]?(?:\s|$)|\W*{DATE})")
_SLIP_LINES = 6


def compliments(lines: list[str], dropped: list[str]) -> list[str]:
    """Drop a compliments slip among the last lines, keeping a closing dateline after it."""
    nonblank = [i for i, line in enumerate(lines) if line]
    start = next((i for i in nonblank[-_SLIP_LINES:] if _COMPLIMENTS.match(lines[i])), None)
    if start is None:
        return lines
    end = next((i for i in nonblank if i > start and _DATELINE.match(lines[i])), len(lines))
    dropped.extend(line for line in lines[start:end] if line)
    return lines[:start] + lines[end:]
