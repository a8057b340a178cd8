"""No typed text is lost on the follow-up page (the usability review's gap 2): text typed in
three goals is saved by one press of the form's save; each goal is also saved as its field is
left, with a visible "saved" state; leaving the page with text not yet saved asks first."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from suunta.goals import models as m
from suunta.organisations.models import ExecutivePost, Organisation
from tests.schedule_setup import people, plan_in_follow_up

from .test_browser import assert_accessible, sign_in

TEXTS = {
    1: "Talousarvio pitää; investoinnit aikataulussa.",
    2: "Johtoryhmän työtapa uudistettu keväällä.",
    3: "Organisaatiorakenteen arviointi valmistuu syksyllä.",
}


def test_three_goals_typed_saved_once_and_each_saved_as_its_field_is_left(
    demo_data, new_page, artifacts
):
    org = Organisation.objects.get(slug="tuusula")
    post = ExecutivePost.objects.get(organisation=org)
    today = timezone.localdate()
    plan = plan_in_follow_up(org, post, [(today, today + datetime.timedelta(days=7))], goals=4)
    checkpoint = plan.checkpoints.get()
    people(org)
    url = f"/fi/plans/{plan.pk}/checkpoints/{checkpoint.pk}/follow-up/?kind=joint"

    # Without JavaScript: typed into three goals one after the other (the old page lost goal
    # 2's text when goal 3 was saved), then the form's one save saves all three.
    plain = new_page(javascript=False)
    sign_in(plain, "koordinaattori1", "pw-koordinaattori1")
    plain.goto(url)
    for number, text in TEXTS.items():
        plain.locator(f"#id_g{number}_text_fi").fill(text)
    plain.get_by_role("button", name="Tallenna seuranta").click()
    expect(plain.locator("#messages")).to_contain_text("Seuranta tallennettiin.")
    saved = dict(
        m.FollowUpEntry.objects.filter(checkpoint=checkpoint, kind="joint").values_list(
            "goal__order", "text_fi"
        )
    )
    assert saved == TEXTS
    for number, text in TEXTS.items():
        expect(plain.locator(f"#id_g{number}_text_fi")).to_have_value(text)
    plain.screenshot(path=artifacts / "follow-up-form-saved.png", full_page=True)

    page = new_page()
    sign_in(page, "koordinaattori1", "pw-koordinaattori1")
    page.goto(url)
    assert_accessible(page)
    # Goal 4 saved as its field is left: the goal says so, the database has it.
    page.locator("#id_g4_text_fi").fill("Kirjoitettu ja tallennettu kentästä poistuttaessa.")
    page.locator("#id_g4_text_fi").press("Tab")
    expect(page.locator("#g4-state")).to_contain_text(re.compile(r"Tallennettu klo \d"))
    assert m.FollowUpEntry.objects.get(checkpoint=checkpoint, goal__order=4).text_fi == (
        "Kirjoitettu ja tallennettu kentästä poistuttaessa."
    )
    assert_accessible(page)
    page.screenshot(path=artifacts / "follow-up-form-autosaved.png", full_page=True)

    # Text typed and not yet saved: leaving asks first, and staying keeps the text.
    page.locator("#id_g2_text_fi").fill("Muutos, jota ei ole vielä tallennettu.")
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.get_by_role("link", name="Takaisin tavoiteasiakirjaan").click()
    expect(page.locator("#id_g2_text_fi")).to_have_value("Muutos, jota ei ole vielä tallennettu.")
    assert dialogs == ["beforeunload"]
    assert re.search(r"/follow-up/", page.url)
    # Once saved, leaving asks nothing.
    page.get_by_role("button", name="Tallenna seuranta").click()
    expect(page.locator("#messages")).to_contain_text("Seuranta tallennettiin.")
    page.get_by_role("link", name="Takaisin tavoiteasiakirjaan").click()
    page.wait_for_url(f"**/fi/plans/{plan.pk}/")
    assert dialogs == ["beforeunload"]
    expect(page.locator("table.goal-table")).to_contain_text("Muutos, jota ei ole vielä")
