"""Bounds on what one search may cost, whatever it asks: wildcard expansion and a time budget.

A word with * or ? stands for every indexed word it matches: `a*` is some 5,000 words of the
AU releases, `*ing` needs the whole vocabulary read. As Lucene does (max_expansions, a clause
limit, no leading wildcard by default), a wildcard word needs a few letters before its first
* or ?, stands for at most its commonest MAX_EXPANSIONS words, and all of a query's wildcards
together for at most MAX_EXPANDED, found by reading at most MAX_SCANNED index words. What is
left to Whoosh's own matching and ranking (NOT, phrases with slop) runs within a time budget:
when it is spent the search answers with what it found, and says so.
"""

from __future__ import annotations

import contextvars
import copy
import heapq
import itertools
import re
import time
from collections import Counter, OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from whoosh import matching, query
from whoosh.query.wrappers import WrappingQuery
from whoosh.reading import IndexReader
from whoosh.searching import Results, Searcher

from archive.search.fields import TEXT_FIELDS, Nothing, rewrite

MIN_PREFIX = 2  # letters before a text word's first * or ?
MAX_EXPANSIONS = 30  # words one wildcard word stands for in a field, the commonest first
MAX_EXPANDED = (
    60  # words all of a query's wildcards stand for together (within docsets' postings cache)
)
MAX_SCANNED = 20_000  # index words read to expand all of one query's wildcard words
SEARCH_SECONDS = 0.5  # for the matching Whoosh does itself, per search
CHECK_EVERY = 256  # documents matched between looks at the clock

EXPANDABLE = (query.Prefix, query.Wildcard, query.TermRange, query.Regex, query.FuzzyTerm)


def bound(
    q: query.Query, reader: IndexReader | None, cache: Expansions | None = None
) -> tuple[query.Query, list[str]]:
    """Return the query with its wildcard words expanded within the limits, and what was limited.

    Without a reader (for describing a query) the wildcard words are kept as typed; words too
    short to expand are left out either way, and `*` stands for every document. The cache keeps
    the last expansions for one reader: a researcher's facet clicks repeat the same query.
    """
    expandable = [
        leaf for leaf in q.leaves() if isinstance(leaf, EXPANDABLE) and not _too_short(leaf)
    ]
    # Each wildcard in each field gets an equal part of the query's words and of its reading;
    # past MAX_EXPANDED wildcards (a 1,000-character query of them) the rest are left out.
    share = max(1, min(MAX_EXPANSIONS, MAX_EXPANDED // max(1, len(expandable))))
    scan = max(1, MAX_SCANNED // max(1, len(expandable)))
    left = [MAX_EXPANDED]
    short: list[str] = []
    over: list[str] = []
    capped: dict[str, str] = {}

    def fix(node: query.Query) -> query.Query:
        if isinstance(node, query.Every):
            return query.Every() if node.fieldname in (None, *TEXT_FIELDS) else node
        if isinstance(node, EXPANDABLE):
            if _too_short(node):
                short.append(_typed(node))
                return query.NullQuery
            if reader is None:
                return node
            if left[0] <= 0:
                over.append(_typed(node))
                return query.NullQuery
            left[0] -= share
            key = (type(node), node.fieldname, _typed(node), share, scan)
            found = cache.get(key) if cache is not None else None
            terms, total, unread = found or _expansions(node, reader, share, scan)
            if cache is not None:
                cache.put(key, (terms, total, unread))
            if total > len(terms) or unread:
                more = f"more than {total:,}" if unread else f"{total:,}"
                capped[_typed(node)] = (
                    f"'{_typed(node)}' stands for {more} words; the {len(terms)} in most "
                    f"documents were searched."
                )
            if not terms:
                return Nothing(node.fieldname, _typed(node))
            return query.Or([query.Term(node.fieldname, t, boost=node.boost) for t in terms])
        return _without_gaps(node)

    bounded = rewrite(q, fix)
    notices = list(capped.values())
    if short:
        words = _listed([f"'{w}'" for w in dict.fromkeys(short)])
        notices.insert(
            0,
            f"{words} {'was' if len(set(short)) == 1 else 'were'} left out: "
            f"a word with * or ? needs at least {MIN_PREFIX} letters before them.",
        )
    if over:
        words = _listed([f"'{w}'" for w in dict.fromkeys(over)])
        notices.append(
            f"{words} {'was' if len(set(over)) == 1 else 'were'} left out: "
            f"the words with * or ? in one query stand for at most {MAX_EXPANDED} words together."
        )
    return bounded, notices


def _without_gaps(node: query.Query) -> query.Query:
    # A word left out (NullQuery) drops from its group; * (Every) makes an OR everything and
    # adds nothing to an AND. Whoosh's own normalize() would make an AND with * everything.
    if type(node) in (query.And, query.Or):
        subs = [sub for sub in node.subqueries if sub is not query.NullQuery]
        every = [sub for sub in subs if _everything(sub)]
        if type(node) is query.Or and every:
            return query.Every()
        rest = [sub for sub in subs if not _everything(sub)]
        if not rest:
            return query.Every() if every else query.NullQuery
        if len(rest) == len(node.subqueries):
            return node
        if len(rest) == 1 and node.boost == 1.0:
            return rest[0]
        node = copy.copy(node)
        node.subqueries = rest
        return node
    if type(node) is query.AndNot:
        if node.b is query.NullQuery or node.a is query.NullQuery:
            return node.a
    if type(node) is query.Not and node.query is query.NullQuery:
        return query.NullQuery
    return node


def _everything(q: query.Query) -> bool:
    return type(q) is query.Every and q.fieldname is None


def _too_short(node: query.Query) -> bool:
    if node.fieldname not in TEXT_FIELDS or not isinstance(node, (query.Prefix, query.Wildcard)):
        return False
    return len(node.text if isinstance(node, query.Prefix) else _head(node.text)) < MIN_PREFIX


def _typed(node: query.Query) -> str:
    field = "" if node.fieldname in TEXT_FIELDS else f"{node.fieldname}:"
    if isinstance(node, query.Prefix):
        return f"{field}{node.text}*"
    if isinstance(node, query.TermRange):
        return f"{field}[{node.start or ''} TO {node.end or ''}]"
    return f"{field}{getattr(node, 'text', '')}"


def _expansions(
    node: query.Query, reader: IndexReader, limit: int, scan: int
) -> tuple[list[str], int, bool]:
    """Return the words a wildcard stands for that the most documents hold, how many it stands for
    among the first `scan` words read, and whether there were more to read."""
    counts: Counter[bytes] = Counter()
    scanned = 0
    for leaf, _ in reader.leaf_readers():
        if node.fieldname not in leaf.schema:
            continue
        # Each segment's own word list, with its document counts: merged over segments, or
        # looked up word by word, the same list takes ten times as long.
        for btext, frequency in itertools.islice(_candidates(node, leaf), scan + 1 - scanned):
            scanned += 1
            if frequency:
                counts[btext] += frequency
        if scanned > scan:
            break
    field = reader.schema[node.fieldname]
    top = heapq.nlargest(limit, counts.items(), key=lambda item: (item[1], item[0]))
    return [field.from_bytes(btext) for btext, _ in top], len(counts), scanned > scan


def _candidates(node: query.Query, leaf: IndexReader) -> Iterator[tuple[bytes, int]]:
    """Yield the words a wildcard's literal head leads to, with their document counts (0: none)."""
    field = node.fieldname
    if isinstance(node, query.Prefix):
        for btext, info in leaf.iter_prefix(field, node.text):
            yield btext, info.doc_frequency()
    elif isinstance(node, query.Wildcard):
        pattern, decode = re.compile(node._get_pattern()), leaf.schema[field].from_bytes
        for btext, info in leaf.iter_prefix(field, _head(node.text)):
            yield btext, info.doc_frequency() if pattern.match(decode(btext)) else 0
    else:
        for btext in node._btexts(leaf):
            yield btext, leaf.doc_frequency(field, btext)


def _head(text: str) -> str:
    return text[: min((text.find(c) for c in "*?" if c in text), default=len(text))]


class Expansions:
    """The last few wildcard expansions of one index reader."""

    def __init__(self, size: int = 256):
        self._size = size
        self._found: OrderedDict[tuple[Any, ...], tuple[list[str], int, bool]] = OrderedDict()

    def get(self, key: tuple[Any, ...]) -> tuple[list[str], int, bool] | None:
        found = self._found.get(key)
        if found is not None:
            self._found.move_to_end(key)
        return found

    def put(self, key: tuple[Any, ...], value: tuple[list[str], int, bool]) -> None:
        self._found[key] = value
        if len(self._found) > self._size:
            self._found.popitem(last=False)


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# -- the time budget ------------------------------------------------------------


@dataclass
class Budget:
    deadline: float
    spent: bool = False

    def expired(self) -> bool:
        if not self.spent and time.monotonic() > self.deadline:
            self.spent = True
        return self.spent


_budget: contextvars.ContextVar[Budget | None] = contextvars.ContextVar(
    "search_budget", default=None
)


@contextmanager
def budget(seconds: float | None = None) -> Iterator[Budget]:
    """Give the searches in this block a time budget (SEARCH_SECONDS unless told)."""
    spending = Budget(time.monotonic() + (SEARCH_SECONDS if seconds is None else seconds))
    token = _budget.set(spending)
    try:
        yield spending
    finally:
        _budget.reset(token)


def spent() -> bool:
    """Say whether the current search's budget has run out (and so what it found is partial)."""
    current = _budget.get()
    return current is not None and current.spent


def notice(earlier: str | None, *budgets: Budget) -> str | None:
    """Add to a search's notice that its budget ran out, if it did."""
    if not any(spending.spent for spending in budgets):
        return earlier
    cut = (
        f"This search took too long and was stopped after {SEARCH_SECONDS:g} s: "
        f"the results and their count are those found by then."
    )
    return f"{earlier} {cut}" if earlier else cut


def budgeted(q: query.Query) -> query.Query:
    """Wrap a query so that its matching stops, as if out of matches, when the budget runs out."""
    return _Budgeted(q) if _budget.get() is not None else q


class _Budgeted(WrappingQuery):
    def matcher(self, searcher: Searcher, context: Any = None) -> matching.Matcher:
        return _BudgetMatcher(self.child.matcher(searcher, context))


class _BudgetMatcher(matching.WrappingMatcher):
    # Every collector (filters, sorting, matched terms) sees the matches end: they stay
    # Whoosh's own.
    def __init__(self, child: matching.Matcher, boost: float = 1.0):
        super().__init__(child, boost)
        self._spending = _budget.get()
        self._steps = 0

    def is_active(self) -> bool:
        return self.child.is_active() and not (self._spending is not None and self._spending.spent)

    def next(self) -> None:
        self._steps += 1
        if self._spending is not None and self._steps % CHECK_EVERY == 1:
            self._spending.expired()
        self.child.next()

    def all_ids(self) -> Iterator[int]:
        while self.is_active():
            yield self.id()
            self.next()


def search(searcher: Searcher, q: query.Query, **options: Any) -> Results:
    """Run Searcher.search within the current budget."""
    return searcher.search(budgeted(q), **options)
