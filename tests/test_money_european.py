"""Amounts written the European way and money tables whose sign or unit stands apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.corpus.amounts import extract_amounts
from archive.ingest.papers import from_pdf
from archive.ingest.tables import apply_unit, bare_unit, join_signs, table_unit


def _read(text: str) -> list[tuple[int, str]]:
    return [(a.value, a.currency) for a in extract_amounts(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The fund signed EUR 1 107 million in 2019.", [(1_107_000_000, "EUR")]),
        ("It cost 1 250 000 € in all.", [(1_250_000, "EUR")]),
        ("It cost 1\u202f250\u202f000\u00a0€ in all.", [(1_250_000, "EUR")]),
        ("A grant of 1.250.000 EUR was made.", [(1_250_000, "EUR")]),
        ("A grant of 1.250.000,50 EUR was made.", [(1_250_001, "EUR")]),
        ("Paid £1\u2009250\u2009000 to the council.", [(1_250_000, "GBP")]),
        ("A total of 12 345 euros was paid.", [(12_345, "EUR")]),
        ("The envelope (EUR 105 m) allows EUR 10 bn and EUR60bn.", [
            (105_000_000, "EUR"), (10_000_000_000, "EUR"), (60_000_000_000, "EUR")]),
    ],
)  # fmt: skip
def test_thousands_grouped_with_spaces_or_points_are_one_amount(text: str, want: list) -> None:
    assert _read(text) == want


def test_plain_spaces_without_a_euro_or_scale_word_stay_apart() -> None:
    # "£120 250 300" is columns of a table read as a line more often than £120,250,300; and a
    # year before an amount is not a number grouped with it, nor a sign after it its currency.
    assert _read("Grant £120 250 300 rows") == [(120, "GBP")]
    assert _read("In 2019 £5 000 was paid") == [(5, "GBP")]
    assert _read("In 2019 €5 000 was paid") == [(5000, "EUR")]
    assert _read("1.250 EUR") == [(1, "EUR")]  # one point group is a decimal, as written


def test_uk_and_us_shapes_are_read_as_before() -> None:
    assert _read("£3.2 million for 12,000 homes, $1.1M and £1 ,480,000.") == [
        (3_200_000, "GBP"),
        (1_100_000, "USD"),
        (1_480_000, "GBP"),
    ]


def test_a_sign_in_its_own_cell_joins_its_figure_and_a_bare_unit_takes_the_tables_sign() -> None:
    rows = join_signs([["Item", "", "2023", "", "2024"], ["Grants", "$", "1,234", "$", "(56)"]])
    assert rows[1] == ["Grants", "$1,234", "($56)"]  # the signs' emptied columns go
    unit = table_unit("", "Item 2023 2024") or bare_unit(rows, "(in thousands)")
    assert unit == ("$", "thousand")
    assert apply_unit(rows, unit)[1][1:] == ["$1,234 thousand", "-$56 thousand"]
    assert join_signs([["Grants", "1 234", "€"]])[0] == ["Grants", "1 234 €"]
    assert bare_unit([["Grants", "1,234"]], "(in thousands)") is None  # no currency at all


@pytest.mark.parametrize(
    ("text", "want"),
    [("Signed TA (EURm)", ("EUR", "million")), ("€m", ("€", "million")),
     ("£000", ("£", "thousand")), ("$ in thousands", ("$", "thousand"))],
)  # fmt: skip
def test_units_in_headings_and_captions(text: str, want: tuple[str, str]) -> None:
    assert table_unit(text) == want


def _table_pdf(path: Path) -> None:
    """A page with a ruled money table: the sign in its own column, the unit in the caption,
    a negative figure in parentheses, a spaced European figure under a heading in EURm."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    story = [
        Paragraph("Grants to councils", styles["Title"]),
        Paragraph(
            "The council received EUR 1 107 million from the fund, and a further "
            "1 250 000 € was paid to the schools in the spring.",
            styles["Normal"],
        ),
        Spacer(1, 12),
        Paragraph("Table 1: Grants by programme ($ in thousands)", styles["Normal"]),
        Spacer(1, 8),
        Table(
            [
                ["Programme", "", "2023", "", "2024"],
                ["Road repairs", "$", "4,250", "$", "3,900"],
                ["Flood defences", "$", "1,125", "$", "(250)"],
            ],
            style=grid,
        ),
        Spacer(1, 12),
        Table(
            [["Country", "Signed TA (EURm)"], ["Algeria", "6.19"], ["Syria", "33.42"]], style=grid
        ),
    ]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)


def test_a_pdfs_money_tables_and_european_figures_are_read(tmp_path: Path) -> None:
    path = tmp_path / "grants.pdf"
    _table_pdf(path)
    article, _ = from_pdf(path.read_bytes())
    found = {(a.value, a.currency) for a in extract_amounts(article.text)}
    for want in [
        (1_107_000_000, "EUR"),
        (1_250_000, "EUR"),
        (4_250_000, "USD"),
        (3_900_000, "USD"),
        (1_125_000, "USD"),
        (6_190_000, "EUR"),
        (33_420_000, "EUR"),
    ]:
        assert want in found, (want, article.text)
    assert (1_125, "USD") not in found and (4_250, "USD") not in found


def test_a_columns_own_unit_applies_to_its_money_only_and_signs_go_to_their_column() -> None:
    # Two heading rows; counts "(in thousands)" beside money "(in millions)"; the "$" of a price
    # column drawn at the end of the cell before it.
    rows = join_signs(
        [
            ["", "Shares", "Price", "Price", "Value"],
            ["Period", "(in thousands)", "Class A", "Class C", "(in millions)"],
            ["October", "46,059 $", "98.92 $", "99.16", "$ 38,069"],
            ["Total", "146,082", "", "", ""],
        ]
    )
    from archive.ingest.tables import column_units

    columns = column_units(rows)
    assert columns == [None, None, None, None, ("$", "million")]
    written = apply_unit(rows, None, columns)
    assert written[2] == ["October", "46,059", "$98.92", "$99.16", "$38,069 million"]
    assert written[3] == ["Total", "146,082", "", "", ""]
    found = _read("; ".join(written[2]) + ". " + "; ".join(written[3]))
    assert (38_069_000_000, "USD") in found and not any(v == 146_082_000 for v, _ in found)


def test_a_column_drawn_as_two_is_joined_and_its_heading_unit_applies() -> None:
    from archive.ingest.tables import merge_split_columns

    rows = merge_split_columns(
        [
            ["Country", "", "Signed TA", ""],
            ["", "", "(EURm)", ""],
            ["Algeria", "6.19", "", ""],
            ["Total", "98.46", "", ""],
        ]
    )
    assert rows[:3] == [["Country", "Signed TA", ""], ["", "(EURm)", ""], ["Algeria", "6.19", ""]]
    from archive.ingest.tables import column_units

    written = apply_unit(rows, None, column_units(rows))
    assert written[2][1] == "EUR6.19 million" and written[3][1] == "EUR98.46 million"
    # columns that share a row stay apart
    kept = merge_split_columns([["A", "B", "C"], ["x", "1", "2"], ["y", "", "3"]])
    assert kept == [["A", "B", "C"], ["x", "1", "2"], ["y", "", "3"]]
