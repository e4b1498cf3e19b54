"""Measure ingest on the hand-annotated AU samples: furniture, breaks, titles, organisations, words.

    python bench/ingest_quality.py              # the development samples (% 199 == 3, % 181 == 17)
    python bench/ingest_quality.py --samples dev,sealed,sealed2   # the sealed ones too
    python bench/ingest_quality.py --show 2789  # the body ingested for one record
    python bench/ingest_quality.py --samples dev,sealed,sealed2,sealed3 \\
        --pool dev,sealed,sealed2,sealed3       # and the four pooled: the development union

Each record is ingested as `archive ingest --country AU` would, without writing, and compared with
its annotation (bench/ingest_trial_dev.yaml, bench/ingest_trial_sealed.yaml; the annotation format
is described at the top of each). The texts are the Commonwealth of Australia's, under CC BY 3.0 AU.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from archive.corpus.parse import plain_text  # noqa: E402
from archive.ingest.pipeline import Options, ingest  # noqa: E402
from archive.ingest.report import Outcome  # noqa: E402

# The shared folder beside the checkout (a worktree may sit one level further down).
SOURCE = next(
    (
        p / "shared" / "corpora" / "au-pm-media-releases.jsonl"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared" / "corpora" / "au-pm-media-releases.jsonl").exists()
    ),
    ROOT.parent / "shared" / "corpora" / "au-pm-media-releases.jsonl",
)
HERE = Path(__file__).resolve().parent
SAMPLES = {
    "dev": (HERE / "ingest_trial_dev.yaml", 199, 3),
    "sealed": (HERE / "ingest_trial_sealed.yaml", 181, 17),  # read once, then used to develop
    "sealed2": (HERE / "ingest_trial_sealed2.yaml", 191, 29),  # read once, then used to develop
    "sealed3": (HERE / "ingest_trial_sealed3.yaml", 223, 19),  # read once, then used to develop
    "sealed4": (HERE / "ingest_trial_sealed4.yaml", 227, 56),  # read once, then used to develop
    "sealed5": (HERE / "ingest_trial_sealed5.yaml", 233, 29),  # read once, then used to develop
    "sealed6": (HERE / "ingest_trial_sealed6.yaml", 239, 21),  # read once, then used to develop
    "sealed7": (HERE / "ingest_trial_sealed7.yaml", 251, 7),  # read once (round 7), developed on
    "dev9": (HERE / "ingest_trial_dev9.yaml", 173, 0),  # round 9's development sample
    "sealed8": (
        HERE / "ingest_trial_sealed8.yaml",
        179,
        4,
    ),  # round 9's sealed one, now developed on
    # round 12's sealed one (residues 13 and 14 of 277): read once at its end, developed on since
    "sealed9": (HERE / "ingest_trial_sealed9.yaml", 277, "13 or 14"),
    # round 14's sealed one (residues 5 to 7 of 317): read once, at the round's end
    "round14": (HERE / "ingest_trial_sealed14.yaml", 317, "5, 6 or 7"),
    # round 15's sealed one (residues 16 to 19 of 461): read once, at the round's end
    "round15": (HERE / "ingest_trial_round15.yaml", 461, "16, 17, 18 or 19"),
    # round 16's sealed one (residues 11 to 15 of 479): read once, at the round's end
    "round16": (HERE / "ingest_trial_round16.yaml", 479, "11, 12, 13, 14 or 15"),
}
# Sealed samples: never trained or tuned on until read, once
SEALED = {"round16"}  # not "sealed14": that is round 14's titles sample (ingest_titles.py)
ATTRIBUTION = (
    "Source: Licensed from the Commonwealth of Australia under a Creative Commons Attribution 3.0 "
    "Australia Licence. The Commonwealth of Australia does not necessarily endorse the content of "
    "this publication."
)
_PUNCT = ".,;:!?\"'()[]“”‘’"
TARGETS = {
    "furniture": "<= 5%",
    "breaks": "<= 5%",
    "titles": ">= 95%",
    "precision": ">= 0.90",
    "recall": ">= 0.75",
    "words": "every word",
    "amounts": "every amount",
}


def annotated_records(expected: dict) -> dict[str, dict]:
    """Read the releases an annotation names from the shared collection, by id."""
    records = {}
    with SOURCE.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in expected:
                records[record["id"]] = record
    return records


def outcomes(name: str, scratch: Path) -> list[tuple[Outcome, str, dict]]:
    """Ingest a sample without writing; return each record's outcome, body and annotation."""
    path = SAMPLES[name][0]
    expected = yaml.safe_load(path.read_text("utf-8"))
    records = annotated_records(expected)
    order = sorted(expected, key=int)
    if scratch.exists():
        shutil.rmtree(scratch)
    corpus = scratch / "corpus"
    corpus.mkdir(parents=True)
    for registry in ("departments.yaml", "programmes.yaml"):
        shutil.copy(ROOT / "corpus" / registry, corpus / registry)
    source = scratch / "sample.jsonl"
    source.write_text("".join(json.dumps(records[i]) + "\n" for i in order), "utf-8")
    options = Options(
        country="AU",
        source="PM Transcripts",
        dry_run=True,
        licence=ATTRIBUTION,
        field_map="url=pdf_url",
    )
    report = ingest([source], corpus, options, workers=1)
    assert not report.skipped, [o.skipped for o in report.skipped]
    return [
        (
            outcome,
            outcome.content.split("\n---\n", 1)[1],
            expected[record_id] | {"id": record_id, "text": records[record_id]["text"]},
        )
        for record_id, outcome in zip(order, report.written)
    ]


def measure(
    name: str, scratch: Path, show: str | None = None, verbose: bool = True
) -> dict[str, float]:
    """Ingest one annotated sample and return its figures (printing each miss when verbose)."""
    k, r = SAMPLES[name][1:]
    row: Counter[str] = Counter()
    for outcome, body, note in outcomes(name, scratch):
        record_id, raw = note["id"], note["text"]
        # each item of a list stands as a paragraph of its own
        blocks = [
            b
            for p in body.split("\n\n")
            for b in re.split(r"\n(?=[-*+] |\d{1,2}[.)] )", p)
            if b.strip()
        ]
        paragraphs = [" ".join(plain_text(p).split()) for p in blocks]
        items = [bool(re.match(r"[-*+] |\d{1,2}[.)] ", b)) for b in blocks]
        text = "\n".join(paragraphs)
        misses = []
        row["documents"] += 1
        furniture = note.get("furniture", [])
        lost = _lost_words(raw, furniture, text)
        row["words"] += sum(
            (
                Counter(_tokens(_prose(raw)))
                - Counter(t for f in furniture for t in _tokens(_furniture_part(f)))
            ).values()
        )
        row["words lost"] += len(lost)
        left = [f for f in furniture if _left(f, text)]
        row["furniture docs"] += bool(left)
        wrong = [j for j in note.get("joins", []) if not _joined(j, paragraphs)]
        wrong += [b for b in note.get("breaks", []) if not _broken(b, paragraphs)]
        # and the breaks that are wrong by their shape wherever they fall, annotated or not
        wrong += [
            f"{a[-30:]} | {b[:30]}"
            for a, b, item in zip(paragraphs, paragraphs[1:], items[1:])
            if not item
            and _split_sentence(a, b)
            and not any(_flat(j.partition("|")[0]).endswith(a[-15:]) for j in note.get("joins", []))
        ]
        row["wrong breaks"] += len(wrong)
        row["break docs"] += bool(wrong)
        title_ok = _title_right(note, outcome, paragraphs)
        row["titles right"] += title_ok
        want = Counter(map(tuple, note.get("amounts", [])))
        got = Counter((a.value, a.currency) for a in outcome.amounts)
        row["amounts"] += sum(want.values())
        row["amounts right"] += sum((want & got).values())
        row["amounts false"] += sum((got - want).values())
        if "organisations" in note and not note.get("organisations_skip"):
            wanted = [_names(n) for n in note.get("organisations", [])]
            found = [_normal(m.key) for m in outcome.organisations]
            hits = [any(f in w for f in found) for w in wanted]
            right = [f for f in found if any(f in w for w in wanted)]
            row["organisations"] += len(wanted)
            row["organisations found"] += sum(hits)
            row["organisations given"] += len(found)
            row["organisations given right"] += len(right)
            extra = [m.key for m in outcome.organisations if _normal(m.key) not in right]
            missed = [n for n, hit in zip(note.get("organisations", []), hits) if not hit]
            if extra or missed:
                misses.append(f"organisations not right {extra}, missed {missed}")
        if lost:
            misses.append(f"lost {' '.join(lost[:8])}")
        if left:
            misses.append(f"furniture left {left}")
        if wrong:
            misses.append(f"breaks wrong {wrong}")
        if not title_ok:
            misses.append(f"title {outcome.title!r}")
        if want != got:
            misses.append(
                f"amounts missed {sorted((want - got).elements())} "
                f"false {sorted((got - want).elements())}"
            )
        if verbose and misses:
            print(f"  {record_id}: " + "; ".join(misses))
        if show == record_id:
            print(f"---- {record_id}: {outcome.title}\n{body}\n----")
    n = row["documents"]
    return {
        "documents": n,
        "furniture": row["furniture docs"] / n,
        "breaks": row["break docs"] / n,
        "wrong breaks": row["wrong breaks"],
        "titles": row["titles right"] / n,
        "precision": row["organisations given right"] / max(row["organisations given"], 1),
        "recall": row["organisations found"] / max(row["organisations"], 1),
        "organisations": row["organisations"],
        "organisations found": row["organisations found"],
        "organisations given": row["organisations given"],
        "organisations given right": row["organisations given right"],
        "furniture docs": row["furniture docs"],
        "break docs": row["break docs"],
        "titles right": row["titles right"],
        "words": row["words"],
        "words lost": row["words lost"],
        "amounts": row["amounts"],
        "amounts right": row["amounts right"],
        "amounts false": row["amounts false"],
        "k": k,
        "r": r,
    }


_COUNTS = (
    "documents",
    "wrong breaks",
    "organisations",
    "organisations found",
    "organisations given",
    "organisations given right",
    "furniture docs",
    "break docs",
    "titles right",
    "words",
    "words lost",
    "amounts",
    "amounts right",
    "amounts false",
)


def pooled(figures: list[dict[str, float]], label: str) -> dict[str, float]:
    """Pool samples' figures as one sample of all their records (each record counts once)."""
    total = {key: sum(f[key] for f in figures) for key in _COUNTS}
    n = total["documents"]
    return total | {
        "furniture": total["furniture docs"] / n,
        "breaks": total["break docs"] / n,
        "titles": total["titles right"] / n,
        "precision": total["organisations given right"] / max(total["organisations given"], 1),
        "recall": total["organisations found"] / max(total["organisations"], 1),
        "label": label,
    }


def table(figures: dict[str, dict[str, float]]) -> str:
    """Render the figures of one or more samples side by side, with the targets."""
    names = list(figures)
    heads = [
        f"{figures[n]['label']} ({figures[n]['documents']} releases)"
        if "label" in figures[n]
        else f"{n} (int(id) % {figures[n]['k']} == {figures[n]['r']}, "
        f"{figures[n]['documents']} releases)"
        for n in names
    ]
    lines = ["| measure | " + " | ".join(heads) + " | target |", "|---" * (len(names) + 2) + "|"]

    def add(label: str, key: str, cell) -> None:
        lines.append(
            f"| {label} | "
            + " | ".join(cell(figures[n]) for n in names)
            + f" | {TARGETS.get(key, '')} |"
        )

    add("documents with furniture left", "furniture", lambda f: f"{f['furniture']:.1%}")
    add(
        "documents with a wrong paragraph break",
        "breaks",
        lambda f: f"{f['breaks']:.1%} ({f['wrong breaks']} breaks)",
    )
    add("titles right", "titles", lambda f: f"{f['titles']:.1%}")
    add(
        "organisations: precision",
        "precision",
        lambda f: f"{f['precision']:.2f}" if f["organisations"] else "not annotated",
    )
    add(
        "organisations: recall of a reader's full list",
        "recall",
        lambda f: (
            f"{f['recall']:.2f} (of {f['organisations']})"
            if f["organisations"]
            else "not annotated"
        ),
    )
    add("prose words lost", "words", lambda f: f"{f['words lost']} of {f['words']:,}")
    add(
        "amounts right",
        "amounts",
        lambda f: f"{f['amounts right']} of {f['amounts']} ({f['amounts false']} false)",
    )
    return "\n".join(lines)


# where a web page's text glued two words with no space, a reader sees two words: "student.The",
# "and•" (round 15: so a paragraph parted there, or a bullet made an item, loses no word)
_GLUE = re.compile(r"(?<=[a-z]{2}[.!])(?=[A-Z])|[•\uf0b7\uf0a7]")


def _tokens(text: str) -> list[str]:
    return [
        t
        for t in (w.strip(_PUNCT) for w in _GLUE.sub(" ", text).split())
        if t and any(c.isalnum() for c in t)
    ]


def _furniture_part(entry: str) -> str:
    return entry.partition("[")[2].partition("]")[0] if "[" in entry and "]" in entry else entry


def _flat(text: str) -> str:
    return " ".join(text.split())


def _left(entry: str, text: str) -> bool:
    """Tell whether an annotated piece of furniture is still in a text."""
    flat = _flat(text)
    if "[" not in entry or "]" not in entry:
        return _flat(entry) in flat
    before, _, rest = entry.partition("[")
    furniture, _, after = rest.partition("]")
    furniture, before, after = _flat(furniture), _flat(before), _flat(after)
    if not before and not after:
        return furniture in flat
    if before and not after:
        return f"{before} {furniture}" in flat
    if after and not before:
        return f"{before} {furniture} {after}".strip() in flat
    return f"{before} {furniture}" in flat or f"{furniture} {after}" in flat


def _prose(raw: str) -> str:
    """The lines of running text: five words or more, three of them in lower case."""
    lines = [
        line
        for line in raw.split("\n")
        if len(line.split()) >= 5 and sum(1 for w in line.split() if w[:1].islower()) >= 3
    ]
    return "\n".join(lines)


def _lost_words(raw: str, furniture: list[str], kept: str, prose_only: bool = True) -> list[str]:
    """Return the words of the original's prose (or all its words), less its furniture, not kept."""
    want = Counter(_tokens(_prose(raw) if prose_only else raw)) - Counter(
        t for f in furniture for t in _tokens(_furniture_part(f))
    )
    return sorted((want - Counter(_tokens(kept))).elements())


def _joined(entry: str, paragraphs: list[str]) -> bool:
    """Tell whether "A | B" stands within one paragraph (a break between A and B is wrong)."""
    before, _, after = (_flat(p) for p in entry.partition("|"))
    return any(f"{before} {after}" in p for p in paragraphs) or not any(
        p.endswith(before) for p in paragraphs
    )  # A gone (furniture) is not a wrong break


def _split_sentence(before: str, after: str) -> bool:
    """Tell a break inside a sentence by its shape: at "Mr." or an initial, or before lower case."""
    if (
        re.search(r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Messrs|Sir|St|[A-Z])\.$", before)
        and after[:1].isupper()
    ):
        return True
    return bool(
        after[:1].islower()
        and not re.search(r"[.!?:;\"”')\]]$", before)
        and not re.search(r";\s+(?:and|or)$", before)  # a list's item ends "; and"
        and not re.search(r":\s?[-–]$", before)  # a list's lead ends ":-" as it ends ":"
    ) and not before.startswith("#")


def _broken(entry: str, paragraphs: list[str]) -> bool:
    """Tell whether B of "A | B" opens a paragraph (a list item's bullet is the list's, not B's)."""
    after = re.sub(r"^[*•·-]\s+", "", _flat(entry.partition("|")[2]))
    return any(p.lstrip("#\\ ").startswith(after) for p in paragraphs)


def _title_right(note: dict, outcome, paragraphs: list[str]) -> bool:
    title = _flat(outcome.title)
    if note.get("title_review"):
        flagged = any("title" in point for point in outcome.review)
        if flagged and "unknown" not in title.casefold():
            first = _flat(" ".join(paragraphs))[:40].split()[:4]
            if (
                title.split()[:4] == first
                or note.get("title")
                and _normal(title) in _names(note["title"])
            ):
                return True
        return bool(note.get("title")) and flagged and _normal(title) in _names(note["title"])
    return _normal(title) in _names(note.get("title", ""))


def _normal(name: str) -> str:
    name = name.replace("’", "'").replace("‘", "'").casefold()
    name = re.sub(r"^the\s+", "", " ".join(name.split()))
    return name.rstrip(".")


def _names(entry: str) -> set[str]:
    return {_normal(part) for part in entry.split("|")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--samples",
        default="dev,sealed",
        help="which samples, comma-separated: dev, sealed, sealed2 ... sealed7 (each read once, "
        "then developed on), dev9 (round 9's development sample), sealed8 (round 9's sealed one, "
        "developed on since), sealed9 (round 12's sealed one, read once at its end)",
    )
    parser.add_argument(
        "--pool",
        help="samples to pool into one more column, comma-separated (the development union)",
    )
    parser.add_argument("--show", help="print the ingested body of this record id")
    parser.add_argument("--quiet", action="store_true", help="only the table")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/au-quality"))
    args = parser.parse_args()
    if not SOURCE.exists():
        sys.exit(f"{SOURCE} is absent: the samples are measured on the shared AU releases")
    names = [name.strip() for name in args.samples.split(",") if name.strip()]
    unknown = [name for name in names if name not in SAMPLES]
    if unknown:
        sys.exit(f"--samples: no sample {', '.join(unknown)}; the samples are {', '.join(SAMPLES)}")
    print(ATTRIBUTION, "\n")
    figures = {}
    for name in names:
        print(f"{name}:")
        figures[name] = measure(name, args.scratch / name, args.show, not args.quiet)
    if args.pool:
        pool = [name.strip() for name in args.pool.split(",") if name.strip()]
        missing = [name for name in pool if name not in figures]
        if missing:
            sys.exit(f"--pool: {', '.join(missing)} not among --samples")
        figures["union"] = pooled([figures[name] for name in pool], f"union of {', '.join(pool)}")
    print()
    print(table(figures))
    base = "union" if args.pool else names[0]
    for name in [n for n in figures if n != base]:
        gaps = ", ".join(
            f"{key} {figures[name][key] - figures[base][key]:+.2f}"
            for key in ("furniture", "breaks", "titles", "precision", "recall")
            if key in ("furniture", "breaks", "titles") or figures[name]["organisations"]
        )
        print(f"\n{name} less {base}: {gaps}")
    print(f"\n{ATTRIBUTION}")


if __name__ == "__main__":
    main()
