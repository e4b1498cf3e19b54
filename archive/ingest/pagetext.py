"""A page's text as an extractor gives it: lines with their size, place and role, and tables."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """A line of text on a page; size, position and edge are known when the extractor gives them."""

    text: str
    size: float = 0.0
    bold: bool = False
    edge: bool = False  # in the top or bottom margin band
    top: float = 0.0
    x0: float = 0.0
    bullet: bool = False  # a bullet was drawn before it
    role: str = ""  # "" running text, "aside" caption, chart note or box, "note" footnote, "table"
    lead: bool = False  # opens with a run-in head in bold ("Line 9a—Taxable interest. Report ...")


@dataclass
class PageText:
    number: int
    lines: list[Line]
    tables: list[tuple[float, list[list[str]]]] = field(default_factory=list)  # (top, rows)
    sideways: list[str] = field(default_factory=list)  # lines set sideways in a margin
