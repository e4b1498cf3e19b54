"""A corpus of one document of every kind, signed and unsigned, for the citation tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from archive.corpus.kinds import KINDS

TEST_CORPUS = Path(__file__).parent / "corpus"
# Every kind the corpus format knows, and one it does not ("board minutes").
TYPES = [*KINDS, "board minutes"]
BODY = """The department announced £5m for the NDIS pilot in three regions.

Councils will bid for the money, and the first grants are due in May.

- a first item of the plan
- a second item of the plan

The minister said the fund would be reviewed after a year.
"""


def kind_id(kind: str, signed: bool) -> str:
    return "kind-" + kind.replace(" ", "-") + ("-signed" if signed else "")


def write_kinds(corpus: Path) -> list[str]:
    """Write the registries and one document per kind, signed and unsigned; return their ids."""
    corpus.mkdir(parents=True, exist_ok=True)
    for name in ("departments.yaml", "programmes.yaml", "governments.yaml"):
        shutil.copyfile(TEST_CORPUS / name, corpus / name)
    ids = []
    for n, kind in enumerate(TYPES):
        for signed in (False, True):
            doc_id = kind_id(kind, signed)
            author = "author: Malcolm Turnbull\n" if signed else ""
            (corpus / f"{doc_id}.md").write_text(
                f'---\ntitle: "FUNDING FOR THE NDIS AND UNESCO {n}"\ndate: "2016-03-{n + 1:02d}"\n'
                f"source: Department of Social Services\ntype: {kind}\n{author}departments: [dfe]\n"
                f'summary: "A summary of the {kind}."\n---\n\n{BODY}',
                encoding="utf-8",
            )
            ids.append(doc_id)
    return ids
