"""What a paper's Markdown is made of: page markers, sentence ends, text escaped to stay plain."""

from __future__ import annotations

import re

PAGE_MARKER = "<!-- page {} -->"
SENTENCE_END = re.compile(r"[.!?:;][\"”’')\]]*$")
_MARKDOWN_START = re.compile(r"^(?:[#>+*_=|-]|\d+(?=[.)]\s))")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def escape(text: str) -> str:
    """Keep plain text plain in Markdown: no HTML, no stray headings, quotes, rules or lists."""
    text = _TAG_START.sub("&lt;", text)
    match = _MARKDOWN_START.match(text)
    if match:
        at = match.end() if match.group()[:1].isdigit() else 0
        text = f"{text[:at]}\\{text[at:]}"
    return text
