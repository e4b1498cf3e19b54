"""Money pages: a programme's or department's ledger (page, JSON, CSV), where a figure came from."""

from __future__ import annotations

import csv
import io
from typing import Any

from flask import Response, jsonify, render_template, request, url_for

from archive.errors import BadRequest
from archive.search.figures import figure_trail
from archive.search.ledger import Ledger, LedgerLine, ledger_of, ledger_rows
from archive.web.export import neutralise
from archive.web.links import absolute, current_archive

ROLE_LABELS = {
    "announced": "announced",
    "cut": "cut",
    "cost": "cost",
    "total": "total",
    "part": "part",
    "statistic": "statistic",
    "other": "other",
}
KIND_LABELS = {
    "new": "new money",
    "again": "announced again",
    "part": "part of",
    "within": "within",
    "cut": "cut",
    "cut again": "cut again",
}


def line_url(line: LedgerLine) -> str:
    """Link a ledger line to its sentence on its document's page."""
    return absolute(url_for("document", doc_id=line.doc_id)) + f"#amount-{line.amount}"


def figure_url(text: str, programme: str | None = None) -> str:
    """Link an amount to "this figure elsewhere"."""
    params: dict[str, Any] = {"amount": text, **({"programme": programme} if programme else {})}
    return url_for("figure", **params)


def _ledger(kind: str, key: str) -> Ledger:
    return ledger_of(current_archive(), kind, key)


def programme_ledger(key: str) -> str:
    return _page(_ledger("programme", key))


def department_ledger(key: str) -> str:
    return _page(_ledger("department", key))


def _page(ledger: Ledger) -> str:
    csv_url = url_for(f"{ledger.kind}_ledger_csv", key=ledger.key)
    json_url = url_for(f"api_{ledger.kind}_ledger", key=ledger.key)
    return render_template("ledger.html", ledger=ledger, csv_url=csv_url, json_url=json_url)


def api_programme_ledger(key: str) -> Response:
    return _json(_ledger("programme", key))


def api_department_ledger(key: str) -> Response:
    return _json(_ledger("department", key))


def _json(ledger: Ledger) -> Response:
    data = ledger.to_dict()
    for line, row in zip(ledger.lines, data["lines"]):
        row["links"] = {"html": line_url(line)}
    return jsonify(data)


def programme_ledger_csv(key: str) -> Response:
    return _csv(_ledger("programme", key))


def department_ledger_csv(key: str) -> Response:
    return _csv(_ledger("department", key))


def _csv(ledger: Ledger) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in ledger_rows(ledger, line_url):
        writer.writerow([neutralise(cell) for cell in row])
    name = f"ledger-{ledger.kind}-{ledger.key}.csv"
    return Response(
        buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _trail():
    text = (request.args.get("amount") or "").strip()
    if not text:
        raise BadRequest(
            "amount is missing: write the figure as it is written, such as ?amount=£200m"
        )
    programme = (request.args.get("programme") or "").strip() or None
    dollar = (request.args.get("currency") or "").strip().upper() or None
    return figure_trail(current_archive(), text[:60], programme, dollar)


def figure() -> str:
    return render_template("figure.html", trail=_trail())


def api_figure() -> Response:
    trail = _trail()
    data = trail.to_dict()
    for mention in data["mentions"] + data["cuts"]:
        mention["links"] = {
            "html": absolute(url_for("document", doc_id=mention["doc_id"]))
            + f"#amount-{mention['amount']}"
        }
    return jsonify(data)
