"""Which labelled part of bench/money_roles*.csv a document's amounts belong to.

Each part is a slice of the sources drawn by a hash or by the release's number, labelled in its
round (docs/money.md says which were sealed and when each was read); a release belongs to the
first part that takes it, in the order bench/money_roles.py asks. Kept apart from the scoring so
that both stay short.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The sixth round's sealed part (au12, pdfs12), labelled before any code changed.
SEALED6_LABELS = ROOT / "bench" / "money_roles_sealed6.csv"
# The seventh round's sealed part (au15), labelled before any code changed.
SEALED7_LABELS = ROOT / "bench" / "money_roles_sealed7.csv"

SEALED_SHARE = 30  # per cent of documents, chosen by a hash of the document id


def sealed(source: str, doc_id: str) -> bool:
    """Tell whether a document's amounts belong to the sealed part."""
    digest = hashlib.sha256(f"{source}:{doc_id}".encode()).digest()
    return digest[0] * 100 // 256 < SEALED_SHARE


def _earlier(doc_id: str) -> bool:
    return any(part(doc_id) for part in (_au_sampled, fresh, third, fourth, fifth))


def more(doc_id: str) -> bool:
    """Tell whether a release is in the second labelled (cross-validated) part, drawn for issue 22's
    second round by a hash no earlier part used."""
    return not _earlier(doc_id) and hashlib.sha256(f"more:{doc_id}".encode()).digest()[0] < 26


def sealed6(doc_id: str) -> bool:
    """Tell whether a release is in the sixth sealed part: labelled blind, scored once, last."""
    return (
        not _earlier(doc_id)
        and not more(doc_id)
        and hashlib.sha256(f"seal6:{doc_id}".encode()).digest()[0] < 10
    )


def sealed8(doc_id: str) -> bool:
    """Tell whether a release is in the seventh sealed part (issue 22's third round): a slice by
    number no earlier part used, labelled blind before any code changed, scored once, last."""
    return int(doc_id) % 29 in (3, 11)


def sealed10(doc_id: str) -> bool:
    """Tell whether a release is in the fourth round's sealed part (another slice by number)."""
    return int(doc_id) % 29 in (7, 19)


def sealed11(doc_id: str) -> bool:
    """Tell whether a release is in the fifth round's sealed part (a slice by a prime, 31, that no
    earlier part used; the releases of earlier parts are taken by them first)."""
    return int(doc_id) % 31 in (5, 13, 22)


def sealed12(doc_id: str) -> bool:
    """Tell whether a release is in the sixth round's sealed part (a slice by 37, a prime no
    earlier part used; releases of earlier parts are taken by them first, and releases that an
    ingest sample (bench/*.yaml) reads are left out)."""
    if int(doc_id) % 37 not in (4, 21):
        return False
    # The releases labelled stay in it when a later ingest sample reads them too (the labels
    # file defines the part once written: other helpers' samples grow after it).
    return doc_id not in _ingest_sampled() or doc_id in labelled("au12")


SEALED15_MODULI = (3, 12, 18, 30)  # modulo 41, a prime no earlier part or ingest sample used


def sealed15(doc_id: str) -> bool:
    """Tell whether a release is in the seventh round's sealed part (au15): a slice by 41 of the
    releases that no labels file (bench/*.csv) and no ingest sample of any branch (bench/*.yaml)
    names. Once its labels are written, they define it (later samples may read its releases)."""
    if SEALED7_LABELS.exists():
        return doc_id in labelled("au15")
    return int(doc_id) % 41 in SEALED15_MODULI and doc_id not in _named_anywhere()


_NAMED: set[str] = set()


def _named_anywhere() -> set[str]:
    """Return every AU release id that a labels file or an ingest sample names, on any branch."""
    if not _NAMED:
        import subprocess

        _NAMED.update(_ingest_sampled())
        for path in (ROOT / "bench").glob("*.csv"):
            with path.open() as f:
                _NAMED.update(r["doc_id"] for r in csv.DictReader(f) if r["source"][:2] == "au")
        branches = subprocess.run(
            ["git", "-C", str(ROOT), "branch", "--format=%(refname:short)"],
            capture_output=True,
            text=True,
        ).stdout.split()
        for branch in branches:
            names = subprocess.run(
                ["git", "-C", str(ROOT), "ls-tree", "--name-only", branch, "bench/"],
                capture_output=True,
                text=True,
            ).stdout.split()
            for name in names:
                if name.endswith(".yaml"):
                    shown = subprocess.run(
                        ["git", "-C", str(ROOT), "show", f"{branch}:{name}"],
                        capture_output=True,
                        text=True,
                    ).stdout
                    _NAMED.update(re.findall(r"^'?(\d+)'?:", shown, flags=re.M))
    return _NAMED


def labelled(source: str) -> set[str]:
    """Return the release ids a part's labels name (this round's parts, once labelled)."""
    if not _LABELLED:
        for path in (ROOT / "bench" / "money_roles.csv", SEALED6_LABELS, SEALED7_LABELS):
            if path.exists():
                with path.open() as f:
                    for r in csv.DictReader(f):
                        _LABELLED.setdefault(r["source"], set()).add(r["doc_id"])
        _LABELLED.setdefault("", set())  # read once, even with no labels
    return _LABELLED.get(source, set())


_LABELLED: dict[str, set[str]] = {}


def others(doc_id: str) -> bool:
    """Tell whether a release is in the sixth round's development part of others' money: a
    hash's share of the releases no earlier part holds, outside the sealed slice by 37."""
    return doc_id in labelled("au13") or (
        int(doc_id) % 37 not in (4, 21)
        and doc_id not in _ingest_sampled()
        and hashlib.sha256(f"others:{doc_id}".encode()).digest()[0] < 80
    )


def levels(doc_id: str) -> bool:
    """Tell whether a release is in the sixth round's development part of levels and rates
    (prices, wages, incomes against rates per person and thresholds), drawn as `others`."""
    return doc_id in labelled("au14") or (
        int(doc_id) % 37 not in (4, 21)
        and doc_id not in _ingest_sampled()
        and hashlib.sha256(f"levels:{doc_id}".encode()).digest()[0] < 60
    )


# Levels and rates: statistics (a price, a wage, an income) and others (a rate, a threshold) are
# written alike, "$X a week". au14 labels amounts in such sentences, to tell them apart.
_LEVELS = re.compile(
    r"\b(?:a|per)\s+(?:week|fortnight|month|year|annum|hour|day|head|person|tonne|barrel|litre)\b|"
    r"\b(?:incomes?|earn\w*|wages?|salar\w+|prices?|threshold|limit|cap|rate)\b",
    re.I,
)


# Money of others written as ours is given: a company's, a university's, the opposition's, a
# State's or another country's. au13 labels amounts in such sentences, to learn them.
_OTHERS = re.compile(
    r"\b(?:Ltd|Limited|Pty|Inc|Corporation|compan(?:y|ies)|University|Foundation|industry|"
    r"private\s+sector|Labor(?!\s+Government)|Opposition|the\s+Coalition(?!\s+Government)|"
    r"(?:State|Queensland|Victorian|NSW|Tasmanian|South\s+Australian|Western\s+Australian|"
    r"Territory)\s+Government|Premier|New\s+Zealand|donat\w+|appeal|sponsor\w*|philanthrop\w+)\b"
)


_INGEST_IDS: set[str] = set()


def _ingest_sampled() -> set[str]:
    """Return the AU release ids that the ingest and organisation samples (bench/*.yaml) hold."""
    if not _INGEST_IDS:
        for path in (ROOT / "bench").glob("*.yaml"):
            _INGEST_IDS.update(re.findall(r"^'?(\d+)'?:", path.read_text(), flags=re.M))
        _INGEST_IDS.add("")  # read once, even when no sample holds an id
    return _INGEST_IDS


def grown(doc_id: str) -> bool:
    """Tell whether a release is in the third round's development part (another slice by number)."""
    return int(doc_id) % 29 in (17, 23)


_RARER = re.compile(
    r"\b(?:cost|price|total|includ|of which|part of|comprising|cut|sav(?:e|ing)|reduc|withdr|"
    r"scrap|abolish|GDP|trade|export|econom|debt|deficit|worth|market|industry|revenue)",
    re.I,
)


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
