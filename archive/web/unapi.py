"""The unAPI server: /unapi lists its formats, and gives one document's record in any of them."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from flask import Response, request

from archive.corpus.parse import ID_PATTERN
from archive.web import cite, csl, zotero
from archive.web.links import cite_address, current_archive, doc_url, today
from archive.web.pinpoint import accessed_on

# name: (MIME type, documentation)
FORMATS = {
    "ris": (
        "application/x-research-info-systems",
        "https://en.wikipedia.org/wiki/RIS_(file_format)",
    ),
    "bibtex": ("application/x-bibtex", "https://www.bibtex.org/Format/"),
    "mods": ("application/xml", "http://www.loc.gov/standards/mods/"),
    "csl-json": (
        "application/vnd.citationstyles.csl+json",
        "https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html",
    ),
}


def unapi() -> Response:
    """Answer as the unAPI specification asks: formats (200; 300 for an id), a record, 404, 406."""
    doc_id = request.args.get("id", "").strip()
    wanted = request.args.get("format", "").strip().lower()
    if not doc_id:
        if wanted:
            return _plain(400, "unAPI: a format needs an id (/unapi?id=ID&format=" + wanted + ")")
        return _formats(None, 200)
    document = current_archive().document(doc_id) if ID_PATTERN.match(doc_id) else None
    if document is None:
        return _plain(404, "unAPI: there is no document with that id in the archive")
    if not wanted:
        return _formats(doc_id, 300)
    if wanted not in FORMATS:
        return _plain(406, f"unAPI: the formats are {', '.join(FORMATS)}")
    url, accessed = cite_address(document), accessed_on(document, today())
    archive = None if document.get("url") else _site()
    if wanted == "ris":
        body: str | bytes = cite.ris(document, url, accessed, doc_url(document), archive)
    elif wanted == "bibtex":
        body = cite.bibtex(document, url, accessed, archive)
    elif wanted == "mods":
        body = zotero.mods(document, url, accessed, doc_url(document))
    else:
        body = csl.dumps([csl.item(document, url, accessed)])
    return Response(body, mimetype=FORMATS[wanted][0])


def _formats(doc_id: str | None, status: int) -> Response:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f"<formats id={quoteattr(doc_id)}>" if doc_id else "<formats>",
    ]
    lines += [
        f'  <format name="{name}" type="{mime}" docs="{docs}"/>'
        for name, (mime, docs) in FORMATS.items()
    ]
    lines.append("</formats>\n")
    return Response("\n".join(lines), status=status, mimetype="application/xml")


def _plain(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")


def _site() -> str:
    from flask import current_app

    return str(current_app.config["SITE_NAME"])
