"""The `archive` command: build, check, search and serve. Each command only calls the core."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from archive import __version__
from archive.errors import ArchiveError
from archive.home import ArchiveFolder
from archive.search.request import SORTS


def _fail(error: ArchiveError) -> click.ClickException:
    return click.ClickException(str(error))


def _country(paths: ArchiveFolder) -> str | None:
    """Read the archive's country (ARCHIVE_COUNTRY, else archive.toml), or say what is wrong."""
    from archive.corpus.country import parse_country
    from archive.home import SETTINGS_FILE

    try:
        return parse_country(paths.country_setting())
    except ValueError as error:
        raise ArchiveError(f"{paths.root / SETTINGS_FILE}: COUNTRY: {error}") from None


@click.group()
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="ARCHIVE_ROOT",
    help="The archive folder (default: the current directory).",
)
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    envvar="ARCHIVE_CORPUS_DIR",
    help="The folder of corpus documents (default: corpus/ in the archive folder).",
)
@click.option(
    "--index",
    type=click.Path(path_type=Path),
    envvar="ARCHIVE_INDEX_DIR",
    help="The folder the index is built in (default: index/ in the archive folder).",
)
@click.version_option(__version__, prog_name="archive")
@click.pass_context
def main(ctx: click.Context, root: Path | None, corpus: Path | None, index: Path | None) -> None:
    """Policy Archive: a searchable archive of public-policy funding announcements.

    The archive is the folder you stand in (its corpus/ and index/), or the one --root names.
    """
    ctx.obj = ArchiveFolder.at(root, corpus, index)


@main.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--country",
    help="The archive's country (ISO 3166, e.g. AU): its registries, "
    "financial year, governments and currency. Default: GB.",
)
def init(directory: Path, country: str | None) -> None:
    """Start a new archive in DIRECTORY (default: here): corpus/, registries, settings."""
    from archive.corpus.country import parse_country
    from archive.home import init as run_init

    try:
        written = run_init(directory, parse_country(country))
    except ValueError as error:
        raise click.ClickException(f"--country: {error}") from None
    except ArchiveError as error:
        raise _fail(error) from None
    click.echo(f"Started an archive in {directory.absolute()} ({len(written)} files):")
    for path in written:
        click.echo(f"  {path.relative_to(directory.absolute())}")
    where = "" if directory.absolute() == Path.cwd() else f"cd {directory}\n  "
    click.echo(
        f"Next:\n  {where}archive ingest PAGE.html   # or .txt, .jsonl, a folder\n"
        "  archive build\n  archive serve --workers 2"
    )


@main.command()
@click.option("--full", is_flag=True, help="Rebuild from nothing instead of only what changed.")
@click.option(
    "--scan", "scan_all", is_flag=True, help="Scan the corpus folder even if a watcher runs."
)
@click.pass_obj
def build(paths: ArchiveFolder, full: bool, scan_all: bool) -> None:
    """Build or update the index from the corpus.

    With a watcher running (archive watch, or archive serve) since the last build, only the files
    it saw change are read; otherwise every file of the corpus folder is looked at."""
    from archive.index.build import build as run_build

    try:
        report = run_build(
            paths.require_corpus(),
            paths.index,
            full=full,
            progress=sys.stderr.isatty(),
            country=_country(paths),
            keep=_keep_builds(paths),
            scan_all=scan_all,
        )
    except ArchiveError as error:
        raise _fail(error) from None
    for problem in report.errors:
        click.echo(str(problem), err=True)
    click.echo(report.summary())
    if report.errors:
        sys.exit(1)


def _keep_builds(paths: ArchiveFolder) -> int:
    """Read KEEP_BUILDS from archive.toml: how many builds stay searchable (default 5)."""
    from archive.index.generations import KEEP

    value = paths.settings().get("KEEP_BUILDS", KEEP)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise click.ClickException(
            f"KEEP_BUILDS in archive.toml must be a whole number of 1 or more, not {value!r}"
        )
    return value


@main.command()
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    metavar="KIND",
    help="Only warnings of this kind (e.g. amount, date, registry); repeatable.",
)
@click.pass_obj
def check(paths: ArchiveFolder, kinds: tuple[str, ...]) -> None:
    """Validate the corpus without building; count the points to review by kind."""
    from archive.corpus.folder import check as run_check

    try:
        report = run_check(paths.require_corpus(), _country(paths))
        shown = report.of_kinds(kinds)
    except (ArchiveError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    for rejected in report.errors:
        click.echo(str(rejected), err=True)
    for warning in shown:
        click.echo(f"warning: {warning.text}", err=True)
    for note in report.notes:
        click.echo(f"registry: {note}", err=True)
    problems = f"{len(report.errors)} file(s) rejected" if report.errors else "no errors"
    click.echo(
        f"checked {report.documents + len(report.errors)} documents: {problems}, "
        f"{len(report.warnings)} warning(s)"
    )
    if report.warnings:
        click.echo(report.kinds_line(kinds))
    if report.errors:
        sys.exit(1)


@main.command()
@click.argument("query", nargs=-1)
@click.option(
    "--year", multiple=True, help="A year or range such as 2010-2013; repeat for several."
)
@click.option(
    "--department", multiple=True, help="A department key, short name or name; repeat for several."
)
@click.option("--predecessors", is_flag=True, help="Include the departments' predecessors.")
@click.option("--programme", multiple=True, help="A programme key or name; repeat for several.")
@click.option(
    "--amount", multiple=True, help="An amount band such as 10m-100m; repeat for several."
)
@click.option("--min-amount", help="Only documents with an amount of at least this (e.g. 5m).")
@click.option("--max-amount", help="Only documents with an amount of at most this.")
@click.option(
    "--sort", type=click.Choice(SORTS), help="Result order (relevance with a query, else newest)."
)
@click.option(
    "--financial-year", multiple=True, help="A financial year such as 2010-11; repeat for several."
)
@click.option(
    "--government",
    multiple=True,
    help="A government key such as uk-brown (corpus/governments.yaml).",
)
@click.option(
    "--announced-by",
    multiple=True,
    help='A person in people.yaml, by any name form ("Ed Balls", balls).',
)
@click.option(
    "--from",
    "date_from",
    help="Only documents dated wholly on or after this (YYYY, YYYY-MM or YYYY-MM-DD).",
)
@click.option("--to", "date_to", help="Only documents dated wholly on or before this.")
@click.option(
    "--real",
    is_flag=True,
    help="Amount filters and --sort largest in real terms (latest year's prices).",
)
@click.option(
    "--money",
    type=click.Choice(["announced", "all"]),
    default="announced",
    show_default=True,
    help=(
        "Which amounts the amount filters and --sort largest count: "
        "money announced, or all amounts."
    ),
)
@click.option("--page", default=1, show_default=True, help="Which page of results.")
@click.option("--limit", default=10, show_default=True, help="Results per page.")
@click.option("--json", "as_json", is_flag=True, help="Print the results and facet counts as JSON.")
@click.pass_obj
def search(paths: ArchiveFolder, query: tuple[str, ...], as_json: bool, **options) -> None:
    """Search the index, e.g. archive search "social work" --year 2013."""
    from archive.search.core import Archive
    from archive.search.request import FACET_PARAMS

    params = {
        "q": [" ".join(query)],
        "page": [str(options["page"])],
        "per_page": [str(options["limit"])],
    }
    for name in FACET_PARAMS:
        params[name] = list(options[name])
    for name in ("min_amount", "max_amount", "sort", "money"):
        if options[name]:
            params[name] = [options[name]]
    for name, option in (("from", "date_from"), ("to", "date_to")):
        if options[option]:
            params[name] = [options[option]]
    for name in ("predecessors", "real"):
        if options[name]:
            params[name] = ["1"]
    try:
        paths.require_index()
        archive = Archive(paths.index)
        result = archive.search(archive.request(params))
    except ArchiveError as error:
        raise _fail(error) from None
    if as_json:
        click.echo(
            json.dumps(
                {
                    "query": result.request.q,
                    "read_as": result.reading,
                    "notice": result.notice,
                    "total": result.total,
                    "page": result.request.page,
                    "sort": result.sort,
                    "results": result.hits,
                    "facets": {
                        f: [v.__dict__ for v in values] for f, values in result.facets.items()
                    },
                    "unplaced": result.unplaced,
                    "unplaced_why": result.unplaced_why,
                    "left_out": result.left_out,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    if result.notice:
        click.echo(result.notice, err=True)
    click.echo(
        f"{result.total} result{'s' if result.total != 1 else ''} "
        f"(read as: {result.reading}; sorted by {result.sort})"
    )
    if result.left_out:
        click.echo(
            f"{result.left_out} document(s) left out for being dated less precisely than the range",
            err=True,
        )
    for hit in result.hits:
        amounts = ", ".join(a["text"] for a in hit["amounts"][:5])
        click.echo(f"\n{hit['date']}  {hit['title']}  [{hit['id']}]")
        click.echo(f"  {hit['source']}" + (f" · {amounts}" if amounts else ""))


@main.command()
@click.option("--parent", type=int, hidden=True, help="Stop when this process ends.")
@click.pass_obj
def watch(paths: ArchiveFolder, parent: int | None) -> None:
    """Watch the corpus folder and log what changes, so that builds need not scan it.

    Runs until interrupted; `archive serve` starts one of its own."""
    import signal
    import threading

    from archive.corpus.watcher import watch as run_watch

    corpus = paths.require_corpus()
    stop = threading.Event()

    def ready(session: str) -> None:
        click.echo(
            f"Watching {corpus} for changes (journal in {paths.index / 'journal'}); "
            "the next build scans, the builds after it read only what changed"
        )

    # Interrupted or terminated, the watcher still says in its log that it stopped. The handlers
    # are put back afterwards: a process that ran the command (a test) must not inherit them, nor
    # the children it forks later (a pool's workers that would then ignore SIGTERM).
    before = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        for number in before:
            signal.signal(number, lambda *_: stop.set())
        why = run_watch(corpus, paths.index, stop=stop, ready=ready, parent=parent)
    except ArchiveError as error:
        raise _fail(error) from None
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
    if stop.is_set():
        click.echo("stopped watching", err=True)
        return
    click.echo(f"stopped watching: {why}; builds scan the corpus folder again", err=True)
    sys.exit(1)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="The port."
)
@click.option(
    "--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Worker processes."
)
@click.option(
    "--no-watch",
    is_flag=True,
    help="Do not watch the corpus folder for the builds (archive watch).",
)
@click.pass_obj
def serve(paths: ArchiveFolder, host: str, port: int, workers: int, no_watch: bool) -> None:
    """Serve the archive over HTTP with gunicorn, and watch the corpus for the builds."""
    from archive.index.generations import require_current
    from archive.web.serve import serve as run

    try:
        require_current(paths.require_index())
    except ArchiveError as error:
        raise _fail(error) from None
    click.echo(
        f"Serving Policy Archive at http://{host}:{port}/ with {workers} workers (Ctrl+C to stop)"
    )
    if not no_watch and paths.corpus.is_dir():
        _start_watcher(paths)
    run(paths, host, port, workers)


def _start_watcher(paths: ArchiveFolder) -> None:
    """Start `archive watch` beside the server, stopping when the server stops.

    Started through a short-lived process of its own, so the watcher is no child of the server's:
    whatever counts the server's children counts its workers alone (bench/load.py).
    """
    import os
    import subprocess

    command = [sys.executable, "-m", "archive.cli", "--corpus", str(paths.corpus)]
    command += ["--index", str(paths.index), "watch", "--parent", str(os.getpid())]
    starter = "import subprocess, sys; subprocess.Popen(sys.argv[1:], start_new_session=True)"
    subprocess.run([sys.executable, "-c", starter, *command], stdin=subprocess.DEVNULL, check=False)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--map",
    "field_map",
    metavar="FIELD=NAME,...",
    help=(
        "Which JSON fields hold the text, title, date, url, source, author, type (e.g. text=body)."
    ),
)
@click.option(
    "--currency", help="What a bare $ means in these sources, e.g. AUD; written as `currency:`."
)
@click.option(
    "--country",
    help="The sources' country (ISO 3166, e.g. AU); default: COUNTRY in archive.toml, else GB.",
)
@click.option("--source", help="The publisher, when the sources do not say.")
@click.option("--url", help="The original address of a single article (its date is read from it).")
@click.option(
    "--date", help="The publication date of a single article: YYYY-MM-DD, YYYY-MM or YYYY."
)
@click.option("--type", "doc_type", help="The kind of document, e.g. news or press release.")
@click.option(
    "--licence", help="A licence or attribution statement to carry in every document written."
)
@click.option("--force", is_flag=True, help="Overwrite a document that is already in the corpus.")
@click.option("--dry-run", is_flag=True, help="Print what would be written, and write nothing.")
@click.option(
    "--verbose", is_flag=True, help="Print the evidence for every document, even in a large batch."
)
@click.pass_obj
def ingest(
    paths: ArchiveFolder, inputs: tuple[Path, ...], verbose: bool, doc_type: str | None, **options
) -> None:
    """Turn text, HTML, JSON lines, PDF and Word files, folders or addresses into corpus documents.

    An address (http:// or https://) is fetched; so is each line of a .urls file, or of a text file
    whose every line is an address."""
    from archive.ingest.pipeline import DETAIL_UP_TO, Options
    from archive.ingest.pipeline import ingest as run_ingest

    def show(outcome, total: int) -> None:
        full = verbose or total <= DETAIL_UP_TO
        if outcome.skipped or full or total <= 100:
            for line in outcome.describe(dry_run=options["dry_run"], full=full):
                click.echo(line, err=bool(outcome.skipped))

    try:
        if not options["country"]:
            options["country"] = _country(paths)
        report = run_ingest(
            list(inputs),
            paths.require_corpus(),
            Options(type=doc_type, allow_hosts=allowed_hosts(paths), **options),
            progress=sys.stderr.isatty(),
            report_to=show,
        )
    except ArchiveError as error:
        raise _fail(error) from None
    if report.written and any(o.review for o in report.written) and not options["dry_run"]:
        click.echo(
            "points to review are in each document's `review:` list; `archive check` lists them"
        )
    click.echo(report.summary())
    if report.skipped:
        sys.exit(1)


@main.command()
@click.argument("addresses", nargs=-1)
@click.option(
    "--refetch-older-than",
    metavar="AGE",
    help="Also re-check documents fetched longer ago than this (30d, 2w, 12h).",
)
@click.option(
    "--timeout",
    default=20.0,
    show_default=True,
    type=click.FloatRange(0.1, 600),
    help="Seconds to wait for each answer.",
)
@click.option(
    "--pause",
    default=1.0,
    show_default=True,
    type=click.FloatRange(0, 60),
    help="Seconds between two requests to one host.",
)
@click.option("--no-build", is_flag=True, help="Ingest only: do not build the index afterwards.")
@click.pass_obj
def follow(
    paths: ArchiveFolder,
    addresses: tuple[str, ...],
    refetch_older_than: str | None,
    timeout: float,
    pause: float,
    no_build: bool,
) -> None:
    """Read the sources of archive.toml (or the ADDRESSES given), ingest what is new, then build.

    A feed, a sitemap or a GOV.UK search or content address is told apart by what the server
    answers. Exits 1 when a source or item failed; the rest is still ingested."""
    from archive.follow.config import parse_age, read_sources
    from archive.follow.run import Settings
    from archive.follow.run import follow as run_follow

    try:
        age = parse_age(refetch_older_than) if refetch_older_than else None
        where = str(paths.root / "archive.toml")
        sources = read_sources(paths.settings().get("SOURCES"), where)
        if not sources and not addresses:
            raise ArchiveError(f"{where}: no [[sources]] to follow, and no address was given")
        settings = Settings(allowed_hosts(paths), _country(paths), timeout, pause)
        summary = run_follow(paths.require_corpus(), sources, list(addresses), settings, age)
    except ArchiveError as error:
        raise _fail(error) from None
    for doc_id in summary.new:
        click.echo(f"new: {doc_id}")
    for doc_id in summary.changed:
        click.echo(f"changed: {doc_id} (the text it replaced is kept as a version)")
    for doc_id in summary.withdrawn:
        click.echo(f"withdrawn: {doc_id}")
    for where_, why in summary.failed:
        click.echo(f"failed: {where_}: {why}", err=True)
    click.echo(summary.line())
    if (summary.new or summary.changed) and not no_build:
        from archive.index.build import build as run_build

        try:
            report = run_build(paths.corpus, paths.index, progress=sys.stderr.isatty())
        except ArchiveError as error:
            raise _fail(error) from None
        click.echo(report.summary())
    if summary.failed:
        sys.exit(1)


def allowed_hosts(paths: ArchiveFolder) -> tuple[str, ...]:
    """Read FETCH_ALLOW_HOSTS: hosts fetched although at a loopback or private address."""
    from archive.ingest.guard import normal_hosts

    hosts = paths.settings().get("FETCH_ALLOW_HOSTS")
    listed = isinstance(hosts, list) and all(isinstance(h, str) for h in hosts)
    if hosts is not None and not listed:
        raise ArchiveError(
            f"{paths.root / 'archive.toml'}: FETCH_ALLOW_HOSTS: a list of host "
            'names, such as ["127.0.0.1"]'
        )
    return tuple(sorted(normal_hosts(hosts)))


if __name__ == "__main__":
    main()
