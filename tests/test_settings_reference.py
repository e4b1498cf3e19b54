"""The settings reference: every setting the code reads is declared once and is in the manual."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from archive import settings
from archive.cli import main
from archive.web.app import create_app

ROOT = Path(__file__).parent.parent
# How the code reads a setting: the app's config, archive.toml, an ARCHIVE_ variable or option.
READS = (
    r"config\[\"([A-Z][A-Z_]+)\"\]",
    r"config\.get\(\"([A-Z][A-Z_]+)\"",
    r"settings\(\)\.get\(\"([A-Z][A-Z_]+)\"",
    r"early\.get\(\"([A-Z][A-Z_]+)\"",
    r"envvar=\"ARCHIVE_([A-Z][A-Z_]+)\"",
    r"environ(?:\.get)?\(\"ARCHIVE_([A-Z][A-Z_]+)\"",
    r"environ\[\"ARCHIVE_([A-Z][A-Z_]+)\"\]",
)


def settings_read_in_code() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "archive").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in READS:
            found.update(re.findall(pattern, text))
    return found - set(settings.INTERNAL)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Build the manual with mkdocs, as ./dev docs does, and return the settings page's text."""
    site = tmp_path_factory.mktemp("site")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    page = (site / "maintainers" / "settings" / "index.html").read_text(encoding="utf-8")
    return unescape(re.sub(r"<[^>]+>", "", page))


def test_the_code_reads_settings_and_each_is_declared():
    read = settings_read_in_code()
    # The scan finds what it should: if it found nothing, the test below would prove nothing.
    assert {
        "BASE_URL",
        "PROXIES",
        "SITE_NAME",
        "COUNTRY",
        "ROOT",
        "INDEX_DIR",
        "CORPUS_DIR",
    } <= read
    assert read <= set(settings.BY_NAME), (
        f"read in the code but not declared: {read - set(settings.BY_NAME)}"
    )


def test_every_setting_is_in_the_generated_reference(reference):
    for setting in settings.SETTINGS:
        row = next((line for line in reference.splitlines() if line.strip() == setting.name), None)
        assert row is not None, f"{setting.name} is not in the settings reference"
        assert setting.variable in reference
        assert " ".join(setting.description.replace("`", "").split()) in " ".join(reference.split())
    for name in settings_read_in_code():
        assert name in reference


def test_archive_init_writes_every_setting_commented_out(tmp_path):
    from click.testing import CliRunner

    assert CliRunner().invoke(main, ["init", str(tmp_path / "a")]).exit_code == 0
    written = (tmp_path / "a" / "archive.toml").read_text(encoding="utf-8")
    for setting in settings.SETTINGS:
        assert (f"# {setting.name} = " in written) == (setting.where == "archive"), setting.name
    import tomllib

    # Uncommented, the examples are a valid archive.toml that the app reads.
    uncommented = re.sub(r"^# ([A-Z_]+ = )", r"\1", written, flags=re.M)
    (tmp_path / "a" / "archive.toml").write_text(
        uncommented.replace("DEBUG = true", ""), encoding="utf-8"
    )
    assert tomllib.loads(uncommented)["SITE_NAME"] == "Policy Archive"
    app = create_app({"ROOT": str(tmp_path / "a"), "TESTING": True})
    assert app.config["BASE_URL"] == "https://archive.example.org"
    assert app.config["PROXIES"] == 1


def test_the_app_starts_from_the_declared_defaults(tmp_path, monkeypatch):
    for setting in settings.SETTINGS:
        monkeypatch.delenv(setting.variable, raising=False)
    app = create_app({"ROOT": str(tmp_path)})
    for name, default in settings.defaults().items():
        assert app.config[name] == default, name
