"""The private ICS feed (RFC 5545, written with the `icalendar` package, which escapes and folds
the lines): the checkpoints' follow-up windows and deadlines of the plans the user may see, and
the meetings that handle them. UIDs are built from the records' ids, so they stay stable."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from suunta.goals import permissions
from suunta.goals.models import Checkpoint, GoalPlan

from .due import meetings_for

UID_DOMAIN = "suunta"


def calendar_event(
    uid: str, summary: str, start: datetime.date, end: datetime.date, stamp, url: str
):
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("transp", "TRANSPARENT")
    event.add("url", url)
    return event


def feed_for(user: Any, base_url: str) -> bytes:
    """The user's calendar in the active language."""
    from django.urls import reverse

    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", "-//Suunta//Schedule//FI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("Suunta: goals and follow-ups"))
    plans = GoalPlan.objects.visible_to(user).exclude(status=GoalPlan.Status.SUPERSEDED)
    checkpoints = Checkpoint.objects.filter(plan__in=plans).select_related("plan")
    day = datetime.timedelta(days=1)
    for cp in checkpoints:
        plan = cp.plan
        title = f"{plan.text('title')} {plan.period_label}".strip()
        if plan.status in permissions.IN_FORCE and permissions.follow_up_kinds_for(user, plan):
            url = base_url + reverse("checkpoint_follow_up", args=[plan.pk, cp.pk])
        else:
            url = base_url + reverse("plan_detail", args=[plan.pk])
        names = {"checkpoint": cp.text("label"), "plan": title}
        cal.add_component(
            calendar_event(
                f"checkpoint-{cp.pk}-window",
                _("Follow-up window %(checkpoint)s: %(plan)s") % names,
                cp.opens_on,
                cp.closes_on + day,
                stamp,
                url,
            )
        )
        cal.add_component(
            calendar_event(
                f"checkpoint-{cp.pk}-deadline",
                _("Follow-up deadline %(checkpoint)s: %(plan)s") % names,
                cp.closes_on,
                cp.closes_on + day,
                stamp,
                url,
            )
        )
    for decision in meetings_for(user):
        plan = decision.plan
        if plan is None:  # meetings_for lists decisions on plans only
            continue
        cal.add_component(
            calendar_event(
                f"decision-{decision.pk}",
                _("%(body)s meeting: %(plan)s")
                % {
                    "body": decision.body.text("name"),
                    "plan": f"{plan.text('title')} {plan.period_label}".strip(),
                },
                decision.meeting_date,
                decision.meeting_date + day,
                stamp,
                base_url + reverse("plan_detail", args=[plan.pk]),
            )
        )
    return cal.to_ical()
