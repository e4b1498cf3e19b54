"""Tests for archive.amounts: money amounts, their look-alikes, and their sentences."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from archive.corpus.amounts import Amount, extract_amounts, sentences

SEEDS = Path(__file__).parent / "seeds"  # the five raw seed pages, as scraped


def found(text: str, dollar: str = "USD") -> list[tuple[int, str, str]]:
    """Return the (value, currency, text) of every amount in text."""
    return [(a.value, a.currency, a.text) for a in extract_amounts(text, dollar=dollar)]


@pytest.mark.parametrize(
    ("text", "dollar", "expected"),
    [
        ("Removed £3.2 million funding.", "USD", (3_200_000, "GBP", "£3.2 million")),
        ("Teams will receive £48m in 2010-11.", "USD", (48_000_000, "GBP", "£48m")),
        ("Grants of £100,000 for each site.", "USD", (100_000, "GBP", "£100,000")),
        ("A further £1.5bn was promised.", "USD", (1_500_000_000, "GBP", "£1.5bn")),
        ("Some £2 billion is at stake.", "USD", (2_000_000_000, "GBP", "£2 billion")),
        ("The fund is worth $190 million.", "USD", (190_000_000, "USD", "$190 million")),
        ("The fund is worth $190 million.", "AUD", (190_000_000, "AUD", "$190 million")),
        ("The EU gave €5m to the region.", "USD", (5_000_000, "EUR", "€5m")),
        ("The group was awarded £5 million.", "USD", (5_000_000, "GBP", "£5 million")),
        ("An £11.6m investment.", "USD", (11_600_000, "GBP", "£11.6m")),
        ("Cut from £134.4m last year.", "USD", (134_400_000, "GBP", "£134.4m")),
        ("The £2bn lifeline.", "USD", (2_000_000_000, "GBP", "£2bn")),
        ("Every £1 Counts", "USD", (1, "GBP", "£1")),
        ("A pilot costing £250k.", "USD", (250_000, "GBP", "£250k")),
        ("A pilot costing £250K.", "USD", (250_000, "GBP", "£250K")),
        ("A pilot costing £250,000.", "USD", (250_000, "GBP", "£250,000")),
        ("Debt of £1.2 trillion.", "USD", (1_200_000_000_000, "GBP", "£1.2 trillion")),
        ("Debt of £1tn.", "USD", (1_000_000_000_000, "GBP", "£1tn")),
        ("A loan of US$5m.", "AUD", (5_000_000, "USD", "US$5m")),
        ("A grant of A$3m.", "USD", (3_000_000, "AUD", "A$3m")),
        ("A grant of AU$3m.", "USD", (3_000_000, "AUD", "AU$3m")),
        ("A grant of NZ$2.5m.", "USD", (2_500_000, "NZD", "NZ$2.5m")),
        ("A grant of C$4m.", "USD", (4_000_000, "CAD", "C$4m")),
        ("Budget: GBP 5m.", "USD", (5_000_000, "GBP", "GBP 5m")),
        ("Budget: USD 2.5 million.", "AUD", (2_500_000, "USD", "USD 2.5 million")),
        ("Budget: AUD 40 million.", "USD", (40_000_000, "AUD", "AUD 40 million")),
        ("Budget: AUD $40 million.", "USD", (40_000_000, "AUD", "AUD $40 million")),
        ("Budget: EUR 12bn.", "USD", (12_000_000_000, "EUR", "EUR 12bn")),
        ("It cost 5 million pounds.", "USD", (5_000_000, "GBP", "5 million pounds")),
        ("It cost £5 million pounds.", "USD", (5_000_000, "GBP", "£5 million pounds")),
        ("It cost 10 euros.", "USD", (10, "EUR", "10 euros")),
        ("It cost 5m US dollars.", "AUD", (5_000_000, "USD", "5m US dollars")),
        ("It cost 2 million dollars.", "AUD", (2_000_000, "AUD", "2 million dollars")),
        ("Councils got £10m each.", "USD", (10_000_000, "GBP", "£10m")),
        ("Upgrades at £1.99 a head.", "USD", (2, "GBP", "£1.99")),
        ("Upgrades at £2.50 a head.", "USD", (3, "GBP", "£2.50")),  # half rounds up
        ("Upgrades at £1.49 a head.", "USD", (1, "GBP", "£1.49")),
        ("They will receive £48m.", "USD", (48_000_000, "GBP", "£48m")),
        ("A £5M pot.", "USD", (5_000_000, "GBP", "£5M")),
        ("A £2BN pot.", "USD", (2_000_000_000, "GBP", "£2BN")),
        ("A £3 Million pot.", "USD", (3_000_000, "GBP", "£3 Million")),
        ("A £2mn pot.", "USD", (2_000_000, "GBP", "£2mn")),
        ("A £3 thousand pot.", "USD", (3_000, "GBP", "£3 thousand")),
        ("A £0.5m pot.", "USD", (500_000, "GBP", "£0.5m")),
        ("A £1,250,000.75 pot.", "USD", (1_250_001, "GBP", "£1,250,000.75")),
    ],
)
def test_forms(text: str, dollar: str, expected: tuple[int, str, str]) -> None:
    assert found(text, dollar) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("£23m-£25m a year", [(23_000_000, "GBP", "£23m"), (25_000_000, "GBP", "£25m")]),
        ("£23-25m a year", [(23_000_000, "GBP", "£23-25m"), (25_000_000, "GBP", "£23-25m")]),
        ("£23–£25m", [(23_000_000, "GBP", "£23–£25m"), (25_000_000, "GBP", "£23–£25m")]),
        ("£1.5-2bn", [(1_500_000_000, "GBP", "£1.5-2bn"), (2_000_000_000, "GBP", "£1.5-2bn")]),
        ("costs £5,000-£10,000 each", [(5_000, "GBP", "£5,000"), (10_000, "GBP", "£10,000")]),
        ("from £5 to £10 a head", [(5, "GBP", "£5"), (10, "GBP", "£10")]),
        (
            "£23m to help workers, £15m to improve IT and £10m for Cafcass.",
            [
                (23_000_000, "GBP", "£23m"),
                (15_000_000, "GBP", "£15m"),
                (10_000_000, "GBP", "£10m"),
            ],
        ),
        (
            "from £134.4m in 2014/15 to £124.4m in 2015/16, a drop of 7.4%",
            [(134_400_000, "GBP", "£134.4m"), (124_400_000, "GBP", "£124.4m")],
        ),
        # A spaced dash is punctuation, not a range: the count after it stays a count.
        ("grants of £100,000 – 12 councils applied", [(100_000, "GBP", "£100,000")]),
    ],
)
def test_several_amounts(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "which is a drop of 7.4%",
        "applications rose by 13 per cent",
        "the first annual report to Parliament 2013",
        "will receive funding in 2010-11",
        "its biggest investment for 2013-14",
        "27/09/2022",
        "Michaela Rogers March 22, 2017 at 5:04 pm #",
        "Ministers accepted all 15 recommendations",
        "funding for 11 children's social care projects",
        "the CIB was also due to fund 20 peer reviews",
        "over the past 18 months",
        "127 local authorities spent",
        "0333 332 1991",
        "T 0333 332 1991 (Local rate)",
        "cuts to their budgets by a third",
        "Support the #Respect4SocialWork campaign today",
        "rather than h8ubs so that we can interact",
        "h8 pounds",
        "200 million people",
        "the NHS saved thousands of pounds",
        "the £ sign and the $ sign",
        "GBP and USD",
        "publication 1,000,000 copies",
        "report 2.5 million views",
        "for 11-24 year olds",
    ],
)
def test_look_alikes(text: str) -> None:
    assert extract_amounts(text) == []


def test_amount_is_a_frozen_record() -> None:
    amount = extract_amounts("The DfE awarded £1.4m to the trust.")[0]
    assert amount == Amount(1_400_000, "GBP", "£1.4m", "The DfE awarded £1.4m to the trust.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        amount.value = 0  # type: ignore[misc]


def sentence_of(text: str, amount_text: str) -> str:
    """Return the sentence of the only amount written as amount_text."""
    (sentence,) = [a.sentence for a in extract_amounts(text) if a.text == amount_text]
    return sentence


@pytest.mark.parametrize(
    ("text", "amount_text", "sentence"),
    [
        (
            "The government has removed £3.2 million funding. It was a shock.",
            "£3.2 million",
            "The government has removed £3.2 million funding.",
        ),
        (
            "It said so. Officials said £1.5bn was set aside. Critics disagreed.",
            "£1.5bn",
            "Officials said £1.5bn was set aside.",
        ),
        ("Intro. Mr. Balls pledged £5m today. Next.", "£5m", "Mr. Balls pledged £5m today."),
        ("Intro. Dr. Jones got £5m for it. Next.", "£5m", "Dr. Jones got £5m for it."),
        ("Intro. St. Helens won £5m for it. Next.", "£5m", "St. Helens won £5m for it."),
        ("Papers, e.g. The Times, said £5m. Next.", "£5m", "Papers, e.g. The Times, said £5m."),
        ("One, i.e. The Times, said £5m. Next.", "£5m", "One, i.e. The Times, said £5m."),
        ("Plans by J. Smith cost £5m. Next.", "£5m", "Plans by J. Smith cost £5m."),
        ("Any money coming up North??? We got £5m! Hooray.", "£5m", "We got £5m!"),
        ("Is it £5m? Nobody knows.", "£5m", "Is it £5m?"),
        (
            'He said it was fine. "£5m is not enough," she said.',
            "£5m",
            '"£5m is not enough," she said.',
        ),
        ("“We need £5m.” The minister agreed.", "£5m", "“We need £5m.”"),
        ("Total was £2m. £5m more came later. Done.", "£5m", "£5m more came later."),
        (
            "Innovative projects get £36m funding boost\n\nThe projects include new ways.",
            "£36m",
            "Innovative projects get £36m funding boost",
        ),
        (
            "The pledges include:\n\n  • A £15m grant to improve systems.\n  • Other help.",
            "£15m",
            "A £15m grant to improve systems.",
        ),
        (
            "The pledges include:\n- £23m for frontline workers\n- more IT",
            "£23m",
            "£23m for frontline workers",
        ),
        (
            "Replies:\n  1. Michaela said £5m\n  2. Paul said no",
            "£5m",
            "Michaela said £5m",  # "1." before a capital reads as a sentence of its own
        ),
        (
            "The council\n   received   £2 million\tto test the theory.",
            "£2 million",
            "The council received £2 million to test the theory.",
        ),
        (
            "From £134.4m in 2014/15 is 7.4%, reports Inside Housing.Despite that, more.",
            "£134.4m",
            "From £134.4m in 2014/15 is 7.4%, reports Inside Housing.Despite that, more.",
        ),
    ],
)
def test_sentence(text: str, amount_text: str, sentence: str) -> None:
    assert sentence_of(text, amount_text) == sentence


def test_sentences_spans() -> None:
    text = "  First one. Second £3.2 million one!\n\n• Third\n"
    assert [text[s:e] for s, e in sentences(text)] == [
        "First one.",
        "Second £3.2 million one!",
        "Third",
    ]
    assert sentences("") == []
    assert sentences(" \n\n ") == []


def test_long_sentence_is_cut_around_the_amount() -> None:
    text = "Intro. " + "word " * 300 + "then £5m went " + "more " * 300 + "end. Next one."
    (amount,) = extract_amounts(text)
    assert amount.sentence.startswith("…word word")
    assert amount.sentence.endswith("more more…")
    assert "then £5m went" in amount.sentence
    assert 300 < len(amount.sentence) <= 402


def test_long_sentence_keeps_its_start_when_the_amount_is_early() -> None:
    text = "Intro. Then £5m went " + "more " * 300 + "end. Next one."
    (amount,) = extract_amounts(text)
    assert amount.sentence.startswith("Then £5m went more")
    assert amount.sentence.endswith("more…")
    assert len(amount.sentence) <= 402


def test_indented_sentence_is_not_cut_when_collapsed_it_fits() -> None:
    text = "It got\n" + " " * 300 + "£5m\n" + " " * 300 + "in all. Next."
    assert sentence_of(text, "£5m") == "It got £5m in all."


SEED_LIKE = """Innovative social care projects win £36m funding boost

The government has announced £36m in funding for 11 children's social care projects.

The money comes from the Department for Education's £200m innovation fund. Evaluations
for 10 projects were also published on 27/09/2022.

Under the latest round, an £11.6m investment will extend a safeguarding model to four
councils. The model halved child protection plans in 18 months.

  • The Family Rights Group has been awarded £5 million for ‘Lifelong Links’.
  • One council has received £4 million, and a foster care model £3.8 million.
  • The DfE has also awarded £1.4m to a children's services trust.

Hackney has been awarded £2 million, while Havering has been given £2.4 million to offer a
service for 11-24 year olds, a rise of 13 per cent. Call 0333 332 1991 at 5:04 pm.
"""


def test_seed_like_paragraph() -> None:
    assert [a.value for a in extract_amounts(SEED_LIKE)] == [
        36_000_000,
        36_000_000,
        200_000_000,
        11_600_000,
        5_000_000,
        4_000_000,
        3_800_000,
        1_400_000,
        2_000_000,
        2_400_000,
    ]
    sentences_by_text = {a.text: a.sentence for a in extract_amounts(SEED_LIKE)}
    assert sentences_by_text["£3.8 million"] == (
        "One council has received £4 million, and a foster care model £3.8 million."
    )
    assert sentences_by_text["£200m"] == (
        "The money comes from the Department for Education's £200m innovation fund."
    )


SEED_VALUES = {
    "000": [3_200_000, 8_500_000, 8_500_000, 148_500_000, 2_000_000_000, 1, 10_000_000,
            134_400_000, 124_400_000],
    "001": [48_000_000, 23_000_000, 15_000_000, 10_000_000, 200_000_000, 23_000_000,
            15_000_000, 10_000_000],
    "002": [100_000],
    "003": [36_000_000, 36_000_000, 200_000_000, 11_600_000, 5_000_000, 4_000_000, 3_800_000,
            1_400_000, 2_000_000, 2_400_000, 36_000_000],
    "004": [],
}  # fmt: skip


@pytest.mark.parametrize(("seed", "values"), sorted(SEED_VALUES.items()))
def test_seed_documents(seed: str, values: list[int]) -> None:
    paths = sorted(SEEDS.glob(f"{seed}_*.txt"))
    assert len(paths) == 1
    amounts = extract_amounts(paths[0].read_text(encoding="utf-8"))
    assert [a.value for a in amounts] == values
    assert {a.currency for a in amounts} <= {"GBP"}
    assert all(a.text in a.sentence and len(a.sentence) <= 402 for a in amounts)


def _random_money_noise() -> str:
    # Mostly long runs of digits and commas, the shapes a number regex could backtrack over.
    rng = random.Random(2024)
    return "".join(rng.choices("0123456789,£", weights=[10] * 10 + [8, 1], k=1_000_000))


PATHOLOGICAL = {
    "random-digits-commas-pounds": _random_money_noise,
    "digits": lambda: "9" * 1_000_000,
    "digit-comma": lambda: "1," * 500_000,
    "pound-then-groups": lambda: "£" + "123," * 250_000,
    "pound-then-commas": lambda: "£1" + "," * 1_000_000,
    "full-stops": lambda: "£1" + "." * 1_000_000,
    "whitespace": lambda: "£1 " + " \n" * 500_000 + "x",
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_returns(name: str) -> None:
    text = PATHOLOGICAL[name]()
    assert len(text) >= 1_000_000
    # No timing assert: a backtracking regex would simply never get here.
    amounts = extract_amounts(text)
    assert all(a.value >= 0 and a.currency == "GBP" for a in amounts)
    assert all(len(a.sentence) <= 402 for a in amounts)
    sentences(text)
