"""Score the amount roles against the hand-labelled set (bench/money_roles.csv).

    python bench/money_roles.py score            # the dev part: figures per role
    python bench/money_roles.py score --sealed   # the sealed part, read only at the end
    python bench/money_roles.py list [--sealed]  # each amount with its sentence, for labelling

The labels name an amount by source, document id, the amount's text and its occurrence among
amounts of that text in the document; the sentences are read again from the sources at run
time (the AU releases from ../shared/corpora, never copied into the project).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
SEALED_SHARE = 30  # per cent of documents, chosen by a hash of the document id


def sealed(source: str, doc_id: str) -> bool:
    """Tell whether a document's amounts belong to the sealed part."""
    digest = hashlib.sha256(f"{source}:{doc_id}".encode()).digest()
    return digest[0] * 100 // 256 < SEALED_SHARE


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
                if _au_sampled(record["id"]):
                    yield "au", record["id"], record["text"], "AUD"
                elif fresh(record["id"]):
                    yield "au2", record["id"], record["text"], "AUD"
                elif third(record["id"]):
                    yield "au3", record["id"], record["text"], "AUD"
                elif fourth(record["id"]):
                    yield "au4", record["id"], record["text"], "AUD"
                elif fifth(record["id"]):
                    yield "au5", record["id"], record["text"], "AUD"


def _au_sampled(doc_id: str) -> bool:
    return hashlib.sha256(f"sample:{doc_id}".encode()).digest()[0] < 9  # about 300 releases


def fifth(doc_id: str) -> bool:
    """Tell whether a release is in the fifth sealed part, drawn after the fourth was scored."""
    return (
        not _au_sampled(doc_id)
        and not fresh(doc_id)
        and not third(doc_id)
        and not fourth(doc_id)
        and hashlib.sha256(f"fifth:{doc_id}".encode()).digest()[0] < 4
    )


def fourth(doc_id: str) -> bool:
    """Tell whether a release is in the fourth sealed part, drawn after the third was scored."""
    return (
        not _au_sampled(doc_id)
        and not fresh(doc_id)
        and not third(doc_id)
        and hashlib.sha256(f"fourth:{doc_id}".encode()).digest()[0] < 4
    )


def third(doc_id: str) -> bool:
    """Tell whether a release is in the third sealed part, drawn after the second was scored."""
    return (
        not _au_sampled(doc_id)
        and not fresh(doc_id)
        and hashlib.sha256(f"third:{doc_id}".encode()).digest()[0] < 4
    )


def fresh(doc_id: str) -> bool:
    """Tell whether a release is in the second sealed part, drawn after the first was scored."""
    return not _au_sampled(doc_id) and hashlib.sha256(f"fresh:{doc_id}".encode()).digest()[0] < 4


def rows(text: str, dollar: str) -> list[dict]:
    """Return the amounts of a text with their roles, as the build reads them."""
    return assign_roles(text, link_parts(text, extract_amounts(text, dollar=dollar)))


def keyed(found: list[dict]) -> Iterator[tuple[int, dict]]:
    seen: Counter[str] = Counter()
    for row in found:
        seen[row["text"]] += 1
        yield seen[row["text"]], row


def labels_by_key() -> dict[tuple[str, str, str, int], str]:
    """Read the hand labels: (source, document id, amount as written, occurrence) to role."""
    labels = {}
    if LABELS.exists():
        with LABELS.open() as f:
            for r in csv.DictReader(f):
                labels[(r["source"], r["doc_id"], r["amount"], int(r["n"]))] = r["role"]
    return labels


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("score", "list"))
    parser.add_argument(
        "--sealed", action="store_true", help="the first sealed part (a third of the documents)"
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="the second sealed part, drawn after the first was read",
    )
    parser.add_argument(
        "--third",
        action="store_true",
        help="the third sealed part, drawn after the second was read",
    )
    parser.add_argument(
        "--fourth",
        action="store_true",
        help="the fourth sealed part, drawn after the third was read",
    )
    parser.add_argument(
        "--fifth", action="store_true", help="the last sealed part, drawn after the fourth was read"
    )
    args = parser.parse_args()
    labels = labels_by_key()
    pairs = []
    later = {"au2": args.fresh, "au3": args.third, "au4": args.fourth, "au5": args.fifth}
    for source, doc_id, text, dollar in documents():
        if any(wanted != (source == part) for part, wanted in later.items()):
            continue
        if source not in later and sealed(source, doc_id) != args.sealed:
            continue
        found = rows(text, dollar)
        for n, row in keyed(
            found[:6] if source == "au" else found[:2] if source in later else found
        ):
            key = (source, doc_id, row["text"], n)
            if args.command == "list":
                mark = labels.get(key, "?")
                # The later parts are listed without the rules' reading: labelled blind.
                read = "" if any(later.values()) else f",{row['role']}"
                print(f"{source},{doc_id},{row['text']!r},{n},{mark}{read}\t{row['sentence']}")
            elif key in labels:
                pairs.append((labels[key], row["role"], key, row["sentence"], row["role_evidence"]))
    if args.command == "score":
        report(pairs)


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
