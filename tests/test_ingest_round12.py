"""Furniture inside lines, round 12: marks glued to a release's last line, bylines, noisy heads.

Every record here is written for the test, in the shapes the Australian releases take (issue 21),
and goes through the real ingest (`archive ingest --country AU`) into a corpus on disk; each test
reads the document written. Each shape's test fails without its rule; the guards beside them
(what must stay) pass with and without.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.ingest.pipeline import Options, ingest

ROOT = Path(__file__).resolve().parent.parent
PROSE = "The Government has decided to provide further assistance to the farmers of the region."
MORE = "The assistance will be available through the existing arrangements with the States."


def _ingested(tmp_path: Path, text: str, title: str = "DROUGHT ASSISTANCE") -> tuple[str, list]:
    """Ingest one record as `archive ingest --country AU` does; return its body and amounts."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for registry in ("departments.yaml", "programmes.yaml"):
        (corpus / registry).write_text((ROOT / "corpus" / registry).read_text("utf-8"), "utf-8")
    source = tmp_path / "records.jsonl"
    record = {"id": "7", "date": "1985-06-03", "title": title, "text": text}
    source.write_text(json.dumps(record) + "\n", "utf-8")
    report = ingest([source], corpus, Options(country="AU", source="PM Transcripts"), workers=1)
    assert len(report.written) == 1, report.skipped
    written = next(corpus.rglob("*.md")).read_text("utf-8")
    body = written.split("\n---\n", 1)[1]
    return " ".join(body.split()), [(a.value, a.currency) for a in report.written[0].amounts]


def _body(tmp_path: Path, text: str, title: str = "DROUGHT ASSISTANCE") -> str:
    return _ingested(tmp_path, text, title)[0]


# Marks glued after the last sentence ---------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "kept", "gone"),
    [
        # an end mark after a quotation's close
        ("as the President of the Council.' 000---", "President of the Council.'", "000"),
        # a stray letter the scan read after the last sentence
        ("committed to secret ballot legislation. S", "ballot legislation.", " S"),
        # tokens no word is spelt like, after a stop read twice
        ("leased back to the Commonwealth for Army use. . IjJZ", "for Army use.", "IjJZ"),
        # an archive's stamp and a page's number after the last sentence
        (
            "which has enabled us to reach agreement this afternoon. 0036' 2",
            "this afternoon.",
            "0036",
        ),
    ],
)
def test_marks_glued_after_the_last_sentence_go(
    tmp_path: Path, last: str, kept: str, gone: str
) -> None:
    body = _body(tmp_path, f"{PROSE}\n\n{MORE}\n\n{last}")
    assert body.endswith(kept), body
    assert gone not in body.split(kept)[-1], body


@pytest.mark.parametrize(
    "closing",
    ["CANBERRA 21 Februay 1993 47", "SEATTLE, WASHINGTON NOVUERt 18 1993 3 2711"],
)
def test_numbers_after_a_closing_date_go_and_the_date_stays(tmp_path: Path, closing: str) -> None:
    body = _body(tmp_path, f"{PROSE}\n\n{MORE}\n\n{closing}")
    date = closing.rsplit("1993", 1)[0] + "1993"
    assert body.endswith(date), body


@pytest.mark.parametrize(
    "last",
    [
        "CANBERRA. A. C. T.",  # a dateline's initials are no stray letters
        "CANBERRA 4 JUNE 1993",
        "The scheme will cost $ 1,500 in 1993",  # a sentence's own figures
        "The programme was extended to cover the years to 1993 and 1994",
        "He was proud to serve as Secretary to the Prime Minister, Mr R. J. L. Hawke.",
    ],
)
def test_a_last_line_of_the_release_stays_whole(tmp_path: Path, last: str) -> None:
    body = _body(tmp_path, f"{PROSE}\n\n{MORE}\n\n{last}")
    assert body.endswith(last), body


def test_amounts_stay_beside_the_marks_taken(tmp_path: Path) -> None:
    text = (
        f"{PROSE}\n\nThe Commonwealth will provide $190 million over five years for the scheme.\n\n"
        "The States will add $ 40 million.\n\nCANBERRA 21 Februay 1993 47"
    )
    body, amounts = _ingested(tmp_path, text)
    assert sorted(value for value, _ in amounts) == [40_000_000, 190_000_000], amounts
    assert "$190 million over five years" in body and not body.endswith("47"), body


# A web page's list of attached files ----------------------------------------------------------


def test_a_list_of_attached_files_goes(tmp_path: Path) -> None:
    text = (
        f"{PROSE}\n\n{MORE}\n\nAttachments\n\n"
        " * A National Plan for Water Security - Key Questions - RTF 24KB | PDF 35KB\n\n"
        "* Murray Darling Basin - Referral of Functions and Powers - RTF 83KB | PDF 55KB"
    )
    body = _body(tmp_path, text)
    assert "KB" not in body and "Attachments" not in body and "Referral" not in body, body
    assert body.endswith(MORE), body


def test_a_sentence_naming_a_pdf_stays(tmp_path: Path) -> None:
    line = "The report is available as a PDF of 35KB from the Department's office in Canberra."
    assert line in _body(tmp_path, f"{PROSE}\n\n{line}\n\n{MORE}")


# Lines above the article --------------------------------------------------------------------


def test_an_embargo_going_on_to_its_next_line_goes(tmp_path: Path) -> None:
    text = (
        "EMBARGO NOT TO BE BROADCAST, TELEVISED, OR PUBLISHED\n\nBEFORE MIDNIGHT, MONDAY, "
        "8TH APRIL0\n\nP. M. No. 32/ 1963.\n\nFOR PRESS VISIT OF MR. T. T. KRISHNAMACHARI\n\n"
        "Statement by the Prime Minister, the Rt. Hon. Sir Robert Menzies\n\n"
        "Mr. T. T. Krishnamachari, Indian Minister\n\nfor Economic and Defence Co-ordination, "
        "will pay a visit to Australia, arriving\n\nin Sydney on the morning of Tuesday, 23rd "
        f"April.\n\n{PROSE}"
    )
    body = _body(tmp_path, text, title="VISIT OF MR. T. T. KRISHNAMACHARI")
    assert "MIDNIGHT" not in body and "Statement by" not in body, body
    # the sentence's subject under the byline is the article's: a line going on in lower case
    assert body.startswith("Mr. T. T. Krishnamachari, Indian Minister for Economic"), body


@pytest.mark.parametrize(
    "byline", ["From the Prime Minister, Mr. JohnGorton", "From the Acting Prime Minister"]
)
def test_a_byline_above_the_article_goes(tmp_path: Path, byline: str) -> None:
    text = f"FOR PRESS: P. M. No. 33/ 1968\n\nDROUGHT ASSISTANCE\n\n{byline}\n\n{PROSE}\n\n{MORE}"
    body = _body(tmp_path, text)
    assert byline.split()[1] not in body.split()[:3] and body.startswith(PROSE[:30]), body


def test_a_sentence_opening_like_a_byline_stays(tmp_path: Path) -> None:
    line = "From the Prime Minister's office came word today that the talks had been concluded."
    body = _body(tmp_path, f"DROUGHT ASSISTANCE\n\n{line}\n\n{PROSE}\n\n{MORE}")
    assert body.startswith(line), body


def test_noise_glued_before_the_repeated_headline_goes(tmp_path: Path) -> None:
    text = (
        "67-107(\n\nJ'QO, fJ iR l -) SS_ ul AUSTRALIAN LOAN COUNCIL\n\n"
        "The Australian Loan Council decided at its meeting today that the borrowing\n\n"
        f"programme for the States' works and housing should be increased.\n\n{MORE}"
    )
    body = _body(tmp_path, text, title="AUSTRALIAN LOAN COUNCIL")
    assert body.startswith("The Australian Loan Council decided"), body


def test_a_mark_opening_the_first_sentence_goes_and_its_words_stay(tmp_path: Path) -> None:
    text = (
        "DROUGHT ASSISTANCE\n\n~ The Prime Minister and Minister for Foreign Affairs,\n\n"
        f"Mr Whitlam, announced today that he would visit the region.\n\n{PROSE}"
    )
    body = _body(tmp_path, text)
    assert body.startswith("The Prime Minister and Minister for Foreign Affairs, Mr Whitlam"), body


# A stamp and a page's number inside the text --------------------------------------------------


def test_a_stamp_before_the_next_pages_number_goes(tmp_path: Path) -> None:
    text = (
        f"{PROSE}\n\nHe speaks of his visits to the communities but did not tell them\n\n"
        "he would sell them out in the Parliament.\n\n3270O\n\n2\n\n"
        f"He cries crocodile tears about the living conditions in some communities.\n\n{MORE}"
    )
    body = _body(tmp_path, text)
    assert "3270" not in body and " 2 He" not in body, body
    assert "in the Parliament. He cries crocodile" in body or "Parliament.\n" in body, body


def test_a_figure_in_a_table_before_a_number_stays(tmp_path: Path) -> None:
    text = (
        f"{PROSE}\n\nThe grants are:\n\nGoomalling 26,745 7,700\n\n4500\n\n2\n\n"
        f"Harvey 126,909 4,700\n\n{MORE}"
    )
    assert "4500" in _body(tmp_path, text)


# A head run into the first sentence -----------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "sentence"),
    [
        (
            "PRIME MINISTER FOR MEDIA7 AUGUST 1988 The Prime Minister, Mr Hawke, today announced",
            "The Prime Minister, Mr Hawke, today announced",
        ),
        ("FOR PRESS: P. M. No. 13/ 1966 The Government has decided", "The Government has decided"),
        ("S I was saddened to learn of the death last week of", "I was saddened to learn"),
        (
            "Statement by the Prime Minister, the Rt. Hon. R. G. Menzies Having regard to the",
            "Having regard to the",
        ),
        (
            "Statement by the Right Honourable Harold Holt The swearing of the new Ministry will",
            "The swearing of the new Ministry will",
        ),
        (
            "Statement by thie Prime Minister, teRt. Honl, R. G. Majgi The Government now has a",
            "The Government now has a",
        ),
        (
            "T1E6L:. Dec. 93 12: 19 No. 010 P. The Australian Government welcomes the",
            "The Australian Government welcomes the",
        ),
        (
            "PRIME MNAIATEU Press Statement No. 529 The Prime Minister and Minister for the",
            "The Prime Minister and Minister for the",
        ),
    ],
)
def test_a_head_run_into_the_first_sentence_goes(tmp_path: Path, first: str, sentence: str) -> None:
    body = _body(
        tmp_path, f"{first}\n\nimportance of the industry, the Government will act.\n\n{MORE}"
    )
    assert body.startswith(sentence), body


@pytest.mark.parametrize(
    "first",
    [
        "NSW Premier Bob Carr said today that the State would join the scheme",
        "ASEAN and Australian leaders met today in Canberra to discuss the scheme",
        "E. G. Whitlam, M. P. and the Premier of South Australia met today to discuss",
        "ALAN JONES: Prime Minister, good morning and welcome to the programme",
        "Statement by the Minister was welcomed by the growers of the district",
        "The statement no. 4 The Government released was welcomed by the growers",
    ],
)
def test_a_first_sentence_opening_in_capitals_stays(tmp_path: Path, first: str) -> None:
    body = _body(tmp_path, f"{first}\n\nand the Government will act.\n\n{MORE}", title="NSW FLOODS")
    assert body.startswith(first), body


def test_an_end_mark_after_the_scans_noise_goes(tmp_path: Path) -> None:
    text = f"{PROSE}\n\n{MORE}\n\nThe gifts will be presented in London. AI'RT) ACTING 000---"
    body = _body(tmp_path, text)
    assert "000" not in body and "presented in London." in body, body


# A fax head's first word, a press office's number, a contact block after the last words -------


@pytest.mark.parametrize(
    ("closing", "kept"),
    [
        ("CANBERRA 4 May 1993 TEL", "CANBERRA 4 May 1993"),
        ("CANBERRA 24 June 1994 TEL L'-4 . JU", "CANBERRA 24 June 1994"),
        ("CANBERRA 2 OCTOBER1995 TEL:", "CANBERRA 2 OCTOBER1995"),
        ("CANBERRA 7 February 1993\n\nTEL", "CANBERRA 7 February 1993"),
        ("Brisbane\n\nPress Office (02) 6277 7744", "Brisbane"),
        (
            "CANBERRA 7 February 1993\n\nFurther inquiries:\n\nJohn Bailey ( 062) 86.2273 ( H)",
            "CANBERRA 7 February 1993",
        ),
    ],
)
def test_a_fax_head_or_a_contact_after_the_closing_line_goes(
    tmp_path: Path, closing: str, kept: str
) -> None:
    body = _body(tmp_path, f"{PROSE}\n\n{MORE}\n\n{closing}")
    assert body.endswith(kept), body


def test_a_sentence_naming_a_telephone_line_at_the_foot_stays(tmp_path: Path) -> None:
    line = "Families can call the TEL service on 1800 000 000 from 1 July 1993."
    assert _body(tmp_path, f"{PROSE}\n\n{MORE}\n\n{line}").endswith(line)


def test_a_fax_line_above_the_text_goes(tmp_path: Path) -> None:
    text = f"Fax from 616273it97 THE ACTING PRIME MINISTER\n\n{PROSE}\n\n{MORE}"
    body = _body(tmp_path, text)
    assert body.startswith(PROSE), body


def test_a_release_number_above_the_headline_goes(tmp_path: Path) -> None:
    text = (
        "457\n\nAUS l RIA. A IA PRP'SS STATEMENT NO. 417\n\n17 Mecember 1974\n\n"
        f"INTERNATIONAL WOMEN' S YEAR\n\n{PROSE}\n\n{MORE}"
    )
    body = _body(tmp_path, text, title="INTERNATIONAL WOMEN'S YEAR")
    assert body.startswith(PROSE), body
