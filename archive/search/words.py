"""Plain words as people type them: most of the words required, registry names understood.

A query of plain words (no quotes, fields, wildcards or AND/OR/NOT) is read here rather than
by Whoosh's parser: one or two words must all be present; from three words on, any of them
(`required`: measured, docs/relevance.md), ranked so that documents holding more come first;
question words ("how", "did", "which") are left out of long queries; a department or programme
named by any of its names also matches the documents filed under it. Every number here was
chosen by `bench/relevance.py` (docs/relevance.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from whoosh import query
from whoosh.analysis import Analyzer
from whoosh.matching import FilterMatcher
from whoosh.reading import IndexReader

from archive.corpus.registry import Registry
from archive.search import compounds

# The title's weight against the body's in BM25F (the body's is 1).
TITLE_BOOST = 2.5
# A document filed under a department or programme the query names scores this much for each
# word of the name (a word in its text scores about 1 to 5).
REGISTRY_BOOST = 2.0
# Words required of n: all of one or two, two of three up to LONG, then any one (from LONG = 3
# on, any one of three words or more): a relevant document may hold only one of a question's
# words. Requiring one in five cost CISI and CACM a quarter of their MAP, requiring two of three
# words a third of it on three-word questions (docs/relevance.md).
REQUIRED = {1: 1, 2: 2}
LONG = 3
# A word typed several times in a question weighs that many times (BM25's query-term frequency).
REPEATS = True
# Words of a question that say nothing of its subject. In a query of three words or more they
# are left out (the reading shows what was searched); a query of one or two keeps them.
FILLER = frozenset(
    """
    about above after again all also am any anyone anything been before being both but could
    did do does doing done each else ever every few had has having he her here hers him his how
    however i i'm into its just me might mine more most much must my no nor now only other our
    ours own same shall she should so some such than then there these they those through too
    under until very was were what whatever when where whether which while who whom whose why
    would
""".split()
)


def required(words: int) -> int:
    """Return how many of a query's distinct words a document must hold."""
    if words in REQUIRED:
        return min(words, REQUIRED[words])
    return 1 if words >= LONG else 2


def most_words_text(most_words: tuple[int, int]) -> str:
    """Say how many words a result holds at least: "documents with at least 2 of your 4 words"."""
    if most_words[0] == 1:
        return f"documents with any of your {most_words[1]} words"
    return f"documents with at least {most_words[0]} of your {most_words[1]} words"


class AtLeast(query.CompoundQuery):
    """Match documents holding at least `minimum` of the subqueries, or any of `phrases`; score
    them as their OR does (the phrases only raise the documents holding them: ranking.py)."""

    JOINT = " OR "

    def __init__(
        self,
        subqueries: Sequence[query.Query],
        minimum: int,
        boost: float = 1.0,
        phrases: Sequence[query.Query] = (),
    ):
        super().__init__(list(subqueries), boost=boost)
        self.minimum = minimum
        self.phrases = tuple(phrases)

    def __eq__(self, other: object) -> bool:
        return (
            super().__eq__(other)
            and isinstance(other, AtLeast)
            and self.minimum == other.minimum
            and self.phrases == other.phrases
        )

    def __hash__(self) -> int:
        return super().__hash__() ^ hash(self.minimum) ^ hash(self.phrases)

    def __repr__(self) -> str:
        more = f", phrases={list(self.phrases)!r}" if self.phrases else ""
        return f"AtLeast({self.subqueries!r}, {self.minimum}{more})"

    def apply(self, fn):  # type: ignore[no-untyped-def]
        return AtLeast(
            [fn(q) for q in self.subqueries],
            self.minimum,
            self.boost,
            [fn(q) for q in self.phrases],
        )

    def normalize(self) -> query.Query:
        return AtLeast(
            [q.normalize() for q in self.subqueries],
            self.minimum,
            self.boost,
            [q.normalize() for q in self.phrases],
        )

    def matcher(self, searcher, context=None):  # type: ignore[no-untyped-def]
        # Whoosh's Or has a `minmatch` it does not implement: count each document's matches here.
        counts: Counter[int] = Counter()
        for sub in self.subqueries:
            counts.update(set(searcher.docs_for_query(sub)))
        allowed = {doc for doc, n in counts.items() if n >= self.minimum}
        for phrase in self.phrases:
            allowed.update(searcher.docs_for_query(phrase))
        either = query.Or(self.subqueries, boost=self.boost).matcher(searcher, context)
        return FilterMatcher(either, frozenset(allowed), exclude=False)


@dataclass(frozen=True)
class Word:
    """One distinct word of a query: its indexed form, as typed, and the registry entries named."""

    stem: str
    typed: str
    filed: tuple[tuple[str, str], ...] = ()  # (field, key): department or programme
    times: int = 1  # how often the question holds it
    also: tuple[tuple[str, tuple[query.Query, ...]], ...] = ()  # other forms (compounds.py)

    def query(self) -> query.Query:
        parts = [query.Term("title", self.stem, boost=TITLE_BOOST), query.Term("body", self.stem)]
        parts += [
            q.with_boost(TITLE_BOOST) if q.field() == "title" else q
            for _, forms in self.also
            for q in forms
        ]
        parts += [query.Term(field, key, boost=REGISTRY_BOOST) for field, key in self.filed]
        return query.Or(parts, boost=float(self.times) if REPEATS else 1.0)


@dataclass(frozen=True)
class PlainWords:
    query: query.Query
    words: tuple[Word, ...]
    minimum: int

    phrases: tuple[str, ...] = ()  # quoted in the question: they rank, they are not required

    @property
    def reading(self) -> str:
        shown = " ".join(w.typed for w in self.words)
        if self.minimum == 1 and len(self.words) > 1:
            reading = f"any of: {shown}"
        elif self.minimum < len(self.words):
            reading = f"at least {self.minimum} of: {shown}"
        else:
            reading = " AND ".join(w.typed for w in self.words)
        names: dict[tuple[str, str], list[str]] = {}
        for word in self.words:
            for entry in word.filed:
                names.setdefault(entry, []).append(word.typed)
        notes = [
            f"{field}:{key} counts for {' '.join(typed)}" for (field, key), typed in names.items()
        ]
        forms = dict.fromkeys(shown for word in self.words for shown, _ in word.also)
        if forms:
            notes.append(f"also written {', '.join(forms)}")
        if self.phrases:
            quoted = " or ".join(f'"{p}"' for p in self.phrases)
            notes.append(f"documents with the phrase {quoted} ranked first")
        return "; ".join([reading, *notes])

    @property
    def most_words(self) -> tuple[int, int] | None:
        """Return (required, of how many words) when not every word was required."""
        return (self.minimum, len(self.words)) if self.minimum < len(self.words) else None


class WordReader:
    """Read plain words for one analyzer and registry."""

    def __init__(self, analyzer: Analyzer, registry: Registry, reader: IndexReader | None = None):
        self._analyzer = analyzer
        self._reader = reader
        self._names = _registry_names(analyzer, registry)
        self._longest = max((len(name) for name in self._names), default=0)

    def read(self, text: str, phrases: Sequence[str] = ()) -> PlainWords | None:
        """Return the query of plain words, or None when none of them is indexed; quoted phrases
        rank the documents holding them first."""
        spans = [
            (t.text, t.startchar, t.endchar) for t in self._analyzer(text, chars=True, mode="query")
        ]
        if len({stem for stem, _, _ in spans}) >= 3 and FILLER:
            spans = [s for s in spans if text[s[1] : s[2]].lower() not in FILLER] or spans
        spans, joined = compounds.hyphenated(self._analyzer, text, spans)
        tokens = [(stem, text[start:end]) for stem, start, end in spans]
        filed = self._filed([stem for stem, _ in tokens])
        others = [
            a + b
            for a, b in zip(
                joined, compounds.alternatives(self._analyzer, self._reader, text, spans)
            )
        ]
        words: dict[str, Word] = {}
        for (stem, typed), entries, forms in zip(tokens, filed, others):
            also = tuple((shown, tuple(qs)) for shown, qs in forms)
            if stem in words:
                entries = tuple(dict.fromkeys(words[stem].filed + entries))
                also = tuple(dict.fromkeys(words[stem].also + also))
                words[stem] = Word(stem, words[stem].typed, entries, words[stem].times + 1, also)
            else:
                words[stem] = Word(stem, typed.lower(), entries, also=also)
        if not words:
            return None
        found = tuple(words.values())
        minimum = required(len(found))
        units = [word.query() for word in found]
        # Two words or more: AtLeast, even when it needs them all, so that ranking knows them as
        # words.
        ranked = [(p, q) for p in phrases if (q := self._phrase(p)) is not None]
        q = units[0] if len(units) == 1 else AtLeast(units, minimum, phrases=[q for _, q in ranked])
        return PlainWords(
            q, found, minimum, tuple(p.lower() for p, _ in ranked) if len(units) > 1 else ()
        )

    def _phrase(self, text: str) -> query.Query | None:
        stems = [t.text for t in self._analyzer(text, mode="query")]
        if len(stems) < 2:
            return None
        return query.Or([query.Phrase("title", stems), query.Phrase("body", stems)])

    def _filed(self, stems: list[str]) -> list[tuple[tuple[str, str], ...]]:
        """Mark each word that is part of a registry name with the entries that name stands for."""
        marks: list[tuple[tuple[str, str], ...]] = [() for _ in stems]
        start = 0
        while start < len(stems):
            for end in range(min(len(stems), start + self._longest), start, -1):
                entries = self._names.get(tuple(stems[start:end]))
                if entries:
                    for i in range(start, end):
                        marks[i] = entries
                    start = end
                    break
            else:
                start += 1
        return marks


def _registry_names(
    analyzer: Analyzer, registry: Registry
) -> dict[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Map each name, short name and alias, as indexed words, to the entries it names."""
    found: dict[tuple[str, ...], list[tuple[str, str]]] = {}

    def add(field: str, key: str, names: Iterable[str]) -> None:
        for name in names:
            stems = tuple(t.text for t in analyzer(name or "", mode="query"))
            if stems and (field, key) not in found.setdefault(stems, []):
                found[stems].append((field, key))

    for department in registry.departments.values():
        add("department", department.key, (department.name, department.short, *department.aliases))
    for programme in registry.programmes.values():
        add("programme", programme.key, (programme.name, *programme.aliases))
    return {stems: tuple(entries) for stems, entries in found.items()}
