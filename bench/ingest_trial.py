"""The large ingest trial: every Australian PM media release into a scratch corpus, then build and search it.

    python bench/ingest_trial.py [--scratch /tmp/au-trial] [--limit N] [--again]

Ingests ../shared/corpora/au-pm-media-releases.jsonl (8,686 records) with --currency AUD into
SCRATCH/corpus (never into the project), builds SCRATCH/index with `archive build`, runs a few
searches, and prints records per second, amounts found, records skipped and why, and the build
figures. --again ingests the same file a second time: every record should then be a duplicate.

The texts are the Commonwealth of Australia's, under CC BY 3.0 AU: every document written carries
the attribution in `licence:`, and so does this script's output.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.ingest.pipeline import Options, ingest  # noqa: E402

SOURCE = ROOT.parent / "shared" / "corpora" / "au-pm-media-releases.jsonl"
ATTRIBUTION = (
    "Source: Licensed from the Commonwealth of Australia under a Creative Commons Attribution 3.0 Australia "
    "Licence. The Commonwealth of Australia does not necessarily endorse the content of this publication."
)
SEARCHES = [
    ["hospital"],
    ['"million over five years"'],
    ["drought", "--min-amount", "100m"],
    ["title:budget"],
    ["--year", "1975-1983", "--sort", "newest"],
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/au-trial"))
    parser.add_argument("--limit", type=int, help="ingest only the first N records")
    parser.add_argument("--again", action="store_true", help="ingest the file a second time: all duplicates")
    args = parser.parse_args()

    source = SOURCE
    if args.limit:
        source = args.scratch / "first.jsonl"
    if args.scratch.exists():
        shutil.rmtree(args.scratch)
    corpus, index = args.scratch / "corpus", args.scratch / "index"
    corpus.mkdir(parents=True)
    if args.limit:
        with SOURCE.open("rb") as whole, source.open("wb") as part:
            for n, line in enumerate(whole):
                if n >= args.limit:
                    break
                part.write(line)

    print(ATTRIBUTION, "\n")
    options = Options(
        currency="AUD",
        source="PM Transcripts, Department of the Prime Minister and Cabinet",
        type="media release",
        licence=ATTRIBUTION,
        field_map="url=pdf_url",
    )
    report = ingest([source], corpus, options, progress=sys.stderr.isatty())
    ingest_figures(report, "ingest")

    if args.again:
        again = ingest([source], corpus, options, progress=sys.stderr.isatty())
        ingest_figures(again, "ingest again (every record should be a duplicate)")

    started = time.perf_counter()
    build = subprocess.run(
        [sys.executable, "-m", "archive.cli", "--corpus", str(corpus), "--index", str(index), "build"],
        capture_output=True, text=True,
    )
    seconds = time.perf_counter() - started
    print(f"\nbuild: exit {build.returncode}, {seconds:.1f} s wall, "
          f"{len(report.written) / seconds:.0f} documents/s; it said: {build.stdout.strip()}")
    if build.returncode:
        print(build.stderr[-2000:])
    size = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
    print(f"index size {size / 2**20:.1f} MiB")

    print("\nsearches:")
    for query in SEARCHES:
        started = time.perf_counter()
        found = subprocess.run(
            [sys.executable, "-m", "archive.cli", "--index", str(index), "search", "--json", "--limit", "3", *query],
            capture_output=True, text=True,
        )
        ms = 1000 * (time.perf_counter() - started)
        if found.returncode:
            print(f"  {' '.join(query)}: exit {found.returncode}: {found.stderr.strip()}")
            continue
        data = json.loads(found.stdout)
        print(f"  {' '.join(query)}: {data['total']} results ({ms:.0f} ms with process start)")
        for hit in data["results"]:
            money = ", ".join(a["text"] for a in hit["amounts"][:3])
            print(f"    {hit['date']}  {hit['title'][:70]}" + (f"  [{money}]" if money else ""))
    print(f"\n{ATTRIBUTION}")


def ingest_figures(report, label: str) -> None:
    """Print what an ingest did: throughput, amounts, skips by reason."""
    print(f"{label}: {report.summary()}")
    currencies = Counter(a.currency for o in report.written for a in o.amounts)
    with_amounts = sum(1 for o in report.written if o.amounts)
    print(f"  {report.records / report.seconds:.0f} records/s; {report.amounts} amounts in {with_amounts} documents, "
          f"by currency: {dict(currencies.most_common())}")
    reviews = Counter(point.split(":")[0] for o in report.written for point in o.review)
    print(f"  review points: {dict(reviews.most_common(8))}")
    reasons = Counter(o.skipped.split(":")[0] for o in report.skipped if o.skipped)
    print(f"  skipped {len(report.skipped)}: {dict(reasons)}")
    for outcome in report.skipped[:12]:
        print(f"    {outcome.origin}: {outcome.skipped}")
    if len(report.skipped) > 12:
        print(f"    ... and {len(report.skipped) - 12} more")


if __name__ == "__main__":
    main()
