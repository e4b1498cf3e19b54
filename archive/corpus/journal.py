"""The change journal: which corpus files a watcher saw change, and whether a build may trust it.

A watcher (archive/corpus/watcher.py, `archive watch`, started by `archive serve`) appends one line
per document file created, written, moved or removed to a log of its own session in the index's
journal/ folder, and holds a lock on that log for as long as it lives. A build records where it
read up to (its mark: the session and an offset), as git records Watchman's clock for
core.fsmonitor; the next build reads only the lines after that mark, and only if the same session
is still alive (so it watched without a gap), nothing was lost (no `!` line), and it answered a
sync cookie: a file the build makes in the corpus folder, which the watcher writes into the log
behind every change made before it (the kernel reports one folder's events in order). Otherwise
the build scans the folder as it always did.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

JOURNAL_DIR = "journal"
SESSION_FILE = "session.json"
WATCHER_LOCK = "watcher.lock"
COOKIE_PREFIX = ".archive-sync-"
LOST = "!"  # a line starting so: events may be missing after it (overflow, the watcher stopping)
COOKIE = "~"  # a line starting so: a sync cookie seen
SYNC_TIMEOUT_S = 3.0


@dataclass(frozen=True)
class Look:
    """What a build found in the journal: its new mark, and the files changed, if to be trusted."""

    mark: list[str | int] | None  # [session, offset] to record; None: no watcher vouches for now
    names: set[str] | None  # the document files named since the last build's mark, if trusted
    why: str | None = None  # why the journal was not used although a watcher runs, if it was not


def folder(index_dir: Path) -> Path:
    return index_dir / JOURNAL_DIR


def log_path(index_dir: Path, session: str) -> Path:
    return folder(index_dir) / f"{session}.log"


def look(index_dir: Path, corpus_dir: Path, since: list[str | int] | None) -> Look:
    """Sync with the running watcher, if any, and read what it saw since the mark `since`."""
    session = _live_session(index_dir, corpus_dir)
    if session is None:
        return Look(None, None)
    try:
        offset, names, lost = _sync(index_dir, corpus_dir, session, since)
    except TimeoutError:  # before OSError, of which it is one
        return Look(None, None, f"the watcher did not answer within {SYNC_TIMEOUT_S:.0f} s")
    except OSError as error:  # a corpus folder we may not write in, a log removed
        return Look(None, None, f"the watcher could not be asked: {error.strerror or error}")
    mark: list[str | int] = [session, offset]
    if since is None:
        return Look(mark, None, "the watcher started after the last build")
    if since[0] != session:
        return Look(mark, None, "the watcher was restarted since the last build")
    if lost:
        return Look(mark, None, f"the watcher may have missed changes: {lost}")
    return Look(mark, names)


def _live_session(index_dir: Path, corpus_dir: Path) -> str | None:
    """Return the session of the watcher running on this corpus now, or None."""
    try:
        found = json.loads((folder(index_dir) / SESSION_FILE).read_text("utf-8"))
        session = str(found["session"])
        here = os.stat(corpus_dir)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if [here.st_dev, here.st_ino] != found.get("corpus_id"):
        return None  # a watcher of another folder (or of one since replaced)
    return session if alive(index_dir, session) else None


def alive(index_dir: Path, session: str) -> bool:
    """Tell whether the watcher of this session runs (it holds its log's lock until it dies)."""
    try:
        descriptor = os.open(log_path(index_dir, session), os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)  # also drops the lock, if we got it
    return False


def _sync(
    index_dir: Path, corpus_dir: Path, session: str, since: list[str | int] | None
) -> tuple[int, set[str], str | None]:
    """Make a cookie, wait for the watcher to log it; return the offset after it, names, a loss."""
    with open(log_path(index_dir, session), "rb") as log:
        # Read from the last mark; or, where there is none to trust, from the end as it is before
        # the cookie is made (the cookie's line comes after it; a line cut there is no cookie's).
        size = os.fstat(log.fileno()).st_size
        trusted = since is not None and since[0] == session and int(since[1]) <= size
        start = int(since[1]) if since is not None and trusted else size
        log.seek(start)
        cookie = f"{COOKIE_PREFIX}{os.getpid()}-{secrets.token_hex(6)}"
        with _cookie(corpus_dir / cookie):
            offset, names, lost = _read_to(
                log, COOKIE + cookie, start, trusted, lambda: alive(index_dir, session)
            )
        if since is not None and since[0] == session and not trusted:
            lost = "its log is shorter than the last build's mark"
        return offset, names, lost


def _read_to(
    log: BinaryIO, cookie_line: str, offset: int, trusted: bool, running: Callable[[], bool]
) -> tuple[int, set[str], str | None]:
    """Read the log up to the cookie's line: the document files named, and the first loss."""
    names: set[str] = set()
    lost: str | None = None
    pending = b""
    deadline = time.monotonic() + SYNC_TIMEOUT_S
    while True:
        pending += log.read()
        *lines, pending = pending.split(b"\n")  # a line not yet whole waits for its end
        for line in lines:
            offset += len(line) + 1
            text = line.decode("utf-8", "surrogateescape")
            if text == cookie_line:
                return offset, names, lost
            if not trusted:
                continue
            if text.startswith(LOST):
                lost = lost or text[1:]
            elif text.startswith('"'):
                try:
                    names.add(str(json.loads(text)))
                except ValueError:
                    lost = lost or f"a damaged line before byte {offset}"
        if time.monotonic() > deadline or not running():
            raise TimeoutError(cookie_line)
        time.sleep(0.002)


@contextmanager
def _cookie(path: Path) -> Iterator[None]:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        yield
    finally:
        path.unlink(missing_ok=True)


def line_for(name: str) -> bytes:
    """Return the log line naming a document file (JSON: any name, newlines included, fits)."""
    return (json.dumps(name) + "\n").encode("utf-8", "surrogateescape")
