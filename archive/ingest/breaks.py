"""Tell where a paragraph ends: never at "Mr.", an initial, a misread stop."""

from __future__ import annotations

import re

# A line ending in one of these has not ended its sentence: "a message from Mr." / "Macmillan".
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Messrs|Prof|Sir|St|Hon|Rt|Sen|Gen|Col|Capt|Lt|Rev|Mt|No|Nos|Co|Pty|Ltd|Inc|Esq|Jr|Sr|"
    r"[A-Z])\.$"
)
# A list item: "1.", "(a)", "(iv)", "2)", "a." and a bullet (the Symbol and Wingdings fonts' too).
LIST_ITEM = re.compile(
    r"^(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|[•·▪◦‣*\uf0b7\uf0a7]|[-–—](?=\s))\s+\S"
)
# A line naming one person, under a line that ends with a name: "Appointed to the Control Board" /
# "Mr W. L. C. Davies": an entry of a list, not a wrapped sentence.
_NAME_ENTRY = re.compile(
    r"^(?:Mr|Mrs|Ms|M/s|Dr|Prof|Professor|Sir|Dame|Senator|Justice)\.?\s+\S+(?:\s+\S+){0,10}$"
)
# A name however long its description, "Mr W. L. C. Davies, manager of Southern T. V. ...", under
# a short heading or another entry
_LONG_ENTRY = re.compile(
    r"^(?:Mr|Mrs|Ms|M/s|Dr|Prof|Professor|Sir|Dame|Senator)\.?\s+(?:[A-Z][\w'’-]*\.?\s+){0,4}"
    r"[A-Z][\w'’-]*(?:,|\s+\()"
)
# A line ending on an article, a preposition or a conjunction has not ended its sentence, however
# the next opens: "... after the crisis. The" / "Republic of Korea acknowledges ..."
# (not a list's item ending "; and" or ", and"; not noise: "Gonrb~ r r a")
_DANGLING = re.compile(
    r"(?:(?<=[a-z]{2})['’)]?\s(?:the|a|an|of|to|for|with|from|by|at|into|in|on)"
    r"|(?<=[a-z]{2})['’)]?\s(?:and|or)|[.!?]\s+(?:The|A|An))$"
)
# a preposition a sentence does not stop on, before what it governs: "... will be about" /
# "$73,000 per person" (not "over" or "under": "... retirees aged 55 and over" closes a heading)
_PREPOSITION = re.compile(
    r"(?<=[a-z]{2})\s(?:about|around|between|than|per|during|through|towards|against"
    r"|within|without|across|among|approximately|nearly|almost)$"
)
_GOES_ON = re.compile(r"[^\W_]|\$\d")  # a word, a figure or an amount goes on the sentence
# a member of Parliament's letters close a name and a byline with it (not an initial's stop)
_MEMBER = re.compile(r"\bM\.\s?P\.$")
# the same without the stop, as later releases spell them: "and Dr" / "Mervyn Probine"
_STYLE_OPEN = re.compile(r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Messrs|Prof|Sir|Hon|Rt)$")
_HEADING_WORDS = 8
_ENDS_NAME = re.compile(r"(?:\b[A-Z][\w.'’-]*|\))$")
# A sentence does not end on an article, a preposition or a hyphen: "placed upon." / "us. We",
# "unreasonable -ar e those-." / "who refused": the stop is a misread mark.
_OPEN_END = re.compile(
    r"(?:\b(?:the|a|an|of|to|upon|for|with|from|by|at|into|those|these|whose|than)|-)\.$",
    re.IGNORECASE,
)
_SMALL_OPENING = re.compile(r"(?:to|of|and|or|in|for|with|from|by|at|on|into|than)\s")
_OCR_STOP = (
    3  # words: a "sentence" this short before a line going on in lower case is a misread mark
)
_ITEM_CLOSED = (".", "!", "?", ":", ";")  # an item ending so is whole
_FULL = 0.7  # of the block's longest line: a shorter line ends its paragraph


# A scan's stop after a word's first letter or a lone word, at a line's start, under a line left
# open: "... has seen the creation of" / "a. network for exchanges", "... resolution" / "t. see this
# task through". Not an item: "i.", "v.", "x." may be numerals, and an item follows "; and".
_STRAY_STOP = re.compile(r"^[a-hj-uwyz]\.\s+[a-z]")
_ITEM_AND = re.compile(r"(?:and|or)$")


# A scan's margin mark before a line that goes on with the sentence: "... introduced the R. E. D." /
# "* Scheme when it was in office ...", "... and the Premier of" / "*. New South Wales, Mr. ..."
_MARGIN = re.compile(r"^\*[.\-]?\s*(?=\w)")
_BULLET_OPEN = re.compile(r"^[•·▪◦‣*\uf0b7\uf0a7]")


def margin_mark(previous: str, line: str) -> str | None:
    """Return a line without the scan's margin mark where the sentence goes on over it."""
    mark = _MARGIN.match(line)
    if not mark or not previous or _BULLET_OPEN.match(previous) or LIST_ITEM.match(previous):
        return None  # an item after an item: "* the extension of the runway; and" / "* an ..."
    if _CLOSED.search(previous) and not _ABBREVIATION.search(previous):
        return None
    rest = line[mark.end() :]
    if rest[:1].islower() or _DANGLING.search(previous) or _ABBREVIATION.search(previous):
        return rest
    return None


def continues(previous: str, line: str) -> bool:
    """Tell whether a line goes on with the sentence the previous line left open."""
    if not previous or not line:
        return False
    if (
        _STRAY_STOP.match(line)
        and re.search(r"[a-z]$", previous)
        and not _ITEM_AND.search(previous)
        and not LIST_ITEM.match(previous)
    ):
        return True
    if LIST_ITEM.match(line):
        return False
    if _MEMBER.search(previous) and line[:1].isupper():
        return False  # a byline's member closes it: "... G. Gorton, M. P." / "The Acting ..."
    if _ABBREVIATION.search(previous) and line[:1].isalpha():
        return True
    if _STYLE_OPEN.search(previous) and line[:1].isupper():
        return True
    if (_DANGLING.search(previous) or _PREPOSITION.search(previous)) and _GOES_ON.match(line):
        return True  # "... will be about" / "$73,000 per person in 2025"
    if line[:1].islower() and previous.endswith((";", ",")):
        return True
    if (
        line[:1].islower()
        and (LIST_ITEM.match(previous) or _BULLET_OPEN.match(previous))
        and not previous.endswith(_ITEM_CLOSED)
    ):
        return True  # "* Rail and road subsidies on the transport of fodder" / "and the movement"
    if line[:1].islower() and _OPEN_END.search(previous):
        return True
    if line[:1].islower() and previous.endswith("."):
        if _SMALL_OPENING.match(line):
            return True  # "... a major contribution." / "to Australian life.": no sentence opens so
        last = re.split(r"(?<=[.!?])\s+", previous.rstrip("."))[-1]
        return len(last.split()) <= _OCR_STOP  # "Regionalism." / "also opens ...": a misread mark
    return False


# A sentence's opening word, in capitals, with a word in lower case after it: "That, of course",
# "There has been", "It is". After a comma it shows the comma was a full stop the scan misread:
# "... employment opportunities were not coming forward very readily," / "That, of course, ...".
_OPENING = re.compile(
    r"^(?:It|That|There|This|These|Those|The|We|Our|They|He|She|But|However|Nothing|What|When|If|In)"
    r",?\s+[a-z]"
)
_CLAUSE_WORDS = 5  # a comma closing a line this long closes a clause, not a name in a list


def comma_stop(previous: str, line: str) -> bool:
    """Tell a paragraph's end at a full stop a scan read as a comma, by the sentence after it."""
    return (
        previous.rstrip().endswith(",")
        and len(previous.split()) >= _CLAUSE_WORDS
        and bool(_OPENING.match(line))
    )


def list_line(last: str, line: str) -> bool:
    """Tell an item of a list after a colon, one to a line: "A ban on all automatic firearms" /
    "Strict licensing of each person to possess a firearm" / "Registration of all firearms".

    The line before closes on a word in lower case and no mark, and leaves nothing open ("the",
    "Mr", "and"); this line opens in capitals with a word in lower case after it, as an item does
    and a name ("Service Board", "MR. ADERMANN") does not.
    """
    return (
        bool(_ITEM_OPENING.match(line))
        and last[:1].isupper()
        and bool(re.search(r"\b[a-z][a-z'’]*$", last))
        and not _NO_END.search(last)
        and len(line.split()) <= _ITEM_WORDS
        and len(last.split()) <= 2 * _ITEM_WORDS  # an item, not a paragraph after "EMBARGO:"
        and not continues(last, line)
        and not list_entry(last, line)
    )


# words no sentence ends on: "... your" / "Government's decision", "... former" / "Chief of ..."
_NO_END = re.compile(
    r"\b(?:your|our|their|his|her|its|my|former|late|new|acting|deputy|this|these|those|whose"
    r"|very|such|both|each|every|any|some|no|not|also|than|as|is|are|was|were|be|will|would"
    r"|all|many|most|few|several|other|certain|two|three|four"
    r"|and|or|of|the|a|an|to|for|with|by|from|in|on|at)$"  # "... Service ( CES) and" (round 16)
)
_ITEM_OPENING = re.compile(r"^[A-Z][a-z'’-]+\s+[a-z]")
_ITEM_WORDS = 12


def join_blocks(lines: list[str]) -> list[str]:
    """Join the lines of a block wrapped at a fixed width where blank lines part the paragraphs.

    Only a text most of whose lines stand in blocks of several lines says where its paragraphs end
    by its blank lines; a scan with a blank line after every line says nothing by them.
    """
    nonblank = [i for i, line in enumerate(lines) if line]
    inside = sum(1 for i in nonblank if i + 1 < len(lines) and lines[i + 1])
    if len(nonblank) < 4 or inside < 0.3 * len(nonblank):
        return lines
    # a text of lines longer than any fixed width a page wraps at is a web page's: there each line
    # is a paragraph or an item of its own ("Australia will:" / "Provide an extra ..." / ...)
    flows = flowing(lines)
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
            continue
        # a block of lines after a colon is a list's, whatever their length
        listed = next((line for line in reversed(out) if line), "").endswith(":")
        out.extend(_join(block, flows and not listed, flows))
        out.append("")
        block = []
    return out[:-1]


def _join(block: list[str], wide: bool = False, flows: bool = False) -> list[str]:
    if len(block) < 2:
        return block
    width = max(len(line) for line in block)
    joined = [block[0]]
    for line in block[1:]:
        previous = joined[-1].split("\n")[-1]
        full = len(block[block.index(line) - 1]) >= _FULL * width
        # a web page's lines are its paragraphs and items, each whole ("Australia will:" /
        # "Provide an extra ..." / "Maintain ..."), unless one stops at a comma or a small word
        # ("... National People's Congress," / "Peking"; "... 1800 737 732, or" / "MensLine ...")
        # or runs open to the page's width ("... half carry Warrant Officer" / "Swanton from ...")
        if flows:
            full = (
                previous.endswith(",")
                or bool(_DANGLING.search(previous))
                or (wide and len(previous) >= _WIDE and not _CLOSED.search(previous))
            )
        if (
            full
            and not LIST_ITEM.match(line)
            and not previous.endswith(":")
            and len(previous.split()) >= 5
            and not list_entry(previous, line)
        ):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


_WIDE = 150  # characters: a web page's line this long that stops open was wrapped, not ended
_CLOSED = re.compile(r"[.!?:;][\"”’')\]]*$")
_ITEM_SEMI = re.compile(r";(?:\s+(?:and|or))?$")  # how an item of a list in sentences ends
_FLOWING = 120  # characters: a text wrapped at a fixed width has its lines shorter than this


def flowing(lines: list[str]) -> bool:
    """Tell a text whose paragraphs stand one to a line (a web page's) from a wrapped one."""
    long = sorted(len(line) for line in lines if len(line.split()) >= 5)
    return bool(long) and long[len(long) // 2] >= _FLOWING


def flowing_item(previous: str, line: str) -> bool:
    """Tell an item of a list one to a line after a colon in a text not wrapped at a width.

    The item opens in lower case and closes on no mark: "... can be improved because:" /
    "families are struggling to find quality child care ..." / "a small but significant number of
    children ...". A line going on from an article or a preposition is the same sentence.
    """
    if _DANGLING.search(previous) or LIST_ITEM.match(line) or _SMALL_OPENING.match(line):
        return False  # "... (NZ to OZ Helpline direct link)" / "or 0800 600 555 ...": one item
    if previous and not _CLOSED.search(previous) and _ITEM_SEMI.search(line):
        return False  # "promoting an entrepreneurial culture in indigenous" / "communities; and"
    # in lower case; or in capitals and open, as an item is and a sentence is not: "Using
    # Australian steel across our naval shipbuilding program" /
    # "Strengthening ... system"; shorter than a paragraph the collection cut off mid-sentence
    return line[:1].islower() or (
        line[:1].isupper()
        and not _CLOSED.search(line)
        and len(line) < _WIDE
        and bool(
            re.search(r"\s[a-z]{3,}\b", line)
        )  # not a name, a place, a date, a scan's capitals
    )


def list_entry(previous: str, line: str) -> bool:
    """Tell a line that opens an entry of a list of people from the rest of a wrapped sentence."""
    if not _ENDS_NAME.search(previous):
        return False
    short = len(previous.split()) <= _HEADING_WORDS or bool(_NAME_ENTRY.match(previous))
    return bool(_NAME_ENTRY.match(line) or (short and _LONG_ENTRY.match(line)))


# A signature in brackets with a heading in capitals after it on the same line, as a scan joins
# a letter's end to what follows it: "( Malcolm Fraser) TERMS OF REFERENCE"
_SIGNED_HEADING = re.compile(
    r"^(\(\s*(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*\s*\))\s+((?:[A-Z][A-Z'’&-]*\s+)+[A-Z][A-Z'’-]+)$"
)


def headings_apart(lines: list[str]) -> list[str]:
    """Part a heading in capitals from the bracketed signature a scan glued it to."""
    out: list[str] = []
    for line in lines:
        glued = _SIGNED_HEADING.match(line)
        out.extend([glued[1], glued[2]] if glued else [line])
    return out


# A scan that ran a paragraph's short last line and the next paragraph's first line into one
# line: "science. The thirty-eight nations of the Antarctic Treaty System are", longer than the
# page's width by the closing words. Only where what follows the stop is a full line of its own.
# The closing word may be a year or a figure ("... in the early 19809." / "The new aid levels ..."),
# an item may close on ";" ("... 30 days; Service in Korea ..."), and the next paragraph may open
# with "I" or "A" ("suffering. I have informed the Premiers ...") (round 15).
_RUN_IN = re.compile(
    r"(?:(?<=[a-z]{3}[.?;])|(?<=\d{2}[.?;]))([\"'”’)]?)\s+(?=[\"'“‘]?(?:[A-Z][a-z]|[AI]\s[a-z]))"
)
_NOT_CLOSING = re.compile(
    r"\b(?:the|a|an|of|to|for|with|from|by|at|into|and|or|Mrs|Messrs|Prof|Sen|Hon|Gen|Col|Capt"
    r"|Rev|Mt|Pty|Ltd|Inc|Esq|Bros|Nos|Aust|Senator|etc)[.?]$",
    re.IGNORECASE,
)
_PAGE_WIDTH = 95  # characters: wider than this, lines are a web page's paragraphs, not a width
_OVER = 1.1  # of the page's width: a line this long holds more than a line
_WHOLE = 0.8  # of the page's width: what follows the stop is a full line
_CLOSING_WORDS = 3  # a paragraph's last line run in is short: "science." / "in Antarctica."
_TWO_LINES = 1.6  # of the page's width: longer, a line is a paragraph of its own, not two run in


def run_ins_apart(lines: list[str], scanned: set[str]) -> list[str]:
    """Part a paragraph's last words from the next paragraph's first line where a scan ran them.

    Only lines as the scan gave them (scanned): a line ingest joined, such as a page's catchword
    folded into the next page's first line ("... account of them. We propose ..."), is not one.
    """
    widths = sorted(len(line) for line in lines if len(line.split()) >= 5)
    if len(widths) < 6 or widths[len(widths) // 2] > _PAGE_WIDTH:
        return lines
    width = widths[len(widths) // 2]
    out: list[str] = []
    for line in lines:
        parted = (
            line in scanned
            and _OVER * width < len(line) <= _TWO_LINES * width
            # the closing words end a sentence the line before left open: after a stop they would
            # be a sentence of their own, as a name's misread stop makes one ("... with the
            # Federal." / "Government. Tomorrow's meeting ...")
            and not (out and _CLOSED.search(out[-1]))
            and next(
                (
                    stop
                    for stop in _RUN_IN.finditer(line)
                    if len(line) - stop.end() >= _WHOLE * width
                    and len(line[stop.end() :].split()) >= 5
                    and len(line[: stop.start()].split()) <= _CLOSING_WORDS
                    # a sentence opens there, not a name's next word after a misread stop: "...
                    # with the Federal. Government. Tomorrow's meeting ..."
                    and len(re.split(r"(?<=[.!?])\s", line[stop.end() :])[0].split()) >= 3
                    and not _NOT_CLOSING.search(line[: stop.start()])
                    and _closes(line[: stop.start()], out)
                ),
                None,
            )
        )
        out.extend([line[: parted.end(1)], line[parted.end() :]] if parted else [line])
    return out


def _closes(closing: str, before: list[str]) -> bool:
    """Tell closing words a paragraph's last that a figure or ";" ends from a name or a clause.

    A figure closes a paragraph only in lower case around it ("... in the early 19809."), not a
    name's misread initial ("... Prime Minister, Mr. 51. McEwen, following ..."); ";" closes a
    list's item only where a list is going on, not a sentence's clause ("... by Mr Russell
    Drysdale; Mr McEwen's by Mr W. A. Dargie; ...").
    """
    if closing.endswith(";"):
        return any(line.endswith((":", ";", ":-")) for line in before[-4:])
    if closing[-2:-1].isdigit():
        return not any(word[:1].isupper() for word in closing.split())
    return True
