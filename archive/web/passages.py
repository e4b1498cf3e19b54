"""Number a document's passages: each paragraph, list item and table row gets an anchor, #p1...

Numbers follow document order in the body as written, so they are the same in every build
while the text is unchanged; an edit renumbers only what follows an added or removed passage.
A page marker (`<!-- page N -->`) gives each passage of a paper the page it starts on.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

import lxml.html
import markdown
import nh3
from lxml import etree
from markupsafe import Markup

from archive.corpus.parse import PAGE_MARKER

BLOCKS = {"p", "li", "tr"}
# Page markers survive Markdown and sanitising as private-use characters around the number.
_OPEN, _CLOSE = "\ue000", "\ue001"
_TOKEN = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
FRAGMENT_WORDS = (
    5  # words at each end of a text fragment: enough to find the passage, short to read
)


@dataclass(frozen=True)
class Passage:
    number: int
    text: str
    page: int | None

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


def render(
    body: str, link: Callable[[int], str] | None = None, cited: int | None = None
) -> tuple[Markup, list[Passage]]:
    """Render a Markdown body to safe HTML with numbered passages; link(n) is n's cite link."""
    marked = PAGE_MARKER.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}", body)
    clean = nh3.clean(markdown.markdown(marked, extensions=["sane_lists"]))
    root = lxml.html.fragment_fromstring(clean, create_parent="div")
    passages: list[Passage] = []
    elements: list[etree._Element] = []
    page: int | None = None
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue  # a comment: nh3 leaves none, but lxml may
        if element.tag in BLOCKS and not _inside_block(element):
            text = " ".join(_TOKEN.sub(" ", element.text_content()).split())
            if not text:  # a page marker on its own line: not a passage
                page = _last_page(element.text_content(), page)
                _strip(element)
                if element.tag == "p" and not len(element):
                    element.drop_tree()
                continue
            passages.append(Passage(len(passages) + 1, text, page))
            elements.append(element)
            element.set("id", f"p{len(passages)}")
            if cited == len(passages):
                element.set("class", "cited")
        page = _last_page((element.text or "") + (element.tail or ""), page)
        _strip(element)
    if link is not None:
        for passage, element in zip(passages, elements, strict=True):
            _add_control(element, link(passage.number), passage.number)
    inner = html.escape(root.text or "") + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in root
    )
    return Markup(inner), passages


def fragment_link(address: str, passage: Passage) -> str:
    """Link to a passage: its anchor, and a text fragment that finds and highlights its words."""
    words = passage.text.split()
    if len(words) <= 2 * FRAGMENT_WORDS:
        directive = _encode(" ".join(words))
    else:
        directive = (
            _encode(" ".join(words[:FRAGMENT_WORDS]))
            + ","
            + _encode(" ".join(words[-FRAGMENT_WORDS:]))
        )
    return f"{address}#{passage.anchor}:~:text={directive}"


def _encode(text: str) -> str:
    # A text fragment's own syntax uses - , & : each is percent-encoded with everything else.
    return quote(text, safe="").replace("-", "%2D")


def _inside_block(element: etree._Element) -> bool:
    return any(parent.tag in BLOCKS for parent in element.iterancestors())


def _last_page(text: str, page: int | None) -> int | None:
    found = _TOKEN.findall(text)
    return int(found[-1]) if found else page


def _strip(element: etree._Element) -> None:
    # The marker took the spaces around it (as the corpus parser reads it): one space stands in.
    if element.text and _OPEN in element.text:
        element.text = _TOKEN.sub(" ", element.text)
    if element.tail and _OPEN in element.tail:
        element.tail = _TOKEN.sub(" ", element.tail)


def _add_control(element: etree._Element, href: str, number: int) -> None:
    """Add the small "link / cite" control to a passage: in a row, at the end of its last cell."""
    target = element
    if element.tag == "tr":
        cells = [c for c in element if c.tag in ("td", "th")]
        if not cells:
            return
        target = cells[-1]
    control = etree.SubElement(
        target,
        "a",
        {
            "class": "passage-cite",
            "href": href,
            "title": "link / cite",
            "aria-label": f"Link to or cite paragraph {number}",
        },
    )
    control.text = f"¶{number}"
    control.tail = None
    # A space before the control keeps the passage's last word apart from it.
    previous = control.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + " "
    else:
        target.text = (target.text or "") + " "
