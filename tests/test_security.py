"""Attacks on every URL: arbitrary parameters, hostile ids, and the headers every answer carries."""

from __future__ import annotations

import csv
import io
import json
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import quote, urlencode

import pytest
from expensive import EXPENSIVE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.search.query import QueryReader
from archive.web.security import HEADERS

DOC = "2015-06-30-mockingbird-fostering-model-wins-european-backing"
ENDPOINTS = ["/", "/api/search", "/search.csv", "/search.ris", "/search.bib", "/feed.atom"]
DOC_ENDPOINTS = ["/doc/{}", "/doc/{}.bib", "/doc/{}.ris", "/api/doc/{}"]
NAMES = [
    "q",
    "year",
    "department",
    "programme",
    "amount",
    "min_amount",
    "max_amount",
    "predecessors",
    "sort",
    "page",
    "per_page",
    "format",
    "x",
]
# Text that looks like what attackers and typos send:
# unicode, controls, markup, numbers, separators.
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "2010-2013",
            "-5",
            "10**9",
            "1e400",
            "abc",
            "dfe",
            "usd:1m-10m",
            "1bn-plus",
            '"',
            "(",
            "*",
            "\x00",
            "../../etc/passwd",
            "%00",
            "2013,,2014",
            "9" * 30,
        ]
    ),
    st.integers(-(10**12), 10**12).map(str),
    # The costliest queries and pages (issue 12).
    st.sampled_from([value for _, params in EXPENSIVE for value in params.values()]),
)
PARAMS = st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=6)
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


class Page(HTMLParser):
    """Parse a page, keeping its title and whether it closed its html element."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def well_formed(path: str, response) -> None:
    """Check that an answer is whole in its own format."""
    text = response.get_data(as_text=True)
    if path.startswith("/api/") or path.endswith(".json"):  # CSL-JSON downloads answer JSON too
        data = json.loads(text)
        if response.status_code != 200:
            assert set(data) >= {"error"} and data["error"]
    elif path.endswith(".csv"):
        rows = list(csv.reader(io.StringIO(text)))
        assert rows and rows[0]
    elif path.endswith(".atom"):
        root = ET.fromstring(text.encode("utf-8"))
        assert root.tag.endswith("feed")
    elif path.endswith((".ris", ".bib")):
        # An export of no results is empty; an error always says what was wrong.
        assert text.strip() or response.status_code == 200
        assert (
            response.status_code != 200
            or text.count("ER  -") == text.count("TY  -")
            or path.endswith(".bib")
        )
    else:
        page = Page(text)
        assert "html" in page.tags and ("h1" in page.tags or "h2" in page.tags)
    assert "Traceback" not in text


@pytest.mark.parametrize("path", ENDPOINTS)
@FUZZ
@given(params=PARAMS)
def test_any_parameters_get_200_400_or_404_in_their_own_format(client, path, params):
    response = client.get(f"{path}?{urlencode(params)}")
    assert response.status_code in (200, 400, 404), (path, params, response.status_code)
    well_formed(path, response)


@pytest.mark.parametrize("template", DOC_ENDPOINTS)
@FUZZ
@given(
    doc_id=st.one_of(
        st.text(min_size=1, max_size=60), st.sampled_from(["..", "../..", DOC, DOC.upper(), "-"])
    )
)
def test_any_document_id_gets_200_or_404(client, template, doc_id):
    path = template.format(quote(doc_id, safe=""))
    response = client.get(path)
    assert response.status_code in (200, 404), (path, response.status_code)
    well_formed(path, response)


@FUZZ
@given(text=st.text(max_size=80))
def test_the_query_reader_never_raises(archive, text):
    parsed = QueryReader(archive._current().searcher.schema, archive.registry).read(text)
    assert isinstance(parsed.reading, str)
    result = archive.search(archive.request({"q": [text]}))
    assert result.total >= 0


HOSTILE_IDS = [
    "../../../../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%2Fetc%2Fpasswd",
    "/etc/passwd",
    "etc%00passwd",
    "%00",
    "..",
    "corpus%2f" + DOC,
    "C:%5Cwindows",
]


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
@pytest.mark.parametrize("template", DOC_ENDPOINTS)
def test_hostile_ids_never_reach_the_file_system(client, template, hostile):
    opened: list[str] = []
    watching = True

    def audit(event, args):
        if watching and event == "open" and isinstance(args[0], (str, bytes)):
            opened.append(str(args[0]))

    sys.addaudithook(
        audit
    )  # hooks stay for the process: the flag switches this one off after the test
    try:
        response = client.get(template.format(hostile))
    finally:
        watching = False
    assert response.status_code == 404
    assert not [p for p in opened if "passwd" in p or "windows" in p or "corpus/" in p]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?q=care",
        f"/doc/{DOC}",
        "/api/search",
        "/search.csv",
        "/feed.atom",
        "/?year=abc",
        "/doc/missing",
        "/api/doc/missing",
        "/static/style.css",
    ],
)
def test_every_answer_carries_the_security_headers(client, path):
    response = client.get(path)
    response.close()  # a static file is streamed from an open file
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, (path, name)
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_pages_need_no_inline_script_or_style(client):
    # A strict policy only works if the pages need nothing inline.
    for path in ("/", "/?q=care&year=2017", f"/doc/{DOC}"):
        html = client.get(path).get_data(as_text=True)
        assert "<script>" not in html and " style=" not in html and "<style" not in html
        assert " onclick=" not in html


def test_the_app_runs_without_debug_unless_asked(tmp_path, monkeypatch):
    from archive.web.app import create_app

    assert create_app({"INDEX_DIR": str(tmp_path)}).debug is False
    monkeypatch.setenv("ARCHIVE_DEBUG", "true")
    assert create_app({"INDEX_DIR": str(tmp_path)}).debug is True
