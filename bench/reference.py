"""The reference: the same documents and requests through SQLite FTS5, facets by GROUP BY."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from pathlib import Path

from archive.corpus.amounts import band_key
from archive.corpus.parse import PartialDate
from archive.search.request import SearchRequest


def chosen_values(request: SearchRequest, registry) -> dict[str, list[str]]:
    """Return the facet values a request selects, predecessors and year ranges spelt out."""
    departments = {
        k
        for key in request.departments
        for k in (registry.with_predecessors(key) if request.predecessors else {key})
    }
    return {
        "year": [str(y) for low, high in request.years for y in range(low, high + 1)],
        "department": sorted(departments),
        "programme": list(request.programmes),
        "amount": list(request.amounts),
    }


FACET_NAMES = ("year", "department", "programme", "amount")
WORD = re.compile(r"\w+")
# Reference files of an earlier format are built again, not reused (bench/run.py --reuse-builds).
# 3: each document's shown metadata in a table of its own, read for each hit of a page (kept in
# `docs`, it made every matching row longer to read: plain p95 at 3,000 documents 5.5 -> 7.2 ms)
FORMAT = 3


def shown(meta: dict) -> bytes:
    """Write what a hit shows of a document (its metadata, without the Markdown body) as JSON."""
    return json.dumps({k: v for k, v in meta.items() if k != "body"}, default=str).encode()


def build(db_path: Path, searcher) -> dict:
    """Load every document stored in our index into SQLite; return the load's figures."""
    db_path.unlink(missing_ok=True)
    started = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.executescript("""
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT, sortdate INTEGER, largest INTEGER);
        CREATE TABLE shown (rowid INTEGER PRIMARY KEY, meta BLOB);
        CREATE VIRTUAL TABLE fts USING fts5 (title, body, tokenize = 'porter unicode61');
        CREATE TABLE facet (doc INTEGER, facet TEXT, value TEXT);
        CREATE TABLE amount (doc INTEGER, value INTEGER);
    """)
    count = 0
    for docnum, stored in searcher.reader().iter_docs():
        meta = stored["meta"]
        amounts = meta["amounts"]
        db.execute(
            "INSERT INTO docs VALUES (?, ?, ?, ?)",
            (
                docnum,
                meta["id"],
                PartialDate.parse(meta["date"]).sort_key,
                max((a["value"] for a in amounts), default=0),
            ),
        )
        db.execute("INSERT INTO shown VALUES (?, ?)", (docnum, shown(meta)))
        db.execute(
            "INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)",
            (docnum, meta["title"], stored["body"]),
        )
        rows = (
            [("year", str(meta["year"]))]
            + [("department", d) for d in meta["departments"]]
            + [("programme", p) for p in meta["programmes"]]
            + [
                ("amount", b)
                for b in sorted({band_key(a["value"], a["currency"]) for a in amounts})
            ]
        )
        db.executemany("INSERT INTO facet VALUES (?, ?, ?)", [(docnum, f, v) for f, v in rows])
        db.executemany("INSERT INTO amount VALUES (?, ?)", [(docnum, a["value"]) for a in amounts])
        count += 1
    db.executescript("""
        CREATE INDEX facet_value ON facet (facet, value, doc);
        CREATE INDEX facet_doc ON facet (doc, facet, value);
        CREATE INDEX amount_value ON amount (value, doc);
        CREATE INDEX docs_sortdate ON docs (sortdate);
        CREATE INDEX docs_largest ON docs (largest);
        INSERT INTO fts (fts) VALUES ('optimize');
    """)
    db.commit()
    db.close()
    seconds = time.perf_counter() - started
    return {
        "docs": count,
        "seconds": seconds,
        "docs_per_s": count / seconds,
        "size_mb": db_path.stat().st_size / 2**20,
        "format": FORMAT,
    }


def fts_query(q: str, join: str = "AND") -> str | None:
    """Write our query text as FTS5 syntax: quoted words ANDed (or ORed), quoted phrases kept."""
    parts = []
    for phrase, words in re.findall(r'"([^"]*)"|(\S+)', q):
        tokens = WORD.findall(phrase or words)
        if tokens:
            parts.append('"' + " ".join(tokens) + '"')
    return f" {join} ".join(parts) if parts else None


class Reference:
    """Answer requests from the SQLite copy: total, facet counts and a top-10 page with snippets.

    Each hit of the page comes with what a result shows (title, date, departments, amounts: the
    stored metadata, read as a dict), as our hits do.
    """

    def __init__(self, db_path: Path, registry):
        self.db = sqlite3.connect(db_path, check_same_thread=False)
        self.registry = registry

    def _filters(self, request: SearchRequest) -> dict[str, tuple[str, list]]:
        found: dict[str, tuple[str, list]] = {}
        selections = chosen_values(request, self.registry)
        for name, values in selections.items():
            if values:
                marks = ",".join("?" * len(values))
                found[name] = (
                    f"d.rowid IN (SELECT doc FROM facet WHERE facet = ? AND value IN ({marks}))",
                    [name, *values],
                )
        if request.min_amount is not None or request.max_amount is not None:
            low = request.min_amount if request.min_amount is not None else -(2**63)
            high = request.max_amount if request.max_amount is not None else 2**63 - 1
            found["range"] = (
                "d.rowid IN (SELECT doc FROM amount WHERE value BETWEEN ? AND ?)",
                [low, high],
            )
        return found

    def _matching(self, match: str | None, filters: list[tuple[str, list]]) -> tuple[str, list]:
        sql = "SELECT d.rowid FROM docs d" + (
            " JOIN fts ON fts.rowid = d.rowid WHERE fts MATCH ?" if match else " WHERE 1"
        )
        args: list = [match] if match else []
        for clause, values in filters:
            sql += " AND " + clause
            args += values
        return sql, args

    def search(
        self, request: SearchRequest, facets: bool = True, any_word: bool = False
    ) -> tuple[int, dict, list]:
        match = fts_query(request.q, "OR" if any_word else "AND")
        filters = self._filters(request)
        where, args = self._matching(match, list(filters.values()))
        counts: dict[str, dict[str, int]] = {}
        total = -1
        if facets:
            total = self.db.execute(f"SELECT count(*) FROM ({where})", args).fetchone()[0]
            if not filters:
                rows = self.db.execute(
                    f"SELECT facet, value, count(*) FROM facet WHERE doc IN ({where}) GROUP BY "
                    "facet, value",
                    args,
                )
                for facet, value, n in rows:
                    counts.setdefault(facet, {})[value] = n
            else:
                for facet in FACET_NAMES:
                    others = [f for name, f in filters.items() if name != facet]
                    sub, sub_args = self._matching(match, others)
                    rows = self.db.execute(
                        f"SELECT value, count(*) FROM facet WHERE facet = ? AND doc IN ({sub}) "
                        "GROUP BY value",
                        [facet, *sub_args],
                    )
                    counts[facet] = dict(rows.fetchall())
        sort = request.effective_sort
        limit, offset = request.per_page, (request.page - 1) * request.per_page
        order = {
            "newest": "d.sortdate DESC",
            "oldest": "d.sortdate",
            "largest": "d.largest DESC",
        }.get(sort, "rank")
        if match:
            sql = (
                "SELECT d.rowid, d.id, snippet(fts, 1, '<mark>', '</mark>', ' … ', 32), "
                "bm25(fts, 2.5, 1.0) AS rank "
                "FROM docs d JOIN fts ON fts.rowid = d.rowid WHERE fts MATCH ?"
            )
            page_args: list = [match]
        else:
            sql = (
                "SELECT d.rowid, d.id, substr(fts.body, 1, 240), 0 FROM docs d JOIN fts ON "
                "fts.rowid = d.rowid WHERE 1"
            )
            page_args = []
        for clause, values in filters.values():
            sql += " AND " + clause
            page_args += values
        sql += f" ORDER BY {order} LIMIT ? OFFSET ?"
        page = self.db.execute(sql, [*page_args, limit, offset]).fetchall()
        # The page's metadata read for its rows only: selected with the page, SQLite's sorter would
        # carry every matching row's metadata through the sort.
        marks = ",".join("?" * len(page))
        shown = dict(
            self.db.execute(
                f"SELECT rowid, meta FROM shown WHERE rowid IN ({marks})", [row[0] for row in page]
            )
        )
        hits = [(doc_id, json.loads(shown[row]), text, rank) for row, doc_id, text, rank in page]
        return total, counts, hits
