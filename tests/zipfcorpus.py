"""Generate a corpus whose words run from common to rare and index it in two builds, so that the
index has several segments and deleted documents (test_held.py, test_pruning.py)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from archive.index.build import build
from archive.search.core import Archive

TEST_CORPUS = Path(__file__).parent / "corpus"
# Zipf-like: the first words are in most documents, the last in a few.
VOCABULARY = [
    f"{a}{b}{c}"
    for a in ("ba", "ko", "mi", "tu", "ze")
    for b in ("ra", "lo", "ni", "pe")
    for c in "sdk"
]


def document(
    rng: random.Random,
    n: int,
    title_words: tuple[int, int],
    sentence_words: tuple[int, int],
    paragraphs: tuple[int, int],
) -> tuple[str, str]:
    """Return a generated document's name and Markdown; the ranges bound its title's words, each
    paragraph's words and its paragraphs."""
    year = rng.randint(2005, 2024)
    # Zipf-like (the first words in most documents), titles short: a common word's body term
    # then holds far more documents than its title term, as in real text.
    weights = [1 / (rank + 1) for rank in range(len(VOCABULARY))]
    title = " ".join(rng.choices(VOCABULARY, weights, k=rng.randint(*title_words)))
    body = [
        " ".join(rng.choices(VOCABULARY, weights, k=rng.randint(*sentence_words))).capitalize()
        + "."
        for _ in range(rng.randint(*paragraphs))
    ]
    department = rng.choice(("dfe", "dh", ""))
    text = (
        f'---\ntitle: {title.capitalize()}\ndate: "{year}"\nsource: Test\n'
        f"departments: [{department}]\n---\n\n" + "\n\n".join(body) + "\n"
    )
    return f"{year}-doc-{n}", text


def generated(
    root: Path,
    *,
    seed: int,
    count: int,
    title_words: tuple[int, int],
    sentence_words: tuple[int, int],
    paragraphs: tuple[int, int],
    drawn: int,
    added_word: int,
    removed: int,
) -> Archive:
    """Index `count` generated documents in root; then add two words (the rarest and
    VOCABULARY[added_word]) to 30 of `drawn` drawn at random, remove `removed`, and build again."""
    corpus, index = root / "corpus", root / "index"
    corpus.mkdir()
    for name in ("departments.yaml", "programmes.yaml"):
        shutil.copy(TEST_CORPUS / name, corpus / name)
    rng = random.Random(seed)
    names = []
    for n in range(count):
        name, text = document(rng, n, title_words, sentence_words, paragraphs)
        (corpus / f"{name}.md").write_text(text, "utf-8")
        names.append(name)
    assert not build(corpus, index).errors
    extra = f"\n{VOCABULARY[-1]} {VOCABULARY[added_word]}.\n"
    for name in rng.sample(names, drawn)[:30]:
        path = corpus / f"{name}.md"
        path.write_text(path.read_text("utf-8") + extra, "utf-8")
    for name in rng.sample(names, removed):
        (corpus / f"{name}.md").unlink()
    assert not build(corpus, index).errors
    found = Archive(index)
    reader = found._current().searcher.reader()
    assert len(list(reader.leaf_readers())) > 1 and reader.has_deletions()
    return found
