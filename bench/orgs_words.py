"""Count how the AU releases write each word; list those a name of a body does not open with.

    python bench/orgs_words.py               # rewrite archive/ingest/lowercase_words.txt
    python bench/orgs_words.py --names 15    # and print single capitalised words standing alone
                                             # in 15 releases or more (to judge which are bodies)

A word is listed when the releases write it in lower case 50 times or more and capitalised inside
a sentence (not after a stop, a colon, a quote or a line's start) less than once in a hundred. The
records of the sealed sample (bench/orgs_sealed4.yaml) are left out, and so are texts mostly in
capitals. The texts are the Commonwealth of Australia's, under CC BY 3.0 AU.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import ingest_quality as quality  # noqa: E402

OUT = HERE.parent / "archive" / "ingest" / "lowercase_words.txt"
HEADER = (
    "# Words the Australian releases write in lower case at least a hundred times as often as "
    "capitalised\n# inside a sentence (each used in lower case 50 times or more; the records of "
    "bench/orgs_sealed4.yaml\n# left out): a name of an organisation does not open with one "
    '("- Require NBN Co to ...").\n# Made by bench/orgs_words.py.\n'
)
RATIO = 0.01  # capitalised inside a sentence at most once in a hundred uses
_TOKEN = re.compile(r"[A-Za-z][\w'’&-]*")
_AFTER_STOP = re.compile(r"[.!?:\"“]\s*$|\n")


def count(records: list[dict]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Return lower-case uses, capitalised uses inside a sentence, and releases naming it alone."""
    low: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    for record in records:
        text = record["text"]
        if sum(c.isupper() for c in text) > 0.5 * sum(c.isalpha() for c in text):
            continue
        tokens = list(_TOKEN.finditer(text))
        seen = set()
        for i, m in enumerate(tokens):
            word = m.group()
            if word[0].islower():
                low[word] += 1
                continue
            gap = text[tokens[i - 1].end() : m.start()] if i else "\n"
            if _AFTER_STOP.search(gap):
                continue
            inside[word] += 1
            after = text[m.end() : tokens[i + 1].start()] if i + 1 < len(tokens) else ""
            joined = (gap == " " and tokens[i - 1].group()[0].isupper()) or (
                after == " " and tokens[i + 1].group()[0].isupper()
            )
            if not joined and word not in seen:
                alone[word] += 1
                seen.add(word)
    return low, inside, alone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=0, help="print words alone in N releases")
    args = parser.parse_args()
    if not quality.SOURCE.exists():
        sys.exit(f"{quality.SOURCE} is absent: the words are counted on the shared AU releases")
    sealed = set(yaml.safe_load((HERE / "orgs_sealed4.yaml").read_text("utf-8")))
    with quality.SOURCE.open(encoding="utf-8") as lines:
        records = [r for r in map(json.loads, lines) if r["id"] not in sealed]
    low, inside, alone = count(records)
    words = sorted(
        w
        for w, n in low.items()
        if n >= 50 and w.isalpha() and len(w) > 2 and inside[w.capitalize()] / n < RATIO
    )
    OUT.write_text(HEADER + "\n".join(words) + "\n", "utf-8")
    print(f"{len(words)} words written to {OUT}")
    if args.names:
        print(", ".join(f"{w} {n}" for w, n in alone.most_common() if n >= args.names))


if __name__ == "__main__":
    main()
