"""Where a change comes from: the request's address, client and channel, for the audit log.

`AuditContextMiddleware` sets it for each request; `record()` reads it. Management commands
run with the channel "command" unless they set another.
"""

from __future__ import annotations

import contextvars
import ipaddress
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Origin:
    ip: str | None = None
    user_agent: str = ""
    via: str = "command"


_origin: contextvars.ContextVar[Origin | None] = contextvars.ContextVar(
    "suunta_origin", default=None
)


def current() -> Origin:
    return _origin.get() or Origin()


@contextmanager
def origin(value: Origin | None):
    token = _origin.set(value)
    try:
        yield value
    finally:
        _origin.reset(token)


Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _address(text: str) -> Address | None:
    """An address as a proxy writes it in X-Forwarded-For ("[::1]" and "1.2.3.4:5678" too)."""
    text = text.strip()
    if text.startswith("[") and "]" in text:
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address: Address, networks: list) -> bool:
    return any(address in network for network in networks)


def _networks() -> list:
    return [
        ipaddress.ip_network(entry, strict=False)
        for entry in getattr(settings, "SUUNTA_TRUSTED_PROXIES", [])
    ]


class ProxyHeadersMiddleware:
    """With `SUUNTA_TRUSTED_PROXIES` set, the proxy headers (X-Forwarded-Proto, -For, -Host)
    count only on a connection from one of those proxies: a client that reaches the app past
    the proxy cannot claim https (SECURE_PROXY_SSL_HEADER) or an address. Runs first."""

    HEADERS = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_HOST")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        networks = _networks()
        if networks:
            peer = _address(request.META.get("REMOTE_ADDR") or "")
            if peer is None or not _trusted(peer, networks):
                for header in self.HEADERS:
                    request.META.pop(header, None)
        return self.get_response(request)


def client_address(request) -> str | None:
    """The client's address: the connection's own (REMOTE_ADDR), unless that is one of the
    reverse proxies in `SUUNTA_TRUSTED_PROXIES`; then the right-most X-Forwarded-For address
    that is not a trusted proxy. Addresses to the left of it were written by the client and
    are never read, so a client cannot choose what it is counted as."""
    remote = request.META.get("REMOTE_ADDR") or None
    networks = _networks()
    peer = _address(remote) if remote else None
    if peer is None or not networks or not _trusted(peer, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part for part in forwarded.split(",") if part.strip()]):
        address = _address(hop)
        if address is None:
            break  # not an address: nothing further left can be trusted either
        if not _trusted(address, networks):
            return str(address)
        peer = address
    # Every hop was a trusted proxy (or the header was missing or broken): the last trusted one.
    return str(peer)


def origin_of(request) -> Origin:
    path = request.path_info
    via = "api" if path.startswith("/api/") else "admin" if path.startswith("/admin/") else "web"
    return Origin(
        ip=client_address(request),
        user_agent=(request.META.get("HTTP_USER_AGENT") or "")[:200],
        via=via,
    )


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with origin(origin_of(request)):
            return self.get_response(request)
