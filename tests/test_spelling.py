"""Did you mean on a noisy vocabulary: a word held only by a few damaged pages is not right."""

from __future__ import annotations

import pytest

from archive.index.build import build
from archive.search.core import Archive


@pytest.fixture(scope="module")
def noisy(tmp_path_factory) -> Archive:
    """Releases on the Olympics, the Medicare levy and water levels, and one badly scanned page."""
    root = tmp_path_factory.mktemp("noisy")
    corpus = root / "corpus"
    corpus.mkdir()
    texts = {}
    for i in range(25):
        texts[f"2000-olympics-{i:02d}"] = (
            "Olympics funding",
            f"Funding for the Olympics and athletes, round {i}.",
        )
    for i in range(22):
        texts[f"2001-levy-{i:02d}"] = (
            "Medicare levy",
            f"The Medicare levy will rise; hospitals, round {i}.",
        )
    for i in range(40):
        texts[f"2002-level-{i:02d}"] = (
            "River levels",
            f"The level of the river rose to a record level, report {i}.",
        )
    for i in range(3):
        texts[f"2003-level-medicare-{i}"] = (
            "Services",
            "Medicare services at the same level as before.",
        )
    texts["2004-scanned"] = (
        "Scanned page",
        "The olympcs team and the medicare levey were disc ussed.",
    )
    for name, (title, body) in texts.items():
        (corpus / f"{name}.md").write_text(
            f'---\ntitle: "{title}"\ndate: "2004"\nsource: Test\n---\n\n{body}\n'
        )
    assert not build(corpus, root / "index").errors
    return Archive(root / "index")


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("olympcs", "olympics"),
        ("medicare levey", "medicare levy"),
        ("olympcs funding", "olympics funding"),
    ],
)
def test_a_rare_damaged_word_is_corrected_to_a_far_commoner_one(noisy, typed, meant):
    assert noisy.suggest(typed).text == meant


def test_the_page_offers_the_correction_though_the_damaged_word_finds_one_page(noisy):
    from archive.web.app import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": str(noisy.index_dir)}).test_client()
    answer = client.get("/api/search?q=medicare+levey").get_json()
    assert answer["total"] == 1
    assert (
        answer["query"]["suggestion"]["q"] == "medicare levy"
        and answer["query"]["suggestion"]["total"] == 22
    )


@pytest.mark.parametrize("typed", ["olympics", "medicare levy", "level", "river level"])
def test_well_held_words_are_left_alone(noisy, typed):
    assert noisy.suggest(typed) is None


def test_the_other_words_choose_between_corrections_one_slip_away(noisy):
    # Alone, "levey" is one slip from levy and from level, and level is the commoner.
    assert noisy.suggest("levey").text == "level"
    assert noisy.suggest("medicare levey").text == "medicare levy"
