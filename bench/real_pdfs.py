"""Measure PDF reading on real published PDFs, listed with what a reader must get back in
bench/real_pdfs.yaml, bench/real_pdfs_sealed8.yaml and bench/real_pdfs_sealed9.yaml; the PDFs
are kept outside the repository.

    python bench/real_pdfs.py [--sealed | --set NAME[,NAME]] [--approaches] [--folder DIR]
        [--only NAME]
        REAL_PDFS (or --folder) names the folder holding the PDFs (default /work/realpdfs).
        Each PDF is ingested as a user would (`archive init`, `archive ingest FILE` in a
        temporary archive) and its written document scored: hand-picked sentences whole and in
        order, notes whole anywhere, running heads left in the body, title and date as printed,
        amounts on their page. --approaches also scores each reading approach of
        bench/pdf_extractors.py on the same files (reading order only, in process).
    python bench/real_pdfs.py fetch --clones DIR
        copy each PDF out of local git clones (DIR/<owner>+<name>/repo or DIR/<name>) at the
        manifest's commit: git -C CLONE show COMMIT:PATH > FOLDER/FILE

The development set (`set: dev`) is what rules were chosen on; a sealed set is run once
(`--sealed` is `--set sealed`; `--set sealed3` the third; `--set dev,sealed` both).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from archive.corpus.parse import parse_file  # noqa: E402
from archive.corpus.registry import Registry  # noqa: E402

MANIFEST = ROOT / "bench" / "real_pdfs.yaml"
MANIFESTS = [
    MANIFEST,
    ROOT / "bench" / "real_pdfs_sealed8.yaml",
    ROOT / "bench" / "real_pdfs_sealed9.yaml",
]


def norm(text: str) -> str:
    """Compare text as read: compatibility forms, straight quotes, no soft hyphens or escapes."""
    text = unicodedata.normalize("NFKC", text)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(a, b)
    text = text.replace("\u00ad", "").replace("\\", "").replace("\ufffe", "")
    text = re.sub(r"<!--.*?-->", " ", text)
    return " ".join(text.split())


def score(entry: dict, title: str | None, date: str | None, text: str, amounts) -> dict:
    """Score one document's reading against its manifest entry."""
    body = norm(text)
    in_order = anywhere = cursor = 0
    missed = []
    for sentence in entry.get("sentences") or []:
        want = norm(sentence)
        at = body.find(want, cursor)
        anywhere += want in body
        if at >= 0:
            in_order += 1
            cursor = at + 1
        else:
            missed.append(sentence)
    notes = 0
    for sentence in entry.get("notes") or []:
        if norm(sentence) in body:
            notes += 1
        else:
            missed.append(sentence)
    heads = sum(_leaked(h, body) for h in entry.get("heads") or [])
    titles = [norm(t).lower() for t in entry.get("title") or []]
    dates = [str(d) for d in entry.get("date") or []]
    found = {(a.value, a.page) for a in amounts}
    want_amounts = [(a["value"], a["page"]) for a in entry.get("amounts") or []]
    return {
        "sentences": len(entry.get("sentences") or []) + len(entry.get("notes") or []),
        "intact": in_order + notes,
        "anywhere": anywhere + notes,
        "heads": heads,
        "title": None if not titles else norm(title or "").lower() in titles,
        "date": None if not dates else str(date) in dates,
        "amounts": len(want_amounts),
        "amounts_right": sum(1 for a in want_amounts if a in found),
        "missed": missed,
        "got_title": title,
        "got_date": date,
    }


def _leaked(head: str | dict, body: str) -> int:
    """Count a head's matches in the body past those the manifest allows (a title printed once)."""
    if isinstance(head, dict):
        return max(0, len(re.findall(head["re"], body)) - int(head.get("allow", 0)))
    return len(re.findall(head, body))


def load_entries() -> list[dict]:
    """Read every manifest's documents, in order."""
    entries: list[dict] = []
    for manifest in MANIFESTS:
        entries += yaml.safe_load(manifest.read_text())["documents"]
    return entries


def ingest(paths: list[Path]) -> dict[Path, object]:
    """Ingest each PDF with the CLI into one new archive; return its document by PDF."""
    work = Path(tempfile.mkdtemp(prefix="real-pdfs-"))
    archive = [str(Path(sys.executable).with_name("archive")), "--root", str(work)]
    subprocess.run([archive[0], "init", str(work)], check=True, capture_output=True)
    registry = Registry.load(work / "corpus")
    documents = {}
    for path in paths:
        before = set((work / "corpus").rglob("*.md"))
        started = time.perf_counter()
        run = subprocess.run([*archive, "ingest", str(path)], capture_output=True, text=True)
        seconds = time.perf_counter() - started
        written = sorted(set((work / "corpus").rglob("*.md")) - before)
        if run.returncode or not written:
            print(f"{path.name}: ingest failed: {run.stdout[-400:]} {run.stderr[-400:]}")
            continue
        documents[path] = (parse_file(written[0], registry), seconds)
    return documents


def main(argv: list[str]) -> None:
    folder = Path(os.environ.get("REAL_PDFS", "/work/realpdfs"))
    if "--folder" in argv:
        folder = Path(argv[argv.index("--folder") + 1])
    entries = load_entries()
    if argv[:1] == ["fetch"]:
        fetch(entries, Path(argv[argv.index("--clones") + 1]), folder)
        return
    wanted = "sealed" if "--sealed" in argv else "dev"
    if "--set" in argv:
        wanted = argv[argv.index("--set") + 1]
    entries = [e for e in entries if e["set"] in wanted.split(",")]
    if "--only" in argv:
        entries = [e for e in entries if e["file"] == argv[argv.index("--only") + 1]]
    missing = [e["file"] for e in entries if not (folder / e["file"]).is_file()]
    if missing:
        sys.exit(f"not in {folder}: {', '.join(missing)} (python bench/real_pdfs.py fetch)")
    documents = ingest([folder / e["file"] for e in entries])
    print(f"{wanted} set, {len(entries)} PDFs in {folder}, read by `archive ingest`\n")
    print(
        "| document | sentences intact, in order | whole anywhere | running heads left "
        "| title | date | amounts on their page | s |"
    )
    print("|---|---|---|---|---|---|---|---|")
    total: Counter[str] = Counter()
    for entry in entries:
        got = documents.get(folder / entry["file"])
        if got is None:
            print(f"| {entry['file']} | failed | | | | | | |")
            continue
        document, seconds = got
        r = score(entry, document.title, document.date.iso, document.text, document.amounts)
        _row(entry["file"], r, seconds, total)
        if "-v" in argv:
            for sentence in r["missed"]:
                print(f"    missed: {sentence[:110]}")
            print(f"    title: {r['got_title']!r}  date: {r['got_date']}")
    _total("all", total)
    if "--approaches" in argv:
        approaches(entries, folder)


def _row(name: str, r: dict, seconds: float, total: Counter[str]) -> None:
    def mark(value: bool | None) -> str:
        return "n/a" if value is None else ("right" if value else "wrong")

    print(
        f"| {name} | {r['intact']} of {r['sentences']} | {r['anywhere']} | {r['heads']} "
        f"| {mark(r['title'])} | {mark(r['date'])} | {r['amounts_right']} of {r['amounts']} "
        f"| {seconds:.1f} |"
    )
    for key in ("sentences", "intact", "anywhere", "heads", "amounts", "amounts_right"):
        total[key] += r[key]
    for key in ("title", "date"):
        if r[key] is not None:
            total[key + "s"] += 1
            total[key + "s_right"] += r[key]


def _total(name: str, t: Counter[str]) -> None:
    share = t["intact"] / max(t["sentences"], 1)
    amounts = t["amounts_right"] / max(t["amounts"], 1)
    print(
        f"| **{name}** | **{share:.1%}** ({t['intact']} of {t['sentences']}) | {t['anywhere']} "
        f"| {t['heads']} | {t['titles_right']} of {t['titles']} | {t['dates_right']} of "
        f"{t['dates']} | {amounts:.0%} ({t['amounts_right']} of {t['amounts']}) | |"
    )


def approaches(entries: list[dict], folder: Path) -> None:
    """Score each approach of bench/pdf_extractors.py on the same PDFs, in process."""
    from pdf_extractors import APPROACHES

    from archive.ingest.papers import from_pages
    from archive.ingest.pdf import read_pdf

    print(
        "\n| approach | sentences intact, in order | running heads left | titles | dates "
        "| ms a page |"
    )
    print("|---|---|---|---|---|---|")
    for name, extract in APPROACHES.items():
        total: Counter[str] = Counter()
        for entry in entries:
            path = folder / entry["file"]
            info = read_pdf(path.read_bytes()).info
            started = time.perf_counter()
            pages = extract(path)
            article, found = from_pages(pages, info, None)
            total["seconds"] += time.perf_counter() - started
            total["pages"] += len(pages)
            r = score(entry, found.title, str(found.date), article.text, ())
            _row_quiet(r, total)
        share = total["intact"] / max(total["sentences"], 1)
        print(
            f"| {name} | {share:.1%} ({total['intact']} of {total['sentences']}) "
            f"| {total['heads']} | {total['titles_right']} of {total['titles']} "
            f"| {total['dates_right']} of {total['dates']} "
            f"| {1000 * total['seconds'] / max(total['pages'], 1):.0f} |"
        )


def _row_quiet(r: dict, total: Counter[str]) -> None:
    for key in ("sentences", "intact", "heads"):
        total[key] += r[key]
    for key in ("title", "date"):
        if r[key] is not None:
            total[key + "s"] += 1
            total[key + "s_right"] += r[key]


def fetch(entries: list[dict], clones: Path, folder: Path) -> None:
    """Copy each listed PDF out of a local clone of its repository at the listed commit."""
    folder.mkdir(parents=True, exist_ok=True)
    for entry in entries:
        owner, name = entry["repo"].split("/")
        for clone in (
            clones / f"{owner}+{name}" / "repo",
            clones / f"{owner}+{name}",
            clones / name,
        ):
            if clone.is_dir():
                break
        else:
            print(f"{entry['file']}: no clone of {entry['repo']} in {clones}")
            continue
        data = subprocess.run(
            ["git", "-C", str(clone), "show", f"{entry['commit']}:{entry['path']}"],
            capture_output=True,
        )
        if data.returncode:
            print(f"{entry['file']}: {data.stderr.decode().strip()}")
            continue
        (folder / entry["file"]).parent.mkdir(parents=True, exist_ok=True)
        (folder / entry["file"]).write_bytes(data.stdout)
        print(f"{entry['file']}: {len(data.stdout):,} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
