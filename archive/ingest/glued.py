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
_OPENERS = {"The", "A", "An", "I", "It", "In", "On", "At", "This", "These", "We", "Our", "My"}
_OPENERS |= {"His", "Her", "Their", "There", "Every", "Today", "Following", "As", "Having"}
# A fax machine's head run into the text: "T1E6L:. Dec. 93 12: 19 No. 010 P. The Australian ..."
_FAX_HEAD = re.compile(
    r"^T\W?\d?\s?E\W?\d?\s?L\W?\d?\s?[:;.]\S*(?:\s+\S+){0,8}?\s+No\.\s*\d{2,4}\s+P\.?(?=\s+[A-Z]|\s*$)"
)
# A release's number closing a letterhead run into the text: "AUS l RIA. A IA PRP'SS STATEMENT NO.
# 417 The Prime Minister, ...", "PRIME MNAIATEU Press Statement No. 529 The Prime Minister ..."
_RELEASE_NUMBER = re.compile(
    r"^(?:\S+\s+){0,8}?(?:press\s+)?st\w{2,4}ent\s+no\.?\s*\d{1,4}\S{0,4}"
    r"(?=\s+(?:[A-Z][a-z]|[AI]\s)|\s*$)",
    re.IGNORECASE,
)
_HEAD_TOKENS = 16  # a head glued to a sentence is a release line, a headline or a byline: short
_LEAD_LINES = 10  # non-blank lines: a release's head is all above its first paragraph
_LOWER_AFTER = 2  # words in lower case among the three after a sentence's first word
_TITLE_LETTERS = 5  # a headline's closing words run into the text: "TRAGEDY", not "ACT"
_TITLE_SHARED = 2  # words of the title on the headline's first line above


def glued_head(
    lines: list[str], title: str | None, dropped: list[str], above: str = ""
) -> list[str]:
    """Take a head (release line, headline, stray letter) off the first line of text.

    above: the page's line above that line (the headline's first line, where it wrapped).
    """
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return lines
    tokens = lines[first].split()
    cut = _numbered_head(lines[first]) or _capitals_head(tokens, title, above)
    if not cut:
        return lines
    dropped.append(" ".join(tokens[:cut]))
    return lines[:first] + [" ".join(tokens[cut:])] + lines[first + 1 :]


def _numbered_head(line: str) -> int:
    """Return how many tokens of a release's number or a fax's head open the line, if any."""
    head = _FAX_HEAD.match(line) or _RELEASE_NUMBER.match(line)
    if not head or len(head.group().split()) > _HEAD_TOKENS:
        return 0
    if any(t.isalpha() and t.islower() and len(t) >= 3 for t in head.group().split()):
        return 0  # "The statement no. 4 ...": a sentence's words, not a letterhead's
    rest = line[head.end() :].split()
    if not rest:  # the head alone on its line, the article under it
        return len(head.group().split())
    after = [t.strip(".,;:'\"") for t in rest[1:9]]
    if sum(1 for t in after if t.isalpha() and t.islower() and len(t) >= 2) < _LOWER_AFTER:
        return 0
    return len(head.group().split())


def split_bylines(lines: list[str], dropped: list[str]) -> list[str]:
    """Take a byline run into a sentence off the sentence's line, keeping the sentence's words.

    "Statement by the Prime Minister, Mr. Harold Holt The Government has ..." as one line is a
    byline to a rule that reads lines, and the sentence's words would go with it.
    """
    split: list[str] = []
    seen = 0
    for line in lines:
        seen += bool(line)
        tokens = line.split()
        cut = _byline_head(tokens) if seen <= _LEAD_LINES else 0
        if cut:
            dropped.append(" ".join(tokens[:cut]))
        split.append(" ".join(tokens[cut:]) if cut else line)
    return split


def _capitals_head(tokens: list[str], title: str | None, above: str = "") -> int:
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
    if _closes_title(head, title, above):
        return k  # a headline's last line: "... FAMILIES OF THREDBO" / "TRAGEDY An ecumenical ..."
    if k == 1:  # one letter no sentence opens with, read by the scan: "S I was saddened ..."
        return 1 if len(head) == 1 and head.isalpha() and head not in ("A", "I") else 0
    furniture = not furniture_rest(head) or junk(head)
    return k if furniture or repeats_title(head, title, strict=True) else 0


def _closes_title(head: str, title: str | None, above: str) -> bool:
    """Tell a headline's last words, wrapped onto the first sentence's line, by the title's end.

    The headline's first line stands above, in capitals, with words of the title, and does not
    end on the words itself: "TALKS WITH ASEAN" / "ASEAN Leaders met ..." is a sentence's acronym.
    """
    words = re.findall(r"[a-z0-9]+", head.casefold())
    if not title or sum(len(w) for w in words) < _TITLE_LETTERS:
        return False
    named = re.findall(r"[a-z0-9]+", title.casefold())
    over = re.findall(r"[a-z0-9]+", above.casefold())
    return (
        named[-len(words) :] == words
        and len(words) < len(named)
        and not re.search(r"[a-z]", above)
        and len(set(over) & set(named[: -len(words)]) - _SMALL) >= _TITLE_SHARED
        and over[-len(words) :] != words
    )


def _byline_head(tokens: list[str]) -> int:
    """Return how many tokens of a byline open the line, if a sentence follows them."""
    if not _STATEMENT_BY.match(" ".join(tokens[:3])):
        return 0
    for j in range(3, min(len(tokens) - 1, _HEAD_TOKENS)):
        # a sentence's first word: one that opens sentences, or one a word in lower case follows
        # ("... Harold Holt The swearing ...", "... R. G. Menzies Having regard ..."); a name's
        # last word before it is none ("Menzies Having")
        opens = tokens[j] in _OPENERS or (
            _TITLE_CASE.match(tokens[j]) is not None and tokens[j + 1][:1].islower()
        )
        opens = opens and tokens[j - 1].casefold().strip(".,") not in _HONOURS  # "Sir | Robert"
        if opens and _sentence_after(tokens, j) and _named(tokens[:j]):
            return j
    return 0


def _named(tokens: list[str]) -> bool:
    """Tell a byline (who made the statement), however scanned, from a sentence's opening."""
    if byline_shaped(" ".join(tokens)):
        return True
    # "Statement by thie Prime Minister, teRt. Honl, R. G. Majgi": its words mostly in capitals
    named = [t for t in tokens[2:] if re.search(r"[A-Za-z]", t) and t.casefold() not in _SMALL]
    capitals = sum(1 for t in named if t[:1].isupper())
    return len(named) >= 2 and capitals >= 0.5 * len(named)


def _sentence_after(tokens: list[str], j: int) -> bool:
    """Tell whether a sentence goes on after its first word: words in lower case follow it."""
    after = [t.strip(".,;:'\"") for t in tokens[j + 1 : j + 5]]
    words = [t for t in after if t.isalpha() and t.islower() and len(t) >= 2 and t not in _SMALL]
    return len(words) >= _LOWER_AFTER
