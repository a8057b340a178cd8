"""A whole follow-up round in a real Chromium: the reminder command mails each person over SMTP
(a real server on loopback), the executive follows the link in the mail and writes the
self-assessment, and the coordinator follows theirs and records the joint assessment with a
rating – which then shows on the plan page for a board member. axe checks on the way."""

import datetime
import io
import re

from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from suunta.goals import models as m
from suunta.organisations.models import ExecutivePost, Organisation
from tests.schedule_setup import people, plan_in_follow_up
from tests.smtp import smtp_server  # noqa: F401 – the fixture

from .test_browser import assert_accessible, sign_in

LINK = re.compile(
    r"https?://[^\s]+/(fi|sv)/plans/[0-9a-f-]+/checkpoints/[0-9a-f-]+/follow-up/\?kind=\w+"
)


def _link(mailbox, address: str) -> str:
    mails = [mail for mail in mailbox.messages if address in str(mail["To"])]
    assert mails, f"no reminder to {address}"
    found = LINK.search(mailbox.body(mails[-1]))
    assert found, mailbox.body(mails[-1])
    return found.group(0).split("://", 1)[1].split("/", 1)[1]  # the path, for the live server


def test_from_the_reminder_to_the_joint_assessment(
    demo_data,
    new_page,
    artifacts,
    smtp_server,  # noqa: F811 – the fixture imported above
    settings,
):
    org = Organisation.objects.get(slug="tuusula")
    post = ExecutivePost.objects.get(organisation=org)
    today = timezone.localdate()
    scale = m.RatingScale.objects.get(organisation=org, kind="traffic_light")
    window = [(today, today + datetime.timedelta(days=3))]
    plan = plan_in_follow_up(org, post, window, goals=1, scale=scale)
    checkpoint = plan.checkpoints.get()
    who = people(org)
    out = io.StringIO()
    call_command("send_reminders", stdout=out)
    smtp_server.wait_for(3)

    executive = new_page()
    sign_in(executive, "johtaja1", "pw-johtaja1")
    executive.goto("/" + _link(smtp_server, who["executive"].email))
    assert_accessible(executive)
    executive.locator("#id_g1_text_fi").fill("Tavoite etenee; talousarvio pitää.")
    executive.locator("form").filter(has=executive.locator("#id_g1_text_fi")).get_by_role(
        "button"
    ).first.click()
    expect(executive.locator("#messages")).to_contain_text("Seuranta tallennettiin.")

    coordinator = new_page()
    sign_in(coordinator, "koordinaattori1", "pw-koordinaattori1")
    coordinator.goto("/" + _link(smtp_server, who["coordinator"].email))
    expect(coordinator.locator("main")).to_contain_text("Tavoite etenee; talousarvio pitää.")
    coordinator.locator("#id_g1_text_fi").fill("Yhteinen arvio: tavoite toteutuu.")
    coordinator.locator("#id_g1_rating").select_option(label="Toteutunut")
    coordinator.locator("form").filter(has=coordinator.locator("#id_g1_text_fi")).get_by_role(
        "button"
    ).first.click()
    expect(coordinator.locator("#messages")).to_contain_text("Seuranta tallennettiin.")
    assert_accessible(coordinator)
    coordinator.screenshot(path=artifacts / "follow-up-round-joint.png", full_page=True)

    joint = m.FollowUpEntry.objects.get(checkpoint=checkpoint, kind="joint")
    assert joint.rating == 3 and joint.text_fi == "Yhteinen arvio: tavoite toteutuu."
    member = new_page()
    sign_in(member, "jasen1", "pw-jasen1")
    member.goto(f"/fi/plans/{plan.pk}/")
    expect(member.locator("table.goal-table")).to_contain_text("Yhteinen arvio: tavoite toteutuu.")
    expect(member.locator("table.goal-table")).not_to_contain_text("talousarvio pitää")
    # Nothing is due any more, and the next run sends nothing new to those who wrote.
    before = len(smtp_server.messages)
    call_command("send_reminders", stdout=io.StringIO())
    assert len(smtp_server.messages) == before
