"""What a worker keeps per query and per index: lengths mapped, stems backfilled, caches compact."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import numpy as np
import pytest
from whoosh import index as whoosh_index

from archive.index import backfill, forward, generations, lengths
from archive.index.build import build
from archive.search.core import Archive

TEST_CORPUS = Path(__file__).parent / "corpus"
WORDS = (
    "funding care school council hospital rail road flood grant million pupils nurses housing "
    "energy water climate police court prison youth rural jobs skills transport bus"
).split()
QUERIES = [
    "funding care",
    "school council grant",
    '"flood grant" housing',
    "rail road transport jobs",
    "nurses",
]


def _write(corpus: Path, rng: random.Random, n: int) -> None:
    title = " ".join(rng.sample(WORDS, rng.randint(2, 5)))
    body = "\n\n".join(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60))).capitalize() + "."
        for _ in range(rng.randint(1, 4))
    )
    (corpus / f"2021-doc-{n}.md").write_text(
        f'---\ntitle: "{title}"\ndate: "2021-0{1 + n % 9}-1{n % 10}"\nsource: Test\n---\n\n'
        f"{body}\n",
        "utf-8",
    )


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Index 120 documents, then change 20: segments from both of the build's writers."""
    root = tmp_path_factory.mktemp("memory")
    corpus, index = root / "corpus", root / "index"
    corpus.mkdir()
    for name in ("departments.yaml", "programmes.yaml"):
        shutil.copy(TEST_CORPUS / name, corpus / name)
    rng = random.Random(7)
    for n in range(120):
        _write(corpus, rng, n)
    assert not build(corpus, index).errors
    for n in range(0, 120, 6):
        _write(corpus, rng, n)
    assert not build(corpus, index).errors
    return index


def _everything(index: Path) -> list:
    archive = Archive(index)
    found = []
    for q in QUERIES:
        result = archive.search(archive.request({"q": [q], "per_page": ["50"]}))
        found.append(
            (
                result.total,
                [(hit["id"], hit["score"]) for hit in result.hits],
                {k: [(v.value, v.count) for v in vs] for k, vs in result.facets.items()},
            )
        )
    archive.close()
    return found


def test_field_lengths_mapped_are_the_lengths_whoosh_reads(index):
    folder = generations.current(index)
    ix = whoosh_index.open_dir(str(folder))
    with ix.reader() as reader:
        assert len(list(reader.leaf_readers())) > 1
        for field in ("title", "body"):
            codes = lengths.codes(reader, field, folder)
            expected = [
                leaf.doc_field_length(doc, field, 1)
                for leaf, _ in reader.leaf_readers()
                for doc in range(leaf.doc_count_all())
            ]
            assert lengths.LENGTHS[codes].tolist() == [float(n) for n in expected]
            # Without the folder (a compound segment, say), Whoosh is asked: the same bytes.
            assert lengths.codes(reader, field, None).tolist() == codes.tolist()
    ix.close()


def test_stems_backfilled_for_an_index_built_without_them_are_the_builds(index, tmp_path):
    before = _everything(index)
    copy = tmp_path / "index"
    shutil.copytree(index, copy, symlinks=True)
    folder = generations.current(copy)
    written = {
        path.name: np.load(path)
        for path in folder.glob("*.npy")
        if "." + path.name.split(".", 1)[1] in forward.SUFFIXES
    }
    assert written, "the build should have written stems per document"
    for name in written:
        (folder / name).unlink()
    assert backfill.stems(folder) == len(written) // len(forward.SUFFIXES)
    for name, array in written.items():
        assert np.array_equal(np.load(folder / name), array), name
    assert backfill.stems(folder) == 0  # once only
    assert _everything(copy) == before


def test_cached_masks_and_scores_give_each_query_its_own_results(index):
    fresh = _everything(index)
    archive = Archive(index)
    # The same queries twice in turn: the second round reads every mask and score from the
    # caches (kept compact), and each query must still get its own results.
    for _ in range(2):
        again = []
        for q in QUERIES:
            result = archive.search(archive.request({"q": [q], "per_page": ["50"]}))
            again.append(
                (
                    result.total,
                    [(hit["id"], hit["score"]) for hit in result.hits],
                    {k: [(v.value, v.count) for v in vs] for k, vs in result.facets.items()},
                )
            )
        assert again == fresh
    gen = archive._current()
    assert len(gen.ranker._cache) and len(gen.sets._cache)
