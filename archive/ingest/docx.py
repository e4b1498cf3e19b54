"""Read a Word file (.docx) with python-docx: headings, paragraphs, lists, tables, as Markdown."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from archive.ingest.pages import escape, table_rows

_HEADING = re.compile(r"^(?:heading\s*(\d)|title)$", re.IGNORECASE)
_LIST = re.compile(r"list", re.IGNORECASE)


class DocxProblem(Exception):
    """Why a Word file cannot be ingested, in words for the report."""


@dataclass
class DocxText:
    blocks: list[str]
    title: str | None = None  # the paragraph in the Title style, else the core properties' title
    properties: dict[str, str] = field(
        default_factory=dict
    )  # title, author, created (YYYY-MM-DD), ...
    front: list[str] = field(default_factory=list)  # the first paragraphs, for dates and publishers


def read_docx(data: bytes) -> DocxText:
    """Turn a .docx into Markdown blocks; raise DocxProblem saying what is wrong with it."""
    import docx  # loads only when a Word file comes
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        if (
            data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        ):  # an OLE file: old .doc, or an encrypted .docx
            raise DocxProblem(
                "encrypted or an old .doc: save it as a .docx without a password"
            ) from None
        raise DocxProblem(f"damaged or not a Word file: {type(error).__name__}") from None
    core = document.core_properties
    properties = {
        "title": (core.title or "").strip(),
        "author": (core.author or "").strip(),
        "created": core.created.date().isoformat() if core.created else "",
    }
    blocks: list[str] = []
    title = None
    front: list[str] = []
    in_list = False
    body = document.element.body
    tables = {table._tbl: table for table in document.tables}
    paragraphs = {paragraph._p: paragraph for paragraph in document.paragraphs}
    for child in body.iterchildren():
        if child in tables:
            rows = [
                [" ".join(cell.text.split()) for cell in row.cells] for row in tables[child].rows
            ]
            rows = [_unmerged(row) for row in rows if any(row)]
            if rows:
                blocks.append(
                    table_rows(rows)
                    if len(rows) > 1
                    else "- " + "; ".join(escape(c) for c in rows[0] if c)
                )
            in_list = False
            continue
        paragraph = paragraphs.get(child)
        if paragraph is None:
            continue
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        if len(front) < 12:
            front.append(text)
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        heading = _HEADING.match(style.strip())
        if heading and heading.group(1) is None:  # the Title style
            title = title or text
            continue
        if heading:
            blocks.append("#" * min(int(heading.group(1)) + 1, 4) + " " + escape(text))
        elif (
            _LIST.search(style)
            or paragraph._p.pPr is not None
            and paragraph._p.pPr.numPr is not None
        ):
            item = "- " + escape(text)
            if in_list:
                blocks[-1] += "\n" + item
            else:
                blocks.append(item)
            in_list = True
            continue
        else:
            blocks.append(escape(text))
        in_list = False
    if not blocks:
        raise DocxProblem("no text: the document holds no paragraphs")
    return DocxText(blocks, title or properties["title"] or None, properties, front)


def _unmerged(row: list[str]) -> list[str]:
    """Word repeats a merged cell's text in each cell it spans: keep it once."""
    kept: list[str] = []
    for cell in row:
        kept.append("" if kept and cell == kept[-1] else cell)
    return kept
