"""The demo's worked examples: Tuusula 2025 followed up and evaluated, and the fictional
Esimerkkilä with weights, numeric indicators and a bonus rule (suunta/demo/cycle.py)."""

from decimal import Decimal

import pytest

from suunta.demo import seed
from suunta.goals import models as m
from suunta.goals import queries, scoring
from tests.conftest import client_for


@pytest.fixture
def full_demo(db):
    seed.load(accounts=True)


def test_tuusula_2025_is_followed_up_in_august_and_evaluated_in_the_winter(full_demo):
    plan = m.GoalPlan.objects.get(organisation__slug="tuusula")
    assert plan.status == "evaluated" and plan.scale is not None
    august, winter = plan.checkpoints.order_by("order")
    for goal in plan.goals.all():
        assert goal.follow_ups.get(checkpoint=august, kind="self").text_fi
        assert goal.follow_ups.get(checkpoint=august, kind="joint").rating is not None
        assert goal.follow_ups.get(checkpoint=winter, kind="joint").rating is not None
    evaluation = plan.decisions.get(kind="evaluate")
    assert evaluation.presenter.title_fi == "Pormestari"
    assert [p.title_fi for p in evaluation.disqualified.all()] == ["Kansliapäällikkö"]
    # The content and its hash are what the board approved.
    content = queries.plan_content(queries.plan_summary(plan))
    assert queries.content_hash(content) == plan.content_hash
    score = scoring.plan_score(queries.plan_summary(plan))
    assert score.checkpoint == winter and score.total is not None


def test_esimerkkila_shows_weights_values_and_the_bonus_step_by_step(full_demo, settings):
    from suunta.accounts.models import User

    settings.DEMO_MODE = True  # the demo accounts act only in demo mode

    plan = m.GoalPlan.objects.get(organisation__slug="esimerkkila")
    assert plan.status == "in_follow_up"
    assert sum(g.weight for g in plan.goals.all()) == 100
    summary = queries.plan_summary(plan)
    score = scoring.plan_score(summary)
    # June 2026 on thresholds: 100 %, 50 %, 50 %, 50 % at weights 40/25/20/15:
    # 40 + 12,5 + 10 + 7,5 = 70,00 % → the payout table's row "from 50 %": 2 000 €.
    assert score.total == Decimal("70.00")
    reward = scoring.reward(summary, score)
    assert reward is not None and reward.amount == Decimal("2000")
    client = client_for(User.objects.get(username="hallitus"))
    page = client.get(f"/fi/plans/{plan.pk}/score/").content.decode()
    assert "70,00 %" in page and "2\u00a0000,00 €" in page
    plan_page = client.get(f"/fi/plans/{plan.pk}/").content.decode()
    assert plan_page.count('role="img"') == 6  # one chart per numeric indicator


def test_every_state_in_the_demo_was_reached_by_an_action_of_the_role_that_takes_it(
    full_demo, mailoutbox
):
    """The demo writes no status itself: each signed-off record, closed survey and reviewed
    declaration has the audit event of its action, by the account whose role takes it, and the
    dates are those of the history it records (core.clock.as_of)."""
    import datetime

    from suunta.audit.models import AuditEvent
    from suunta.discussions.models import Discussion
    from suunta.register.models import InterestDeclaration
    from suunta.surveys.models import Invitation, Survey

    def done_by(action, obj):
        events = AuditEvent.objects.filter(action=action, object_id=str(obj.pk))
        return [e.actor.username for e in events]

    signed = {d.held_on: d for d in Discussion.objects.all()}
    assert {d.status for d in signed.values()} == {"signed_off"}
    for held_on, discussion in signed.items():
        assert done_by("discussion.sign_off", discussion) == ["pormestari"]
        assert discussion.signed_off_by.title_fi == "Pormestari"
        assert discussion.signed_off_at.date() == held_on + datetime.timedelta(days=2)

    survey = Survey.objects.get()
    assert survey.status == "closed" and done_by("survey.close", survey) == ["koordinaattori"]
    assert survey.closed_at.date() == survey.closes_on
    assert survey.responses.count() == Invitation.objects.filter(answered=True).count() == 5

    for declaration in InterestDeclaration.objects.exclude(status="submitted"):
        assert done_by("register.declaration_review", declaration) == ["tarkastus"]
        two_weeks_after = declaration.declared_on + datetime.timedelta(days=14)
        assert declaration.reviews.get().reviewed_on == two_weeks_after

    joint = m.FollowUpEntry.objects.filter(kind="joint", goal__plan__organisation__slug="tuusula")
    assert joint.count() == 12 and {e.author.title_fi for e in joint} == {"Pormestari"}
    # The survey's links and the correction request went to fictional people: not sent.
    assert mailoutbox == []
