"""E-mail reminders delivered to a real SMTP server on loopback: who gets what, in which
language, with which link, and never twice."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from suunta.organisations.models import ExecutivePost
from suunta.schedule.models import ReminderSettings, SentReminder
from suunta.schedule.reminders import stage_for
from tests.schedule_setup import people, plan_in_follow_up
from tests.smtp import smtp_server  # noqa: F401 - the fixture

D = datetime.date
TODAY = D(2030, 3, 17)  # the first window closes in 3 days


@pytest.fixture
def setting(demo):
    org = demo["tuusula"]
    post = ExecutivePost.objects.get(organisation=org)
    plan = plan_in_follow_up(
        org, post, [(D(2030, 3, 1), D(2030, 3, 20)), (D(2030, 9, 1), D(2030, 9, 30))]
    )
    return {"org": org, "plan": plan, "checkpoint": plan.checkpoints.order_by("order")[0]} | (
        people(org)
    )


def about(mailbox, address: str, plan) -> list:
    """The messages to `address` about `plan` (the demo data has its own overdue follow-ups)."""
    return [Mail(m) for m in mailbox.to(address) if f"/plans/{plan.pk}/" in mailbox.body(m)]


class Mail:
    """A delivered message with its subject and plain-text body at hand."""

    def __init__(self, message):
        self.message = message
        self.subject = str(message["subject"])
        self.body = message.get_body(preferencelist=("plain",)).get_content()
        self.to = str(message["To"])


def run(*args) -> str:
    out = io.StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_the_stage_is_the_nearest_configured_day_and_overdue_gets_the_last():
    assert stage_for(20, [14, 3, 0]) is None
    assert stage_for(14, [14, 3, 0]) == 14
    assert stage_for(5, [14, 3, 0]) == 14
    assert stage_for(3, [14, 3, 0]) == 3
    assert stage_for(0, [14, 3, 0]) == 0
    assert stage_for(-4, [14, 3, 0]) == 0


def test_each_person_gets_one_reminder_in_their_language_with_the_link_and_never_twice(
    setting,
    smtp_server,  # noqa: F811
):
    s = setting
    plan, cp = s["plan"], s["checkpoint"]
    output = run("--today", TODAY.isoformat())
    executive = about(smtp_server, "johtaja1@example.fi", plan)
    partner = about(smtp_server, "kumppani1@example.fi", plan)
    coordinator = about(smtp_server, "koordinaattori1@example.fi", plan)
    assert len(executive) == len(partner) == len(coordinator) == 1
    assert about(smtp_server, "jasen1@example.fi", plan) == []
    # Finnish for the executive, with the link to write the self-assessment.
    fi = executive[0]
    assert fi.subject.startswith("Suunta:") and "Aikataulusuunnitelma" in fi.subject
    assert "sinulta odotetaan: itsearvio, seuranta seuranta 1" in fi.body
    assert "Määräpäivä: 20.3.2030" in fi.body
    assert "3 päivää jäljellä" in fi.body
    assert f"http://127.0.0.1:8000/fi/plans/{plan.pk}/checkpoints/{cp.pk}/follow-up/?kind=self" in (
        fi.body
    )
    # Swedish for the partner (their language), with the Swedish title and link.
    sv = partner[0]
    assert "Tidsplan" in sv.subject
    assert "av dig väntas" in sv.body and "Sista dag: 20.3.2030" in sv.body
    assert "av dig väntas: samtalspartnerns bedömning, uppföljning uppföljning 1" in sv.body
    assert f"/sv/plans/{plan.pk}/checkpoints/{cp.pk}/follow-up/?kind=partner" in sv.body
    assert "?kind=joint" in coordinator[0].body
    assert f"sent: johtaja1@example.fi follow_up:{cp.pk}:self (stage 3 days)" in output
    # The second run sends nothing.
    count = len(smtp_server.messages)
    again = run("--today", TODAY.isoformat())
    assert len(smtp_server.messages) == count
    assert again.splitlines()[-1].startswith("0 sent")


def test_the_next_stage_sends_again_and_a_written_follow_up_stops_the_reminders(
    setting,
    smtp_server,  # noqa: F811
):
    from suunta.goals import actions

    s = setting
    run("--today", "2030-03-06")  # 14 days before
    assert len(about(smtp_server, "johtaja1@example.fi", setting["plan"])) == 1
    for goal in s["plan"].goals.all():
        actions.add_follow_up(
            goal, s["checkpoint"], data={"kind": "self", "text_fi": "Tehty"}, actor=s["executive"]
        )
    run("--today", TODAY.isoformat())  # 3 days before
    assert (
        len(about(smtp_server, "johtaja1@example.fi", setting["plan"])) == 1
    )  # done: nothing more
    assert (
        len(about(smtp_server, "kumppani1@example.fi", setting["plan"])) == 2
    )  # still due: the 3-day reminder


def test_a_person_without_an_email_address_is_reported_and_nothing_is_sent(
    demo,
    smtp_server,  # noqa: F811
):
    org = demo["tuusula"]
    post = ExecutivePost.objects.get(organisation=org)
    plan_in_follow_up(org, post, [(D(2030, 3, 1), D(2030, 3, 20))])
    people(org, emails=False)
    output = run("--today", TODAY.isoformat())
    assert "no e-mail address: johtaja1" in output
    assert "no e-mail address: kumppani1" in output
    assert not SentReminder.objects.filter(user__username="johtaja1").exists()
    assert not [mail for mail in smtp_server.messages if "johtaja1" in str(mail["To"])]


def test_a_dry_run_sends_and_records_nothing(setting, smtp_server):  # noqa: F811
    output = run("--dry-run", "--today", TODAY.isoformat())
    assert "would send: johtaja1@example.fi" in output
    assert smtp_server.messages == []
    assert not SentReminder.objects.exists()


def test_a_failed_delivery_is_not_marked_sent_and_is_retried(setting, smtp_server, settings):  # noqa: F811
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 1  # nothing listens there
    with pytest.raises(CommandError):
        call_command(
            "send_reminders",
            "--today",
            TODAY.isoformat(),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    assert not SentReminder.objects.filter(user=setting["executive"]).exists()
    settings.EMAIL_PORT = port
    run("--today", TODAY.isoformat())
    assert len(about(smtp_server, "johtaja1@example.fi", setting["plan"])) == 1


def test_an_organisation_sets_its_own_reminder_days(setting, smtp_server):  # noqa: F811
    ReminderSettings.objects.create(organisation=setting["org"], days="1")
    run("--today", TODAY.isoformat())  # 3 days before: not yet for this organisation
    assert about(smtp_server, "johtaja1@example.fi", setting["plan"]) == []
    run("--today", "2030-03-19")
    assert len(about(smtp_server, "johtaja1@example.fi", setting["plan"])) == 1


def test_an_invalid_date_is_refused_with_a_clear_message(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--today", "17.3.2030")


def test_bad_reminder_days_are_refused_with_a_clear_message_and_nothing_is_saved(setting):
    from django.utils import translation

    from suunta.schedule.admin import ReminderSettingsForm

    with translation.override("fi"):
        form = ReminderSettingsForm({"organisation": setting["org"].pk, "days": "14, kolme"})
        assert not form.is_valid()
        assert "days" in form.errors
    assert not ReminderSettings.objects.exists()
    form = ReminderSettingsForm({"organisation": setting["org"].pk, "days": "3, 14,0"})
    assert form.is_valid()
    assert form.save().days == "14,3,0"
