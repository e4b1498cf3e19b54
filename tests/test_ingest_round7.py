"""Furniture, breaks and titles: the seventh round of shapes (bylines, catch-words, fax marks).

Every text here is written for the test, in the shapes the Australian releases take (issue 21).
"""

from __future__ import annotations

import pytest
from extracted import flat, paragraphs

from archive.ingest.boilerplate import extract_article
from archive.ingest.bylines import scanned_byline
from archive.ingest.titles import clean_title

PROSE = "The Government has decided to provide further assistance to the farmers of the region."
MORE = (
    "The assistance will be available to every family that has suffered from the long dry season."
)
WRAP = (  # a hard-wrapped scan: a blank line after every line
    "The Government has decided to provide further help to the farmers\n\n"
    "of the inland districts, who have suffered from the long dry season\n\n"
    "and the fall in the prices of their wool and their wheat this year."
)
FLAT_WRAP = " ".join(WRAP.split())


# Bylines however scanned -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        "Statemnent by the Acting Prime Minister, the Rt. Hon. John Smith, M. P.",  # a letter more
        "Stateirent by the Prime ?-Tinister, the Rt. Hon. John Smith",  # letters misread
        "Comment by the -Prime Minister, Mr. John Smith",  # a mark before the office
        "Statem~ ent b~ y the Prinie Minisfer, Mr. John Smith",  # words split by the scan
    ],
)
def test_a_byline_goes_however_the_scan_spelled_it(byline):
    assert flat(f"FOR PRESS\n\n{byline}\n\n{WRAP}") == FLAT_WRAP


def test_a_bylines_second_line_naming_a_senator_goes():
    text = f"Statement by the Minister for Repatriation,\n\nSenator the Hon. John Smith\n\n{WRAP}"
    assert flat(text) == FLAT_WRAP


def test_a_line_going_on_after_a_byline_is_the_articles():
    first = "The Honourable John Smith, Minister for Shipping and"
    rest = "Transport, will represent the Government at the funeral of the late Premier."
    text = f"Statement by the Prime Minister, Mr. John Brown\n\n{first}\n\n{rest}\n\n{PROSE}"
    assert flat(text) == f"{first} {rest} {PROSE}"


@pytest.mark.parametrize(
    "sentence",
    [
        "Statement by the Minister was welcomed by growers across the nation today.",
        "Comments by local residents were sought on the plan for the new bridge.",
    ],
)
def test_a_sentence_opening_like_a_byline_is_no_byline(sentence):
    assert not scanned_byline(sentence)
    assert flat(f"{sentence}\n\n{PROSE}") == f"{sentence} {PROSE}"


# Page numbers and catch-words ------------------------------------------------------------------


def test_a_page_number_between_a_catch_word_and_its_repeat_goes_and_the_paragraph_goes_on():
    text = (
        f"{WRAP}\n\nThe Commission will be asked to take account of them. We\n\n2\n\n"
        "We propose therefore to explain the background to our joint initiative\n\n"
        "in the submission we shall make to the Commission next week."
    )
    got = paragraphs(text)
    assert got[-1].endswith(
        "take account of them. We propose therefore to explain the background to our joint "
        "initiative in the submission we shall make to the Commission next week."
    )
    assert " 2 " not in " ".join(got) and "We We" not in " ".join(got)


def test_a_catch_word_with_its_mark_goes_with_the_page_number():
    text = (
        f"{WRAP}\n\nI pay tribute to the firefighters who fought the fires. / Background\n\n2\n\n"
        "Background The Commonwealth has a major role in the relief of natural disasters.\n\n"
        f"{MORE}"
    )
    got = flat(text)
    assert "/ Background" not in got and " 2 " not in got
    assert "fought the fires. Background The Commonwealth has a major role" in got


def test_a_page_number_with_a_dash_after_a_stop_goes():
    text = f"{WRAP}\n\nHe graduated with first class honours. 9-\n\nHe was admitted in 1939."
    got = flat(text)
    assert "honours. He was admitted in 1939." in got and "9-" not in got


# Marks glued to running text -----------------------------------------------------------------


def test_a_zero_closing_a_line_of_running_text_goes():
    text = (
        "It was essential as a first step to prosperity that Australians 0\n\n"
        "be honest with themselves about what has happened in the past three\n\n"
        "years, and that they face the tough problems ahead together as a people. 0\n\n"
        f"{PROSE}"
    )
    got = flat(text)
    assert " 0" not in got
    assert "that Australians be honest" in got and "as a people." in got


def test_a_zero_in_a_row_of_a_table_stays():
    text = f"{PROSE}\n\nLabor 0\n\nLiberal 3\n\n{MORE}"
    assert "Labor 0" in flat(text)


def test_stray_letters_after_the_last_sentence_go_initials_stay():
    assert flat(f"{PROSE}\n\nThey will report on any future development. I. r") == (
        f"{PROSE} They will report on any future development."
    )
    assert flat(f"{PROSE}\n\nThe Minister will then visit the U. S. A.").endswith("the U. S. A.")


def test_a_long_last_line_of_scanning_noise_goes():
    noise = "3~ 3 G; p] T) D0' t) S4 a Ai fl bi ft"  # eleven tokens, no word
    assert flat(f"{PROSE}\n\n{MORE}\n\n{noise}") == f"{PROSE} {MORE}"


# Fax heads and feet ----------------------------------------------------------------------------


def test_a_fax_head_with_its_page_alone_goes_with_the_page_number_under_it():
    text = (
        f"{WRAP}\n\nyou want the Commonwealth to validate all these leases,\n\n"
        "TEL: bW36 .03/ 03\n\n3\n\npay all the compensation of eighteen years of leases."
    )
    got = flat(text)
    assert "TEL" not in got and " 3 " not in got
    assert "all these leases, pay all the compensation" in got


def test_a_fax_head_of_eleven_tokens_goes_and_its_page_number():
    text = (
        f"{WRAP}\n\nThey will not be increased.\n\n"
        "TEL: 29. Jan. 9 12: 52 No. 011 P. 02/ 02\n\n2\n\n"
        f"{MORE}"
    )
    got = flat(text)
    assert "TEL" not in got and " 2 " not in got and got.endswith(MORE)


def test_a_fax_foot_glued_to_the_closing_date_goes_and_the_date_stays():
    got = flat(f"{PROSE}\n\n{MORE}\n\nCANBERRA 9 March 1997 Farft2 S/ 831A97 18: 52 Pg:")
    assert got.endswith("9 March 1997") and "Pg" not in got


# Embargoes, letters, headlines -----------------------------------------------------------------


def test_an_embargos_time_elsewhere_goes():
    text = f"EMBARGO: AUST. 8.00pm EST\n\ni. i LONDON: 11.00 pm BST\n\n{WRAP}"
    assert flat(text, "ROYAL VISIT") == FLAT_WRAP


def test_an_attached_letters_address_after_a_short_last_line_goes_its_salutation_stays():
    text = (
        f"{WRAP}\n\nI release the text of my letter to the Governor-General and of\n\n"
        "his reply.\n\n"
        "PRIME MINISTER CANBERRA\n\n16 FEB 1990\n\n"
        "His Excellency the Honourable John Smith, AC\n\n"
        "Governor-General of the Commonwealth of Australia\n\nGovernment House\n\n"
        f"CANBERRA ACT 2600\n\nYour Excellency\n\n{PROSE}"
    )
    got = flat(text)
    assert "and of his reply. Your Excellency The Government" in got
    assert "Government House" not in got and "ACT 2600" not in got


def test_a_long_program_naming_parliament_house_is_no_address():
    program = [
        "Wednesday 17 October 1973",
        "Afternoon Arrival at Canberra",
        "Evening No official engagements",
        "Thursday 18 October 1973",
        "Lunch At Parliament House",
        "Afternoon No official engagements",
        "Evening Dinner at Government House",
        "Friday 19 October 1973",
        "Morning No official engagements",
        "Lunch At The Lodge",
    ]
    text = f"{WRAP}\n\nThe program of engagements in Canberra is as\n\nfollows:\n\n" + "\n\n".join(
        program
    )
    got = flat(text)
    assert all(line in got for line in program)


def test_a_headline_repeating_the_record_title_without_its_byline_goes():
    title = "Joint Statement with the President of Korea - Korea and Australia: a Partnership"
    text = f"Korea and Australia: a Partnership\n\n{PROSE}\n\n{MORE}"
    assert flat(text, title) == f"{PROSE} {MORE}"


# Breaks ----------------------------------------------------------------------------------------


def test_a_style_without_its_stop_ending_a_line_goes_on_to_the_name():
    text = (
        "The delegations will be led by Mr Kevin Brown, Secretary of the Department, and Dr\n"
        "Mervyn Smith, Chairman of the Commission, who arrive in Canberra on Monday.\n\n"
        f"{PROSE}"
    )
    assert paragraphs(text)[0].endswith(
        "and Dr Mervyn Smith, Chairman of the Commission, who arrive in Canberra on Monday."
    )


# Titles ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        # the message is the headline's: no mark parts it from its byline
        (
            "FOR PRESS: ANZAC DAY MESSAGE BY THE PRIME MINISTER, THE RT. HON. J. SMITH",
            "ANZAC DAY MESSAGE",
        ),
        # a comment is the byline's own word
        (
            "FOR PRESS: BY-ELECTION RESULT COMMENT BY THE PRIME MINISTER. MR. JOHN SMITH",
            "BY-ELECTION RESULT",
        ),
        # the byline ends at MP, not at the headline's own dash
        (
            "STATEMENT BY THE PRIME MINISTER, THE HON J SMITH MP BROWN AND GREEN - DIVIDED AGAIN",
            "BROWN AND GREEN - DIVIDED AGAIN",
        ),
        # a release number whose figures the record lost
        ("FOR PRESS: PM /1965 - REPLY TO AN INVITATION", "REPLY TO AN INVITATION"),
        (
            "TRANSCRIPT OF THE PRIME MINISTER, THE HON J SMITH MP OPENING REMARKS, PRESS MEETING",
            "OPENING REMARKS, PRESS MEETING",
        ),
    ],
)
def test_a_title_keeps_its_headline_and_loses_its_byline(title, clean):
    assert clean_title(title) == clean


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        # offices run into the headline, a date after it
        (
            "Prime Minister Minister for Health Minister for Ageing More support for older "
            "people 12 April 2010",
            "More support for older people",
        ),
        (
            "Prime Minister Minister for Families, Housing and Community Services Member for "
            "Eastwood New homes for families in Eastwood 3 May 2010",
            "New homes for families in Eastwood",
        ),
        (
            "Prime Minister Premier of New South Wales Blacktown Hospital - more beds",
            "Blacktown Hospital - more beds",
        ),
        # a joint release's ministers and their names, the headline in capitals
        (
            "Joint Media Release with the Minister for Sport, Jane Doe, Australian Team set "
            "for Beijing",
            "Australian Team set for Beijing",
        ),
        (
            "Joint Media Release with the Treasurer, John Roe and the Minister for Climate "
            "Change and Water, Jane Doe, A New Target for Reducing Pollution",
            "A New Target for Reducing Pollution",
        ),
        (
            "Joint Media Release with the Minister for Infrastructure Rudd Government to Act",
            "Rudd Government to Act",
        ),
        (
            "Joint Media Release with Jane Doe MP Naval Fuel Upgrade, Darwin",
            "Naval Fuel Upgrade, Darwin",
        ),
        # a mark parting them: the lead's own rule, as before
        (
            "Joint Press Release with Minister for Industry, The Hon John Roe, MP - The Textile "
            "Industries",
            "The Textile Industries",
        ),
    ],
)
def test_a_joint_releases_offices_come_off_its_title(title, clean):
    assert clean_title(title) == clean


def test_a_title_naming_the_prime_minister_in_its_headline_keeps_it():
    title = "Prime Minister to visit Japan and Korea"
    assert clean_title(title) == title


def test_a_line_ending_on_an_article_goes_on_whatever_opens_the_next():
    # a web release: each paragraph one line, blank lines between; one wrapped after "The"
    text = (
        "Australia welcomes Korea's return to growth after the Asian economic crisis. The\n\n"
        "Republic of Korea acknowledges the help of its partners in the region.\n\n"
        "For both countries, prosperity depends on open markets and on stability in the region."
    )
    got = paragraphs(text, "KOREA")
    assert got[0].endswith(
        "crisis. The Republic of Korea acknowledges the help of its partners in the region."
    )
    assert got[1].startswith("For both countries")


def test_list_items_ending_and_after_a_mark_stay_items():
    text = (
        "The agreement provides that:\n\n"
        "There will be no change to current arrangements on water issues; and\n\n"
        "The transaction will not affect allocations of grants for any State."
    )
    got = paragraphs(text, "AGREEMENT")
    assert any(p.startswith("The transaction will not affect") for p in got)


def test_a_bullet_the_scan_read_inside_a_sentence_goes():
    text = (
        f"{WRAP}\n\nThe principal objective of the Government would be\n\n"
        "to revive the strength of the economy so that Australians could once again\n\n"
        "* look ahead with confidence and security, confident in themselves\n\n"
        "and in their country.\n\nThe measures are listed below:\n\n"
        "* rail and road subsidies on the transport of fodder;\n\n* carry-on finance for farmers."
    )
    got = paragraphs(text)
    assert got[1] == (
        "The principal objective of the Government would be to revive the strength of the "
        "economy so that Australians could once again look ahead with confidence and security, "
        "confident in themselves and in their country."
    )
    items = [line for p in extract_article(text, "DROUGHT").paragraphs for line in p.split("\n")]
    assert "- rail and road subsidies on the transport of fodder;" in items
    assert "- carry-on finance for farmers." in items


def test_a_last_line_of_noise_with_tokens_no_word_has_goes_a_dateline_stays():
    noise = "A ' flfc'~ r5-~ thc-ne-ei spD3C 2?"
    assert flat(f"{PROSE}\n\n{MORE}\n\n{noise}") == f"{PROSE} {MORE}"
    assert flat(f"{PROSE}\n\n{MORE}\n\nCANBERRA, 22nd February, 1967.").endswith("1967.")


def test_a_stop_before_a_line_opening_with_a_small_word_is_a_misread_mark():
    text = (
        "The late Minister served his country for many years and made a major contribution.\n\n"
        "to Australian political life and to the people of his electorate.\n\n"
        f"{PROSE}"
    )
    assert paragraphs(text)[0].endswith(
        "major contribution. to Australian political life and to the people of his electorate."
    )


def test_an_entry_opening_m_s_opens_an_entry():
    entries = [
        "Mr John Smith Deputy Commissioner of Police and Chairman of the Committee on Drugs",
        "M/s Anne Brown Founder of the Drug Treatment and Rehabilitation Programme, Adelaide",
        "Mr David Green Executive Director of the Odyssey House Foundation, Melbourne",
        "Mr Nick Gray Manager, Drug and Alcohol Services Association, Alice Springs",
        "M/s Julie White Parent Drug Information Service, Western Australia",
        "Mr Garth Black Executive Director, We Help Ourselves Association",
    ]
    text = "The members of the Council are:\n\n" + "\n\n".join(entries)
    got = [line for p in extract_article(text, "COUNCIL").paragraphs for line in p.split("\n")]
    assert entries[4] in got


def test_a_closing_dateline_misread_keeps_its_letters():
    assert flat(f"{PROSE}\n\n{MORE}\n\nC ITB 1,. g. T.").endswith("C ITB 1,. g. T.")
