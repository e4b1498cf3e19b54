"""People in office: the registry and its checks, who announced each document, search by person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.cli import main
from archive.corpus.directory import Directory, describes
from archive.corpus.registry import Registry
from archive.corpus.speakers import find, mentions
from archive.errors import BadRequest
from archive.index.build import build
from archive.search.core import Archive

SHIPPED = Path(__file__).parent.parent / "corpus"
SEED_2010 = "2010-03-17-frontline-social-work-to-be-transformed"
SEED_2017 = "2017-03-20-innovative-social-work-projects-get-36m-funding-boost"
TIMPSON_SOURCE = (
    "https://www.gov.uk/government/publications/timpson-edward-minister-of-state-for-vulnerable-"
    "children-and-families-at-the-department-for-education/summary-of-business-appointment-"
    "applications-mr-edward-timpson"
)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Archive:
    """The five seed articles of corpus/, with the shipped registries, built into a real index."""
    index = tmp_path_factory.mktemp("seeds") / "index"
    report = build(SHIPPED, index)
    assert not report.errors, report.errors
    return Archive(index)


def seed_search(archive: Archive, **params):
    return archive.search(archive.request({k: [v] for k, v in params.items()}))


def test_the_2010_article_is_announced_by_ed_balls_with_its_sentence(seeds):
    announced = seeds.document(SEED_2010)["announced_by"]
    assert announced["person"] == "ed-balls" and announced["name"] == "Ed Balls"
    assert announced["role"] == "Secretary of State for Children, Schools and Families"
    assert announced["department"] == "dcsf"
    assert announced["sentence"] == (
        "Children’s social work teams across England will receive £48m in 2010-11 to "
        "transform conditions on the frontline, children’s secretary Ed Balls has "
        "announced."
    )


def test_the_2017_article_is_announced_by_edward_timpson_under_his_title_of_march_2017(seeds):
    announced = seeds.document(SEED_2017)["announced_by"]
    assert announced["person"] == "edward-timpson" and announced["department"] == "dfe"
    assert announced["role"] == "Minister of State for Vulnerable Children and Families"
    assert announced["sentence"] == (
        "Edward Timpson, children’s minister, said the projects were an opportunity "
        "to provide children with life-changing support."
    )
    # The title is the one the registry's source gives for that role, held in March 2017.
    role = next(
        r for r in seeds.registry.people["edward-timpson"].roles if r.source == TIMPSON_SOURCE
    )
    assert role.title == announced["role"] and role.holds_on("2017-03-20", "2017-03-20")


@pytest.mark.parametrize(
    "q",
    [
        'person:"Ed Balls"',
        "person:balls",
        'person:"Mr Balls"',
        "person:ed-balls",
        'person:"Edward Balls"',
        'speaker:"ED BALLS"',
    ],
)
def test_person_takes_any_name_form(seeds, q):
    result = seed_search(seeds, q=q)
    assert [hit["id"] for hit in result.hits] == [SEED_2010]
    assert result.reading == "person:ed-balls"


def test_an_unknown_person_matches_nothing_and_says_so(seeds):
    result = seed_search(seeds, q='person:"Ed Bols"')
    assert result.total == 0
    assert (
        "There is no person called 'Ed Bols'" in result.notice
        and 'person:"Ed Balls"' in result.notice
    )


def test_the_announced_by_facet_counts_and_labels(search):
    result = search()
    facet = {v.value: (v.label, v.count) for v in result.facets["announced_by"]}
    assert facet == {
        "edward-timpson": ("Edward Timpson", 2),
        "ed-balls": ("Ed Balls", 1),
        "rishi-sunak": ("Rishi Sunak", 1),
    }
    assert (
        search(announced_by="Edward Timpson").total
        == search(announced_by="edward-timpson").total
        == 2
    )


def test_someone_quoted_is_found_by_person_but_not_as_announcing(search, archive):
    doc = "2017-03-20-eleven-projects-share-new-round-of-innovation-funding"
    assert [hit["id"] for hit in search(q="person:greening").hits] == [doc]
    assert search(announced_by="justine-greening").total == 0
    quoted = archive.document(doc)["quoted"]
    assert [(q["person"], q["role"]) for q in quoted] == [
        ("justine-greening", "Secretary of State for Education")
    ]
    assert (
        quoted[0]["sentence"]
        == "Education secretary Justine Greening said schools would learn from them."
    )


def test_an_unknown_announcer_is_a_bad_request(search):
    with pytest.raises(BadRequest, match="no person 'Nobody'"):
        search(announced_by="Nobody")


@pytest.mark.parametrize(
    "casual, title, expected",
    [
        ("children's secretary", "Secretary of State for Children, Schools and Families", True),
        ("children’s minister", "Minister of State for Vulnerable Children and Families", True),
        (
            "children's minister",
            "Parliamentary Under-Secretary of State for Children and Families",
            True,
        ),
        (
            "children's secretary",
            "Parliamentary Under-Secretary of State for Children and Families",
            False,
        ),
        ("education secretary", "Secretary of State for Children, Schools and Families", False),
        ("Prime Minister", "Prime Minister", True),
        ("Prime Minister", "Deputy Prime Minister", False),
        ("Treasurer", "Treasurer", True),
        ("health minister", "Secretary of State for Health", False),
    ],
)
def test_a_title_as_written_describes_a_role(casual, title, expected):
    assert describes(casual, title) is expected


def test_shapes_of_speech(seeds):
    directory = Directory(seeds.registry.people)
    text = (
        "The Treasurer, Mr Keating, said the deficit would fall. "
        "Mr Hawke said the plan was sound. The Prime Minister announced a new fund. "
        "Health minister Jane Doe said it was welcome. A spokesperson said nothing."
    )
    found = [(m.name, m.title, m.verb) for m in mentions(text)]
    assert found == [
        ("Mr Keating", "Treasurer", "said"),
        ("Mr Hawke", None, "said"),
        (None, "Prime Minister", "announced"),
        ("Jane Doe", "Health minister", "said"),
    ]
    people = find(text, "1987-05-01", "1987-05-01", directory, country="AU")
    assert people["announced_by"]["person"] == "bob-hawke"
    assert [(q["person"], q["role"]) for q in people["quoted"]] == [("paul-keating", "Treasurer")]
    assert people["review"] == [
        "Jane Doe (Health minister) speaks in the text but is not in people.yaml on this "
        "date: add them to find documents by them"
    ]


def test_a_surname_alone_is_not_someone_of_another_country_or_time(seeds):
    directory = Directory(seeds.registry.people)
    assert (
        directory.named("Mr Morrison", "1975-03-11", "1975-03-11", "AU") is None
    )  # not the PM of 2018
    assert (
        directory.named("Mr Kelly", "1982-09-21", "1982-09-21", "AU") is None
    )  # not Ruth Kelly (GB)
    assert directory.named("Mr Morrison", "2019-03-11", "2019-03-11", "AU").key == "scott-morrison"
    assert directory.named("Hawke, Robert").key == "bob-hawke"  # as the AU records write their PM


# -- the registry and `archive check` -------------------------------------------------------------

ROLE = (
    '    - {{title: "{title}", department: {department}, from: "{start}", until: "{end}", '
    "source: https://example.org}}\n"
)


def person(key: str, title: str, start: str, end: str, department: str = "dfe") -> str:
    return f"{key}:\n  name: {key.title()}\n  roles:\n" + ROLE.format(
        title=title, department=department, start=start, end=end
    )


def check(runner, corpus_dir, people: str):
    (corpus_dir / "people.yaml").write_text(people)
    return runner.invoke(main, ["--corpus", str(corpus_dir), "check"])


def test_check_accepts_holders_who_follow_one_another(runner, corpus_dir):
    result = check(
        runner,
        corpus_dir,
        person("a", "Secretary of State for Education", "2010-05-12", "2014-07-15")
        + person("b", "Secretary of State for Education", "2014-07-15", "2016-07-14"),
    )
    assert result.exit_code == 0, result.output


def test_check_refuses_overlapping_holders_of_a_single_holder_role(runner, corpus_dir):
    result = check(
        runner,
        corpus_dir,
        person("a", "Secretary of State for Education", "2010-05-12", "2014-07-15")
        + person("b", "Secretary of State for Education", "2014-01-01", "2016-07-14"),
    )
    assert result.exit_code == 1
    assert (
        "people.yaml: 'a' and 'b' both hold 'Secretary of State for Education' on 2014-01-01"
        in result.output
    )


def test_a_shared_role_may_have_several_holders(runner, corpus_dir):
    shared = (
        person("a", "Minister without Portfolio", "2010-05-12", "2014-07-15")
        + person("b", "Minister without Portfolio", "2012-01-01", "2016-07-14")
    ).replace("source: https", "shared: true, source: https")
    assert check(runner, corpus_dir, shared).exit_code == 0


@pytest.mark.parametrize(
    "people, message",
    [
        (
            person("a", "Secretary of State", "2010-05-12", "2014-07-15", department="dfx"),
            "person 'a', role 1 names unknown department 'dfx'",
        ),
        (
            person("a", "Secretary of State", "2014-07-15", "2010-05-12"),
            "ends (2010-05-12) before it starts",
        ),
        (
            person("a", "Secretary of State", "2010-02-30", "2014-07-15"),
            "has the date '2010-02-30'",
        ),
        ("a:\n  name: A\n", "person 'a' has no roles"),
        ("a:\n  name: A\n  roles:\n    - {title: X, from: '2010'}\n", "('X') has no source"),
    ],
)
def test_check_refuses_a_broken_people_file_naming_it(runner, corpus_dir, people, message):
    result = check(runner, corpus_dir, people)
    assert result.exit_code == 1
    assert "people.yaml" in result.output and message in result.output


def test_every_shipped_role_has_a_source_and_a_known_department():
    registry = Registry.load(SHIPPED)
    assert len(registry.people) >= 70
    for person in registry.people.values():
        for role in person.roles:
            assert role.source.startswith("https://"), (person.key, role.title)
            assert role.department is None or role.department in registry.departments


def test_a_people_registry_edit_reindexes_who_announced(corpus_dir, index_dir):
    build(corpus_dir, index_dir)
    people = corpus_dir / "people.yaml"
    people.write_text(people.read_text().replace("rishi-sunak:", "rishi-sunak-2:"))
    report = build(corpus_dir, index_dir)
    assert report.full and not report.errors
    facet = Archive(index_dir).search(Archive(index_dir).request({})).facets["announced_by"]
    assert {v.value for v in facet} == {"ed-balls", "edward-timpson", "rishi-sunak-2"}


def test_ingest_lists_an_unknown_minister_for_review(runner, tmp_path, corpus_dir):
    page = tmp_path / "page.txt"
    page.write_text(
        "Care grant doubled\n\nThe grant for carers will double next year, health minister "
        "Jane Doe has announced. The money comes from the Department of Health.\n"
    )
    result = runner.invoke(
        main,
        [
            "--corpus",
            str(corpus_dir),
            "ingest",
            "--date",
            "2012-05-01",
            "--source",
            "Example News",
            str(page),
        ],
    )
    assert result.exit_code == 0, result.output
    written = next(corpus_dir.glob("2012-05-01-*.md")).read_text()
    assert "Jane Doe (health minister) speaks in the text but is not in people.yaml" in written
    assert runner.invoke(main, ["--corpus", str(corpus_dir), "check"]).exit_code == 0


def test_check_warns_of_a_named_announcer_not_in_the_registry(runner, corpus_dir):
    doc = corpus_dir / "2010-03-17-ministers-set-out-funding-for-frontline-social-work.md"
    doc.write_text(doc.read_text().replace("title:", "announced_by: Jane Doe\ntitle:", 1))
    result = runner.invoke(main, ["--corpus", str(corpus_dir), "check"])
    assert result.exit_code == 0
    point = "'Jane Doe' (given as announcing) is not in people.yaml: add them"
    assert f"{doc}: 1 point(s) to review: {point}" in result.output
    assert "points to review by kind: registry 1" in result.output


def test_search_from_the_shell_by_announcer(runner, shared_index):
    found = runner.invoke(
        main, ["--index", str(shared_index), "search", "--json", "--announced-by", "Mr Timpson"]
    )
    assert [r["id"] for r in json.loads(found.output)["results"]] == [
        "2017-03-20-eleven-projects-share-new-round-of-innovation-funding",
        "2013-10-22-childrens-social-care-innovation-programme-opens-for-bids",
    ]


def test_a_title_the_surnames_person_never_held_is_someone_else(seeds):
    directory = Directory(seeds.registry.people)
    # Kim Carr is registered, Bob Carr (Foreign Minister from 2012) is not: he goes to review.
    people = find(
        "Foreign Minister Carr said Australia would help.",
        "2012-05-20",
        "2012-05-20",
        directory,
        country="AU",
    )
    assert people["announced_by"] is None and people["quoted"] == []
    assert people["review"][0].startswith("Carr (Foreign Minister) speaks in the text")
    kept = find(
        "Senator Carr said the prize mattered.", "2011-10-05", "2011-10-05", directory, country="AU"
    )
    assert kept["announced_by"]["person"] == "kim-carr"


def test_an_australian_archive_starts_with_the_australian_people(runner, tmp_path):
    root = tmp_path / "au"
    assert runner.invoke(main, ["init", "--country", "AU", str(root)]).exit_code == 0
    people = Registry.load(root / "corpus", "AU").people
    assert "bob-hawke" in people and "ed-balls" not in people
    assert {p.country for p in people.values()} == {"AU"}
    # The same entries as the shipped corpus/people.yaml's Australian ones, word for word.
    shipped = {k: p for k, p in Registry.load(SHIPPED).people.items() if p.country == "AU"}
    assert people == shipped
