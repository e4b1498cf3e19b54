"""How well the archive ranks: Cranfield, CISI and CACM as typed, against SQLite FTS5 bm25().

    python bench/relevance.py                    # the table: each collection and the mean
    python bench/relevance.py --diagnose         # the pipeline one step at a time
    python bench/relevance.py --leave-one-out    # a grid of settings; each collection held out
    python bench/relevance.py --shared PATH      # the shared folder, if not ../shared

Each collection is read from `../shared/relevance/` beside the checkout (bench/judged.py),
written as corpus documents under /tmp/relevance/, built with the archive's own build, and
every question is searched through the archive's search core as typed, lower-cased only, to
depth 1000. The reference is the same documents in SQLite FTS5 (porter unicode61, bm25(), the
words minus a short stop list joined by OR), measured in the same run.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import judged  # noqa: E402
from judged import DEPTH, Collection, Figures, measure  # noqa: E402

from archive.index.build import build  # noqa: E402
from archive.search import bm25f, limits, ranking, rescoring, words  # noqa: E402
from archive.search.core import Archive  # noqa: E402

WORK = Path("/tmp/relevance")
NAMES = ("cranfield", "cisi", "cacm")
EVERY_WORD = {n: n for n in range(1, 1000)}
ANY_WORD = {n: 1 for n in range(1, 1000)}
SETTINGS: dict[str, tuple[Any, str]] = {
    "combined": (bm25f, "COMBINED"),
    "k1": (bm25f, "K1"),
    "b_fields": (bm25f, "B_FIELDS"),
    "whoosh_k1": (ranking, "K1"),
    "whoosh_b": (ranking, "B"),
    "title": (words, "TITLE_BOOST"),
    "table": (words, "REQUIRED"),
    "long": (words, "LONG"),
    "filler": (words, "FILLER"),
    "repeats": (words, "REPEATS"),
    "proximity": (rescoring, "PROXIMITY"),
    "feedback": (rescoring, "FEEDBACK"),
    "feedback_words": (rescoring, "FEEDBACK_WORDS"),
    "feedback_terms": (rescoring, "FEEDBACK_TERMS"),
    "feedback_docs": (rescoring, "FEEDBACK_DOCS"),
}


@contextmanager
def settings(**values: Any) -> Iterator[None]:
    """Set ranking parameters for the archives opened inside."""
    saved = {name: getattr(*SETTINGS[name]) for name in values}
    try:
        for name, value in values.items():
            setattr(*SETTINGS[name], value)
        yield
    finally:
        for name, value in saved.items():
            setattr(*SETTINGS[name], value)


class Run:
    """One collection built into an index, with its SQLite reference measured."""

    def __init__(self, collection: Collection):
        self.collection = collection
        folder = WORK / collection.name.lower().replace(" ", "-")
        judged.write_corpus(collection, folder / "corpus")
        report = build(folder / "corpus", folder / "index", full=True)
        if report.errors:
            raise SystemExit(f"{collection.name}: {report.errors[:3]}")
        self.index = folder / "index"
        self.reference = measure(collection, judged.SQLite(collection, folder / "fts.db").search)

    def ours(self, typed: bool = True) -> Figures:
        """Measure the archive as it is set now, on questions as typed or as their words only."""
        archive = Archive(self.index)
        gen = archive._current()
        numbers = {
            d: judged.number_of(gen.searcher.stored_fields(d)["id"])
            for d in range(gen.searcher.doc_count_all())
        }

        def search(text: str) -> list[int]:
            text = text.lower() if typed else " ".join(re.findall(r"\w+", text.lower()))
            request = archive.request({"q": [text]})
            parsed = gen.reader.read(request.q)
            with limits.budget():
                docs = archive._result_mask(gen, request, parsed)
                order = archive._order(gen, request, parsed, docs)[:DEPTH]
            return [numbers[d] for d in order]

        started = time.perf_counter()
        figures = measure(self.collection, search)
        figures["ms"] = 1000 * (time.perf_counter() - started) / len(self.collection.queries)
        return figures


def ratio(figures: Figures, reference: Figures) -> float:
    return figures["map"] / reference["map"]


def row(name: str, figures: Figures, reference: Figures) -> str:
    return (
        f"| {name} | {figures['map']:.3f} | {figures['ndcg10']:.3f} | {figures['recall100']:.3f} "
        f"| {int(figures['empty'])} | {ratio(figures, reference):.2f}× |"
    )


HEADER = (
    "| | MAP | nDCG@10 | recall@100 | questions finding nothing | MAP ÷ SQLite |\n"
    "|---|---|---|---|---|---|"
)


def mean_of(rows: list[Figures]) -> Figures:
    return {key: sum(r[key] for r in rows) / len(rows) for key in rows[0]}


def table(runs: list[Run], typed: bool = True) -> tuple[list[Figures], Figures, Figures]:
    """Measure every collection as set now; print each and the mean beside SQLite's."""
    found = [run.ours(typed) for run in runs]
    print(HEADER)
    for run, figures in zip(runs, found):
        print(row(f"{run.collection.name}: SQLite", run.reference, run.reference))
        print(row(f"{run.collection.name}: archive", figures, run.reference))
    ours, theirs = mean_of(found), mean_of([run.reference for run in runs])
    print(row("mean: SQLite", theirs, theirs))
    print(row("mean: archive", ours, theirs))
    sys.stdout.flush()
    return found, ours, theirs


# The diagnosis: each step adds one part of the old pipeline to the one before, then the remedies.
OLD_RULE = {1: 1, 2: 2, **{n: max(2, n // 5) for n in range(3, 1000)}}  # 2 of 3, then 1 in 5
OR_WHOOSH = dict(
    combined=False,
    title=1.0,
    table=ANY_WORD,
    long=1000,
    filler=frozenset(),
    repeats=True,
    proximity=0.0,
    feedback=0.0,
    k1=1.2,
    b_fields={"title": 0.75, "body": 0.75},
)
OLD = dict(
    OR_WHOOSH,
    title=1.5,
    filler=words.FILLER,
    repeats=False,
    table=OLD_RULE,
    proximity=0.5,
    feedback=1.2,
)
STEPS: list[tuple[str, dict[str, Any], bool]] = [
    (
        "textbook BM25, one field (k1 1.2, b 0.75), words OR-ed",
        dict(OR_WHOOSH, combined=True, b_fields={"title": 0.75, "body": 0.75}),
        False,
    ),
    ("BM25F as Whoosh computes it (title and body saturated apart), title 1.0", OR_WHOOSH, False),
    ("  + title weight 1.5", dict(OR_WHOOSH, title=1.5), False),
    ("  + question words left out", dict(OR_WHOOSH, title=1.5, filler=words.FILLER), False),
    (
        "  + a word typed twice counted once",
        dict(OLD, table=ANY_WORD, proximity=0.0, feedback=0.0),
        False,
    ),
    (
        "  + most-words rule (2 of 3 to 14, then 1 in 5)",
        dict(OLD, proximity=0.0, feedback=0.0),
        False,
    ),
    ("  + proximity", dict(OLD, feedback=0.0), False),
    ("  + feedback: the old pipeline (on words; as typed see docs/relevance.md)", OLD, False),
    ("remedy: fields combined before saturation (true BM25F)", dict(OLD, combined=True), False),
    ("  + a word typed twice counted twice", dict(OLD, combined=True, repeats=True), False),
    (
        "  + any word of a question of three words or more",
        dict(OLD, combined=True, repeats=True, table=words.REQUIRED, long=3),
        False,
    ),
    (
        "  + k1 1.6, b 0.6, title 2.5, feedback 0.3 (the chosen settings, on words)",
        dict(table=words.REQUIRED),
        False,
    ),
    ("the chosen settings, as typed", {}, True),
]


def diagnose(runs: list[Run]) -> None:
    """Print the mean over the collections, and each collection's MAP, one step at a time."""
    names = " | ".join(f"{r.collection.name} MAP (×)" for r in runs)
    print(f"| step | {names} | mean MAP | mean × SQLite | mean nDCG@10 | mean recall@100 |")
    print("|---" * (len(runs) + 5) + "|")
    theirs = mean_of([run.reference for run in runs])
    for name, values, typed in STEPS:
        with settings(**values):
            found = [run.ours(typed) for run in runs]
        each = " | ".join(
            f"{f['map']:.3f} ({ratio(f, r.reference):.2f})" for f, r in zip(found, runs)
        )
        ours = mean_of(found)
        print(
            f"| {name} | {each} | {ours['map']:.3f} | {ratio(ours, theirs):.2f}× "
            f"| {ours['ndcg10']:.3f} | {ours['recall100']:.3f} |"
        )
        sys.stdout.flush()


def grid() -> list[dict[str, Any]]:
    """Return the settings tried for the choice: BM25F's constants and feedback crossed, then the
    matching rule and proximity around the middle."""
    found = []
    for k1, b, title, feedback in itertools.product(
        (1.2, 1.6, 2.0), (0.5, 0.6, 0.75), (1.5, 2.5), (0.3, 0.6)
    ):
        found.append(
            dict(
                k1=k1,
                b_fields={"title": b, "body": b},
                title=title,
                feedback=feedback,
                proximity=0.5,
                long=3,
            )
        )
    for long, proximity in ((5, 0.5), (8, 0.5), (3, 0.0), (3, 0.25)):
        found.append(
            dict(
                k1=1.6,
                b_fields={"title": 0.6, "body": 0.6},
                title=2.5,
                feedback=0.3,
                proximity=proximity,
                long=long,
            )
        )
    return found


def _score(figures: list[Figures], runs: list[Run]) -> float:
    # The mean of each collection's MAP ÷ SQLite's: each collection counts the same.
    return sum(ratio(f, r.reference) for f, r in zip(figures, runs)) / len(runs)


def leave_one_out(runs: list[Run]) -> None:
    """Measure the grid on every collection; choose on all, and on all but each one in turn."""
    measured = []
    for values in grid():
        with settings(**values):
            measured.append((values, [run.ours() for run in runs]))
        values_text = ", ".join(f"{k} {v}" for k, v in values.items())
        print(
            f"  {values_text}: "
            + " ".join(f"{ratio(f, r.reference):.3f}" for f, r in zip(measured[-1][1], runs)),
            flush=True,
        )
    best, found = max(measured, key=lambda m: _score(m[1], runs))
    print(f"\nChosen on the mean of all: {best}")
    for run, figures in zip(runs, found):
        print(
            f"  {run.collection.name}: MAP {figures['map']:.3f}, "
            f"{ratio(figures, run.reference):.2f}×"
        )
    print(
        "\n| held out | chosen on the others | its MAP | × SQLite "
        "| with the setting chosen on all |"
    )
    print("|---|---|---|---|---|")
    for i, run in enumerate(runs):
        others = [r for j, r in enumerate(runs) if j != i]
        values, figures = max(
            measured, key=lambda m: _score([f for j, f in enumerate(m[1]) if j != i], others)
        )
        print(
            f"| {run.collection.name} | {values} | {figures[i]['map']:.3f} "
            f"| {ratio(figures[i], run.reference):.2f}× | {ratio(found[i], run.reference):.2f}× |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=judged.SHARED,
        help="the folder holding relevance/ (../shared beside the checkout)",
    )
    parser.add_argument("--only", nargs="*", choices=NAMES, default=list(NAMES))
    parser.add_argument(
        "--short",
        action="store_true",
        help="the questions cut to their three rarest words (docs/relevance.md)",
    )
    parser.add_argument("--diagnose", action="store_true", help="the pipeline one step at a time")
    parser.add_argument(
        "--leave-one-out", action="store_true", help="choose on all but one, score on it"
    )
    parser.add_argument(
        "--try",
        dest="tries",
        action="append",
        default=[],
        metavar="NAME=VALUE,...",
        help="also measure these settings (Python literals), e.g. k1=1.6;title=2.0",
    )
    args = parser.parse_args(argv)
    collections = [c for c in (judged.read(name, args.shared) for name in args.only) if c]
    if args.short:
        collections = [judged.shortened(c) for c in collections]
    if not collections:
        print(f"no judged collections under {args.shared / 'relevance'}")
        return 1
    runs = [Run(c) for c in collections]
    for run in runs:
        c = run.collection
        print(
            f"{c.name}: {len(c.docs)} documents, {len(c.queries)} questions "
            f"({len(c.judged)} judged)"
        )
    print(f"depth {DEPTH}\n")
    table(runs)
    for tried in args.tries:
        values = {
            k: eval(v, {"words": words}) for k, v in (p.split("=", 1) for p in tried.split(";"))
        }
        print(f"\n{values}")
        with settings(**values):
            table(runs)
    if args.diagnose:
        print()
        diagnose(runs)
    if args.leave_one_out:
        print()
        leave_one_out(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
