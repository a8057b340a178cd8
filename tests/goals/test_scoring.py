"""Weights, the achievement score and the reward rules, against examples worked by hand."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import translation

from suunta.accounts.models import Role
from suunta.goals import actions, queries, scoring
from suunta.goals import models as m
from suunta.goals.models.plans import FrozenContent
from suunta.organisations.models import Body, ExecutivePost, Membership, Person
from tests.conftest import client_for, make_plan, make_user, move_to

D = Decimal


@pytest.fixture(autouse=True)
def in_english():
    """The computations' messages are checked in English (the pages in their own language)."""
    with translation.override("en"):
        yield


def percent_scale(org):
    return m.RatingScale.objects.create(organisation=org, name_fi="Prosentti", kind="percent")


def rated_plan(demo, *, weights, ratings, rule=None, status="in_follow_up", content=None):
    """A plan with one goal per weight, rated jointly at its last checkpoint (per cent).
    `content(plan)` writes more content while the plan is still a draft."""
    org = demo["tuusula"]
    post = ExecutivePost.objects.get(organisation=org)
    plan = make_plan(org, post, goals=len(weights), indicators=1, checkpoints=2)
    m.FollowUpEntry.objects.filter(goal__plan=plan).delete()
    m.GoalPlan.objects.filter(pk=plan.pk).update(scale=percent_scale(org))
    for goal, weight in zip(plan.goals.order_by("order"), weights, strict=True):
        m.Goal.objects.filter(pk=goal.pk).update(weight=weight)
    if rule is not None:
        m.RewardRule.objects.create(plan=plan, **rule)
    if content is not None:
        content(plan)
    last = plan.checkpoints.order_by("order").last()
    for goal, rating in zip(plan.goals.order_by("order"), ratings, strict=True):
        if rating is not None:
            m.FollowUpEntry.objects.create(
                goal=goal, checkpoint=last, kind="joint", text_fi="Arvio", rating=rating
            )
    move_to(plan, status)
    plan.refresh_from_db()
    return plan


def compute(plan):
    summary = queries.plan_summary(plan)
    score = scoring.plan_score(summary)
    return score, scoring.reward(summary, score)


# --- Weights ---------------------------------------------------------------------------------


def test_equal_weights_when_none_are_set_and_the_steps_add_up(demo):
    # Three goals, no weights: 33,33 % each. Ratings 100 %, 50 %, 0 %:
    # 33,33 × 100 % = 33,33; 33,33 × 50 % = 16,67 (16,665 rounded half up); 0. Sum 50,00 %.
    score, _ = compute(rated_plan(demo, weights=[None] * 3, ratings=[100, 50, 0]))
    assert [g.weight for g in score.goals] == [D("33.33")] * 3
    assert [g.contribution for g in score.goals] == [D("33.33"), D("16.67"), D("0.00")]
    assert score.total == D("50.00") and score.weights_equal


def test_weighted_score_with_a_payout_table_and_the_cap(demo):
    # Weights 40/30/20/10, achieved 100/80/50/0: 40 + 24 + 10 + 0 = 74,00 %.
    # Payout table: from 90 % 6 000 €, from 70 % 3 000 €, from 50 % 1 000 € → 3 000 €.
    # Cap 0,5 months × 5 200 € = 2 600 € → the reward is 2 600 €.
    plan = rated_plan(
        demo,
        weights=[40, 30, 20, 10],
        ratings=[100, 80, 50, 0],
        rule={
            "kind": "weighted",
            "payout_table": [
                {"from": "50", "amount": "1000"},
                {"from": "70", "amount": "3000"},
                {"from": "90", "amount": "6000"},
            ],
            "cap_months": D("0.5"),
            "monthly_salary": D("5200"),
        },
    )
    score, reward = compute(plan)
    assert score.total == D("74.00")
    assert [s.amount for s in reward.steps] == [None, D("3000"), D("2600.00")]
    assert reward.amount == D("2600.00")
    page = client_for(make_user("member", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)).get(
        f"/fi/plans/{plan.pk}/score/"
    )
    text = page.content.decode()
    assert page.status_code == 200
    for shown in ("74,00 %", "40,00 % × 100,00 % = 40,00 %", "3\u00a0000,00 €", "2\u00a0600,00 €"):
        assert shown in text, shown


def test_below_the_payout_table_pays_nothing(demo):
    plan = rated_plan(
        demo,
        weights=[50, 50],
        ratings=[40, 40],
        rule={"kind": "weighted", "payout_table": [{"from": "50", "amount": "1000"}]},
    )
    score, reward = compute(plan)
    assert score.total == D("40.00") and reward.amount == 0


def test_all_or_nothing(demo):
    rule = {"kind": "all_or_nothing", "fixed_amount": D("4000"), "met_at": D("100")}
    _, met = compute(rated_plan(demo, weights=[None] * 3, ratings=[100, 100, 100], rule=rule))
    assert met.amount == D("4000")
    _, unmet = compute(rated_plan(demo, weights=[None] * 3, ratings=[100, 50, 100], rule=rule))
    assert unmet.amount == 0 and "2" in unmet.steps[-1].text


def test_thresholds_per_goal(demo):
    # Goal 1: 2 000 € at full, minimum 50 %, achieved 80 % → 1 600 €.
    # Goal 2: 1 000 € at full, minimum 50 %, achieved 40 % → nothing. Goal 3: no terms.

    def terms(plan):
        keys = [str(k) for k in plan.goals.order_by("order").values_list("key", flat=True)]
        m.RewardRule.objects.create(
            plan=plan,
            kind="goal_thresholds",
            goal_terms={
                keys[0]: {"amount": "2000", "minimum": "50"},
                keys[1]: {"amount": "1000", "minimum": "50"},
            },
        )

    plan = rated_plan(demo, weights=[None] * 3, ratings=[80, 40, 100], content=terms)
    _, reward = compute(plan)
    assert [s.amount for s in reward.steps] == [D("1600.00"), D("0"), D("0"), D("1600.00")]
    assert reward.amount == D("1600.00")


def test_a_discretionary_amount_is_the_boards_decision_and_is_capped(demo):
    plan = rated_plan(
        demo,
        weights=[None],
        ratings=[100],
        status="evaluated",
        rule={"kind": "discretionary", "cap_months": D("0.25"), "monthly_salary": D("8000")},
    )
    _, before = compute(plan)
    assert before.amount is None
    board = Body.objects.get(organisation=demo["tuusula"], kind="board")
    coordinator = make_user("coord", demo["tuusula"])
    decision = actions.record_decision(
        plan,
        data={
            "kind": "reward",
            "body": board,
            "meeting_date": datetime.date(2031, 2, 20),
            "section": "31",
            "amount": D("2500"),
        },
        actor=coordinator,
    )
    _, after = compute(plan)
    assert after.amount == D("2000.00") and after.decided == decision


def test_a_goal_without_a_joint_rating_is_computed_from_its_numeric_indicators(demo):
    # Indicator 1: baseline 10, target 20, value 15 → 50 %. Indicator 2: baseline 5, target 3
    # (lower is better), value 3,5 → (3,5 − 5) / (3 − 5) = 75 %. Equal shares: 62,50 %.

    def indicators(plan):
        goal = plan.goals.get()
        m.Indicator.objects.filter(goal=goal).update(
            baseline=10, target=20, direction="increase", text_fi="Mittari A"
        )
        m.Indicator.objects.create(
            goal=goal, order=2, text_fi="Mittari B", baseline=5, target=3, direction="decrease"
        )

    plan = rated_plan(demo, weights=[None], ratings=[None], content=indicators)
    goal = plan.goals.get()
    first, second = goal.indicators.order_by("order")
    day = plan.checkpoints.order_by("order").last().closes_on
    m.IndicatorValue.objects.create(indicator=first, measured_on=day, value=15)
    m.IndicatorValue.objects.create(indicator=second, measured_on=day, value=D("3.5"))
    m.IndicatorValue.objects.create(  # after the checkpoint: not counted
        indicator=second, measured_on=day + datetime.timedelta(days=1), value=3
    )
    score, _ = compute(plan)
    g = score.goals[0]
    assert [s.achievement for s in g.indicators] == [D("50.00"), D("75.00")]
    assert g.source == "indicators" and g.achievement == D("62.50") and score.total == D("62.50")


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ([D(50), D(40)], "90"),
        ([D(50), None], "every goal"),
        ([D(120), D(-20)], "between 0 and 100"),
    ],
)
def test_goal_weights_that_do_not_add_up_are_refused(weights, message):
    errors = scoring.goal_weight_errors(weights)
    assert errors and message in " ".join(errors)


def test_indicator_shares():
    assert scoring.indicator_weight_errors([D(60), None]) == []
    assert scoring.split_weights([D(60), None, None]) == [D(60), D(20), D(20)]
    assert scoring.indicator_weight_errors([D(60), D(50)])
    assert scoring.indicator_weight_errors([D(60), D(30)])


def test_the_weights_page_saves_all_or_nothing(demo, coordinator, draft):
    client = client_for(coordinator)
    goals = list(draft.goals.order_by("order"))
    locks = {f"lock-{x.pk}": x.lock_version for g in goals for x in (g, *g.indicators.all())}
    bad = {**locks, **{f"goal-{g.pk}": "10" for g in goals}}
    response = client.post(f"/en/plans/{draft.pk}/weights/", bad)
    assert response.status_code == 422
    assert "they must add up to 100" in response.content.decode()
    assert not m.Goal.objects.filter(plan=draft, weight__isnull=False).exists()
    good = {**locks, **{f"goal-{g.pk}": "" for g in goals}}
    good[f"goal-{goals[0].pk}"] = "50"
    good[f"goal-{goals[1].pk}"] = "12,5"
    rest = len(goals) - 2
    for g in goals[2:]:
        good[f"goal-{g.pk}"] = str(D("37.5") / rest).replace(".", ",")
    indicator = goals[0].indicators.order_by("order").first()
    good[f"indicator-{indicator.pk}"] = "70"
    response = client.post(f"/fi/plans/{draft.pk}/weights/", good)
    assert response.status_code == 302, response.content.decode()[:3000]
    goals[1].refresh_from_db()
    indicator.refresh_from_db()
    assert goals[1].weight == D("12.5") and indicator.weight == D("70")
    assert goals[1].lock_version == 2
    # The same page posted again is stale: someone (we) changed the weights meanwhile.
    stale = client.post(f"/en/plans/{draft.pk}/weights/", {**good, f"goal-{goals[1].pk}": ""})
    assert stale.status_code == 409
    goals[1].refresh_from_db()
    assert goals[1].weight == D("12.5")


def test_a_plan_whose_weights_do_not_add_up_cannot_be_proposed(demo, coordinator, draft):
    m.Goal.objects.filter(pk=draft.goals.order_by("order").first().pk).update(weight=30)
    with pytest.raises(ValidationError) as refused:
        actions.propose_plan(draft, actor=coordinator)
    assert "every goal" in " ".join(refused.value.messages)
    draft.refresh_from_db()
    assert draft.status == "draft"


# --- The reward rule as plan content -----------------------------------------------------------


def test_the_reward_rule_form_validates_and_saves(demo, coordinator, draft):
    client = client_for(coordinator)
    response = client.post(
        f"/en/plans/{draft.pk}/reward/rule/",
        {"kind": "weighted", "met_at": "100", "from-0": "150", "amount-0": "1000"},
    )
    assert response.status_code == 422 and "between 0 and 100" in response.content.decode()
    assert not m.RewardRule.objects.filter(plan=draft).exists()
    response = client.post(
        f"/en/plans/{draft.pk}/reward/rule/",
        {"kind": "weighted", "met_at": "100", "cap_months": "1"},
    )
    assert response.status_code == 422
    assert "needs the monthly salary" in response.content.decode()
    response = client.post(
        f"/fi/plans/{draft.pk}/reward/rule/",
        {
            "kind": "weighted",
            "met_at": "100",
            "monthly_salary": "7 500,00",
            "cap_months": "1,5",
            "from-0": "80",
            "amount-0": "5 000",
            "from-1": "60",
            "amount-1": "2 000",
        },
    )
    assert response.status_code == 302
    rule = m.RewardRule.objects.get(plan=draft)
    assert rule.monthly_salary == D("7500") and rule.cap_months == D("1.5")
    assert rule.payout_table == [{"from": "60", "amount": "2000"}, {"from": "80", "amount": "5000"}]
    content = queries.plan_content(queries.plan_summary(draft))
    assert content["reward"]["payout_table"][1] == {"from": "80", "amount": "5000"}


def test_an_approved_plans_reward_rule_cannot_change_by_any_path(demo, coordinator, draft):
    rule = m.RewardRule.objects.create(plan=draft, kind="all_or_nothing", fixed_amount=1000)
    move_to(draft, "approved")
    rule.fixed_amount = 5000
    with pytest.raises(FrozenContent):
        rule.save()
    for sql in (
        "UPDATE goals_rewardrule SET fixed_amount = 5000",
        "DELETE FROM goals_rewardrule",
    ):
        with (
            pytest.raises(Exception, match="frozen"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    with pytest.raises(actions.WrongState):
        actions.save_reward_rule(
            draft, data={"kind": "discretionary"}, expected_lock=1, actor=coordinator
        )
    assert m.RewardRule.objects.get(plan=draft).fixed_amount == 1000


def test_hashes_of_plans_without_weights_or_rules_are_what_they_were(demo):
    plan = demo["plan"]
    content = queries.plan_content(queries.plan_summary(plan))
    assert "reward" not in content
    assert all("weight" not in i for g in content["goals"] for i in g["indicators"])
    assert queries.content_hash(content) == plan.content_hash


# --- The reward decision: the executive is a party ----------------------------------------------


def test_the_reward_decision_has_the_chair_as_presenter_and_needs_an_amount(demo):
    org = demo["tuusula"]
    executive = Person.objects.get(organisation=org, title_fi="Kansliapäällikkö")
    plan = rated_plan(
        demo,
        weights=[None],
        ratings=[100],
        status="evaluated",
        content=lambda p: m.GoalPlan.objects.filter(pk=p.pk).update(executive=executive),
    )
    board = Body.objects.get(organisation=org, kind="board")
    Membership.objects.filter(body=board, role="chair").delete()
    chair = Person.objects.create(organisation=org, name="Puheenjohtaja Testi")
    Membership.objects.create(body=board, person=chair, role="chair")
    coordinator = make_user("coord", org)
    data = {"kind": "reward", "body": board, "meeting_date": datetime.date(2031, 2, 20)}
    with pytest.raises(ValidationError, match="amount"):
        actions.record_decision(plan, data=data, actor=coordinator)
    with pytest.raises(ValidationError, match="presenter"):
        actions.record_decision(
            plan, data={**data, "amount": D(1), "presenter": executive}, actor=coordinator
        )
    decision = actions.record_decision(plan, data={**data, "amount": D(1500)}, actor=coordinator)
    assert decision.presenter == chair
    with pytest.raises(ValidationError, match="amount"):
        actions.record_decision(
            rated_plan(demo, weights=[None], ratings=[100]),
            data={**data, "kind": "evaluate", "amount": D(1)},
            actor=coordinator,
        )
    johtaja = make_user("exec", org, kind=Role.Kind.EXECUTIVE)
    johtaja.roles.create(organisation=org, kind=Role.Kind.COORDINATOR)
    with pytest.raises(PermissionDenied):
        actions.record_decision(plan, data={**data, "amount": D(9)}, actor=johtaja)
    assert m.Decision.objects.filter(plan=plan, kind="reward").count() == 1


def test_a_reward_decision_waits_for_the_evaluation(demo):
    plan = rated_plan(demo, weights=[None], ratings=[100], status="in_follow_up")
    board = Body.objects.get(organisation=demo["tuusula"], kind="board")
    with pytest.raises(actions.WrongState, match=r"evaluated|arvioitu"):
        actions.record_decision(
            plan,
            data={
                "kind": "reward",
                "body": board,
                "meeting_date": datetime.date(2031, 2, 20),
                "amount": D(1),
            },
            actor=make_user("coord", demo["tuusula"]),
        )


def test_an_amendment_and_the_next_plan_keep_the_weights_scale_rule_and_ratings(demo):
    def content(plan):
        first = plan.goals.order_by("order").first().indicators.first()
        m.Indicator.objects.filter(pk=first.pk).update(weight=100)

    plan = rated_plan(
        demo,
        weights=[60, 40],
        ratings=[100, 50],
        status="approved",
        content=content,
        rule={"kind": "all_or_nothing", "fixed_amount": D(3000)},
    )
    coordinator = make_user("coord", demo["tuusula"])
    amendment = actions.start_amendment(plan, actor=coordinator)
    following = actions.start_next_plan(plan, actor=coordinator)
    for new in (amendment, following):
        assert new.scale_id == plan.scale_id
        assert sorted(new.goals.values_list("weight", flat=True)) == [40, 60]
        assert new.goals.order_by("order").first().indicators.first().weight == 100
        assert new.reward_rule.fixed_amount == 3000
    ratings = m.FollowUpEntry.objects.filter(goal__plan=amendment).values_list("rating", flat=True)
    assert sorted(ratings) == [50, 100]
    before, after = (compute(p)[0].total for p in (plan, amendment))
    assert before == after == D("80.00")
