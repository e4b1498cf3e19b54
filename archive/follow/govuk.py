"""Turn a GOV.UK content API item into records: its body, or its PDF attachments with pages."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urljoin

from archive.corpus.registry import Registry
from archive.ingest.fetch import Fetcher, FetchProblem
from archive.ingest.sources import Record, Unreadable, paper_record

# GOV.UK's document_type, as the archive's kinds (archive/corpus/kinds.py) name them.
KINDS = {
    "press_release": "press release",
    "news_story": "news",
    "government_response": "news",
    "world_news_story": "news",
    "speech": "speech",
    "oral_statement": "speech",
    "written_statement": "speech",
    "authored_article": "news",
    "policy_paper": "policy paper",
    "consultation": "consultation",
    "open_consultation": "consultation",
    "closed_consultation": "consultation",
    "consultation_outcome": "consultation",
    "independent_report": "report",
    "research": "report",
    "corporate_report": "report",
    "impact_assessment": "report",
    "national_statistics": "statistics",
    "official_statistics": "statistics",
    "correspondence": "letter",
}
MAX_ATTACHMENTS = 10  # PDFs read from one item
_TAG = re.compile(r"<[^>]+>")


def kind_of(document_type: str | None) -> str | None:
    """Return the archive's kind for a GOV.UK document_type (others as they are, in words)."""
    if not document_type:
        return None
    return KINDS.get(document_type, document_type.replace("_", " "))


def records(
    item: dict[str, Any],
    web_url: str,
    date: str | None,
    fetcher: Fetcher,
    registry: Registry,
    today: str,
) -> list[Record | Unreadable]:
    """Read one content item: a page with a body, or each of its PDF attachments as a paper."""
    title = _plain(item.get("title")) or web_url
    details = item.get("details") if isinstance(item.get("details"), dict) else {}
    assert isinstance(details, dict)
    links = item.get("links") if isinstance(item.get("links"), dict) else {}
    assert isinstance(links, dict)
    organisations = [o for o in links.get("organisations") or [] if isinstance(o, dict)]
    names = [_plain(o.get("title")) for o in organisations]
    departments = [key for key in (registry.resolve("department", n) for n in names if n) if key]
    day = (
        date
        or _day(item.get("public_timestamp"))
        or _day(item.get("first_published_at"))
        or _day(item.get("public_updated_at"))
    )
    extra: dict[str, str] = {}
    notice = item.get("withdrawn_notice")
    if isinstance(notice, dict) and notice.get("explanation"):
        extra["withdrawn"] = _plain(notice.get("explanation"))
        withdrawn_at = _day(notice.get("withdrawn_at"))
        if withdrawn_at:
            extra["withdrawn_date"] = withdrawn_at
    if _plain(item.get("description")):
        extra["summary"] = _plain(item.get("description"))

    def fill(record: Record, name: str) -> Record:
        record.title, record.date, record.url, record.fetched = name, day, web_url, today
        record.by = {
            "title": "the GOV.UK content API's title",
            "date": "The GOV.UK search API's public_timestamp gives",
        }
        record.source = next((n for n in names if n), None)
        record.type = kind_of(item.get("document_type"))
        record.departments = departments
        record.extra = dict(extra)
        return record

    attachments = [
        a for a in details.get("attachments") or [] if isinstance(a, dict) and _is_pdf(a)
    ]
    found: list[Record | Unreadable] = []
    for attachment in attachments[:MAX_ATTACHMENTS]:
        address = urljoin(web_url, str(attachment.get("url") or ""))
        try:
            fetched = fetcher.get(address)
        except FetchProblem as problem:
            found.append(Unreadable(address, str(problem)))
            continue
        paper = paper_record(address, fetched.data, ".pdf")
        if isinstance(paper, Unreadable):
            found.append(paper)
            continue
        name = title if len(attachments) == 1 else f"{title}: {_plain(attachment.get('title'))}"
        fill(paper, name)
        number = _plain(attachment.get("command_paper_number"))
        if number:
            paper.extra["command_paper"] = number
        found.append(paper)
    if attachments:
        return found
    body = details.get("body")
    if isinstance(body, list):  # some schemas give the body in several content types
        body = next(
            (
                b.get("content")
                for b in body
                if isinstance(b, dict) and b.get("content_type") == "text/html"
            ),
            "",
        )
    if not isinstance(body, str) or not _plain(body):
        return [Unreadable(web_url, "the GOV.UK item has no body and no PDF attachment")]
    page = (
        f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body>"
        f"<article><h1>{html.escape(title)}</h1>{body}</article></body></html>"
    )
    return [fill(Record(web_url, page, html=True), title)]


def _is_pdf(attachment: dict[str, Any]) -> bool:
    kind = str(attachment.get("content_type") or "").lower()
    return kind == "application/pdf" or str(attachment.get("url") or "").lower().endswith(".pdf")


def _plain(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    return " ".join(html.unescape(_TAG.sub(" ", value)).split())


def _day(value: Any) -> str | None:
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None
