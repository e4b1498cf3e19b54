"""The fetcher refuses loopback, private, link-local and reserved addresses unless allowed."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest
from followsite import serving

from archive.ingest.fetch import AddressRefused, Fetcher, FetchProblem, Limits
from archive.ingest.guard import refusal
from archive.ingest.pipeline import Options, ingest

PAGE = """<!doctype html><html lang="en"><head><title>Hubs</title></head><body><article>
<h1>Councils share £302m to open family hubs</h1>
<p>Seventy-five councils will share £302 million from the Department for Education to open
family hubs, the government announced on Tuesday 14 June 2022.</p></article></body></html>"""


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "a loopback address"),
        ("127.8.9.10", "a loopback address"),
        ("::1", "a loopback address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("169.254.169.254", "a link-local address (where cloud metadata services answer)"),
        ("fe80::1", "a link-local address (where cloud metadata services answer)"),
        ("10.1.2.3", "a private address"),
        ("172.16.0.1", "a private address"),
        ("172.31.255.254", "a private address"),
        ("192.168.1.1", "a private address"),
        ("fc00::1", "a private address"),
        ("fd12:3456::1", "a private address"),
        ("0.0.0.0", "an unspecified address"),
        ("224.0.0.1", "a multicast address"),
        ("240.0.0.1", "a private address"),  # reserved: Python counts 240/4 among the private
        ("100.64.0.1", "not a public address"),  # shared address space of carriers
    ],
)
def test_each_kind_of_address_not_public_is_refused_with_its_reason(address, reason):
    assert refusal(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", ["8.8.8.8", "151.101.0.144", "2a04:4e42::144", "172.32.0.1"])
def test_public_addresses_pass(address):
    assert refusal(ipaddress.ip_address(address)) is None


def test_a_loopback_page_is_refused_before_anything_is_sent_nothing_written(corpus_dir: Path):
    with serving() as site:
        site.set("/page.html", PAGE)
        before = sorted(corpus_dir.rglob("*"))
        report = ingest([f"{site.base}/page.html"], corpus_dir, Options(timeout=1.0, pause=0.0))
        assert site.seen == []  # not even robots.txt was asked
    (skipped,) = report.skipped
    assert skipped.skipped == (
        "unreadable: refused: 127.0.0.1 is a loopback address; allow the "
        "host "
        "with FETCH_ALLOW_HOSTS in archive.toml if it is meant"
    )
    assert not report.written and sorted(corpus_dir.rglob("*")) == before


def test_the_metadata_address_is_refused_without_connecting():
    fetcher = Fetcher(Limits(timeout=5.0, pause=0.0))
    with pytest.raises(AddressRefused, match=r"169\.254\.169\.254 is a link-local address \(where"):
        fetcher.get("http://169.254.169.254/latest/meta-data/")
    fetcher.close()


@pytest.mark.parametrize(
    "target",
    [
        "http://localhost:{port}/page.html",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/page.html",
        "http://10.0.0.7/admin",
    ],
)
def test_a_redirect_from_an_allowed_host_to_a_refused_one_is_refused(target, corpus_dir: Path):
    with serving() as site:
        port = site.base.rsplit(":", 1)[1]
        site.set("/page.html", PAGE)
        site.redirect("/away", target.format(port=port))
        before = sorted(corpus_dir.rglob("*"))
        report = ingest(
            [f"{site.base}/away"],
            corpus_dir,
            Options(timeout=1.0, pause=0.0, allow_hosts=("127.0.0.1",)),
        )
        assert [path for path, _ in site.seen] == ["/robots.txt", "/away"]  # never /page.html
    (skipped,) = report.skipped
    assert skipped.skipped.startswith("unreadable: refused: ")
    assert any(kind in skipped.skipped for kind in ("loopback", "link-local", "private"))
    assert sorted(corpus_dir.rglob("*")) == before


def test_an_allowed_host_is_fetched(corpus_dir: Path):
    with serving() as site:
        site.set("/page.html", PAGE)
        report = ingest(
            [f"{site.base}/page.html"],
            corpus_dir,
            Options(timeout=1.0, pause=0.0, allow_hosts=("127.0.0.1",)),
        )
    (written,) = report.written
    assert written.title == "Councils share £302m to open family hubs"


def test_a_name_is_resolved_once_and_the_checked_address_is_the_one_connected_to(monkeypatch):
    """A name that answers public first and loopback next (DNS rebinding) never reaches loopback."""
    real = socket.getaddrinfo
    answers = iter(["192.0.2.44", "127.0.0.1", "127.0.0.1"])
    asked: list[str] = []

    def rebinding(host, port, *args, **kwargs):
        asked.append(host)
        if host == "rebind.test":
            address = next(answers)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    fetcher = Fetcher(Limits(timeout=1.0, pause=0.0))
    # 192.0.2.44 is a documentation address, itself refused: the first answer is what is judged.
    with pytest.raises(AddressRefused, match=r"rebind\.test resolves to 192\.0\.2\.44, a private"):
        fetcher.get("http://rebind.test/page.html")
    assert asked.count("rebind.test") == 1
    fetcher.close()


def test_a_public_first_answer_is_connected_to_by_address_not_by_name(monkeypatch):
    real = socket.getaddrinfo
    answers = iter(["198.51.100.1", "127.0.0.1"])
    asked: list[str] = []

    def rebinding(host, port, *args, **kwargs):
        asked.append(host)
        if host == "rebind.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]
        return real(host, port, *args, **kwargs)

    connected: list[str] = []
    real_connect = socket.create_connection

    def connect(address, *args, **kwargs):
        connected.append(address[0])
        raise OSError("no network in the test")

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(socket, "create_connection", connect)
    # 198.51.100.1 is a documentation address too, so the test allows the name's first answer by
    # marking only it public: the guard is asked about the address, the connection goes there.
    monkeypatch.setattr(
        "archive.ingest.guard.refusal",
        lambda ip: None if str(ip) == "198.51.100.1" else "a loopback address",
    )
    fetcher = Fetcher(Limits(timeout=1.0, pause=0.0))
    with pytest.raises(FetchProblem) as raised:
        fetcher.get("http://rebind.test/page.html")
    assert not isinstance(raised.value, AddressRefused)
    fetcher.close()
    assert asked.count("rebind.test") == 1 and connected and set(connected) == {"198.51.100.1"}
    assert real_connect is not connect
