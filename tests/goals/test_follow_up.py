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
from tests.security.admin_forms import form_fields


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


def _page(client, url):
    page = client.get(url)
    assert page.status_code == 200
    fields = form_fields(page.content.decode())
    fields.pop("csrfmiddlewaretoken", None)
    return page.content.decode(), fields


def test_every_goal_is_written_on_one_form_and_saved_at_once(setting):
    s = setting
    client = client_for(s["coordinator"])
    url = f"/en/plans/{s['plan'].pk}/checkpoints/{s['checkpoint'].pk}/follow-up/"
    body, fields = _page(client, url)
    assert "Write the follow-up." not in body and body.count(">Save the follow-up<") == 1
    assert {"g1_text_fi", "g2_text_fi", "g1_rating", "g2_rating"} <= set(fields)
    fields |= {"kind": "joint", "g1_text_fi": "Edennyt", "g1_rating": "2", "g2_text_fi": "Valmis"}
    response = client.post(url, fields)
    assert response.status_code == 302
    saved = {e.goal.order: (e.text_fi, e.rating) for e in m.FollowUpEntry.objects.all()}
    assert saved == {1: ("Edennyt", Decimal(2)), 2: ("Valmis", None)}
    # Saving the same page again changes nothing; one goal changed is the only one saved.
    locks = dict(m.FollowUpEntry.objects.values_list("goal__order", "lock_version"))
    _body, fields = _page(client, url + "?kind=joint")
    assert client.post(url, fields).status_code == 302
    assert dict(m.FollowUpEntry.objects.values_list("goal__order", "lock_version")) == locks
    assert client.post(url, fields | {"g2_text_fi": "Valmis ja käytössä"}).status_code == 302
    after = dict(m.FollowUpEntry.objects.values_list("goal__order", "lock_version"))
    assert after == {1: locks[1], 2: locks[2] + 1}


def test_an_error_in_one_goal_saves_none_and_keeps_every_goals_text(setting):
    s = setting
    client = client_for(s["coordinator"])
    url = f"/en/plans/{s['plan'].pk}/checkpoints/{s['checkpoint'].pk}/follow-up/"
    _body, fields = _page(client, url)
    # A rating without text in goal 2: the form says what is missing, nothing is saved, and
    # goal 1's text is on the page again.
    fields |= {"kind": "joint", "g1_text_fi": "Ensimmäinen teksti", "g2_rating": "3"}
    response = client.post(url, fields)
    body = response.content.decode()
    assert response.status_code == 422 and "Write the follow-up." in body
    assert "Ensimmäinen teksti" in body
    assert not m.FollowUpEntry.objects.exists()


def test_a_goal_saved_meanwhile_by_another_is_shown_and_the_second_save_replaces_it(setting):
    s = setting
    client = client_for(s["coordinator"])
    url = f"/en/plans/{s['plan'].pk}/checkpoints/{s['checkpoint'].pk}/follow-up/"
    _body, fields = _page(client, url)
    # Another coordinator writes goal 1's joint assessment while this page is open.
    other = make_user("coord2", s["plan"].organisation, kind=Role.Kind.COORDINATOR)
    actions.add_follow_up(
        s["goal"], s["checkpoint"], data={"kind": "joint", "text_fi": "Heidän"}, actor=other
    )
    fields |= {"kind": "joint", "g1_text_fi": "Minun", "g2_text_fi": "Toinen tavoite"}
    response = client.post(url, fields)
    body = response.content.decode()
    assert response.status_code == 409
    assert "Someone else saved" in body and "Heidän" in body
    assert "Minun" in body and "Toinen tavoite" in body  # nothing typed is lost
    assert list(m.FollowUpEntry.objects.values_list("text_fi", flat=True)) == ["Heidän"]
    again = form_fields(body)
    again.pop("csrfmiddlewaretoken", None)
    assert client.post(url, again).status_code == 302
    saved = dict(m.FollowUpEntry.objects.values_list("goal__order", "text_fi"))
    assert saved == {1: "Minun", 2: "Toinen tavoite"}


def test_each_goal_is_saved_on_its_own_as_the_field_is_left(setting):
    """The htmx save of one goal: the goal's state answers with the new version, so that the
    next save of the goal (or of the whole form) builds on it; other goals are left alone."""
    s = setting
    client = client_for(s["coordinator"])
    url = f"/en/plans/{s['plan'].pk}/checkpoints/{s['checkpoint'].pk}/follow-up/"
    _body, fields = _page(client, url)
    fields |= {"kind": "joint", "g1_text_fi": "Vain ensimmäinen", "g2_text_fi": "Kesken"}
    htmx = {"HTTP_HX_REQUEST": "true"}
    response = client.post(url, fields | {"only": "g1"}, **htmx)
    body = response.content.decode()
    assert response.status_code == 200 and 'data-state="saved"' in body
    assert list(m.FollowUpEntry.objects.values_list("text_fi", flat=True)) == ["Vain ensimmäinen"]
    state = form_fields(body)
    assert state["g1_lock_version"] == str(m.FollowUpEntry.objects.get().lock_version)
    # The whole form then, with goal 1's new state: goal 1 is not saved twice, goal 2 is.
    fields |= state
    assert client.post(url, fields).status_code == 302
    saved = dict(m.FollowUpEntry.objects.values_list("goal__order", "text_fi"))
    assert saved == {1: "Vain ensimmäinen", 2: "Kesken"}
    # A goal emptied is not saved, and the state says why.
    response = client.post(url, fields | {"only": "g1", "g1_text_fi": ""}, **htmx)
    assert 'data-state="invalid"' in response.content.decode()
    assert "Write the follow-up." in response.content.decode()
    assert m.FollowUpEntry.objects.get(goal__order=1).text_fi == "Vain ensimmäinen"
    assert client.post(url, fields | {"only": "g9"}, **htmx).status_code == 400


def test_the_form_saved_with_the_goals_own_save_just_before_is_no_conflict(setting):
    """Leaving a field and pressing save at once sends the goal's own save and the form's: the
    form finds the goal saved as it sends it, and saves it no second time."""
    s = setting
    client = client_for(s["coordinator"])
    url = f"/en/plans/{s['plan'].pk}/checkpoints/{s['checkpoint'].pk}/follow-up/"
    _body, fields = _page(client, url)
    fields |= {"kind": "joint", "g1_text_fi": "Kirjoitettu"}
    client.post(url, fields | {"only": "g1"}, HTTP_HX_REQUEST="true")
    assert client.post(url, fields).status_code == 302
    assert m.FollowUpEntry.objects.get().lock_version == 1
