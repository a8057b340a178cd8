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
