"""Did you mean, measured: one slip made in words of the judged collections' own questions.

    python bench/spelling.py [--shared PATH]

For every question of Cranfield, CISI and CACM, each word of five letters or more that the
collection holds well gets one slip (a letter left out, added, changed, or two swapped; seeded,
so every run makes the same slips), typed with the two words around it. The archive's
suggestion is right when it gives back the word (as its stem). Measured with and without the
rare-word rule and the other words' say (archive/search/discover.py); a typo that is itself a
well-held word is counted apart (nothing can tell it is one).
"""

from __future__ import annotations

import argparse
import random
import string
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import judged  # noqa: E402

from archive.index.build import build  # noqa: E402
from archive.search import discover  # noqa: E402
from archive.search.core import Archive  # noqa: E402

WORK = Path("/tmp/relevance")
PER_COLLECTION = 300
WELL_HELD = 3  # documents: a typo held by more is taken as a word by either rule


def slip(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("delete", "insert", "replace", "swap"))
    letter = rng.choice(string.ascii_lowercase)
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "insert":
        return word[:i] + letter + word[i:]
    if kind == "replace":
        return word[:i] + (letter if letter != word[i] else "q") + word[i + 1 :]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def trials(archive: Archive, collection: judged.Collection) -> list[tuple[str, str, int]]:
    """Return (typed text, the word meant, where it is) for slips in the questions' words."""
    gen = archive._current()
    analyzer, reader = gen.searcher.schema["body"].analyzer, gen.searcher.reader()
    rng = random.Random(20)
    found = []
    for n in sorted(collection.queries):
        words = [w for w in collection.queries[n].lower().split() if w.isalpha()]
        for i, word in enumerate(words):
            stems = [t.text for t in analyzer(word)]
            if len(word) >= 5 and stems and discover._frequency(reader, stems[0]) > WELL_HELD:
                typed = slip(word, rng)
                if typed != word:
                    found.append(
                        (
                            " ".join([*words[max(0, i - 1) : i], typed, *words[i + 1 : i + 2]]),
                            word,
                            min(i, 1),
                        )
                    )
    rng.shuffle(found)
    return found[:PER_COLLECTION]


def score(archive: Archive, tries: list[tuple[str, str, int]]) -> Counter[str]:
    gen = archive._current()
    analyzer, reader = gen.searcher.schema["body"].analyzer, gen.searcher.reader()
    counts: Counter[str] = Counter()
    for typed, meant, at in tries:
        typo = typed.split()[at]
        stems = [t.text for t in analyzer(typo)]
        if stems and discover._frequency(reader, stems[0]) > WELL_HELD:
            counts["typo a well-held word"] += 1
            continue
        suggestion = archive.suggest(typed)
        given = (
            suggestion.text.split()[at]
            if suggestion and len(suggestion.text.split()) > at
            else None
        )
        if given is None:
            counts["no suggestion"] += 1
        elif [t.text for t in analyzer(given)] == [t.text for t in analyzer(meant)]:
            counts["right"] += 1
        else:
            counts["wrong"] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--shared", type=Path, default=judged.SHARED)
    args = parser.parse_args(argv)
    print("| collection | rule | right | wrong | no suggestion | typo a well-held word |")
    print("|---|---|---|---|---|---|")
    for name in ("cranfield", "cisi", "cacm"):
        collection = judged.read(name, args.shared)
        if collection is None:
            continue
        folder = WORK / f"spelling-{name}"
        judged.write_corpus(collection, folder / "corpus")
        build(folder / "corpus", folder / "index", full=True)
        archive = Archive(folder / "index")
        tries = trials(archive, collection)
        for rule, rare, context in (
            ("unknown words only, commonest", 0, 0),
            ("+ rare words, the other words' say", discover.RARE, discover.CONTEXT),
        ):
            saved = discover.RARE, discover.CONTEXT
            discover.RARE, discover.CONTEXT = rare, context
            try:
                counts = score(Archive(folder / "index"), tries)
            finally:
                discover.RARE, discover.CONTEXT = saved
            print(
                f"| {collection.name} | {rule} | {counts['right']} | {counts['wrong']} "
                f"| {counts['no suggestion']} | {counts['typo a well-held word']} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
