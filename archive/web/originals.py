"""Serve the original a document was ingested from: /doc/<id>/original.pdf or original.docx."""

from __future__ import annotations

from pathlib import Path

from flask import Response, abort, current_app, send_file

from archive.index.originals import path_of
from archive.web.links import find_document


def original_pdf(doc_id: str) -> Response:
    return _original(doc_id, ".pdf")


def original_docx(doc_id: str) -> Response:
    return _original(doc_id, ".docx")


def _original(doc_id: str, suffix: str) -> Response:
    # The id is looked up in the index and the file found by the hash stored with it: nothing from
    # the URL is used as a path, and the download is named after the id alone.
    document = find_document(doc_id)
    entry = next((f for f in document.get("files") or [] if f.get("suffix") == suffix), None)
    path = path_of(Path(current_app.config["INDEX_DIR"]), entry) if entry else None
    if path is None or entry is None:
        abort(404, f"The archive holds no original {suffix[1:].upper()} file of '{doc_id}'.")
    return send_file(
        path,
        mimetype=entry["type"],
        download_name=f"{doc_id}{suffix}",
        as_attachment=suffix != ".pdf",
        conditional=True,
        max_age=3600,
    )
