"""The package's layout: imports run the data's way, in no circle; the core knows no web."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "archive"
# Each wing and what it may import from the package
# besides itself; the CLI, at the door, may use all.
MAY_USE = {
    "corpus": {"errors"},
    "ingest": {"errors", "corpus"},
    "follow": {"errors", "corpus", "ingest"},  # sources read, then ingested
    "index": {"errors", "corpus"},
    "search": {"errors", "corpus", "index"},
    "web": {"errors", "corpus", "index", "search", "home", "settings"},
    "home": {"errors", "settings"},
    "settings": set(),
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
    return sorted(
        p for p in PACKAGE.rglob("*.py") if p.name != "cli.py" and p != PACKAGE / "__init__.py"
    )


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_the_data_s_way(path: Path) -> None:
    wing = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    allowed = MAY_USE[wing] | {wing}
    used = {name.split(".")[1] for name in _imports(path) if name.startswith("archive.")}
    assert used <= allowed, f"{path.name} imports {sorted(used - allowed)} from a later step"
    if wing in ("corpus", "ingest", "index", "search"):
        libraries = {name.split(".")[0] for name in _imports(path)}
        assert not libraries & WEB_LIBRARIES, (
            f"{path.name} imports {sorted(libraries & WEB_LIBRARIES)}"
        )


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_imports(path: Path, modules: set[str]) -> set[str]:
    """Return the package's modules this one imports: at the top, in a function, or for types."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:
                base = ".".join(_module_name(path).split(".")[: -node.level] + [node.module])
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    packages = {name for name in modules if (PACKAGE.parent / name.replace(".", "/")).is_dir()}
    return {name for name in found if name in modules and name not in packages}


def import_graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: _module_imports(path, set(paths)) - {name} for name, path in paths.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_circle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_through_others() -> None:
    graph = import_graph()
    # The graph is read: the search core's modules import one another.
    assert "archive.search.scores" in graph["archive.search.pruning"]
    assert "archive.search.generation" in graph["archive.search.core"]
    assert circles(graph) == [], "modules that import each other in a loop"
