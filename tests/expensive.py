"""Requests that cost the most to answer (issue 12): each must get a bounded answer, never a 500."""

from __future__ import annotations

# Common words of announcements, so that chains and phrases match many documents.
WORDS = (
    "government funding million support new program community health national services "
    "people australia local minister future jobs work plan help infrastructure"
).split()

OR_CHAIN = " OR ".join((WORDS * 3)[:50])
LONG_WORD = "a" * 1000
# Three-letter words, so that 200 of them fit in a query's 1,000 characters.
LONG_PHRASE = '"' + " ".join(("new tax aid pay job war gas oil age law".split() * 20)[:200]) + '"'

# (name, query parameters); the deepest allowed page is request.MAX_PAGE at MAX_PER_PAGE.
EXPENSIVE = [
    ("a*", {"q": "a*"}),
    ("*", {"q": "*"}),
    ("a* b* c* d* e*", {"q": "a* b* c* d* e*"}),
    ("*ing", {"q": "*ing"}),
    ("?", {"q": "?"}),
    ("co* pr* de* in* re*", {"q": "co* pr* de* in* re*"}),
    ("50-word OR chain", {"q": OR_CHAIN}),
    ("1,000-character word", {"q": LONG_WORD}),
    ("200-word phrase", {"q": LONG_PHRASE}),
    ("deepest page", {"q": "government", "page": "1000", "per_page": "100"}),
    ("deepest page, newest", {"page": "1000", "per_page": "100", "sort": "newest"}),
    ("deepest page of co*", {"q": "co*", "page": "1000", "per_page": "100"}),
    ("deepest page of a phrase", {"q": '"prime minister"', "page": "1000", "per_page": "100"}),
    ("beyond the deepest page", {"q": "government", "page": "1001", "per_page": "100"}),
]
# Left out, with a notice, on any corpus.
REFUSED = {"a*", "a* b* c* d* e*", "*ing", "?"}
# Expanded only in part, with a notice, on a corpus with more words than the limits.
CAPPED = {"co* pr* de* in* re*", "deepest page of co*"}
# Answered 400: a parameter beyond what is allowed.
BAD = {"beyond the deepest page"}
