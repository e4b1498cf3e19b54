"""A segment's arrays as NumPy files beside it: written whole or not at all, then mapped."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np


def save(
    folder: Path, segment_id: str, suffixes: Iterable[str], arrays: Iterable[np.ndarray]
) -> None:
    """Write each array to `<segment_id><suffix>`, each through a temporary file and a rename."""
    for suffix, array in zip(suffixes, arrays, strict=True):
        path = folder / f"{segment_id}{suffix}"
        # A reader maps these files: a half-written one must never carry the final name.
        temporary = path.with_name(path.name + ".partial")
        with open(temporary, "wb") as handle:
            np.save(handle, array)
        os.replace(temporary, path)


def saved(folder: Path, segment_id: str, suffixes: Iterable[str]) -> bool:
    """Say whether every one of a segment's files was written."""
    return all((folder / f"{segment_id}{suffix}").exists() for suffix in suffixes)
