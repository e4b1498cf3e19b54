"""Ingest rules for shapes of text: furniture, paragraph breaks, titles and organisations.

Every text here is written for the test, in the shapes the Australian releases take (issue 21);
the last test measures the hand-annotated sample of real releases, and skips without them.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from extracted import flat, paragraphs

from archive.corpus.registry import Registry
from archive.ingest.pipeline import Options, ingest
from archive.ingest.report import Outcome
from archive.ingest.suggest import Matcher, organisations

ROOT = Path(__file__).resolve().parent.parent
# The shared folder beside the checkout (a worktree of it may stand one level further down).
SHARED = next(
    (
        p / "shared" / "corpora" / "au-pm-media-releases.jsonl"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared" / "corpora" / "au-pm-media-releases.jsonl").exists()
    ),
    ROOT.parent / "shared" / "corpora" / "au-pm-media-releases.jsonl",
)

PROSE = "The Government has decided to provide further assistance to the farmers of the region."
MORE = (
    "The assistance will be available to every family that has suffered from the long dry season."
)


def ingest_records(tmp_path: Path, *records: dict) -> list[Outcome]:
    """Ingest records as an Australian JSON lines batch (dry run), with the shipped registries."""
    folder = tmp_path / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("departments.yaml", "programmes.yaml"):
        shutil.copy(ROOT / "corpus" / name, folder / name)
    source = tmp_path / "records.jsonl"
    source.write_text(
        "".join(json.dumps({"date": "1988-08-07", **r}) + "\n" for r in records), "utf-8"
    )
    report = ingest([source], folder, Options(country="AU", source="PM Transcripts", dry_run=True))
    assert not report.skipped
    return report.written


# Furniture ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "letterhead",
    ["PRIME MINISTER", "PRIME NIINII; TER", "ACTING PRIME MINISTER", "PRIME.' MINISTER . w"],
)
@pytest.mark.parametrize(
    "release", ["FOR MEDIA7 AUGUST 1988", "FOR PRESS13 NOVEMBER 1977", "FOR NMEDIA 7 AUGUST 1988"]
)
def test_letterheads_and_release_lines_with_glued_dates_go(letterhead, release):
    text = flat(f"{letterhead}\n\n{release}\n\n{PROSE}\n\n{MORE}")
    assert text == f"{PROSE} {MORE}"


def test_a_page_number_alone_between_paragraphs_goes_and_the_words_stay():
    text = flat(f"{PROSE}\n\n876\n\n{MORE}\n\n4 S -3-\n\n{PROSE}")
    assert "876" not in text and "-3-" not in text
    assert text == f"{PROSE} {MORE} {PROSE}"


@pytest.mark.parametrize(
    "note", ["See attachment-overleaf", "(See attached PDF for formatted copy of the list)"]
)
def test_a_note_pointing_at_an_attachment_goes(note):
    assert flat(f"{PROSE}\n\n{MORE}\n\n{note}") == f"{PROSE} {MORE}"
    assert flat(f"{PROSE}\n\n{MORE} {note}") == f"{PROSE} {MORE}"


def test_an_attached_letters_heading_and_address_stay_out_of_its_first_sentence():
    text = flat(
        f"{PROSE}\n\nTELEX TO PRIME MINISTER FROM MR. SMITH. 30TH NOVEMBER, 1977.\n\n"
        "THE RT HON J. BROWN, M. P.,\n\nPRIME MINISTER OF THE COMMONWEALTH OF AUSTRALIA,\n\n"
        "CANBERRA. YOU WILL BE AWARE THAT THE COUNCIL HAS MET.\n\n"
        "MESSAGE FROM PRIME MINISTER TO MR. SMITH. 5TH DECEMBER, 1977, Thank you for your message."
    )
    assert (
        text == f"{PROSE} YOU WILL BE AWARE THAT THE COUNCIL HAS MET. Thank you for your message."
    )


def test_an_embargo_going_on_to_a_second_line_goes_whole():
    text = flat(
        "EMBARGO: NOT FOR RELEASE BY ANY MEDIA BEFORE\n\nMID~ NIGHT 7 FE~ RUARY 1969\n\n"
        f"{PROSE}\n\n{MORE}"
    )
    assert text == f"{PROSE} {MORE}"


def test_scanning_noise_after_the_last_words_goes_and_a_closing_dateline_stays():
    assert flat(f'{PROSE}\n\n{MORE} t\n\nP/ I L/ V/ Nq 5 r-frt"') == f"{PROSE} {MORE}"
    assert flat(f"{PROSE}\n\n{MORE}\n\nCANBERRA,\n\n12th May, 1961.").endswith(
        "CANBERRA, 12th May, 1961."
    )


@pytest.mark.parametrize(
    "lead",
    [
        "Tribute from the Prime Minister,\n\nHarold Holt.",
        "Statement by the Prime Minister, the Rt. Hon. Sir Robert\n\nMenzie s",
        "FOR MEDIA FRIDAY 19 SEPTEMBER",
        "Broadcast 10 April 3HA\n\n14 April 3YB",
    ],
)
def test_bylines_broadcast_lines_and_release_dates_without_a_year_go(lead):
    assert flat(f"{lead}\n\n{PROSE}\n\n{MORE}") == f"{PROSE} {MORE}"


def test_see_also_and_a_bare_address_closing_a_page_go():
    text = f"{PROSE}\n\n{MORE}\n\nSee also:\n\nhttp://www.pm.gov.au/media/release.html"
    assert flat(text) == f"{PROSE} {MORE}"


def test_a_release_line_closing_a_scan_goes():
    assert flat(f"{PROSE}\n\n{MORE}\n\nCANBERRA March 1972\n\nFOR PPESS:").endswith("March 1972")


def test_a_place_standing_above_a_record_with_its_own_headline_is_its_dateline():
    assert flat(f"Brisbane\n\n{PROSE}\n\n{MORE}") == f"{PROSE} {MORE}"


def test_a_scanned_headline_too_garbled_to_read_still_repeats_the_title():
    text = flat(
        f"CBIONWEEAlTB EAILAXS 00 WQIN JUBItfl\n\n{PROSE}", "COMMONWEALTH RAILWAYS GOLDEN JUBILEE"
    )
    assert text == PROSE


# Paragraph breaks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "I have today received a message from Mr.",
            "Macmillan which will be published in full tomorrow.",
        ),
        ("The report was written by Dr.", "Coombs and his colleagues at the university."),
        (
            "The committee will be chaired by Mr J. R.",
            "Holdich of the Department of the Prime Minister.",
        ),
        (
            "He is Deputy Chairman of Myer Emporium Ltd.",
            "of Melbourne, and a director of the bank.",
        ),
    ],
)
def test_a_sentence_is_never_split_at_a_title_or_an_initial(before, after):
    assert paragraphs(f"{PROSE}\n\n{before}\n\n{after}\n\n{MORE}") == [
        PROSE,
        f"{before} {after}",
        MORE,
    ]


def test_a_full_stop_the_scan_misread_does_not_end_a_paragraph():
    text = (
        f"{PROSE}\n\nIntegral with the concept are the concepts of devolution and public "
        "participation. Regionalism.\n\n"
        "also opens the possibilities of decentralisation of administration.\n\n{MORE}"
    )
    assert paragraphs(text)[1].endswith(
        "Regionalism. also opens the possibilities of decentralisation of administration."
    )


def test_a_clause_after_a_semicolon_goes_on_in_the_same_paragraph():
    text = (
        f"{PROSE}\n\nThe system can be used by ships and aircraft of any type;\n\n"
        f"but it is not accurate enough for coastal waters.\n\n{MORE}"
    )
    assert paragraphs(text)[1] == (
        "The system can be used by ships and aircraft of any type; "
        "but it is not accurate enough for coastal waters."
    )


def test_numbered_terms_of_reference_stay_a_list():
    text = (
        f"{PROSE}\n\nThe terms of reference of the inquiry are to examine and report on:\n\n"
        "(a) the adequacy of the present arrangements for the supply of water to\n\n"
        "farms in the region;\n\n"
        "(b) the cost of any new works that may be needed; and\n\n"
        "(c) the share of that cost the Commonwealth should bear.\n\n{MORE}"
    )
    kept = paragraphs(text)
    assert (
        "(a) the adequacy of the present arrangements for the supply of water to farms in the "
        "region;" in kept[2]
    )
    assert kept[3].startswith("(b) the cost") and kept[4].startswith("(c) the share")


def test_people_named_one_a_line_in_a_scan_stay_a_list():
    lines = [
        "The Executive Council has approved the following appointments to the new boards today:",
        "Appointed to the Australian Film Development Corporation",
        "Mr T. S. Duckmanton",
        "Mr D. E. Brown",
        "Appointed to the Australian Broadcasting Control Board",
        "Mr W. L. C. Davies, manager of a station",
        "The appointments are for three years and the members will meet for the first time in "
        "March",
        "when the chairman of the new Corporation will be named by the Minister in Canberra.",
    ]
    kept = paragraphs("\n\n".join(lines))
    assert "Mr D. E. Brown" in kept and "Mr W. L. C. Davies, manager of a station" in kept


def test_a_block_wrapped_at_a_fixed_width_is_one_paragraph_where_blank_lines_part_paragraphs():
    text = (
        "The new series of bonds will be issued with\nthe same interest rates as the last series.\n"
        "The bonds will carry an interest rate of five\nper cent until the end of February 1969."
        "\n\nHolders of the old series will be entitled to\n"
        "receive their usual half-yearly interest payment\n"
        "plus a cash bonus of three per cent of the face\nvalue of their investment in October.\n\n"
        "The new series will be on sale from Monday."
    )
    kept = paragraphs(text)
    assert len(kept) == 3
    assert kept[0] == (
        "The new series of bonds will be issued with the same interest rates as the last series. "
        "The bonds will carry an interest rate of five per cent until the end of February 1969."
    )


# Titles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "UNKNOWN",
        "STATEMENT BY THE PRIME MINISTER, THE HON P J KEATING MP",
        "The Hon Kevin Rudd MP",
        "5 DECEMBER 1977",
        "JOINT STATEMENT WITH THE HON ROS KELLY, MINISTER FOR ARTS, SPORT AND TERRITORIES",
    ],
)
def test_a_placeholder_or_byline_title_becomes_the_first_words_flagged(tmp_path, title):
    [outcome] = ingest_records(tmp_path, {"title": title, "text": f"{PROSE}\n\n{MORE}"})
    assert outcome.title == " ".join(PROSE.split()[:12]) + "…"
    assert any("first words" in point for point in outcome.review)


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("APPOINTMENTS - 23 JANUARY 1973", "APPOINTMENTS"),
        ("QUEENSLAND STATE ELECTIONS, 13 NOVEMBER 1977", "QUEENSLAND STATE ELECTIONS"),
        ("No. 789 - ISSUE OF SPECIAL BONDS SERIES N", "ISSUE OF SPECIAL BONDS SERIES N"),
        (
            "FOR PRESS: PM 30/1968 INDEPENDENCE OF MAURITIUS STATEMENT BY THE PRIME MINISTER, "
            "MR JOHN GORTON",
            "INDEPENDENCE OF MAURITIUS",
        ),
    ],
)
def test_a_title_keeps_no_dateline_release_number_or_byline(tmp_path, title, clean):
    [outcome] = ingest_records(tmp_path, {"title": title, "text": f"{PROSE}\n\n{MORE}"})
    assert outcome.title == clean
    assert not any("title" in point for point in outcome.review)


# Organisations -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(Registry.load(ROOT / "corpus"), "AU")


def names(text: str, matcher: Matcher) -> list[str]:
    return [m.key for m in organisations(text, matcher)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The contract went to Agnew Clough Limited of Perth.", "Agnew Clough Limited"),
        ("He joined Unilever Pty Ltd in 1960.", "Unilever Pty Ltd"),
        ("The Federal Court of Australia heard the case.", "Federal Court of Australia"),
        ("She was treated at the Royal Hobart Hospital last week.", "Royal Hobart Hospital"),
        ("The Prices Justification Tribunal will sit in Sydney.", "Prices Justification Tribunal"),
        ("A flight of the RAAF landed at Darwin.", "RAAF"),
        ("Ships of the Royal Australian Navy sailed today.", "Royal Australian Navy"),
        (
            "He has headed the Canberra-based Menzies Research Centre since 1994.",
            "Menzies Research Centre",
        ),
        ("She chairs the Alfred Hospital Foundation in Melbourne.", "Alfred Hospital Foundation"),
        (
            "He was manager of Southern T. V. Corp of Adelaide until June.",
            "Southern T. V. Corp of Adelaide",
        ),
        ("A Cabinet Office will be set up within my department.", "Cabinet Office"),
        (
            "The galleries of the Australian War Memorial will be refurbished.",
            "Australian War Memorial",
        ),
        ("The audit was undertaken by Infrastructure Australia.", "Infrastructure Australia"),
        (
            "He is a director of Alco International Pty. Ltd. in Sydney.",
            "Alco International Pty. Ltd",
        ),
        ("The banks will answer to ASIC from next year.", "ASIC"),
        ("The service was at St. Philip's Church of England.", "St. Philip's Church of England"),
        (
            "He leads the Menzies School of Health Research in Darwin.",
            "Menzies School of Health Research",
        ),
        (
            "The Plunkett Centre for Ethics in Health Care opened.",
            "Plunkett Centre for Ethics in Health Care",
        ),
        (
            "The Community Services and Health Industry Skills Council met.",
            "Community Services and Health Industry Skills Council",
        ),
    ],
)
def test_companies_courts_hospitals_and_forces_are_organisations(matcher, text, name):
    assert names(text, matcher) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The regions are Western Sydney (NSW) and Perth North (WA).",
        "The Joint Strike Fighter (JSF) will enter service in 2018.",
        "He was made a Companion of the Order of Australia (AC) today.",
        "If that were so, Royal Commission reports and National Council minutes would be secret.",
        "Mr Smith, Lecturer in Architecture Sydney University, will advise the Minister for "
        "Family Services.",
        "THE ABC AND THE RAAF ARE NAMED HERE IN A TEXT IN CAPITALS THROUGHOUT.",
        "Seven young men were serving sentences under the National Service Act.",
        "The regions of Western Australia and South Australia, and In Australia we trust.",
    ],
)
def test_places_programmes_honours_and_titles_are_not_organisations(matcher, text):
    found = names(text, matcher)
    assert not any(
        n in ("Australia", "Joint Strike Fighter", "NSW", "WA", "ABC", "RAAF") for n in found
    ), found
    starts = ("Lecturer", "Minister", "Royal", "National", "Western", "South", "In ")
    assert not any(n.startswith(starts) for n in found), found


def test_what_a_body_found_owns_is_named_apart(matcher):
    found = names("Tourism Australia's Greater China Travel Mission will visit Shanghai.", matcher)
    assert "Tourism Australia" in found
    assert not any(n.startswith("Tourism Australia's") for n in found)


# The annotated sample of real releases -----------------------------------------------------


@pytest.mark.skipif(
    not SHARED.exists(),
    reason="the AU releases are not in ../shared/corpora/ (see bench/ingest_quality.py)",
)
def test_the_annotated_development_sample_meets_its_measures(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    import ingest_quality

    figures = ingest_quality.measure("dev", tmp_path, verbose=False)
    assert figures["words lost"] == 0
    assert figures["amounts right"] == figures["amounts"] and figures["amounts false"] == 0
    assert figures["furniture"] <= 0.05
    assert figures["titles"] >= 0.95
    assert figures["precision"] >= 0.9 and figures["recall"] >= 0.75
    assert figures["breaks"] <= 0.1
