"""The kinds of document a corpus file's `type:` names, each with the other names it goes by."""

from __future__ import annotations

# Each kind, then the names it is also written as (matched without case or extra spaces).
KINDS: dict[str, tuple[str, ...]] = {
    "news": ("news article", "article", "news story", "newspaper article"),
    "press release": (
        "media release",
        "news release",
        "media statement",
        "press statement",
        "press notice",
    ),
    "report": ("research report", "evaluation", "review report"),
    "speech": ("address", "lecture", "speech transcript"),
    "transcript": ("interview", "interview transcript", "doorstop", "press conference"),
    "policy paper": ("white paper", "green paper", "strategy", "policy statement", "policy"),
    "consultation": ("consultation paper", "call for evidence"),
    "statistics": ("statistical release", "official statistics", "statistics release"),
    "letter": ("open letter", "correspondence"),
}
DEFAULT = "news"  # a document without a type
_BY_NAME = {name: kind for kind, names in KINDS.items() for name in (kind, *names)}


def kind_of(text: str | None) -> str | None:
    """Return the kind a type names, DEFAULT for no type and None for an unknown one.

    Other names of a kind count: "media release" gives press release.
    """
    if text is None or not str(text).strip():
        return DEFAULT
    return _BY_NAME.get(" ".join(str(text).lower().split()))


def normal_type(text: str | None) -> str | None:
    """Write a type as its kind's name where it is known, else as written."""
    if text is None:
        return None
    return kind_of(text) or text
