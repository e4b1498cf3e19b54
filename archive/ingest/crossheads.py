"""Part a crosshead in capitals from its paragraph where a scan ran the two into one line.

"TAXATION A Labor Government's first ...", "CONCLUSION Wage increases ...": a heading of a few
words in capitals, and the paragraph it heads going on in the same line, after a line that closed
a sentence. An acronym opening a sentence ("ASEAN Leaders met ...", "ANZUS Treaty ...") is no
heading: a word the text uses in capitals elsewhere too stays (round 15).
"""

from __future__ import annotations

import re

_OPENING_WORDS = 5  # what follows the heading is a paragraph's first line, not "July 1970"
_FINAL = re.compile(r"[.!?:;][\"”’')\]]*$")
# one to four words in capitals (the longest of five letters or more), then a sentence: "A" or
# "I" before a word, or a word in title case before one in lower case
_CROSSHEAD = re.compile(
    r"^((?:[A-Z][A-Z'’&-]+\s+){0,3}[A-Z][A-Z'’&-]+)\s+(?=[AI]\s+[A-Za-z][a-z]|[A-Z][a-z'’]+\s+[a-z]{2})"
)


def crossheads_apart(lines: list[str], scanned: set[str]) -> list[str]:
    """Part a crosshead in capitals from the paragraph a scan ran into its line."""
    text = " ".join(lines)
    out: list[str] = []
    for line in lines:
        head = _CROSSHEAD.match(line) if line in scanned else None
        if (
            head
            and out
            and len(line[head.end() :].split()) >= _OPENING_WORDS
            and _FINAL.search(out[-1])
            and max(len(word) for word in head[1].split()) >= 5
            and not any(_used_elsewhere(word, text) for word in head[1].split())
        ):
            out.extend([head[1], line[head.end() :]])
        else:
            out.append(line)
    return out


def _used_elsewhere(word: str, text: str) -> bool:
    """Tell a word in capitals the text uses again inside a sentence: an acronym or a name."""
    return len(re.findall(rf"[a-z,]\s+{re.escape(word)}\b", text)) >= 1
