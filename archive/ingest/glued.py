"""Take a release's head off its first sentence where the scan ran the two into one line.

"PRIME MINISTER FOR MEDIA 7 AUGUST 1988 The Government has ...", "S I was saddened to learn ...",
"Statement by the Prime Minister, Mr. Harold Holt The Government has decided ...": a line rule
keeps such a line whole, for its sentence; these take the head off and keep the sentence.
"""

from __future__ import annotations

import re

from archive.ingest.furniture import byline_shaped, furniture_rest, junk, repeats_title

# A sentence's first word after a head in capitals: "The", "Every", "Mr", or "A" / "I" before a
# word in lower case.
_TITLE_CASE = re.compile(r"^[\"“‘']?[A-Z][a-z][\w'’.,-]*$")
_STATEMENT_BY = re.compile(
    r"^\(?\s*(?:joint\s+)?(?:st\w{2,4}ent|message|tribute)\s+(?:by|from)\b", re.IGNORECASE
)
_NUMBER = re.compile(r"^N[oO]\.?$")
_RELEASE = re.compile(r"^f\W*o\W*r\s", re.IGNORECASE)
_SMALL = {"the", "of", "and", "a", "an"}
# words a byline goes on after: "Sir | Robert", "the Prime | Minister"
_HONOURS = {"sir", "mr", "mrs", "ms", "dr", "hon", "rt", "the", "lady", "dame", "senator"}
_HONOURS |= {"prime", "deputy", "acting", "right", "honourable"}
_HEAD_TOKENS = 16  # a head glued to a sentence is a release line, a headline or a byline: short
_LEAD_LINES = 10  # non-blank lines: a release's head is all above its first paragraph
_LOWER_AFTER = 2  # words in lower case among the three after a sentence's first word


def glued_head(lines: list[str], title: str | None, dropped: list[str]) -> list[str]:
    """Take a head (release line, headline, stray letter) off the first line of text."""
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return lines
    tokens = lines[first].split()
    cut = _capitals_head(tokens, title)
    if not cut:
        return lines
    dropped.append(" ".join(tokens[:cut]))
    return lines[:first] + [" ".join(tokens[cut:])] + lines[first + 1 :]


def split_bylines(lines: list[str]) -> list[str]:
    """Put a byline run into a sentence on a line of its own, above the sentence's words.

    "Statement by the Prime Minister, Mr. Harold Holt The Government has ..." as one line is a
    byline to a rule that reads lines, and the sentence's words would go with it.
    """
    split: list[str] = []
    seen = 0
    for line in lines:
        seen += bool(line)
        tokens = line.split()
        cut = _byline_head(tokens) if seen <= _LEAD_LINES else 0
        split.extend([" ".join(tokens[:cut]), " ".join(tokens[cut:])] if cut else [line])
    return split


def _capitals_head(tokens: list[str], title: str | None) -> int:
    """Return how many tokens of a head in capitals open the line, if a sentence follows them."""
    k = 0  # "FOR PRESS: P. M. No. 13/ 1966": a release number's "No." is the head's
    while k < len(tokens) and (not re.search(r"[a-z]", tokens[k]) or _NUMBER.match(tokens[k])):
        k += 1
    if 0 < k < len(tokens) and tokens[k - 1] in ("A", "I") and tokens[k][:1].islower():
        k -= 1  # "S I was saddened": "I" opens the sentence
    if not 0 < k <= _HEAD_TOKENS or k >= len(tokens):
        return 0
    opens = _TITLE_CASE.match(tokens[k]) or (
        tokens[k] in ("A", "I") and k + 1 < len(tokens) and tokens[k + 1][:1].islower()
    )
    after = [t.strip(".,;:'\"") for t in tokens[k + 1 : k + 9]]
    if not opens or sum(1 for t in after if t.isalpha() and t.islower() and len(t) >= 2) < 2:
        return 0  # "FDR,~~ P Pq s r IMPLIA M": noise throughout, no sentence after it
    head = " ".join(tokens[:k])
    if re.fullmatch(r"(?:[A-Z]\.\s*)+", head):
        return 0  # "E. G. Whitlam, M. and the Premier ...": a name's initials
    if head.endswith(":") and not _RELEASE.match(head):
        return 0  # "ALAN JONES: Prime Minister, good morning": a speaker, not a head
    if k == 1:  # one letter no sentence opens with, read by the scan: "S I was saddened ..."
        return 1 if len(head) == 1 and head.isalpha() and head not in ("A", "I") else 0
    furniture = not furniture_rest(head) or junk(head)
    return k if furniture or repeats_title(head, title, strict=True) else 0


def _byline_head(tokens: list[str]) -> int:
    """Return how many tokens of a byline open the line, if a sentence follows them."""
    if not _STATEMENT_BY.match(" ".join(tokens[:3])):
        return 0
    cut = 0  # the last place a sentence can open: a name's words are no sentence's
    for j in range(3, min(len(tokens), _HEAD_TOKENS)):
        opens = _TITLE_CASE.match(tokens[j]) or tokens[j] in ("A", "I")
        opens = opens and tokens[j - 1].casefold().strip(".,") not in _HONOURS  # "Sir | Robert"
        if opens and _sentence_after(tokens, j) and byline_shaped(" ".join(tokens[:j])):
            cut = j
    return cut


def _sentence_after(tokens: list[str], j: int) -> bool:
    """Tell whether a sentence goes on after its first word: words in lower case follow it."""
    after = [t.strip(".,;:'\"") for t in tokens[j + 1 : j + 4]]
    words = [t for t in after if t.isalpha() and t.islower() and len(t) >= 2 and t not in _SMALL]
    return len(words) >= _LOWER_AFTER
