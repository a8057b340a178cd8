"""An organisation's public calendar (RFC 5545, with `icalendar`): the board handling of its
public plans (each decision: body, date and §) and their reporting dates (each checkpoint
window's closing day). Only public plans (`GoalPlan.objects.public()`) and nothing but their
titles, bodies and dates. UIDs are built from the records' ids, so they never change; DTSTAMP
is the content's last change, so the same content gives the same feed."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from icalendar import Calendar

from suunta.organisations.models import Organisation
from suunta.schedule.ics import calendar_event

from . import queries

UID_DOMAIN = "public.suunta"


def public_feed(org: Organisation, base_url: str, stamp: Any) -> bytes:
    stamp = (stamp or queries.EPOCH).astimezone(datetime.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", "-//Suunta//Public calendar//FI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add(
        "x-wr-calname",
        _("%(organisation)s: goals of the chief executive") % {"organisation": org.text("name")},
    )
    day = datetime.timedelta(days=1)
    for summary in queries.plan_summaries(org):
        plan = summary.plan
        title = f"{plan.text('title')} {plan.period_label}".strip()
        url = base_url + reverse("public_plan", args=[org.slug, plan.pk])
        for decision in summary.decisions:
            section = f" § {decision.section}" if decision.section else ""
            names = {
                "body": decision.body.text("name"),
                "section": section,
                "decision": decision.get_kind_display(),
                "plan": title,
            }
            event = calendar_event(
                f"public-decision-{decision.pk}",
                _("%(body)s%(section)s: %(plan)s – %(decision)s") % names,
                decision.meeting_date,
                decision.meeting_date + day,
                stamp,
                url,
            )
            cal.add_component(_with_uid(event, f"public-decision-{decision.pk}"))
        for checkpoint in summary.checkpoints:
            names = {
                "checkpoint": checkpoint.text("label"),
                "plan": title,
                "date": date_format(checkpoint.closes_on, "SHORT_DATE_FORMAT"),
            }
            event = calendar_event(
                f"public-checkpoint-{checkpoint.pk}",
                _("Follow-up %(checkpoint)s due: %(plan)s") % names,
                checkpoint.closes_on,
                checkpoint.closes_on + day,
                stamp,
                url,
            )
            cal.add_component(_with_uid(event, f"public-checkpoint-{checkpoint.pk}"))
    return cal.to_ical()


def _with_uid(event: Any, uid: str) -> Any:
    """The schedule's events carry `@suunta`; the public ones their own domain, so that a
    calendar that subscribes to both never merges a public event with a private one."""
    event.pop("uid", None)
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    return event
