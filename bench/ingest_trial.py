"""The ingest trials on the Australian PM media releases: a measured sample, the whole collection.

    python bench/ingest_trial.py                  # the annotated sample: words kept, furniture,
                                                  # amounts, organisations
    python bench/ingest_trial.py --show 625       # the same, and the body ingested for one record
    python bench/ingest_trial.py --all [--scratch /tmp/au-trial] [--limit N] [--again]
    python bench/ingest_trial.py --quality        # the development union beside the sealed sample

The sample is the 32 releases whose int(id) % 307 == 11, each annotated by hand beside its
original in bench/ingest_trial_sample.yaml: the furniture in it, its amounts and its
organisations. Each is ingested as `archive ingest --country AU` would, and compared with the
annotation; the reference row, measured in the same run, is the record's text taken as it is
(no furniture removed, amounts read with a bare $ as AUD and £ as sterling).

--all ingests ../shared/corpora/au-pm-media-releases.jsonl (8,686 records) with --country AU into
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

import yaml  # noqa: E402

# SOURCE is found beside the checkout, or beside a worktree's parent
from ingest_quality import (  # noqa: E402
    SOURCE,
    _furniture_part,
    _left,
    _lost_words,
    _tokens,
    annotated_records,
    measure,
    pooled,
    table,
)

from archive.corpus.amounts import extract_amounts  # noqa: E402
from archive.corpus.parse import plain_text  # noqa: E402
from archive.corpus.registry import Registry  # noqa: E402
from archive.ingest.pipeline import Options, ingest  # noqa: E402

SAMPLE = Path(__file__).resolve().parent / "ingest_trial_sample.yaml"
DEVELOPMENT = (
    "dev",
    "sealed",
    "sealed2",
    "sealed3",
    "sealed4",
    "sealed5",
    "sealed6",
    "sealed7",
    "dev9",
    "sealed8",
    "sealed9",  # round 12's sealed one, read once at its end: developed on since
    "round14",  # round 14's sealed one, read once at its end: developed on since
    "round15",  # round 15's sealed one, read once at its end: developed on since
)
SEALED = "round16"  # ingest_trial_round16.yaml: annotated before round 16's rules, read once
ATTRIBUTION = (
    "Source: Licensed from the Commonwealth of Australia under a Creative Commons Attribution 3.0 "
    "Australia "
    "Licence. The Commonwealth of Australia does not necessarily endorse the content of this "
    "publication."
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
    parser.add_argument(
        "--all", action="store_true", help="the whole collection: ingest, build and search it"
    )
    parser.add_argument("--show", help="print the ingested body and title of this record id")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/au-trial"))
    parser.add_argument("--limit", type=int, help="with --all: ingest only the first N records")
    parser.add_argument(
        "--again", action="store_true", help="with --all: ingest a second time, all duplicates"
    )
    parser.add_argument(
        "--quality",
        action="store_true",
        help="the development union and the sealed sample of docs/ingest-quality.md",
    )
    args = parser.parse_args()
    if args.quality:
        figures = {
            name: measure(
                name, args.scratch.with_name(f"{args.scratch.name}-{name}"), verbose=False
            )
            for name in (*DEVELOPMENT, SEALED)
        }
        # the samples ingest was developed on, pooled, beside the one sealed until the end
        union = pooled([figures[name] for name in DEVELOPMENT], "development union")
        figures = {"union": union, SEALED: figures[SEALED]} | {
            name: figures[name] for name in DEVELOPMENT
        }
        print(ATTRIBUTION, "\n")
        print(table(figures))
        return
    if not args.all:
        sample_trial(args.scratch.with_name(args.scratch.name + "-sample"), args.show)
        return

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
        country="AU",
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
        [
            sys.executable,
            "-m",
            "archive.cli",
            "--corpus",
            str(corpus),
            "--index",
            str(index),
            "build",
        ],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    print(
        f"\nbuild: exit {build.returncode}, {seconds:.1f} s wall, "
        f"{len(report.written) / seconds:.0f} documents/s; it said: {build.stdout.strip()}"
    )
    if build.returncode:
        print(build.stderr[-2000:])
    size = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
    print(f"index size {size / 2**20:.1f} MiB")

    print("\nsearches:")
    for query in SEARCHES:
        started = time.perf_counter()
        found = subprocess.run(
            [
                sys.executable,
                "-m",
                "archive.cli",
                "--index",
                str(index),
                "search",
                "--json",
                "--limit",
                "3",
                *query,
            ],
            capture_output=True,
            text=True,
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


def sample_trial(scratch: Path, show: str | None) -> None:
    """Ingest the annotated sample and print how far each measure is from its annotation."""
    expected = yaml.safe_load(SAMPLE.read_text("utf-8"))
    records = annotated_records(expected)
    assert set(records) == set(expected), set(expected) - set(records)
    if scratch.exists():
        shutil.rmtree(scratch)
    corpus = scratch / "corpus"
    corpus.mkdir(parents=True)
    for name in ("departments.yaml", "programmes.yaml"):
        shutil.copy(ROOT / "corpus" / name, corpus / name)
    source = scratch / "sample.jsonl"
    order = sorted(expected, key=int)
    source.write_text("".join(json.dumps(records[i]) + "\n" for i in order), "utf-8")
    options = Options(
        country="AU",
        source="PM Transcripts",
        dry_run=True,
        licence=ATTRIBUTION,
        field_map="url=pdf_url",
    )
    report = ingest([source], corpus, options)
    assert not report.skipped, [o.skipped for o in report.skipped]
    uk = {k for k, d in Registry.load(corpus).departments.items() if d.country == "GB"}

    print(ATTRIBUTION, "\n")
    rows = {"ingest": Counter(), "reference": Counter()}
    for record_id, outcome in zip(order, report.written):
        note, record = expected[record_id], records[record_id]
        body = plain_text(outcome.content.split("\n---\n", 1)[1])
        raw = record["text"]
        for name, text, title, amounts in (
            ("ingest", body, outcome.title, [(a.value, a.currency) for a in outcome.amounts]),
            (
                "reference",
                raw,
                record["title"],
                [(a.value, a.currency) for a in extract_amounts(raw, "AUD")],
            ),
        ):
            lost = _lost_words(raw, note["furniture"], text, prose_only=False)
            row = rows[name]
            row["documents"] += 1
            row["words"] += len(_tokens(raw)) - sum(
                len(_tokens(_furniture_part(f))) for f in note["furniture"]
            )
            row["words lost"] += len(lost)
            row["documents losing words"] += bool(lost)
            left = [f for f in note["furniture"] if _left(f, text)] + [
                f
                for f in note.get("title_furniture", [])
                if f.casefold() in " ".join(title.split()).casefold()
            ]
            row["documents with furniture left"] += bool(left)
            want, got = Counter(map(tuple, note["amounts"])), Counter(amounts)
            row["amounts"] += sum(want.values())
            row["amounts right"] += sum((want & got).values())
            row["amounts false"] += sum((got - want).values())
            if name == "ingest":
                found = {m.key for m in outcome.organisations}
                row["organisations"] += len(note["organisations"])
                row["organisations right"] += len(found & set(note["organisations"]))
                row["organisations not annotated"] += len(found - set(note["organisations"]))
                row["UK departments"] += sum(1 for m in outcome.departments if m.key in uk)
                flagged = any("write one" in p for p in outcome.review)
                row["furniture titles"] += bool(note.get("title_review"))
                row["furniture titles flagged"] += bool(note.get("title_review")) and flagged
                if lost or left or want != got:
                    missing, extra = want - got, got - want
                    print(
                        f"  {record_id}: "
                        + "; ".join(
                            part
                            for part in (
                                f"lost {' '.join(lost[:8])}" if lost else "",
                                f"furniture left {left}" if left else "",
                                f"amounts missed {sorted(missing.elements())}" if missing else "",
                                f"false {sorted(extra.elements())}" if extra else "",
                            )
                            if part
                        )
                    )
            if show == record_id and name == "ingest":
                print(f"---- {record_id}: {title}\n{body}\n----")
    ours, theirs = rows["ingest"], rows["reference"]

    def share(row, part, whole):
        return (
            f"{row[part]:,} of {row[whole]:,} ({row[part] / row[whole]:.1%})" if row[whole] else "0"
        )

    print(
        f"\nsample: {ours['documents']} releases (int(id) % 307 == 11), "
        f"annotated in {SAMPLE.name}\n"
    )
    print("| measure | ingest | reference: the record's text as it is | target |")
    print("|---|---|---|---|")
    kept = {n: r["words"] - r["words lost"] for n, r in rows.items()}
    print(
        f"| words of the articles kept | {kept['ingest']:,} of {ours['words']:,}, "
        f"{ours['documents losing words']} documents lose any | {kept['reference']:,} of "
        f"{theirs['words']:,} | every word |"
    )
    print(
        "| documents with furniture left (body or title) | "
        f"{share(ours, 'documents with furniture left', 'documents')} "
        f"| {share(theirs, 'documents with furniture left', 'documents')} | <= 1 in 20 |"
    )
    print(
        f"| amounts right | {share(ours, 'amounts right', 'amounts')} | "
        f"{share(theirs, 'amounts right', 'amounts')} | >= 95% |"
    )
    print(
        f"| amounts missed | {ours['amounts'] - ours['amounts right']} | "
        f"{theirs['amounts'] - theirs['amounts right']} | |"
    )
    print(f"| false amounts | {ours['amounts false']} | {theirs['amounts false']} | 0 |")
    print(
        f"| organisations right | {share(ours, 'organisations right', 'organisations')}; "
        f"{ours['organisations not annotated']} found that are not annotated | | |"
    )
    print(f"| UK departments on these Australian documents | {ours['UK departments']} | | 0 |")
    print(
        "| furniture-only titles flagged for review | "
        f"{share(ours, 'furniture titles flagged', 'furniture titles')} | | all |"
    )
    print(f"\n{ATTRIBUTION}")


def ingest_figures(report, label: str) -> None:
    """Print what an ingest did: throughput, amounts, skips by reason."""
    print(f"{label}: {report.summary()}")
    currencies = Counter(a.currency for o in report.written for a in o.amounts)
    with_amounts = sum(1 for o in report.written if o.amounts)
    print(
        f"  {report.records / report.seconds:.0f} records/s; {report.amounts} amounts in "
        f"{with_amounts} documents, "
        f"by currency: {dict(currencies.most_common())}"
    )
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
