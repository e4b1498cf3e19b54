"""Paragraph breaks, round 13: a sentence goes on past a preposition to a figure or an amount.

Every record here is written for the test, in the shapes the Australian releases take (issue 21),
and goes through the real ingest into a corpus on disk; the first tests fail without the rule,
the guards say what must stay apart with or without it.
"""

from __future__ import annotations

import re
from pathlib import Path

from records import ingest_record

from archive.ingest.pipeline import Options

PROSE = (
    "The Australian Government today released a White Paper setting out how the nation can make "
    "the most of the opportunities of the decades ahead, in trade, education and investment."
)
MORE = (
    "The White Paper was prepared after consultation with business, unions and the community, and "
    "draws on submissions from every State and Territory over the past twelve months of work."
)
LAST = (
    "The Government will report on the progress of the plan each year, and the first report will "
    "be tabled in the Parliament before the end of the next financial year, the Minister said."
)


def _blocks(tmp_path: Path, text: str) -> list[str]:
    """Ingest one record through the real pipeline; return its body's paragraphs and items."""
    record = {
        "id": "1",
        "date": "2012-10-28",
        "title": "Australia in the decades ahead",
        "text": text,
    }
    report, corpus = ingest_record(tmp_path, record, Options(country="AU", source="PM Transcripts"))
    assert not report.skipped, [o.skipped for o in report.skipped]
    (written,) = list(corpus.rglob("*.md"))
    body = written.read_text("utf-8").removeprefix("---\n").partition("\n---\n")[2]
    parts = re.split(r"\n\s*\n|\n(?=- )", body)
    return [" ".join(p.split()) for p in parts if p.strip()]


def test_a_web_paragraph_cut_after_about_goes_on_to_its_amount(tmp_path: Path) -> None:
    # a web page's paragraph cut by a blank line after a preposition: the sentence goes on
    text = (
        f"{PROSE}\n\n{MORE}\n\nBy then, the White Paper says, average real national income per "
        "person in Australia will be about\n\n$73,000 per person in 2025, up from about $62,000 "
        f"today, as the region grows.\n\n{LAST}"
    )
    blocks = _blocks(tmp_path, text)
    assert any("will be about $73,000 per person in 2025" in b for b in blocks), blocks
    assert not any(b.startswith("$73,000") for b in blocks), blocks


def test_a_web_paragraph_cut_after_between_goes_on_to_its_years(tmp_path: Path) -> None:
    # the same with a figure: "... in the years between" / "2012 and 2025, ..." is one sentence
    text = (
        f"{PROSE}\n\n{MORE}\n\nThe region will account for most of the growth in the world's "
        "economy in the years between\n\n2012 and 2025, and Australia is well placed to share "
        f"in it, the White Paper finds.\n\n{LAST}"
    )
    blocks = _blocks(tmp_path, text)
    assert any("in the years between 2012 and 2025, and Australia" in b for b in blocks), blocks
    assert len(blocks) == 4, blocks


def test_a_heading_ending_and_over_stays_apart_from_its_paragraph(tmp_path: Path) -> None:
    # guard: "and over" closes a heading ("retirees aged 55 and over"); what follows is its text
    text = (
        f"{PROSE}\n\n{MORE}\n\nExtension of the Supplementary Bonus to retirees aged 55 and over"
        "\n\nThis measure extends the Supplementary Bonus to persons aged between 55 and the age "
        f"pension age, from 1 July 2000, at a cost of $20 million over four years.\n\n{LAST}"
    )
    blocks = _blocks(tmp_path, text)
    assert "Extension of the Supplementary Bonus to retirees aged 55 and over" in blocks, blocks
    assert any(b.startswith("This measure extends") for b in blocks), blocks


def test_a_figure_under_a_line_ending_on_a_noun_stays_apart(tmp_path: Path) -> None:
    # guard: a web page's heading and its figure ("Regional roads program" / "$650 million"): no
    # preposition is left open, so the figure is no sentence going on
    text = (
        f"{PROSE}\n\n{MORE}\n\nFunding for the regional roads program in the coming years\n\n"
        f"$650 million over four years, from 2013-14, for roads in regional areas.\n\n{LAST}"
    )
    blocks = _blocks(tmp_path, text)
    assert "Funding for the regional roads program in the coming years" in blocks, blocks
    assert any(b.startswith("$650 million over four years") for b in blocks), blocks


def test_a_sentence_closing_on_a_members_letters_ends_there(tmp_path: Path) -> None:
    # "M. P." closes a name, not an initial's sentence: "... Mr. Frank Crean, M. P." / "He ..."
    lines = [
        "The Premier of Tasmania sought the grant today during talks in Canberra",
        "with the Prime Minister, the Treasurer and Mr. Frank Crean, M. P.",
        "He sought the grant to enable the Launceston Corporation to proceed with",
        "the construction of a plant which would provide treatment facilities.",
        "The Prime Minister said that the request would be considered carefully.",
    ]
    blocks = _blocks(tmp_path, "\n\n".join(lines))
    assert any(b.startswith("He sought the grant to enable") for b in blocks), blocks
    assert not any("M. P. He sought" in b for b in blocks), blocks


def test_an_initial_before_a_capital_still_goes_on(tmp_path: Path) -> None:
    # guard: a lone initial's stop is no sentence's end ("... by Mr. J." / "Smith, who ...")
    lines = [
        "The Prime Minister announced today that the inquiry will be conducted by Mr. J.",
        "Smith, who was until last year the Chairman of the Tariff Board, and that",
        "it will report to the Government before the end of the year on its work.",
        "The terms of reference of the inquiry are attached to this statement.",
    ]
    blocks = _blocks(tmp_path, "\n\n".join(lines))
    assert any("by Mr. J. Smith, who was until last year" in b for b in blocks), blocks
