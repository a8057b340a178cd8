"""An evaluation survey end to end in a real Chromium: the coordinator creates and sends it (the
mail goes to a real SMTP server on loopback), a board member opens the link from the mail and
answers, and the coordinator reads the results – with axe checks of every page on the way.

Elements are found by their ids, names and the survey's own content rather than interface text,
so the test holds before and after the interface strings are translated."""

import re

from playwright.sync_api import expect

from suunta.goals import models as m
from suunta.surveys.models import Response, Survey
from tests import smtp

from .test_browser import assert_accessible, sign_in

smtp_server = smtp.smtp_server
LINK = re.compile(r"https?://[^/\s]+(/(?:fi|sv)/survey/[A-Za-z0-9_-]+/)")


def test_a_survey_is_sent_answered_from_the_mail_and_its_results_read(
    demo_data,
    smtp_server,
    new_page,
    artifacts,
):
    plan = m.GoalPlan.objects.get(organisation__slug="tuusula")
    coordinator = new_page()
    sign_in(coordinator, "koordinaattori")
    coordinator.goto(f"/fi/plans/{plan.pk}/")
    coordinator.locator(f'a[href="/fi/plans/{plan.pk}/surveys/new/"]').click()
    expect(coordinator.locator("#id_criterion_1_fi")).to_have_value("Tavoitteiden saavuttaminen")
    assert_accessible(coordinator)
    coordinator.locator("#id_title_fi").fill("Kansliapäällikön arviointi, selaintesti")
    coordinator.locator("form.form button[type=submit]").click()

    survey = Survey.objects.get(title_fi="Kansliapäällikön arviointi, selaintesti")
    expect(coordinator).to_have_url(re.compile(rf"/fi/surveys/{survey.pk}/$"))
    recipients = coordinator.locator("input[name=recipients]")
    expect(recipients).to_have_count(8)
    for n in range(8):
        expect(recipients.nth(n)).to_be_checked()
    # Ask three board members; the council chair, who has no address, stays chosen.
    for n in range(3, 7):
        recipients.nth(n).uncheck()
    assert_accessible(coordinator)
    coordinator.locator(f'form[action="/fi/surveys/{survey.pk}/send/"] button').click()
    expect(coordinator.locator("#messages .message.error")).to_contain_text(
        "Valtuuston puheenjohtaja"
    )
    expect(coordinator.locator("ul.invitations li")).to_have_count(3)

    mails = smtp_server.wait_for(3)
    assert len(mails) == 3
    links = [LINK.search(smtp_server.body(mail)).group(1) for mail in mails]
    assert len(smtp_server.to("kh-jasen-1@demo.suunta.invalid")) == 1

    criteria = survey.criteria.order_by("order")
    member = new_page()  # no sign-in: the link is the credential
    for number, link in enumerate(links):
        member.goto(link)
        question = member.get_by_role("group", name="1. Tavoitteiden saavuttaminen")
        expect(question).to_be_visible()
        if number == 0:
            assert_accessible(member)
        question.get_by_label("4 – kiitettävä").check()
        member.get_by_role("group", name="2. Johtaminen").get_by_label("5 – erinomainen").check()
        for criterion in criteria[2:4]:
            member.locator(f'input[name="c_{criterion.pk}"][value="3"]').check()
        member.locator(f'input[name="c_{criteria[4].pk}"][value="cannot_say"]').check()
        if number == 0:
            member.locator("#id_comment").fill("Selkeä ja avoin vuosi.")
            member.screenshot(path=artifacts / "survey-answer.png", full_page=True)
        member.locator("form.survey-answer button[type=submit]").click()
        expect(member.locator("h1")).to_be_visible()
        if number == 0:
            assert_accessible(member)
    assert Response.objects.filter(survey=survey).count() == 3

    member.goto(links[0])  # the link works once
    expect(member.locator("[role=alert]")).to_be_visible()
    assert member.locator("form.survey-answer").count() == 0

    # While answers can still come in, no figures: only how many have answered.
    coordinator.goto(f"/fi/surveys/{survey.pk}/")
    expect(coordinator.locator("#results-later")).to_be_visible()
    assert coordinator.locator(".survey-result .mean").count() == 0
    coordinator.locator(f'form[action="/fi/surveys/{survey.pk}/close/"] button').click()

    coordinator.goto(f"/fi/surveys/{survey.pk}/")
    first = coordinator.locator(".survey-result").first
    expect(first.locator(".mean")).to_have_text("4,00")
    expect(first.locator("svg.bar-chart rect")).to_have_count(6)
    expect(coordinator.locator(".survey-comments")).to_contain_text("Selkeä ja avoin vuosi.")
    assert_accessible(coordinator)
    coordinator.screenshot(path=artifacts / "survey-results.png", full_page=True)
