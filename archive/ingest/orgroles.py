"""Part a body's name from an office held in it, and a portfolio's or department's name from a body.

Round 15's shapes of organisations, counted on 3,000 releases no sample holds
(docs/names-round15.md):

- a paper's kind before the body it is about, as a heading names it: "Comments on National
  Crime Authority", "Terms of Reference for Interim Committee";
- an office before the body it is held in, in a list of people and their posts: "Dr John Doe,
  Chairman Ridley Corporation Limited", "Mr Roe Principal Reduct Pty Ltd", "Mrs Jane Doe OAM -
  President ACT Australia Day Council": the body is the name, without its office;
- a portfolio or a department named by its field: "Health, Housing and Community Services
  Minister, Brian Howe", "the Family Services Minister", "our Department of Children's
  Services": where the text names it only so, it is no organisation (departments are counted
  apart, as departments).
"""

from __future__ import annotations

import re

# an office held in the body named right after it, with no "of" or "for" between them
_OFFICE_LEAD = re.compile(
    r"^(?:(?:Vice-?\s*)?President|Chair(?:man|woman|person)?|(?:Managing\s+)?Director|Member"
    r"|Principal|Patron|Manager|Trustee|Secretary|Treasurer|Commissioner)\s+(?=[A-Z])"
)
# a paper's kind before the body it is about, as a section's heading has it: "Comments on
# National Crime Authority", "Terms of Reference for Interim Committee", "Report of the ..."
_PAPER_LEAD = re.compile(
    r"^(?:Comments?|Remarks|Statement|Terms\s+of\s+Reference|Report|Reply|Submission|Response"
    r"|Letter|Message)\s+(?:on|for|of|to|from|by)\s+(?:the\s+)?(?=[A-Z])"
)
# after the office, a body of its own: a name ending in a body's word or a company's
_BODY_END = re.compile(
    r"\b(?:Council|Board|Corporation|Company|Limited|Ltd|Pty\s+Ltd|Society|Association|Club"
    r"|Foundation|Trust|Institute|Commission|Committee|Federation|Union|Police|Bank|Group)\.?$"
)


def office_off(name: str) -> str:
    """Return a body's name without the office held in it, or the paper, set before it."""
    paper = _PAPER_LEAD.match(name)
    if paper and len(name[paper.end() :].split()) >= 2:
        return name[paper.end() :]
    lead = _OFFICE_LEAD.match(name)
    if not lead:
        return name
    body = name[lead.end() :]
    return body if len(body.split()) >= 2 and _BODY_END.search(body) else name


def portfolio_only(name: str, flat: str) -> bool:
    """Tell a name the text uses only as a minister's portfolio or inside a department's name."""
    seen = False
    for m in re.finditer(re.escape(name), flat):
        seen = True
        before, after = flat[max(0, m.start() - 20) : m.start()], flat[m.end() : m.end() + 12]
        minister = re.match(r"\s+Minister\b", after)
        department = re.search(r"\bDepartment\s+of\s+(?:the\s+)?$", before)
        if not (minister or department):
            return False
    return seen


def tidied(found: dict[str, int], flat: str) -> dict[str, int]:
    """Return the names found, offices and papers off their fronts, portfolios left out."""
    found = {office_off(n): at for n, at in found.items()}
    return {n: at for n, at in found.items() if not portfolio_only(n, flat)}
