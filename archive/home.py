"""The archive folder, where corpus/, index/ and the archive's own settings live; `archive init`."""

from __future__ import annotations

import os
import shutil
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from archive.errors import ArchiveError
from archive.settings import SETTINGS_FILE, example_toml

# What `archive init` copies from the package into a new archive's corpus/.
COUNTRY_ONLY_FILE = "ministries.yaml"  # archive/corpus/ministries.py
STARTER_FILES = (
    "README.md",
    "departments.yaml",
    "programmes.yaml",
    "governments.yaml",
    "people.yaml",
)
# Every setting, described and commented out, from their one definition.
EXAMPLE_SETTINGS = example_toml()

EMPTY_REGISTRY = """\
# No registry of this kind is shipped for {country}: add entries as documents need them, each
# with `country: {country}` and its sources (see README.md beside this file).
"""

GITIGNORE = "# Built by `archive build`: never committed.\n/index/\n"


@dataclass(frozen=True)
class ArchiveFolder:
    """An archive's folders: the root, and the corpus and index in it unless named otherwise."""

    root: Path
    corpus: Path
    index: Path

    @classmethod
    def at(
        cls,
        root: Path | str | None = None,
        corpus: Path | str | None = None,
        index: Path | str | None = None,
    ) -> ArchiveFolder:
        """Find the folders: named ones first, then ARCHIVE_ROOT, then the current directory."""
        base = Path(root or os.environ.get("ARCHIVE_ROOT") or Path.cwd()).absolute()
        return cls(
            base,
            Path(corpus).absolute() if corpus else base / "corpus",
            Path(index).absolute() if index else base / "index",
        )

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def static(self) -> Path:
        return self.root / "static"

    def require_corpus(self) -> Path:
        """Return the corpus folder, or say that there is no archive here and how to start one."""
        if not self.corpus.is_dir():
            raise ArchiveError(
                f"{self.corpus}: no such corpus folder, so there is no archive here; "
                "`archive init` starts one (or --root DIR names one elsewhere)"
            )
        return self.corpus

    def require_index(self) -> Path:
        """Return the index folder; with neither an index nor a corpus, say how to start."""
        if not self.index.exists():
            self.require_corpus()
        return self.index

    def settings(self) -> dict[str, Any]:
        """Read the archive's settings file, if it has one, naming the file if it cannot be read."""
        path = self.root / SETTINGS_FILE
        try:
            with path.open("rb") as file:
                found = tomllib.load(file)
        except FileNotFoundError:
            return {}
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ArchiveError(f"{path}: cannot be read: {error}") from None
        return {key.upper(): value for key, value in found.items()}

    def country_setting(self) -> str | None:
        """Return the country as set: ARCHIVE_COUNTRY, else COUNTRY in archive.toml, or None."""
        value = os.environ.get("ARCHIVE_COUNTRY") or self.settings().get("COUNTRY")
        return None if value is None else str(value)


def init(target: Path, country: str | None = None) -> list[Path]:
    """Make a new archive folder, refusing one that holds an archive; return what was written.

    A country (an ISO 3166 code, already checked) other than the UK gets that country's
    registries where the package has them, and its COUNTRY setting written."""
    target = target.absolute()
    if (target / "corpus").exists() or (target / SETTINGS_FILE).exists():
        raise ArchiveError(f"{target} already holds an archive: nothing was changed")
    (target / "corpus").mkdir(parents=True, exist_ok=True)
    starter = resources.files("archive.corpus") / "starter"
    own = starter / country if country and country != "GB" else starter
    written = []
    for name in STARTER_FILES:
        path = target / "corpus" / name
        if name == "README.md" or own == starter or (own / name).is_file():
            shipped = own / name if (own / name).is_file() else starter / name
            with resources.as_file(shipped) as source:
                shutil.copyfile(source, path)
        else:  # no registry of this country is shipped: an empty one, never the UK's
            path.write_text(EMPTY_REGISTRY.format(country=country), encoding="utf-8")
        written.append(path)
    # A country's own ministries, where the package ships them (none for the UK, whose archive
    # starts as it always did).
    if own != starter and (own / COUNTRY_ONLY_FILE).is_file():
        with resources.as_file(own / COUNTRY_ONLY_FILE) as source:
            shutil.copyfile(source, target / "corpus" / COUNTRY_ONLY_FILE)
        written.append(target / "corpus" / COUNTRY_ONLY_FILE)
    settings = EXAMPLE_SETTINGS
    if country:
        settings = settings.replace('# COUNTRY = "AU"\n', f'COUNTRY = "{country}"\n')
    (target / SETTINGS_FILE).write_text(settings, encoding="utf-8")
    ignore = target / ".gitignore"
    # A folder that is already a repository keeps its own ignore file, with the index added.
    kept = ignore.read_text(encoding="utf-8") if ignore.exists() else ""
    if "/index/" not in kept.split():
        ignore.write_text(
            kept + ("\n" if kept and not kept.endswith("\n") else "") + GITIGNORE, encoding="utf-8"
        )
    return [*written, target / SETTINGS_FILE, ignore]
