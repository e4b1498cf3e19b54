"""Whose money an amount is, from the subject its sentence names before it: a variant feature.

Money announced is the speaker's government's; the same words of giving are written of others'
money: "The ACT Government is also contributing around $8 million", "New Zealand will also invest
NZ$122 million", "Shell Australia Limited … a $750,000 sponsorship", "the Gates Foundation's $40
million", "Labor has promised to spend $2.5 billion". The nearest subject before the amount, of
five kinds (ours, a State's or council's, another country's, a body's: a company, university,
foundation, industry or appeal, the opposition's), is named for the trained model to weigh; it
learns from the labels how far each kind moves a sum away from `announced`.
"""

from __future__ import annotations

import re

_NEAR = 80  # characters before the amount: a subject further back is another clause's

_LEADERS = (
    r"Australian|Federal|Commonwealth|National|Albanese|Morrison|Turnbull|Abbott|Rudd|Gillard|"
    r"Howard|Keating|Hawke|Fraser|Whitlam|McMahon|Gorton|Holt|Menzies|Coalition|Labor|Liberal"
)
_KINDS = (
    (
        "ours",
        re.compile(
            rf"\b(?:(?:the\s+)?(?:{_LEADERS})(?:\s+(?:Labor|Coalition|Liberal))?\s+Government|"
            r"(?i:the|my|our|this)\s+Government|(?i:the)\s+Commonwealth|Australia|"
            r"(?:we|I)(?=\s+(?:will|have|are|am|had|would|can|'ll|’ll|'ve|’ve))|"
            r"(?i:the)\s+(?:Prime\s+)?Minister|(?i:the)\s+Department)\b"
        ),
    ),
    (
        "state",
        re.compile(
            r"\b(?:(?:the\s+)?(?:New\s+South\s+Wales|NSW|Victorian?|Queensland|Western\s+"
            r"Australian?|South\s+Australian?|Tasmanian?|ACT|Northern\s+Territory|NT|WA|SA|State|"
            r"Territory|[A-Z]\w+\s+(?:City|Shire|Regional))\s+(?:Government|Council)s?|"
            r"(?i:the)\s+States?|Premiers?|councils?|local\s+government|(?:Tasmania|Victoria|"
            r"Queensland|New\s+South\s+Wales|Western\s+Australia|South\s+Australia|the\s+Northern"
            r"\s+Territory)(?=\s+(?:will|has|is|would|also)))\b"
        ),
    ),
    (
        "foreign",
        re.compile(
            r"\b(?:New\s+Zealand|the\s+United\s+(?:States|Kingdom)|Japan|China|Indonesia|India|"
            r"Papua\s+New\s+Guinea|Fiji|Canada|Britain|the\s+(?:US|UK|EU)|the\s+World\s+Bank|"
            r"the\s+European\s+Union|other\s+(?:donors|countries|nations))\b"
            r"|\b(?!(?:The|This|My|Our|Their|Federal|Commonwealth|Australian|State|Territory)\b)"
            r"[A-Z]\w+(?:\s+[A-Z]\w+)?\s+Government(?=\s+(?:will|has|is|had))"
        ),
    ),
    (
        "body",
        re.compile(
            r"\b(?:[A-Z][\w&'’.-]*\s+){1,4}(?:Foundation|University|Institute|Trust|Association|"
            r"Society|Limited|Ltd|Pty|Inc|Corporation|Company|Group|Holdings|Council\s+of\s+\w+)\b"
            r"|\b(?:the\s+)?(?:universit(?:y|ies)|foundations?|industry|compan(?:y|ies)|"
            r"business(?:es)?|private\s+sector|philanthropists?|donors?|investors?|"
            r"the\s+appeal|sponsors?|developers?|consortium)\b",
            re.I,
        ),
    ),
    (
        "opposition",
        re.compile(
            r"\b(?:the\s+Opposition|Labor(?!\s+Government)|the\s+Coalition(?!\s+Government)|"
            r"the\s+Liberals?|the\s+Greens|Shadow\s+\w+|Mr\s+(?:Shorten|Hewson|Beazley|Latham|"
            r"Crean|Peacock|Downer|Dutton)|Dr\s+Hewson)\b"
        ),
    ),
)


def subject(sentence: str, amount: str) -> list[str]:
    """Name whose money the sentence says an amount is: the kind of the nearest subject named in
    the few words before it ("subj_ours", "subj_body", …), if any."""
    at = sentence.find(amount)
    before = sentence[:at] if at >= 0 else sentence
    nearest: tuple[int, str] | None = None
    out = []
    for kind, pattern in _KINDS:
        last = None
        for match in pattern.finditer(before):
            last = match
        if last is not None and len(before) - last.end() <= _NEAR:
            if nearest is None or last.end() > nearest[0]:
                nearest = (last.end(), kind)
    if nearest is not None:
        out.append(f"subj_{nearest[1]}")
    return out
