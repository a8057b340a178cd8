"""A plan in follow-up with dated checkpoints and no follow-ups yet, and the people who write
them: shared by the schedule and reminder tests."""

from __future__ import annotations

import datetime

from suunta.accounts.models import Role
from suunta.goals import models as m
from suunta.organisations.models import Person
from tests.conftest import make_user, move_to


def plan_in_follow_up(org, post, windows, goals=2, title_sv="Tidsplan", scale=None):
    plan = m.GoalPlan.objects.create(
        organisation=org,
        post=post,
        scale=scale,
        title_fi="Aikataulusuunnitelma",
        title_sv=title_sv,
        period_start=datetime.date(2030, 1, 1),
        period_end=datetime.date(2030, 12, 31),
    )
    for n, (opens, closes) in enumerate(windows, start=1):
        m.Checkpoint.objects.create(
            plan=plan,
            order=n,
            label_fi=f"seuranta {n}",
            label_sv=f"uppföljning {n}",
            opens_on=opens,
            closes_on=closes,
        )
    for g in range(1, goals + 1):
        m.Goal.objects.create(plan=plan, order=g, title_fi=f"Tavoite {g}")
    move_to(plan, "in_follow_up")
    plan.refresh_from_db()
    return plan


def people(org, *, emails=True):
    """Executive (Finnish), discussion partner (Swedish), coordinator, board member, each linked
    to a person of the organisation."""

    def person(username, kind, language):
        user = make_user(username, org, kind=kind, language=language)
        if emails:
            user.email = f"{username}@example.fi"
            user.save()
        Person.objects.create(organisation=org, name=username.title(), user=user)
        return user

    return {
        "executive": person("johtaja1", Role.Kind.EXECUTIVE, "fi"),
        "partner": person("kumppani1", Role.Kind.DISCUSSION_PARTNER, "sv"),
        "coordinator": person("koordinaattori1", Role.Kind.COORDINATOR, "fi"),
        "member": person("jasen1", Role.Kind.BOARD_MEMBER, "fi"),
    }
