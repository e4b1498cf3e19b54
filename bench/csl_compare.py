"""Set the archive's own APA, Harvard and OSCOLA beside CSL's (pandoc's citeproc), kind by kind.

    python bench/csl_compare.py > compare.txt

One made-up document of every kind, signed and unsigned, dated to the day. Read the two side by
side against the style guides; docs/citing.md says which was kept per style, and why.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from archive.corpus.kinds import KINDS
from archive.web import cite, csl

PAIRS = (("apa", "apa"), ("harvard", "harvard-cite-them-right"), ("oscola", "oscola"))
URL = "https://www.example.gov.au/media/funding"
DAY = dt.date(2026, 12, 5)


def main() -> None:
    makers = {"apa": cite.apa, "harvard": cite.harvard, "oscola": cite.oscola}
    for kind in [*KINDS, "board minutes"]:
        for author in (None, "Malcolm Turnbull"):
            doc = {
                "id": "x",
                "title": "Funding for regional hospitals",
                "date": "2016-03-01",
                "year": 2016,
                "source": "Department of Health",
                "type": kind,
                "author": author,
            }
            print(f"== {kind}, {'signed' if author else 'unsigned'}")
            item = csl.item(doc, URL, DAY)
            for own, style in PAIRS:
                theirs = html.unescape(
                    re.sub(r"<[^>]+>", "", csl.render([item], style)[0]["reference"])
                )
                print(f"  own  {own:8} {''.join(makers[own](doc, URL, DAY))}")
                print(f"  CSL  {own:8} {theirs}")


if __name__ == "__main__":
    main()
