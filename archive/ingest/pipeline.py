"""Turn raw articles into corpus documents, suggesting their metadata and showing the evidence."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from tqdm import tqdm

from archive.corpus.country import currency_of, parse_country
from archive.corpus.folder import document_files
from archive.corpus.parse import UNDATED, PartialDate, parse_bytes
from archive.corpus.registry import Registry
from archive.errors import ArchiveError, CorpusError
from archive.ingest.boilerplate import Article, extract_article, normalise
from archive.ingest.checks import amount_points, date_points, placeholder, title_points
from archive.ingest.dating import DateGuess, bounds, infer_date
from archive.ingest.dedupe import NearDuplicates, shingles
from archive.ingest.papers import OCR_NOTICE
from archive.ingest.report import IngestReport, Outcome
from archive.ingest.sources import (
    MAX_FILE_BYTES,
    Address,
    Addresses,
    Record,
    Unreadable,
    count_records,
    input_files,
    parse_map,
    read_file,
    review_points,
)
from archive.ingest.suggest import Match, Matcher, organisations, unknown_departments
from archive.ingest.titlehead import text_headline
from archive.ingest.titles import clean_title, whole_phrases
from archive.ingest.titletails import page_spelling
from archive.ingest.write import body_of, compose, remove_document, slug, unique_id, write_document

PARALLEL_FROM = 200  # records: below this, starting worker processes costs more than it saves
MAX_WORKERS = 4
PROGRESS_FROM = 20  # records: a smaller batch is over before a bar would help
DETAIL_UP_TO = 10  # records: a larger batch prints one line a document, not the evidence
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z])\$")


@dataclass
class Options:
    """How to ingest: what the sources cannot say for themselves, and what may be overwritten."""

    currency: str | None = None
    country: str | None = None  # ISO 3166: sets the currency and which registry departments apply
    source: str | None = None
    url: str | None = None
    date: str | None = None
    type: str | None = None
    licence: str | None = None
    field_map: str | None = None
    force: bool = False
    dry_run: bool = False
    max_bytes: int = MAX_FILE_BYTES  # a file or fetched answer larger than this is refused
    timeout: float = 20.0  # seconds, for each address
    pause: float = 1.0  # seconds between two requests to one host
    allow_hosts: tuple[str, ...] = ()  # fetched although at a loopback or private address

    def __post_init__(self) -> None:
        if self.currency is not None:
            self.currency = self.currency.strip().upper()
            if not _CURRENCY.match(self.currency):
                raise ArchiveError(
                    f"--currency: '{self.currency}' is not a three-letter ISO code such as AUD"
                )
        try:
            self.country = parse_country(self.country)
        except ValueError as error:
            raise ArchiveError(f"--country: {error}") from None
        if self.date is not None:
            try:
                PartialDate.parse(self.date)
            except ValueError as error:
                raise ArchiveError(f"--date: {error}") from None


@dataclass
class _Context:
    """What preparing a record needs, set once in each worker process."""

    corpus_dir: Path
    registry: Registry
    matcher: Matcher
    options: Options


_context: _Context | None = None


def ingest(
    inputs: list[Path | str | Record | Unreadable],
    corpus_dir: Path,
    options: Options,
    progress: bool = False,
    report_to: Callable[[Outcome, int], None] | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Ingest files, folders and JSON lines into corpus documents; report_to gets each outcome."""
    started = time.perf_counter()
    field_map = parse_map(options.field_map)
    registry = Registry.load(corpus_dir, options.country)
    existing = document_files(corpus_dir)
    seen = NearDuplicates()
    for doc_id, path in existing.items():
        seen.add(doc_id, body_of(path))
    planned: set[str] = set()
    report = IngestReport(dry_run=options.dry_run)

    files = list(input_files(inputs))
    total = sum(count_records(f) if isinstance(f, Path) else 1 for f in files)
    fetcher = Addresses(options.timeout, options.max_bytes, options.pause, options.allow_hosts)
    if total > 1 and (options.url or options.date):
        raise ArchiveError(
            "--url and --date describe a single article: "
            "give one file, or the dates and URLs in its records"
        )
    context = _Context(corpus_dir, registry, Matcher(registry, options.country), options)
    items = (
        record
        for item in files
        for record in (
            [item]
            if isinstance(item, Unreadable | Record)
            else fetcher.records(item)
            if isinstance(item, Address)
            else read_file(item, field_map, options.max_bytes)
        )
    )
    if workers is None:
        workers = min(os.cpu_count() or 1, MAX_WORKERS) if total >= PARALLEL_FROM else 1
    bar = tqdm(
        total=total, unit="record", desc="ingesting", disable=not progress or total < PROGRESS_FROM
    )
    pool = None
    prepared: Iterator[Outcome]
    try:
        if workers > 1:
            # Suggesting and validating are the slow part and need nothing shared; choosing file
            # names, finding duplicates and writing stay here, in input order.
            pool = multiprocessing.get_context("fork").Pool(workers, _start_worker, (context,))
            prepared = pool.imap(_prepare, items, chunksize=8)
        else:
            _start_worker(context)
            prepared = map(_prepare, items)
        for outcome in prepared:
            _commit(outcome, context, seen, existing, planned)
            report.records += 1
            (report.skipped if outcome.skipped else report.written).append(outcome)
            bar.update(1)
            if report_to:
                report_to(outcome, total)
    finally:
        bar.close()
        fetcher.close()
        if pool is not None:
            pool.terminate()
    report.seconds = time.perf_counter() - started
    return report


def _start_worker(context: _Context) -> None:
    global _context
    _context = context


def _prepare(record: Record | Unreadable) -> Outcome:
    """Find the article and suggest its metadata; compose and validate its file (in a worker)."""
    assert _context is not None
    corpus_dir, registry, matcher, options = (
        _context.corpus_dir,
        _context.registry,
        _context.matcher,
        _context.options,
    )
    if isinstance(record, Unreadable):
        return Outcome(record.origin, skipped=f"unreadable: {record.reason}")
    record.url = options.url or record.url
    outcome = Outcome(record.origin)
    article, page_date, comments = _article(record)
    if article is None or not article.paragraphs:
        outcome.skipped = "no text: nothing was left once the page around the article was dropped"
        return outcome
    text = article.text
    review = outcome.review
    review.extend(review_points(record, bool(options.source), bool(options.date)))

    outcome.title, outcome.title_evidence = _title(record, article, review)
    given, given_by = next(
        (
            (d, by)
            for d, by in (
                (options.date, "The --date option gives"),
                (record.date, record.by.get("date") or "The record gives"),
                (page_date, "The page's metadata gives"),
            )
            if d
        ),
        (None, ""),
    )
    date = infer_date(
        text,
        given=given,
        given_by=given_by,
        url=record.url,
        comments=comments or article.comments,
        lead="\n".join(article.lead),
    )
    if date is None:  # undated: never the day it was ingested
        date = DateGuess(PartialDate.parse(UNDATED), "No date was found in the text.", False)
        review.append("no date was found in the text: set the date by hand")
    elif not date.sure:
        review.append(f"the date is inferred, check it: {date.evidence}")
    review.extend(date_points(given, given_by, date, text, article.lead))
    if date.line and date.line in article.paragraphs[:2]:
        article.paragraphs.remove(date.line)  # the dateline is metadata, not the article
        text = article.text
    outcome.date = date
    outcome.source = _source(record, options, article, review)

    outcome.departments, outcome.programmes = matcher.find(text)
    # A name that two departments bore in turn is the one of the document's date.
    dated: dict[str, Match] = {}
    for match in outcome.departments:
        key = registry.bearing_name_on(match.key, date.date.iso)
        dated.setdefault(key, replace(match, key=key))
    outcome.departments = list(dated.values())
    outcome.programmes += matcher.related_programmes(text, outcome.departments, outcome.programmes)
    stated = [key for key in record.departments if key not in {m.key for m in outcome.departments}]
    for match in outcome.departments + outcome.programmes:
        if not match.sure:
            review.append(f"check {match.key}: {match.why}")
    if date.date.undated:
        date = _bounded(registry, outcome.departments, date, review)
    else:
        review.extend(_lifetimes(registry, outcome.departments, date.date))
    named = [registry.departments[m.key].name for m in outcome.departments]
    for candidate in unknown_departments(text, matcher):
        if any(name.startswith(f"{candidate.key},") for name in named):
            continue  # a registered name cut at its first comma ("Department of Broadband")
        review.append(
            f"the text names the {candidate.key}, which is not in departments.yaml: add it if "
            f"documents should be found by it"
        )
    outcome.organisations = organisations(text, matcher)
    day = (
        dt.date.today()
        if date.date.undated
        else dt.date(date.date.year, date.date.month or 1, date.date.day or 1)
    )
    currency = options.currency or currency_of(options.country, day)
    if currency is None and _BARE_DOLLAR.search(text):
        review.append(
            "a bare $ is read as USD: ingest with --currency if the source means another dollar"
        )

    stem = record.doc_id or slug(date.date, whole_phrases(outcome.title))
    meta = {
        "title": outcome.title,
        "date": date.date.iso,
        "source": outcome.source,
        "url": record.url,
        "author": record.author or article.author,
        "type": options.type or record.type,
        "currency": currency,
        "departments": stated + [m.key for m in outcome.departments],
        "programmes": [m.key for m in outcome.programmes],
        "organisations": [m.key for m in outcome.organisations],
        "date_evidence": date.evidence,
        "numbers": [number for number, _ in record.numbers] or None,
        "numbers_evidence": "; ".join(f'{n}: "{line}"' for n, line in record.numbers) or None,
        "licence": options.licence or record.licence,
        "fetched": record.fetched,
        "files": [f"files/{stem}{record.suffix}"] if record.original else None,
        "prime_minister": record.prime_minister,
        "review": list(review),  # a copy: the points found below are compared against it
        **record.extra,
    }
    outcome.original, outcome.suffix = record.original, record.suffix
    outcome.path = corpus_dir / f"{stem}.md"
    outcome.content = compose(meta, article.markdown)
    outcome.text = text
    try:
        document = parse_bytes(outcome.content.encode("utf-8"), outcome.path, registry)
    except CorpusError as error:  # a bug if it happens: never write what `archive check` rejects
        outcome.skipped = f"invalid: {error.message}"
        return outcome
    outcome.amounts = document.amounts
    review.extend(amount_points(text, document.amounts))
    review.extend(document.people.get("review", []))  # speakers in office whom people.yaml lacks
    if review != meta["review"]:  # points found only once the amounts and speakers were read
        meta["review"] = review
        outcome.content = compose(meta, article.markdown)
    return outcome


def _commit(
    outcome: Outcome,
    context: _Context,
    seen: NearDuplicates,
    existing: dict[str, Path],
    planned: set[str],
) -> None:
    """Choose the file name, skip a duplicate or existing file, and write (here, in input order)."""
    if outcome.skipped or outcome.path is None:
        return
    text, outcome.text = outcome.text, ""
    doc_id = unique_id(outcome.path.stem, planned)
    if outcome.original is not None and doc_id != outcome.path.stem:
        outcome.content = outcome.content.replace(
            f'"files/{outcome.path.stem}{outcome.suffix}"', f'"files/{doc_id}{outcome.suffix}"', 1
        )
    path = outcome.path = context.corpus_dir / f"{doc_id}.md"
    fingerprint = shingles(text)
    # With --force, a record whose document an earlier run wrote is that document's new version: it
    # is compared only with what this run has written, never with the earlier run's other documents
    # (one of which may hold most of its text, and would leave the earlier version stale).
    rewrite = context.options.force and doc_id in existing
    duplicate = seen.find(
        fingerprint,
        exclude=doc_id if context.options.force else None,
        among=planned if rewrite else None,
    )
    if duplicate:
        key, share = duplicate
        where = existing.get(key, context.corpus_dir / f"{key}.md")
        outcome.skipped = f"duplicate: {share:.0%} of its text is already in {where}"
        if rewrite and not context.options.dry_run:
            # The earlier version is now a duplicate of a document this run wrote: not left stale.
            remove_document(path)
            outcome.skipped += f"; the earlier version {path} was removed"
        return
    if doc_id in existing and not context.options.force:
        outcome.skipped = f"exists: {path} is already in the corpus (use --force to overwrite it)"
        return
    if not context.options.dry_run:
        write_document(path, outcome.content, outcome.original, outcome.suffix)
    seen.add(doc_id, fingerprint)
    planned.add(doc_id)


def _article(record: Record) -> tuple[Article | None, str | None, str]:
    """Return the record's article, the date its page declares, and its reader comments."""
    if record.paper is not None:
        return record.paper, None, ""
    if not record.html:
        return extract_article(record.text, title=record.title), None, ""
    from archive.ingest.htmltext import (
        read_page,  # lxml and readability load only when HTML comes
    )

    page = read_page(record.text, url=record.url)
    if page is None:
        return None, None, ""
    record.url = record.url or page.url
    record.source = record.source or page.source
    article = extract_article(page.text, title=record.title or page.title)
    record.author = record.author or page.author or article.author
    return article, page.date, page.comments


def _title(record: Record, article: Article, review: list[str]) -> tuple[str, str]:
    if record.title:
        given = " ".join(normalise(record.title).split())
        title = clean_title(given)
        if not record.html:  # a retyped title's slips, mended by the headline in the text
            title = clean_title(page_spelling(title, record.text))
        points = title_points(title)
        by = record.by.get("title") or "given by the record"
        if points:  # a placeholder or a byline is no title: the text's first words are a better one
            point = points[0].removesuffix(": write one")
            headline = None if placeholder(title) else text_headline(record.text)
            if headline:  # a byline given as the title, the headline under it in the text
                review.append(f"{point}: the title is the text's headline under it, check it")
                return headline, f'the headline under the byline (the record gave "{given}")'
            review.append(f"{point}: the title is the text's first words, write one")
            return _first_words(article), f'the first words of the text (the record gave "{given}")'
        if title != given:
            return title, f'{by}, without its release lines ("{given}")'
        return title, by
    if article.title:
        return article.title, f"the headline, line {article.title_line} of the page"
    review.append("no headline was found: the title is the text's first words, write one")
    return _first_words(article), "the first words of the text"


def _first_words(article: Article) -> str:
    text = article.text
    if text.startswith(OCR_NOTICE):  # our own notice on a scan: its text starts after it
        text = text.partition("\n\n")[2]
    # the text is Markdown, the title plain: "1\\. The relationship" is titled "1. The relationship"
    words = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", text).split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _source(record: Record, options: Options, article: Article, review: list[str]) -> str:
    if options.source or record.source:
        return options.source or record.source or ""
    if article.publisher:
        review.append(
            f'the source is guessed from the page\'s "{article.publisher_line}": check it'
        )
        return article.publisher
    host = urlsplit(record.url or "").hostname
    if host:
        host = host.removeprefix("www.")
        review.append(f"the source is the URL's host {host}: give the publisher's name")
        return host
    review.append("the source is unknown: give it with --source")
    return "unknown"


def _bounded(
    registry: Registry, departments: list[Match], date: DateGuess, review: list[str]
) -> DateGuess:
    """An undated document's bounds: the lifetimes of the departments it names."""
    entries = [registry.departments[m.key] for m in departments]
    found = bounds([(e.label, e.start, e.end) for e in entries if e.start or e.end])
    if not found:
        return date
    span, named = found
    review.append(f"undated; the departments it names bound it {span}: {named}")
    return DateGuess(
        date.date, f"No date was found in the text; it was written {span} ({named}).", False
    )


def _lifetimes(registry: Registry, departments: list[Match], date: PartialDate) -> list[str]:
    """Point out a department named outside its lifetime: the date, or the match, may be wrong."""
    points = []
    for match in departments:
        entry = registry.departments[match.key]
        start = PartialDate.parse(entry.start).year if entry.start else None
        end = PartialDate.parse(entry.end).year if entry.end else None
        if (start and date.year < start) or (end and date.year > end):
            span = f"{start or '?'}–{end or ''}"
            points.append(f"{entry.label} existed {span}, but the date is {date.iso}: check both")
    return points
