"""Measure the acronym rule on real titles: how many titles in capitals it calms differently.

    python bench/acronyms.py [../shared/corpora/au-pm-media-releases.jsonl]

Compares sentence case with the rule (known acronyms; no vowels; four letters or fewer and not an
English word) against the rule before it (no vowels only), on the titles of a JSON-lines corpus.
Every fifth record (by line) is a sealed sample, reported on its own: the corpus runs in date order
and its later titles are rarely in capitals, so a sample taken from its end would hold almost none.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from archive.web import cite
from archive.web import titles as title_rules

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "au-pm-media-releases.jsonl"


def _old_rule(word: str) -> bool:
    letters = "".join(ch for ch in word if ch.isalpha())
    return len(letters) >= 2 and letters.isupper() and not any(v in letters for v in "AEIOUY")


def main(path: Path) -> None:
    titles = [json.loads(line)["title"] for line in path.open(encoding="utf-8") if line.strip()]
    open_part = [t for n, t in enumerate(titles) if n % 5 != 4]
    sealed = [t for n, t in enumerate(titles) if n % 5 == 4]
    new_rule = title_rules.is_acronym
    for name, part in (
        ("open (four records in five)", open_part),
        ("sealed (every fifth record)", sealed),
    ):
        shouted = [t for t in part if title_rules._shouted(t)]
        changed, kept = 0, Counter()
        for title in shouted:
            new = cite.sentence_case(title)
            title_rules.is_acronym = _old_rule
            try:
                old = cite.sentence_case(title)
            finally:
                title_rules.is_acronym = new_rule
            if new != old:
                changed += 1
                kept.update(
                    w for w, o in zip(new.split(" "), old.split(" "), strict=True) if w != o
                )
        print(
            f"{name}: {len(part):,} titles, {len(shouted):,} in capitals, "
            f"{changed:,} changed by the rule "
            f"({changed / max(1, len(shouted)):.1%} of those in capitals)"
        )
        print("  most kept in capitals:", ", ".join(f"{w} {n}" for w, n in kept.most_common(25)))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
