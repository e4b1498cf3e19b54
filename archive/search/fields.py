"""Field queries: what a value after department:, programme:, source:, year: or amount: stands for.

The index holds these fields as keys (a department's key, a band such as 1m-10m, a year), so a
value is read into the keys it stands for: a department or programme by its key, name, short
name or alias; a publisher by its name or words of it; a year or a range of years; an amount
band by its key or label. A value that stands for nothing matches nothing and says why, with
the nearest value that does exist.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Callable, Iterable

from whoosh import matching, query
from whoosh.fields import Schema
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from archive.corpus.amounts import BAND_NAMES, band_label, extract_amounts, split_band
from archive.corpus.directory import directory_of
from archive.corpus.registry import Registry
from archive.index.schema import source_key

TEXT_FIELDS = ("title", "body")
# Every field the syntax knows, in the order a notice lists them; the index's other fields
# (id, value, meta, ...) are not for typing, and a query naming one is read as words.
FIELDS = (*TEXT_FIELDS, "department", "programme", "source", "year", "amount", "person")
ALIASES = {
    "department": ["dept", "departments"],
    "programme": ["program", "programmes"],
    "source": ["publisher"],
    "person": ["people", "speaker"],
}
YEAR = re.compile(r"^(\d{4})(?:\s*(?:-|–|\.\.|to)\s*(\d{4}))?$", re.IGNORECASE)
WORDS = re.compile(r"[\w']+")
MAX_SUGGESTED = 100  # characters of a value compared with names for a suggestion
# A word followed by a colon and a value: a field, if the word is one (not "10:30" or "https://").
FIELD_LIKE = re.compile(r"(?<![\w:/.])([^\W\d_]\w*):(?=[\w\"(])")
EMPTY_FIELD = re.compile(r"(?<![\w:/.])([^\W\d_]\w*):(?:\"\s*\")?(?=\s|\)|$)")


def aliases() -> dict[str, list[str]]:
    """Return the names each field may be typed as: aliases, each also capitalised or in caps."""
    found: dict[str, list[str]] = {}
    for field in FIELDS:
        names = [field, *ALIASES.get(field, [])]
        found[field] = [
            form
            for name in names
            for form in dict.fromkeys((name, name.capitalize(), name.upper()))
            if form != field
        ]
    return found


def _field_names() -> dict[str, str]:
    # Exactly as the parser takes them: "DePartment:" is searched as a word, and is told so.
    return {form: field for field, forms in aliases().items() for form in (field, *forms)}


def searchable(schema: Schema) -> Schema:
    """Return the schema of the fields a query may name, as the index defines them."""
    return Schema(**{name: schema[name] for name in FIELDS if name in schema})


def syntax_notices(text: str, schema: Schema) -> list[str]:
    """Say what the text's field-like words were read as when not fields or without a value."""
    names = _field_names()
    notices = []
    unknown = [m.group(1) for m in FIELD_LIKE.finditer(text) if m.group(1) not in names]
    for name in dict.fromkeys(unknown):
        known = ", ".join(f"{field}:" for field in FIELDS if field in schema)
        notices.append(
            f"There is no field '{name}:', so '{name}' was searched as a word "
            f"(the fields are {known})."
        )
    for match in EMPTY_FIELD.finditer(text):
        field = names.get(match.group(1))
        if field:
            notices.append(
                f"'{match.group(0)}' has no value after it, so it was not read as a field."
            )
    return list(dict.fromkeys(notices))


class Nothing(query.Query):
    """A field value that stands for nothing: it matches no document and reads as it was typed."""

    def __init__(self, fieldname: str, text: str):
        self.fieldname, self.text = fieldname, text

    def __eq__(self, other: object) -> bool:
        return type(other) is Nothing and (other.fieldname, other.text) == (
            self.fieldname,
            self.text,
        )

    def __hash__(self) -> int:
        return hash((Nothing, self.fieldname, self.text))

    def __repr__(self) -> str:
        return f"Nothing({self.fieldname!r}, {self.text!r})"

    def __str__(self) -> str:
        return f"{self.fieldname}:{_quoted(self.text)}"

    def field(self) -> str:
        return self.fieldname

    def estimate_size(self, ixreader: IndexReader) -> int:
        return 0

    def matcher(self, searcher: Searcher, context: object = None) -> matching.Matcher:
        return matching.NullMatcher()


class Shown(query.Query):
    """How a field value was read, in a query that is only described, never searched."""

    def __init__(self, text: str):
        self.text = text

    def __eq__(self, other: object) -> bool:
        return type(other) is Shown and other.text == self.text

    def __hash__(self) -> int:
        return hash((Shown, self.text))

    def __str__(self) -> str:
        return self.text


class FieldReader:
    """Read field values into index keys for one registry and one index."""

    def __init__(self, registry: Registry, reader: IndexReader | None = None):
        self._registry = registry
        self._reader = reader
        self._lexicons: dict[str, list[str]] = {}

    def read(
        self, q: query.Query, shown: bool = False, money: str = "announced"
    ) -> tuple[query.Query, list[str]]:
        """Replace each keyed field's Term or Phrase by the keys it stands for (shown: to show).

        money: which amounts amount: counts, as the amount filters do: "announced" (money
        announced) or "all" (every amount).
        """
        notices: list[str] = []
        suffix = "" if money == "announced" else "_all"

        def fix(node: query.Query) -> query.Query:
            field = getattr(node, "fieldname", None)
            if (
                field not in FIELDS
                or field in TEXT_FIELDS
                or type(node) not in (query.Term, query.Phrase)
            ):
                return node
            typed = node.text if type(node) is query.Term else " ".join(node.words)
            figure = exact_figure(typed) if field == "amount" else None
            if figure is not None:  # amount:"£200m": documents holding that very figure (issue 22)
                return (
                    Shown(f'amount:"{typed}"')
                    if shown
                    else query.NumericRange(f"value{suffix}", figure, figure)
                )
            keys, reading, problem = self._keys(field, typed)
            if problem:
                notices.append(problem)
            if shown:
                return Shown(reading) if keys else Nothing(field, typed)
            if not keys:
                return Nothing(field, typed)
            # An amount band counts the money chosen: amount (announced) or amount_all.
            named = f"amount{suffix}" if field == "amount" else field
            terms = [query.Term(named, key, boost=node.boost) for key in keys]
            return terms[0] if len(terms) == 1 else query.Or(terms)

        return rewrite(q, fix), list(dict.fromkeys(notices))

    def _keys(self, field: str, typed: str) -> tuple[list[str], str, str | None]:
        """Return the keys a value stands for, how it reads, and what went wrong (or None)."""
        value = " ".join(typed.split())
        if not value:
            return [], "", f"{field}: has an empty value, which matches nothing."
        if field in ("department", "programme"):
            return self._named(field, value)
        if field == "source":
            return self._source(value)
        if field == "year":
            return self._year(value)
        if field == "person":
            return self._person(value)
        return self._amount(value)

    def _person(self, value: str) -> tuple[list[str], str, str | None]:
        # Any name form: person:"Ed Balls", person:balls, person:"Mr Balls", person:ed-balls.
        person = directory_of(self._registry).named(value)
        if person:
            return [person.key], f"person:{person.key}", None
        names = {p.name.lower(): p for p in self._registry.people.values()}
        wanted = value.lower()[:MAX_SUGGESTED]
        close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
        hints = [f'person:"{names[n].name}"' for n in close]
        hint = f"; did you mean {_either(hints)}?" if hints else ""
        problem = f"There is no person called '{value}' in the registry, so it matches nothing"
        return [], "", problem + hint

    def _named(self, kind: str, value: str) -> tuple[list[str], str, str | None]:
        entries = self._registry.departments if kind == "department" else self._registry.programmes
        names: dict[str, str] = {}  # every way of writing an entry, as words, to its key
        for entry in entries.values():
            # Another country's entry answers to its key alone: dept:treasury in an Australian
            # archive is Australia's Treasury, never HM Treasury by its alias "the Treasury".
            own = self._registry.is_home(entry)
            written = (entry.name, getattr(entry, "short", ""), *entry.aliases) if own else ()
            for name in (entry.key, *written):
                if name:
                    names.setdefault(_normal(name), entry.key)
        key = names.get(_normal(value))
        if key:
            return [key], f"{kind}:{key}", None
        wanted = _normal(value)[:MAX_SUGGESTED]
        # A word of a name ("education") or a near spelling ("Department of Education").
        close = [k for n, k in names.items() if wanted and f" {wanted} " in f" {n} "]
        close += [
            names[n] for n in difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.75)
        ]
        hints = [f"{kind}:{k} ({entries[k].name})" for k in dict.fromkeys(close)][:3]
        hint = f"; did you mean {_either(hints)}?" if hints else ""
        return [], "", f"There is no {kind} called '{value}', so it matches nothing{hint}"

    def _source(self, value: str) -> tuple[list[str], str, str | None]:
        known = self._lexicon("source")
        wanted = source_key(value)
        if wanted in known:
            return [wanted], f"source:{_quoted(wanted)}", None
        # Words of a publisher's name: source:guardian finds "The Guardian".
        found = [key for key in known if wanted and f" {wanted} " in f" {key} "]
        if found:
            return found, " OR ".join(f"source:{_quoted(key)}" for key in found), None
        close = difflib.get_close_matches(wanted[:MAX_SUGGESTED], known, n=3, cutoff=0.6)
        if not close and len(known) <= 5:
            close = known  # a handful of publishers: name them all
        hint = (
            f"; did you mean {_either([f'source:{_quoted(k)}' for k in close])}?" if close else ""
        )
        return [], "", f"No document's source is called '{value}', so it matches nothing{hint}"

    def _year(self, value: str) -> tuple[list[str], str, str | None]:
        match = YEAR.match(value)
        if not match:
            return (
                [],
                "",
                (
                    f"year:{_quoted(value)} is not a year, so it matches nothing: "
                    "write a year such as year:2013 or a range such as year:2010-2013."
                ),
            )
        low, high = sorted((int(match.group(1)), int(match.group(2) or match.group(1))))
        # Only the years some document has: a range such as 1000-9999 stays a handful of terms.
        years = (
            [year for year in self._lexicon("year") if low <= int(year) <= high]
            if self._reader
            else [str(y) for y in range(low, min(high, low + 200) + 1)]
        )
        reading = f"year:{low}" if low == high else f"year:{low}-{high}"
        return years, reading, None

    def _amount(self, value: str) -> tuple[list[str], str, str | None]:
        # A band's key or label, however its dash and spaces are typed: "1m 10m" is 1m-10m.
        wanted = _band_form(value)
        labels = {
            _band_form(band_label(key)): key
            for key in (*self._lexicon("amount"), *self._lexicon("amount_all"))
        }
        key = wanted if split_band(wanted) else labels.get(wanted)
        if key:
            return [key], f"amount:{key}", None
        return (
            [],
            "",
            (
                f"amount:{_quoted(value)} is not an amount band, so it matches nothing; "
                f"the bands are {', '.join(BAND_NAMES)} (usd:1m-10m in another currency)."
            ),
        )

    def _lexicon(self, field: str) -> list[str]:
        # Small fields (a few hundred values at most), read once per index generation.
        if field not in self._lexicons:
            words: Iterable[bytes] = ()
            if self._reader is not None and field in self._reader.schema:
                words = self._reader.lexicon(field)
            self._lexicons[field] = [word.decode("utf-8") for word in words]
        return self._lexicons[field]


def exact_figure(typed: str) -> int | None:
    """Return the value of a figure such as "£200m" or "$1.5 billion" (not a band), else None."""
    if split_band(_band_form(typed)):
        return None
    found = extract_amounts(" ".join(typed.split()))
    return found[0].value if len(found) == 1 and found[0].text == " ".join(typed.split()) else None


def rewrite(q: query.Query, fn: Callable[[query.Query], query.Query]) -> query.Query:
    """Apply fn to every node of a query, children first, as Query.accept does but keeping each
    group's own settings (accept rebuilds an OR without its minmatch)."""
    if isinstance(q, query.CompoundQuery):
        q = copy.copy(q)
        q.subqueries = [rewrite(sub, fn) for sub in q.subqueries]
    elif not q.is_leaf():
        q = q.apply(lambda sub: rewrite(sub, fn))
    return fn(q)


def _normal(text: str) -> str:
    # Words only, in lower case, without a leading "the": "The Treasury" is "treasury".
    words = WORDS.findall(text.lower().replace("’", "'"))
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def _band_form(text: str) -> str:
    return re.sub(r"[\s–—-]+", "-", text.lower().strip())


def _quoted(text: str) -> str:
    return f'"{text}"' if not re.fullmatch(r"[\w.:'-]+", text) else text


def _either(options: list[str]) -> str:
    return options[0] if len(options) == 1 else ", ".join(options[:-1]) + " or " + options[-1]
