"""Read every source, ingest what is new, keep a version of what changed, and say what happened."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive.corpus.folder import document_files
from archive.corpus.registry import Registry
from archive.corpus.versions import keep
from archive.follow import govuk
from archive.follow.config import Source
from archive.follow.lists import Item, ListProblem, content_address, read_listing, search_address
from archive.ingest.fetch import Fetcher, FetchProblem, Limits
from archive.ingest.pipeline import Options, ingest
from archive.ingest.sources import Address, Record, Unreadable, fetch_records
from archive.ingest.write import body_of, write_atomically, write_document

STATE_FILE = ".follow.json"  # in the corpus folder: each source's ETag and Last-Modified
MAX_REFETCH = 200  # documents re-checked in one run
MAX_SEEN = 5000  # item addresses remembered per source
_FRONT = re.compile(r'^(url|fetched):\s*"?([^"\n]*)"?\s*$', re.MULTILINE)
_HELD = ("duplicate:", "exists:")  # skipped because the archive has it already


@dataclass
class Summary:
    """What a run found: documents new, changed (a version kept) and withdrawn, and failures."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source or address, why)
    unchanged: list[str] = field(default_factory=list)  # sources that answered 304
    read: int = 0  # sources read

    def line(self) -> str:
        return (
            f"followed {self.read} source(s): {len(self.new)} new, "
            f"{len(self.changed)} changed, "
            f"{len(self.withdrawn)} withdrawn, {len(self.failed)} failed; "
            f"{len(self.unchanged)} unchanged since the last run"
        )


@dataclass
class Settings:
    allow_hosts: tuple[str, ...] = ()
    country: str | None = None
    timeout: float = 20.0
    pause: float = 1.0
    max_bytes: int = 50_000_000


class Follower:
    """One run over a corpus: a polite fetcher, the addresses already held, each source's state."""

    def __init__(self, corpus_dir: Path, settings: Settings) -> None:
        self.corpus_dir, self.settings = corpus_dir, settings
        self.fetcher = Fetcher(
            Limits(
                timeout=settings.timeout,
                max_bytes=settings.max_bytes,
                pause=settings.pause,
                allow_hosts=settings.allow_hosts,
            )
        )
        self.registry = Registry.load(corpus_dir)
        self.held = held(corpus_dir)
        self.state_path = corpus_dir / STATE_FILE
        self.state: dict[str, Any] = _read_state(self.state_path)
        self.today = dt.date.today().isoformat()
        self.summary = Summary()

    def close(self) -> None:
        self.fetcher.close()
        write_atomically(self.state_path, json.dumps(self.state, indent=1, sort_keys=True) + "\n")

    def source(self, source: Source, remember: bool = True) -> None:
        """Read one source's list (conditionally) and take its new and changed items."""
        self.summary.read += 1
        state = self.state.get(source.name, {}) if remember else {}
        deadline = time.monotonic() + source.max_seconds
        address = source.url
        if source.kind == "govuk":
            address = search_address(
                source.url,
                source.organisations,
                source.document_types,
                0,
                min(source.max_items, 100),
            )
        failures = len(self.summary.failed)
        try:
            answer = self.fetcher.answer(address, state.get("etag"), state.get("modified"))
            if answer.status == 304:
                self.summary.unchanged.append(source.name)
                return
            listing = read_listing(answer.url, answer.content_type, answer.data, source.kind)
            if listing.kind == "page" and listing.feed:  # a search page: read the feed it offers
                feed = self.fetcher.answer(listing.feed)
                listing = read_listing(feed.url, feed.content_type, feed.data)
            for child in listing.children:
                part = self.fetcher.answer(child)
                listing.items += read_listing(
                    part.url, part.content_type, part.data, "sitemap"
                ).items
        except (FetchProblem, ListProblem) as problem:
            self.summary.failed.append((source.name, str(problem)))
            return
        seen = set(state.get("seen", []))
        # A page or content item named on its own is fetched again even if held: it may have
        # changed.
        self._take(
            listing.items, source, deadline, seen, always=listing.kind in ("page", "govuk-item")
        )
        if remember and len(self.summary.failed) == failures:
            # Kept only when all was read, so a failed item is tried again next time.
            self.state[source.name] = {
                "etag": answer.etag,
                "modified": answer.last_modified,
                "read": self.today,
                "seen": sorted(seen)[-MAX_SEEN:],
            }

    def refetch(self, older_than: dt.timedelta, sources: list[Source]) -> None:
        """Re-check the documents the archive fetched itself longer ago than older_than."""
        cutoff = (dt.date.today() - older_than).isoformat()
        # Only what was fetched: a document written or pasted by hand is never overwritten.
        due = sorted(
            (fetched, url)
            for url, (_, fetched) in self.held.items()
            if fetched and fetched < cutoff
        )
        apis = {
            url: s.url
            for s in sources
            if s.kind == "govuk"
            for url in self.state.get(s.name, {}).get("seen", [])
        }
        items = [
            Item(
                url, api=content_address(apis[url], url[len(apis[url]) :]) if url in apis else None
            )
            for _, url in due[:MAX_REFETCH]
        ]
        self._take(
            items,
            Source("re-checked", "https://re.check", max_items=MAX_REFETCH, max_seconds=3600.0),
            time.monotonic() + 3600.0,
            set(),
            always=True,
        )

    def _take(
        self,
        items: list[Item],
        source: Source,
        deadline: float,
        seen: set[str],
        always: bool = False,
    ) -> None:
        fresh: list[Record | Unreadable] = []
        taken = 0
        for item in items:
            known = self.held.get(item.url)
            due = always or (known is not None and (item.date or "") > (known[1] or "9999"))
            if (known and not due) or (not known and item.url in seen):
                continue
            if taken >= source.max_items:
                break
            if time.monotonic() > deadline:
                self.summary.failed.append(
                    (
                        source.name,
                        f"out of time after {source.max_seconds:g} s: the rest waits "
                        "for the next run",
                    )
                )
                break
            taken += 1
            found = self._records(item)
            seen.add(item.url)
            if known:
                self._refresh(known[0], found, source)
            else:
                fresh += found
        if fresh:
            self._ingest(fresh, source)

    def _records(self, item: Item) -> list[Record | Unreadable]:
        if not item.api:
            found = list(fetch_records(Address(item.url), self.fetcher, self.today))
            for record in found:
                if isinstance(record, Record) and item.published and not record.date:
                    record.date, record.by["date"] = item.published, "The feed's entry gives"
            return found
        try:
            answer = self.fetcher.answer(item.api)
            content = json.loads(answer.data)
            if not isinstance(content, dict):
                raise ValueError("not a content item")
        except FetchProblem as problem:
            return [Unreadable(item.api, str(problem))]
        except ValueError as error:
            return [Unreadable(item.api, f"malformed JSON from the content API: {error}")]
        return govuk.records(content, item.url, item.date, self.fetcher, self.registry, self.today)

    def _options(self, source: Source, **changes: Any) -> Options:
        return Options(
            source=source.source,
            type=source.type,
            licence=source.licence,
            country=source.country or self.settings.country,
            timeout=self.settings.timeout,
            pause=self.settings.pause,
            allow_hosts=self.settings.allow_hosts,
            **changes,
        )

    def _ingest(self, records: list[Record | Unreadable], source: Source) -> None:
        report = ingest(list(records), self.corpus_dir, self._options(source))
        for outcome in report.skipped:
            reason = outcome.skipped or "skipped"
            if not reason.startswith(_HELD):
                self.summary.failed.append((outcome.origin, reason))
        for outcome in report.written:
            assert outcome.path is not None
            self.summary.new.append(outcome.path.stem)
            self.held[_url_of(outcome.content) or outcome.origin] = (outcome.path.stem, self.today)
            if '\nwithdrawn: "' in outcome.content.split("\n---", 1)[0]:
                self.summary.withdrawn.append(outcome.path.stem)

    def _refresh(self, doc_id: str, records: list[Record | Unreadable], source: Source) -> None:
        """Fetch a held document again: different text becomes the document, the old a version."""
        record = records[0] if records else None
        if not isinstance(record, Record):
            reason = record.reason if isinstance(record, Unreadable) else "nothing came back"
            self.summary.failed.append((doc_id, reason))
            return
        record.doc_id = doc_id
        report = ingest([record], self.corpus_dir, self._options(source, dry_run=True, force=True))
        if not report.written:
            self.summary.failed.append((doc_id, report.skipped[0].skipped or "skipped"))
            return
        outcome = report.written[0]
        path = self.corpus_dir / f"{doc_id}.md"
        old, new = body_of(path), outcome.content.split("\n---\n", 1)[-1]
        if " ".join(old.split()) == " ".join(new.split()):
            content = path.read_text("utf-8")
            stamped = re.sub(
                r'(?m)^fetched: "[^"\n]*"$', f'fetched: "{self.today}"', content, count=1
            )
            if stamped != content:
                write_atomically(path, stamped)
            return
        keep(self.corpus_dir, doc_id, self.today)
        write_document(path, outcome.content, outcome.original, outcome.suffix)
        self.summary.changed.append(doc_id)
        if '\nwithdrawn: "' in outcome.content.split("\n---", 1)[0]:
            self.summary.withdrawn.append(doc_id)


def held(corpus_dir: Path) -> dict[str, tuple[str, str | None]]:
    """Map each address the corpus holds to its document's id and the day it was fetched."""
    found: dict[str, tuple[str, str | None]] = {}
    for doc_id, path in document_files(corpus_dir).items():
        try:
            head = path.read_text("utf-8")[:20_000].split("\n---", 1)[0]
        except (OSError, UnicodeDecodeError):
            continue
        values = dict(_FRONT.findall(head))
        if values.get("url"):
            found[values["url"]] = (doc_id, values.get("fetched") or None)
    return found


def _url_of(content: str) -> str | None:
    values = dict(_FRONT.findall(content.split("\n---", 1)[0]))
    return values.get("url")


def _read_state(path: Path) -> dict[str, Any]:
    try:
        found = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def follow(
    corpus_dir: Path,
    sources: list[Source],
    addresses: list[str],
    settings: Settings,
    refetch_older_than: dt.timedelta | None = None,
) -> Summary:
    """Read the sources (or only the addresses given), ingest what is new; say what happened."""
    follower = Follower(corpus_dir, settings)
    try:
        if addresses:
            for address in addresses:
                # Told apart by what the server answers; not remembered, as no source names it.
                follower.source(Source(address, address), remember=False)
        else:
            for source in sources:
                follower.source(source)
        if refetch_older_than is not None:
            follower.refetch(refetch_older_than, sources)
    finally:
        follower.close()
    return follower.summary
