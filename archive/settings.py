"""An archive's settings, declared once for archive.toml, the app's defaults and the manual."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

SETTINGS_FILE = "archive.toml"
PREFIX = "ARCHIVE_"


@dataclass(frozen=True)
class Setting:
    """One setting: its name, its default, what it does, and an example value written as TOML."""

    name: str
    default: str | int | bool | None
    description: str
    example: str
    # "archive": archive.toml or ARCHIVE_<NAME>; "folder": ARCHIVE_<NAME> or a command-line option,
    # since archive.toml itself is found through them.
    where: str = "archive"
    option: str | None = None

    @property
    def variable(self) -> str:
        return PREFIX + self.name


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "BASE_URL",
        None,
        "The address the archive is published at. Feeds, the API's links, OpenSearch and the "
        "citations' permalinks are built on it instead of the Host header each request carries.",
        '"https://archive.example.org"',
    ),
    Setting(
        "PROXIES",
        0,
        "How many proxies in front of the archive set X-Forwarded-For, -Proto, -Host and "
        "-Prefix. Leave at 0 unless the archive is behind that many; the headers are ignored "
        "otherwise.",
        "1",
    ),
    Setting(
        "COUNTRY",
        "GB",
        "The archive's country, an ISO 3166 code: `archive ingest` takes the currency a bare $ "
        "or £ means and which registry departments apply from it, and the index its financial "
        "year, governments, registries and wording (docs/country.md). Default: GB, the United "
        "Kingdom. Run `archive build` after a change.",
        '"AU"',
    ),
    Setting(
        "KEEP_BUILDS",
        5,
        'How many builds stay searchable: a search cited with its build ("Cite this search") '
        "is run again on that build while it is kept; an older one is answered 410 with the "
        "current one. `archive build` prunes the rest.",
        "5",
    ),
    Setting(
        "SITE_NAME",
        "Policy Archive",
        "What the pages, feeds, OpenSearch, exports and the citations of the archive's own "
        "copy call this archive.",
        '"Policy Archive"',
    ),
    Setting(
        "TAGLINE",
        "Public-policy funding announcements, searchable",
        "The line beside the archive's name in every page's header.",
        '"Public-policy funding announcements, searchable"',
    ),
    Setting(
        "SUBJECT",
        "public-policy funding announcements",
        "What the archive holds, as in the search page's heading \"Search public-policy "
        'funding announcements" and the OpenSearch description.',
        '"public-policy funding announcements"',
    ),
    Setting(
        "FETCH_ALLOW_HOSTS",
        None,
        "Hosts `archive ingest` and `archive follow` fetch from although they are at a loopback, "
        "private, link-local or reserved address (refused otherwise, since a feed or page names "
        "addresses someone else wrote). A list of host names or addresses as the addresses "
        "write them.",
        '["127.0.0.1"]',
    ),
    Setting(
        "SOURCES",
        None,
        "The sources `archive follow` reads, usually written as `[[sources]]` tables: each an "
        "Atom or RSS feed, an XML sitemap or a GOV.UK search, with its own defaults. The "
        "manual's page on following describes their keys.",
        '[{ name = "DfE news", kind = "govuk", organisations = ["department-for-education"] }]',
    ),
    Setting(
        "DEBUG",
        False,
        "Flask's debug mode: errors shown with their traceback. Never on a public site.",
        "true",
    ),
    Setting(
        "ROOT",
        None,
        "The archive folder, where corpus/, index/ and archive.toml are. Default: the current "
        "directory.",
        '"/srv/archive"',
        where="folder",
        option="--root",
    ),
    Setting(
        "CORPUS_DIR",
        None,
        "The folder of corpus documents. Default: corpus/ in the archive folder.",
        '"/srv/archive/corpus"',
        where="folder",
        option="--corpus",
    ),
    Setting(
        "INDEX_DIR",
        None,
        "The folder the index is built in and served from. Default: index/ in the archive folder.",
        '"/srv/archive/index"',
        where="folder",
        option="--index",
    ),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}
# Keys of the app's config that the app sets itself: not settings anyone writes.
INTERNAL = ("STATIC_DIRS",)


def defaults() -> dict[str, Any]:
    """Return the default of every setting archive.toml may hold."""
    return {s.name: s.default for s in SETTINGS if s.where == "archive"}


def example_toml() -> str:
    """Return the archive.toml `archive init` writes: every setting described, commented out."""
    parts = [
        "# This archive's settings. An ARCHIVE_<NAME> environment variable overrides the one here\n"
        "# (ARCHIVE_BASE_URL for BASE_URL); the manual's settings reference describes each.\n"
    ]
    for setting in SETTINGS:
        if setting.where != "archive":
            continue
        comment = textwrap.fill(
            setting.description, 90, initial_indent="# ", subsequent_indent="# "
        )
        parts.append(f"{comment}\n# {setting.name} = {setting.example}\n")
    return "\n".join(parts)


def reference_markdown() -> str:
    """Return the manual's settings reference, a table made from the definitions above."""
    lines = [
        "# Settings reference",
        "",
        "<!-- Generated from archive/settings.py by docs/hooks.py at build time: edit those. -->",
        "",
        "Settings are read in layers: the defaults below, then the archive folder's "
        f"`{SETTINGS_FILE}`, then `{PREFIX}<NAME>` environment variables "
        f"(`{PREFIX}BASE_URL` for `BASE_URL`). `archive init` writes an `{SETTINGS_FILE}` with "
        "every setting described and commented out:",
        "",
        "```toml",
        example_toml().rstrip("\n"),
        "```",
        "",
        f"## In {SETTINGS_FILE} or the environment",
        "",
        "| setting | environment variable | default | what it does |",
        "|---|---|---|---|",
    ]
    lines += [_row(s, s.variable) for s in SETTINGS if s.where == "archive"]
    lines += [
        "",
        "## Where the archive is",
        "",
        f"These find `{SETTINGS_FILE}` itself, so they are read from the environment or the "
        "command line (`archive --root DIR build`), never from the file.",
        "",
        "| setting | environment variable, option | default | what it does |",
        "|---|---|---|---|",
    ]
    lines += [_row(s, f"`{s.variable}`, `{s.option}`") for s in SETTINGS if s.where == "folder"]
    return "\n".join(lines) + "\n"


def _row(setting: Setting, where: str) -> str:
    where = where if where.startswith("`") else f"`{where}`"
    default = "none" if setting.default is None else f"`{_toml(setting.default)}`"
    text = setting.description.replace("|", "\\|")
    return f"| `{setting.name}` | {where} | {default} | {text} |"


def _toml(value: str | int | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else str(value)
