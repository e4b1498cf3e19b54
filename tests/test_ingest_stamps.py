"""Furniture a scan or a fax stamped on a release, breaks and titles: the fourth round of shapes.

Every text here is written for the test, in the shapes the Australian releases take (issue 21).
"""

from __future__ import annotations

import pytest
from extracted import flat, paragraphs

from archive.ingest.stamps import garbled_stamp, letterhead
from archive.ingest.titles import clean_title

PROSE = "The Government has decided to provide further assistance to the farmers of the region."
MORE = (
    "The assistance will be available to every family that has suffered from the long dry season."
)


# Furniture ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "release",
    [
        "FOR MEDIA THURDAY, MAY 28 1981",  # the weekday misspelt
        "iF MEDTA WED) NESDAY, 2 MARCH 1983",  # "FOR MEDIA" and the weekday misread
        "FOR PR~ LESS: PM. No 3/ 1972.",  # a release number, no date
        "NOTE FOR MEDIA 6 November 1986",
        "CI 7 OCT 1967",
    ],
)
def test_a_release_line_goes_by_its_date_or_number_however_scanned(release):
    assert flat(f"{release}\n\n{PROSE}\n\n{MORE}") == f"{PROSE} {MORE}"


def test_a_dated_line_with_words_of_a_sentence_stays():
    text = flat(f"On 5 May 1983 the Government decided\n\n{PROSE}")
    assert text == f"On 5 May 1983 the Government decided {PROSE}"


@pytest.mark.parametrize(
    "letterhead",
    [
        "AUS= TRALIA",
        "4AUS RLIA",
        "PRIME _ MI STER",
        "OrFICE OF THE PRIwt½ MINISTER",
        "COMMONWEALTH OF AUSTRALIA",
        "ACTING PRVIE MIN STER",
    ],
)
def test_a_letterhead_the_scan_spaced_or_misread_goes(letterhead):
    assert flat(f"{letterhead}\n\n{PROSE}\n\n{MORE}") == f"{PROSE} {MORE}"
    assert flat(f"{PROSE}\n\n{MORE}\n\n{letterhead}") == f"{PROSE} {MORE}"


@pytest.mark.parametrize("heading", ["AUSTRALIAN WOOL", "PRIME MINISTER'S XI", "Australia"])
def test_a_heading_in_capitals_or_a_word_in_lower_case_is_no_letterhead(heading):
    assert not letterhead(heading)


@pytest.mark.parametrize(
    "stamp",
    [
        "FOR MMIA",  # "FOR MEDIA"
        "FOR PRESSCA pi4 Miij.",
        "Embarzoed until 6. O0am. 1 January 1997",
        "E~ BAI~ GO:",
        "OwSRLI",  # tokens no word has
        "JoQ lu",
    ],
)
def test_a_release_line_or_embargo_misread_or_a_line_of_noise_goes(stamp):
    assert flat(f"{stamp}\n\n{PROSE}\n\n{MORE}") == f"{PROSE} {MORE}"


@pytest.mark.parametrize(
    "heading",
    ["FORESTRY POLICY", "FORMER PRIME MINISTER", "McMAHON", "G20 SUMMIT", "iPhone", "4th JULY"],
)
def test_a_heading_is_no_misread_stamp(heading):
    assert not garbled_stamp(heading)


def test_a_fax_head_or_foot_goes_and_the_words_around_it_stay():
    text = flat(
        f"TEL 25. Feb. 94 8: 54 No. 001 P. 01/ Q4\n\n{PROSE}\n\n"
        "TEL: 2. Dec. 92 15: 00 No. 007 P. Over the last eight weeks the Commonwealth acted.\n\n"
        f"{MORE} CANBERRA 9 November 1995 9. Nov. 95 2: 29 No. 00?"
    )
    assert text == (
        f"{PROSE} Over the last eight weeks the Commonwealth acted. {MORE} CANBERRA 9 November 1995"
    )


def test_a_joint_releases_line_of_offices_and_its_place_go():
    offices = "Prime Minister, Minister for Agriculture, Fisheries and Forestry"
    text = flat(f"{offices}\n\nRockhampton\n\n{PROSE}")
    assert text == PROSE


def test_a_letter_alone_before_running_text_goes():
    assert flat(f"{PROSE}\n\nFebruary 28, 1974.\n\nI\n\n{MORE}") == (
        f"{PROSE} February 28, 1974. {MORE}"
    )


def test_an_attached_letters_letterhead_and_address_go_its_salutation_stays():
    text = flat(
        f"{PROSE} The letter reads as follows.\n\nMINISTER FOR IMMIGRATION\n\n"
        "PARLIAMENT HOUSE\n\nNovember 3 1983\n\nThe Hon R J Hawke\n\nPrime Minister\n\n"
        f"CANBERRA ACT 2600\n\nMy Dear Prime Minister,\n\n{MORE}"
    )
    assert text == f"{PROSE} The letter reads as follows. My Dear Prime Minister, {MORE}"


def test_a_table_of_states_and_amounts_is_no_address():
    table = "NSW $14.725 million\n\nVIC $20.683 million\n\nACT $2.062 million"
    text = flat(f"{PROSE} The States will receive these grants.\n\n{table}\n\n{MORE}")
    assert "ACT $2.062 million" in text and "NSW $14.725 million" in text


def test_a_law_and_its_year_wrapped_inside_a_sentence_stay():
    text = (
        f"{PROSE}\n\nThe Inquiry will be conducted under the Commonwealth's\n\n"
        "Royal Commissions Act 1902-1966 and Queensland's\n\n"
        "Commissions of Inquiry Acts 1950 to 1954.\n\n"
        f"Arrangements to establish the Inquiry are proceeding smoothly.\n\n{MORE}"
    )
    assert "Royal Commissions Act 1902-1966 and Queensland's Commissions" in flat(text)


# Paragraph breaks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "He said that Australia is very aware of the obligations this places upon.",
            "us. We will not compromise our safeguards in any way at all.",
        ),
        (
            "Those whose claims or policies are unreasonable are those-.",
            "who refused to accept the umpire's verdict in the dispute.",
        ),
        (
            "The liaison office in Salisbury is to become a.",
            "resident High Commission in the course of the coming year.",
        ),
    ],
)
def test_a_stop_after_an_article_a_preposition_or_a_hyphen_ends_no_paragraph(before, after):
    assert paragraphs(f"{PROSE}\n\n{before}\n\n{after}\n\n{MORE}") == [
        PROSE,
        f"{before} {after}",
        MORE,
    ]


def test_a_list_item_ending_and_stays_an_item():
    before = "the land will be scheduled only where no agreement has been reached; and."
    after = "there will be no scheduling of land that a pastoralist needs for the station."
    assert paragraphs(f"{PROSE}\n\n{before}\n\n{after}")[1:] == [before, after]


def test_a_name_with_a_long_description_under_a_short_heading_opens_an_entry():
    lines = [
        "The Executive Council has approved the following appointments to the new boards today:",
        "Appointed to the Australian Broadcasting Control Board",
        "Mr W. L. C. Davies, manager of Southern T. V. Corp of Adelaide ( NWS9)",
        "Mr H. Souter ( part-time member)",
    ]
    kept = paragraphs("\n\n".join(lines))
    assert "Mr W. L. C. Davies, manager of Southern T. V. Corp of Adelaide ( NWS9)" in kept


def test_a_name_going_on_with_a_long_sentence_opens_no_entry():
    lines = [
        "Mr. Calwell has stated quite falsely that there has been a continued refusal",
        "by the Postmaster-General to have adequate consultations with the union and",
        "its officers. As recently as 29th March, I wrote a personal letter to Mr. Monk",
        "telling him that Mr. Hulme would again confer with him and the General Secretary",
        "Mr. Slater, of the A. P. W. U. to discuss the extent to which staff should be",
        "employed on the letter sorting machines and related matters of the department.",
    ]
    assert len(paragraphs("\n\n".join(lines))) == 1


# Titles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        (
            "John Button, Statement by Acting Prime Minister, The Hon Julia Gillard, MP",
            "John Button",
        ),
        (
            "RECEPTION FOR DIRECTORS OF RESEARCH CENTRES PARLIAMENT HOUSE 19 APRIL 1994",
            "RECEPTION FOR DIRECTORS OF RESEARCH CENTRES",
        ),
        (
            "Australia-Indonesia joint statement Parliament House, Canberra 10 March 2010",
            "Australia-Indonesia joint statement",
        ),
        ("HOUSING IN SYDNEY", "HOUSING IN SYDNEY"),
    ],
)
def test_a_title_keeps_no_byline_without_the_nor_a_dateline_with_its_place(title, clean):
    assert clean_title(title) == clean


# Round 5 --------------------------------------------------------------------------------------


def test_marks_glued_to_running_text_go_and_the_words_stay():
    text = flat(
        f"{PROSE} It includes tin-plate, machinery, chemicals\n\n0 and pharmaceuticals.\n\n"
        f"{MORE} The full terms of reference for the review are attached. I\n\n"
        f"{PROSE} It would not be viable at lower crude oil prices. 2\n\n2\n\n"
        f"{MORE} Bob Hawke 0063354"
    )
    assert text == (
        f"{PROSE} It includes tin-plate, machinery, chemicals and pharmaceuticals. {MORE} The "
        f"full terms of reference for the review are attached. {PROSE} It would not be viable "
        f"at lower crude oil prices. {MORE} Bob Hawke"
    )


def test_a_pronoun_ending_a_line_before_lower_case_stays():
    text = flat(f"{PROSE} On the question of the drought relief I\n\nhave decided to act. {MORE}")
    assert "relief I have decided to act." in text


def test_a_compliments_slip_goes_and_the_closing_dateline_stays():
    text = flat(
        f"{PROSE}\n\n{MORE}\n\nWith the compn~ iirv-nts of Robert Kennedy,\n\n"
        "Public Relations Direc. tor, Royal Visit 1959.\n\nCANBERRA. 16th March, 1959."
    )
    assert text == f"{PROSE} {MORE} CANBERRA. 16th March, 1959."


def test_items_ending_in_semicolons_after_a_colon_stay_a_list():
    lines = [
        "The aircraft have been integral to recent operations of the Force, including:",
        "delivery of equipment and more than 175 pallets of aid to Vanuatu;",
        "the provision of much-needed humanitarian aid in Iraq;",
        "the recovery of victims from Eastern Ukraine; and",
        "relief assistance to those affected by the floods.",
        MORE,
    ]
    kept = paragraphs("\n\n".join(lines))
    assert kept[1:5] == lines[1:5]


def test_a_wrapped_sentence_naming_offices_is_no_line_of_offices():
    text = flat(
        "The Prime Minister and Minister for Foreign\n\nAffairs said today that the Government "
        f"had informed the Registrar of the Court.\n\n{MORE}"
    )
    assert text.startswith("The Prime Minister and Minister for Foreign Affairs said today")


def test_a_title_loses_its_byline_before_its_dateline():
    title = (
        "STATEMENT BY THE PRIME MINISTER, THE HON P. J. KEATING MP ECONOMIC PLANNING ADVISORY "
        "COMMITTEE CANBERRA, 28 MAY 1993"
    )
    assert clean_title(title) == "ECONOMIC PLANNING ADVISORY COMMITTEE"
