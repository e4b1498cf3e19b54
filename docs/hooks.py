"""MkDocs hook: the settings reference from the settings' own definitions, and the changelog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from archive.settings import reference_markdown

PAGE = "maintainers/settings.md"
CHANGELOG = Path(__file__).parent.parent / "CHANGELOG.md"


def on_files(files: Files, config: Any) -> Files:
    """Add the generated settings reference, and the changelog kept at the repository's root."""
    files.append(File.generated(config, PAGE, content=reference_markdown()))
    files.append(File.generated(config, "changelog.md", content=CHANGELOG.read_text("utf-8")))
    return files
