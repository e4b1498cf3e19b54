"""Compare the organisations found in releases outside every sample, before and after a change.

    python bench/orgs_compare.py --save /tmp/orgs-before.json   # with the rules before
    python bench/orgs_compare.py --against /tmp/orgs-before.json # after: what each gained, lost
    python bench/orgs_compare.py --ingest ...    # the texts as ingest writes them (reflowed)

The releases are a fixed random draw (seed 5 unless told) of 400 AU releases in none of the samples
(bench/orgs_quality.py) nor the sealed one, read as their records give them (no furniture
removed), or with --ingest as `archive ingest --country AU` writes their bodies (lines reflowed into
paragraphs, furniture out): the point is to read what a rule changes on text nobody annotated,
not to score it.
The texts are the Commonwealth of Australia's, under CC BY 3.0 AU.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import ingest_quality as quality  # noqa: E402
from orgs_quality import DEVELOPMENT, SEALED, texts  # noqa: E402

from archive.corpus.registry import Registry  # noqa: E402
from archive.ingest.suggest import Matcher, organisations  # noqa: E402

# every sample drawn so far, annotated here or for ingest (docs/organisations.md)
USED = [
    (k, v)
    for _, k, r in (*DEVELOPMENT.values(), *SEALED.values())
    for v in (r if isinstance(r, tuple) else (r,))
] + [
    (211, 7), (227, 56), (239, 21), (251, 7), (5, 4), (193, 5), (401, 33), (307, 150), (150, 7),
    (173, 0), (179, 4), (97, 0), (89, 1), (29, 7), (29, 19), (31, 5), (31, 13), (31, 22), (277, 13),
    (281, 40),
]  # fmt: skip


def draw(count: int, seed: int = 5) -> list[dict]:
    """Return a fixed random draw of releases outside every sample."""
    with quality.SOURCE.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    outside = [r for r in records if not any(int(r["id"]) % k == v for k, v in USED)]
    return random.Random(seed).sample(outside, count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="write the names found to this file")
    parser.add_argument("--against", type=Path, help="print what changed since this file")
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=5, help="another draw: another seed")
    parser.add_argument("--ingest", action="store_true", help="read the bodies ingest writes")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/au-orgs-compare"))
    args = parser.parse_args()
    if not quality.SOURCE.exists():
        sys.exit(f"{quality.SOURCE} is absent: the releases compared are the shared AU releases")
    matcher = Matcher(Registry.load(quality.ROOT / "corpus"), "AU")
    drawn = draw(args.count, args.seed)
    if args.ingest:  # a sample file with no annotations, ingested as the samples are
        args.scratch.mkdir(parents=True, exist_ok=True)
        texts_seen: set[str] = set()  # ingest skips an empty text or one it has already
        drawn = [
            r
            for r in drawn
            if r["text"].strip() and r["text"] not in texts_seen and not texts_seen.add(r["text"])
        ]
        listing = args.scratch / "drawn.yaml"
        listing.write_text("".join(f"'{r['id']}': {{}}\n" for r in drawn), "utf-8")
        bodies = texts("drawn", listing, 0, 0, args.scratch / "ingest")
        found = {i: [m.key for m in organisations(t, matcher)] for i, (t, _) in bodies.items()}
    else:
        found = {r["id"]: [m.key for m in organisations(r["text"], matcher)] for r in drawn}
    if args.save:
        args.save.write_text(json.dumps(found), "utf-8")
    if args.against:
        before = json.loads(args.against.read_text("utf-8"))
        gained = lost = 0
        for record_id, names in found.items():
            plus = [n for n in names if n not in before[record_id]]
            minus = [n for n in before[record_id] if n not in names]
            gained, lost = gained + len(plus), lost + len(minus)
            if plus or minus:
                print(f"{record_id}: + {plus}  - {minus}")
        print(f"{len(found)} releases: {gained} names gained, {lost} lost")
    print(f"\n{quality.ATTRIBUTION}")


if __name__ == "__main__":
    main()
