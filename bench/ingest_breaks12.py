"""Score paragraph breaks and titles on the annotated AU samples (breaks and titles round 12).

    python bench/ingest_breaks12.py                   # every development sample, pooled
    python bench/ingest_breaks12.py --samples sealed13   # round 13's sealed one: read once
    python bench/ingest_breaks12.py --standard    # and the standard measure beside

A sample is a YAML file of releases by id (bench/ingest_quality.py's samples, the titles-only
ones of bench/ingest_titles.py, round 12's `sealed10` and `sealed12`, development since, and round
13's sealed `sealed13`). A document has a wrong
break where an annotated join ("A | B": a line ends inside a sentence) stands split, an annotated
break ("| B": a paragraph or an item opens) does not open a paragraph, or a paragraph ends inside
a sentence by its shape (at "Mr." or an initial, or before lower case: bench/ingest_quality.py's
test). Joins and breaks are compared on words (letters and figures), so a margin mark the scan
left ("* Leader", "S the appointment", "O years") counts the same whether ingest keeps it or not;
the standard measure of bench/ingest_quality.py is printed beside for the samples it knows.
Titles are judged as bench/ingest_quality.py judges them.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import ingest_quality  # noqa: E402
from ingest_quality import _split_sentence, _title_right, _tokens, outcomes  # noqa: E402
from ingest_titles import TITLE_SAMPLES  # noqa: E402

from archive.corpus.parse import plain_text  # noqa: E402

ROUND12 = {
    "sealed10": (HERE / "ingest_trial_sealed10.yaml", 281, 40),  # and 41: breaks and titles
    "sealed12": (HERE / "ingest_titles_sealed12.yaml", 281, 42),  # 42 to 45: titles only
    "sealed13": (HERE / "ingest_trial_sealed13.yaml", 293, 7),  # and 8, 9: round 13, read once
}
# a list's item opens its paragraph: a bullet, "3.", "(b)", "ii." (a lone "a." or "t." before lower
# case is the scan's stop after a word, not an item)
_ITEM = re.compile(r"[-*+] |\d{1,2}[.)] |\(?(?:[ivx]{1,4}|[a-z])\) |[ivx]{1,4}\. ")
# round 12's sealed samples were read once at its end: development data since
# a member of Parliament's letters close a name, a byline's or a list's entry, not a sentence
# cut at an initial: "... G. Gorton, M. P." / "The Acting Treasurer ..." (round 13)
_MEMBER = re.compile(r"\bM\.\s?P\.,?$")
DEVELOPMENT = [
    *(n for n in ingest_quality.SAMPLES if n not in ingest_quality.SEALED),
    *TITLE_SAMPLES,
    "sealed10",
    "sealed12",
    "sealed13",  # round 13's sealed one, read once at its end: development data since
]
SEALED = sorted(ingest_quality.SEALED)


def _words(text: str) -> list[str]:
    return [t.casefold() for t in _tokens(text)]


def _heads(entry: str) -> list[list[str]]:
    """Return B's first words, and without a lone margin letter before them if it has one."""
    words = _words(entry)[:5]
    return [words, words[1:5]] if words and len(words[0]) == 1 else [words]


def _at(words: list[str], i: int, part: list[str]) -> bool:
    """Tell whether part stands at words[i:] (its last word may be cut short: "Australia")."""
    got = words[i : i + len(part)]
    return len(got) == len(part) and got[:-1] == part[:-1] and got[-1].startswith(part[-1])


def _runs(words: list[str], part: list[str]) -> bool:
    return any(_at(words, i, part) for i in range(len(words) - len(part) + 1))


def joined(entry: str, paragraphs: list[list[str]]) -> bool:
    """Tell whether "A | B" stands in one paragraph (A closing a paragraph otherwise is wrong)."""
    before, _, after = entry.partition("|")
    tail = _words(before)[-4:]
    if any(_runs(p, tail + head) for p in paragraphs for head in _heads(after) if head):
        return True
    return not any(p[-len(tail) :] == tail for p in paragraphs if tail)  # A gone: furniture


def opened(entry: str, paragraphs: list[list[str]]) -> bool:
    """Tell whether B of "| B" opens a paragraph (bullets and margin letters aside)."""
    heads = [h for h in _heads(entry.partition("|")[2]) if h]
    return any(_at(p, 0, h) for p in paragraphs for h in heads)


def score(name: str, scratch: Path, verbose: bool) -> Counter[str]:
    """Ingest one sample without writing and count its wrong breaks and right titles."""
    row: Counter[str] = Counter()
    for outcome, body, note in outcomes(name, scratch):
        blocks = [
            b
            for p in body.split("\n\n")
            for b in re.split(r"\n(?=[-*+] |\d{1,2}[.)] )", p)
            if b.strip()
        ]
        flat = [" ".join(plain_text(b).split()) for b in blocks]
        items = [bool(_ITEM.match(b)) for b in blocks]
        words = [_words(p) for p in flat]
        wrong = [j for j in note.get("joins") or [] if not joined(j, words)]
        wrong += [b for b in note.get("breaks") or [] if not opened(b, words)]
        joins = {tuple(_words(j.partition("|")[0])[-3:]) for j in note.get("joins") or []}
        wrong += [
            f"{a[-30:]} | {b[:30]}"
            for a, b, item in zip(flat, flat[1:], items[1:])
            if not item
            and _split_sentence(a, b)
            and not _MEMBER.search(a)
            and tuple(_words(a)[-3:]) not in joins
        ]
        row["documents"] += 1
        row["breaks annotated"] += len(note.get("joins") or []) + len(note.get("breaks") or [])
        row["wrong breaks"] += len(wrong)
        row["documents with a wrong break"] += bool(wrong)
        title_ok = _title_right(note, outcome, flat)
        row["titles right"] += title_ok
        if verbose and (wrong or not title_ok):
            print(
                f"  {name} {note['id']}: "
                + "; ".join(
                    part
                    for part in (
                        f"breaks wrong {wrong}" if wrong else "",
                        "" if title_ok else f"title {outcome.title!r}",
                    )
                    if part
                )
            )
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", default=",".join(DEVELOPMENT))
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/breaks12"))
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument(
        "--standard", action="store_true", help="and bench/ingest_quality.py's measure of breaks"
    )
    args = parser.parse_args()
    for name, entry in (TITLE_SAMPLES | ROUND12).items():
        ingest_quality.SAMPLES.setdefault(name, entry)
    total: Counter[str] = Counter()
    print(
        "| sample | releases | documents with a wrong break | wrong breaks | titles right "
        "| wrong breaks, standard measure |"
    )
    print("|---|---|---|---|---|---|")
    lines = []
    for name in args.samples.split(","):
        row = score(name, args.scratch / name, not args.quiet)
        total += row
        standard = ""
        if row["breaks annotated"] and args.standard:
            # bench/ingest_quality.py's measure: joins and breaks compared as strings
            figures = ingest_quality.measure(name, args.scratch / f"{name}-q", verbose=False)
            standard = f"{figures['breaks']:.1%} ({figures['wrong breaks']} breaks)"
            total["standard documents"] += figures["break docs"]
            total["standard breaks"] += figures["wrong breaks"]
            total["standard releases"] += figures["documents"]
        lines.append(f"{_line(name, row)} {standard} |")
    print("\n".join(lines))
    if len(lines) > 1:
        n = total["standard releases"]
        standard = (
            f"{total['standard documents'] / n:.1%} ({total['standard breaks']} breaks, of {n})"
            if n
            else ""
        )
        print(f"{_line('pooled', total)} {standard} |")


def _line(name: str, row: Counter[str]) -> str:
    n = row["documents"]
    wrong = row["documents with a wrong break"]
    breaks = f"{wrong / n:.1%} ({wrong})"
    if not row["breaks annotated"]:
        breaks += ", by shape alone"
    return (
        f"| {name} | {n} | {breaks} | {row['wrong breaks']} | "
        f"{row['titles right'] / n:.1%} ({row['titles right']}) |"
    )


if __name__ == "__main__":
    main()
