"""The package's layout: imports run the data's way, and the core knows nothing of the web."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "archive"
# Each wing and what it may import from the package besides itself; the CLI, at the door, may use all.
MAY_USE = {
    "corpus": {"errors"},
    "ingest": {"errors", "corpus"},
    "index": {"errors", "corpus"},
    "search": {"errors", "corpus", "index"},
    "web": {"errors", "corpus", "index", "search", "home"},
    "home": {"errors"},
    "errors": set(),
}
WEB_LIBRARIES = {"flask", "werkzeug", "jinja2", "gunicorn", "markupsafe"}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name != "cli.py" and p != PACKAGE / "__init__.py")


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_the_data_s_way(path: Path) -> None:
    wing = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    allowed = MAY_USE[wing] | {wing}
    used = {name.split(".")[1] for name in _imports(path) if name.startswith("archive.")}
    assert used <= allowed, f"{path.name} imports {sorted(used - allowed)} from a later step"
    if wing in ("corpus", "ingest", "index", "search"):
        libraries = {name.split(".")[0] for name in _imports(path)}
        assert not libraries & WEB_LIBRARIES, f"{path.name} imports {sorted(libraries & WEB_LIBRARIES)}"
