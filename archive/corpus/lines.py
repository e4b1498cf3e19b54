"""Join the wrapped lines of a text back into its sentences, keeping every character's place.

Releases scanned and read by OCR (and many typed ones) keep the printed page's line breaks, often
as blank lines: "Establish a $10 million TCF Technology\\n\\nDevelopment Fund and provide $10
million". Read line by line, an amount loses the words of its sentence ("$ 17.7 million." alone
on a line). A break is joined (its newlines become spaces, so that offsets into the text still
hold) only where the line before it does not end a sentence: it ends without a stop, colon or
semicolon, it is not much shorter than the text's usual line (a heading or a paragraph's last
line), and the next line is not a list item. Three or more newlines are always a break.
"""

from __future__ import annotations

import re
from functools import lru_cache

# One line break, or one blank line between two lines.
_BREAK = re.compile(r"[^\S\n]*\n(?:[^\S\n]*\n)?[^\S\n]*(?=\S)")
_ENDS = re.compile(r"[.!?:;][\"'”’)\]]*$")
_ITEM = re.compile(r"(?:[•·▪◦‣*]|[-–—](?=\s)|\d{1,3}[.)](?=\s)|\(?[a-z]\)\s)")
_SHORT = 0.6  # of the usual line's length: a line this short ends its paragraph
_FEW = 4  # lines: fewer give no usual length, and nothing is joined


@lru_cache(maxsize=8)
def join_lines(text: str) -> str:
    """Return text with the line breaks inside its sentences turned into spaces (same length)."""
    if "\n" not in text:
        return text
    lengths = sorted(len(line.strip()) for line in text.split("\n") if line.strip())
    if len(lengths) < _FEW:
        return text
    usual = lengths[len(lengths) // 2]
    out = list(text)
    line_start = 0
    for match in _BREAK.finditer(text):
        raw = text[line_start : match.start()]
        line = raw.strip()
        line_start = match.end()
        if (
            not line
            or "\n" in raw  # more than one blank line before: a break
            or _ENDS.search(line)
            or len(line) < _SHORT * usual
            or _ITEM.match(text, match.end())
        ):
            continue
        for at in range(match.start(), match.end()):
            if out[at] == "\n":
                out[at] = " "
    return "".join(out)


def list_end(text: str, end: int) -> int:
    """Return where the list after text[:end] ends: at a blank line not followed by an item."""
    at = end
    while True:
        while at < len(text) and text[at] == "\n":
            at += 1
        stop = text.find("\n\n", at)
        if stop < 0:
            return len(text)
        following = stop
        while following < len(text) and text[following] in "\n \t":
            following += 1
        if following >= len(text) or not _ITEM.match(text, following):
            return stop
        at = stop + 2
