"""Furniture and paragraph breaks, round 14: a scan's run-in line parted (issue 21).

Every record here is written for the test, in the shapes the Australian releases take, and goes
through the real ingest (`archive ingest --country AU`'s pipeline) into a corpus on disk; the
body is read back from the file written. The first tests of each shape fail without its rule; the
guards say what must stay as it is with or without it.
"""

from __future__ import annotations

import re
from pathlib import Path

from records import SCAN, au_blocks, words


def _blocks(tmp_path: Path, lines: list[str], title: str = "ANTARCTIC POLICY") -> list[str]:
    return au_blocks(tmp_path, lines, title, items="- ")


def test_a_paragraphs_last_words_run_into_the_next_ones_first_line_part(tmp_path: Path) -> None:
    # "science." closed a paragraph; the scan ran it into the next paragraph's first line, which
    # is then longer than the page's width by that word
    lines = [*SCAN]
    lines[3] = "scientific community and the other nations working in the field"
    lines[4] = "of Antarctic science. The thirty-eight nations of the Antarctic Treaty System are"
    blocks = _blocks(tmp_path, lines)
    assert any(b.endswith("in the field of Antarctic science.") for b in blocks), blocks
    assert any(b.startswith("The thirty-eight nations of the Antarctic") for b in blocks), blocks
    assert words(blocks) == re.findall(r"\w+", " ".join(lines))  # no word lost or moved


def test_a_run_in_with_a_place_before_the_stop_parts_too(tmp_path: Path) -> None:
    # the paragraph's last word is a name: "... President of Indonesia." / "Mr Hawke said ..."
    lines = [*SCAN]
    lines[3] = "scientific community and with the President of the Republic"
    lines[4] = "of Indonesia. Mr Hawke said that the thirty-eight Treaty nations are"
    blocks = _blocks(tmp_path, lines)
    assert any(b.endswith("President of the Republic of Indonesia.") for b in blocks), blocks
    assert any(b.startswith("Mr Hawke said that the thirty-eight") for b in blocks), blocks


def test_a_long_line_holding_two_sentences_of_one_paragraph_whole_stays(tmp_path: Path) -> None:
    # guard: a line no longer than the page's width with a stop inside it is one paragraph's
    blocks = _blocks(tmp_path, SCAN)
    assert any(
        "nations working there. The thirty-eight nations" in b or b.startswith("The thirty")
        for b in blocks
    ), blocks
    assert not any(b == "scientific community and the other nations working there." for b in blocks)


def test_a_misread_stop_inside_a_name_is_no_run_in(tmp_path: Path) -> None:
    # guard: "... the Federal. Government. Tomorrow's meeting ...": one word after the stop is a
    # name going on, not a paragraph opening, however long the line
    lines = [*SCAN]
    lines[3] = "scientific community and to discuss these issues with the"
    lines[4] = "Federal. Government. The thirty-eight nations of the Antarctic Treaty are"
    blocks = _blocks(tmp_path, lines)
    assert any("issues with the Federal. Government." in b for b in blocks), blocks
    assert not any(b.startswith("Government. The thirty") for b in blocks), blocks


def test_a_title_after_the_stop_is_no_run_in(tmp_path: Path) -> None:
    # guard: "Sen." and "Mt." are a style and a place's word, not a sentence's end
    lines = [*SCAN]
    lines[3] = "scientific community, led by the Minister for Science,"
    lines[4] = "Sen. Button. The thirty-eight nations of the Antarctic Treaty System are"
    blocks = _blocks(tmp_path, lines)
    assert not any(b.endswith("Science, Sen.") for b in blocks), blocks


def test_a_web_pages_paragraph_of_several_sentences_stays_whole(tmp_path: Path) -> None:
    # guard: a web page's lines are whole paragraphs, however long: no line there is a run-in
    paragraphs = [
        "Justice Kiefel was appointed to the High Court in 2007. She will be the first woman "
        "to serve as Chief Justice of the High Court of Australia.",
        "Her Honour holds a Master of Laws from Cambridge. She was called to the Queensland Bar.",
        "The Government thanks the retiring Chief Justice for his years of judicial service.",
        "Short.",
        "The appointments take effect at the end of January next year, the Prime Minister said.",
        "Justice Edelman will fill the vacancy. He is a judge of the Federal Court of Australia.",
    ]
    blocks = _blocks(tmp_path, paragraphs, title="High Court appointments")
    assert any(b.startswith("Justice Kiefel was appointed") and "She will be" in b for b in blocks)
    assert any("from Cambridge. She was called" in b for b in blocks), blocks


def _body(tmp_path: Path, lines: list[str]) -> str:
    return " ".join(_blocks(tmp_path, lines))


def test_a_stray_letter_before_the_end_mark_goes_with_it(tmp_path: Path) -> None:
    # "... positions in the bank." / "r oOo---": the end mark went, the scan's "r" before it stays
    lines = [*SCAN, "r oOo---"]
    body = _body(tmp_path, lines)
    assert body.endswith("when the consultations are over."), body


def test_an_archives_stamp_and_noise_after_the_last_sentence_go(tmp_path: Path) -> None:
    # a number led by a nought, capitals inside a token: the archive's and the scan's, not words
    for noise in (["00104,3"], ["oooCo00"], ["; r", "1111110111W"]):
        body = _body(tmp_path / noise[0][:2].strip(";"), [*SCAN, *noise])
        assert body.endswith("when the consultations are over."), (noise, body)


def test_a_tables_last_cell_and_a_reply_after_the_last_sentence_stay(tmp_path: Path) -> None:
    # guard: a figure, an amount, a word after the last line stay: they are no scan's noise
    table = [*SCAN, "Grants to the States are as follows:", "Arcadia 8 300", "Ayr 802", "6,000"]
    assert _body(tmp_path / "table", table).endswith("Ayr 802 6,000")
    assert _body(tmp_path / "amount", [*SCAN, "$5,026,710"]).endswith("$5,026,710")
    assert _body(tmp_path / "reply", [*SCAN, "Okay."]).endswith("Okay.")


def test_a_headlines_last_word_run_into_the_first_sentence_goes(tmp_path: Path) -> None:
    # the headline wrapped over two lines, its last word run into the first sentence's line
    lines = [
        "ACTING PRIME MINISTER",
        "ECUMENICAL CHURCH SERVICE FOR VICTIMS AND FAMILIES OF THREDBO",
        "TRAGEDY An ecumenical church service will be held tomorrow to pray for",
        *SCAN,
    ]
    title = "ECUMENICAL CHURCH SERVICE FOR VICTIMS AND FAMILIES OF THREDBO TRAGEDY"
    blocks = _blocks(tmp_path, lines, title=title)
    assert blocks[0].startswith("An ecumenical church service will be held"), blocks
    assert not any("TRAGEDY" in b for b in blocks), blocks


def test_an_acronym_opening_the_first_sentence_under_a_whole_headline_stays(
    tmp_path: Path,
) -> None:
    # guard: the headline stands whole above; the same word opening the text is the sentence's
    lines = [
        "FOR MEDIA",
        "TALKS WITH ASEAN",
        "ASEAN Leaders met today in Canberra to discuss the trade of the region and",
        *SCAN,
    ]
    blocks = _blocks(tmp_path, lines, title="TALKS WITH ASEAN")
    assert blocks[0].startswith("ASEAN Leaders met today"), blocks


def test_a_margin_mark_read_as_i_inside_a_sentence_goes(tmp_path: Path) -> None:
    # "... and their I" / "willingness to ...": no pronoun follows "their"; the scan's mark goes
    lines = [*SCAN]
    lines[1] = "decided to increase its support for the scientists and their I"
    lines[2] = "willingness to work in the Antarctic over the next five years, with the"
    blocks = _blocks(tmp_path, lines)
    assert any("for the scientists and their willingness to work" in b for b in blocks), blocks


def test_a_pronoun_at_a_lines_end_stays(tmp_path: Path) -> None:
    # guard: "... the decision that I" / "announced ...": "I" after a word a pronoun follows
    lines = [*SCAN]
    lines[1] = "decided to increase its support, a decision that I"
    lines[2] = "announced in the Parliament, for scientific research in the"
    blocks = _blocks(tmp_path, lines)
    assert any("a decision that I announced in the Parliament" in b for b in blocks), blocks
