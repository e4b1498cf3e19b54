"""Write result sets out: CSV, RIS, BibTeX and Atom, as streams of text. No Flask here."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from archive.corpus.roles import COUNTED
from archive.web import cite

CSV_COLUMNS = (
    "id",
    "title",
    "date",
    "date_precision",
    "year",
    "source",
    "type",
    "author",
    "url",
    "departments",
    "department_keys",
    "programmes",
    "programme_keys",
    "organisations",
    "amounts",
    "amount_values",
    "largest_amount_gbp",
    "summary",
    "permalink",
    "amount_pages",
    "licence",
    "amounts_real",
    "largest_amount_gbp_real",
    "real_terms_prices",
    "amount_parts",
    "amount_roles",
    "searched",
)
# A spreadsheet runs a cell that opens with one of these as a formula (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 cannot carry most control characters, even escaped.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

Hits = Iterable[dict[str, Any]]
Link = Callable[[dict[str, Any]], str]


def neutralise(value: Any) -> str:
    """Make a cell safe to open in a spreadsheet: a leading formula character is quoted."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


# Where ministries are registered (an AU archive), each row also says its government and ministry.
MINISTRY_COLUMNS = ("government", "ministry")


def csv_columns(currency: str = "GBP", ministries: bool = False) -> tuple[str, ...]:
    """Name the CSV's columns; the largest amount's are named after the archive's currency."""
    own = currency.lower()
    named = tuple(c.replace("_gbp", f"_{own}") for c in CSV_COLUMNS)
    return named + MINISTRY_COLUMNS if ministries else named


def csv_row(
    hit: dict[str, Any],
    permalink: str,
    currency: str = "GBP",
    searched: str = "",
    ministries: bool = False,
    money: str = "announced",
) -> list[str]:
    """Turn one hit into the CSV's cells, in CSV_COLUMNS order; the largest in its own currency.

    The largest amount's columns count the money the search counts: money announced by default,
    every amount with money="all", as the page, the filters and the timeline do.
    """
    amounts = hit.get("amounts") or []
    counted = [
        a
        for a in amounts
        if a["currency"] == currency and (money == "all" or a.get("role", "announced") in COUNTED)
    ]
    pounds = max((a["value"] for a in counted), default=None)
    real = [a["real_terms"] for a in counted if a.get("real_terms")]
    parts = [
        f"{a['text']} of {amounts[a['part_of']]['text']}"
        for a in amounts
        if a.get("part_of") is not None and a["part_of"] < len(amounts)
    ]
    cells = [
        hit["id"],
        hit["title"],
        hit["date"],
        hit["precision"],
        hit["year"],
        hit["source"],
        hit.get("type"),
        hit.get("author"),
        hit.get("url"),
        "; ".join(d["name"] for d in hit.get("departments", [])),
        " ".join(d["key"] for d in hit.get("departments", [])),
        "; ".join(p["name"] for p in hit.get("programmes", [])),
        " ".join(p["key"] for p in hit.get("programmes", [])),
        "; ".join(hit.get("organisations") or []),
        "; ".join(f"{a['text']} ({a['value']:,} {a['currency']})" for a in amounts),
        "; ".join(f"{a['value']} {a['currency']}" for a in amounts),
        pounds,
        hit.get("summary"),
        permalink,
        "; ".join(str(a.get("page") or "") for a in amounts)
        if any(a.get("page") for a in amounts)
        else "",
        hit.get("licence"),
        "; ".join(
            f"{a['text']} ({a['real_terms']['value']:,} {currency})"
            for a in amounts
            if a.get("real_terms")
        ),
        max((r["value"] for r in real), default=None),
        real[0]["prices"] if real else None,
        "; ".join(parts),
        # Each amount's role and the words that decided it (archive/corpus/roles.py).
        "; ".join(
            f"{a['text']}: {a['role']} ({a.get('role_evidence', '')})"
            for a in amounts
            if a.get("role")
        ),
        searched,  # which build answered: a CSV has no comment line, so each row says it
    ]
    if ministries:
        cells += [(hit.get(k) or {}).get("name") for k in MINISTRY_COLUMNS]
    return [neutralise(cell) for cell in cells]


def csv_stream(
    hits: Hits,
    permalink: Link,
    currency: str = "GBP",
    searched: str = "",
    ministries: bool = False,
    money: str = "announced",
) -> Iterator[str]:
    """Yield a CSV file line by line: a header, then one row per hit."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(csv_columns(currency, ministries))
    yield flush()
    for hit in hits:
        writer.writerow(csv_row(hit, permalink(hit), currency, searched, ministries, money))
        yield flush()


def csv_error(message: str) -> str:
    """Write a one-cell CSV that carries an error message."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["error"], [neutralise(message)]])
    return buffer.getvalue()


def ris_stream(
    hits: Hits,
    cite_url: Link,
    permalink: Link,
    accessed: dt.date,
    site: str = "Policy Archive",
    searched: str = "",
) -> Iterator[str]:
    """Yield one RIS record per hit; one with no original address is cited in this archive, `site`.

    RIS has no comment: each record notes which build answered in an N1 line.
    """
    for hit in hits:
        archive = None if hit.get("url") else site
        record = cite.ris(hit, cite_url(hit), accessed, permalink(hit), archive=archive)
        if searched:
            record = record.replace("ER  - \r\n", f"N1  - {searched}\r\nER  - \r\n")
        yield record


def bibtex_stream(
    hits: Hits,
    cite_url: Link,
    accessed: dt.date,
    source: str = "",
    site: str = "Policy Archive",
    searched: str = "",
) -> Iterator[str]:
    """Yield a comment saying where the file came from, then a BibTeX entry per hit, keyed by id."""
    # BibTeX skips text outside entries, but an @ anywhere starts one, even after a %: so the
    # address is percent-encoded down to characters that cannot open an entry or a line.
    where = quote(source, safe=":/?&=%+,;#") if source else ""
    named = " ".join(site.replace("@", "").split())
    yield f"% Exported from {named} on {accessed.isoformat()}{': ' + where if where else ''}\n"
    yield f"% {searched.replace('@', '')}\n\n" if searched else "\n"
    for hit in hits:
        yield (
            cite.bibtex(hit, cite_url(hit), accessed, archive=None if hit.get("url") else site)
            + "\n"
        )


@dataclass(frozen=True)
class Feed:
    """What an Atom feed says about itself."""

    title: str
    subtitle: str
    self_url: str
    html_url: str
    feed_id: str
    updated: dt.datetime
    site: str = "Policy Archive"


def atom_stream(feed: Feed, hits: Hits, permalink: Link) -> Iterator[str]:
    """Yield an Atom 1.0 feed, every string escaped."""
    # Dublin Core's date may be a year or a month alone, which Atom's timestamps cannot say.
    yield (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
    )
    yield f"  <title>{_x(feed.title)}</title>\n  <subtitle>{_x(feed.subtitle)}</subtitle>\n"
    yield f"  <id>{_x(feed.feed_id)}</id>\n  <updated>{_stamp(feed.updated)}</updated>\n"
    yield f'  <link rel="self" type="application/atom+xml" href={_attr(feed.self_url)}/>\n'
    yield f'  <link rel="alternate" type="text/html" href={_attr(feed.html_url)}/>\n'
    yield (
        f"  <author><name>{_x(feed.site)}</name></author>\n"
        f"  <generator>{_x(feed.site)}</generator>\n"
    )
    for hit in hits:
        link = permalink(hit)
        lines = [
            "  <entry>",
            f"    <title>{_x(hit['title'])}</title>",
            f"    <id>{_x(link)}</id>",
            f'    <link rel="alternate" type="text/html" href={_attr(link)}/>',
        ]
        if hit.get("url"):
            lines.append(f'    <link rel="related" type="text/html" href={_attr(hit["url"])}/>')
        dated = entry_date(hit)
        if dated is not None:
            lines.append(f"    <published>{_stamp(dated)}</published>")
        # Atom requires <updated>: an undated entry takes the feed's own, and publishes no date.
        lines += [
            f"    <updated>{_stamp(dated or feed.updated)}</updated>",
            f"    <dc:date>{_x(hit['date'])}</dc:date>",
        ]
        lines.append(f"    <author><name>{_x(hit.get('author') or hit['source'])}</name></author>")
        for item in [*hit.get("departments", []), *hit.get("programmes", [])]:
            lines.append(f"    <category term={_attr(item['key'])} label={_attr(item['name'])}/>")
        summary = hit.get("summary") or ""
        amounts = ", ".join(a["text"] for a in hit.get("amounts", []))
        text = " ".join(
            part
            for part in (date_note(hit), summary, f"Amounts: {amounts}." if amounts else "")
            if part
        )
        lines.append(f'    <summary type="text">{_x(text or hit["title"])}</summary>')
        if hit.get("licence"):
            lines.append(f"    <rights>{_x(hit['licence'])}</rights>")
        lines.append("  </entry>\n")
        yield "\n".join(lines)
    yield "</feed>\n"


def atom_error(message: str, self_url: str, site: str = "Policy Archive") -> str:
    """Write an Atom document that carries an error message, for feed readers."""
    now = _stamp(dt.datetime.now(dt.UTC))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <title>{_x(site)}: this feed could not be made</title>\n"
        f"  <subtitle>{_x(message)}</subtitle>\n"
        f"  <id>{_x(self_url)}</id>\n  <updated>{now}</updated>\n"
        f"  <author><name>{_x(site)}</name></author>\n</feed>\n"
    )


def date_note(hit: dict[str, Any]) -> str:
    """Say when a date is known only to the month or the year.

    Atom's timestamp then counts from its first day.
    """
    precision = hit.get("precision", "day")
    if not hit.get("year", 1):
        return "Undated: no date could be found."
    if precision == "day":
        return ""
    return f"Dated {hit.get('date_display') or hit['date']}: only the {precision} is known."


def entry_date(hit: dict[str, Any]) -> dt.datetime | None:
    """Date an entry (None when undated): a month or year counts from its first day."""
    if not hit.get("year"):
        return None
    parts = [int(p) for p in hit["date"].split("-")] + [1, 1]
    return dt.datetime(parts[0], parts[1], parts[2], tzinfo=dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _x(text: str) -> str:
    return escape(XML_INVALID.sub("", str(text)))


def _attr(text: str) -> str:
    return quoteattr(XML_INVALID.sub("", str(text)))
