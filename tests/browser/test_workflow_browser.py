"""Two people editing the same goal, and a plan taken from draft to the board's decision – in a
real Chromium, with axe checks of every page on the way."""

import re

import pytest
from playwright.sync_api import expect

from suunta.accounts.models import User
from suunta.goals import actions
from suunta.goals import models as m
from tests.conftest import reviewed

from .test_browser import assert_accessible, sign_in


@pytest.fixture
def draft_plan(demo_data):

    approved = m.GoalPlan.objects.get(organisation__slug="tuusula")
    return actions.start_next_plan(approved, actor=User.objects.get(username="demo"))


def open_goal_form(page, plan, goal):
    page.goto(f"/fi/plans/{plan.pk}/edit/")
    page.locator(f"#goal-{goal.pk} .item-head").get_by_role(
        "link", name=re.compile("^Muokkaa")
    ).click()
    expect(page.locator(f"#goal-{goal.pk} #id_title_fi")).to_be_visible()


def test_two_people_edit_the_same_goal_and_the_second_save_is_refused(
    draft_plan, new_page, artifacts
):
    goal = draft_plan.goals.order_by("order").first()
    first, second = new_page(), new_page()
    sign_in(first, "demo")
    sign_in(second, "koordinaattori")
    open_goal_form(first, draft_plan, goal)
    open_goal_form(second, draft_plan, goal)

    first.locator(f"#goal-{goal.pk} #id_title_fi").fill("Strategian toimeenpano (ensimmäinen)")
    first.locator(f"#goal-{goal.pk}").get_by_role("button", name="Tallenna").click()
    expect(first.locator("#messages")).to_contain_text("Tavoite tallennettiin.")

    second.locator(f"#goal-{goal.pk} #id_title_fi").fill("Strategian toimeenpano (toinen)")
    second.locator(f"#goal-{goal.pk}").get_by_role("button", name="Tallenna").click()
    alert = second.locator("#editor-alerts [role=alert]")
    expect(alert).to_contain_text("Joku muu tallensi tämän sillä välin")
    expect(alert.locator("table")).to_contain_text("Strategian toimeenpano (toinen)")
    expect(alert.locator("table")).to_contain_text("Strategian toimeenpano (ensimmäinen)")
    expect(alert).to_contain_text("Demo")
    assert_accessible(second)
    second.screenshot(path=artifacts / "conflict.png", full_page=True)

    goal.refresh_from_db()
    assert goal.title_fi == "Strategian toimeenpano (ensimmäinen)"
    assert goal.lock_version == 2


def test_a_coordinator_takes_a_draft_to_the_boards_decision(draft_plan, new_page, artifacts):
    page = new_page()
    sign_in(page, "koordinaattori")
    # Last period's texts first: each is read, its old dates marked, and confirmed.
    page.goto(f"/fi/plans/{draft_plan.pk}/edit/")
    items = page.locator("#carried-over .carried-list > li")
    expect(page.locator("#carried-over")).to_contain_text("24 tekstiä odottaa vielä tarkistusta")
    expect(page.locator("#carried-over mark").first).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=artifacts / "carried-over.png", full_page=True)
    for remaining in (23, 22, 21):
        items.first.get_by_role("button", name=re.compile("^Pitää paikkansa")).click()
        expect(items).to_have_count(remaining)
    reviewed(draft_plan, User.objects.get(username="koordinaattori"))  # the other 21 alike
    page.reload()
    expect(page.locator("#carried-over")).to_have_count(0)
    page.goto(f"/fi/plans/{draft_plan.pk}/")
    page.get_by_role("link", name="Esitä").click()
    assert_accessible(page)
    page.get_by_label("Kenelle esitetään").select_option(label="Poliittinen johtoryhmä")
    page.get_by_role("button", name="Esitä").click()
    expect(page.locator(".status")).to_have_text("Esitetty")
    expect(page.locator("code.hash")).to_have_text(re.compile("^[0-9a-f]{64}$"))

    page.get_by_role("link", name="Kirjaa päätös").click()
    assert_accessible(page)
    page.get_by_label(re.compile("^Päätös")).select_option("approve")
    page.get_by_label(re.compile("^Toimielin")).select_option(label="Kunnanhallitus")
    page.get_by_label(re.compile("^Kokouspäivä")).fill("2026-03-30")
    page.wait_for_load_state("networkidle")  # the form again, with the board's members that day
    # The board's approval of his goals: the executive is proposed as disqualified.
    expect(
        page.get_by_role("group", name="Kansliapäällikkö, johtaja").get_by_label(
            re.compile("^esteellinen")
        )
    ).to_be_checked()
    assert_accessible(page)
    page.get_by_label(re.compile("^Pykälä")).fill("45")
    page.get_by_label(re.compile("^Esittelijä")).select_option(label="Kalle Ikkelä")
    page.get_by_label(re.compile("^Muut läsnäolijat")).select_option(label="Kalle Ikkelä")
    page.screenshot(path=artifacts / "decision-form.png", full_page=True)
    page.get_by_role("button", name="Kirjaa").click()
    expect(page.locator("#messages")).to_contain_text("Päätös kirjattiin.")
    expect(page.locator(".status")).to_have_text("Hyväksytty hallituksessa")
    expect(page.locator("table").last).to_contain_text("Esittelijä: Kalle Ikkelä")
    assert_accessible(page)
    page.screenshot(path=artifacts / "plan-approved.png", full_page=True)

    page.get_by_role("button", name="Muuta: aloita uusi versio").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Muokkaa luonnosta")
    new = m.GoalPlan.objects.get(series=draft_plan.series, version_no=2)
    goal = new.goals.order_by("order").first()
    open_goal_form(page, new, goal)
    page.locator(f"#goal-{goal.pk} #id_title_fi").fill("Strategian toimeenpanon johtaminen 2026")
    page.locator(f"#goal-{goal.pk}").get_by_role("button", name="Tallenna").click()
    expect(page.locator("#messages")).to_contain_text("Tavoite tallennettiin.")
    page.goto(f"/fi/plans/{new.pk}/versions/")
    expect(page.locator(".diff ins").first).to_contain_text("2026")
    assert_accessible(page)
    page.screenshot(path=artifacts / "versions-diff.png", full_page=True)
