"""Words on a page as fragments: a line of one column, or a table's cell, from the words' boxes."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

ROLE_BODY = ""
_MARK = re.compile(r"[\d,*†‡§]{1,4}")  # a footnote mark: figures or a sign


@dataclass
class Word:
    """A word with its box (points from the page's top left) and type."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False


@dataclass
class Frag:
    """Words on one baseline with no wide gap between them: a line of one column, or a cell."""

    words: list[Word]
    role: str = ROLE_BODY

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return type_size(self.words)

    @property
    def bold(self) -> bool:
        return sum(w.bold for w in self.words) > len(self.words) / 2

    @property
    def text(self) -> str:
        # Words split where the type changes inside them ("£1.5" and a bold "m") are one word again.
        text = self.words[0].text
        for before, word in zip(self.words, self.words[1:]):
            # A comma left behind a footnote mark taken out ("practice2,") closes up to its word.
            glued = word.x0 - before.x1 < 0.1 * max(word.size, 1.0) or (
                word.text[:1] in ",.;:)" and word.x0 - before.x1 < 0.6 * max(word.size, 1.0)
            )
            text += word.text if glued else " " + word.text
        return text


def fragments(words: list[Word]) -> list[Frag]:
    """Group words into baselines, and split a baseline where a gap is wider than about a space."""
    rows: list[list[Word]] = []
    for word in sorted(_drop_caps(words), key=lambda w: (w.top, w.x0)):
        for row in reversed(rows[-8:]):
            # Against the row's first word, not its growing extent: a tall heading beside two lines
            # of a column must not draw both lines into one row.
            first = row[0]
            middle, first_middle = (word.top + word.bottom) / 2, (first.top + first.bottom) / 2
            if first.top <= middle <= first.bottom and word.top <= first_middle <= word.bottom:
                row.append(word)
                break
        else:
            rows.append([word])
    rows = _raised(rows)
    frags = []
    for row in rows:
        row = _without_marks(row)
        row.sort(key=lambda w: w.x0)
        current = [row[0]]
        for word in row[1:]:
            size = max(statistics.median(w.size for w in current), 4.0)
            if word.x0 - current[-1].x1 > size or _apart(current[-1], word):
                frags.append(Frag(current))
                current = []
            current.append(word)
        frags.append(Frag(current))
    return frags


def _drop_caps(words: list[Word]) -> list[Word]:
    """Put a drop capital (one letter in type two or more times the text's, set beside the first
    lines of a paragraph) back at the head of its first line's first word: "C" + "ongressional"."""
    size = type_size(words)
    caps = [
        w
        for w in words
        if size
        and len(w.text) == 1
        and w.text.isalpha()
        and w.text.isupper()
        and w.size >= 2 * size
    ]
    for cap in caps:
        beside = sorted(
            (
                w
                for w in words
                if w is not cap
                and w.size < 1.5 * size
                and -0.5 * size <= w.x0 - cap.x1 <= 2 * size
                and cap.top - 0.5 * size <= w.top < cap.bottom
            ),
            key=lambda w: (w.top, w.x0),
        )
        # beside two lines at least, the first level with the letter's top
        if len(beside) < 2 or beside[0].top - cap.top > 0.8 * size:
            continue
        if beside[-1].top - beside[0].top < 0.8 * size:
            continue
        first = beside[0]
        joined = Word(
            cap.text + first.text,
            first.x0,
            first.x1,
            first.top,
            first.bottom,
            first.size,
            first.bold,
        )
        words = [joined if w is first else w for w in words if w is not cap]
    return words


def _apart(before: Word, word: Word) -> bool:
    """Type of very different sizes with a space between: an icon's label beside a line ("!",
    "CAUTION" in a warning sign set round the text), not one line's words."""
    small, large = sorted((before.size, word.size))
    return large >= 1.7 * max(small, 1.0) and word.x0 - before.x1 > 0.4 * large


def type_size(words: list[Word]) -> float:
    """The size most of the words' letters are set in (a raised mark beside one word is not)."""
    letters: dict[float, int] = {}
    for word in words:
        letters[word.size] = letters.get(word.size, 0) + len(word.text)
    return max(letters, key=letters.__getitem__) if letters else 0.0


def _raised(rows: list[list[Word]]) -> list[list[Word]]:
    """Put a raised letter in small type ("3rd", "1st") back on the line of the word it ends."""
    largest = max((w.size for row in rows for w in row), default=0.0)
    for row in rows:
        for word in [w for w in row if w.size < 0.8 * largest]:
            home = next(
                (
                    other
                    for other in rows
                    if other is not row
                    and other
                    and word.size < 0.8 * other[0].size
                    and other[0].top - 0.6 * word.size <= word.top
                    and other[0].top < word.bottom < other[0].bottom
                    and any(abs(w.x1 - word.x0) < 1 for w in other)
                ),
                None,
            )
            if home is not None:
                row.remove(word)
                home.append(word)
    return [row for row in rows if row]


def _without_marks(row: list[Word]) -> list[Word]:
    """Leave out footnote marks: figures in small type raised above the line."""
    size = type_size(row)
    base = statistics.median(w.bottom for w in row if w.size == size)
    kept = [
        w
        for w in row
        if not (w.size < 0.8 * size and _MARK.fullmatch(w.text) and w.bottom < base - 0.15 * size)
    ]
    return kept or row


def strips(frags: list[Frag]) -> list[list[Frag]]:
    """Cut into horizontal strips at every height no fragment covers."""
    strips: list[list[Frag]] = []
    bottom = -1e9
    for frag in sorted(frags, key=lambda f: f.top):
        if strips and frag.top < bottom - 0.5:
            strips[-1].append(frag)
            bottom = max(bottom, frag.bottom)
        else:
            strips.append([frag])
            bottom = frag.bottom
    return strips


def rows(strip: list[Frag]) -> list[list[Frag]]:
    """Split a strip into the baselines it holds."""
    rows: list[list[Frag]] = []
    for frag in sorted(strip, key=lambda f: f.top):
        if rows and abs(rows[-1][0].top - frag.top) < 0.5 * frag.size:
            rows[-1].append(frag)
        else:
            rows.append([frag])
    return [sorted(row, key=lambda f: f.x0) for row in rows]
