"""Mend a font's ToUnicode map where it contradicts the font's own encoding (case, ligatures)."""

from __future__ import annotations

import unicodedata
from typing import Any

from pdfminer.glyphlist import glyphname2unicode
from pdfminer.pdffont import PDFFont, PDFSimpleFont
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral

# the presentation forms of Latin ligatures (ff, fi, fl, ffi, ffl, long st, st)
_LIGATURES = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}


class MendedFonts(PDFResourceManager):
    """pdfminer's font cache, with each simple font's ToUnicode map mended where it is wrong.

    Some producers write a ToUnicode map that gives a font's capitals as small letters (an EFSA
    journal's Myriad: "In 2007, ... Norway" read as "in 2007, ... norway"). Where the font's
    own encoding names the glyph drawn for a code ("I", "N") and the map gives the same letter
    in the other case, the glyph's name is what is printed, so it wins. Others map a ligature
    glyph to one of its letters (an MMWR's Garamond: fi as "i", ff as "f", T_h as "h", so "The"
    reads "he"); where the encoding names a ligature ("fi", "f_f_i", "T_h") and the map gives
    fewer letters than it holds, its letters win. Ligature characters (U+FB00-FB06) are given as
    their letters, so search finds "financial" printed with an fi glyph."""

    def get_font(self, objid: object, spec: Any) -> PDFFont:
        known = bool(objid) and objid in self._cached_fonts
        font = super().get_font(objid, spec)
        if not known:
            mend_case(font)
            mend_ligatures(font, spec)
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


def ligature_letters(name: str) -> str | None:
    """Give the letters a ligature glyph's name stands for ("f_f_i" -> "ffi", "fi" -> "fi")."""
    if "_" in name:
        parts = [glyphname2unicode.get(part, "") for part in name.split(".")[0].split("_")]
        letters = "".join(_LIGATURES.get(part, part) for part in parts)
        ok = all(len(part) == 1 and part.isalpha() for part in parts) and len(parts) > 1
        return letters if ok else None
    glyph = glyphname2unicode.get(name.split(".")[0], "")
    return _LIGATURES.get(glyph)


def _named_glyphs(spec: Any) -> dict[int, str]:
    """Read the glyph names a simple font's /Differences gives its codes."""
    encoding = resolve1(spec.get("Encoding")) if hasattr(spec, "get") else None
    if not isinstance(encoding, dict):
        return {}
    names: dict[int, str] = {}
    code = 0
    for item in resolve1(encoding.get("Differences", [])) or []:
        item = resolve1(item)
        if isinstance(item, int):
            code = item
        elif isinstance(item, PSLiteral):
            names[code] = str(item.name)
            code += 1
    return names


def mend_ligatures(font: PDFFont, spec: Any) -> int:
    """Give ligature glyphs all their letters where the map cuts them short; say how many."""
    if not isinstance(font, PDFSimpleFont):
        return 0
    mended = 0
    for cid, glyph in list(font.cid2unicode.items()):
        if glyph in _LIGATURES:
            font.cid2unicode[cid] = _LIGATURES[glyph]
    mapped = font.unicode_map.cid2unichr if font.unicode_map is not None else None
    for cid, name in _named_glyphs(spec).items():
        letters = ligature_letters(name)
        if letters is None:
            continue
        font.cid2unicode[cid] = letters
        text = mapped.get(cid) if mapped is not None else None
        if mapped is not None and text is not None and len(text) < len(letters):
            mapped[cid] = letters  # a ligature read as its last letter ("fi" as "i")
            mended += 1
    if mapped is not None:
        for cid, text in list(mapped.items()):
            if any(char in _LIGATURES for char in text):
                mapped[cid] = "".join(_LIGATURES.get(char, char) for char in text)
    return mended
