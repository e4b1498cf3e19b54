"""Leave each round-12 rule out, and each development sample out, and read what the rule does.

    python bench/orgs_quality.py              # first: ingests the samples, keeps their texts
    python bench/orgs_ablation.py             # then: each rule off in turn, on those texts

For every rule of archive/ingest/orgedges.py (and the party named alone in orgs.py), the mean
precision and recall over the development samples with the rule and without it; then, leaving
each sample out in turn, whether the other samples' mean would still choose the rule (neither
figure lower, one higher) and what it did on the sample left out. The sealed sample is never read
here. The texts are the Commonwealth of Australia's, under CC BY 3.0 AU.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import orgs_quality as oq  # noqa: E402

from archive.corpus.registry import Registry  # noqa: E402
from archive.ingest import orgedges, orgs  # noqa: E402
from archive.ingest.suggest import Matcher, organisations  # noqa: E402


def _off(module: object, name: str, stand_in: object) -> Callable[[], Iterator[None]]:
    @contextmanager
    def switch() -> Iterator[None]:
        kept = getattr(module, name)
        setattr(module, name, stand_in)
        try:
            yield
        finally:
            setattr(module, name, kept)

    return switch


_LEGAL = r"|Inc(?:orporated)?|Holdings|(?:Co-operative|Cooperative)(?!\s+[A-Z])|NL|Plc|PLC"


@contextmanager
def _no_legal_endings() -> Iterator[None]:
    kept = orgs._ORGANISATION, orgs._ENDING
    orgs._ORGANISATION, orgs._ENDING = (re.compile(p.pattern.replace(_LEGAL, "")) for p in kept)
    try:
        yield
    finally:
        orgs._ORGANISATION, orgs._ENDING = kept


RULES = {
    "dates, programme lines, a person's office": _off(orgedges, "trimmed", lambda name: name),
    "a list of fields after a comma": _off(orgedges, "with_fields", lambda text, name, end: name),
    "a scan's head word mended": _off(orgedges, "mended", lambda text: text),
    "a body by a person's office": _off(orgedges, "by_office", lambda text: iter(())),
    "a name run on past its place": _off(orgedges, "runs_on", lambda name, ending: name),
    "a party named alone": _off(orgedges, "POLITICAL_PARTY", re.compile(r"(?!)")),
    "legal endings (Inc, Holdings, NL, Plc)": _no_legal_endings,
}


def figures(kept: dict[str, dict], matcher: Matcher) -> dict[str, tuple[float, float]]:
    """Return each development sample's precision and recall on its kept texts."""
    rows = {}
    for name, (path, _, _) in oq.DEVELOPMENT.items():
        found = {i: [m.key for m in organisations(t, matcher)] for i, (t, _) in kept[name].items()}
        row = oq.score(found, oq.annotations(path), None)
        rows[name] = (row["precision"], row["recall"])
    return rows


def mean(rows: dict[str, tuple[float, float]], leave: str | None = None) -> tuple[float, float]:
    """Return the mean precision and recall over the samples, one left out if told."""
    kept = [v for k, v in rows.items() if k != leave]
    return sum(p for p, _ in kept) / len(kept), sum(r for _, r in kept) / len(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/au-orgs"))
    args = parser.parse_args()
    kept = {}
    for name in oq.DEVELOPMENT:
        cache = args.scratch / f"{name}.json"
        if not cache.exists():
            sys.exit(f"{cache} is absent: run bench/orgs_quality.py --scratch {args.scratch} first")
        kept[name] = json.loads(cache.read_text("utf-8"))
    matcher = Matcher(Registry.load(HERE.parent / "corpus"), "AU")
    full = figures(kept, matcher)
    p, r = mean(full)
    print(f"all rules: {p:.3f} / {r:.3f}\n")
    head = (
        "rule left out | mean without it | chosen leaving each sample out | on the sample left out"
    )
    print(f"| {head} |")
    print("|---|---|---|---|")
    for rule, switch in RULES.items():
        with switch():
            less = figures(kept, matcher)
        chosen, moved = 0, []
        for sample in full:
            (pw, rw), (po, ro) = mean(full, sample), mean(less, sample)
            if pw >= po and rw >= ro and (pw, rw) != (po, ro):
                chosen += 1
            dp, dr = full[sample][0] - less[sample][0], full[sample][1] - less[sample][1]
            if dp or dr:
                moved.append(f"{sample} {dp:+.2f} / {dr:+.2f}")
        lp, lr = mean(less)
        print(
            f"| {rule} | {lp:.3f} / {lr:.3f} | {chosen} of {len(full)} | "
            f"{'; '.join(moved) or 'no change'} |"
        )
    print(f"\n{oq.quality.ATTRIBUTION}")


if __name__ == "__main__":
    main()
