"""Time plain requests as bench/run.py does, now and with every document's words read beforehand.

    python bench/rescoring_words.py /tmp/bench/synthetic-3000           # as served now
    python bench/rescoring_words.py /tmp/bench/synthetic-3000 --stored  # words read beforehand

With --stored, rescoring's reading of a document's words and stems (archive/search/rescoring.py)
is answered from a table made before timing: the most a store of each document's words written
at build time could save (the counts are still made at query time). An index built since the
build writes each document's stems (archive/index/forward.py) is rescored without reading any
text, so --stored changes nothing there: it measures an index built before.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpora  # noqa: E402
from run import forget, plain_top10  # noqa: E402

from archive.search import rescoring  # noqa: E402
from archive.search.core import Archive  # noqa: E402
from archive.search.request import SearchRequest  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="a bench corpus folder: its index/ and corpus/")
    parser.add_argument("--stored", action="store_true", help="every document's words read first")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    archive = Archive(args.root / "index")
    archive.search(SearchRequest())
    texts = corpora.queries(args.root / "corpus", args.queries)
    ranker = archive._current().ranker
    if args.stored:
        reader = rescoring._reader(ranker)
        documents = ranker.sets.documents
        table = {d: reader(rescoring._text(documents.stored(d))) for d in range(ranker.size)}

        def stored(_ranker, doc, starts):
            words, stem_of = table[doc]
            if starts is None:
                return words, stem_of
            return words, {w: s for w, s in stem_of.items() if w.startswith(starts)}

        rescoring._read = stored
    times: list[list[float]] = [[] for _ in texts]
    for _ in range(args.runs):
        for i, q in enumerate(texts):
            forget(archive)
            started = time.perf_counter()
            plain_top10(archive, SearchRequest(q=q))
            times[i].append((time.perf_counter() - started) * 1000)
    ms = sorted(statistics.median(t) for t in times)
    print(f"p50 {ms[len(ms) // 2]:.2f} ms, p95 {ms[int(len(ms) * 0.95)]:.2f} ms")


if __name__ == "__main__":
    main()
