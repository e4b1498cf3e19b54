"""Mine the AU releases for given names: words that stand between a person's style and a surname.

    python bench/orgs_given.py        # rewrite archive/ingest/given_names.txt

A word is a given name when the releases write it after "Mr", "Mrs", "Ms", "Sir", "Dame", "Dr",
"Senator" or "Professor" and before a capitalised surname ("Sir Charles Court", "Mrs Margaret
Guilfoyle") in at least MIN_RELEASES releases, more often there than as a surname itself ("Mr
Fraser said"), and is no word the releases write in lower case (archive/ingest/lowercase_words.txt)
nor a style or a title ("Justice", "Prime"). Ingest reads the list to tell a person named with a
body's head word ("Margaret Court") from the body. The records of the sealed samples
(bench/orgs_quality.py's SEALED) are left out. The texts are the Commonwealth of Australia's,
under CC BY 3.0 AU.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import ingest_quality as quality  # noqa: E402
import yaml  # noqa: E402
from orgs_quality import SEALED  # noqa: E402

from archive.ingest.orgwords import lower_words  # noqa: E402

OUT = HERE.parent / "archive" / "ingest" / "given_names.txt"
MIN_RELEASES = 3
_STYLE = r"(?:Mr|Mrs|Ms|Miss|Sir|Dame|Dr|Senator|Professor)\.?"
_GIVEN = re.compile(rf"\b{_STYLE}\s+([A-Z][a-z]{{2,}})\s+(?:[A-Z]\.\s*)?[A-Z][a-z]+")
_SURNAME = re.compile(rf"\b{_STYLE}\s+([A-Z][a-z]{{2,}})\b(?!\s+(?:[A-Z]|&))")
_NOT_GIVEN = frozenset("Justice Prime Sir Dame Deputy Acting Chief Speaker President".split())
HEADER = (
    "# Given names: words the Australian releases write between a person's style and a surname\n"
    f"# in {MIN_RELEASES} releases or more, more often than as a surname (the sealed samples left\n"
    "# out). Made by bench/orgs_given.py.\n"
)


def main() -> None:
    if not quality.SOURCE.exists():
        sys.exit(f"{quality.SOURCE} is absent: names are counted on the shared AU releases")
    sealed = {i for path, _, _ in SEALED.values() for i in yaml.safe_load(path.read_text("utf-8"))}
    given: dict[str, set[str]] = defaultdict(set)
    surname: dict[str, set[str]] = defaultdict(set)
    with quality.SOURCE.open(encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            if record["id"] in sealed:
                continue
            text = " ".join(record["text"].split())
            for m in _GIVEN.finditer(text):
                given[m[1]].add(record["id"])
            for m in _SURNAME.finditer(text):
                surname[m[1]].add(record["id"])
    low = lower_words()
    names = sorted(
        w
        for w, ids in given.items()
        if len(ids) >= MIN_RELEASES
        and len(ids) > len(surname[w])
        and w.lower() not in low
        and w not in _NOT_GIVEN
    )
    OUT.write_text(HEADER + "\n".join(names) + "\n", "utf-8")
    print(f"{len(names)} names written to {OUT}")


if __name__ == "__main__":
    main()
