"""Drop what follows a release's last words: contact blocks, captions, end marks, scanning noise."""

from __future__ import annotations

import re

from archive.ingest.furniture import (
    _CAPTION,
    _CONTACT,
    _END_LINE,
    _MONTH,
    _PHONE,
    DATE,
    junk,
    prose,
)
from archive.ingest.stamps import _ODD


def tail_furniture(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop a contact block (and what follows), captions and end marks after the last prose line."""
    nonblank = [i for i, line in enumerate(lines) if line]
    end = len(lines)
    # A contact line among the last few, with only short lines after it: the block and its tail go.
    for i in nonblank[-_TAIL_LINES:]:
        after = [lines[j] for j in nonblank if j > i]
        if _CONTACT.match(lines[i]) and all(len(line.split()) <= _TAIL_WORDS for line in after):
            end = i
            break
        # "For more information visit www..." and what follows it, where all of that is contacts
        if pointer(lines[i]) and all(_contact_like(line) for line in after):
            end = i
            break
    noise = 0
    for i in reversed([j for j in nonblank if j < end]):
        line = lines[i]
        noise += bool(_NOISE.match(line))
        # "FOR PPESS:" closing a scan; "See also:" and a bare address closing a page
        release = bool(_RELEASE_LINE.match(line) or _SEE_ALSO.match(line))
        if (
            _PHONE.match(line)
            or _CAPTION.match(line)
            or _END_LINE.match(line)
            or _NOISE.match(line)
            or release
        ) and noise <= 2:
            end = i
            continue
        break
    if noise > 2:  # a run of short figures is a table's last column, not noise
        end = max(end, next((j + 1 for j in reversed(nonblank) if not _NOISE.match(lines[j])), end))
    kept, dropped = lines[:end], [line for line in lines[end:] if line]
    # the release's closing date under its contact block ("19 March 2003") is its own
    kept += [line for line in dropped if _DATE_LINE.match(line)]
    dropped = [line for line in dropped if not _DATE_LINE.match(line)]
    last = max((i for i, line in enumerate(kept) if line), default=None)
    # "... action plans. 1": the page's number
    if last is not None and _LAST_PAGE.search(kept[last]):
        dropped.append(kept[last])
        kept[last] = _LAST_PAGE.sub("", kept[last])
    while last is not None and _scan_noise(kept[last]):
        dropped.append(kept[last])  # a last line of scanning noise: "P/ I L/ V/ Nq 5 r-frt"
        kept[last] = ""
        last = max((i for i, line in enumerate(kept) if line), default=None)
    tail = _LAST_SENTENCE.search(kept[last]) if last is not None else None
    # "... a personal friend. t P/ I L/ V/": the scan's noise after the last sentence
    # (after a sentence's last word: "C ITB 1,. g. T." is a dateline misread, the release's own)
    if (
        tail
        and last is not None
        and _scan_noise(tail.group(1))
        and re.search(r"[A-Za-z]{3}\W?[.!?\"”]\s*$", kept[last][: tail.start(1)])
    ):
        dropped.append(tail.group(1))
        kept[last] = kept[last][: tail.start(1)].rstrip()
    last = max((i for i, line in enumerate(kept) if line), default=None)
    closing = _CLOSING.match(kept[last]) if last is not None else None
    # "Canberra I_", "CANBERRA 27 March 1992 c F 1\"": the scan's marks after the closing dateline
    if (
        last is not None
        and closing
        and closing["keep"].strip()
        and not re.search(r"[A-Za-z]{2}", closing["noise"])
        # "February 18, 1-.": a date's figures misread are the date's, not marks after it
        and not re.fullmatch(rf"(?i:{_MONTH})", closing["keep"].split()[-1].strip(",."))
    ):
        dropped.append(closing["noise"])
        kept[last] = closing["keep"]
    return kept, dropped


def phone_lines(lines: list[str], dropped: list[str]) -> list[str]:
    """Drop a telephone number standing alone on its line, wherever it stands: "(02) 6277 7744"."""
    kept = []
    for line in lines:
        if _PHONE_ALONE.match(line):
            dropped.append(line)
            continue
        kept.append(line)
    return kept


def pointer(line: str) -> bool:
    """Tell a line that sends the reader elsewhere: "More information is available at www...".

    It names a web address or a telephone number and opens as such lines do; a line that goes on
    past its one sentence ("... on (02) 6271 5166. Notices have been lodged ...") is the article's.
    """
    if not (_POINTER.match(line) and (_REACHED.search(line) or line.endswith(":"))):
        return False
    return not re.search(r"[.!?]\s+[A-Z]", _ADDRESS.sub("", line))


def _contact_like(line: str) -> bool:
    """Tell a line of a contact block: a pointer, a name with a telephone number, a date, a stub."""
    return bool(
        pointer(line)
        or _CONTACT.match(line)
        or _PHONE.match(line)
        or _DATE_LINE.match(line)
        # "Press Office (02) 6277 7744", "Jane Doe, Media Adviser, ... (0438 690 305)."
        or bool(_REACHED.search(line))
        and (len(line.split()) <= _CONTACT_WORDS or bool(_PERSON_ROLE.match(line)))
        or (len(line.split()) <= _TAIL_WORDS and not prose(line))
    )


def _scan_noise(text: str) -> bool:
    """Tell the noise a scan leaves after a release's last words: letters, but no real word."""
    # A closing dateline, however misread ("C ITB 1,. g. T.", "12th May, 1961."), is the release's:
    # noise shows itself by marks no dateline has, or is one stray letter.
    # "... future development. I. r": stray letters, one of them in lower case (an initial is not)
    tokens = [t.strip(".,;:'") for t in text.split()]
    if 0 < len(tokens) <= _STRAY_LETTERS and all(len(t) == 1 and t.isalpha() for t in tokens):
        return any(t.islower() for t in tokens)
    # "A ' flfc'~ r5-~ thc-ne-ei spD3C 2?": noise with a run of letters, but tokens no word has
    odd = sum(1 for t in text.split() if _ODD.search(t))
    if junk(text) and odd >= _ODD_TOKENS and len(text.split()) <= _JUNK_TAIL:
        return not re.search(DATE, text, re.IGNORECASE)
    return (
        (junk(text) or not re.search(r"[A-Za-z]{3}", text))  # thirteen tokens, not one word
        and not re.search(DATE, text, re.IGNORECASE)  # "7 May 1997 08/ BS/ 97 08: 30 P9: I"
        and len(text.split()) <= _JUNK_TAIL
        and not re.search(r"[A-Za-z]{4,}", text)
        and (
            bool(re.search(r"[~|/\\<>{}^*#@=]", text)) or bool(re.fullmatch(r"[a-z]", text.strip()))
        )
    )


# Scanning noise closing a release: "rK uA", "C.", "0", "1222": no word of three letters.
_NOISE = re.compile(r"^(?!.*[A-Za-z]{3})(?!\d{1,3}(?:,\d{3})+$)\S{1,6}(?:\s\S{1,6}){0,5}$")
_RELEASE_LINE = re.compile(r"^f\W*o\W*r\s+(?:p\W*\w{3,4}|n?media)\W*$", re.IGNORECASE)
_SEE_ALSO = re.compile(r"^(?:see\s+also\b.{0,80}|https?://\S+|www\.\S+)$", re.IGNORECASE)
_JUNK_TAIL = 16  # words: a longer last line is text, however strange
_STRAY_LETTERS = 3
_ODD_TOKENS = 2
_LAST_SENTENCE = re.compile(r"[.!?\"”]\s+((?:\S+\s+){0,7}\S+)$")
# a page number, or a scanned file's number; never a year ("ADELAIDE, 20th Sept. 1959")
_LAST_PAGE = re.compile(r"(?<=[.!?\"”])\s+(?!(?:1[89]|20)\d\d$)\d{1,6}$")


# "For more information ... visit www...", "For details on how to donate visit ...", and a contact
# block's opening, "Further details are available from:". A sentence saying where a report can be
# read ("Further information about X is available at www...") is the article's and stays.
_POINTER = re.compile(
    r"^(?:for\s+(?:(?:more|further)\s+)?(?:information|details|info)\b"
    r"|(?:further|more)\s+(?:information|details)\s+(?:is|are)\s+available\s+from\s*:$)",
    re.IGNORECASE,
)
# Where a reader is sent: a web address, a telephone number, or a colon the address follows.
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_REACHED = re.compile(
    r"(?:https?://|www\.)\S+|\(0\d\)\s?\d{4}\s?\d{4}\b|\b0\d\s\d{4}\s\d{4}\b"
    r"|\b1[38]00\s?\d{3}\s?\d{3}\b|\b13\s\d\d\s\d\d\b|\(04\d\d\s\d{3}\s\d{3}\)",
    re.IGNORECASE,
)
# A closing dateline, a place or a date or both, and a few marks after it
_CLOSING = re.compile(
    rf"^(?P<keep>(?:[A-Z][A-Za-z]+(?:[ /][A-Z][A-Za-z]+)?[,.]?(?:\s*A\.?\s?C\.?\s?T\.?,?)?)?"
    rf"\s*(?i:{DATE})?)\s+(?!A\.?\s?C\.?\s?T(?![A-Za-z]))"
    rf"(?P<noise>[^\s\w]*\w{{0,2}}\W*(?:\s+\S{{1,3}}){{0,2}})$"
)
# An Australian telephone number alone: "(02) 6277 7744", "02 6277 7744", "1800 007 757", "13 11 58"
_PHONE_ALONE = re.compile(
    r"^(?:(?:tel|ph|phone|telephone)\b[.:]?\s*)?(?:\(0\d\)\s?\d{4}\s?\d{4}|0\d\s\d{4}\s\d{4}"
    r"|1[38]00\s\d{3}\s\d{3}|13\s\d\d\s\d\d)$",
    re.IGNORECASE,
)
_CONTACT_WORDS = 8
_PERSON_ROLE = re.compile(
    r"^(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+,\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z]"
)
_DATE_LINE = re.compile(rf"^(?:{DATE})\.?$", re.IGNORECASE)
_TAIL_LINES = 6
_TAIL_WORDS = 20
