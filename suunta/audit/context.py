"""Where a change comes from: the request's address, client and channel, for the audit log.

`AuditContextMiddleware` sets it for each request; `record()` reads it. Management commands
run with the channel "command" unless they set another.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass


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


def origin_of(request) -> Origin:
    path = request.path_info
    via = "api" if path.startswith("/api/") else "admin" if path.startswith("/admin/") else "web"
    return Origin(
        ip=request.META.get("REMOTE_ADDR") or None,
        user_agent=(request.META.get("HTTP_USER_AGENT") or "")[:200],
        via=via,
    )


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with origin(origin_of(request)):
            return self.get_response(request)
