"""Take the manual's screenshots: build corpus/ into a throwaway index, serve it, shoot two pages.

    python docs/screenshots.py          # writes docs/search.png and docs/document.png

Needs the test extra (Playwright) and Debian's Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.index.build import build  # noqa: E402
from archive.web.app import create_app  # noqa: E402

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = {
    "search.png": ("/?q=social+work&sort=newest", {"width": 1280, "height": 1500}),
    "document.png": (
        "/doc/2017-03-20-innovative-social-work-projects-get-36m-funding-boost",
        {"width": 1280, "height": 820},
    ),
    "citations.png": (
        "/doc/2017-03-20-innovative-social-work-projects-get-36m-funding-boost#cite-title",
        {"width": 1280, "height": 820},
    ),
    "phone.png": ("/?q=social+work&department=dfe", {"width": 390, "height": 1200}),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        index = Path(folder) / "index"
        report = build(ROOT / "corpus", index)
        print(report.summary())
        server = make_server("127.0.0.1", 0, create_app({"INDEX_DIR": str(index)}), threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for name, (url, viewport) in SHOTS.items():
                page = browser.new_page(viewport=viewport)
                page.goto(base + url)
                if "#" in url:  # one section of the page, as it looks
                    section = page.locator("#" + url.split("#")[1]).locator(
                        "xpath=ancestor::section"
                    )
                    section.screenshot(path=str(ROOT / "docs" / name))
                else:
                    page.screenshot(path=str(ROOT / "docs" / name))
                print(f"docs/{name}: {url}")
                page.close()
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
