"""Progress views: each goal's latest joint rating of a plan, and a post's plans over the
years."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from suunta.accounts.models import Role
from suunta.demo import cycle, seed
from suunta.goals import actions
from suunta.goals import models as m
from suunta.organisations.models import ExecutivePost
from suunta.progress import queries
from tests.conftest import client_for, make_plan, make_user, move_to


@pytest.fixture
def followed_up(demo):
    """Tuusula 2025 with the demo's follow-up of August 2025 and January/February 2026."""
    cycle.tuusula_follow_up(demo["tuusula"])
    demo["plan"].refresh_from_db()
    return demo


def _svg(html: str) -> str:
    match = re.search(r"<svg.*?</svg>", html, re.S)
    assert match, "no chart in the page"
    return match.group(0)


def test_each_goal_shows_its_latest_joint_rating_on_the_plans_scale(followed_up):
    plan = followed_up["plan"]
    board = make_user("board", followed_up["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    response = client_for(board).get(f"/fi/plans/{plan.pk}/progress/")
    assert response.status_code == 200
    progress = response.context["progress"]
    # January/February 2026: ratings 3, 2, 3, 3, 3, 2 on the traffic light (100 / 50 / 0 %).
    assert [g.achievement for g in progress.goals] == [
        Decimal(100),
        Decimal(50),
        Decimal(100),
        Decimal(100),
        Decimal(100),
        Decimal(50),
    ]
    assert {g.checkpoint.label_fi for g in progress.goals} == {"tammikuu/helmikuu 2026"}
    assert progress.mean_achievement == Decimal("83.33")
    assert progress.score is None  # no weights
    html = response.content.decode()
    assert "Toteutunut" in html and "Edennyt osittain" in html
    assert "83 %" in html
    svg = _svg(html)
    assert "style=" not in svg
    assert "<title" in svg and "<desc" in svg
    # Every bar carries its rating and per cent as text, not only as a colour or a length.
    assert svg.count("Toteutunut – 100 %") == 4
    assert svg.count("Edennyt osittain – 50 %") == 2


def test_a_goal_without_a_rating_says_so_and_the_latest_rated_checkpoint_counts(followed_up):
    tuusula = followed_up["tuusula"]
    post = ExecutivePost.objects.get(organisation=tuusula)
    plan = make_plan(tuusula, post, goals=3, checkpoints=2)
    m.GoalPlan.objects.filter(pk=plan.pk).update(scale=followed_up["plan"].scale)
    move_to(plan, "in_follow_up")
    goals = list(plan.goals.order_by("order"))
    entries = m.FollowUpEntry.objects.filter(goal__plan=plan)
    # Goal 1: rated at the first checkpoint only, so that rating is its latest.
    entries.filter(goal=goals[0], checkpoint__order=1).update(rating=2)
    # Goal 2: no rating at all. Goal 3: rated at both.
    entries.filter(goal=goals[2], checkpoint__order=1).update(rating=1)
    entries.filter(goal=goals[2], checkpoint__order=2).update(rating=3)
    user = make_user("partner", tuusula, kind=Role.Kind.DISCUSSION_PARTNER)
    response = client_for(user).get(f"/en/plans/{plan.pk}/progress/")
    progress = response.context["progress"]
    first, second, third = progress.goals
    assert (first.checkpoint.label_fi, first.achievement) == ("piste 1", Decimal(50))
    assert second.entry is None and second.achievement is None
    assert (third.checkpoint.label_fi, third.achievement) == ("piste 2", Decimal(100))
    assert progress.mean_achievement == Decimal(75)
    html = response.content.decode()
    assert "no rating yet" in html
    assert f"Goal 2, {goals[1].title_fi}: no rating yet." in _svg(html)
    # Each bar is labelled with its goal's name, not only its number.
    assert f">1. {goals[0].title_fi}"[:39] in _svg(html)
    assert "Mean of the 2 rated goals (of 3)" in html


def test_a_plan_without_a_scale_shows_the_latest_follow_up_and_no_rating_scale(demo):
    post = ExecutivePost.objects.get(organisation=demo["tuusula"])
    plan = make_plan(demo["tuusula"], post, goals=2, checkpoints=2, status="in_follow_up")
    response = client_for(make_user("c", demo["tuusula"])).get(f"/en/plans/{plan.pk}/progress/")
    assert response.status_code == 200
    progress = response.context["progress"]
    assert not progress.rated
    assert [g.checkpoint.label_fi for g in progress.goals] == ["piste 2", "piste 2"]
    html = response.content.decode()
    assert html.count('<span class="muted">no rating scale</span>') == 2
    assert "Seuranta 1" in html
    assert "<svg" not in html


def test_a_weighted_plan_shows_its_score(db):
    seed.load(accounts=False, worked_examples=True)
    plan = m.GoalPlan.objects.get(organisation__slug="esimerkkila")
    admin = make_user("admin", plan.organisation, kind=Role.Kind.ADMIN)
    response = client_for(admin).get(f"/fi/plans/{plan.pk}/progress/")
    progress = response.context["progress"]
    # June 2026 thresholds 3, 2, 2, 2 → 100, 50, 50, 50 %; weights 40, 25, 20, 15.
    assert progress.score.total == Decimal("70.00")
    assert progress.mean_achievement == Decimal("62.50")
    html = response.content.decode()
    assert "70,00 %" in html  # the decimal comma
    assert f"/fi/plans/{plan.pk}/score/" in html


def test_the_plan_and_post_pages_link_to_the_progress_views(followed_up):
    plan = followed_up["plan"]
    client = client_for(make_user("c", followed_up["tuusula"]))
    plan_page = client.get(f"/fi/plans/{plan.pk}/").content.decode()
    assert f"/fi/plans/{plan.pk}/progress/" in plan_page
    assert f"/fi/plans/{plan.pk}/coverage/" in plan_page
    post_page = client.get(f"/fi/posts/{plan.post_id}/").content.decode()
    assert f"/fi/posts/{plan.post_id}/progress/" in post_page


# --- Over the years ---------------------------------------------------------------------------


def test_the_multi_year_view_counts_the_latest_approved_version_of_each_period(followed_up):
    tuusula = followed_up["tuusula"]
    coordinator = make_user("coordinator", tuusula)
    first = followed_up["plan"]  # 2025, evaluated, rated
    second = actions.start_next_plan(first, actor=coordinator)  # 2026
    move_to(second, "approved")
    amended = actions.start_amendment(second, actor=coordinator)
    move_to(amended, "approved")
    move_to(second, "superseded")
    actions.start_next_plan(amended, actor=coordinator)  # 2027, a draft: does not count
    response = client_for(coordinator).get(f"/en/posts/{first.post_id}/progress/")
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(r.plan.period_label, r.plan.version_no) for r in rows] == [("2025", 1), ("2026", 2)]
    assert [len(r.goals) for r in rows] == [6, 6]
    assert [len(r.rated_goals) for r in rows] == [6, 0]
    assert rows[0].mean_achievement == Decimal("83.33")
    html = response.content.decode()
    assert "(version 2)" in html
    svg = _svg(html)
    assert "style=" not in svg and "<title" in svg and "<desc" in svg
    assert "83 %" in svg and "no ratings" in svg
    assert ">2025<" in svg and ">2026<" in svg
    # Each period says how many of its goals the mean rests on.
    assert ">6/6 assessed<" in svg and ">0/6 assessed<" in svg
    assert "83 %, 6 of 6 goals assessed." in svg


def test_a_board_member_sees_no_draft_and_another_organisation_nothing(followed_up, demo):
    board = make_user("board", followed_up["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    post_id = followed_up["plan"].post_id
    assert client_for(board).get(f"/en/posts/{post_id}/progress/").status_code == 200
    outsider = make_user("outsider", demo["kangasala"])
    assert client_for(outsider).get(f"/en/posts/{post_id}/progress/").status_code == 404
    assert (
        client_for(outsider).get(f"/en/plans/{followed_up['plan'].pk}/progress/").status_code == 404
    )


def _rated_plan(organisation, post, scale, year: int, goals: int = 4):
    plan = make_plan(organisation, post, goals=goals, indicators=2, checkpoints=2)
    m.GoalPlan.objects.filter(pk=plan.pk).update(
        scale=scale,
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
    )
    for goal in plan.goals.order_by("order"):
        goal.weight = Decimal(100) / goals
        goal.save()
        m.Indicator.objects.filter(goal=goal).update(target=10, baseline=0, direction="increase")
    move_to(plan, "in_follow_up")
    for n, entry in enumerate(m.FollowUpEntry.objects.filter(goal__plan=plan)):
        m.FollowUpEntry.objects.filter(pk=entry.pk).update(rating=1 + n % 3)
    for indicator in m.Indicator.objects.filter(goal__plan=plan):
        m.IndicatorValue.objects.create(
            indicator=indicator, measured_on=datetime.date(year, 3, 1), value=5
        )
    return plan


def test_the_multi_year_view_does_not_make_more_queries_for_more_plans(followed_up):
    tuusula = followed_up["tuusula"]
    post = ExecutivePost.objects.get(organisation=tuusula)
    scale = followed_up["plan"].scale
    client = client_for(make_user("coordinator", tuusula))
    url = f"/en/posts/{post.pk}/progress/"

    def count():
        client.get(url)  # warm the session
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), len(response.context["rows"])

    _rated_plan(tuusula, post, scale, 2020)
    small, plans_small = count()
    for year in range(2021, 2026 - 1):
        _rated_plan(tuusula, post, scale, year, goals=6)
    large, plans_large = count()
    assert (plans_small, plans_large) == (2, 6)
    assert small == large


@pytest.mark.django_db
def test_batched_summaries_score_like_the_single_plan_summary():
    seed.load(accounts=False, worked_examples=True)
    from suunta.goals.queries import plan_summary

    plans = list(m.GoalPlan.objects.filter(status__in=queries.COUNTED_STATES))
    assert len(plans) >= 2
    for plan, batched in zip(plans, queries.summaries_for(plans), strict=True):
        single = queries.plan_progress(plan_summary(plan, {"joint"}))
        many = queries.plan_progress(batched)
        assert [g.achievement for g in single.goals] == [g.achievement for g in many.goals]
        assert (single.score and single.score.total) == (many.score and many.score.total)


def test_the_plan_progress_page_does_not_make_more_queries_for_more_goals(followed_up):
    tuusula = followed_up["tuusula"]
    post = ExecutivePost.objects.get(organisation=tuusula)
    scale = followed_up["plan"].scale
    small, large = (_rated_plan(tuusula, post, scale, 2020 + n, goals=n) for n in (2, 9))
    client = client_for(make_user("coordinator", tuusula))

    def count(plan):
        client.get(f"/en/plans/{plan.pk}/progress/")  # warm the session
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/en/plans/{plan.pk}/progress/")
        assert len(response.context["progress"].goals) in (2, 9)
        return len(captured)

    assert count(small) == count(large)


def test_a_rating_named_by_its_per_cent_is_not_repeated_on_the_bar(db):
    seed.load(accounts=False, worked_examples=True)
    plan = m.GoalPlan.objects.get(organisation__slug="esimerkkila")
    admin = make_user("admin", plan.organisation, kind=Role.Kind.ADMIN)
    svg = _svg(client_for(admin).get(f"/en/plans/{plan.pk}/progress/").content.decode())
    assert ">100 %<" in svg and "100 % – 100 %" not in svg
