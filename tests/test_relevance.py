"""Plain words as people type them: most-words matching, registry names, ranking, the reading."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query

from archive.index.build import build
from archive.search.core import Archive
from archive.search.natural import is_syntax
from archive.search.words import LONG, AtLeast, required

TEST_CORPUS = Path(__file__).parent / "corpus"
SHIPPED_CORPUS = Path(__file__).parent.parent / "corpus"
LIGHTHOUSE = "2009-11-lighthouse-family-centres-to-open-in-coastal-towns"


def ids(result):
    return [hit["id"] for hit in result.hits]


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Archive:
    index = tmp_path_factory.mktemp("shipped") / "index"
    assert not build(SHIPPED_CORPUS, index).errors
    return Archive(index)


def run(archive: Archive, q: str, **params):
    return archive.search(archive.request({"q": [q], **{k: [v] for k, v in params.items()}}))


# -- one or two words: every word, as before ------------------------------------


@pytest.mark.parametrize(
    "q, total",
    [
        ("care", 9),
        ("social care", 9),
        ("lighthouse", 1),
        ("family centres", 2),
        ("budget", 3),
        ("budget prevention", 1),
        ("social workers", 2),
        ("mockingbird lighthouse", 0),
    ],
)
def test_one_or_two_words_find_exactly_the_documents_holding_all_of_them(archive, q, total):
    result = run(archive, q)
    assert result.total == total
    assert result.most_words is None
    # The same documents Whoosh's own AND of the words finds.
    gen = archive._current()
    anded = gen.reader._parser.parse(" AND ".join(q.split()))
    assert result.total == len(set(gen.searcher.docs_for_query(anded)))


def test_the_words_required_all_of_two_then_two_then_any_of_a_long_question():
    assert [required(n) for n in range(1, LONG + 3)] == [1, 2, *[2] * (LONG - 3), 1, 1, 1]


# -- three words or more: most of them ------------------------------------------


def test_one_missing_word_no_longer_empties_the_page(archive):
    result = run(archive, "lighthouse coastal spaceship")
    assert ids(result) == [LIGHTHOUSE]
    assert result.most_words == (1, 3)
    assert result.reading == "any of: lighthouse coastal spaceship"
    # Explicit syntax keeps its meaning: AND still requires every word.
    assert run(archive, "lighthouse AND coastal AND spaceship").total == 0


def test_question_words_are_left_out_of_long_queries(archive):
    result = run(archive, "what are the lighthouse family centres")
    assert result.reading == "any of: lighthouse family centres"
    assert ids(result)[0] == LIGHTHOUSE
    # Two words are taken as typed: "what works" is a name.
    assert run(archive, "what works").reading == "what AND works"


@pytest.mark.parametrize(
    "q, plain",
    [
        ("devolved budgets pilot evaluation", True),
        ("how much? (roughly)", True),
        ("social AND care", False),
        ('"social care"', False),
        ("title:care", False),
        ("fund*", False),
        ("wom?n", False),
        ("care^2", False),
    ],
)
def test_only_plain_words_are_read_as_plain_words(q, plain):
    assert is_syntax(q) is not plain


def test_the_seed_questions_find_their_documents_first(shipped):
    # The 2019 pilot never says "evaluation"; the 2010
    # article is the £48m for frontline social work.
    devolved = run(shipped, "devolved budgets pilot evaluation")
    assert ids(devolved)[0] == "2019-devolved-budgets-for-social-workers-broadly-welcomed"
    money = run(shipped, "how much money did ministers give to frontline social workers")
    assert ids(money)[0] == "2010-03-17-frontline-social-work-to-be-transformed"
    assert money.most_words is not None


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("innovaton", "innovation"),
        ("socail wrok", "social work"),
        ("devolvd budgest", "devolved budgets"),
    ],
)
def test_did_you_mean_on_the_shipped_corpus(shipped, typed, meant):
    # "innov" stands for innovative and innovation: the written form nearest the typo is chosen.
    assert shipped.suggest(typed).text == meant


# -- registry names ---------------------------------------------------------------


@pytest.fixture(scope="module")
def with_dfe_only(tmp_path_factory) -> Archive:
    """The test corpus and one document that names its department only as "DfE"."""
    root = tmp_path_factory.mktemp("dfe")
    corpus = root / "corpus"
    shutil.copytree(TEST_CORPUS, corpus)
    (corpus / "2018-02-01-dfe-backs-innovation-in-adoption.md").write_text(
        '---\ntitle: Adoption agencies try new ideas\ndate: "2018-02-01"\nsource: '
        "Test\ndepartments: [dfe]\n---\n\n"
        "The DfE has backed an innovation round for regional adoption agencies.\n",
        "utf-8",
    )
    assert not build(corpus, root / "index").errors
    return Archive(root / "index")


def test_a_department_named_in_the_query_finds_documents_filed_under_it(with_dfe_only):
    result = run(with_dfe_only, "Department for Education innovation")
    assert "2018-02-01-dfe-backs-innovation-in-adoption" in ids(result)
    assert "department:dfe counts for department education" in result.reading
    # The name alone: its two words, each held by the document through its filing.
    assert "2018-02-01-dfe-backs-innovation-in-adoption" in ids(
        run(with_dfe_only, "Department for Education")
    )
    # Two words: both required, the department by name or by filing.
    assert "2018-02-01-dfe-backs-innovation-in-adoption" in ids(
        run(with_dfe_only, "dfe innovation")
    )
    # Without the registry's help the words alone would not find it: it never says "education".
    assert "2018-02-01-dfe-backs-innovation-in-adoption" not in ids(
        run(with_dfe_only, "education innovation")
    )


def test_a_programme_alias_in_the_query_finds_documents_filed_under_it(archive):
    result = run(archive, "the innovation fund")
    # innovation-programme's alias "innovation fund":
    # its three documents, though one never says "fund".
    assert {
        "2013-10-22-childrens-social-care-innovation-programme-opens-for-bids",
        "2015-06-30-mockingbird-fostering-model-wins-european-backing",
        "2017-03-20-eleven-projects-share-new-round-of-innovation-funding",
    } <= set(ids(result))


# -- ranking ------------------------------------------------------------------------


def test_words_together_rank_above_words_scattered(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    filler = " ".join(f"word{i}" for i in range(40))
    texts = {
        "2020-scattered": f"Training comes first. {filler} Grants for councils come later.",
        "2020-together": f"Training grants for councils. {filler} Nothing more here at all.",
        "2020-partly": f"Training alone is here. {filler} Nothing more here at all, truly.",
    }
    for name, body in texts.items():
        front = f'---\ntitle: {name}\ndate: "2020"\nsource: Test\n---\n\n'
        (corpus / f"{name}.md").write_text(front + body + "\n", "utf-8")
    assert not build(corpus, tmp_path / "index").errors
    archive = Archive(tmp_path / "index")
    result = run(archive, "training grants councils")
    # "partly" holds one word of three: last.
    assert ids(result) == ["2020-together", "2020-scattered", "2020-partly"]


# -- what the page and the API say --------------------------------------------------


def test_the_page_and_the_api_say_when_not_every_word_was_required(client):
    html = client.get("/?q=lighthouse+coastal+spaceship").get_data(as_text=True)
    assert "Showing documents with any of your 3 words." in html
    answer = client.get("/api/search?q=lighthouse+coastal+spaceship").get_json()
    assert answer["query"]["most_words"] == {
        "required": 1,
        "words": 3,
        "text": "documents with any of your 3 words",
    }
    assert client.get("/api/search?q=lighthouse+coastal").get_json()["query"]["most_words"] is None
    assert "at least" not in client.get("/?q=lighthouse+coastal").get_data(as_text=True)


def test_the_api_offers_did_you_mean(client):
    answer = client.get("/api/search?q=mockinbird&year=2015").get_json()
    suggestion = answer["query"]["suggestion"]
    assert suggestion["q"] == "mockingbird" and suggestion["total"] == 1
    assert suggestion["links"]["json"] == "http://localhost/api/search?q=mockingbird&year=2015"
    assert client.get("/api/search?q=care").get_json()["query"]["suggestion"] is None


# -- facet counts stay exact ----------------------------------------------------------

VOCABULARY = (
    "social care children funding council budget innovation programme workers families review "
    "centre health grant lighthouse mockingbird prevention zzzunknown what the"
).split()
FACETS = {
    "year": "years",
    "department": "departments",
    "programme": "programmes",
    "amount": "amounts",
}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(st.sampled_from(VOCABULARY), min_size=3, max_size=9))
def test_facet_counts_equal_click_results_for_most_words_queries(archive, words):
    q = " ".join(words)
    request = archive.request({"q": [q]})
    result = archive.search(request)
    parsed = archive._current().reader.read(q)
    # Read as plain words: several words, one word (its title-or-body OR), or none indexed.
    assert type(parsed.query) in (AtLeast, query.Or) or parsed.query is query.NullQuery
    for facet, values in result.facets.items():
        if facet not in FACETS:
            continue
        for value in values:
            clicked = archive.search(archive.request({"q": [q], facet: [value.value]}))
            assert clicked.total == value.count, (q, facet, value)
            assert clicked.most_words == result.most_words


PUNCTUATION = (",", ".", ":", "?", "!", ";", "(", ")", "/", "-")


@st.composite
def natural_text(draw) -> str:
    """Questions as pasted: words with punctuation between them, and quoted phrases of them."""
    parts = []
    for _ in range(draw(st.integers(min_value=1, max_value=9))):
        if draw(st.integers(0, 4)) == 0:
            phrase = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3))
            parts.append('"' + " ".join(phrase) + '"')
        else:
            parts.append(draw(st.sampled_from(VOCABULARY)))
        parts.append(draw(st.sampled_from((" ", " ", *(p + " " for p in PUNCTUATION)))))
    return "".join(parts).strip()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=natural_text())
def test_facet_counts_equal_click_results_for_questions_with_punctuation_and_phrases(archive, q):
    result = archive.search(archive.request({"q": [q]}))
    for facet, values in result.facets.items():
        if facet not in FACETS:
            continue
        for value in values:
            clicked = archive.search(archive.request({"q": [q], facet: [value.value]}))
            assert clicked.total == value.count, (q, facet, value)
            assert clicked.reading == result.reading
    # A phrase inside a longer question ranks; it never empties the page its words would fill.
    if '"' in q and not is_syntax(q):
        words = " ".join(re.findall(r"\w+", q))
        assert result.total >= archive.search(archive.request({"q": [words]})).total
