"""A mixed workload for locust: searches, facet clicks, document pages and exports."""

import random
import re
import sys
from pathlib import Path

from locust import HttpUser, between, task

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from expensive import EXPENSIVE  # noqa: E402

WORDS = [
    "care",
    "social work",
    "funding",
    "council",
    "innovation",
    "grant",
    "children",
    "budget",
    '"social care"',
    "fund*",
]
FACETS = [
    "year=2010",
    "year=2017",
    "year=2009-2013",
    "department=dfe",
    "department=dfe&predecessors=1",
    "programme=better-care-fund",
    "amount=10m-100m",
    "amount=under-1m",
    "min_amount=1m&max_amount=50m",
]


class Researcher(HttpUser):
    wait_time = between(0.05, 0.3)

    def on_start(self) -> None:
        page = self.client.get("/", name="/ (browse)").text
        self.documents = re.findall(r'href="/doc/([a-z0-9-]+)"', page) or ["missing"]

    @task(6)
    def search(self) -> None:
        self.client.get("/", params={"q": random.choice(WORDS)}, name="/?q=")

    @task(4)
    def facet_click(self) -> None:
        self.client.get(f"/?q={random.choice(WORDS)}&{random.choice(FACETS)}", name="/?q=&facet")

    @task(3)
    def document(self) -> None:
        self.client.get(f"/doc/{random.choice(self.documents)}", name="/doc/[id]")

    @task(2)
    def api(self) -> None:
        self.client.get(f"/api/search?{random.choice(FACETS)}", name="/api/search")

    @task(1)
    def expensive(self) -> None:
        # The costliest requests (issue 12): each a bounded
        # answer, never a failure. 400 is an answer.
        _, params = random.choice(EXPENSIVE)
        with self.client.get(
            "/", params=params, name="/?q=[expensive]", catch_response=True
        ) as response:
            if response.status_code == 400:
                response.success()

    @task(1)
    def export(self) -> None:
        self.client.get(f"/search.csv?q={random.choice(WORDS)}", name="/search.csv")
        self.client.get(f"/feed.atom?{random.choice(FACETS)}", name="/feed.atom")
