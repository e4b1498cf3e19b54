"""A real local web server whose pages a test sets, answering conditional requests as servers do."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None  # a redirect
    delay: float = 0.0


@dataclass
class Site:
    """The pages by path, and every request seen: (path, headers)."""

    base: str = ""
    pages: dict[str, Page] = field(default_factory=dict)
    seen: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def set(
        self,
        path: str,
        body: str | bytes,
        content_type: str = "text/html; charset=utf-8",
        **kwargs: object,
    ) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.pages[path] = Page(data, content_type, **kwargs)  # type: ignore[arg-type]

    def redirect(self, path: str, where: str) -> None:
        self.pages[path] = Page(b"", status=302, location=where)

    def requests(self, path: str) -> list[dict[str, str]]:
        return [headers for seen, headers in self.seen if seen == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            headers = {key.lower(): value for key, value in self.headers.items()}
            site.seen.append((self.path, headers))
            page = site.pages.get(self.path)
            if page is None:
                return self._answer(404, {"Content-Type": "text/plain"}, b"no such page")
            if page.delay:
                time.sleep(page.delay)
            if page.location:
                return self._answer(page.status, {"Location": page.location}, b"")
            extra = {"Content-Type": page.content_type}
            if page.etag:
                extra["ETag"] = page.etag
            if page.last_modified:
                extra["Last-Modified"] = page.last_modified
            unchanged = (page.etag and headers.get("if-none-match") == page.etag) or (
                page.last_modified and headers.get("if-modified-since") == page.last_modified
            )
            if unchanged and page.status == 200:
                return self._answer(304, extra, b"")
            self._answer(page.status, extra, page.body)

        def _answer(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextlib.contextmanager
def serving() -> Iterator[Site]:
    """Serve a Site on 127.0.0.1 at a free port until the block ends."""
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
