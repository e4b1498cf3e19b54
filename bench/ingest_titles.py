"""Score titles alone on the titles-only AU samples (titles round 11).

    python bench/ingest_titles.py dev11        # the development sample, every miss printed
    python bench/ingest_titles.py sealed11     # the sealed one: read once, at the end

Each sample is a YAML file of `title:` (spellings separated by "|") or `title_review: true`
(the record's title is a placeholder: the first words, flagged) per release id; a title is
scored as bench/ingest_quality.py scores it for the full samples.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import ingest_quality  # noqa: E402
from ingest_quality import _title_right, outcomes  # noqa: E402

from archive.corpus.parse import plain_text  # noqa: E402

TITLE_SAMPLES = {
    "dev11": (HERE / "ingest_titles_dev11.yaml", 97, 0),
    "sealed11": (HERE / "ingest_titles_sealed11.yaml", 89, 1),
}


def score(name: str, scratch: Path, verbose: bool = True) -> tuple[int, int]:
    """Ingest one titles sample without writing; return (titles right, releases)."""
    if name in TITLE_SAMPLES:  # the full samples of bench/ingest_quality.py are scored alike
        ingest_quality.SAMPLES.setdefault(name, TITLE_SAMPLES[name])
    right = n = 0
    for outcome, body, note in outcomes(name, scratch):
        blocks = [b for b in body.split("\n\n") if b.strip()]
        paragraphs = [" ".join(plain_text(b).split()) for b in blocks]
        ok = _title_right(note, outcome, paragraphs)
        right += ok
        n += 1
        if verbose and not ok:
            want = note.get("title") or "(first words, flagged)"
            print(f"  {note['id']}: {outcome.title!r}  want {want.split('|')[0]!r}")
    return right, n


def main() -> None:
    names = sys.argv[1:] or ["dev11"]
    for name in names:
        k, r = TITLE_SAMPLES[name][1:]
        right, n = score(name, Path("/tmp") / f"titles-{name}")
        print(f"{name} (int(id) % {k} == {r}): titles right {right}/{n} = {right / n:.1%}")


if __name__ == "__main__":
    main()
