"""Reading corpus files: front matter, dates, registries and the errors that name the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.corpus.folder import check, document_files
from archive.corpus.parse import PartialDate, parse_bytes
from archive.corpus.registry import Registry
from archive.errors import CorpusError

TEST_CORPUS = Path(__file__).parent / "corpus"
GOOD = """---
title: A good document
date: "2013-04"
source: Example News
departments: [dfe]
programmes: [innovation-programme]
---
The department announced £3.2 million for a pilot.
"""


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load(TEST_CORPUS)


def parse(text: str | bytes, registry: Registry, name: str = "a-document.md"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_bytes(data, Path("corpus") / name, registry)


def test_a_good_document(registry):
    doc = parse(GOOD, registry)
    assert doc.id == "a-document"
    assert doc.title == "A good document"
    assert doc.date == PartialDate(2013, 4)
    assert doc.departments == ("dfe",)
    assert [(a.value, a.currency, a.text) for a in doc.amounts] == [
        (3_200_000, "GBP", "£3.2 million")
    ]


@pytest.mark.parametrize(
    "value, iso, precision, display",
    [
        ("2013", "2013", "year", "2013"),
        ("2013-04", "2013-04", "month", "April 2013"),
        ("2013-04-08", "2013-04-08", "day", "8 April 2013"),
    ],
)
def test_dates_keep_their_precision(value, iso, precision, display):
    date = PartialDate.parse(value)
    assert (date.iso, date.precision, date.display) == (iso, precision, display)


def test_partial_dates_sort_before_full_dates_of_the_same_period():
    assert (
        PartialDate.parse("2013").sort_key
        < PartialDate.parse("2013-04").sort_key
        < PartialDate.parse("2013-04-08").sort_key
    )


@pytest.mark.parametrize(
    "front, message",
    [
        # The front matter's third line is the file's fourth.
        (
            'title: T\ndate: "2013"\nsource: X: Y',
            "YAML error at line 4: mapping values are not allowed",
        ),
        ('date: "2013"\nsource: X', "missing title"),
        ("title: T\nsource: X", "missing date"),
        ('title: T\ndate: "2013"', "missing source"),
        ("title: T\ndate: 13/04/2013\nsource: X", "bad date '13/04/2013'"),
        ('title: T\ndate: "2013-02-30"\nsource: X', "no day 30"),
        ('title: T\ndate: "2013-13"\nsource: X', "no month 13"),
        (
            'title: T\ndate: "2013"\nsource: X\ndepartments: [dfee]',
            "unknown department 'dfee'; did you mean 'dfe'?",
        ),
        (
            'title: T\ndate: "2013"\nsource: X\nprogrammes: [better-care]',
            "unknown programme 'better-care'; did you mean 'better-care-fund'?",
        ),
        ('title: T\ndate: "2013"\nsource: X\ncolour: red', "unknown front-matter key 'colour'"),
        ('title: T\ndate: "2013"\nsource: X\namounts: [{text: "£5"}]', "needs a numeric value"),
        ("- a list", "must be a mapping"),
        (
            'title: !!python/object/apply:os.system ["echo hacked"]\ndate: "2013"\nsource: X',
            "YAML error",
        ),
    ],
)
def test_bad_front_matter_names_the_file_and_the_problem(registry, front, message):
    with pytest.raises(CorpusError) as raised:
        parse(f"---\n{front}\n---\nBody.\n", registry)
    assert str(raised.value).startswith("corpus/a-document.md: ")
    assert message in str(raised.value)


def test_no_front_matter(registry):
    with pytest.raises(CorpusError, match="no front matter"):
        parse("Just text.\n", registry)


def test_not_utf8(registry):
    with pytest.raises(CorpusError, match="not UTF-8"):
        parse(GOOD.encode("utf-8").replace(b"good", b"g\xffod"), registry)


def test_a_bad_file_name_is_refused(registry):
    with pytest.raises(CorpusError, match="bad file name"):
        parse(GOOD, registry, name="Bad Name.md")


def test_front_matter_amounts_add_correct_and_drop(registry):
    text = GOOD.replace(
        "programmes:",
        'amounts:\n  - {text: "£3.2 million", value: 3300000}\n'
        "  - {text: five million pounds, value: 5000000, currency: GBP}\nprogrammes:",
    )
    doc = parse(text, registry)
    assert [(a.value, a.text) for a in doc.amounts] == [
        (3_300_000, "£3.2 million"),
        (5_000_000, "five million pounds"),
    ]
    dropped = parse(
        GOOD.replace("programmes:", 'amounts: [{text: "£3.2 million", ignore: true}]\nprogrammes:'),
        registry,
    )
    assert dropped.amounts == ()


def test_a_bare_dollar_takes_the_documents_currency(registry):
    doc = parse(
        GOOD.replace("£3.2 million", "$40 million").replace("source:", "currency: AUD\nsource:"),
        registry,
    )
    assert [(a.value, a.currency) for a in doc.amounts] == [(40_000_000, "AUD")]


def test_markdown_is_reduced_to_text_for_indexing(registry):
    doc = parse(GOOD + "\n> A **quoted** [link](http://example.org).\n", registry)
    assert "A quoted link." in doc.text
    assert "**" not in doc.text and "](" not in doc.text


def test_registry_suggests_and_follows_predecessors(registry):
    assert registry.with_predecessors("dfe") == {"dfe", "dcsf"}
    assert registry.resolve("department", "the Department for Education") == "dfe"
    assert registry.resolve("department", "DFE") == "dfe"
    assert registry.resolve("department", "Ministry of Magic") is None


def test_a_registry_link_to_an_unknown_department_is_an_error(tmp_path):
    (tmp_path / "departments.yaml").write_text(
        "dfe:\n  name: Department for Education\n  predecessors: [dcfs]\n"
    )
    with pytest.raises(
        CorpusError, match=r"departments.yaml: department 'dfe' links to unknown department 'dcfs'"
    ):
        Registry.load(tmp_path)


def test_notes_in_capitals_are_not_documents():
    assert "EXPECTED" not in document_files(TEST_CORPUS)
    assert len(document_files(TEST_CORPUS)) == 13


def test_check_reports_every_bad_file_and_counts_the_rest(corpus_dir):
    (corpus_dir / "no-date.md").write_text("---\ntitle: T\nsource: X\n---\nBody.\n")
    (corpus_dir / "bad-yaml.md").write_text("---\ntitle: T\n  date: : x\n---\nBody.\n")
    (corpus_dir / "to-review.md").write_text(
        '---\ntitle: T\ndate: "2020"\nsource: X\nreview: [check the date]\n---\nB.\n'
    )
    report = check(corpus_dir)
    assert report.documents == 14
    assert sorted(e.path.name for e in report.errors) == ["bad-yaml.md", "no-date.md"]
    assert len(report.warnings) == 1 and "check the date" in report.warnings[0]
