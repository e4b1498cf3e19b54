"""Refuse to connect to loopback, private, link-local and reserved addresses unless allowed.

A page, feed or sitemap is written by someone else, so the addresses it names are untrusted: one
that leads to 127.0.0.1, the local network or 169.254.169.254 (where cloud metadata answers) must
not be fetched. The check is made on the address actually connected to: the host is resolved
once, each address it resolves to is checked, and the connection is made to that checked address,
so a name that resolves differently the second time cannot slip through.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class Refused(httpcore.ConnectError):
    """A connection the guard would not make, and why, in words for the report."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def refusal(ip: IPAddress) -> str | None:
    """Say why an address may not be fetched from, or None for a public one."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address (where cloud metadata services answer)"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_private:
        return "a private address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:
        return "not a public address"
    return None


def normal_hosts(hosts: Iterable[str] | str | None) -> frozenset[str]:
    """Read FETCH_ALLOW_HOSTS: host names or addresses, compared without case or brackets."""
    if hosts is None:
        return frozenset()
    if isinstance(hosts, str):
        hosts = [hosts]
    return frozenset(str(host).strip().strip("[]").lower() for host in hosts if str(host).strip())


class GuardedBackend(httpcore.SyncBackend):
    """Open connections only to addresses that are public or allowed, resolving each name once."""

    def __init__(self, allow: Iterable[str] = ()) -> None:
        self.allow = normal_hosts(list(allow))

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        name = host.strip("[]").lower()
        allowed = name in self.allow  # by the name the address writes, not by what it resolves to
        reasons = []
        for ip in _resolve(name, port):
            reason = None if allowed else refusal(ip)
            if reason is None:
                # Connect to the address just checked, never to the name resolved again.
                return super().connect_tcp(str(ip), port, timeout, local_address, socket_options)
            reasons.append(
                f"{ip} is {reason}" if str(ip) == name else f"{name} resolves to {ip}, {reason}"
            )
        first = reasons[0] if reasons else f"{name} resolves to no address"
        raise Refused(
            f"refused: {first}; allow the host with FETCH_ALLOW_HOSTS in archive.toml "
            "if it is meant"
        )


def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise httpcore.ConnectError(f"cannot resolve {host}: {error}") from None
    found: list[IPAddress] = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if ip not in found:
            found.append(ip)
    return found


def guarded_transport(allow: Iterable[str] = ()) -> httpx.HTTPTransport:
    """Make an httpx transport whose every connection passes the guard."""
    transport = httpx.HTTPTransport(trust_env=False)
    # HTTPTransport takes no network backend, so its pool is replaced by one that has the guard;
    # everything else is as httpx sets it up (TLS still checks the certificate against the name).
    old = transport._pool
    transport._pool = httpcore.ConnectionPool(
        ssl_context=old._ssl_context, network_backend=GuardedBackend(allow)
    )
    return transport
