"""Score titles alone on the titles-only AU samples (titles round 11).

    python bench/ingest_titles.py dev11        # the development sample, every miss printed
    python bench/ingest_titles.py dev          # every development sample (round 14), each miss
    python bench/ingest_titles.py sealed15     # round 15's sealed one: read once, at the end

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
from orgs_quality import written_only  # noqa: E402

from archive.corpus.parse import plain_text  # noqa: E402

TITLE_SAMPLES = {
    "dev11": (HERE / "ingest_titles_dev11.yaml", 97, 0),
    "sealed11": (HERE / "ingest_titles_sealed11.yaml", 89, 1),
}
# rounds 12 and 13's sealed samples (read once each, development since round 14)
LATER = {
    "sealed10": (HERE / "ingest_trial_sealed10.yaml", 281, "40 or 41"),
    "sealed12": (HERE / "ingest_titles_sealed12.yaml", 281, "42 to 45"),
    "sealed13": (HERE / "ingest_trial_sealed13.yaml", 293, "7 to 9"),
    # round 14's sealed sample, read once at its end; developed on in round 15
    "sealed14": (HERE / "ingest_titles_sealed14.yaml", 433, "5 to 8"),
}
# round 15's sealed sample (titles of bench/orgs_sealed15.yaml's releases): read once, at the end
SEALED = {"sealed15": (HERE / "ingest_titles_sealed15.yaml", 461, "3 to 10")}


def score(name: str, scratch: Path, verbose: bool = True) -> tuple[int, int, int]:
    """Ingest one titles sample without writing; return (right, releases, wrong but flagged)."""
    known = TITLE_SAMPLES | LATER | SEALED
    if name in known:  # the full samples of bench/ingest_quality.py are scored alike
        path, k, r = known[name]
        # a release ingest does not write (`duplicate_of` another) is not scored
        kept = written_only(path, scratch.with_name(scratch.name + "-sample"))
        ingest_quality.SAMPLES.setdefault(name, (kept, k, r))
    right = n = flagged = 0
    for outcome, body, note in outcomes(name, scratch):
        blocks = [b for b in body.split("\n\n") if b.strip()]
        paragraphs = [" ".join(plain_text(b).split()) for b in blocks]
        ok = _title_right(note, outcome, paragraphs)
        right += ok
        n += 1
        # a wrong title ingest flags for review is still wrong; counted apart, as a reader's cue
        mark = not ok and any("title" in point for point in outcome.review)
        flagged += mark
        if verbose and not ok:
            want = note.get("title") or "(first words, flagged)"
            print(
                f"  {note['id']}: {outcome.title!r}  want {want.split('|')[0]!r}"
                + (" (flagged)" if mark else "")
            )
    return right, n, flagged


def main() -> None:
    names = sys.argv[1:] or ["dev11"]
    if names == ["dev"]:
        names = [*ingest_quality.SAMPLES, *TITLE_SAMPLES, *LATER]
    every = ingest_quality.SAMPLES | TITLE_SAMPLES | LATER | SEALED
    total = [0, 0, 0]
    for name in names:
        k, r = every[name][1:]
        right, n, flagged = score(name, Path("/tmp") / f"titles-{name}")
        total[0] += right
        total[1] += n
        total[2] += flagged
        print(
            f"{name} (int(id) % {k} == {r}): titles right {right}/{n} = {right / n:.1%}"
            f" (wrong but flagged: {flagged})"
        )
    if len(names) > 1:
        print(
            f"all {len(names)} samples: titles right {total[0]}/{total[1]}"
            f" = {total[0] / total[1]:.1%} (wrong but flagged: {total[2]})"
        )


if __name__ == "__main__":
    main()
