"""What finding who announced a document costs when parsing, and what it finds, on the AU releases.

    python bench/people.py [--limit N]

Each release becomes a corpus file in memory (front matter with its own prime_minister field, the
text as body) and is parsed in the same run with the shipped registries (people.yaml included)
and, as the reference, with people.yaml left out, best of three each, taken in turn. It prints
the parse rates, their ratio, and how many releases got an announcer, quoted people and review
points; then how often the text alone names the record's own Prime Minister.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive.corpus.directory import directory_of  # noqa: E402
from archive.corpus.parse import parse_bytes  # noqa: E402
from archive.corpus.people import span  # noqa: E402
from archive.corpus.registry import Registry  # noqa: E402
from archive.corpus.speakers import find  # noqa: E402
from archive.errors import CorpusError  # noqa: E402
from bench.corpora import REAL_CORPUS  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def files(limit: int) -> list[bytes]:
    found = []
    with REAL_CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if not record["text"].strip() or not record["date"]:
                continue
            meta = {
                "title": record["title"] or "Untitled",
                "date": record["date"],
                "source": "PM Transcripts",
                "currency": "AUD",
                "prime_minister": record["prime_minister"] or None,
            }
            head = "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items() if v)
            found.append(f"---\n{head}---\n\n{record['text']}\n".encode())
            if len(found) >= limit:
                break
    return found


def run(data: list[bytes], registry: Registry) -> tuple[float, list]:
    started = time.perf_counter()
    documents = []
    for n, d in enumerate(data):
        # A raw text that ingest would have tidied (deep indentation) is left out of both runs.
        with contextlib.suppress(CorpusError):
            documents.append(parse_bytes(d, Path(f"r{n}.md"), registry))
    return time.perf_counter() - started, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=10**6)
    limit = parser.parse_args().limit
    data = files(limit)
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder)
        for name in ("departments.yaml", "programmes.yaml", "governments.yaml"):
            shutil.copy(CORPUS / name, bare / name)
        reference = Registry.load(bare)
    with_people = Registry.load(CORPUS)
    run(data[:200], with_people)  # warm caches and the directory
    # Best of three, the two taken in turn: the machine is shared, and load drifts over a run.
    base = took = float("inf")
    for _ in range(3):
        base = min(base, run(data, reference)[0])
        seconds, documents = run(data, with_people)
        took = min(took, seconds)
    data = data[: len(documents)] if len(documents) == len(data) else data
    announced = sum(1 for d in documents if d.people["announced_by"])
    quoted = sum(1 for d in documents if d.people["quoted"])
    review = sum(1 for d in documents if d.people["review"])
    print(
        f"{len(data):,} releases: parsing without people.yaml {len(data) / base:,.0f}/s, with it "
        f"{len(data) / took:,.0f}/s (ratio {base / took:.2f}; "
        f"{1000 * (took - base) / len(data):.2f} ms a release)"
    )
    print(
        f"announced_by: {announced:,}; with someone quoted: {quoted:,}; "
        f"with review points: {review:,}"
    )
    # From the text alone, the record's field withheld: does the text's announcer agree with it?
    directory = directory_of(with_people)
    agree = other = 0
    for document in documents:
        if not document.prime_minister:
            continue
        first, last = span(document.date.iso)
        found = find(document.text, first, last, directory, country="AU")["announced_by"]
        if found:
            same = found["person"] == directory.named(document.prime_minister).key
            agree, other = agree + same, other + (not same)
    print(
        f"from the text alone: {agree + other:,} name an announcer in office, {agree:,} "
        f"({100 * agree / max(1, agree + other):.1f}%) the record's own Prime Minister, "
        f"{other:,} another"
    )


if __name__ == "__main__":
    main()
