"""Score the amount roles against the hand-labelled set (bench/money_roles.csv).

    python bench/money_roles.py score [--part P ...] [--rules]  # figures per role (default dev)
    python bench/money_roles.py score --part au15               # the sealed part: once, at the end
    python bench/money_roles.py blind --part P                  # amounts in context, to label

The labels name an amount by source, document id, the amount's text and its occurrence among
amounts of that text in the document; the sentences are read again from the sources at run
time (the AU releases from ../shared/corpora, never copied into the project).
"""

from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import html
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from money_parts import (  # noqa: E402
    _LEVELS,
    _OTHERS,
    _RARER,
    SEALED6_LABELS,
    SEALED7_LABELS,
    _au_sampled,
    fifth,
    fourth,
    fresh,
    grown,
    levels,
    more,
    others,
    sealed,
    sealed6,
    sealed8,
    sealed10,
    sealed11,
    sealed12,
    sealed15,
    third,
)

from archive.corpus.amounts import extract_amounts  # noqa: E402
from archive.corpus.money import link_parts  # noqa: E402
from archive.corpus.parse import plain_text  # noqa: E402
from archive.corpus.roles import ROLES, assign_roles  # noqa: E402

LABELS = ROOT / "bench" / "money_roles.csv"
# ../shared beside the checkout, or beside the worktrees' folder
AU = (
    next(
        (
            p
            for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared")
            if (p / "corpora").exists()
        ),
        ROOT.parent / "shared",
    )
    / "corpora"
    / "au-pm-media-releases.jsonl"
)


def documents() -> Iterator[tuple[str, str, str, str]]:
    """Yield (source, document id, text, dollar) of every labelling source."""
    for folder, source in ((ROOT / "corpus", "seeds"), (ROOT / "tests" / "corpus", "testcorpus")):
        for path in sorted(folder.glob("*.md")):
            if path.stem.isupper() or path.stem == "README":
                continue
            body = path.read_text().split("\n---", 1)[-1]
            yield source, path.stem, plain_text(body), "USD"
    sys.path.insert(0, str(ROOT / "tests"))
    import papers  # the PDF test papers' HTML, printed to PDF by the tests

    for name in dir(papers):
        value = getattr(papers, name)
        if name.endswith("_HTML") and isinstance(value, str):
            text = html.unescape(re.sub(r"<style.*?</style>|<[^>]+>", " ", value, flags=re.S))
            yield "papers", name.lower(), text, "USD"
    if AU.exists():
        with AU.open() as lines:
            for line in lines:
                record = json.loads(line)
                if sealed15(record["id"]):  # first: it holds only releases no label names
                    yield "au15", record["id"], record["text"], "AUD"
                elif _au_sampled(record["id"]):
                    yield "au", record["id"], record["text"], "AUD"
                elif fresh(record["id"]):
                    yield "au2", record["id"], record["text"], "AUD"
                elif third(record["id"]):
                    yield "au3", record["id"], record["text"], "AUD"
                elif fourth(record["id"]):
                    yield "au4", record["id"], record["text"], "AUD"
                elif fifth(record["id"]):
                    yield "au5", record["id"], record["text"], "AUD"
                elif more(record["id"]):
                    yield "au6", record["id"], record["text"], "AUD"
                elif sealed6(record["id"]):
                    yield "au7", record["id"], record["text"], "AUD"
                elif sealed8(record["id"]):
                    yield "au8", record["id"], record["text"], "AUD"
                elif grown(record["id"]):
                    yield "au9", record["id"], record["text"], "AUD"
                elif sealed10(record["id"]):
                    yield "au10", record["id"], record["text"], "AUD"
                elif sealed11(record["id"]):
                    yield "au11", record["id"], record["text"], "AUD"
                elif sealed12(record["id"]):
                    yield "au12", record["id"], record["text"], "AUD"
                elif others(record["id"]):
                    yield "au13", record["id"], record["text"], "AUD"
                elif levels(record["id"]):
                    yield "au14", record["id"], record["text"], "AUD"
    yield from layout_papers()
    for _, stem, text, dollar in real_pdfs():
        yield "pdfs", stem, text, dollar
        yield "pdfs10", stem, text, dollar  # the same papers, other amounts: the fourth seal
        yield "pdfs11", stem, text, dollar  # and others again: the fifth round's seal
        yield "pdfs12", stem, text, dollar  # and others again: the sixth round's seal


def real_pdfs() -> Iterator[tuple[str, str, str, str]]:
    """Yield the text of each real published PDF the PDF bench reads (REAL_PDFS, default
    /work/realpdfs), as the ingest reads it; cached beside them in PDF_TEXT (slow to read)."""
    folder = Path(os.environ.get("REAL_PDFS", "/work/realpdfs"))
    cache = Path(os.environ.get("PDF_TEXT", "/tmp/roles-pdftext"))
    if not folder.exists():
        return
    for path in sorted(folder.glob("*.pdf")):
        kept = cache / f"{path.stem}.txt"
        if kept.exists():
            text = kept.read_text()
        else:
            from archive.ingest.papers import from_pdf
            from archive.ingest.pdf import PdfProblem

            try:
                text = plain_text(from_pdf(path.read_bytes())[0].text)
            except (PdfProblem, RecursionError):
                continue
            cache.mkdir(parents=True, exist_ok=True)
            kept.write_text(text)
        yield "pdfs", path.stem, text, "USD"


def layout_papers() -> Iterator[tuple[str, str, str, str]]:
    """Yield the sentences of the PDF test papers the layout tests print (tests/layouts*.py)."""
    for path in sorted((ROOT / "tests").glob("layouts*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if re.search(r"[£$€]\s?\d", node.value):
                    yield "layouts", f"{path.stem}:{node.lineno}", node.value, "USD"


def _ranked(key: str, found: list[dict], most: int) -> list[dict]:
    ranked = sorted(range(len(found)), key=lambda i: hashlib.sha256(f"{key}:{i}".encode()).digest())
    return [found[i] for i in sorted(ranked[:most])]


def chosen(source: str, doc_id: str, found: list[dict]) -> list[dict]:
    """Return the amounts of a document that its part labels, in text order."""
    if source == "pdfs":  # a few of each paper: three of a sealed one, ten of the others
        if part_of(source, doc_id) == "pdfs8":
            return _ranked(f"seal8:{doc_id}", found, 3)
        return _ranked(f"dev:{doc_id}", found, 10)
    if source == "pdfs10":  # three amounts of each paper that no earlier part labels
        earlier = {id(r) for r in chosen("pdfs", doc_id, found)}
        return _ranked(f"seal10:{doc_id}", [r for r in found if id(r) not in earlier], 3)
    if source == "pdfs11":  # two amounts of each paper that no earlier part labels
        earlier = {id(r) for r in chosen("pdfs", doc_id, found)}
        earlier |= {id(r) for r in chosen("pdfs10", doc_id, found)}
        return _ranked(f"seal11:{doc_id}", [r for r in found if id(r) not in earlier], 2)
    if source == "pdfs12":  # three amounts of each paper that no earlier part labels
        earlier = {
            id(r) for part in ("pdfs", "pdfs10", "pdfs11") for r in chosen(part, doc_id, found)
        }
        return _ranked(f"seal12:{doc_id}", [r for r in found if id(r) not in earlier], 3)
    if source == "au13":  # one amount in a sentence naming another's money, where there is one
        near = [r for r in found if _OTHERS.search(str(r.get("line_sentence", r.get("sentence"))))]
        return _ranked(f"others:{doc_id}", near, 1)
    if source == "au14":  # one amount in a sentence of levels and rates, where there is one
        near = [r for r in found if _LEVELS.search(str(r.get("line_sentence", r.get("sentence"))))]
        return _ranked(f"levels:{doc_id}", near, 1)
    if source == "au11":
        return _ranked(f"seal11:{doc_id}", found, 1)
    if source == "au12":
        return _ranked(f"seal12:{doc_id}", found, 3)
    if source == "au15":
        return _ranked(f"seal15:{doc_id}", found, 2)
    if source == "au8":
        return _ranked(doc_id, found, 2)
    if source == "au10":
        return _ranked(f"seal10:{doc_id}", found, 2)
    if source == "au9":  # amounts near words of the rarer roles first, to learn them better
        near = [
            r for r in found if _RARER.search(str(r.get("line_sentence", r.get("sentence", ""))))
        ]
        return _ranked(f"grow:{doc_id}", near, 3) or _ranked(f"grow:{doc_id}", found, 2)
    if source == "au":
        return found[:6]
    if source in ("au2", "au3", "au4", "au5"):
        return found[:2]
    if source in ("au6", "au7"):  # a few amounts anywhere in the release, not only its headline
        most = 3 if source == "au6" else 2
        ranked = sorted(
            range(len(found)),
            key=lambda i: hashlib.sha256(f"{doc_id}:{i}".encode()).digest(),
        )
        return [found[i] for i in sorted(ranked[:most])]
    return found


def rows(text: str, dollar: str, model: bool = True) -> list[dict]:
    """Return the amounts of a text with their roles, as the build reads them (model: with the
    trained model's revision, where its weights ship; without, the rules alone)."""
    extracted = extract_amounts(text, dollar=dollar)
    found = link_parts(text, extracted)
    for row, amount in zip(found, extracted):  # the sentence as split by lines: picks stay put
        row["line_sentence"] = amount.sentence
    return assign_roles(text, found, model=model)


def corpus_rows(source: str, doc_id: str, model: bool = True) -> tuple[str, list[dict]]:
    """Return a corpus document's text and amounts with their roles, as the build reads them
    (the amounts its front matter lists, which ingest wrote, not only those of its body)."""
    from archive.corpus.parse import parse_file
    from archive.corpus.registry import Registry

    folder = ROOT / ("corpus" if source == "seeds" else "tests/corpus")
    document = parse_file(folder / f"{doc_id}.md", Registry.load(folder))
    found = link_parts(document.text, document.amounts)
    return document.text, assign_roles(document.text, found, model=model)


def keyed(found: list[dict]) -> Iterator[tuple[int, dict]]:
    seen: Counter[str] = Counter()
    for row in found:
        seen[row["text"]] += 1
        yield seen[row["text"]], row


def labels_by_key(sealed: bool = False) -> dict[tuple[str, str, str, int], str]:
    """Read the hand labels: (source, document id, amount as written, occurrence) to role.

    sealed: the sealed part's labels (their own file), read only to score it once, at the end.
    """
    labels = {}
    development = (LABELS, SEALED_LABELS, SEALED5_LABELS, SEALED6_LABELS)
    for path in (SEALED7_LABELS,) if sealed else development:
        if path.exists():
            with path.open() as f:
                for r in csv.DictReader(f):
                    labels[(r["source"], r["doc_id"], r["amount"], int(r["n"]))] = r["role"]
    return labels


PARTS = (
    "dev",
    "sealed1",
    "au2",
    "au3",
    "au4",
    "au5",
    "au6",
    "layouts",
    "au7",
    "au9",
    "pdfs",
    "au8",
    "pdfs8",
    "au10",
    "pdfs10",
    "au11",
    "pdfs11",
    "au12",
    "pdfs12",
    "au13",
    "au14",
    "au15",
)
# The parts read once, at the end: never cross-validated, never tuned on. au7 was read at the
# end of issue 22's second round and is development data since; au8 and pdfs8 are the third
# round's, labelled in their own file before any code changed.
# au10, pdfs10 (the fourth round's) and au11, pdfs11 (the fifth's) were each read once at the end
# of their round and are development data since the sixth round; its own sealed part, au12 and
# pdfs12, is read once, at the end.
# au12 and pdfs12 (the sixth round's) were read at its end and are development data since the
# seventh; its own sealed part, au15 (bench/money_roles_sealed7.csv), is read once, at the end.
SEALED = ("au15",)
SEALED_LABELS = ROOT / "bench" / "money_roles_sealed.csv"
# The fifth round's sealed part (au11, pdfs11), labelled before any code changed; au10 and pdfs10
# were read once at the end of the fourth round and are spent (kept out of tuning all the same).
SEALED5_LABELS = ROOT / "bench" / "money_roles_sealed5.csv"


def part_of(source: str, doc_id: str) -> str:
    """Name the part of the labelled set a document's amounts belong to."""
    if source in ("seeds", "testcorpus", "papers", "au"):
        return "sealed1" if sealed(source, doc_id) else "dev"
    if source == "pdfs":
        return "pdfs8" if hashlib.sha256(f"seal8:{doc_id}".encode()).digest()[0] < 100 else "pdfs"
    return source


def amounts(
    parts: set[str], model: bool = True, keys: frozenset = frozenset()
) -> Iterator[tuple[str, tuple[str, str, str, int], str, list[dict], int]]:
    """Yield (part, key, text, found, index) for every amount of the parts that is labelled
    (keys: labelled amounts yielded even where the pick moved, as when the reader finds more)."""
    for source, doc_id, text, dollar in documents():
        part = part_of(source, doc_id)
        if part not in parts:
            continue
        if source in ("seeds", "testcorpus"):  # as the build reads them: their own amounts
            text, found = corpus_rows(source, doc_id, model)
        else:
            found = rows(text, dollar, model)
        picked = {id(row) for row in chosen(source, doc_id, found)}
        for index, (n, row) in enumerate(keyed(found)):
            if id(row) in picked or (source, doc_id, row["text"], n) in keys:
                yield part, (source, doc_id, row["text"], n), text, found, index


def context(text: str, row: dict, width: int = 260) -> str:
    """Show an amount in its paragraph, marked, for labelling from the text alone."""
    at = text.find(row["text"])
    sentence = row.get("sentence") or ""
    if sentence and sentence in text:
        at = text.find(row["text"], text.find(sentence))
    if at < 0:
        return sentence
    low = max(0, at - width)
    high = min(len(text), at + len(row["text"]) + width // 2)
    return " ".join(
        (text[low:at] + "[[" + row["text"] + "]]" + text[at + len(row["text"]) : high]).split()
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("score", "list", "blind"))
    parser.add_argument(
        "--part",
        action="append",
        choices=PARTS,
        help="which labelled part (default: dev); blind lists a part without the rules' reading",
    )
    parser.add_argument(
        "--rules", action="store_true", help="the rules alone, without the trained model"
    )
    args = parser.parse_args()
    wanted = set(args.part or ["dev"])
    labels = labels_by_key(sealed=bool(wanted & set(SEALED)))
    pairs = []
    keys = frozenset(k for k in labels if k[0] in wanted)
    seen = set()
    for _, key, text, found, index in amounts(wanted, model=not args.rules, keys=keys):
        seen.add(key)
        row = found[index]
        if args.command == "blind":
            # Listed without the rules' reading, for labelling from the text alone.
            mark = labels.get(key, "?")
            print(f"{key[0]},{key[1]},{key[2]!r},{key[3]},{mark}\t{context(text, row)}")
        elif args.command == "list":
            mark = labels.get(key, "?")
            print(f"{key[0]},{key[1]},{key[2]!r},{key[3]},{mark},{row['role']}\t{row['sentence']}")
        elif key in labels:
            pairs.append((labels[key], row["role"], key, row["sentence"], row["role_evidence"]))
    if args.command == "score":
        report(pairs)
        unread = sorted(keys - seen)
        if unread:  # labelled amounts the reader does not find (a currency it does not read)
            print(f"{len(unread)} labelled amounts not read: {unread}")


def report(pairs: list) -> None:
    print(f"{len(pairs)} amounts")
    print(f"{'role':<10} {'labelled':>8} {'found':>6} {'precision':>9} {'recall':>7}")
    for role in ROLES:
        truth = sum(1 for t, _, *_ in pairs if t == role)
        said = sum(1 for _, p, *_ in pairs if p == role)
        right = sum(1 for t, p, *_ in pairs if t == p == role)
        precision = right / said if said else float("nan")
        recall = right / truth if truth else float("nan")
        print(f"{role:<10} {truth:>8} {said:>6} {precision:>9.2f} {recall:>7.2f}")
    right = sum(1 for t, p, *_ in pairs if t == p)
    print(f"accuracy {right / len(pairs):.3f}" if pairs else "no labelled amounts")
    for t, p, key, sentence, evidence in pairs:
        if t != p:
            print(f"  {key[2]} labelled {t}, read {p} ({evidence}): {sentence[:200]}")


if __name__ == "__main__":
    main()
