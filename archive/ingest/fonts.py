"""Mend a font's ToUnicode map where it contradicts the font's own encoding in letter case."""

from __future__ import annotations

from typing import Any

from pdfminer.pdffont import PDFFont, PDFSimpleFont
from pdfminer.pdfinterp import PDFResourceManager


class MendedFonts(PDFResourceManager):
    """pdfminer's font cache, with each simple font's case-swapped ToUnicode entries mended.

    Some producers write a ToUnicode map that gives a font's capitals as small letters (an EFSA
    journal's Myriad: "In 2007, ... Norway" read as "in 2007, ... norway"). Where the font's
    own encoding names the glyph drawn for a code ("I", "N") and the map gives the same letter
    in the other case, the glyph's name is what is printed, so it wins; every other entry of the
    map (ligatures, symbols, letters the encoding does not name) is kept as written."""

    def get_font(self, objid: object, spec: Any) -> PDFFont:
        known = bool(objid) and objid in self._cached_fonts
        font = super().get_font(objid, spec)
        if not known:
            mend_case(font)
        return font


def mend_case(font: PDFFont) -> int:
    """Give each code the case its encoding names where the ToUnicode map swaps it; say how many."""
    if not isinstance(font, PDFSimpleFont) or font.unicode_map is None:
        return 0
    mapped = font.unicode_map.cid2unichr
    mended = 0
    for cid, glyph in font.cid2unicode.items():
        text = mapped.get(cid)
        if (
            text is not None
            and len(glyph) == 1
            and glyph.isalpha()
            and text != glyph
            and text == glyph.swapcase()
        ):
            mapped[cid] = glyph
            mended += 1
    return mended
