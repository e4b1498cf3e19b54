"""How well the archive ranks: the Cranfield collection as typed, against SQLite FTS5 bm25().

    python bench/relevance.py                 # the table
    python bench/relevance.py --sweep         # also the settings around the chosen ones

Cranfield (1,400 aeronautics abstracts, 225 queries, graded judgements) is read from
`../shared/relevance/cranfield/` beside the checkout, written as corpus documents under
/tmp/relevance/, built with the archive's own build, and every query is searched through the
archive's search core as a user would type it: lower-cased, no operators, to depth 1000. The
reference is the same documents in SQLite FTS5 (porter unicode61, bm25(), the words minus a
short stop list joined by OR), measured in the same run.
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from archive.index.build import build
from archive.search import ranking, rescoring, words
from archive.search.core import Archive

CRANFIELD = Path(__file__).resolve().parents[2] / "shared" / "relevance" / "cranfield"
WORK = Path("/tmp/relevance")
DEPTH = 1000
STOP = set("a an and are as at be by can for from has have how in is it of on or that the this to was what "
           "which with".split())
FIELD = re.compile(r"^\.([A-Z])\s*(.*)$")


@dataclass(frozen=True)
class Collection:
    docs: dict[int, tuple[str, str]]  # number: (title, text)
    queries: dict[int, str]  # numbered 1.. in file order, as the judgements number them
    relevant: dict[int, dict[int, int]]  # query: {document: gain}


def _records(path: Path) -> Iterator[dict[str, str]]:
    record: dict[str, list[str]] = {}
    field = None
    for line in path.read_text("utf-8", errors="replace").splitlines():
        found = FIELD.match(line)
        if found and found.group(1) == "I":
            if record:
                yield {k: " ".join(" ".join(v).split()) for k, v in record.items()}
            record, field = {"I": [found.group(2)]}, None
        elif found and len(line.split()[0]) == 2:
            field = found.group(1)
            record[field] = [found.group(2)]
        elif field:
            record[field].append(line)
    if record:
        yield {k: " ".join(" ".join(v).split()) for k, v in record.items()}


def read_cranfield(folder: Path) -> Collection:
    """Read the documents, queries and judgements (codes 1-4 relevant, 1 the best; -1 left out)."""
    docs = {int(r["I"]): (r.get("T", ""), _untitled(r.get("T", ""), r.get("W", "")))
            for r in _records(folder / "cran.all.1400")}
    queries = {n: r.get("W", "") for n, r in enumerate(_records(folder / "cran.qry"), 1)}
    relevant: dict[int, dict[int, int]] = {}
    for line in (folder / "cranqrel").read_text().splitlines():
        parts = line.split()
        if len(parts) == 3 and 1 <= int(parts[2]) <= 4:
            relevant.setdefault(int(parts[0]), {})[int(parts[1])] = 5 - int(parts[2])
    return Collection(docs, queries, relevant)


def _untitled(title: str, text: str) -> str:
    # Each abstract opens with its title again; a corpus document's body does not repeat it.
    return text[len(title):].lstrip() if title and text.startswith(title) else text


def natural_queries() -> list[str]:
    """Return 8-15-word questions as people type them, for bench/run.py's long-query mix."""
    return [
        "how much money did ministers give to frontline social workers this year",
        "which councils received funding for children's social care innovation projects",
        "what did the government announce for mental health services in schools",
        "new funding for care leavers and young people leaving foster care",
        "how many social workers will be trained under the new programme",
        "grants to local authorities for housing and homelessness prevention in 2019",
        "evaluation of the devolved budgets pilot for adult social care workers",
        "the department for education innovation fund for children in care",
        "minister announces extra money for hospitals and health services in rural areas",
        "funding cuts to early intervention and family support services by councils",
        "what was the total budget for the troubled families programme",
        "money for training teachers and school staff to support pupils with special needs",
    ]


# -- the documents -------------------------------------------------------------


def write_corpus(collection: Collection, folder: Path) -> None:
    """Write each abstract as a corpus document: its title, its text, a date and a source."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for number, (title, text) in collection.docs.items():
        title = title.rstrip(" .") or f"Cranfield {number}"
        front = f'---\ntitle: "{_yaml(title)}"\ndate: "1960"\nsource: Cranfield collection\n---\n\n'
        (folder / f"1960-cranfield-{number:04d}.md").write_text(front + text + "\n", "utf-8")


def _yaml(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def number_of(doc_id: str) -> int:
    return int(doc_id.rsplit("-", 1)[1])


# -- the two systems -----------------------------------------------------------


def ours(archive: Archive, text: str) -> list[int]:
    """Search as a user types it, through the search core; return the first DEPTH document numbers."""
    request = archive.request({"q": [text.lower()]})
    return [number_of(hit["id"]) for hit in itertools.islice(archive.iter_hits(request), DEPTH)]


class SQLite:
    """The reference: FTS5 with the porter tokenizer and bm25(), title and text as one column."""

    def __init__(self, collection: Collection, path: Path):
        path.unlink(missing_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE VIRTUAL TABLE docs USING fts5 (text, tokenize = 'porter unicode61')")
        self.db.executemany("INSERT INTO docs (rowid, text) VALUES (?, ?)",
                            ((n, f"{title} {text}") for n, (title, text) in collection.docs.items()))
        self.db.commit()

    def search(self, text: str) -> list[int]:
        terms = [w for w in re.findall(r"\w+", text.lower()) if w not in STOP]
        if not terms:
            return []
        match = " OR ".join(f'"{w}"' for w in terms)
        rows = self.db.execute("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?", (match, DEPTH))
        return [row[0] for row in rows]


# -- the measures --------------------------------------------------------------


def average_precision(found: list[int], relevant: dict[int, int]) -> float:
    hits, total = 0, 0.0
    for rank, doc in enumerate(found, 1):
        if doc in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant)


def ndcg(found: list[int], relevant: dict[int, int], depth: int = 10) -> float:
    gain = sum(relevant.get(doc, 0) / math.log2(rank + 1) for rank, doc in enumerate(found[:depth], 1))
    ideal = sum(g / math.log2(rank + 1) for rank, g in enumerate(sorted(relevant.values(), reverse=True)[:depth], 1))
    return gain / ideal


def recall(found: list[int], relevant: dict[int, int], depth: int = 100) -> float:
    return len(set(found[:depth]) & set(relevant)) / len(relevant)


def measure(collection: Collection, search: Callable[[str], list[int]]) -> dict[str, float]:
    """Return MAP, nDCG@10 and recall@100 over the judged queries, and how many queries found nothing."""
    judged = [n for n in collection.queries if collection.relevant.get(n)]
    started = time.perf_counter()
    results = {n: search(collection.queries[n]) for n in collection.queries}
    seconds = time.perf_counter() - started

    def mean(f: Callable[[list[int], dict[int, int]], float]) -> float:
        return sum(f(results[n], collection.relevant[n]) for n in judged) / len(judged)

    return {"map": mean(average_precision), "ndcg10": mean(ndcg), "recall100": mean(recall),
            "empty": sum(1 for found in results.values() if not found), "ms": 1000 * seconds / len(results)}


@contextmanager
def settings(**values: object) -> Iterator[None]:
    """Set ranking parameters (k1, b, title, registry, share) for the archives opened inside."""
    names = {"k1": (ranking, "K1"), "b": (ranking, "B"), "title": (words, "TITLE_BOOST"),
             "share": (words, "REQUIRED_SHARE"), "table": (words, "REQUIRED"),
             "proximity": (rescoring, "PROXIMITY"), "feedback": (rescoring, "FEEDBACK")}
    saved = {name: getattr(*names[name]) for name in values}
    try:
        for name, value in values.items():
            setattr(*names[name], value)
        yield
    finally:
        for name, value in saved.items():
            setattr(*names[name], value)


# Words required of n up to 14 (beyond, `share` of them), as tried: the chosen (all of one or
# two, then two); GOV.UK's (2 of 3, 3 of 4 to 7, then half); every word.
TABLES = ({1: 1, 2: 2}, {1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3}, {n: n for n in range(1, 100)})
TABLE_NAMES = ("chosen", "GOV.UK's to 7 words", "every word")


def _row(name: str, figures: dict[str, float], reference: dict[str, float]) -> str:
    return (f"| {name} | {figures['map']:.3f} | {figures['ndcg10']:.3f} | {figures['recall100']:.3f} | "
            f"{figures['empty']} | {figures['map'] / reference['map']:.2f}× | {figures['ms']:.1f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cranfield", type=Path, default=CRANFIELD,
                        help="the folder of cran.all.1400, cran.qry and cranqrel")
    parser.add_argument("--sweep", action="store_true", help="also measure the settings around the chosen ones")
    args = parser.parse_args(argv)
    if not (args.cranfield / "cran.all.1400").is_file():
        print(f"no Cranfield collection at {args.cranfield} (../shared/relevance/cranfield beside the checkout)")
        return 1
    collection = read_cranfield(args.cranfield)
    corpus, index = WORK / "cranfield" / "corpus", WORK / "cranfield" / "index"
    write_corpus(collection, corpus)
    report = build(corpus, index, full=True)
    if report.errors:
        print(report.errors[:5])
        return 1
    reference = measure(collection, SQLite(collection, WORK / "cranfield" / "fts.db").search)
    print(f"Cranfield: {len(collection.docs)} documents, {len(collection.queries)} queries "
          f"({sum(1 for v in collection.relevant.values() if v)} judged), depth {DEPTH}\n")
    print("| system | MAP | nDCG@10 | recall@100 | queries finding nothing | MAP ÷ SQLite "
          "| ms a query, to depth 1000 |")
    print("|---|---|---|---|---|---|---|")
    print(_row("SQLite FTS5 bm25(), words OR-ed", reference, reference))
    archive = Archive(index)
    print(_row("archive, as typed", measure(collection, lambda q: ours(archive, q)), reference))
    if args.sweep:
        _sweep(collection, index, reference)
    return 0


def _sweep(collection: Collection, index: Path, reference: dict[str, float]) -> None:
    """Measure each setting moved on its own around the chosen ones."""
    grid = {"k1": (0.9, 1.2, 1.6, 2.0), "b": (0.5, 0.75, 0.9), "title": (1.0, 1.5, 2.5, 4.0),
            "table": TABLES, "share": (0.1, 0.2, 0.34, 0.5), "proximity": (0.0, 0.5, 1.0),
            "feedback": (0.0, 0.8, 1.2, 1.6)}
    for name, values in grid.items():
        for value in values:
            with settings(**{name: value}):
                archive = Archive(index)
                shown = TABLE_NAMES[TABLES.index(value)] if name == "table" else value
                print(_row(f"{name} = {shown}", measure(collection, lambda q: ours(archive, q)), reference))
        sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
