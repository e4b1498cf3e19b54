"""Take off what a scan glued onto a release's last line, and a web page's list of attached files.

Line rules see a line's start and end; these see the marks inside the last line, after its last
sentence or its closing dateline: "... as the President.' 000---", "... Army use. . IjJZ",
"... legislation. S", "CANBERRA 21 Februay 1993 47", "... this afternoon. 0036' 2".
"""

from __future__ import annotations

import re

from archive.ingest.stamps import _ODD

# An end mark after the last sentence, a quotation's close or a bracket: "000---", "ENDS", "---".
_GLUED_END = re.compile(
    r"(?<=[.!?\"”'’)\]])\s+(?:[oO0]{3,}[-–—]*[0oO\-–—]*|[-–—_]{3,}|[\[(]?ends?[\])]?\.?)\s*$",
    re.IGNORECASE,
)
# An end mark with its dashes ends the text wherever it stands, with a few marks after it:
# "... presentation. AI'RT) A L A ACTING 000---", "000---p.. -f1"
_DASHED_END = re.compile(r"(?:^|\s+)[-–—]?[oO0]{3,}[-–—]{1,}\S{0,4}(?:\s+\S{1,4}){0,2}$")
# A fax head's first word scanned after the closing date ("CANBERRA 4 May 1993 TEL", "April
# 1992 TEL:", "CANBERRA 24 June 1994 TEL L'-4 . JU"), or alone on the last line: the next page's.
_FAX_TAIL = re.compile(
    r"(?:(?<=(?:19|20)\d\d)|(?<=(?:19|20)\d\d[.,])|^)\s*T\W?E\W?L\b\W*(?:\s+\S{1,5}){0,3}$"
)
# "Press Office (02) 6277 7744" closing the release: who to call, not what was said
_PRESS_OFFICE = re.compile(r"^(?:PM'?s\s+)?press\s+office:?\s+[\d ()+-]{8,}$", re.IGNORECASE)
# One or two short tokens after the last sentence (a stop or two the scan read may stand between).
_STRAY_TAIL = re.compile(r"(?<=[.!?\"”'’])((?:\s+[.,:;'`])*(?:\s+\S{1,6}){1,2})\s*$")
# The last sentence's own last word: three letters running before its stop ("legislation."), so a
# dateline's initials ("CANBERRA. A. C. T.") are never read as a stray letter after a sentence.
_WORD_END = re.compile(r"[A-Za-z]{3}\W?[.!?\"”'’]+$")
# Numbers after a closing date's year: "21 Februay 1993 47", "NOVUERt 18 1993 3 2711" (a page's
# number, an archive's stamp). The day stands before the year, so it is a date, however misread.
_DATED_TAIL = re.compile(
    r"(?:\b\d{1,2}(?:st|nd|rd|th)?,?\s+[A-Za-z][\w.~-]*|\b[A-Za-z][\w.~-]*\s+\d{1,2}(?:st|nd|rd|th)?,?)"
    r"\s+(?:19|20)\d\d\.?((?:\s+\d[\dO]{0,5}['’.]?){1,3})\s*$",
    re.IGNORECASE,
)
# Two or three numbers after the last sentence: "... afternoon. 0036' 2" (one alone is tails').
_NUMBERS_TAIL = re.compile(r"(?<=[.!?\"”])((?:\s+\d[\dO]{0,5}['’.]?){2,3})\s*$")
_DATELINE_WORDS = 10  # a closing dateline's tokens, however misread: never a sentence's
# A web page's list of attached files: "... Key Questions and Answers - RTF 24KB | PDF 35KB"
_FILE_SIZE = re.compile(
    r"\b(?:RTF|PDF|DOCX?|XLSX?|PPTX?|TXT|HTML?)\s*\(?\d+(?:\.\d+)?\s*[KM]B\)?\s*$", re.IGNORECASE
)
_ATTACHMENTS = re.compile(
    r"^(?:attachments?|attached\s+files?|downloads?|documents)\s*:?$", re.IGNORECASE
)


def closing_marks(lines: list[str], dropped: list[str]) -> list[str]:
    """Take the marks glued after the last sentence or the closing dateline off the last line."""
    last = max((i for i, line in enumerate(lines) if line), default=None)
    if last is None:
        return lines
    line = lines[last]
    cleaned = _GLUED_END.sub("", _DASHED_END.sub("", _FAX_TAIL.sub("", line))).rstrip()
    if _PRESS_OFFICE.match(cleaned):
        cleaned = ""
    if not cleaned:  # the last line was the end mark: the line before is the last
        dropped.append(line)
        return closing_marks(lines[:last] + lines[last + 1 :], dropped)
    stray = _STRAY_TAIL.search(cleaned)
    if stray and _WORD_END.search(cleaned[: stray.start()]) and _stray(stray.group(1)):
        cleaned = cleaned[: stray.start()].rstrip()
    for shape in (_DATED_TAIL, _NUMBERS_TAIL):
        numbers = shape.search(cleaned)
        if numbers and (shape is _NUMBERS_TAIL or len(cleaned.split()) <= _DATELINE_WORDS):
            cleaned = cleaned[: numbers.start(1)].rstrip()
    if cleaned != line:
        dropped.append(line[len(cleaned) :].strip())
        lines = lines[:last] + [cleaned] + lines[last + 1 :]
    return lines


def _stray(text: str) -> bool:
    """Tell a scan's stray marks from words: one letter, or tokens spelt as no word is: "IjJZ"."""
    tokens = [t.strip(".,:;'`") for t in text.split()]
    tokens = [t for t in tokens if t]
    if not tokens:
        return False
    if len(tokens) == 1 and len(tokens[0]) == 1 and tokens[0].isalpha():
        return True  # "... legislation. S": no sentence is one letter
    return all(_ODD.search(t) and not t.isdigit() for t in tokens)


def attachment_lists(lines: list[str], dropped: list[str]) -> list[str]:
    """Drop a web page's list of attached files (and its "Attachments" heading) from the lines."""
    files = {i for i, line in enumerate(lines) if line and _FILE_SIZE.search(line)}
    if not files:
        return lines
    nonblank = [i for i, line in enumerate(lines) if line]
    before = max((i for i in nonblank if i < min(files)), default=None)
    if before is not None and _ATTACHMENTS.match(lines[before]):
        files.add(before)
    dropped.extend(lines[i] for i in sorted(files))
    return [line for i, line in enumerate(lines) if i not in files]


# A token no word is: a letter or two ("r", "W9"), letters and figures mixed ("CA3rs",
# "1111110111W"), capitals inside a word ("oooCo00"), a stamp led by a nought ("00104,3").
_NOISE_TOKEN = re.compile(r"\S{1,2}|\S*(?:[A-Za-z]\d|\d[A-Za-z])\S*|0\d{3,}\S*")
_CLOSES = re.compile(r"[a-z]{2}[.!?][\"”'’)]?$")  # a sentence's close, not an initial's
_PROSE_WORDS = 5
_NOISE_WORDS = 6


def trailing_noise(lines: list[str], dropped: list[str]) -> list[str]:
    """Drop the lines of a scan's noise after the last sentence: "... in 1986." / "00104,3"."""
    nonblank = [i for i, line in enumerate(lines) if line]
    block = []
    for i in reversed(nonblank):
        if not _noise(lines[i]):
            break
        block.append(i)
    if not block or len(block) == len(nonblank):
        return lines
    before = lines[nonblank[-len(block) - 1]]
    if len(before.split()) < _PROSE_WORDS or not _CLOSES.search(before):
        return lines  # a table's last cells ("6,000"), a dateline's misread stamp: not after prose
    dropped.extend(lines[i] for i in sorted(block))
    return lines[: min(block)]


def _noise(line: str) -> bool:
    """Tell a line of a scan's noise: a few tokens, none a word, a figure or an amount."""
    tokens = line.split()
    return (
        0 < len(tokens) <= _NOISE_WORDS
        and "$" not in line
        and all(_NOISE_TOKEN.fullmatch(t) or _ODD.search(t) for t in tokens)
        and not all(t.isdigit() for t in tokens)  # a page's number is pagemarks'
    )


# A word a scan's noise line never holds: three letters or more, all letters ("Bell", "the")
_WORD = re.compile(r"[A-Za-z][a-z]{2,}|[A-Z]{3,}")
# a token no clean word is: letters and figures mixed, or a mark inside ('it"', "1*'", "\-v_")
_MIXED = re.compile(r"[A-Za-z]\d|\d[A-Za-z]|\w[^\w\s.,;:!?'’()-]|[^\w\s.,;:!?'’()-]\w")


def inner_noise(lines: list[str], dropped: list[str]) -> list[str]:
    """Drop a scan's noise line between two paragraphs: "... in 1986." / "At. "' k" / "The ...".

    Only between a line closing a sentence and a line of running text opening in capitals; never
    a line with a word of three letters or more, an amount, or one of clean short words ("I am").
    """
    nonblank = [i for i, line in enumerate(lines) if line]
    noise = set()
    for n, i in enumerate(nonblank[1:-1], start=1):
        line = lines[i]
        before, after = lines[nonblank[n - 1]], lines[nonblank[n + 1]]
        tokens = line.split()
        if (
            len(tokens) <= _NOISE_WORDS
            and "$" not in line
            and not any(_WORD.fullmatch(t.strip(".,;:!?'\"’()[]")) for t in tokens)
            and not any(t.strip(".,;:").isdigit() for t in tokens)  # pagemarks' or a table's
            and _MIXED.search(line)
            and len(before.split()) >= _PROSE_WORDS
            and _CLOSES.search(before)
            and len(after.split()) >= _PROSE_WORDS
            and re.match(r"[\"“'‘]?[A-Z]", after)
        ):
            noise.add(i)
    dropped.extend(lines[i] for i in sorted(noise))
    return [line for i, line in enumerate(lines) if i not in noise]
