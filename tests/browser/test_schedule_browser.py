"""The executive sees the follow-up expected from them on the home page, writes it, and the item
is gone – in a real Chromium, with axe checks of the pages on the way."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from suunta.goals import models as m
from suunta.organisations.models import ExecutivePost, Organisation
from tests.schedule_setup import people, plan_in_follow_up

from .test_browser import assert_accessible, sign_in


def test_the_executive_follows_the_due_item_writes_the_self_assessment_and_it_is_gone(
    demo_data,
    new_page,
    artifacts,
):
    org = Organisation.objects.get(slug="tuusula")
    post = ExecutivePost.objects.get(organisation=org)
    today = timezone.localdate()
    plan = plan_in_follow_up(org, post, [(today, today + datetime.timedelta(days=5))], goals=1)
    checkpoint = plan.checkpoints.get()
    people(org)
    deadline = checkpoint.closes_on

    page = new_page()
    sign_in(page, "johtaja1", "pw-johtaja1")
    item = page.locator(f'[data-key="follow_up:{checkpoint.pk}:self"]')
    expect(item).to_contain_text(f"{deadline.day}.{deadline.month}.{deadline.year}")
    expect(item).to_contain_text("seuranta 1")
    assert_accessible(page)
    page.screenshot(path=artifacts / "schedule-home.png", full_page=True)

    item.get_by_role("link").click()
    page.wait_for_url(f"**/fi/plans/{plan.pk}/checkpoints/{checkpoint.pk}/follow-up/?kind=self")
    page.locator("#id_g1_text_fi").fill("Tavoite etenee suunnitellusti.")
    page.locator("form").filter(has=page.locator("#id_g1_text_fi")).get_by_role(
        "button"
    ).first.click()
    expect(page.locator("#messages")).to_contain_text("Seuranta tallennettiin.")

    page.goto("/fi/")
    expect(page.locator(f'[data-key="follow_up:{checkpoint.pk}:self"]')).to_have_count(0)
    assert m.FollowUpEntry.objects.filter(checkpoint=checkpoint, kind="self").count() == 1

    page.goto("/fi/calendar/")
    assert_accessible(page)
    page.locator('main button[value="create"]').click()
    expect(page.locator("#feed-url")).to_have_value(
        re.compile(r"/fi/calendar/feed/[A-Za-z0-9_-]+\.ics$")
    )
    assert_accessible(page)
