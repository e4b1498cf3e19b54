"""The watcher: a process that logs every document file of the corpus folder that changes.

It runs as `archive watch` (and beside `archive serve`), watches the folder through watchdog
(inotify on Linux), and writes the change journal that archive/corpus/journal.py reads for the
build. It vouches only for what it can see: a document that is a link (symbolic, or a hard link
with another name elsewhere) may be edited through a path it does not watch, so it refuses to
start, or stops, on finding one, and builds scan the folder again.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import stat
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    EventsLostEvent,
    FileAttribEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from archive.corpus import journal
from archive.corpus.folder import is_document_name
from archive.errors import ArchiveError

# Only changes: opening and reading a file are left out in the kernel, so a build reading a
# million files makes no events (and cannot overflow the queue).
EVENTS: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileAttribEvent,  # a link count or mode changed
    FileMovedEvent,
    FileDeletedEvent,
    DirCreatedEvent,
    DirMovedEvent,
    DirDeletedEvent,
]
CHECK_EVERY_S = 1.0
# File systems whose files other machines can change: inotify sees only this machine's changes.
NETWORK = ("nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "ceph", "glusterfs", "afs", "lustre")
# A hard link made from elsewhere to a document makes no event in the corpus folder (nor do
# writes through it): every file is looked at again this often, so such a link stops the
# watcher (and builds scan) within this time. At 1,000,000 files a look takes about 3 s.
SWEEP_EVERY_S = 600.0


class _Logger(FileSystemEventHandler):
    """Write one line to the session's log for each document file an event names."""

    def __init__(self, corpus_dir: Path, descriptor: int) -> None:
        self.corpus = os.fsdecode(corpus_dir)
        self.descriptor = descriptor
        self.failed: str | None = None
        self.lock = threading.Lock()

    def write(self, line: bytes) -> None:
        with self.lock:
            os.write(self.descriptor, line)  # O_APPEND, one call a line: never interleaved

    def lose(self, why: str) -> None:
        """Log that changes may be missing from here on, and stop."""
        self.failed = self.failed or why
        # Unwritable too: the lock is dropped as we stop, and builds then scan.
        with contextlib.suppress(OSError):
            self.write(f"{journal.LOST}{why}\n".encode())

    def on_any_event(self, event: FileSystemEvent) -> None:
        try:
            self._log(event)
        except OSError as error:  # a full disk: nothing more can be vouched for
            self.lose(f"the journal cannot be written: {error.strerror or error}")
        except Exception as error:  # anything else unlogged is a change a build could miss
            self.lose(f"an event could not be logged: {error!r}")

    def _log(self, event: FileSystemEvent) -> None:
        if isinstance(event, EventsLostEvent):
            self.lose("the kernel's event queue overflowed")
            return
        paths = [os.fsdecode(event.src_path), os.fsdecode(event.dest_path)]
        if paths[0] == self.corpus and isinstance(event, DirDeletedEvent | DirMovedEvent):
            self.lose("the corpus folder was removed or moved")
            return
        for path in paths:
            where, name = os.path.split(path)
            if not name or where != self.corpus:
                continue
            if name.startswith(journal.COOKIE_PREFIX):
                if isinstance(event, FileCreatedEvent):
                    self.write(f"{journal.COOKIE}{name}\n".encode())
            elif is_document_name(name):
                self.write(journal.line_for(name))
                problem = link_problem(Path(path))
                if problem:
                    self.lose(problem)


def link_problem(path: Path) -> str | None:
    """Say why a document file's edits could escape the watcher (it is a link), or None."""
    try:
        found = os.lstat(path)
    except OSError:
        return None  # gone: nothing to edit
    if stat.S_ISLNK(found.st_mode):
        return f"{path} is a symbolic link, whose target can change unseen"
    if stat.S_ISREG(found.st_mode) and found.st_nlink > 1:
        return f"{path} has {found.st_nlink} hard links, and can be written through another"
    return None


def network_problem(corpus_dir: Path, mounts: Path = Path("/proc/self/mounts")) -> str | None:
    """Say if the folder is on a network file system (changes made elsewhere make no event)."""
    try:
        lines = mounts.read_text("utf-8").splitlines()
    except OSError:
        return None  # not Linux: no /proc to ask
    best, kind = "", ""
    folder = str(corpus_dir)
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = folder == point or folder.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    if kind in NETWORK or kind.startswith("fuse.sshfs"):
        return (
            f"{corpus_dir} is on a network file system ({kind}), changed from other machines unseen"
        )
    return None


def _first_link(corpus_dir: Path) -> str | None:
    """Say which document is a link, if one is (a folder gone is _trouble's to report)."""
    with contextlib.suppress(OSError), os.scandir(corpus_dir) as entries:
        for entry in entries:
            if is_document_name(entry.name):
                problem = link_problem(corpus_dir / entry.name)
                if problem:
                    return problem
    return None


def watch(
    corpus_dir: Path,
    index_dir: Path,
    stop: threading.Event | None = None,
    ready: Callable[[str], None] | None = None,
    parent: int | None = None,
) -> str:
    """Watch the corpus and log its changes until `stop` is set or watching fails; say why it ended.

    Raise ArchiveError if it cannot start (another watcher runs, a document is a link).
    """
    corpus_dir, stop = corpus_dir.resolve(), stop or threading.Event()
    place = journal.folder(index_dir)
    try:
        place.mkdir(parents=True, exist_ok=True)
        held = os.open(place / journal.WATCHER_LOCK, os.O_WRONLY | os.O_CREAT, 0o644)
    except OSError as error:
        raise ArchiveError(f"cannot keep the journal in {place}: {error.strerror}") from None
    try:
        try:
            fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ArchiveError(f"a watcher is already running on {index_dir}") from None
        # The last watcher is gone (we hold the lock): its session and logs mean nothing now.
        (place / journal.SESSION_FILE).unlink(missing_ok=True)
        for old in place.glob("*.log"):
            old.unlink()
        session = uuid.uuid4().hex
        log = journal.log_path(index_dir, session)
        descriptor = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        try:
            # Held until this process ends, however it ends: a build trusts the session's lines
            # only while it is held.
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            return _run(corpus_dir, index_dir, session, descriptor, stop, ready, parent)
        finally:
            os.close(descriptor)
    finally:
        os.close(held)


def _run(
    corpus_dir: Path,
    index_dir: Path,
    session: str,
    descriptor: int,
    stop: threading.Event,
    ready: Callable[[str], None] | None,
    parent: int | None,
) -> str:
    logger = _Logger(corpus_dir, descriptor)
    observer = Observer()
    observer.schedule(logger, str(corpus_dir), recursive=False, event_filter=EVENTS)
    observer.start()  # the kernel's watch is in place once this returns
    place = journal.folder(index_dir)
    try:
        # Looked for once the watch is in place, so that a link made meanwhile is seen either way.
        problem = network_problem(corpus_dir) or _first_link(corpus_dir)
        if problem:
            raise ArchiveError(f"not watching: {problem}; builds scan the folder instead")
        here = os.stat(corpus_dir)
        session_data = {
            "session": session,
            "pid": os.getpid(),
            "corpus": str(corpus_dir),
            "corpus_id": [here.st_dev, here.st_ino],
            "started": time.time(),
        }
        temporary = place / (journal.SESSION_FILE + ".partial")
        temporary.write_text(json.dumps(session_data), "utf-8")
        os.replace(temporary, place / journal.SESSION_FILE)
        if ready:
            ready(session)
        why, swept = "stopped", time.monotonic()
        while not stop.wait(CHECK_EVERY_S):
            if time.monotonic() - swept > SWEEP_EVERY_S:
                swept = time.monotonic()
                logger.failed = logger.failed or _first_link(corpus_dir)
            why = _trouble(logger, observer, corpus_dir, here, parent) or ""
            if why:
                break
        else:
            why = "stopped"
        logger.lose(why)
        return why
    finally:
        observer.stop()
        observer.join()
        _forget(place, session)


def _trouble(
    logger: _Logger,
    observer: object,
    corpus_dir: Path,
    here: os.stat_result,
    parent: int | None,
) -> str | None:
    """Say why watching cannot go on, or None."""
    if logger.failed:
        return logger.failed
    if not getattr(observer, "is_alive", lambda: False)():
        return "the observer stopped"
    try:
        now = os.stat(corpus_dir)
    except OSError:
        return "the corpus folder is gone"
    if (now.st_dev, now.st_ino) != (here.st_dev, here.st_ino):
        return "the corpus folder was replaced"
    if parent is not None and not _running(parent):
        return "the server it was started with has stopped"
    return None


def _running(pid: int) -> bool:
    """Tell whether a process runs (a zombie, ended but not yet waited for, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's: there all the same
        pass
    with contextlib.suppress(OSError, IndexError):
        # The state follows the command's closing parenthesis: "Z" is a zombie.
        status = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return status[0] != "Z"
    return True


def _forget(place: Path, session: str) -> None:
    """Remove the session file if it is still ours (a build then sees no watcher at once)."""
    path = place / journal.SESSION_FILE
    with contextlib.suppress(OSError, ValueError):
        if json.loads(path.read_text("utf-8")).get("session") == session:
            path.unlink()
