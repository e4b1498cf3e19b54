"""Take page marks, end marks and notes off the lines: "-3-", "/ 2", a catch-word, "ENDS"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from archive.ingest.furniture import _END_LINE, _PUNCTUATION, prose

# A page marker standing alone: "-3-", "2.", "/ 2", "./ 2", "I I 2.", "4..", "- 2 -", "Page 3".
_PAGE_LINE = re.compile(
    r"^(?:\d\s+(?=[A-Za-z|!]\s))?(?:[A-Za-z|!][.,]?\s+){0,3}(?:[-–.]\s*\d{1,2}\s*[-–.]?|\.?/\s*\d{1,2}(?:\s+-?\d{1,2}-?)?|\d{1,2}\s*[-–]|\d{1,2}\.{1,2})$"
    # "Page 3", "- Page 2 of 4 -"
    r"|^[-–(\s]*[Pp](?:age|AGE)\s+\d{1,3}(?:\s+of\s+\d{1,3})?[-–)\s]*$"
    # a catch-word or the scan's noise before a page's mark: "OF -2-", "4_ -2-", "r .7 -3-"; a
    # mark with its stroke after the number or a stop after it: "2/", ".3/", "/ 2." (round 15)
    r"|^(?:\S{1,3}\s+){1,2}[-–]\s*\d{1,2}\s*[-–]$|^\.?\d{1,2}\s*/$|^\.?/\s*\d{1,2}\.$"
)
# A bare number is a page's only where running text goes on around it, never in a table of figures.
_BARE_PAGE = re.compile(r"^\d{1,3}(?:\.\d)?$")
_LONE_MARK = re.compile(r"^[A-Za-z|!]$")  # a letter alone between paragraphs: a mark the scan read
# A page marker ending a line that the next page continues: "... million. ./ 2", "experiencing / 2".
_PAGE_TAIL = re.compile(
    r"(?:(?<=\s)|(?<=\.))\.?/\s*\d{1,2}\.?\s*$|\s+\.?/\s*\d{1,2}\.?\s*$|(?<=[.!?\"”])\s+\d{1,2}[.-]\s*$"
)
_PAGE_HEAD = re.compile(
    r"^\d{1,2}\.{2,}\s+(?=[A-Z])"
)  # "4.. REVIEW OF ..." opens a page with the header
_END_TAIL = re.compile(
    r"(?<=[.!?\"”)])\s+(?:[oO0]{3,}[-–—]+[\s0oO\-–—]*|[oO0]{4,}[\s0oO\-–—]*|[oO0]{3}\s*[0oO]{3,}[\s0oO\-–—]*"
    # "... Industry. 22/ 67T.": its release number; '... last..." F77/ 290 .4': its file's
    r"|\[?ENDS\]?|\d{1,3}\s?/\s?\d{2,4}[A-Z]?\.?"
    r"|[A-Z]\d{2}\s?/\s?\d{1,4}(?:\s+\S{1,3})?)$"
)
# A note pointing at what is not in the text: "See attachment-overleaf", "(See attached PDF ...)".
_ATTACHED = re.compile(
    r"\s*\(?\s*see\s+(?:the\s+)?(?:attach\w*|overleaf|over\b)[^()]{0,100}\)?\s*$", re.IGNORECASE
)
_NOTE_WORDS = 14
# Scanning noise before a page's mark at the foot of its last line: "... distributed o. o 9/ 2"
# (the next page opening "2"), "... and employment. , a . t4_" (the next line "-2-"). No run of
# two letters, and a figure or a mark no word has among its few tokens.
_NOISY_MARK = re.compile(r"(?<=\S)\s+((?:\S{1,3}\s+){0,4}\S{0,3}/\s*(\d{1,2})\.?)\s*$")
_NOISE_BEFORE_PAGE = re.compile(r"(?<=[.!?\"”])\s+((?:\S{1,3}\s+){0,4}\S{1,4})\s*$")


def clean_markers(lines: list[str], taken: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """Remove page markers and end marks, keeping the words around; return lines and what went.

    taken: what went before (a fax head's page number under it, "2"), so the next page is known.
    """
    kept: list[str] = []
    dropped: list[str] = []
    lines = _stamp_before_page(_without_stamps(_without_notes(lines, dropped), dropped), dropped)
    nonblank = [i for i, line in enumerate(lines) if line]
    where = {i: n for n, i in enumerate(nonblank)}
    announced = None  # "... / 2" ends a page; the next page opens with its number, "2"
    glue = None  # the line a catch-word was taken off goes on in the next page's first line
    # the numbers of the page marks taken so far
    pages = {int(mark.rstrip(".")) for mark in taken if re.fullmatch(r"\d{1,2}\.?", mark)}
    for i, line in enumerate(lines):
        following = nonblank[where[i] + 1] if line and where[i] + 1 < len(nonblank) else None
        page = None
        if following is not None:
            line, page = _noise_before_mark(line, lines[following], dropped)
            if page:  # the next line is this page's number, said again: "2"
                pages.add(int(page))
        bare = bool(_BARE_PAGE.match(line) or _LONE_MARK.match(line)) and (
            line == announced
            or _next_page(
                line,
                pages,
                lines[following] if following is not None else "",
                next((k for k in reversed(kept) if k), ""),
            )
            or _in_prose(lines, nonblank, where[i])
            or bool(_BARE_PAGE.match(line) and _catchword(lines, nonblank, where[i]))
        )
        # "... February 28, 1974." / "I" / "Holders of Series B Bonds will ...": a letter alone
        # before running text is a mark the scan read, never a sentence
        bare = bare or bool(
            _LONE_MARK.match(line) and following is not None and prose(lines[following])
        )
        if line and (_PAGE_LINE.match(line) or _END_LINE.match(line) or bare):
            dropped.append(line)
            if not _END_LINE.match(line) and re.search(r"\d", line):
                pages.add(int(re.findall(r"\d+", line)[-1]))
            if _BARE_PAGE.match(line) and _catchword(lines, nonblank, where[i]):
                glue = _drop_catchword(kept, dropped)
            continue
        if line:
            line = _numbers_run_in(
                line, kept, pages, dropped, lines[following] if following else ""
            )
            tail = _PAGE_TAIL.search(line)
            announced = re.sub(r"\D", "", tail.group()) if tail else page
            if tail and announced:
                pages.add(int(announced))
            catch = _CATCH_TAIL.search(line)
            if catch and _next_page_opens(lines, nonblank, where[i], catch.group(1)):
                dropped.append(catch.group().strip())  # "... bushfire. / Background" / "2"
                line = line[: catch.start()]
                announced = lines[nonblank[where[i] + 1]]  # its page's number, if it is one
        cleaned = _END_TAIL.sub("", _PAGE_HEAD.sub("", _PAGE_TAIL.sub("", line))).rstrip()
        if cleaned != line:
            dropped.append(line)
            if not cleaned:
                continue
        if glue is not None and cleaned:
            kept[glue] = f"{kept[glue]} {cleaned}"  # "account of them. We" / "2" / "We propose"
            glue = None
            continue
        kept.append(cleaned)
    return kept, dropped


# An archive's page stamp at a page's foot: "... governments. 003671", "2732", "... 1995 0195".
_STAMP = re.compile(r"(?:^|(?<=[.!?\"”)])\s+|(?<=\d{4})\s+)(\d{4,6})[A-Za-z]?$")
_STAMP_STEP = 3  # pages: the stamps of one release run on, a page or two apart


def _without_stamps(lines: list[str], dropped: list[str]) -> list[str]:
    """Take an archive's page stamps off: numbers at pages' feet that run on (3928, 3929, ...).

    A number after a sentence's end or alone on its line is a stamp where another such number
    runs on from it, in order, a few apart, or where it opens with a nought ("0195"), as no year,
    amount or postcode does. A postcode or a table's figure follows a word, not a full stop.
    """
    found = [(i, _STAMP.search(line)) for i, line in enumerate(lines)]
    numbers = [(i, m) for i, m in found if m and not re.fullmatch(r"(?:1[89]|20)\d\d", m.group(1))]
    values = [int(m.group(1)) for _, m in numbers]
    stamps = set()
    for n, (i, m) in enumerate(numbers):
        run_on = any(0 < values[n] - values[k] <= _STAMP_STEP for k in range(n)) or any(
            0 < values[k] - values[n] <= _STAMP_STEP for k in range(n + 1, len(numbers))
        )
        if run_on or m.group(1).startswith("0"):
            stamps.add(i)
    kept = []
    for i, line in enumerate(lines):
        if i in stamps:
            match = _STAMP.search(line)
            assert match is not None
            dropped.append(line[match.start() :].strip())
            line = line[: match.start()].rstrip()
            if not line:
                continue
        kept.append(line)
    return kept


def _noise_before_mark(line: str, following: str, dropped: list[str]) -> tuple[str, str | None]:
    """Take scanning noise and its page mark off a line whose page the next line numbers.

    "... should be distributed o. o 9/ 2" / "2": the mark and its noise go, the words stay;
    "... and employment. , a . t4_" / "-2-": the noise after the last sentence goes.
    """
    mark = _NOISY_MARK.search(line)
    if mark and following.strip(" -–.") == mark.group(2) and _noise(mark.group(1)[:-1]):
        dropped.append(mark.group(1))
        return line[: mark.start()], mark.group(2)
    tail = _NOISE_BEFORE_PAGE.search(line)
    if (
        tail
        and _PAGE_LINE.match(following)
        and _noise(tail.group(1))
        and re.search(r"[\d_~|/\\<>{}]", tail.group(1))
    ):
        dropped.append(tail.group(1))
        return line[: tail.start()], None
    return line, None


def _noise(text: str) -> bool:
    """Tell a few tokens of scanning noise: no two letters running, never a word."""
    return not re.search(r"[A-Za-z]{2}", text)


_FIRST_MARK = 2  # a release's first page bears no number: its second bears "2"


def _next_page(line: str, pages: set[int], following: str, previous: str = "") -> bool:
    """Tell a bare number that goes on from the page marks already taken: "-3-", later "4"."""
    if not (_BARE_PAGE.match(line) and line.isdigit()):
        return False
    number = int(line)
    closed = previous.endswith((".", "!", "?", '"', "”"))
    if number == _FIRST_MARK and not pages:
        # the first page's mark, "2", between a finished sentence and running text or a heading
        # in capitals ("... two days." / "2" / "MALAYSIA")
        return closed and (prose(following) or bool(_CAPITALS_HEADING.match(following)))
    if number - 1 in pages and number not in pages:
        return bool(re.match(r"[\"“'A-Z]", following))
    # a page whose mark the scan lost between: "4" taken, then "6" after a finished sentence and
    # before a heading or a sentence (round 15)
    return (
        bool(pages)
        and max(pages) < number <= max(pages) + _MISSED_PAGES
        and closed
        and len(previous.split()) >= _PROSE_WORDS  # a page's last line of running text
        and bool(re.match(r"[\"“'A-Z]", following))
    )


_CAPITALS_HEADING = re.compile(r"^[A-Z][A-Z'’&,)(\s-]{3,60}$")
_MISSED_PAGES = 3  # a page mark or two the scan lost between two it read
_PROSE_WORDS = 5


def _without_notes(lines: list[str], dropped: list[str]) -> list[str]:
    """Take "See attached ..." notes off the lines: a line of its own, or one closing a paragraph.

    "... and the Senate see Attachment" is a sentence that points at the attachment: it stays.
    """
    kept = []
    for line in lines:
        note = _ATTACHED.search(line)
        if (
            note
            and len(note.group().split()) <= _NOTE_WORDS
            and (note.start() == 0 or re.search(r"[.!?\"”)]\s*$", line[: note.start()]))
        ):
            dropped.append(note.group().strip())
            line = line[: note.start()].rstrip()
            if not line:
                continue
        kept.append(line)
    return kept


# The next page's first word typed at the foot of a page: "... the bushfire. / Background"
_CATCH_TAIL = re.compile(r"(?<=[.!?\"”])\s+\.?/\s*([A-Z][\w'’-]*)\s*$")


def _catchword(lines: list[str], nonblank: list[int], n: int) -> bool:
    """Tell a page number between a page's last word and the next page opening with it again.

    "... account of them. We" / "2" / "We propose therefore ...": a typist's catch-word.
    """
    if n == 0 or n + 1 >= len(nonblank):
        return False
    if _CATCH_TAIL.search(lines[nonblank[n - 1]]):
        return False  # "... increases. / Everyone": the catch-word with its mark, taken already
    last = lines[nonblank[n - 1]].split()[-1].strip(_PUNCTUATION)
    first = lines[nonblank[n + 1]].split()[0].strip(_PUNCTUATION)
    return len(last) >= 2 and last.isalpha() and last == first


def _drop_catchword(kept: list[str], dropped: list[str]) -> int | None:
    """Take the catch-word off the last line kept (the next page says it again); return where.

    A catch-word sharing its line with the sentence before it ("... of them. We") shows the
    paragraph going on over the page: the caller joins the next page's first line to that line.
    """
    last = max((j for j, line in enumerate(kept) if line), default=None)
    if last is None:
        return None
    words = kept[last].split()
    dropped.append(words[-1])
    kept[last] = " ".join(words[:-1])
    return last if kept[last] else None


def _next_page_opens(lines: list[str], nonblank: list[int], n: int, word: str) -> bool:
    """Tell whether the next page (past its number) opens with this word."""
    ahead = [lines[i] for i in nonblank[n + 1 : n + 3]]
    if ahead and _BARE_PAGE.match(ahead[0]):
        ahead = ahead[1:]
    return bool(ahead) and ahead[0].split()[0].strip(_PUNCTUATION) == word


def _in_prose(lines: list[str], nonblank: list[int], n: int) -> bool:
    """Tell whether the non-blank line n stands between two lines of running text (marks aside)."""
    near = (
        [lines[i] for i in nonblank[max(0, n - 3) : n]][::-1],
        [lines[i] for i in nonblank[n + 1 : n + 4]],
    )
    before, after = (
        next((line for line in side if not _PAGE_LINE.match(line)), "") for side in near
    )
    return len(before.split()) >= 5 and len(after.split()) >= 5


# An archive's stamp alone at a page's foot, misread or not: "3270O", "6545"
_STAMP_ALONE = re.compile(r"^\d{3,6}[A-Za-z]?\.?$")


def _stamp_before_page(lines: list[str], dropped: list[str]) -> list[str]:
    """Take a stamp off where the next page's number follows it within running text.

    "... in the Parliamient." / "3270O" / "2" / "He cries crocodile tears ...": no table has a
    figure alone between a sentence's end and running text, with a page's number after it.
    """
    nonblank = [i for i, line in enumerate(lines) if line]
    taken = set()
    for n in range(1, len(nonblank) - 2):
        before, stamp, page, after = (lines[i] for i in nonblank[n - 1 : n + 3])
        if (
            _STAMP_ALONE.match(stamp)
            and re.fullmatch(r"\d{1,2}", page)
            # a sentence ended, or running text broken off at a word ("... in dhe aa of" / "and
            # heafth" / "654." / "3" / "There wll be ..."): a table's row ends on a figure
            and (before.endswith((".", "!", "?", '"', "”")) or before.split()[-1].isalpha())
            and prose(after)
        ):
            taken.add(nonblank[n])
    dropped.extend(lines[i] for i in sorted(taken))
    return [line for i, line in enumerate(lines) if i not in taken]


# A page's number the scan ran into the next page's first line, "2 Additionally, there will be
# ...", or onto the last line of the page before, "... the New Year. 3" (round 15)
_NUMBER_HEAD = re.compile(
    r"^(\d{1,2})\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
    r"(?=[\"“'‘]?[A-Z][\w'’,.-]*(?:\s+\S+){3})"
)
_NUMBER_TAIL = re.compile(r"(?<=[a-z]{2}[.!?])([\"”’']?)\s+(\d{1,2})$")
_LIST_OPENING = re.compile(r"^\(?1[.)]?\s")


def _numbers_run_in(
    line: str, kept: list[str], pages: set[int], dropped: list[str], following: str
) -> str:
    """Take a page's number off the line a scan ran it into, where it goes on from the last."""
    previous = next((k for k in reversed(kept) if k), "")
    head = _NUMBER_HEAD.match(line)
    # at a page's head only where a page's mark came before: "2 The Company agrees ..." alone is a
    # list's item, "2 July 1976" a date
    if head and pages and _closed(previous) and _goes_on(int(head[1]), pages, kept):
        dropped.append(head[1])
        pages.add(int(head[1]))
        line = line[head.end() :]
    tail = _NUMBER_TAIL.search(line)
    if tail and re.match(r"[\"“'‘]?[A-Z]", following) and _goes_on(int(tail[2]), pages, kept):
        dropped.append(tail[2])
        pages.add(int(tail[2]))
        line = line[: tail.end(1)]
    return line


def _closed(previous: str) -> bool:
    return previous.endswith((".", "!", "?", '"', "”", ":"))


def _goes_on(number: int, pages: set[int], kept: list[str]) -> bool:
    """Tell a page's number: "2" before any other, never in a list numbered from 1; or the next."""
    if number == _FIRST_MARK and not pages:
        return not any(_LIST_OPENING.match(k) for k in kept)
    return number - 1 in pages and number not in pages
