"""Earlier texts of a document, kept beside it in the corpus, and the words changed between two.

When a followed page returns different text, the new text becomes the document and the old file is
kept whole as corpus/versions/<id>/<day fetched>.md, so nothing the archive once held is lost.
"""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path
from typing import Any

from archive.corpus.parse import FRONT_MATTER, plain_text

FOLDER = "versions"
_FETCHED = re.compile(r'^fetched:\s*"?(\d{4}-\d{2}-\d{2})"?\s*$', re.MULTILINE)
_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}(?:-\d{1,3})?$")
MAX_VERSIONS = 50  # kept per document: the oldest go first past this
MAX_DIFF_WORDS = 200_000


def keep(corpus_dir: Path, doc_id: str, replaced_on: str) -> Path:
    """Keep a document's present file as a version named by the day it was fetched; return it."""
    current = corpus_dir / f"{doc_id}.md"
    content = current.read_text("utf-8")
    found = _FETCHED.search(content.split("\n---", 1)[0])
    day = found.group(1) if found else replaced_on
    folder = corpus_dir / FOLDER / doc_id
    folder.mkdir(parents=True, exist_ok=True)
    name, n = day, 1
    while (folder / f"{name}.md").exists():
        n += 1
        name = f"{day}-{n}"
    target = folder / f"{name}.md"
    shutil.copyfile(current, target)
    for old in sorted(folder.glob("*.md"))[:-MAX_VERSIONS]:
        old.unlink()
    return target


def listed(corpus_dir: Path, doc_id: str) -> list[dict[str, Any]]:
    """Return a document's kept versions, oldest first: each its name, day fetched and body."""
    folder = corpus_dir / FOLDER / doc_id
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.md")):
        if not _NAME.match(path.stem):
            continue
        try:
            content = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        match = FRONT_MATTER.match(content)
        found.append(
            {
                "name": path.stem,
                "date": path.stem[:10],
                "body": content[match.end() :] if match else content,
            }
        )
    return found


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Compare two Markdown texts word by word: (op, words) with op "same", "removed" or "added"."""
    a, b = plain_text(old).split()[:MAX_DIFF_WORDS], plain_text(new).split()[:MAX_DIFF_WORDS]
    parts: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            parts.append(("added", " ".join(b[j1:j2])))
    return parts
