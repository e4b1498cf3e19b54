"""The document page's versions: the texts `archive follow` kept, one shown, two compared."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from archive.corpus.versions import word_diff
from archive.errors import BadRequest

CURRENT = "current"


def versions_view(document: dict[str, Any], args: Mapping[str, str]) -> dict[str, Any]:
    """List a document's versions, the one asked for, and the words changed between two."""
    kept = document.get("versions") or []
    listed = [{"name": v["name"], "date": v["date"], "current": False} for v in kept]
    if listed:
        listed.append({"name": CURRENT, "date": document.get("fetched") or "", "current": True})
    bodies = {v["name"]: v["body"] for v in kept} | {CURRENT: document.get("body", "")}
    dates = {v["name"]: v["date"] for v in listed}

    def known(key: str, default: str | None) -> str | None:
        value = args.get(key)
        if value is None or value == "":
            return default
        if value not in bodies or not listed:
            raise BadRequest(f"{key}: this document has no version {value[:40]!r}")
        return value

    shown = known("version", None)
    shown = None if shown == CURRENT else shown
    view: dict[str, Any] = {
        "versions": listed,
        "shown": shown,
        "diff": None,
        "shown_body": bodies[shown] if shown else None,
        "shown_date": dates.get(shown or ""),
    }
    old, new = known("from", None), known("to", CURRENT)
    if old is not None and new is not None:
        view["diff"] = {
            "from": old,
            "to": new,
            "from_date": dates[old],
            "to_date": dates[new],
            "parts": word_diff(bodies[old], bodies[new]),
        }
    return view
