"""Models and their database constraints (the same on SQLite and PostgreSQL)."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from suunta.goals import models as m
from suunta.organisations.models import (
    Body,
    ExecutivePost,
    FocusArea,
    Membership,
    Organisation,
    Person,
)
from tests.conftest import make_plan


def refused_by_database(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_content_needs_some_language(demo):
    post = ExecutivePost.objects.get(organisation__slug="tuusula")
    refused_by_database(lambda: FocusArea.objects.create(post=post, order=99))
    refused_by_database(
        lambda: m.GoalPlan.objects.create(
            organisation=demo["tuusula"],
            post=post,
            period_start=datetime.date(2030, 1, 1),
            period_end=datetime.date(2030, 12, 31),
        )
    )


def test_swedish_only_content_is_enough(demo):
    post = ExecutivePost.objects.get(organisation__slug="tuusula")
    area = FocusArea.objects.create(post=post, order=99, text_sv="Ekonomi i balans")
    with translation.override("fi"):
        assert area.text_lang("text") == ("Ekonomi i balans", "sv")


def test_text_falls_back_to_finnish_and_says_so(demo):
    goal = demo["plan"].goals.order_by("order").first()
    with translation.override("sv"):
        assert goal.text_lang("title") == ("Strategian toimeenpanon johtaminen", "fi")
    goal.title_sv = "Ledning av strategins genomförande"
    with translation.override("sv"):
        assert goal.text("title") == "Ledning av strategins genomförande"
    with translation.override("en"):
        assert goal.text_lang("title") == ("Strategian toimeenpanon johtaminen", "fi")


def test_a_period_cannot_end_before_it_starts(demo):
    post = ExecutivePost.objects.get(organisation__slug="tuusula")
    refused_by_database(
        lambda: m.GoalPlan.objects.create(
            organisation=demo["tuusula"],
            post=post,
            title_fi="x",
            period_start=datetime.date(2030, 1, 1),
            period_end=datetime.date(2029, 12, 31),
        )
    )


def test_a_checkpoint_window_cannot_close_before_it_opens(draft):
    refused_by_database(
        lambda: m.Checkpoint.objects.create(
            plan=draft,
            label_fi="x",
            opens_on=datetime.date(2025, 9, 1),
            closes_on=datetime.date(2025, 8, 1),
        )
    )


@pytest.mark.parametrize("weight", ["-1", "100.01"])
def test_a_weight_is_a_percentage(draft, weight):
    refused_by_database(lambda: m.Goal.objects.create(plan=draft, title_fi="x", weight=weight))


def test_statistics_codes_are_three_digits_and_unique(demo):
    refused_by_database(
        lambda: Organisation.objects.create(
            slug="x",
            name_fi="X",
            kind="municipality",
            leadership_model="manager",
            statistics_code="12",
        )
    )
    refused_by_database(
        lambda: Organisation.objects.create(
            slug="y",
            name_fi="Y",
            kind="municipality",
            leadership_model="manager",
            statistics_code="858",
        )
    )
    # Joint authorities have no code; many may leave it empty.
    for slug in ("a", "b"):
        Organisation.objects.create(
            slug=slug, name_fi=slug, kind="joint_authority", leadership_model="director"
        )


def test_a_membership_cannot_end_before_it_starts(demo):
    person = Person.objects.filter(organisation__slug="tuusula").first()
    body = Body.objects.filter(organisation__slug="tuusula").first()
    refused_by_database(
        lambda: Membership.objects.create(
            body=body,
            person=person,
            role="member",
            starts_on=datetime.date(2025, 6, 1),
            ends_on=datetime.date(2025, 5, 1),
        )
    )


def test_a_council_term_change_is_new_memberships(demo):
    council = Body.objects.get(organisation__slug="tuusula", kind="council")
    old = Membership.objects.get(body=council, role="chair")
    old.ends_on = datetime.date(2025, 5, 31)
    old.save()
    new_chair = Person.objects.create(
        organisation=demo["tuusula"], title_fi="Valtuuston puheenjohtaja"
    )
    Membership.objects.create(
        body=council, person=new_chair, role="chair", starts_on=datetime.date(2025, 6, 1)
    )
    assert (
        Membership.objects.active(datetime.date(2025, 5, 1)).get(body=council, role="chair").person
        == old.person
    )
    assert (
        Membership.objects.active(datetime.date(2025, 7, 1)).get(body=council, role="chair").person
        == new_chair
    )


def test_one_joint_follow_up_per_goal_and_checkpoint(demo):
    plan = make_plan(demo["tuusula"], demo["plan"].post, goals=1, checkpoints=1)
    goal, checkpoint = plan.goals.get(), plan.checkpoints.get()
    refused_by_database(
        lambda: m.FollowUpEntry.objects.create(goal=goal, checkpoint=checkpoint, text_fi="toinen")
    )
    m.FollowUpEntry.objects.create(goal=goal, checkpoint=checkpoint, kind="self", text_fi="oma")


def test_a_decision_is_about_a_plan_or_a_contract(demo):
    body = Body.objects.get(organisation__slug="tuusula", kind="board")
    refused_by_database(
        lambda: m.Decision.objects.create(
            organisation=demo["tuusula"],
            body=body,
            meeting_date=datetime.date(2025, 1, 1),
            kind="approve",
        )
    )


def test_period_label_is_the_year_or_the_dates(demo):
    plan = demo["plan"]
    assert plan.period_label == "2025"
    plan.period_start, plan.period_end = datetime.date(2025, 4, 1), datetime.date(2026, 3, 31)
    with translation.override("fi"):
        assert plan.period_label == "1.4.2025–31.3.2026"


def test_the_current_holder_follows_tenures(demo):
    post = ExecutivePost.objects.get(organisation__slug="kangasala")
    assert post.current_holder().name == "Oskari Auvinen"
    tenure = post.tenures.get()
    tenure.ends_on = datetime.date(2020, 1, 1)
    tenure.save()
    assert post.current_holder() is None
