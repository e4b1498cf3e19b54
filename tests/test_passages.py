"""Passages: stable anchors in document order, and a paragraph cited with its pinpoint and link."""

from __future__ import annotations

import lxml.html

from archive.index.build import build
from archive.web.app import create_app
from archive.web.passages import render
from tests.citing import write_kinds

DOC = "kind-press-release-signed"


def anchors(client, doc_id: str) -> dict[str, str]:
    page = lxml.html.fromstring(client.get(f"/doc/{doc_id}").get_data(as_text=True))
    found = {}
    for element in page.cssselect(".body [id]"):
        for control in element.cssselect("a.passage-cite"):
            control.drop_tree()
        found[element.get("id")] = " ".join(element.text_content().split())
    return found


def test_anchors_are_the_same_in_every_build_and_move_only_where_the_text_changed(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_kinds(corpus)
    build(corpus, index)
    client = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    first = anchors(client, DOC)
    assert list(first) == ["p1", "p2", "p3", "p4", "p5"]
    assert first["p3"] == "a first item of the plan"
    build(corpus, index, full=True)  # a second build of the unchanged document
    assert anchors(client, DOC) == first
    path = corpus / f"{DOC}.md"
    path.write_text(path.read_text("utf-8").replace("due in May", "due in June"), "utf-8")
    build(corpus, index)
    changed = anchors(client, DOC)
    assert [k for k in first if first[k] != changed[k]] == ["p2"]
    assert changed["p2"].endswith("due in June.")
    path.write_text(path.read_text("utf-8") + "\nA last paragraph, added later.\n", "utf-8")
    build(corpus, index)
    added = anchors(client, DOC)
    assert {k: added[k] for k in changed} == changed and added[
        "p6"
    ] == "A last paragraph, added later."


def test_each_paragraph_list_item_and_table_row_has_a_control(client):
    html, found = render(
        "One.\n\n- two\n- three\n\n<table><tr><td>four</td></tr><tr><td>five</td></tr></table>\n",
        lambda n: f"/doc/x?para={n}#cite-passage",
    )
    page = lxml.html.fromstring(f"<div>{html}</div>")
    assert [e.tag for e in page.xpath("//*[@id]")] == ["p", "li", "li", "tr", "tr"]
    assert [p.text for p in found] == ["One.", "two", "three", "four", "five"]
    controls = page.cssselect("a.passage-cite")
    assert [c.get("href") for c in controls] == [
        f"/doc/x?para={n}#cite-passage" for n in range(1, 6)
    ]


def test_a_paragraph_is_cited_with_its_pinpoint_and_a_link_to_it(client):
    doc = "2013-10-22-childrens-social-care-innovation-programme-opens-for-bids"
    page = lxml.html.fromstring(client.get(f"/doc/{doc}?para=2").get_data(as_text=True))
    assert page.cssselect("#p2")[0].get("class") == "cited"
    assert (
        page.cssselect("#cite-passage-apa-in-text")[0].text_content() == "(Chandra, 2013, para. 2)"
    )
    assert (
        page.cssselect("#cite-passage-harvard-in-text")[0].text_content()
        == "(Chandra, 2013, para. 2)"
    )
    oscola = page.cssselect("#cite-passage-oscola-text")[0].text_content()
    assert oscola.startswith(
        "Ravi Chandra, 'Children's social care innovation programme opens for bids'"
    )
    assert "(22 October 2013) para 2 <" in oscola
    link = page.cssselect("#cite-passage-link")[0].get("href")
    assert link == (
        f"http://localhost/doc/{doc}#p2:~:text=Ministers%20said%20they%20wanted%20bids,"
        "will%20be%20announced%20next%20spring."
    )


def test_a_paragraph_of_a_paper_is_cited_by_its_page():
    _, found = render(
        "<!-- page 1 -->\n\nFirst page text.\n\n<!-- page 2 -->\n\nSecond page, which runs "
        "<!-- page 3 --> on to the third.\n\nThird page text.\n"
    )
    assert [(p.text, p.page) for p in found] == [
        ("First page text.", 1),
        ("Second page, which runs on to the third.", 2),
        ("Third page text.", 3),
    ]


def test_a_paragraph_that_is_not_there_is_a_clear_400(client):
    doc = "2013-10-22-childrens-social-care-innovation-programme-opens-for-bids"
    for value in ("9", "0", "x", "-1"):
        response = client.get(f"/doc/{doc}?para={value}")
        assert response.status_code == 400, value
        assert "para" in response.get_data(as_text=True)
