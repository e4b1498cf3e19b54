"""Organisations by the shapes found in round 5 of issue 21: a test a shape, on texts written here.

Each text takes the shape the Australian releases give it (bench/orgs_dev5.yaml and the earlier
samples); each test fails with its rule taken out of archive/ingest/orgshapes.py or orgs.py.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # military units by their number
        (
            "Caribou were flown by Number 35 Squadron, and later No. 38 Squadron, from Townsville.",
            ["Number 35 Squadron", "No. 38 Squadron"],
        ),
        (
            "He served with the 17th Infantry Regiment and the Third U. S. Army in Germany.",
            ["17th Infantry Regiment", "Third U. S. Army"],
        ),
        ("Soldiers of the 101st Airborne Division landed.", ["101st Airborne Division"]),
        # head words of the forces', the police's and research bodies
        (
            "The Western Australian Anti-Gangs Squad will work within the WA Police Gang Squad.",
            ["Western Australian Anti-Gangs Squad", "WA Police Gang Squad"],
        ),
        ("Officers of Special Operations Command took part.", ["Special Operations Command"]),
        (
            "She joined the Women's Royal Australian Army Corps.",
            ["Women's Royal Australian Army Corps"],
        ),
        (
            "Advice came from the Defence Signals Directorate today.",
            ["Defence Signals Directorate"],
        ),
        (
            "The vaccine was made by Commonwealth Serum Laboratories.",
            ["Commonwealth Serum Laboratories"],
        ),
        ("Talks with the Patriotic Front resumed in London.", ["Patriotic Front"]),
        ("The ship was met by the US Coast Guard off Hawaii.", ["US Coast Guard"]),
        ("The Efficiency Scrutiny Unit reported in May.", ["Efficiency Scrutiny Unit"]),
        (
            "The Intergovernmental Panel on Climate Change reported; the Expert Panel met.",
            ["Intergovernmental Panel on Climate Change"],
        ),
        ("Gas from the Gorgon Joint Venture was sold.", ["Gorgon Joint Venture"]),
        (
            "He sat on the Secretary-General's High Level Panel on Water Resources.",
            ["High Level Panel on Water Resources"],
        ),
        ("He worked for the South Australian Railways.", ["South Australian Railways"]),
        ("Mr Hawke led the Labor party to victory.", ["Labor party"]),
        ("Officers of Special Operations Command took part.", ["Special Operations Command"]),
        # what stands before a body without being part of it
        (
            "Funds go to the Commonwealth-funded South Australian Health and Medical Research "
            "Institute.",
            ["South Australian Health and Medical Research Institute"],
        ),
        (
            "PROPOSED NEW MURRAY-DARLING BASIN AUTHORITY: the Proposed New Murray-Darling Basin "
            "Authority will manage the basin.",
            ["Murray-Darling Basin Authority"],
        ),
        (
            "Views of New Zealand on COAG's Business Regulation and Competition Working Group.",
            ["Business Regulation and Competition Working Group", "COAG"],
        ),
        # another country's embassy here is named by its country; one of ours abroad by its place
        (
            "Powder was sent to the Indonesian Embassy in Canberra; the Australian Embassy in "
            "Washington was told.",
            ["Indonesian Embassy", "Australian Embassy in Washington"],
        ),
        ("We supported the World Wildlife Fund in Australia.", ["World Wildlife Fund"]),
        # a grant's project, a visit's line, guests, a month: none is part of the body
        (
            "Equipment Upgrade for Huonville Online Access Centre $8,000",
            ["Huonville Online Access Centre"],
        ),
        ("11.00 am Visit Mercy Maternity Hospital", ["Mercy Maternity Hospital"]),
        (
            "Guests of Launceston Chamber of Commerce will attend.",
            ["Launceston Chamber of Commerce"],
        ),
        (
            "The Ministerial Council on Tertiary Education in November agreed.",
            ["Ministerial Council on Tertiary Education"],
        ),
        # the Red Cross is a charity, not an honour; the UN's programmes are its agencies
        (
            "Blood is collected by the Red Cross Blood Transfusion Service.",
            ["Red Cross Blood Transfusion Service"],
        ),
        (
            "The United Nations Environment Programme met in Nairobi.",
            ["United Nations Environment Programme"],
        ),
        # two bodies joined by "and", each with its own head word; a meeting beside a body
        (
            "He spoke at the International Institute for Strategic Studies and Geneva Centre for "
            "Security Policy last year.",
            ["International Institute for Strategic Studies", "Geneva Centre for Security Policy"],
        ),
        ("Meetings of the Premiers' Conference and Loan Council will be held.", ["Loan Council"]),
        # one name still: the left part has no head word of its own, or only a weak one
        (
            "Mr Justice Williams of the Conciliation and Arbitration Commission",
            ["Conciliation and Arbitration Commission"],
        ),
        (
            "A grant to the Community Services and Health Industry Skills Council was made.",
            ["Community Services and Health Industry Skills Council"],
        ),
    ],
)
def test_round_five_shapes_are_found(org_names, text, expected):
    assert org_names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a programme after its amount
        "The $1 billion Australia-Indonesia Partnership for Reconstruction and Development helps.",
        # a portfolio
        "He held the portfolios of Regional Services, Territories and Local Government.",
        # a role
        "The Chief Police Officer of the ACT made it clear.",
        # countries, places, a command given, a meeting, a monument, a ward
        "The Government of the Union of Soviet Socialist Republics agreed.",
        "His grandfather fought on the Western Front in 1917.",
        "By His Excellency's Command the proclamation was made.",
        "Leaders met at Tuesday's Council of Australian Governments Meeting in Canberra.",
        "He laid a wreath at the Kranji War Memorial in Singapore.",
        "She was moved to the Coronary Care Unit overnight.",
        "Rain fell across Southern Australia today.",
        # a network that is built, a church's service, a plural kind
        "The National Broadband Network will reach every town.",
        "They attended the Easter Sunday Church Service at the base.",
        "Statutory Authorities will report to the Minister.",
        # an occupation or a title alone
        "The Deputy Ombudsman will review the case.",
        "The Belmont Panel Van costs $2,850.",
        # an honour, an event named after a body, a policy
        "He was awarded the Australian Active Service Medal with clasp.",
        "Mourners came to the Memorial Service for the Greymouth miners.",
        "The White Australia policy was abandoned.",
        # kinds, not names; the labour force; a company's articles
        "The Standing Committee and the Working Party met; the School Council agreed.",
        "Growth in the Labour Force slowed.",
        "The Articles of Association were amended.",
        # a parliament's chamber, a party to a treaty
        "Saturday's election for the Legislative Council was close.",
        "Each State Party to the Convention will report.",
    ],
)
def test_round_five_phrases_naming_no_body_are_refused(org_names, text):
    assert org_names(text) == []


def test_a_body_after_an_amount_in_a_table_of_grants_is_still_a_body(org_names):
    text = (
        "Organisation State Project Funding Bega Valley Respite House $1,200,000 Coastal "
        "Housing Ltd NSW Grandview Project $2,080,327"
    )
    assert org_names(text) == ["Coastal Housing Ltd"]


def test_an_occupation_before_a_body_is_no_part_of_its_name(org_names):
    text = "Members: Chief Executive Officer Australian Customs Service (Mr Lionel Woodward)."
    assert org_names(text) == ["Australian Customs Service"]


def test_a_rank_or_a_title_before_a_body_is_no_part_of_its_name(org_names):
    text = "Mr Joseph Burke: Assistant Keeper Victoria and Albert Museum, London, 1938."
    assert org_names(text) == ["Victoria and Albert Museum"]
    text = "Posts: General Officer Commanding Training Command, 1970."
    assert org_names(text) == ["Training Command"]


def test_the_australian_war_memorial_is_still_a_body(org_names):
    assert org_names("He laid a wreath at the Australian War Memorial.") == [
        "Australian War Memorial"
    ]
