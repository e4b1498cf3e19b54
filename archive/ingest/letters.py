"""Keep an attached letter's or telex's heading and address out of the text, and its words in."""

from __future__ import annotations

import re

from archive.ingest.furniture import DATE

# "TELEX TO PRIME MINISTER FROM MR. WRAN. 30TH NOVEMBER, 1977.", "Text of a letter from ... to ...":
# what the letter is, who wrote it to whom, and when. A scan may glue a stray mark to its start.
_HEADING = re.compile(
    rf"^\S{{0,2}}\s*(?:text\s+of\s+(?:an?\s+|the\s+)?)?(?:telex|letter|message|cable|telegram)\s*[;:,.]?\s*"
    rf"(?:from|to)\b[^\n]{{0,100}}?(?:{DATE}[.,:]?|$)",
    re.IGNORECASE,
)
_ADDRESS_WORDS = (
    10  # an address line: "THE RT HON J. M. FRASER, M. P.," / "PRIME MINISTER OF THE COMMONWEALTH,"
)
_PLACE = re.compile(
    r"^[A-Z][A-Za-z~' -]{2,30}\.\s+(?=\S)"
)  # "CANBERRA. YOU WILL BE AWARE ...": the address's last line
_HEADING_WORDS = 16


def attached_letters(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop the heading and address of each letter, telex or message quoted in a release."""
    kept: list[str] = []
    dropped: list[str] = []
    address = False  # lines of the address go on until the letter's first words
    for line in lines:
        if not line:
            kept.append(line)
            continue
        heading = _HEADING.match(line)
        if (
            heading
            and len(heading.group().split()) <= _HEADING_WORDS
            and (heading.end() < len(line) or not _lower_case(line))
        ):
            dropped.append(heading.group().strip())
            line = line[heading.end() :].strip()
            address = not line
            if line:
                kept.append(line)
            continue
        short = len(line.split()) <= _ADDRESS_WORDS
        if address and short and line.endswith(",") and not _lower_case(line):
            dropped.append(line)
            continue
        if address:
            place = _PLACE.match(line)
            if place:
                dropped.append(place.group().strip())
                line = line[place.end() :]
            address = False
        kept.append(line)
    return kept, dropped


def _lower_case(line: str) -> bool:
    """Tell a line of running text in lower case from a heading in capitals."""
    words = line.split()
    return sum(1 for w in words if w[:1].islower()) >= 3
