"""The moment the actions act on: now, except while history is being recorded.

The demo records the cycle as it happened (a survey answered in January 2026, a discussion
record signed two days after the discussion) through the same actions users take. Inside
`as_of(moment)` those actions check their dates against that moment and stamp it, as they
would have then. Nothing but the demo's loader enters `as_of`; the audit log keeps the real
time of every event (`AuditEvent.at`) whatever the clock says.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import timezone

_moment: ContextVar[datetime.datetime | None] = ContextVar("suunta_clock", default=None)


def now() -> datetime.datetime:
    return _moment.get() or timezone.now()


def today() -> datetime.date:
    return timezone.localdate(now())


@contextmanager
def as_of(day: datetime.date, hour: int = 12) -> Iterator[None]:
    """Act as of the hour of the day, local time."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    token = _moment.set(moment)
    try:
        yield
    finally:
        _moment.reset(token)
