"""Calm a title written in capitals: sentence case or title case, acronyms kept in capitals.

Titles not in capitals are kept as written, since proper nouns cannot be told apart.
"""

from __future__ import annotations

import functools
import re

# Acronyms kept in capitals when a title in capitals is calmed, whether or not they are also words
# (US, AIDS) or longer than four letters (UNESCO). Shorter ones that are not words are found alone.
ACRONYMS = frozenset(
    """
    ABC ABS ACCC ACTU AIDS ANZAC ANZUS APEC ASEAN ASIC ASIO CHOGM COAG CSIRO COVID FIFA HECS ICAC
    NAPLAN NASA NATO NDIS OECD OPEC QANTAS SBS TAFE UNESCO UNHCR UNICEF UNSW US USA
""".split()
)
# Kept lower case inside a title in title case, unless first.
SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
}


def sentence_case(title: str) -> str:
    """Calm a title in capitals to sentence case (WATERFRONT STRIKE: Waterfront strike)."""
    if not _shouted(title):
        return title
    words = title.split(" ")
    out = []
    for n, word in enumerate(words):
        first = n == 0 or words[n - 1].endswith((":", ".", "?", "!"))
        out.append(_calm(word, capital=first))
    return " ".join(out)


def title_case(title: str) -> str:
    """Calm a title in capitals to title case (WATERFRONT STRIKE: Waterfront Strike)."""
    if not _shouted(title):
        return title
    words = title.split(" ")
    return " ".join(
        _calm(w, capital=n == 0 or w.lower() not in SMALL_WORDS) for n, w in enumerate(words)
    )


def _shouted(title: str) -> bool:
    letters = [ch for ch in title if ch.isalpha()]
    return len(letters) >= 4 and not any(ch.islower() for ch in letters)


def _calm(word: str, capital: bool) -> str:
    if is_acronym(word):
        return word
    lower = word.lower()
    if not capital:
        return lower
    # The first letter is raised unless a digit comes first ($10m stays $10m).
    match = re.search(r"[a-z0-9]", lower)
    if not match or lower[match.start()].isdigit():
        return lower
    return lower[: match.start()] + lower[match.start()].upper() + lower[match.start() + 1 :]


def is_acronym(word: str) -> bool:
    """Tell whether a word in capitals is an acronym that keeps them (PM, NSW, UNESCO, COVID-19).

    Known acronyms are kept; so is a word of two letters or more without vowels, and a word of
    four letters or fewer that is not an English word (nor its plural) in the web2 and GCIDE lists.
    """
    bare = word.strip("()[]{}\"'‘’“”,:;!?")
    core = re.sub(r"['’]S$", "", bare.strip("."))
    letters = re.sub(r"[^A-Za-z]", "", core.split("-")[0])
    if not letters or not letters.isupper():
        return False
    if letters in ACRONYMS:
        return True
    if len(letters) >= 2 and not re.search(r"[AEIOUY]", letters):
        return True
    if re.fullmatch(r"[A-Za-z]+\.", bare):
        return False  # a word cut short with a full stop (HON., DEPT.) is an abbreviation of a word
    if not 2 <= len(letters) <= 4:
        return False
    word_list = _english_words()
    lower = letters.lower()
    # A plural of a word (ARTS, ACTS) is a word too.
    return lower not in word_list and not (lower.endswith("s") and lower[:-1] in word_list)


@functools.cache
def _english_words() -> frozenset[str]:
    """Load the English words, names of places and people included (web2 and GCIDE), lower-cased."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2", "gcide"], lower=True, alpha=True))
