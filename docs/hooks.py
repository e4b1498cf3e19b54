"""MkDocs hook: write the settings reference from the settings' own definitions at build time."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from archive.settings import reference_markdown

PAGE = "maintainers/settings.md"


def on_files(files: Files, config: Any) -> Files:
    """Add the generated settings reference to the manual's files."""
    files.append(File.generated(config, PAGE, content=reference_markdown()))
    return files
