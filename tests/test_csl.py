"""CSL: CSL-JSON for documents and result sets, and CSL styles rendered for every kind."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import lxml.html
import pytest
from citeproc.source.json import CiteProcJSON

from archive.index.build import build
from archive.web import csl
from archive.web.app import create_app
from tests.citing import write_kinds

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "csl-data.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def kinds(tmp_path_factory):
    root = tmp_path_factory.mktemp("csl")
    ids = write_kinds(root / "corpus")
    build(root / "corpus", root / "index")
    return create_app({"TESTING": True, "INDEX_DIR": str(root / "index")}).test_client(), ids


def test_a_documents_and_a_result_sets_csl_json_validate_and_import(kinds):
    client, ids = kinds
    one = client.get(f"/doc/{ids[0]}.csl.json")
    assert one.mimetype == "application/vnd.citationstyles.csl+json"
    whole = client.get("/search.csl.json?q=funding")
    for items in (one.get_json(), whole.get_json()):
        jsonschema.validate(items, SCHEMA)
        source = CiteProcJSON(items)
        assert sorted(source) == sorted(item["id"] for item in items)
    assert len(whole.get_json()) == len(ids)
    assert {item["type"] for item in whole.get_json()} >= {
        "article-newspaper",
        "report",
        "speech",
        "interview",
    }
    assert client.get(f"/api/doc/{ids[0]}").get_json()["csl_json"] == one.get_json()[0]


def test_a_broken_item_fails_the_schema():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "press-release"}], SCHEMA)


@pytest.mark.parametrize("style", ["chicago-author-date", "modern-language-association"])
def test_chicago_and_mla_render_for_every_kind(kinds, style):
    client, ids = kinds
    for doc_id in ids:
        api = client.get(f"/api/doc/{doc_id}?style={style}")
        assert api.status_code == 200, doc_id
        citation = api.get_json()["citation"]
        assert citation["style"] == style
        assert "Funding for the NDIS and UNESCO" in citation["reference"], (doc_id, citation)
        assert "2016" in citation["reference"] + citation["in_text"]
        page = lxml.html.fromstring(
            client.get(f"/doc/{doc_id}?style={style}").get_data(as_text=True)
        )
        assert (
            page.cssselect("#cite-csl-text")[0].text_content()
            == lxml.html.fromstring(citation["reference"]).text_content()
        )
        assert page.cssselect("#style option[selected]")[0].get("value") == style


def test_the_picker_offers_the_common_styles_and_each_renders(kinds):
    client, ids = kinds
    page = lxml.html.fromstring(client.get(f"/doc/{ids[2]}").get_data(as_text=True))
    offered = [o.get("value") for o in page.cssselect("form.csl-style select option")]
    assert offered == list(csl.COMMON)
    for style in offered:
        assert client.get(f"/api/doc/{ids[2]}?style={style}").status_code == 200, style


@pytest.mark.parametrize("style", ["no-such-style", "../../etc/passwd", "APA"])
def test_an_unknown_style_is_a_clear_400(kinds, style):
    client, ids = kinds
    response = client.get(f"/api/doc/{ids[0]}?style={style}")
    assert response.status_code == 400 and "style" in response.get_json()["error"]
    assert client.get(f"/doc/{ids[0]}?style={style}").status_code == 400


def test_a_processor_that_cannot_run_is_a_clear_503_not_a_500(kinds, monkeypatch, tmp_path):
    client, ids = kinds
    csl._render.cache_clear()
    monkeypatch.setattr(csl, "_pandoc", lambda: str(tmp_path / "no-pandoc-here"))
    response = client.get(f"/api/doc/{ids[1]}?style=ieee")
    assert response.status_code == 503
    assert "could not be rendered" in response.get_json()["error"]
    csl._render.cache_clear()
