"""Points to review, as ingest writes them into a document's `review:` list, sorted into kinds."""

from __future__ import annotations

import re

# The first pattern a point matches names its kind; the order matters ("check the date" is a
# date, "check dfe:" a registry point). Each pattern is a shape ingest writes its points in.
KINDS = (
    ("amount", re.compile(r"\bis read as [\d,]+ [A-Z]{3}\b|\bamount")),
    ("currency", re.compile(r"\bbare \$|--currency\b")),
    ("title", re.compile(r"\btitle\b|\bheadline\b")),
    ("date", re.compile(r"\bdate\b|\bdated\b")),
    ("source", re.compile(r"\bsource\b|\bpublisher")),
    (
        "registry",
        re.compile(
            r"departments\.yaml|programmes\.yaml|people\.yaml|\bexisted\b|^check [a-z0-9-]+:"
        ),
    ),
)
OTHER = "other"
NAMES = (*(name for name, _ in KINDS), OTHER)


def kind_of(point: str) -> str:
    """Return a point's kind: amount, currency, title, date, source, registry or other."""
    return next((name for name, pattern in KINDS if pattern.search(point)), OTHER)


def parse_kinds(wanted: tuple[str, ...] | list[str]) -> set[str]:
    """Read --kind values, or raise ValueError naming the kinds there are."""
    found = {k.strip().lower() for value in wanted for k in value.split(",") if k.strip()}
    unknown = found - set(NAMES) - {"type"}
    if unknown:
        raise ValueError(
            f"--kind: no kind called {', '.join(sorted(unknown))}; "
            f"the kinds are {', '.join((*NAMES, 'type'))}"
        )
    return found
