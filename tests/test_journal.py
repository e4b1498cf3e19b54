"""The change journal: a real watcher (`archive watch`) on real files, and real builds on disk.

Each change seen through the journal must give the index a full build gives; a journal the build
cannot trust (a watcher started after the last build, killed, restarted, or one that lost events)
must fall back to the scan, and then the change the watcher never saw is still found.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from searches import answers
from watchdog.events import EventsLostEvent

from archive.cli import main
from archive.corpus import folder, journal, watcher
from archive.index import changes, generations, record
from archive.index.build import build
from archive.search.core import Archive

REQUESTS = [{}, {"q": ["funding"]}, {"q": ["kingfisher"]}, {"year": ["2009-2014"]}]


def recorded(index_dir: Path) -> dict[str, str]:
    """The build's record: every document's checksum."""
    generation = generations.current(index_dir)
    assert generation is not None
    known = record.read(generation)
    return known.checksums(known.names())


def assert_as_a_full_build(corpus_dir: Path, index_dir: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh-index"
    build(corpus_dir, fresh, full=True)
    assert answers(index_dir, REQUESTS) == answers(fresh, REQUESTS)
    assert recorded(index_dir) == recorded(fresh)


def a_document(corpus_dir: Path) -> Path:
    return sorted(corpus_dir / f"{i}.md" for i in folder.document_files(corpus_dir))[0]


def write_doc(corpus_dir: Path, doc_id: str, body: str) -> Path:
    path = corpus_dir / f"{doc_id}.md"
    path.write_text(
        f'---\ntitle: {doc_id}\ndate: "2012"\nsource: Test\ndepartments: [dfe]\n---\n{body}\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def start_watcher(corpus_dir: Path, index_dir: Path) -> Iterator[Callable[[], subprocess.Popen]]:
    """Start `archive watch` on the corpus; return once its watch is in place."""
    started: list[subprocess.Popen] = []

    def start() -> subprocess.Popen:
        command = [sys.executable, "-m", "archive.cli", "--corpus", str(corpus_dir)]
        command += ["--index", str(index_dir), "watch"]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        started.append(process)
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 30)
        line = process.stdout.readline().decode() if ready else ""
        assert line.startswith("Watching"), (line, process.stderr and process.stderr.read())
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.terminate()
        process.communicate(timeout=30)  # waits, and closes its pipes


@pytest.fixture
def watched(built: Path, start_watcher) -> subprocess.Popen:
    """A watcher started after the first build, and a build since: the journal is trusted."""
    process = start_watcher()
    report = build(built.parent / "corpus", built)
    assert report.found == "scanned 13 files: the watcher started after the last build"
    return process


@pytest.fixture
def scans(monkeypatch) -> list[Path]:
    """Count the scans of the corpus folder (the real scan still runs)."""
    calls: list[Path] = []
    real = changes.scan

    def counted(corpus_dir: Path, *args, **kwargs):
        calls.append(corpus_dir)
        return real(corpus_dir, *args, **kwargs)

    monkeypatch.setattr(changes, "scan", counted)
    return calls


def edit_in_place(corpus_dir: Path) -> tuple[str, str]:
    path = a_document(corpus_dir)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("\nA kingfisher was funded too.\n")
    return path.stem, "kingfisher"


def add_new(corpus_dir: Path) -> tuple[str, str]:
    write_doc(corpus_dir, "zz-new", "The kingfisher fund opens.")
    return "zz-new", "kingfisher"


def remove_one(corpus_dir: Path) -> tuple[str, str]:
    path = a_document(corpus_dir)
    path.unlink()
    return path.stem, ""


def rename_one(corpus_dir: Path) -> tuple[str, str]:
    path = a_document(corpus_dir)
    path.rename(corpus_dir / "zz-renamed.md")
    return "zz-renamed", ""


CHANGES = {"edit": edit_in_place, "new": add_new, "remove": remove_one, "rename": rename_one}
EXPECTED = {
    "edit": (0, 1, 0, 1),
    "new": (1, 0, 0, 1),
    "remove": (0, 0, 1, 1),
    "rename": (1, 0, 1, 2),
}


@pytest.mark.parametrize("change", CHANGES)
def test_each_change_is_seen_through_the_journal_as_a_full_build_sees_it(
    change, watched, corpus_dir, index_dir, tmp_path, scans
):
    CHANGES[change](corpus_dir)
    report = build(corpus_dir, index_dir)
    added, changed, removed, named = EXPECTED[change]
    assert (report.added, report.changed, report.removed) == (added, changed, removed)
    assert report.found == f"{named} change{'s' * (named > 1)} from the watcher"
    assert scans == []  # the folder was neither listed nor asked for its files' times
    assert_as_a_full_build(corpus_dir, index_dir, tmp_path)
    # And the next build, with nothing changed, reads nothing.
    again = build(corpus_dir, index_dir)
    assert again.touched == 0 and again.found == "0 changes from the watcher"


def test_a_watcher_started_after_the_last_build_is_not_trusted(
    built, corpus_dir, index_dir, start_watcher, tmp_path
):
    # Changed while nothing watched: only the scan can find it.
    unseen, word = edit_in_place(corpus_dir)
    start_watcher()
    add_new(corpus_dir)
    report = build(corpus_dir, index_dir)
    assert report.found == "scanned 14 files: the watcher started after the last build"
    assert (report.added, report.changed) == (1, 1)
    assert unseen in [
        h["id"] for h in Archive(index_dir).search(Archive(index_dir).request({"q": [word]})).hits
    ]
    assert_as_a_full_build(corpus_dir, index_dir, tmp_path)


@pytest.mark.parametrize("restart", [False, True], ids=["killed", "killed-and-restarted"])
def test_a_watcher_killed_between_builds_falls_back_to_the_scan(
    restart, watched, corpus_dir, index_dir, start_watcher, tmp_path
):
    trusted = build(corpus_dir, index_dir)
    assert trusted.found == "0 changes from the watcher"
    watched.send_signal(signal.SIGKILL)
    watched.wait(timeout=30)
    unseen, _ = edit_in_place(corpus_dir)  # no watcher saw this
    if restart:
        start_watcher()
    report = build(corpus_dir, index_dir)
    why = ": the watcher was restarted since the last build" if restart else ""
    assert report.found == f"scanned 13 files{why}"
    assert report.changed == 1
    assert_as_a_full_build(corpus_dir, index_dir, tmp_path)


def test_a_journal_that_lost_events_is_not_trusted(watched, corpus_dir, index_dir, tmp_path):
    # As the watcher writes when the kernel's queue overflows (below): the build cannot know
    # what was lost, so it scans, and the journal is trusted again from the build after.
    session = json.loads((journal.folder(index_dir) / journal.SESSION_FILE).read_text())["session"]
    edit_in_place(corpus_dir)
    with open(journal.log_path(index_dir, session), "ab") as log:
        log.write(b"!the kernel's event queue overflowed\n")
    report = build(corpus_dir, index_dir)
    assert report.found.startswith("scanned 13 files: the watcher may have missed changes")
    assert report.changed == 1
    add_new(corpus_dir)
    assert build(corpus_dir, index_dir).found == "1 change from the watcher"
    assert_as_a_full_build(corpus_dir, index_dir, tmp_path)


def test_a_watcher_that_does_not_answer_is_not_trusted(watched, corpus_dir, index_dir):
    watched.send_signal(signal.SIGSTOP)  # alive, holding its lock, but logging nothing
    try:
        edit_in_place(corpus_dir)
        report = build(corpus_dir, index_dir)
    finally:
        watched.send_signal(signal.SIGCONT)
    assert report.found == "scanned 13 files: the watcher did not answer within 3 s"
    assert report.changed == 1
    assert not list(corpus_dir.glob(journal.COOKIE_PREFIX + "*"))  # its cookie removed


def test_the_watcher_logs_lost_events_as_a_gap(tmp_path):
    log = tmp_path / "log"
    descriptor = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        logger = watcher._Logger(tmp_path, descriptor)
        logger.dispatch(EventsLostEvent(str(tmp_path), is_directory=True))
    finally:
        os.close(descriptor)
    assert log.read_text() == "!the kernel's event queue overflowed\n"
    assert logger.failed == "the kernel's event queue overflowed"


def test_a_build_without_a_watcher_scans_as_before(built, corpus_dir, index_dir, tmp_path):
    edit_in_place(corpus_dir)
    report = build(corpus_dir, index_dir)
    assert report.found == "scanned 13 files" and report.changed == 1
    assert not journal.folder(index_dir).exists()
    generation = generations.current(index_dir)
    assert generation is not None and record.read(generation).scan.journal is None
    assert_as_a_full_build(corpus_dir, index_dir, tmp_path)


def test_scan_asked_for_while_watched_scans_and_keeps_the_journal(watched, corpus_dir, index_dir):
    edit_in_place(corpus_dir)
    report = build(corpus_dir, index_dir, scan_all=True)
    assert report.found == "scanned 13 files: as asked (--scan)" and report.changed == 1
    add_new(corpus_dir)
    assert build(corpus_dir, index_dir).found == "1 change from the watcher"
    # A full build reads every file whatever the journal says; the build after it may trust it.
    assert build(corpus_dir, index_dir, full=True).found == "scanned 14 files"
    remove_one(corpus_dir)
    assert build(corpus_dir, index_dir).found == "1 change from the watcher"


def test_a_hard_linked_document_stops_the_watcher_and_builds_scan(
    watched, corpus_dir, index_dir, tmp_path
):
    # Written through its other name, the file would change without an event in the corpus folder,
    # and making the link makes none either: the watcher finds it at the next event naming the file
    # (here its times set), or at its next look at every file (watcher.SWEEP_EVERY_S).
    outside = tmp_path / "elsewhere.md"
    os.link(a_document(corpus_dir), outside)
    os.utime(a_document(corpus_dir))
    assert watched.wait(timeout=30) == 1
    assert watched.stderr is not None and b"hard links" in watched.stderr.read()
    with open(outside, "a", encoding="utf-8") as handle:
        handle.write("\nA kingfisher was funded too.\n")
    report = build(corpus_dir, index_dir)
    assert report.found == "scanned 13 files" and report.changed == 1


def test_the_watcher_refuses_a_corpus_with_a_linked_document(
    built, corpus_dir, index_dir, tmp_path, runner
):
    os.symlink(a_document(corpus_dir), corpus_dir / "zz-link.md")
    result = runner.invoke(main, ["--corpus", str(corpus_dir), "--index", str(index_dir), "watch"])
    assert result.exit_code == 1
    assert f"{corpus_dir / 'zz-link.md'} is a symbolic link" in result.output


def test_a_second_watcher_is_refused(watched, corpus_dir, index_dir, runner):
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    result = runner.invoke(main, ["--corpus", str(corpus_dir), "--index", str(index_dir), "watch"])
    assert result.exit_code == 1
    assert f"a watcher is already running on {index_dir}" in result.output
    # The command's own signal handlers are gone with it (else a later fork ignores SIGTERM).
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == handlers


def test_archive_build_says_which_way_it_found_the_changes(watched, corpus_dir, index_dir, runner):
    edit_in_place(corpus_dir)
    args = ["--corpus", str(corpus_dir), "--index", str(index_dir), "build"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0
    assert result.output.strip().endswith("; 1 change from the watcher")
    scanned = runner.invoke(main, [*args, "--scan"])
    assert scanned.output.strip().endswith("; scanned 13 files: as asked (--scan))")


def test_archive_serve_runs_a_watcher_that_stops_with_it(built, corpus_dir, index_dir, port):
    command = [sys.executable, "-m", "archive.cli", "--corpus", str(corpus_dir)]
    command += ["--index", str(index_dir), "serve", "--port", str(port), "--workers", "1"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        session = None
        deadline = time.monotonic() + 60
        while session is None and time.monotonic() < deadline:
            try:
                found = json.loads((journal.folder(index_dir) / journal.SESSION_FILE).read_text())
                session = found["session"] if journal.alive(index_dir, found["session"]) else None
            except (OSError, ValueError):
                time.sleep(0.2)
        assert session is not None, "no watcher started with the server"
        # Not the server's child: what counts the server's children (bench/load.py) counts workers.
        pid = json.loads((journal.folder(index_dir) / journal.SESSION_FILE).read_text())["pid"]
        tasks = Path(f"/proc/{server.pid}/task").iterdir()
        children = {int(c) for t in tasks for c in (t / "children").read_text().split()}
        assert pid not in children and pid != server.pid
        assert build(corpus_dir, index_dir).found.endswith(
            "the watcher started after the last build"
        )
        add_new(corpus_dir)
        assert build(corpus_dir, index_dir).found == "1 change from the watcher"
    finally:
        # Killed outright, as a crash would: the watcher sees its server gone and stops too.
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
    deadline = time.monotonic() + 30
    while journal.alive(index_dir, session) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not journal.alive(index_dir, session)
    assert build(corpus_dir, index_dir).found == "scanned 14 files"


def test_a_hard_link_made_from_elsewhere_is_found_by_the_watchers_next_look(
    built, corpus_dir, index_dir, tmp_path, monkeypatch
):
    # Making the link makes no event in the corpus folder: the watcher's look at each file finds it.
    monkeypatch.setattr(watcher, "SWEEP_EVERY_S", 0.5)
    ended: list[str] = []
    ready = threading.Event()
    running = threading.Thread(
        target=lambda: ended.append(
            watcher.watch(corpus_dir, index_dir, ready=lambda _: ready.set())
        )
    )
    running.start()
    assert ready.wait(30)
    os.link(a_document(corpus_dir), tmp_path / "elsewhere.md")
    running.join(timeout=30)
    assert ended and "has 2 hard links" in ended[0]
    session_file = journal.folder(index_dir) / journal.SESSION_FILE
    assert not session_file.exists()  # a build sees no watcher at once


@pytest.mark.parametrize(
    ("folder", "refused"),
    [("/mnt/corpus", True), ("/mnt/corpus/sub", True), ("/mnt/corpus2", False), ("/srv", False)],
)
def test_a_corpus_on_a_network_file_system_is_not_watched(folder, refused, tmp_path):
    # inotify sees only this machine's changes; another machine's edits to an NFS share make none.
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sda1 / ext4 rw 0 0\nserver:/export /mnt/corpus nfs4 rw 0 0\n")
    problem = watcher.network_problem(Path(folder), mounts)
    assert (problem is not None) == refused
    if refused:
        assert (
            problem
            == f"{folder} is on a network file system (nfs4), changed from other machines unseen"
        )
