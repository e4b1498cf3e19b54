"""Which build answered: the line every result set carries, kept builds, 410 for pruned ones."""

from __future__ import annotations

import datetime as dt
import re
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from flask import current_app, g, request
from werkzeug.datastructures import MultiDict

from archive.errors import BadRequest
from archive.index import generations
from archive.search.core import Archive

PARAM = "build"
BUILD_ID = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ(?:-\d{1,4})?")


class BuildExpired(Exception):
    """A search named a build that is no longer kept."""

    def __init__(self, build_id: str):
        super().__init__(build_id)
        self.build_id = build_id


class KeptArchives:
    """The kept builds opened so far, each an Archive pinned to its generation."""

    def __init__(self, index_dir: Path):
        self.index_dir = index_dir
        self._lock = threading.Lock()
        self._open: dict[Path, Archive] = {}

    def get(self, build_id: str) -> Archive | None:
        """Return the archive as a kept build left it, or None once that build has been pruned."""
        path = generations.find_build(self.index_dir, build_id)
        with self._lock:
            for gone in [p for p in self._open if p != path and not p.exists()]:
                self._open.pop(gone).close()
            if path is None:
                return None
            if path not in self._open:
                self._open[path] = Archive(self.index_dir, pinned=path)
            return self._open[path]


def answering(archive: Archive) -> Archive:
    """Return the archive the request asks for: a kept build's if it names one, else the current."""
    wanted = (request.args.get(PARAM) or "").strip()
    if not wanted or wanted == archive.build["id"]:
        return archive
    # Once refused, the request's error page is drawn from the current build.
    g.build_refused = True
    if not BUILD_ID.fullmatch(wanted):
        # Not echoed: some answers are plain text, which nothing escapes.
        raise BadRequest(
            "build: a build's id is a time such as 2026-12-05T10:14:03Z, as permalinks give it"
        )
    kept_archives = current_app.extensions.setdefault(
        "kept_builds", KeptArchives(archive.index_dir)
    )
    kept = kept_archives.get(wanted)
    if kept is None:
        raise BuildExpired(wanted)
    g.build_refused = False
    return kept


def searched_line(build: dict[str, Any], day: dt.date) -> str:
    """Say which build answered: Searched 2026-12-05 on archive build 2026-12-05T10:14:03Z (…)."""
    count = build.get("documents")
    held = f" ({count:,} document{'' if count == 1 else 's'})" if isinstance(count, int) else ""
    return f"Searched {day.isoformat()} on archive build {build['id']}{held}"


def described(build: dict[str, Any], day: dt.date) -> dict[str, Any]:
    """Describe the build for the API: id, date, documents, the day searched, the line."""
    return {
        "id": build["id"],
        "date": build.get("date"),
        "documents": build.get("documents"),
        "searched": day.isoformat(),
        "text": searched_line(build, day),
    }


def without_build() -> str:
    """Return this request's path and query less its build: the search on the current build."""
    args = MultiDict(request.args)
    args.poplist(PARAM)
    query = urlencode(list(args.items(multi=True)))
    return request.script_root + request.path + ("?" + query if query else "")


def expired_message(error: BuildExpired, current: str) -> str:
    """Say that a build is no longer kept, and where the same search runs on the current one."""
    kept = current_app.config.get("KEEP_BUILDS", 5)
    return (
        f"Build {error.build_id} is no longer kept (this archive keeps its last {kept} builds), "
        f"so the search cannot be run on it again. The same search on the current build: {current}"
    )
