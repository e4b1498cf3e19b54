"""Paragraph breaks and titles, round 12: lists on web pages, stray stops, web titles' tails.

Every record here is written for the test, in the shapes the Australian releases take (issue 21),
and goes through the real ingest into a corpus on disk; each test fails without the rule it names,
beside guards (what must stay as it was) that pass with or without it.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from records import ingest_record

from archive.ingest.pipeline import Options

PROSE = (
    "The Australian Government today announced the establishment of an inquiry into child care "
    "and early childhood learning, to report to the Government by the end of October next year."
)
MORE = (
    "The inquiry will examine how the current system can be improved to make it more responsive "
    "to the needs of parents, and will hold public hearings in every capital city this year."
)
LAST = (
    "The Commission will consult widely with the community, the sector and the States and "
    "Territories, and will publish a draft report for comment before it reports to Government."
)


def _ingest(tmp_path: Path, text: str, title: str = "Child care inquiry") -> tuple[str, str, list]:
    """Ingest one record through the real pipeline; return its title, body and review points."""
    record = {"id": "1", "date": "2013-11-17", "title": title, "text": text}
    report, corpus = ingest_record(tmp_path, record, Options(country="AU", source="PM Transcripts"))
    assert not report.skipped, [o.skipped for o in report.skipped]
    (written,) = [p for p in corpus.rglob("*.md")]
    head, _, body = written.read_text("utf-8").removeprefix("---\n").partition("\n---\n")
    meta = yaml.safe_load(head)
    return str(meta["title"]), body, list(meta.get("review") or [])


def _blocks(body: str) -> list[str]:
    """The body's paragraphs and list items, each flattened to one line."""
    parts = re.split(r"\n\s*\n|\n(?=- )", body)
    return [" ".join(p.split()) for p in parts if p.strip()]


def _ingested_blocks(tmp_path: Path, text: str, title: str = "Child care inquiry") -> list[str]:
    """Ingest one record through the real pipeline; return its body's blocks (see _blocks)."""
    _, body, _ = _ingest(tmp_path, text, title)
    return _blocks(body)


# A web page's items in lower case after a colon: a list, not one paragraph ---------------------


def test_items_in_lower_case_after_a_colon_on_a_web_page_become_a_list(tmp_path: Path) -> None:
    text = (
        f"{PROSE}\n\n{MORE}\n\n{LAST}\n\n{PROSE}\n\n"
        "The child care and early learning system can be improved because:\n\n"
        "families are struggling to find quality child care that is flexible and affordable\n"
        "a small but significant number of children start school with developmental delays\n"
        "there is a need to ensure that public expenditure on child care is efficient.\n"
        f"The Government's objectives in commissioning this inquiry are set out below.\n\n{LAST}"
    )
    blocks = _ingested_blocks(tmp_path, text)
    assert (
        "- families are struggling to find quality child care that is flexible and affordable"
        in (blocks)
    ), blocks
    assert (
        "- a small but significant number of children start school with developmental delays"
        in (blocks)
    )
    assert (
        "- there is a need to ensure that public expenditure on child care is efficient." in blocks
    )
    # the list ends at the item with a full stop: the next sentence is a paragraph again
    assert "The Government's objectives in commissioning this inquiry are set out below." in blocks


def test_a_web_page_s_lines_after_a_colon_each_stand_apart(tmp_path: Path) -> None:
    # blocks of several lines on a page whose paragraphs are one line each are no wrapped text
    text = (
        f"{PROSE}\n\n{MORE}\n\nIn addition to our existing programmes, Australia will:\n\n"
        "Provide an extra $130 million over the next three years to further increase support for "
        "refugees and for the communities that host them in countries of first asylum.\n"
        "Maintain our Humanitarian Program at the increased level of 18,750 places a year from "
        "2018-19 onwards, in addition to the places we have committed for Syria and Iraq.\n"
        "Participate in a multilateral program to resettle refugees from Central America.\n"
        f"These commitments build on the support the Government announced last year.\n\n{LAST}"
    )
    starts = [b[:30] for b in _ingested_blocks(tmp_path, text)]
    assert "Maintain our Humanitarian Prog" in starts, starts
    assert "Participate in a multilateral " in starts
    assert "These commitments build on the" in starts


def test_a_scanned_text_s_lines_after_a_colon_still_join(tmp_path: Path) -> None:
    # guard: a text wrapped at a width goes on in lower case after a colon within its sentence
    text = (
        "The Prime Minister announced today that the following arrangements:\n\n"
        "which were agreed with the States last year, would continue for\n\n"
        "a further period of three years from the first of July next.\n\n"
        "The Commonwealth will meet half of the cost of the arrangements and\n\n"
        "the States will meet the other half, as they have done until now.\n\n"
        "The Prime Minister said the arrangements had served the farmers well."
    )
    blocks = _ingested_blocks(tmp_path, text, "DROUGHT ARRANGEMENTS")
    assert not [b for b in blocks if b.startswith("- ")], blocks  # no list made of it
    assert any("of the arrangements and the States will meet" in b for b in blocks), blocks


# A scan's stop after a lone letter at a line's start ------------------------------------------


def test_a_stop_after_a_lone_letter_at_a_line_s_start_goes_on_the_sentence(tmp_path: Path) -> None:
    text = (
        "The Prime Minister said that the programme had seen the creation of\n\n"
        "a. network for exchanges of information between the member countries\n\n"
        "and that the Government would continue to support it in the years to come.\n\n"
        "The Prime Minister said he would report to the Parliament on the meeting."
    )
    blocks = _ingested_blocks(tmp_path, text, "PROGRAMME OF EXCHANGES")
    assert any("the creation of a. network for exchanges" in b for b in blocks), blocks


def test_a_lettered_item_after_and_stays_an_item(tmp_path: Path) -> None:
    # guard: "; and" closes an item, and "e." opens the next
    text = (
        "The Premiers agreed that the following matters were deserving of consideration:\n\n"
        "a. the review of Commonwealth and State financial relations;\n\n"
        "b. the reform of the arrangements for roads and transport; and\n\n"
        "c. reform of Commonwealth and State funding of hospitals.\n\n"
        "The Prime Minister said the Premiers would meet again in June to settle them."
    )
    blocks = _ingested_blocks(tmp_path, text, "PREMIERS CONFERENCE")
    assert "c. reform of Commonwealth and State funding of hospitals." in blocks, blocks


# Titles: a web page's closing place, an issuer after a dash ------------------------------------


def test_a_web_title_s_closing_place_goes(tmp_path: Path) -> None:
    title = (
        "Prime Minister Minister for Tourism Member for Leichhardt "
        "Rudd Government is Keeping Cairns Working Cairns"
    )
    got, _, review = _ingest(tmp_path, f"{PROSE}\n\n{MORE}", title)
    assert got == "Rudd Government is Keeping Cairns Working"
    assert not [p for p in review if "title" in p], review


def test_a_web_title_s_place_and_day_go_and_a_headline_s_verb_stays(tmp_path: Path) -> None:
    title = (
        "Prime Minister Minister for Health and Ageing South Australian Minister for Health "
        "Building the GP Plus Super Clinic Network Adelaide 9 November"
    )
    got, _, _ = _ingest(tmp_path, f"{PROSE}\n\n{MORE}", title)
    assert got == "Building the GP Plus Super Clinic Network"


def test_a_place_a_headline_leads_to_stays(tmp_path: Path) -> None:
    # guard: "... the people of Fremantle", "... boost for Burnie" are the headline's own
    title = (
        "Prime Minister Minister for Finance Member for Fremantle "
        "Cantonment Hill returned to the people of Fremantle"
    )
    got, _, _ = _ingest(tmp_path, f"{PROSE}\n\n{MORE}", title)
    assert got == "Cantonment Hill returned to the people of Fremantle"


def test_an_issuer_after_a_dash_goes_from_a_title(tmp_path: Path) -> None:
    title = (
        "ARRIVAL STATEMENT - NEW YORK - THE PRIME MINISTER OF AUSTRALIA, THE RT HON WILLIAM MCMAHON"
    )
    got, _, _ = _ingest(tmp_path, f"{PROSE}\n\n{MORE}", title)
    assert got == "ARRIVAL STATEMENT - NEW YORK"


def test_a_headline_after_a_dash_that_names_an_office_stays(tmp_path: Path) -> None:
    # guard: no styled holder, so the words after the dash are the headline's
    title = "DEFENCE REVIEW - THE MINISTER FOR DEFENCE TO REPORT"
    got, _, _ = _ingest(tmp_path, f"{PROSE}\n\n{MORE}", title)
    assert got == title


def test_capitalised_open_items_after_a_colon_on_a_web_page_become_a_list(tmp_path: Path) -> None:
    text = (
        f"{PROSE}\n\n{MORE}\n\n{LAST}\n\n"
        "The investment builds on the Government's commitment to the steel industry, including:\n\n"
        "Using Australian steel across our naval shipbuilding program\n"
        "Upgrading 1200 kilometres of rail line between Adelaide and Tarcoola\n"
        "Strengthening Australia's anti-dumping system\n"
        f"The Government will continue to work closely with the administrators.\n\n{PROSE}"
    )
    blocks = _ingested_blocks(tmp_path, text)
    assert "- Strengthening Australia's anti-dumping system" in blocks, blocks  # no crosshead
    assert "- Using Australian steel across our naval shipbuilding program" in blocks
    assert "The Government will continue to work closely with the administrators." in blocks


def test_a_web_page_s_line_wrapped_at_its_width_goes_on(tmp_path: Path) -> None:
    # a long line stopping open, then the rest of its sentence in capitals or small letters
    wrapped = (
        "Warrant Officer Wheatley refused to abandon his dying comrade when the company was forced "
        "to retreat. Under heavy machine gun and automatic rifle fire, he managed to half drag, "
        "half carry Warrant Officer\nSwanton from the open rice paddies to a wooded area nearby."
    )
    # as the typed releases of the 1960s stand: lines wrapped at about 200 characters in blocks
    # parted by blank lines
    more = MORE.replace("parents, and ", "parents, and\n")
    text = f"{PROSE}\n\n{more}\n\n{wrapped}\n\n{LAST}\n\nCANBERRA,\n16th February, 1962."
    blocks = _ingested_blocks(tmp_path, text, "AWARD OF THE VICTORIA CROSS")
    assert any("half carry Warrant Officer Swanton from the open" in b for b in blocks), blocks


# A scan's margin mark where the sentence goes on; a bullet item's wrapped lines --------------


def test_a_margin_mark_inside_a_sentence_goes_and_the_sentence_goes_on(tmp_path: Path) -> None:
    text = (
        "The Prime Minister, Mr. Malcolm Fraser, and the Premier of\n\n"
        "*. New South Wales, Mr. Neville Wran, today announced that their\n\n"
        "two Governments had completed the examination of the proposals.\n\n"
        "Mr Anthony said the Labor Party had introduced the R. E. D.\n\n"
        "* Scheme when it was in office to try to soak up the unemployed.\n\n"
        "The Prime Minister said the Governments would meet again in March."
    )
    blocks = _ingested_blocks(tmp_path, text, "EXPOSITION PROPOSAL FOR 1988")
    assert any("the Premier of New South Wales, Mr. Neville Wran" in b for b in blocks), blocks
    assert any("introduced the R. E. D. Scheme when it was in office" in b for b in blocks)


def test_a_bullet_s_item_goes_on_over_its_wrapped_lines(tmp_path: Path) -> None:
    text = (
        "The Government will:\n\n"
        "*-extend the reach of SBS television and legislate to\n\n"
        "establish SBS as an independent corporation committed\n\n"
        "to multilingual and multicultural broadcasting\n\n"
        "*-continue to develop the National Policy on Languages.\n\n"
        "The Prime Minister said the measures would cost $5 million a year."
    )
    blocks = _ingested_blocks(tmp_path, text, "MULTICULTURAL POLICY")
    assert any("corporation committed to multilingual" in b for b in blocks), blocks


def test_a_bullet_list_in_a_scan_stays_a_list(tmp_path: Path) -> None:
    # guard: items opening in capitals after a colon keep their bullets
    text = (
        "The Government has decided on the following measures:\n\n"
        "* Rail and road subsidies on the transport of fodder\n\n"
        "* Interest rate subsidies on loans to farmers in drought\n\n"
        "* Grants to shires for the relief of unemployment\n\n"
        "The Prime Minister said the measures would be reviewed in June."
    )
    blocks = _ingested_blocks(tmp_path, text, "DROUGHT MEASURES")
    assert "- Interest rate subsidies on loans to farmers in drought" in blocks, blocks
    assert "- Grants to shires for the relief of unemployment" in blocks


def test_items_in_small_letters_after_a_scan_s_bullets_stay_items(tmp_path: Path) -> None:
    # guard: "; and" closes an item, so the next bullet opens one, not the sentence going on
    text = (
        "Key investments for the region could include:\n\n"
        "* an upgrading of the channel to service the plains area;\n\n"
        "* the extension of the airport runway; and\n\n"
        "* an expansion of the port facilities to address constraints in supply.\n\n"
        "The Prime Minister said the package would double the irrigated area."
    )
    blocks = _ingested_blocks(tmp_path, text, "ORD RIVER PACKAGE")
    assert "- an expansion of the port facilities to address constraints in supply." in blocks, (
        blocks
    )


def test_a_comma_read_for_a_stop_before_in_ends_the_paragraph(tmp_path: Path) -> None:
    text = (
        "The Prime Minister said that Australia would consider further\n\n"
        "requests for aid when the Governments concerned were in\n\n"
        "a position to discuss further requests for aid,\n\n"
        "In reaffirming the Government's decision to take part in the\n\n"
        "programme, the Prime Minister said that the first shipment had\n\n"
        "now left Sydney and would reach Haiphong early next month."
    )
    blocks = _ingested_blocks(tmp_path, text, "AUSTRALIAN AID TO INDO-CHINA")
    starts = [b[:30] for b in blocks]
    assert "In reaffirming the Government'" in starts, blocks


def test_a_list_item_wrapped_before_its_semicolon_stays_one_item(tmp_path: Path) -> None:
    text = (
        f"{PROSE}\n\n{MORE}\n\n{LAST}\n\n{PROSE}\n\n"
        "The strategy will focus on:\n\n"
        "building indigenous wealth and employment;\n"
        "promoting an entrepreneurial culture in indigenous\n"
        "communities; and\n"
        "improving living conditions and health across a range of areas.\n\n"
        f"{LAST}"
    )
    blocks = _ingested_blocks(tmp_path, text)
    assert "- promoting an entrepreneurial culture in indigenous communities; and" in blocks, blocks


# Titles: a retyped title's slips mended by the text's own headline -----------------------------


def test_a_retyped_title_s_slip_is_mended_by_the_headline_in_the_text(tmp_path: Path) -> None:
    text = (
        "PRESS STATEMENT\n\nVISIT BY PRINCESS MARGARET\n\n"
        "The Prime Minister announced today that Princess Margaret would visit Australia in "
        "October. Princess Margaret will open the new wing of the National Gallery.\n\n{MORE}"
    ).replace("{MORE}", MORE)
    got, _, review = _ingest(tmp_path, text, "VISIT BY PRINCESS MARGERET")
    assert got == "VISIT BY PRINCESS MARGARET"
    assert not [p for p in review if "title" in p], review


def test_a_scan_s_misreading_of_the_headline_leaves_the_title_alone(tmp_path: Path) -> None:
    # guard: "CONFE2RENCE" stands nowhere else in the text; the retyped title keeps its word
    text = (
        "FOR PRESS\n\nCONFE2RENCE WITH STATE PREMIERS\n\n"
        "The Prime Minister will meet the State Premiers at a conference in Canberra next week "
        "to discuss the financial arrangements between the Commonwealth and the States.\n\n"
        f"{MORE}"
    )
    got, _, _ = _ingest(tmp_path, text, "CONFERENCE WITH STATE PREMIERS")
    assert got == "CONFERENCE WITH STATE PREMIERS"
