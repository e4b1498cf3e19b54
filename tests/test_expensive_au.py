"""The most expensive requests on a real corpus (issue 12, 5), served by gunicorn.

The corpus is all the AU releases through `archive ingest` (the au_archive fixture, built once a
session). Each request answers 200 or 400 on every endpoint, with a notice where a limit applied.
Times are printed, not asserted: bench/expensive.py measures them.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest
from expensive import BAD, CAPPED, EXPENSIVE, REFUSED
from test_security import ENDPOINTS, well_formed


class Answer:
    """An HTTP answer in the shape well_formed() reads."""

    def __init__(self, status: int, body: bytes):
        self.status_code, self._body = status, body

    def get_data(self, as_text: bool = False):
        return self._body.decode("utf-8") if as_text else self._body


def fetch(url: str) -> Answer:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return Answer(response.status, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.read())


@pytest.mark.slow
def test_the_most_expensive_requests_are_answered_on_the_au_releases_under_gunicorn(
    au_archive, gunicorn
):
    url = gunicorn(au_archive / "index", workers=2)
    times = []
    for name, params in EXPENSIVE:
        for path in ENDPOINTS:
            started = time.perf_counter()
            answer = fetch(f"{url}{path}?{urlencode(params)}")
            times.append((time.perf_counter() - started, name, path, answer.status_code))
            assert answer.status_code == (400 if name in BAD else 200), (
                name,
                path,
                answer.get_data(True)[:300],
            )
            well_formed(path, answer)
            if path == "/api/search" and name not in BAD:
                notice = json.loads(answer.get_data(True))["query"]["notice"] or ""
                if name in REFUSED:
                    assert "left out" in notice, name
                if name in CAPPED:
                    assert "in most documents were searched" in notice, name
    print(f"\n{len(times)} requests; the slowest:")
    for seconds, name, path, status in sorted(times, reverse=True)[:10]:
        print(f"  {1000 * seconds:6.0f} ms  {status}  {path}  {name}")
