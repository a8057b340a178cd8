"""A discussion record from the agenda template to sign-off in a real Chromium, with axe checks:
the confidential item stays with the participants, a board member reads only the public part."""

import re

from playwright.sync_api import expect

from suunta.demo import seed
from suunta.discussions.models import Discussion
from suunta.goals import models as m
from suunta.organisations.models import ExecutivePost, Person

from .test_browser import assert_accessible, sign_in

SECRET = "Väsymystä syksyn säästöohjelman takia; lomat pidetään suunnitellusti."


def test_a_partner_records_a_discussion_and_a_board_member_does_not_see_the_confidential_item(
    demo_data,
    new_page,
    artifacts,
):
    post = ExecutivePost.objects.get(organisation__slug="tuusula")
    plan = m.GoalPlan.objects.get(organisation__slug="tuusula")
    deputy = Person.objects.get(id=seed.uid("tuusula/person/deputy-mayor-1"))
    mayor = Person.objects.get(id=seed.uid("tuusula/person/mayor"))

    page = new_page(locale="en-GB")
    sign_in(page, "kumppani", lang="en")
    page.goto(f"/en/posts/{post.pk}/")
    expect(page.locator("#discussions")).to_contain_text("Evaluation discussion 11.2.2026")
    assert_accessible(page)
    page.get_by_role("link", name="Record a discussion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New discussion record")
    page.get_by_label("Kind").select_option("development")
    page.get_by_label("Date").fill("2026-09-15")
    page.get_by_label("Goal plan").select_option(str(plan.pk))
    page.locator(f"input[name=participants][value='{mayor.pk}']").check()
    page.locator(f"input[name=participants][value='{deputy.pk}']").check()
    assert_accessible(page)
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Development discussion 15.9.2026")
    discussion = Discussion.objects.get(held_on="2026-09-15")
    items = list(discussion.items.order_by("order"))
    assert len(items) == 8
    expect(page.locator("ol.agenda > li")).to_have_count(8)
    assert_accessible(page)

    # Remove the items not discussed; write the minutes of the rest.
    for item in items[4:]:
        if item.title_fi != "Organisaation toimivuus":
            page.locator(f"#item-{item.pk}").get_by_role(
                "button", name=re.compile("^Remove")
            ).click()
            expect(page.locator(f"#item-{item.pk}")).to_have_count(0)
    kept = list(discussion.items.order_by("order"))
    assert [i.title_fi for i in kept][-1] == "Organisaation toimivuus"
    for item in kept:
        page.locator(f"#item-{item.pk}").get_by_role(
            "link", name=re.compile("^Write minutes")
        ).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Minutes of the item")
        if item.title_fi == "Organisaation toimivuus":
            page.locator("#id_minutes_fi").fill(SECRET)
            page.get_by_label("Confidential").check()
            assert_accessible(page)
        else:
            page.locator("#id_minutes_fi").fill(f"Käsiteltiin: {item.title_fi}.")
        page.get_by_role("button", name="Save").click()
        expect(page.locator("#messages")).to_contain_text("The agenda item was saved.")
    secret_item = discussion.items.get(title_fi="Organisaation toimivuus")
    expect(page.locator(f"#item-{secret_item.pk} .tag")).to_have_text("confidential")

    # An agreed action with a budget written the Finnish way.
    page.get_by_role("link", name="Add an action").click()
    page.locator("#id_description_fi").fill("Strategiatyön valmennus")
    page.get_by_label("Responsible").select_option(label="Kansliapäällikkö")
    page.get_by_label("Due date").fill("2026-08-01")
    page.get_by_label("Budget (€)").fill("2 500,50")
    page.get_by_role("button", name="Add").click()
    expect(page.locator("#id_due_on_errors")).to_contain_text(
        "The due date cannot be before the discussion."
    )
    assert_accessible(page)
    page.get_by_label("Due date").fill("2026-12-31")
    page.get_by_role("button", name="Add").click()
    expect(page.locator("#actions")).to_contain_text("2\xa0500,50 €")

    # Sign off: read-only from now on.
    page.get_by_role("link", name="Sign off").click()
    assert_accessible(page)
    page.get_by_role("button", name="Sign off").click()
    expect(page.locator(".lead .status")).to_have_text("signed off")
    expect(page.get_by_role("link", name=re.compile("^Write minutes"))).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("^Follow up"))).to_have_count(1)
    assert_accessible(page)
    page.screenshot(path=artifacts / "discussion-signed-off.png", full_page=True)

    # A board member reads the public minutes only.
    board = new_page(locale="en-GB")
    sign_in(board, "hallitus", lang="en")
    board.goto(f"/en/discussions/{discussion.pk}/")
    expect(board.locator("ol.agenda")).to_contain_text("Käsiteltiin: Keskustelun tarkoitus.")
    expect(board.locator("ol.agenda > li")).to_have_count(len(kept) - 1)
    assert SECRET not in board.content()
    assert "Organisaation toimivuus" not in board.content()
    expect(
        board.get_by_text("1 confidential item is read only by the participants")
    ).to_be_visible()
    assert_accessible(board)
    board.screenshot(path=artifacts / "discussion-board-member.png", full_page=True)


def test_a_coordinator_reorders_the_agenda_template(demo_data, new_page):
    from suunta.discussions.models import AgendaTemplate

    template = AgendaTemplate.objects.get(organisation__slug="tuusula", is_default=True)
    page = new_page(locale="en-GB")
    sign_in(page, "koordinaattori", lang="en")
    page.goto("/en/o/tuusula/agendas/")
    assert_accessible(page)
    page.get_by_role("link", name="Tavoite- ja kehityskeskustelu").click()
    assert_accessible(page)
    page.locator("#id_items-7-ORDER").fill("0")
    page.locator("#id_items-8-title_fi").fill("Muut asiat")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#messages")).to_contain_text("The agenda was saved.")
    titles = list(template.items.values_list("title_fi", flat=True))
    assert titles[0] == "Palkkaus" and titles[-1] == "Muut asiat" and len(titles) == 9
