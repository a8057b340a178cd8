"""Follow-up at the checkpoints: the self-assessment, the partners' own assessments and the
joint assessment, each with a rating on the plan's scale; who writes and who reads which."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from suunta.accounts.models import Role
from suunta.goals import actions, queries
from suunta.goals import models as m
from suunta.organisations.models import ExecutivePost, Person
from tests.conftest import client_for, make_plan, make_user, move_to


def traffic_light(org):
    scale = m.RatingScale.objects.create(
        organisation=org, name_fi="Liikennevalo", kind="traffic_light"
    )
    for order, (value, label, achievement, colour) in enumerate(
        [
            (1, "Ei toteutunut", 0, "red"),
            (2, "Osittain", 50, "yellow"),
            (3, "Toteutunut", 100, "green"),
        ],
        start=1,
    ):
        m.ScaleLevel.objects.create(
            scale=scale,
            order=order,
            value=value,
            label_fi=label,
            achievement=achievement,
            colour=colour,
        )
    return scale


def plan_with(org, post, scale):
    """A plan in follow-up with no follow-ups yet, rated on `scale` (set while a draft)."""
    plan = make_plan(org, post, goals=2, indicators=1, checkpoints=2)
    m.FollowUpEntry.objects.filter(goal__plan=plan).delete()
    m.GoalPlan.objects.filter(pk=plan.pk).update(scale=scale)
    move_to(plan, "in_follow_up")
    plan.refresh_from_db()
    return plan


@pytest.fixture
def setting(demo):
    org = demo["tuusula"]
    post = ExecutivePost.objects.get(organisation=org)
    plan = plan_with(org, post, traffic_light(org))
    chief = Person.objects.get(organisation=org, title_fi="Kansliapäällikkö")
    deputy = Person.objects.filter(organisation=org, title_fi="Apulaispormestari").first()
    executive = make_user("chief", org, kind=Role.Kind.EXECUTIVE)
    chief.user = executive
    chief.save()
    partner = make_user("deputy", org, kind=Role.Kind.DISCUSSION_PARTNER)
    deputy.user = partner
    deputy.save()
    return {
        "plan": plan,
        "goal": plan.goals.order_by("order").first(),
        "checkpoint": plan.checkpoints.order_by("order").first(),
        "executive": executive,
        "partner": partner,
        "coordinator": make_user("coord", org, kind=Role.Kind.COORDINATOR),
        "member": make_user("member", org, kind=Role.Kind.BOARD_MEMBER),
        "chief": chief,
        "deputy": deputy,
    }


def test_each_writes_their_own_kind_with_a_rating_on_the_scale(setting):
    s = setting
    own = actions.add_follow_up(
        s["goal"],
        s["checkpoint"],
        data={"kind": "self", "text_fi": "Hyvin", "rating": Decimal(3)},
        actor=s["executive"],
    )
    assert own.author == s["chief"]
    mine = actions.add_follow_up(
        s["goal"],
        s["checkpoint"],
        data={"kind": "partner", "text_fi": "Osin", "rating": Decimal(2)},
        actor=s["partner"],
    )
    assert mine.author == s["deputy"]
    joint = actions.add_follow_up(
        s["goal"],
        s["checkpoint"],
        data={"kind": "joint", "text_fi": "Sovittu", "rating": Decimal(2)},
        actor=s["coordinator"],
    )
    assert joint.kind == "joint"
    summary = queries.plan_summary(s["plan"], {"joint", "self", "partner"})
    cell = summary.rows[0].follow_ups[0]
    assert {(e.kind, e.rating_label) for e in cell} == {
        ("self", "Toteutunut"),
        ("partner", "Osittain"),
        ("joint", "Osittain"),
    }


@pytest.mark.parametrize("rating", [Decimal(0), Decimal(4), Decimal("2.5")])
def test_a_rating_outside_the_scale_is_refused_and_nothing_is_saved(setting, rating):
    with pytest.raises(ValidationError) as refused:
        actions.add_follow_up(
            setting["goal"],
            setting["checkpoint"],
            data={"kind": "joint", "text_fi": "x", "rating": rating},
            actor=setting["coordinator"],
        )
    assert "rating" in refused.value.message_dict
    assert not m.FollowUpEntry.objects.filter(goal=setting["goal"]).exists()


def test_a_per_cent_scale_takes_0_to_100(setting):
    scale = m.RatingScale.objects.create(
        organisation=setting["plan"].organisation, name_fi="Prosentti", kind="percent"
    )
    plan = plan_with(setting["plan"].organisation, setting["plan"].post, scale)
    goal, checkpoint = plan.goals.first(), plan.checkpoints.first()
    with pytest.raises(ValidationError):
        actions.add_follow_up(
            goal,
            checkpoint,
            data={"text_fi": "x", "rating": Decimal(101)},
            actor=setting["coordinator"],
        )
    entry = actions.add_follow_up(
        goal,
        checkpoint,
        data={"text_fi": "x", "rating": Decimal(80)},
        actor=setting["coordinator"],
    )
    assert scale.describe(entry.rating) == "80 %"
    assert scale.achievement_of(entry.rating) == Decimal(80)


def test_a_text_only_plan_refuses_a_rating(setting):
    plan = plan_with(setting["plan"].organisation, setting["plan"].post, None)
    goal, checkpoint = plan.goals.first(), plan.checkpoints.first()
    with pytest.raises(ValidationError):
        actions.add_follow_up(
            goal,
            checkpoint,
            data={"text_fi": "x", "rating": Decimal(1)},
            actor=setting["coordinator"],
        )


def test_a_second_assessment_of_the_same_kind_is_refused(setting):
    s = setting
    data = {"kind": "partner", "text_fi": "Osin"}
    actions.add_follow_up(s["goal"], s["checkpoint"], data=data, actor=s["partner"])
    with pytest.raises(ValidationError):
        actions.add_follow_up(s["goal"], s["checkpoint"], data=data, actor=s["partner"])
    assert m.FollowUpEntry.objects.filter(goal=s["goal"], kind="partner").count() == 1


def test_only_its_author_changes_a_partners_assessment(setting, demo):
    s = setting
    entry = actions.add_follow_up(
        s["goal"], s["checkpoint"], data={"kind": "partner", "text_fi": "Osin"}, actor=s["partner"]
    )
    other = make_user("other-partner", demo["tuusula"], kind=Role.Kind.DISCUSSION_PARTNER)
    with pytest.raises(PermissionDenied):
        actions.update_follow_up(
            entry, data={"text_fi": "Muutettu"}, expected_lock=entry.lock_version, actor=other
        )
    entry.refresh_from_db()
    assert entry.text_fi == "Osin"


def test_the_executive_writes_only_the_self_assessment(setting):
    with pytest.raises(PermissionDenied):
        actions.add_follow_up(
            setting["goal"],
            setting["checkpoint"],
            data={"kind": "joint", "text_fi": "x"},
            actor=setting["executive"],
        )


def test_follow_ups_wait_for_the_plan_to_be_in_force(setting):
    move_to(setting["plan"], "evaluated")
    goal = m.Goal.objects.get(pk=setting["goal"].pk)
    with pytest.raises(actions.WrongState):
        actions.add_follow_up(
            goal, setting["checkpoint"], data={"text_fi": "x"}, actor=setting["coordinator"]
        )


def test_a_board_member_sees_the_joint_assessment_but_not_the_working_papers(setting):
    s = setting
    actions.add_follow_up(
        s["goal"],
        s["checkpoint"],
        data={"kind": "self", "text_fi": "Oma arvio"},
        actor=s["executive"],
    )
    actions.add_follow_up(
        s["goal"],
        s["checkpoint"],
        data={"kind": "joint", "text_fi": "Yhteinen arvio"},
        actor=s["coordinator"],
    )
    member_page = client_for(s["member"]).get(f"/fi/plans/{s['plan'].pk}/").content.decode()
    assert "Yhteinen arvio" in member_page and "Oma arvio" not in member_page
    partner_page = client_for(s["partner"]).get(f"/fi/plans/{s['plan'].pk}/").content.decode()
    assert "Yhteinen arvio" in partner_page and "Oma arvio" in partner_page


def test_the_follow_up_page_saves_and_then_refuses_a_stale_save(setting):
    s = setting
    client = client_for(s["coordinator"])
    url = f"/en/plans/{s['plan'].pk}/checkpoints/{s['checkpoint'].pk}/follow-up/"
    page = client.get(url)
    assert page.status_code == 200 and "Write the follow-up" not in page.content.decode()
    response = client.post(
        url, {"goal": s["goal"].pk, "kind": "joint", "text_fi": "Edennyt", "rating": "2"}
    )
    assert response.status_code == 302
    entry = m.FollowUpEntry.objects.get(goal=s["goal"], kind="joint")
    assert (entry.text_fi, entry.rating) == ("Edennyt", Decimal(2))
    response = client.post(
        url, {"goal": s["goal"].pk, "kind": "joint", "text_fi": "Toinen", "lock_version": 0}
    )
    assert response.status_code == 409
    response = client.post(
        url,
        {"goal": s["goal"].pk, "kind": "joint", "text_fi": "", "lock_version": entry.lock_version},
    )
    assert response.status_code == 422 and "Write the follow-up." in response.content.decode()
    entry.refresh_from_db()
    assert entry.text_fi == "Edennyt"
