"""Finding 10: support staff changed an interest's entity name in the Django admin; the public
register showed it, while the declaration kept one version, its "reviewed" state and no audit
event.

Everything whose changes the actions guard – with permission checks, versions, review states
or audit events – is read-only in the admin: the register of interests (declarations and their
interests), people and the account linked to them, seats in bodies and tenures of the executive
post, plans, decisions and the audit log. Each row below submits the admin's own form (or the
delete confirmation) as a superuser, with a change, and asserts that nothing changed.

The organisation's structure that only the admin manages (organisations, bodies, posts with
their focus areas and discussion-partner rules, contracts, reminder days) stays editable, but
every write there is in the audit log with before and after, and what that structure decides
for the guarded data is fixed under it: a body's kind and organisation once it has seats (the
kind decides who must declare and who is sent the evaluation survey), a focus area that goals
serve, a body or post in use."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from suunta.accounts.models import User
from suunta.audit.models import AuditEvent
from suunta.goals import models as m
from suunta.organisations.models import (
    Body,
    DiscussionPartnerRule,
    ExecutivePost,
    FocusArea,
    Membership,
    Organisation,
    Person,
    PostTenure,
)
from suunta.register.models import DeclarationVersion, Interest, InterestDeclaration
from tests.conftest import client_for
from tests.security.admin_forms import submit


@pytest.fixture
def objects(demo) -> dict[str, Any]:
    """A declaration with an interest (Kangasala's city manager, from the seed), a seat in a
    body, a tenure of the executive post, the approved Tuusula plan and its decision."""
    declaration = (
        InterestDeclaration.objects.filter(interests__isnull=False)
        .select_related("person", "organisation")
        .first()
    )
    assert declaration is not None
    membership = Membership.objects.select_related("body", "person").first()
    tenure = PostTenure.objects.select_related("post", "person").first()
    plan = demo["plan"]
    served_area = plan.post.focus_areas.first() or FocusArea.objects.create(
        post=plan.post, text_fi="Elinvoima"
    )
    from suunta.goals import actions
    from tests.conftest import make_user

    draft = actions.start_next_plan(plan, actor=make_user("f10-koord", plan.organisation))
    draft.goals.first().focus_areas.add(served_area)
    return {
        "declaration": declaration,
        "interest": declaration.interests.first(),
        "person": declaration.person,
        "membership": membership,
        "tenure": tenure,
        "plan": plan,
        "decision": m.Decision.objects.filter(plan=plan).first(),
        "event": AuditEvent.objects.create(action="test.event", object_type="goalplan"),
        "stranger": Person.objects.create(organisation=plan.organisation, name="Tuki Ihminen"),
        "served_area": served_area,
    }


def state(o: dict[str, Any]) -> dict[str, Any]:
    """Everything the rows try to change, as stored."""
    declaration = InterestDeclaration.objects.get(pk=o["declaration"].pk)
    return {
        "declaration": (
            declaration.status,
            declaration.version_no,
            declaration.lock_version,
            declaration.no_interests,
            declaration.declared_on,
        ),
        "interests": list(
            Interest.objects.filter(declaration=declaration)
            .order_by("pk")
            .values_list("pk", "entity_name", "role_fi", "category")
        ),
        "versions": DeclarationVersion.objects.filter(declaration=declaration).count(),
        "declarations": sorted(
            InterestDeclaration.objects.values_list("pk", "person_id", "status"), key=str
        ),
        "people": sorted(Person.objects.values_list("pk", "name", "email", "user_id"), key=str),
        "memberships": sorted(
            Membership.objects.values_list("pk", "person_id", "role", "starts_on", "ends_on"),
            key=str,
        ),
        "tenures": sorted(
            PostTenure.objects.values_list("pk", "person_id", "starts_on", "ends_on"), key=str
        ),
        "plan": m.GoalPlan.objects.filter(pk=o["plan"].pk).values_list("status", "title_fi")[0],
        "decisions": m.Decision.objects.count(),
        "bodies": sorted(
            Body.objects.values_list("pk", "kind", "organisation_id", "name_fi"), key=str
        ),
        "focus areas": sorted(FocusArea.objects.values_list("pk", "post_id"), key=str),
        "posts": sorted(ExecutivePost.objects.values_list("pk", "organisation_id"), key=str),
        "events": sorted(AuditEvent.objects.values_list("pk", "action"), key=str),
    }


def url(o: dict, model: str, key: str | None, page: str = "change") -> str:
    label = (
        "organisations" if model in ORGANISATIONS else "register" if model in REGISTER else "goals"
    )
    if key is None:
        return f"/admin/{label}/{model}/add/"
    return f"/admin/{label}/{model}/{o[key].pk}/{page}/"


ORGANISATIONS = {
    "organisation",
    "person",
    "body",
    "membership",
    "executivepost",
    "posttenure",
    "focusarea",
    "discussionpartnerrule",
}
REGISTER = {
    "interestdeclaration",
    "interest",
    "declarationversion",
    "declarationreview",
    "declarationrule",
    "registersettings",
}


def change(model: str, key: str, changes: Callable[[dict], dict]) -> Callable:
    return lambda client, o: submit(client, url(o, model, key), changes(o))


def add(model: str, changes: Callable[[dict], dict]) -> Callable:
    return lambda client, o: submit(client, url(o, model, None), changes(o))


def delete(model: str, key: str) -> Callable:
    return lambda client, o: client.post(url(o, model, key, "delete"), {"post": "yes"})


ROWS: dict[str, Callable[[Client, dict], Any]] = {
    "an interest's entity name through the declaration's page": change(
        "interestdeclaration",
        "declaration",
        lambda o: {"*-0-entity_name": "Muokattu Oy", "*-0-role_fi": "toimitusjohtaja"},
    ),
    "a declaration's state and date": change(
        "interestdeclaration",
        "declaration",
        lambda o: {"status": "submitted", "declared_on": "2020-01-01", "no_interests": "on"},
    ),
    "a new declaration": add(
        "interestdeclaration",
        lambda o: {
            "organisation": str(o["stranger"].organisation_id),
            "person": str(o["stranger"].pk),
            "no_interests": "on",
            "status": "reviewed",
        },
    ),
    "a declaration deleted": delete("interestdeclaration", "declaration"),
    "a person's account": change(
        "person", "person", lambda o: {"user": str(o["superuser"].pk), "name": "Muutettu Nimi"}
    ),
    "a person's e-mail address": change("person", "person", lambda o: {"email": "x@evil.example"}),
    "a new person linked to an account": add(
        "person",
        lambda o: {
            "organisation": str(o["plan"].organisation_id),
            "name": "Uusi",
            "user": str(o["superuser"].pk),
        },
    ),
    "a person deleted": delete("person", "person"),
    "a seat through the body's page": change(
        "body",
        "membership_body",
        lambda o: {
            "*-0-person": str(o["stranger"].pk),
            "*-0-role": "chair",
            "*-0-starts_on": "2001-01-01",
        },
    ),
    "the executive through the post's page": change(
        "executivepost",
        "tenure_post",
        lambda o: {"*-0-person": str(o["stranger"].pk), "*-0-starts_on": "2001-01-01"},
    ),
    "the kind of a body with seats": change(
        "body", "membership_body", lambda o: {"kind": "steering_group", "name_fi": "Muutettu"}
    ),
    "the organisation of a body with seats": change(
        "body",
        "membership_body",
        lambda o: {
            "organisation": str(
                Organisation.objects.exclude(pk=o["membership_body"].organisation_id).first().pk
            )
        },
    ),
    "a body with seats deleted": delete("body", "membership_body"),
    "a post with a holder and plans deleted": delete("executivepost", "tenure_post"),
    "a focus area that goals serve deleted through the post's page": lambda client, o: submit(
        client,
        f"/admin/organisations/executivepost/{o['served_area'].post_id}/change/",
        {
            name.replace("-id", "-DELETE"): "on"
            for name, value in _fields(client, o["served_area"].post_id).items()
            if name.startswith("focus_areas-") and value == str(o["served_area"].pk)
        },
    ),
    "an approved plan's title": change("goalplan", "plan", lambda o: {"title_fi": "Muutettu"}),
    "an approved plan deleted": delete("goalplan", "plan"),
    "a decision deleted": delete("decision", "decision"),
    "a decision's summary": change("decision", "decision", lambda o: {"summary_fi": "Muutettu"}),
}


def _fields(client: Client, post_id: Any) -> dict[str, Any]:
    from tests.security.admin_forms import form_fields

    page = client.get(f"/admin/organisations/executivepost/{post_id}/change/")
    return form_fields(page.content.decode())


@pytest.mark.parametrize("row", list(ROWS))
def test_the_admin_changes_nothing_the_actions_guard(objects, row):
    support = User.objects.create_superuser("f10-tuki", password="pw")
    o = {
        **objects,
        "superuser": support,
        "membership_body": objects["membership"].body,
        "tenure_post": objects["tenure"].post,
    }
    before = state(o)
    response = ROWS[row](client_for(support), o)
    assert response.status_code in (200, 302, 403), response.status_code
    after = state(o)
    changed = {key for key in before if before[key] != after[key]}
    assert not changed, f"{row}: {sorted(changed)} changed in the admin"


def test_an_interest_changed_in_the_admin_never_reaches_the_public_register(objects):
    """The review's own example: the public CSV keeps the declared entity name."""
    support = User.objects.create_superuser("f10-tuki", password="pw")
    interest, declaration = objects["interest"], objects["declaration"]
    submit(
        client_for(support),
        url(objects, "interestdeclaration", "declaration"),
        {"*-0-entity_name": "Muokattu Oy"},
    )
    slug = declaration.organisation.slug
    csv = Client().get(f"/fi/public/{slug}/interests.csv").content.decode("utf-8-sig")
    assert "Muokattu Oy" not in csv
    assert interest.entity_name in csv


def test_the_admin_still_shows_the_register_and_people_to_support_staff(objects):
    """Read-only, not hidden: support staff still look things up."""
    support = client_for(User.objects.create_superuser("f10-tuki", password="pw"))
    for address in (
        "/admin/register/interestdeclaration/",
        url(objects, "interestdeclaration", "declaration"),
        "/admin/organisations/person/",
        url(objects, "person", "person"),
        f"/admin/organisations/body/{objects['membership'].body_id}/change/",
        f"/admin/organisations/executivepost/{objects['tenure'].post_id}/change/",
    ):
        assert support.get(address).status_code == 200, address
    page = support.get(url(objects, "interestdeclaration", "declaration")).content.decode()
    assert objects["interest"].entity_name in page


def test_support_staff_remove_a_stray_draft_and_the_audit_log_records_it(demo):
    """The one write the admin keeps on plans: deleting a draft, now in the audit log."""
    from suunta.goals import actions

    support = User.objects.create_superuser("f10-tuki", password="pw")
    coordinator = User.objects.create_user("f10-koordinaattori", password="pw")
    coordinator.roles.create(organisation=demo["tuusula"], kind="coordinator")
    draft = actions.start_next_plan(demo["plan"], actor=coordinator)
    response = client_for(support).post(
        f"/admin/goals/goalplan/{draft.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert not m.GoalPlan.objects.filter(pk=draft.pk).exists()
    event = AuditEvent.objects.get(action="plan.delete", object_id=str(draft.pk))
    assert event.actor == support and event.via == "admin"
    assert event.before["status"] == "draft"
    assert datetime.date.fromisoformat(event.before["period_start"]) == draft.period_start


def test_an_account_and_its_roles_changed_in_the_admin_are_in_the_audit_log(demo):
    """The account's e-mail is how single sign-on finds it, and a role grants sight of plans:
    support staff may still manage accounts in the admin, but never silently."""
    support = User.objects.create_superuser("f10-tuki", password="pw")
    target = User.objects.create_user("f10-hallitus", password="pw", email="old@example.fi")
    client = client_for(support)

    response = submit(
        client,
        f"/admin/accounts/user/{target.pk}/change/",
        {"email": "new@example.fi", "roles-TOTAL_FORMS": "1", "roles-0-organisation":
         str(demo["tuusula"].pk), "roles-0-kind": "board_member"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="account.change", object_id=str(target.pk))
    assert event.actor == support
    assert event.before["email"] == "old@example.fi" and event.before["roles"] == []
    assert event.after["email"] == "new@example.fi"
    assert event.after["roles"][0]["kind"] == "board_member"

    role = target.roles.get()
    submit(client, f"/admin/accounts/role/{role.pk}/change/", {"kind": "coordinator"})
    changed = AuditEvent.objects.get(action="role.change", object_id=str(role.pk))
    assert (changed.before["kind"], changed.after["kind"]) == ("board_member", "coordinator")
    assert changed.organisation == demo["tuusula"]

    client.post(f"/admin/accounts/role/{role.pk}/delete/", {"post": "yes"})
    assert AuditEvent.objects.filter(action="role.delete", object_id=str(role.pk)).exists()

    client.post(
        f"/admin/accounts/user/{target.pk}/password/",
        {"password1": "Uusi-salasana-2026!", "password2": "Uusi-salasana-2026!"},
    )
    assert AuditEvent.objects.filter(action="account.password_set", actor=support).exists()
    password_events = AuditEvent.objects.filter(object_id=str(target.pk)).values_list(
        "before", "after"
    )
    assert "Uusi-salasana" not in str(list(password_events))


def _board_and_chair():
    from suunta.register import queries as register

    for body in Body.objects.filter(kind="board", memberships__role="chair").distinct():
        chair = Person.objects.filter(memberships__body=body, memberships__role="chair").first()
        if register.obligation_of(chair):
            return body, chair
    raise AssertionError("the seed has no board chair who must declare")


def test_a_board_with_seats_keeps_its_kind_and_its_chair_stays_on_the_register(demo):
    """The review's example: the board turned into a steering group in the admin dropped its
    chair from the public register of interests. The form refuses, with a message."""
    from suunta.register import queries as register

    body, chair = _board_and_chair()
    support = User.objects.create_superuser("f10-tuki", password="pw")
    events = AuditEvent.objects.count()
    response = submit(
        client_for(support),
        f"/admin/organisations/body/{body.pk}/change/",
        {"kind": "steering_group"},
    )
    assert response.status_code == 200
    assert "tyyppiä ja organisaatiota ei voi muuttaa" in response.content.decode()
    body.refresh_from_db()
    assert body.kind == "board"
    assert register.obligation_of(chair)
    assert AuditEvent.objects.count() == events


WRITES = {
    "organisation": (
        lambda o: f"/admin/organisations/organisation/{o['plan'].organisation_id}/change/",
        {"name_fi": "Muutettu kunta"},
        "organisation.change",
    ),
    "body": (
        lambda o: f"/admin/organisations/body/{o['membership'].body_id}/change/",
        {"name_fi": "Muutettu hallitus", "abbreviation": "MH"},
        "body.change",
    ),
    "focus area": (
        lambda o: f"/admin/organisations/executivepost/{o['tenure'].post_id}/change/",
        {"focus_areas-0-text_fi": "Muutettu painopiste"},
        "executivepost.change",
    ),
    "discussion partner rule": (
        lambda o: f"/admin/organisations/executivepost/{o['tenure'].post_id}/change/",
        {"discussion_partner_rules-0-role": "secretary"},
        "executivepost.change",
    ),
    "reminder days": (
        lambda o: f"/admin/schedule/remindersettings/{_reminders(o).pk}/change/",
        {"days": "30,7,1"},
        "remindersettings.change",
    ),
}


def _reminders(o):
    from suunta.schedule.models import ReminderSettings

    return ReminderSettings.objects.get_or_create(organisation=o["plan"].organisation)[0]


@pytest.mark.parametrize("what", list(WRITES))
def test_what_only_the_admin_manages_is_changed_with_an_audit_event(objects, what):
    """Before and after, the support person as the actor, in the organisation's log."""
    address, changes, action = WRITES[what]
    support = User.objects.create_superuser("f10-tuki", password="pw")
    url_ = address(objects)
    client = client_for(support)
    page = client.get(url_).content.decode()
    assert all(key in page for key in changes), f"{what}: the form has no such field"
    response = submit(client, url_, changes)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = AuditEvent.objects.filter(action=action).latest("at")
    assert event.actor == support and event.via == "admin"
    assert event.before != event.after
    changed = str(event.after)
    assert all(str(value) in changed for value in changes.values())
    assert not any(str(value) in str(event.before) for value in changes.values())


def test_a_new_body_and_its_removal_are_in_the_audit_log(demo):
    support = User.objects.create_superuser("f10-tuki", password="pw")
    client = client_for(support)
    response = submit(
        client,
        "/admin/organisations/body/add/",
        {"organisation": str(demo["tuusula"].pk), "kind": "committee", "name_fi": "Uusi lauta"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    body = Body.objects.get(name_fi="Uusi lauta")
    created = AuditEvent.objects.get(action="body.create", object_id=str(body.pk))
    assert created.before is None and created.after["kind"] == "committee"
    assert created.organisation == demo["tuusula"]
    client.post(f"/admin/organisations/body/{body.pk}/delete/", {"post": "yes"})
    assert not Body.objects.filter(pk=body.pk).exists()
    removed = AuditEvent.objects.get(action="body.delete", object_id=str(body.pk))
    assert removed.before["name_fi"] == "Uusi lauta"


def test_a_discussion_partner_rule_names_a_body_of_the_posts_own_organisation(objects):
    """Who holds the discussions follows from the rule's body: another organisation's board
    would make its members partners of this executive."""
    post = objects["tenure"].post
    foreign = Body.objects.exclude(organisation=post.organisation).first()
    support = User.objects.create_superuser("f10-tuki", password="pw")
    rules = sorted(DiscussionPartnerRule.objects.values_list("pk", "body_id", "role"), key=str)
    response = submit(
        client_for(support),
        f"/admin/organisations/executivepost/{post.pk}/change/",
        {"discussion_partner_rules-0-body": str(foreign.pk)},
    )
    assert response.status_code == 200
    assert "Valitse toimielin viran omasta organisaatiosta" in response.content.decode()
    after = sorted(DiscussionPartnerRule.objects.values_list("pk", "body_id", "role"), key=str)
    assert after == rules
