"""Fetch pages and papers by address with httpx, politely and within limits.

http(s) only, timeouts, a size limit, a bounded number of redirects, robots.txt respected, one
request at a time per host with a pause between them."""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from archive import __version__

USER_AGENT = (
    f"PolicyArchive/{__version__} "
    "(archive ingest; a research archive of public-policy announcements)"
)
ROBOTS_AGENT = "PolicyArchive"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
PDF_TYPES = {"application/pdf", "application/x-pdf"}
DOCX_TYPES = {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


class FetchProblem(Exception):
    """Why an address could not be ingested, in words for the report."""


class AddressRefused(FetchProblem):
    """An address (or a redirect's) that leads to a loopback, private or reserved address."""


@dataclass
class Limits:
    timeout: float = 20.0  # seconds to connect, and between bytes read
    max_bytes: int = 50_000_000
    max_redirects: int = 5
    pause: float = 1.0  # seconds between two requests to one host
    allow_hosts: tuple[str, ...] = ()  # hosts fetched even at a private or loopback address


@dataclass
class Fetched:
    url: str  # where the content was found, after redirects
    kind: str  # "html", "pdf" or "docx"
    data: bytes
    charset: str | None = None


@dataclass
class Answer:
    """What a server answered, whatever its type: 304 for an unchanged one asked conditionally."""

    url: str  # after redirects
    status: int
    content_type: str
    data: bytes
    etag: str | None = None
    last_modified: str | None = None
    charset: str | None = None


@dataclass
class Fetcher:
    """One client for a batch: it remembers each host's robots.txt and when it last asked it."""

    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        import httpx  # loads only when an address comes

        self._httpx = httpx
        from archive.ingest.guard import guarded_transport

        self._client = httpx.Client(
            timeout=httpx.Timeout(self.limits.timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
            trust_env=False,
            transport=guarded_transport(self.limits.allow_hosts),
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        self._client.close()

    def get(self, url: str) -> Fetched:
        """Fetch a page or paper, following redirects; raise FetchProblem saying what went wrong."""
        answer = self.answer(url)
        if answer.status != 200:
            raise FetchProblem(f"the server answered {answer.status}, not a page")
        kind = _kind(answer.content_type, answer.data)
        return Fetched(answer.url, kind, answer.data, answer.charset)

    def answer(self, url: str, etag: str | None = None, modified: str | None = None) -> Answer:
        """Fetch anything, following redirects; with etag or modified, an unchanged one is a 304."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        seen = [url]
        for _ in range(self.limits.max_redirects + 1):
            _check_scheme(url)
            if not self._allowed(url):
                raise FetchProblem(
                    f"robots.txt of {_origin(url)} does not allow {ROBOTS_AGENT} to fetch it"
                )
            with self._request(url, headers) as response:
                if response.has_redirect_location:
                    target = urljoin(url, response.headers.get("location", ""))
                    if target in seen:
                        raise FetchProblem(f"redirects in a loop: {' -> '.join(seen + [target])}")
                    seen.append(target)
                    url = target
                    continue
                if response.status_code >= 400:
                    answered = f"{response.status_code} {response.reason_phrase}"
                    raise FetchProblem(f"the server answered {answered}".rstrip())
                known = response.status_code == 304 and bool(headers)
                if response.status_code != 200 and not known:
                    raise FetchProblem(
                        f"the server answered {response.status_code} {response.reason_phrase}, "
                        "not a page"
                    )
                data = b"" if known else self._body(response)
                return Answer(
                    str(response.url),
                    response.status_code,
                    response.headers.get("content-type", ""),
                    data,
                    response.headers.get("etag"),
                    response.headers.get("last-modified"),
                    response.charset_encoding,
                )
        raise FetchProblem(
            f"too many redirects: more than {self.limits.max_redirects}, from {seen[0]}"
        )

    def _request(self, url: str, headers: dict[str, str] | None = None):
        from archive.ingest.guard import Refused

        self._wait(url)
        try:
            request = self._client.build_request("GET", url, headers=headers)
            response = self._client.send(request, stream=True)
        except self._httpx.TimeoutException:
            raise FetchProblem(f"timed out: no answer within {self.limits.timeout:g} s") from None
        except self._httpx.HTTPError as error:
            if isinstance(error.__cause__, Refused):
                raise AddressRefused(error.__cause__.reason) from None
            raise FetchProblem(f"could not connect: {error}") from None
        finally:
            self._last[_origin(url)] = time.monotonic()
        return _Closing(response)

    def _body(self, response) -> bytes:
        limit = self.limits.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchProblem(f"too large: {int(declared):,} bytes, the limit is {limit:,}")
        chunks, size = [], 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchProblem(f"too large: more than the limit of {limit:,} bytes")
                chunks.append(chunk)
        except self._httpx.TimeoutException:
            raise FetchProblem(
                f"timed out: the answer stalled for {self.limits.timeout:g} s"
            ) from None
        except self._httpx.HTTPError as error:
            raise FetchProblem(f"the answer was cut off: {error}") from None
        return b"".join(chunks)

    def _wait(self, url: str) -> None:
        last = self._last.get(_origin(url))
        if last is not None:
            delay = last + self.limits.pause - time.monotonic()
            if delay > 0:
                time.sleep(delay)

    def _allowed(self, url: str) -> bool:
        origin = _origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        robots = self._robots[origin]
        return robots is None or robots.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """Read a host's robots.txt, as RFC 9309 says.

        None (404 and the like) allows everything; one that cannot be read denies everything.
        """
        parser = urllib.robotparser.RobotFileParser()
        try:
            with self._request(origin + "/robots.txt") as response:
                if 400 <= response.status_code < 500:
                    return None
                if response.status_code != 200:
                    # typeshed leaves out this attribute, which RobotFileParser sets in __init__
                    parser.disallow_all = True  # type: ignore[attr-defined]
                    return parser
                text = self._body(response).decode("utf-8", "replace")
        except AddressRefused:
            raise
        except FetchProblem:
            parser.disallow_all = True  # type: ignore[attr-defined]  # as above: not in typeshed
            return parser
        parser.parse(text.splitlines())
        return parser


class _Closing:
    """Close a streamed response when its block ends."""

    def __init__(self, response) -> None:
        self.response = response

    def __enter__(self):
        return self.response

    def __exit__(self, *exc: object) -> None:
        self.response.close()


def is_address(text: str) -> bool:
    """Tell an address from a path: it has a scheme and ://."""
    scheme, sep, _ = text.partition("://")
    return bool(sep) and scheme.isascii() and scheme.replace("+", "").replace("-", "").isalnum()


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchProblem(
            f"not an http(s) address: only http:// and https:// are fetched, not {parts.scheme}://"
        )
    if not parts.hostname:
        raise FetchProblem("not an address: it names no host")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _kind(content_type: str, data: bytes) -> str:
    mime = content_type.split(";")[0].strip().lower()
    if mime in PDF_TYPES or (mime in ("", "application/octet-stream") and data[:5] == b"%PDF-"):
        return "pdf"
    if mime in DOCX_TYPES:
        return "docx"
    if mime in HTML_TYPES:
        return "html"
    raise FetchProblem(f"neither HTML nor PDF: the server sent {mime or 'no content type'}")
