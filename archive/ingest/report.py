"""What an ingest did: each record's outcome with its evidence, and the batch's one-line summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from archive.corpus.amounts import Amount
from archive.ingest.dating import DateGuess
from archive.ingest.suggest import Match


@dataclass
class Outcome:
    """What became of one record: the document written (or that would be), or why it was skipped."""

    origin: str
    path: Path | None = None
    content: str = ""
    skipped: str | None = None
    title: str = ""
    title_evidence: str = ""
    date: DateGuess | None = None
    source: str = ""
    departments: list[Match] = field(default_factory=list)
    programmes: list[Match] = field(default_factory=list)
    organisations: list[Match] = field(default_factory=list)
    amounts: tuple[Amount, ...] = ()
    review: list[str] = field(default_factory=list)
    text: str = ""  # the article's plain text, until it is checked for duplicates
    original: bytes | None = (
        None  # a PDF or Word file, kept beside the document as files/<id><suffix>
    )
    suffix: str = ""

    def describe(self, dry_run: bool = False, full: bool = False) -> list[str]:
        """Say what was done with this record, with the evidence for each suggestion."""
        if self.skipped:
            return [f"skipped {self.origin}: {self.skipped}"]
        verb = "would write" if dry_run else "wrote"
        points = f" ({len(self.review)} point(s) to review)" if self.review else ""
        lines = [f"{verb} {self.path} from {self.origin}{points}"]
        if not full:
            return lines
        lines.append(f"  title: {self.title}  [{self.title_evidence}]")
        if self.date:
            lines.append(
                f"  date: {self.date.date.iso} ({self.date.date.precision})  [{self.date.evidence}]"
            )
        lines.append(f"  source: {self.source}")
        for label, matches in (
            ("departments", self.departments),
            ("programmes", self.programmes),
            ("organisations", self.organisations),
        ):
            if not matches:
                lines.append(f"  {label}: none found")
            for match in matches:
                written = (
                    f" as {', '.join(match.spellings)}"
                    if match.spellings and match.spellings != (match.key,)
                    else ""
                )
                lines.append(f'  {label[:-1]}: {match.key}{written}  ["{match.evidence}"]')
        money = ", ".join(f"{a.text} = {a.value:,} {a.currency}" for a in self.amounts)
        lines.append(f"  amounts: {len(self.amounts)}" + (f": {money}" if money else ""))
        for point in self.review:
            lines.append(f"  review: {point}")
        if dry_run:
            lines.extend(
                ["  ---- the file ----", *("  " + line for line in self.content.splitlines())]
            )
        return lines


@dataclass
class IngestReport:
    records: int = 0
    written: list[Outcome] = field(default_factory=list)
    skipped: list[Outcome] = field(default_factory=list)
    dry_run: bool = False
    seconds: float = 0.0

    @property
    def amounts(self) -> int:
        return sum(len(o.amounts) for o in self.written)

    def summary(self) -> str:
        """Say in one line what the ingest did, with counts."""
        verb = "would write" if self.dry_run else "wrote"
        reviews = sum(1 for o in self.written if o.review)
        kinds: dict[str, int] = {}
        for outcome in self.skipped:
            kind = outcome.skipped.split(":")[0].split(" (")[0] if outcome.skipped else "?"
            kinds[kind] = kinds.get(kind, 0) + 1
        why = f" ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})" if kinds else ""
        rate = self.records / self.seconds if self.seconds else 0.0
        return (
            f"{self.records} record(s): {verb} {len(self.written)} document(s), "
            f"{reviews} with points to review; "
            f"skipped {len(self.skipped)}{why}; {self.amounts} amount(s) found; "
            f"{self.seconds:.1f} s, {rate:.0f} records/s"
        )
