"""The progress and coverage views in a real Chromium, with axe checks: a board member reads
the progress of Tuusula 2025 and the post's plans over the years; a coordinator reviews the
links suggested between the Kangasala focus areas and a draft with the Tuusula goals."""

import datetime
import re
import tempfile
from pathlib import Path

from playwright.sync_api import expect

from suunta.goals import models as m
from suunta.organisations.models import ExecutivePost, Organisation
from tests.browser.test_browser import assert_accessible, sign_in

SCREENSHOTS = Path(tempfile.gettempdir())  # /tmp/progress-*.png


def test_a_board_member_reads_the_progress_of_the_goals_and_over_the_years(demo_data, new_page):
    plan = m.GoalPlan.objects.get(organisation__slug="tuusula")
    page = new_page()
    sign_in(page, "hallitus", lang="en")
    page.goto(f"/en/plans/{plan.pk}/")
    page.get_by_role("link", name="Progress of the goals").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Progress of the goals")
    chart = page.get_by_role("img", name="Latest joint rating of each goal")
    expect(chart).to_be_visible()
    expect(chart.locator("rect")).to_have_count(6)
    table = page.get_by_role("table", name="Latest joint assessment of each goal")
    expect(table.locator("tbody tr")).to_have_count(6)
    expect(table.locator("tfoot")).to_contain_text("83 %")
    assert_accessible(page)
    page.screenshot(path=SCREENSHOTS / "progress-plan.png", full_page=True)

    page.get_by_role("link", name="Progress over the years").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Progress over the years")
    table = page.get_by_role("table", name="Achievement of the goals by period")
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(page.get_by_role("img", name="Mean achievement of the goals by period")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=SCREENSHOTS / "progress-post.png", full_page=True)

    weighted = m.GoalPlan.objects.get(organisation__slug="esimerkkila")
    page.goto(f"/en/plans/{weighted.pk}/progress/")
    expect(page.get_by_role("heading", name="Weighted achievement score")).to_be_visible()
    expect(page.get_by_text(re.compile(r"score at .* is 70,00 %"))).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=SCREENSHOTS / "progress-weighted.png", full_page=True)


def test_a_coordinator_accepts_and_rejects_suggested_links(demo_data, new_page):
    kangasala = Organisation.objects.get(slug="kangasala")
    post = ExecutivePost.objects.get(organisation=kangasala)
    tuusula = m.GoalPlan.objects.get(organisation__slug="tuusula")
    plan = m.GoalPlan.objects.create(
        organisation=kangasala,
        post=post,
        title_fi="Kaupunginjohtajan tavoitteet",
        period_start=datetime.date(2027, 1, 1),
        period_end=datetime.date(2027, 12, 31),
    )
    for goal in tuusula.goals.order_by("order"):
        copy = m.Goal.objects.create(plan=plan, order=goal.order, title_fi=goal.title_fi)
        for indicator in goal.indicators.order_by("order"):
            m.Indicator.objects.create(goal=copy, order=indicator.order, text_fi=indicator.text_fi)
    page = new_page()
    sign_in(page, "koordinaattori", lang="en")
    page.goto(f"/en/plans/{plan.pk}/")
    page.get_by_role("link", name="Focus areas and goals").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Focus areas and goals")
    expect(page.get_by_role("heading", name="23 focus areas no goal serves")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=SCREENSHOTS / "progress-coverage.png", full_page=True)

    accept = page.get_by_role("button", name="Accept: goal 3 serves focus area 6")
    accept.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("now serves the focus area")
    expect(page.get_by_role("heading", name="22 focus areas no goal serves")).to_be_visible()
    expect(page.get_by_role("button", name="Accept: goal 3 serves focus area 6")).to_have_count(0)
    row = page.locator("table.coverage-table tbody tr").nth(5)
    expect(row.locator("td")).to_have_text("3. Talouden johtaminen")

    page.get_by_role("button", name="Reject: goal 5 does not serve focus area 18").click()
    expect(page.get_by_role("status")).to_contain_text("is no longer suggested")
    rejected = page.get_by_role("button", name=re.compile("goal 5 does not serve focus area 18"))
    expect(rejected).to_have_count(0)
    assert_accessible(page)
    page.screenshot(path=SCREENSHOTS / "progress-coverage-after.png", full_page=True)
    assert list(plan.goals.get(order=3).focus_areas.values_list("order", flat=True)) == [6]
