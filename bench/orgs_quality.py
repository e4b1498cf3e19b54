"""Score the organisations ingest finds against readers' full lists, on every annotated AU sample.

    python bench/orgs_quality.py                 # development: the fourteen annotated samples
    python bench/orgs_quality.py --misses        # and each record's wrong and missed names
    python bench/orgs_quality.py --fast          # reuse the ingested texts of the last run
    python bench/orgs_quality.py --sealed15      # the sealed sample (% 461 in 3..10): read once

The development samples are bench/ingest_trial_{dev,sealed,sealed2,sealed3,sample}.yaml and the
first seven sealed samples of organisations, bench/orgs_sealed{,2,3,4,5,6,7}.yaml (each read
once, then developed on), and round 5's own bench/orgs_dev5.yaml, their organisation lists
corrected where a reader's full list was not full (bench/orgs_corrections.yaml, each correction
with its reason); the sealed sample is round 15's bench/orgs_sealed15.yaml. A name found is right
when it is, as written (case, "the", a closing full stop and the stops of dotted initials aside:
"R. A. A. F." is RAAF), one of the spellings of an annotated name; a name annotated is found when
one of its spellings is. Each record is ingested as `archive ingest --country AU` would, without
writing (bench/ingest_quality.py). The texts are the Commonwealth of Australia's, under CC BY 3.0
AU.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import ingest_quality as quality  # noqa: E402
import yaml  # noqa: E402

from archive.corpus.registry import Registry  # noqa: E402
from archive.ingest import pipeline  # noqa: E402
from archive.ingest.suggest import Matcher, organisations  # noqa: E402

DEVELOPMENT = {
    "dev": (HERE / "ingest_trial_dev.yaml", 199, 3),
    "sealed": (HERE / "ingest_trial_sealed.yaml", 181, 17),
    "sealed2": (HERE / "ingest_trial_sealed2.yaml", 191, 29),
    "sealed3": (HERE / "ingest_trial_sealed3.yaml", 223, 19),
    "sample": (HERE / "ingest_trial_sample.yaml", 307, 11),
    # the first sealed sample of organisations: read once (docs/ingest-quality.md), then developed
    "orgs_sealed": (HERE / "orgs_sealed.yaml", 233, 111),
    # the second and third: read once each (rounds 2 and 3), then developed on in round 4
    "orgs_sealed2": (HERE / "orgs_sealed2.yaml", 233, 29),
    "orgs_sealed3": (HERE / "orgs_sealed3.yaml", 241, 9),
    # round 4's sealed sample, read once at its end; developed on in round 5
    "orgs_sealed4": (HERE / "orgs_sealed4.yaml", 269, 2),
    # round 5's own development sample, annotated before ingest's answers were looked at
    "orgs_dev5": (HERE / "orgs_dev5.yaml", 257, 4),
    # round 5's sealed sample, read once at its end; developed on in round 6
    "orgs_sealed5": (HERE / "orgs_sealed5.yaml", 263, 72),
    # round 6's sealed sample, read once at its end; developed on in round 12
    "orgs_sealed6": (HERE / "orgs_sealed6.yaml", 271, 264),
    # round 12's sealed sample, read once at its end; developed on in round 14
    "orgs_sealed7": (HERE / "orgs_sealed7.yaml", 283, (17, 18)),
    # round 14's sealed sample, read once at its end; developed on in round 15
    "orgs_sealed14": (HERE / "orgs_sealed14.yaml", 433, (5, 6, 7, 8)),
}
# round 15's sealed sample (% 461 in 3..10): annotated before its rules, read once at the end
SEALED = {"orgs_sealed15": (HERE / "orgs_sealed15.yaml", 461, tuple(range(3, 11)))}
CORRECTIONS = HERE / "orgs_corrections.yaml"


def annotations(path: Path) -> dict[str, list[str] | None]:
    """Return each record's annotated organisations (None where not counted), corrected."""
    notes = yaml.safe_load(path.read_text("utf-8"))
    fixes = yaml.safe_load(CORRECTIONS.read_text("utf-8")) or {}
    lists: dict[str, list[str] | None] = {}
    for record_id, note in notes.items():
        if "duplicate_of" in note:  # not written by ingest, so not scored
            continue
        if note.get("organisations_skip"):
            lists[record_id] = None
            continue
        fix = fixes.get(path.name, {}).get(record_id)
        lists[record_id] = list(fix["organisations"] if fix else note.get("organisations", []))
    return lists


def written_only(path: Path, scratch: Path) -> Path:
    """Return a sample's file less the releases ingest does not write (`duplicate_of` another)."""
    notes = yaml.safe_load(path.read_text("utf-8"))
    if not any("duplicate_of" in note for note in notes.values()):
        return path
    scratch.mkdir(parents=True, exist_ok=True)
    kept = scratch / path.name
    kept.write_text(
        yaml.safe_dump({i: n for i, n in notes.items() if "duplicate_of" not in n}), "utf-8"
    )
    return kept


def texts(name: str, path: Path, k: int, r: int, scratch: Path) -> dict[str, tuple[str, list[str]]]:
    """Ingest a sample without writing; return each record's text and the organisations found."""
    path = written_only(path, scratch.parent / "samples")
    seen: list[str] = []
    real = pipeline.organisations

    def keep(text, matcher):  # the text ingest looks for organisations in, as it goes
        seen.append(text)
        return real(text, matcher)

    quality.SAMPLES[name] = (path, k, r)
    pipeline.organisations = keep
    try:
        rows = quality.outcomes(name, scratch)
    finally:
        pipeline.organisations = real
    return {
        note["id"]: (text, [m.key for m in outcome.organisations])
        for (outcome, _, note), text in zip(rows, seen, strict=True)
    }


def _normal(name: str) -> str:
    """Return a spelling's scored form: dotted initials as their letters ("R. A. A. F." is RAAF)."""
    name = re.sub(
        r"(?<![\w.])(?:[A-Za-z]\.\s?)+[A-Za-z](?![\w'’])\.?",
        lambda m: m.group().replace(".", "").replace(" ", ""),
        name,
    )
    return quality._normal(name)


def _names(entry: str) -> set[str]:
    return {_normal(part) for part in entry.split("|")}


def score(
    found: dict[str, list[str]], wanted: dict[str, list[str] | None], show: Callable | None
) -> dict[str, float]:
    """Return precision and recall of the names found against the annotated full lists."""
    given = right = named = hit = 0
    for record_id in sorted(wanted, key=int):
        annotated = wanted[record_id]
        if annotated is None:
            continue
        want = [_names(n) for n in annotated]
        got = list(dict.fromkeys(_normal(n) for n in found[record_id]))
        wrong = [n for n in got if not any(n in w for w in want)]
        missed = [a for a, w in zip(annotated, want) if not any(n in w for n in got)]
        given += len(got)
        right += len(got) - len(wrong)
        named += len(want)
        hit += len(want) - len(missed)
        if show and (wrong or missed):
            show(f"  {record_id}: wrong {wrong}, missed {missed}")
    return {
        "precision": right / max(given, 1),
        "recall": hit / max(named, 1),
        "given": given,
        "named": named,
        "records": len(wanted),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sealed15", action="store_true", help="score the sealed sample too (once)"
    )
    parser.add_argument("--misses", action="store_true", help="print each record's misses")
    parser.add_argument(
        "--fast",
        action="store_true",
        help="find organisations in the texts the last run ingested (rules changed since only)",
    )
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/au-orgs"))
    args = parser.parse_args()
    if not quality.SOURCE.exists():
        sys.exit(f"{quality.SOURCE} is absent: the samples are measured on the shared AU releases")
    samples = DEVELOPMENT | (SEALED if args.sealed15 else {})
    matcher = Matcher(Registry.load(quality.ROOT / "corpus"), "AU")
    print(quality.ATTRIBUTION, "\n")
    rows = {}
    for name, (path, k, r) in samples.items():
        cache = args.scratch / f"{name}.json"
        if args.fast and cache.exists():
            kept = json.loads(cache.read_text("utf-8"))
            found = {i: [m.key for m in organisations(t, matcher)] for i, (t, _) in kept.items()}
        else:
            kept = texts(name, path, k, r, args.scratch / name)
            cache.write_text(json.dumps(kept), "utf-8")
            found = {i: names for i, (_, names) in kept.items()}
        print(f"{name} (int(id) % {k} == {r}):")
        rows[name] = score(found, annotations(path), print if args.misses else None)
    print("\n| sample | records | precision | recall | names found | names annotated |")
    print("|---|---|---|---|---|---|")
    for name, row in rows.items():
        k, r = samples[name][1:]
        print(
            f"| {name} (% {k} == {r}) | {row['records']} | {row['precision']:.2f} | "
            f"{row['recall']:.2f} | {row['given']} | {row['named']} |"
        )
    dev = [rows[n] for n in DEVELOPMENT]
    print(
        f"| mean of the development samples | {sum(r['records'] for r in dev)} | "
        f"{sum(r['precision'] for r in dev) / len(dev):.3f} | "
        f"{sum(r['recall'] for r in dev) / len(dev):.3f} | "
        f"{sum(r['given'] for r in dev)} | {sum(r['named'] for r in dev)} |"
    )
    print(f"\n{quality.ATTRIBUTION}")


if __name__ == "__main__":
    main()
