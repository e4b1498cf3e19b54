"""Judged collections (Cranfield, CISI, CACM), the SQLite FTS5 reference and the measures.

Each collection is read from `../shared/relevance/<name>/` beside the checkout (formats in its
README); nothing of it is copied into the project.
"""

from __future__ import annotations

import math
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

# ../shared beside the checkout; a worktree one level deeper finds it beside its parent.
SHARED = next(
    (
        p / "shared"
        for p in Path(__file__).resolve().parents[1:]
        if (p / "shared" / "relevance").is_dir()
    ),
    Path(__file__).resolve().parents[2] / "shared",
)
DEPTH = 1000
# SQLite's reference drops a short stop list, as the collections' README says.
STOP = set(
    "a an and are as at be by can for from has have how in is it of on or that the this to "
    "was what which with".split()
)
FIELD = re.compile(r"^\.([A-Z])\s*(.*)$")


@dataclass(frozen=True)
class Collection:
    name: str
    docs: dict[int, tuple[str, str]]  # number: (title, text)
    queries: dict[int, str]  # as the judgements number them
    relevant: dict[int, dict[int, int]]  # query: {document: gain}

    @property
    def judged(self) -> list[int]:
        return [n for n in self.queries if self.relevant.get(n)]


def _records(path: Path) -> Iterator[dict[str, str]]:
    """Read `.I n` records of `.X` fields into {field letter: text}."""
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


def _untitled(title: str, text: str) -> str:
    # Cranfield's abstracts open with their title again; a corpus document's body does not.
    return text[len(title) :].lstrip() if title and text.startswith(title) else text


def cranfield(folder: Path) -> Collection:
    """Read Cranfield: codes 1-4 relevant (1 best, gain 4), -1 left out; queries in file order."""
    docs = {
        int(r["I"]): (r.get("T", ""), _untitled(r.get("T", ""), r.get("W", "")))
        for r in _records(folder / "cran.all.1400")
    }
    queries = {n: r.get("W", "") for n, r in enumerate(_records(folder / "cran.qry"), 1)}
    relevant: dict[int, dict[int, int]] = {}
    for line in (folder / "cranqrel").read_text().splitlines():
        parts = line.split()
        if len(parts) == 3 and 1 <= int(parts[2]) <= 4:
            relevant.setdefault(int(parts[0]), {})[int(parts[1])] = 5 - int(parts[2])
    return Collection("Cranfield", docs, queries, relevant)


def _pairs(path: Path) -> dict[int, dict[int, int]]:
    relevant: dict[int, dict[int, int]] = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            relevant.setdefault(int(parts[0]), {})[int(parts[1])] = 1
    return relevant


def cisi(folder: Path) -> Collection:
    """Read CISI: title and abstract; the question is `.W`; every listed pair relevant."""
    docs = {int(r["I"]): (r.get("T", ""), r.get("W", "")) for r in _records(folder / "CISI.ALL")}
    queries = {int(r["I"]): r.get("W", "") for r in _records(folder / "CISI.QRY")}
    return Collection("CISI", docs, queries, _pairs(folder / "CISI.REL"))


def cacm(folder: Path) -> Collection:
    """Read CACM: title and abstract where there is one; the question is `.W`."""
    docs = {int(r["I"]): (r.get("T", ""), r.get("W", "")) for r in _records(folder / "cacm.all")}
    queries = {int(r["I"]): r.get("W", "") for r in _records(folder / "query.text")}
    return Collection("CACM", docs, queries, _pairs(folder / "qrels.text"))


READERS: dict[str, tuple[str, Callable[[Path], Collection]]] = {
    "cranfield": ("cranfield", cranfield),
    "cisi": ("cisi", cisi),
    "cacm": ("cacm", cacm),
}


def read(name: str, shared: Path = SHARED) -> Collection | None:
    """Read one collection from `shared`/relevance, or None when it is not there."""
    folder, reader = READERS[name]
    path = shared / "relevance" / folder
    return reader(path) if path.is_dir() else None


def shortened(collection: Collection, words: int = 3) -> Collection:
    """Return the collection with each question cut to its `words` rarest words, in their order:
    short questions like a researcher's, from the same judgements."""
    df: dict[str, int] = {}
    for title, text in collection.docs.values():
        for word in set(re.findall(r"\w+", f"{title} {text}".lower())):
            df[word] = df.get(word, 0) + 1
    queries = {}
    for n, text in collection.queries.items():
        typed = list(
            dict.fromkeys(
                w
                for w in re.findall(r"[a-z]+", text.lower())
                if w not in STOP and len(w) > 2 and df.get(w)
            )
        )
        rarest = set(sorted(typed, key=lambda w: df[w])[:words])
        queries[n] = " ".join(w for w in typed if w in rarest)
    return Collection(f"{collection.name} short", collection.docs, queries, collection.relevant)


# -- as corpus documents ----------------------------------------------------------


def write_corpus(collection: Collection, folder: Path) -> None:
    """Write each record as a corpus document: its title, its text, a date and a source."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    slug = collection.name.split()[0].lower()
    for number, (title, text) in collection.docs.items():
        title = title.rstrip(" .") or f"{collection.name} {number}"
        front = (
            f'---\ntitle: "{_yaml(title)}"\ndate: "1970"\n'
            f"source: {collection.name} collection\n---\n\n"
        )
        (folder / f"1970-{slug}-{number:04d}.md").write_text(
            front + (text or title) + "\n", "utf-8"
        )


def _yaml(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def number_of(doc_id: str) -> int:
    return int(doc_id.rsplit("-", 1)[1])


# -- the reference ---------------------------------------------------------------------


class SQLite:
    """FTS5 with the porter tokenizer and bm25(), title and text as one column, words OR-ed."""

    def __init__(self, collection: Collection, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5 (text, tokenize = 'porter unicode61')"
        )
        self.db.executemany(
            "INSERT INTO docs (rowid, text) VALUES (?, ?)",
            ((n, f"{t} {x}") for n, (t, x) in collection.docs.items()),
        )
        self.db.commit()

    def search(self, text: str) -> list[int]:
        terms = [w for w in re.findall(r"\w+", text.lower()) if w not in STOP]
        if not terms:
            return []
        match = " OR ".join(f'"{w}"' for w in terms)
        rows = self.db.execute(
            "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?", (match, DEPTH)
        )
        return [row[0] for row in rows]


# -- the measures ------------------------------------------------------------------


def average_precision(found: list[int], relevant: dict[int, int]) -> float:
    hits, total = 0, 0.0
    for rank, doc in enumerate(found, 1):
        if doc in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant)


def ndcg(found: list[int], relevant: dict[int, int], depth: int = 10) -> float:
    gain = sum(relevant.get(d, 0) / math.log2(r + 1) for r, d in enumerate(found[:depth], 1))
    best = sorted(relevant.values(), reverse=True)[:depth]
    return gain / sum(g / math.log2(r + 1) for r, g in enumerate(best, 1))


def recall(found: list[int], relevant: dict[int, int], depth: int = 100) -> float:
    return len(set(found[:depth]) & set(relevant)) / len(relevant)


Figures = dict[str, float]


def measure(collection: Collection, search: Callable[[str], list[int]]) -> Figures:
    """Return MAP, nDCG@10, recall@100 over the judged queries, and the queries finding nothing."""
    results = {n: search(collection.queries[n]) for n in collection.queries}
    judged = collection.judged

    def mean(f: Callable[[list[int], dict[int, int]], float]) -> float:
        return sum(f(results[n], collection.relevant[n]) for n in judged) / len(judged)

    return {
        "map": mean(average_precision),
        "ndcg10": mean(ndcg),
        "recall100": mean(recall),
        "empty": sum(1 for found in results.values() if not found),
    }
