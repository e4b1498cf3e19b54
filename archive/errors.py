"""The errors the archive reports to its users."""

from __future__ import annotations

from pathlib import Path


class ArchiveError(Exception):
    """A problem the user can fix, with a message that says how."""


class CorpusError(ArchiveError):
    """A corpus file that cannot be read, reported as `path: what is wrong`."""

    def __init__(self, path: Path | str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = Path(path)
        self.message = message


class BadRequest(ArchiveError):
    """A search parameter that is not valid."""


class IndexMissing(ArchiveError):
    """No usable index: it was never built or is damaged."""


class IndexOutdated(IndexMissing):
    """An index written in a format this version does not read."""
