"""Ingest's parts one by one: boilerplate, dates, registry matching, near-duplicates, file names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.corpus.parse import PartialDate, parse_bytes, plain_text
from archive.corpus.registry import Registry
from archive.ingest.boilerplate import extract_article
from archive.ingest.dating import infer_date
from archive.ingest.dedupe import NearDuplicates
from archive.ingest.pipeline import Options, ingest
from archive.ingest.suggest import Matcher, organisations
from archive.ingest.write import compose, slug

PROJECT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(Registry.load(PROJECT_CORPUS))


# Boilerplate ---------------------------------------------------------------------------------

PAGE = """Home
Menu
Skip to content

Ministers back new fostering model with £3m

Photo: A family at home (posed by models)

Ministers have given £3m to spread a fostering model in \
which experienced carers support a group of newer ones.

Read more about how it works below, in the words of the carers who tried it first and liked it.

# not a heading, a hashtag line
1. not a list, a number that starts a line of text
<b>not bold</b>

Related stories
Councils cut youth services again
Comments (2)
Sam, 3 May 2016: good.
"""


def test_page_is_cut_to_its_article():
    article = extract_article(PAGE)
    assert article.title == "Ministers back new fostering model with £3m"
    assert article.title_line == 5
    assert article.paragraphs[0].startswith("Ministers have given £3m")
    assert "Read more about how it works" in article.paragraphs[1]  # prose, not a "Read more" link
    assert not any(
        "Councils cut youth" in p or "Photo:" in p or "Menu" in p for p in article.paragraphs
    )
    assert article.comments == "Comments (2)\nSam, 3 May 2016: good."
    assert (
        article.dropped[0] == "Photo: A family at home (posed by models)"
        or "Related stories" in article.dropped
    )


def test_plain_text_stays_plain_in_markdown():
    article = extract_article(PAGE)
    rendered = plain_text(article.markdown)
    assert "# not a heading, a hashtag line" in rendered
    assert "1. not a list, a number" in rendered
    assert "<b>not bold</b>" in rendered


def test_wrapped_lines_are_joined_and_bullets_become_a_list():
    article = extract_article(
        "A headline that is long enough\n\nThe Prime Minister announced the names\n\n"
        "of the new ministers today.\n\n"
        "• first point of the list\n• second point of the list\n"
    )
    assert article.paragraphs == [
        "The Prime Minister announced the names of the new ministers today.",
        "- first point of the list\n- second point of the list",
    ]


def test_a_given_title_is_found_and_not_repeated_in_the_body():
    article = extract_article(
        "NEWS RELEASE\nSCHOOLS FUNDING\n\nThe money will reach every school.",
        title="Schools funding",
    )
    assert article.title == "Schools funding"
    assert article.paragraphs == ["The money will reach every school."]


# Dating --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, iso, sure",
    [
        ({"given": "2014-05-13"}, "2014-05-13", True),
        ({"url": "https://example.org/2011/05/03/story/"}, "2011-05-03", True),
        ({"url": "https://example.org/news/2016/07/story"}, "2016-07", True),
        ({"lead": "Published: 4 March 2015"}, "2015-03-04", True),
        (
            {"comments": "Ann, March 22, 2017 at 5:04 pm: yes\nBob, 21/03/2017: no"},
            "2017-03",
            False,
        ),
    ],
)
def test_date_sources(kwargs, iso, sure):
    guess = infer_date("Nothing here has a date.", **kwargs)
    assert (guess.date.iso, guess.sure) == (iso, sure)


@pytest.mark.parametrize(
    "text, iso, phrase",
    [
        (
            "The programme will spend £5m in 2010-11 and £6m in 2011-12, and in 2010-11 again.",
            "2010",
            "2010-11",
        ),
        (
            "It came a week into the new financial year. The budget for 2019/20 was cut.",
            "2019-04",
            "new financial year",
        ),
        ("The final report is expected in June 2012, the board said.", "2012", "June 2012"),
        ("The final report is due March 2020.", "2019", "due March 2020"),
        ("Since 1998 and again in 2004 the scheme has grown.", "2004", "2004"),
    ],
)
def test_dates_inferred_from_the_text(text, iso, phrase):
    guess = infer_date(text)
    assert guess.date.iso == iso and not guess.sure
    assert phrase in guess.evidence


def test_no_date_at_all():
    assert infer_date("No year is named in this text, nor any month.") is None


def test_amounts_are_not_years():
    assert infer_date("It cost £2014m, or 2015 million dollars.") is None


# Departments, programmes, organisations ------------------------------------------------------


def test_names_short_names_and_aliases_agree(matcher):
    departments, _ = matcher.find(
        "The Department for Education. A DfE spokesperson. the department for education."
    )
    assert [(m.key, m.spellings) for m in departments] == [
        ("dfe", ("The Department for Education", "DfE", "the department for education"))
    ]


def test_acronyms_keep_their_case_and_longest_name_wins(matcher):
    departments, programmes = matcher.find(
        "They swap notes. The Department of Health and Social Care and the SWAP scheme."
    )
    assert [m.key for m in departments] == ["dhsc"]
    assert [m.key for m in programmes] == ["swap"]


def test_a_generic_alias_is_unsure(matcher):
    departments, _ = matcher.find("The Treasury said the budget was balanced.")
    assert [(m.key, m.sure) for m in departments] == [("hm-treasury", False)]
    assert "may not mean HM Treasury" in departments[0].why


def test_organisations_are_kept_apart_from_departments(matcher):
    text = (
        "Wigan Council and Bolton Council joined the Local Government Association (LGA) "
        "and the Department for Education in the Family Rights Group's review."
    )
    names = [m.key for m in organisations(text, matcher)]
    assert names == [
        "Wigan Council",
        "Bolton Council",
        "Local Government Association",
        "Family Rights Group",
    ]


# Near-duplicates -----------------------------------------------------------------------------

ARTICLE = " ".join(
    f"sentence {n} says something about funding for councils in year {n}." for n in range(60)
)


def test_near_duplicates():
    seen = NearDuplicates()
    seen.add("original", ARTICLE)
    seen.add(
        "other", "A wholly different text about hospitals and roads and the weather in spring " * 5
    )
    assert seen.find(ARTICLE) == ("original", 1.0)
    key, share = seen.find(
        ARTICLE.replace("sentence 7 ", "line 7 ").replace("year 30", "year thirty")
    )
    assert key == "original" and 0.9 <= share < 1.0
    assert seen.find(ARTICLE[: len(ARTICLE) // 2])[0] == "original"  # a part of a known text
    assert seen.find(ARTICLE, exclude="original") is None
    assert seen.find("Nothing like it at all, on any subject that the others touch.") is None


# File names and front matter -----------------------------------------------------------------


@pytest.mark.parametrize(
    "date, title, expected",
    [
        (
            "2017-03-20",
            "Innovative social work projects get £36m funding boost",
            "2017-03-20-innovative-social-work-projects-get-36m-funding-boost",
        ),
        (
            "2013-04",
            "Children's services: £4.5m, 'at last'",
            "2013-04-childrens-services-45m-at-last",
        ),
        ("2019", "Café für Ämter", "2019-cafe-fur-amter"),
        ("2019", "£$%", "2019-untitled"),
        ("1999-07-01", "word " * 40, "1999-07-01-" + "-".join(["word"] * 16)),
    ],
)
def test_slug(date, title, expected):
    assert slug(PartialDate.parse(date), title) == expected


@settings(max_examples=100, deadline=None)
@given(
    title=st.text(min_size=1, max_size=80).filter(str.strip),
    evidence=st.text(max_size=120),
    review=st.lists(st.text(max_size=60), max_size=3),
)
def test_front_matter_reads_back_as_written(title, evidence, review):
    """Whatever a page's headline holds, the file written is accepted and gives it back."""
    from archive.ingest.boilerplate import normalise

    title, evidence = normalise(title), normalise(evidence)
    review = [normalise(point) for point in review]
    if not title.split():
        return
    content = compose(
        {
            "title": title,
            "date": "2020",
            "source": "Test",
            "departments": [],
            "date_evidence": evidence,
            "review": review,
        },
        "Body.\n",
    )
    document = parse_bytes(content.encode("utf-8"), Path("2020-x.md"), Registry())
    assert document.title == " ".join(title.split())
    assert document.review == tuple(" ".join(p.split()) for p in review if p.strip())


def test_progress_bar_on_a_large_batch(tmp_path, capsys):
    records = tmp_path / "many.jsonl"
    records.write_text(
        "".join(
            json.dumps(
                {
                    "title": f"Release {n}",
                    "date": "2001-01-01",
                    "text": (
                        f"Release number {n} says a different thing: "
                        f"{' '.join(f'word{n * 7 + k}' for k in range(9))}."
                    ),
                }
            )
            + "\n"
            for n in range(30)
        ),
        "utf-8",
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    report = ingest([records], corpus, Options(source="Test"), progress=True)
    assert len(report.written) == 30
    assert "ingesting: 100%" in capsys.readouterr().err
    assert not list(corpus.glob(".ingest-*"))  # no temporary file left behind


def test_a_batch_large_enough_for_workers_keeps_input_order(tmp_path):
    """Worker processes prepare the records; names, duplicates and writing follow the input."""
    records = tmp_path / "batch.jsonl"
    texts = [f"Release {n}: " + " ".join(f"w{n}x{k}" for k in range(12)) + "." for n in range(40)]
    rows = [{"title": "Same headline", "date": "2002-02-02", "text": t} for t in texts]
    rows.append({"title": "Copy", "date": "2003-03-03", "text": texts[5]})
    records.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    report = ingest([records], corpus, Options(source="Test"), workers=2)
    assert len(report.written) == 40
    assert [o.path.name for o in report.written[:3]] == [
        "2002-02-02-same-headline.md",
        "2002-02-02-same-headline-2.md",
        "2002-02-02-same-headline-3.md",
    ]
    assert "Release 2:" in (corpus / "2002-02-02-same-headline-3.md").read_text("utf-8")
    [copy] = report.skipped
    assert copy.origin == f"{records}:41"
    assert (
        copy.skipped
        == f"duplicate: 100% of its text is already in {corpus / '2002-02-02-same-headline-6.md'}"
    )
