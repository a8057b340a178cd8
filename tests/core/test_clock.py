"""core.clock: the moment actions act on is now, except inside `as_of`, and only there."""

import datetime

from django.utils import timezone

from suunta.core import clock


def test_the_clock_is_now_outside_as_of_and_the_given_local_hour_inside():
    before = timezone.now()
    assert before <= clock.now() <= timezone.now()
    with clock.as_of(datetime.date(2026, 1, 30), hour=16):
        assert clock.today() == datetime.date(2026, 1, 30)
        assert timezone.localtime(clock.now()).hour == 16
        with clock.as_of(datetime.date(2025, 1, 24)):
            assert clock.today() == datetime.date(2025, 1, 24)
        assert clock.today() == datetime.date(2026, 1, 30)
    assert clock.today() == timezone.localdate()


def test_a_refusal_inside_as_of_leaves_the_clock_at_now():
    try:
        with clock.as_of(datetime.date(2020, 1, 1)):
            raise ValueError
    except ValueError:
        pass
    assert clock.today() == timezone.localdate()
