"""The money features on the AU releases, without an index: yearly totals and the largest amounts.

    python bench/money_au.py [--all]

For each release, the amounts and their roles as the build reads them; per year, each release's
largest amount of money announced (with --all: of any amount) added up, as the timeline adds it;
then the largest yearly totals and the releases that lead the largest-amount order, with the
sentence of each leading amount, for a reader to judge. Reads ../shared/corpora, never copies it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.corpus.amounts import extract_amounts  # noqa: E402
from archive.corpus.money import link_parts  # noqa: E402
from archive.corpus.roles import COUNTED, assign_roles  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from money_roles import AU  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", action="store_true", help="count every amount, as before roles")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--year", help="list the releases that make up one year's total")
    parser.add_argument(
        "--speed", action="store_true", help="time reading roles against reading amounts"
    )
    args = parser.parse_args()
    if args.speed:
        return speed()
    years: dict[str, int] = defaultdict(int)
    leaders = []
    seen: set[int] = set()  # as the timeline: a headline an earlier release had is not added again
    with AU.open() as lines:
        records = sorted((json.loads(line) for line in lines), key=lambda r: r["date"])
    if True:
        for record in records:
            text = record["text"]
            rows = assign_roles(text, link_parts(text, extract_amounts(text, dollar="AUD")))
            mine = [
                r for r in rows if r["currency"] == "AUD" and (args.all or r["role"] in COUNTED)
            ]
            if not mine:
                continue
            top = max(mine, key=lambda r: r["value"])
            if top["value"] not in seen:
                years[record["date"][:4]] += top["value"]
                seen.add(top["value"])
            leaders.append((top["value"], record["id"], record["date"], top))
    if args.year:
        leaders = [leader for leader in leaders if leader[2].startswith(args.year)]
    print("largest yearly totals (A$):")
    for year, total in sorted(years.items(), key=lambda y: -y[1])[: args.top]:
        print(f"  {year}  {total / 1e9:12,.1f}bn")
    print("largest amounts:")
    for value, doc_id, date, top in sorted(leaders, key=lambda t: -t[0])[: args.top]:
        print(
            f"  {value / 1e9:10,.1f}bn {doc_id} {date} [{top['role']} {top['role_evidence'][:40]}] "
            f"{top['sentence'][:160]}"
        )


def speed(rounds: int = 3) -> None:
    """Time amounts and their parts (the reference) against the same plus roles, interleaved."""
    with AU.open() as lines:
        texts = [json.loads(line)["text"] for line in lines]
    reference, with_roles = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            link_parts(text, extract_amounts(text, dollar="AUD"))
        reference.append(time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            assign_roles(text, link_parts(text, extract_amounts(text, dollar="AUD")))
        with_roles.append(time.perf_counter() - start)
    ref, mine = statistics.median(reference), statistics.median(with_roles)
    print(
        f"{len(texts)} releases: amounts and parts {ref:.2f} s, with roles {mine:.2f} s "
        f"(x{mine / ref:.2f}; roles {1000 * (mine - ref) / len(texts):.3f} ms a release)"
    )


if __name__ == "__main__":
    main()
