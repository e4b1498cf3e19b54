"""Who announced a document and who is quoted in it, each with the sentence that says so.

A speaker is found where a verb of speech ("said", "announced", "pledged") follows a name, a
title, or both: "children's secretary Ed Balls has announced", "Edward Timpson, children's
minister, said", "the Prime Minister, Mr Hawke, said", "the Prime Minister announced". A name
is looked up among the registry's name forms; a title alone is resolved to whoever held a role
it describes on the document's date. Rules are for shapes of text, never for one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from archive.corpus.directory import Directory, describes, directory_of
from archive.corpus.people import Person, Role, normal_name, span

VERB = re.compile(
    r"\b(?=[aplustecw])(announced|announces|pledged|pledges|unveiled|unveils|launched|launches|"
    r"said|says|stated|states|"
    r"told|added|explained|welcomed|confirmed|promised)\b"
)
# Words between a speaker and the verb: "Ed Balls has announced", "Mr Hawke today said".
AUXILIARY = re.compile(
    r"(?:\s+(?:has|have|had|also|today|yesterday|recently|formally|then))+\s*$", re.IGNORECASE
)
SENTENCE_END = re.compile(r"[.!?](?!\d)|\n")
ANNOUNCING = {
    "announced",
    "announces",
    "pledged",
    "pledges",
    "unveiled",
    "unveils",
    "launched",
    "launches",
}
HONORIFIC = (
    r"(?:(?:the\s+)?(?:Rt\.?\s+)?Hon\.?\s+|Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+|Dr\.?\s+|Sir\s+|Dame\s+"
    r"|Senator\s+|Lord\s+|Baroness\s+)"
)
NAME_WORD = r"(?:[A-Z][\w’'-]*\.?|(?:[A-Z]\.\s?){1,3}[A-Z][\w’'-]+)"
NAME = re.compile(rf"(?:{HONORIFIC}+)?(?:{NAME_WORD}\s+){{0,2}}{NAME_WORD}$")
OFFICE = r"(?:secretary|minister|treasurer|chancellor|premier)"
TITLE = re.compile(
    rf"(?:\bthe\s+)?((?:[\w’'-]+\s+){{0,5}}?{OFFICE}"
    rf"(?:\s+(?:of|for)\s+[\w’',\s-]{{2,60}}?)?)\s*$",
    re.IGNORECASE,
)
MAX_BEFORE = 160  # characters before a verb read for its speaker


@dataclass(frozen=True)
class Mention:
    """A speaker as the text writes them: a name, a title or both, with the verb and sentence."""

    name: str | None
    title: str | None
    verb: str
    sentence: str


def mentions(text: str) -> list[Mention]:
    """Find every speaker the text names or titles, in order."""
    found = []
    for verb in VERB.finditer(text):
        # The sentence around the verb: from the last full stop (not a decimal point) or line break.
        start = _sentence_start(text, verb.start())
        after = SENTENCE_END.search(text, verb.end())
        sentence = text[start : after.end() if after else len(text)].strip()
        before = AUXILIARY.sub("", text[max(start, verb.start() - MAX_BEFORE) : verb.start()])
        mention = _speaker(before, verb.group(1), sentence)
        if mention:
            found.append(mention)
    return found


def _sentence_start(text: str, at: int) -> int:
    """Return where a place's sentence starts: after a full stop (not a decimal) or a break."""
    low = max(0, at - 1000)
    while at > low:
        found = max(text.rfind(mark, low, at) for mark in ".!?\n")
        if found < 0:
            return low
        if not (text[found] == "." and text[found + 1 : found + 2].isdigit()):
            return found + 1
        at = found
    return low


def _speaker(before: str, verb: str, sentence: str) -> Mention | None:
    before = before.rstrip()
    if before.endswith(
        ","
    ):  # "Edward Timpson, children's minister, said"; "the Prime Minister, Mr Hawke, said"
        head, _, middle = before[:-1].rpartition(",")
        middle, head = middle.strip(), head.strip()
        name, title = _name(middle), _title(head)
        if name and title:
            return Mention(name, title, verb, sentence)
        name, title = _name(head.split(". ")[-1], tail=True), _title(middle, whole=True)
        if name and title:
            return Mention(name, title, verb, sentence)
        return None
    before = before.split("“")[-1].split('"')[-1]
    name = _name(before, tail=True)
    if name:
        rest = before[: before.rfind(name)] if name in before else ""
        title = _title(rest)
        return Mention(" ".join(name.split()), title, verb, sentence)
    title = _title(before)
    joint = re.search(
        r"^(.+?)\s+and\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}(?:premier|minister|treasurer|secretary)\b",
        title or "",
        re.IGNORECASE,
    )
    if joint and re.search(rf"\bthe\s+{re.escape(title or '')}\s*$", before, re.IGNORECASE):
        return Mention(
            None, joint.group(1), verb, sentence
        )  # "the Prime Minister and the Premier said"
    if title and re.search(rf"\bthe\s+{re.escape(title)}\s*$", before, re.IGNORECASE):
        return Mention(
            None, title, verb, sentence
        )  # "the Prime Minister said": a title alone needs "the"
    return None


def _name(text: str, tail: bool = False) -> str | None:
    text = original = " ".join(text.split())
    if tail:
        # The last capitalised words before the verb: "children's secretary Ed Balls", "Ed Balls".
        match = re.search(rf"(?:{HONORIFIC}+)?(?:{NAME_WORD}\s+){{0,2}}{NAME_WORD}$", text)
        if not match:
            return None
        text = match.group()
        # "Chancellor Rishi Sunak", "Minister Julia Gillard": the name is what follows the office.
        words = text.split()
        offices = [n for n, w in enumerate(words) if re.fullmatch(OFFICE, w, re.IGNORECASE)]
        words = words[offices[-1] + 1 :] if offices else words
        # "Minister for Immigration and Citizenship Chris Bowen": the title's last word is its own.
        dropped = len(match.group().split()) - len(words)
        preceding = "" if dropped else original[: match.start()]
        if len(words) == 3 and re.search(r"\b(?:and|for|of|the)\s*$", preceding):
            words = words[1:]
        text = " ".join(words)
        if not text:
            return None
    elif not NAME.fullmatch(text):
        return None
    words = [w for w in re.sub(HONORIFIC, "", text).split()]
    # A person's name: not a capitalised title ("Prime Minister"), an organisation ("The DCSF").
    if (
        not words
        or any(re.fullmatch(OFFICE, w, re.IGNORECASE) for w in words)
        or words[0] in ("The", "A", "An")
    ):
        return None
    if len(words) == 1 and not re.match(HONORIFIC, text) and not tail:
        return None
    return text


def _title(text: str, whole: bool = False) -> str | None:
    text = " ".join(text.split())
    match = TITLE.search(text)
    if not match or (whole and match.start() > 4):
        return None
    title = match.group(1)
    # Only the title's words: "a total of £200m, children's secretary" keeps "children's secretary".
    title = re.split(r"[,;:“”\"()]", title)[-1].strip()
    # "Prime Minister Julia Gillard and Arts Minister": the title of the one named last.
    parts = re.split(r"\s+and\s+", title)
    if len(parts) > 1 and re.search(OFFICE, parts[-1], re.IGNORECASE):
        title = parts[-1]
    words = title.split()
    while (
        words
        and words[0][0].isupper()
        and len(words) > 1
        and words[0].lower() not in _TITLE_WORDS
        and not words[1][0].isupper()
    ):
        words = words[1:]
    return " ".join(words) or None


_TITLE_WORDS = {
    "prime",
    "deputy",
    "foreign",
    "home",
    "health",
    "education",
    "children's",
    "children’s",
    "chief",
    "treasurer",
    "minister",
    "secretary",
    "chancellor",
    "shadow",
    "junior",
    "assistant",
}


def find(
    text: str,
    first: str,
    last: str,
    directory: Directory,
    given: str | None = None,
    prime_minister: str | None = None,
    country: str | None = None,
) -> dict[str, Any]:
    """Return announced_by (one person or none), quoted (the others) and review points."""
    speakers: list[dict[str, Any]] = []
    review: list[str] = []
    for mention in mentions(text):
        found = _resolve(mention, first, last, directory, country)
        if found:
            person, role = found
            speakers.append(_entry(person, role, mention.sentence, mention.verb, mention))
        elif (
            mention.title
            and _official(mention.title)
            and (mention.name or not mention.title.istitle())
        ):
            who = f"{mention.name} ({mention.title})" if mention.name else f"the {mention.title}"
            review.append(
                f"{who} speaks in the text but is not in people.yaml on this date: add them to "
                f"find documents by them"
            )
    announced: dict[str, Any] | None = None
    for written, evidence in (
        (given, "The front matter's announced_by gives"),
        (prime_minister, "The record's prime_minister gives"),
    ):
        if written and announced is None:
            given_person = directory.named(written, first, last)
            if given_person is None:
                review.append(f"'{written}' (given as announcing) is not in people.yaml: add them")
                continue
            roles = given_person.roles_on(first, last)
            announced = _entry(
                given_person, roles[0] if roles else None, f"{evidence} {written}.", "given", None
            )
    if announced is None:
        in_office = [s for s in speakers if s["role"]]
        announced = next((s for s in in_office if s["verb"] in ANNOUNCING), None) or next(
            iter(in_office), None
        )
    quoted: dict[str, dict[str, Any]] = {}
    for speaker in speakers:
        if (announced is None or speaker["person"] != announced["person"]) and speaker[
            "person"
        ] not in quoted:
            quoted[speaker["person"]] = speaker
    return {
        "announced_by": announced,
        "quoted": list(quoted.values()),
        "review": list(dict.fromkeys(review)),
    }


def _official(title: str) -> bool:
    return bool(
        re.search(
            r"\b(?:secretary of state|minister|treasurer|chancellor|secretary)\b", title, re.I
        )
    ) and not re.search(
        r"\b(?:shadow|former|late|opposition|general|assistant|permanent|press|private)\b",
        title,
        re.I,
    )


def _resolve(
    mention: Mention, first: str, last: str, directory: Directory, country: str | None
) -> tuple[Person, Role | None] | None:
    """Find the person a mention stands for and the role they held then (None if out of office)."""
    if mention.name:
        person = directory.named(mention.name, first, last, country)
        if person is None:
            # A scanned name ("Mr Whitlan, Prime Minister") is its title's holder if spelt alike.
            held = directory.holder(mention.title, first, last, country) if mention.title else None
            written = normal_name(mention.name).split()[-1:]
            if (
                held
                and written
                and SequenceMatcher(None, written[0], held[0].surname.lower()).ratio() >= 0.7
            ):
                return held
            return None
        roles = person.roles_on(first, last)
        fitting = [r for r in roles if mention.title and describes(mention.title, r.title)]
        if (
            mention.title
            and not fitting
            and len(normal_name(mention.name).split()) == 1
            and not any(describes(mention.title, r.title) for r in person.roles)
            and directory.describes_any(mention.title)
        ):
            return None  # "Foreign Minister Carr" is not a Carr who never held such an office
        return person, (fitting or roles)[0] if fitting or roles else None
    if mention.title:
        return directory.holder(mention.title, first, last, country)
    return None


def _entry(
    person: Person, role: Role | None, sentence: str, verb: str, mention: Mention | None
) -> dict[str, Any]:
    written = None
    if mention is not None:
        written = ", ".join(part for part in (mention.name, mention.title) if part)
    return {
        "person": person.key,
        "name": person.name,
        "role": role.title if role else None,
        "department": role.department if role else None,
        "sentence": sentence,
        "verb": verb,
        "as_written": written,
    }


def speakers_of(
    text: str,
    date_iso: str,
    registry: Any,
    given: str | None = None,
    prime_minister: str | None = None,
    country: str | None = None,
) -> dict[str, Any]:
    """Find a document's announcer and quoted people with its registry's directory of people."""
    if not registry.people:
        return {"announced_by": None, "quoted": [], "review": []}
    directory = directory_of(registry)
    first, last = span(date_iso)
    return find(text, first, last, directory, given, prime_minister, country)
