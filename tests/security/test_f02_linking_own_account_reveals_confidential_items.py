"""Finding 2: a coordinator read the confidential items of a discussion by linking their own
account to a participant's person in the register; support staff did the same in the Django
admin without an audit event; and single sign-on also found an account through the e-mail of a
person linked to it, which a keeper writes.

The rule (docs/decisions/0011): only an admin of the organisation links a person to an account
or unlinks it, never their own account, through `register.actions.link_account` (audited, the
account told by e-mail); single sign-on finds an account by its own address only; a keeper
never changes the seats of the person linked to their own account; the participants of a
discussion with confidential content are changed only by a participant. Every route that could
set a person's account, a discussion's participants or a plan's executive is tried below."""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from suunta.accounts.models import Role, User
from suunta.audit.models import AuditEvent
from suunta.demo import seed
from suunta.discussions import actions as discussion_actions
from suunta.discussions.models import Discussion
from suunta.organisations.models import ExecutivePost, Organisation, Person, PostTenure
from suunta.register import actions as register_actions
from tests.accounts.test_oidc import openid_provider, sign_in_through_the_provider  # noqa: F401
from tests.conftest import client_for, make_user
from tests.security.admin_forms import submit

SECRET = "Uupumuksen merkkejä, sairausloma syksyllä"


def person(key: str) -> Person:
    return Person.objects.get(id=seed.uid(key))


@pytest.fixture
def setting(demo):
    """Tuusula: an open goal discussion of the mayor, a deputy mayor (the partner's account)
    and the chief of staff (the executive), with confidential minutes, recorded by the deputy
    mayor (the one who records a discussion takes part in it); the coordinator, an organisation
    admin and support staff took no part in it."""
    org = demo["tuusula"]
    post = ExecutivePost.objects.get(organisation=org)
    mayor, deputy = person("tuusula/person/mayor"), person("tuusula/person/deputy-mayor-1")
    partner = make_user("f02-kumppani", org, kind=Role.Kind.DISCUSSION_PARTNER)
    Person.objects.filter(pk=deputy.pk).update(user=partner)
    # The demo links the mayor to its `pormestari` account; here the mayor's account is linked
    # by the tests themselves.
    Person.objects.filter(pk=mayor.pk).update(user=None)
    mayor.user = None
    coordinator = make_user("f02-koordinaattori", org)
    coordinator.email = "koordinaattori@tuusula.example"
    coordinator.save()
    admin = make_user("f02-admin", org, kind=Role.Kind.ADMIN)
    admin.email = "admin@tuusula.example"
    admin.save()
    support = User.objects.create_superuser("f02-tuki", password="pw", email="tuki@example.fi")
    discussion = discussion_actions.create_discussion(
        post,
        data={
            "kind": Discussion.Kind.GOAL,
            "held_on": datetime.date(2026, 1, 20),
            "plan": demo["plan"],
            "participants": [mayor, deputy],
        },
        actor=partner,
    )
    wellbeing = discussion.items.get(title_fi="Työhyvinvointi ja työmäärä")
    discussion_actions.update_item(
        wellbeing,
        data={"minutes_fi": SECRET},
        expected_lock=wellbeing.lock_version,
        actor=partner,
    )
    return {
        "org": org,
        "post": post,
        "mayor": mayor,
        "deputy": deputy,
        "outsider_person": person("tuusula/person/deputy-mayor-2"),
        "partner": partner,
        "coordinator": coordinator,
        "admin": admin,
        "support": support,
        "discussion": Discussion.objects.get(pk=discussion.pk),
    }


def sees_the_secret(user: Any, discussion: Discussion) -> bool:
    return SECRET in client_for(user).get(f"/fi/discussions/{discussion.pk}/").content.decode()


def links(org: Organisation) -> dict[Any, Any]:
    return dict(Person.objects.filter(organisation=org).values_list("pk", "user_id"))


def account_page(s: dict, target: Person) -> str:
    return f"/fi/o/tuusula/register/people/{target.pk}/account/"


# --- Every route by which someone could link their own account to a participant ------------------


def coordinator_on_the_register_page(s: dict) -> None:
    client_for(s["coordinator"]).post(
        account_page(s, s["mayor"]), {"user": str(s["coordinator"].pk)}
    )


def coordinator_relinking_a_participant_on_the_register_page(s: dict) -> None:
    """The deputy mayor's person is linked to the partner: the coordinator moves it to
    themself."""
    client_for(s["coordinator"]).post(
        account_page(s, s["deputy"]), {"user": str(s["coordinator"].pk)}
    )


def coordinator_through_the_action(s: dict) -> None:
    register_actions.link_account(s["mayor"], user=s["coordinator"], actor=s["coordinator"])


def admin_on_the_register_page(s: dict) -> None:
    client_for(s["admin"]).post(account_page(s, s["mayor"]), {"user": str(s["admin"].pk)})


def admin_through_the_action(s: dict) -> None:
    register_actions.link_account(s["mayor"], user=s["admin"], actor=s["admin"])


def support_staff_in_the_django_admin(s: dict) -> None:
    submit(
        client_for(s["support"]),
        f"/admin/goals/person/{s['mayor'].pk}/change/",
        {"user": str(s["support"].pk), "_save": "Save"},
    )


def support_staff_adding_a_person_in_the_django_admin(s: dict) -> None:
    """A new person linked to support's own account – then made a participant by anyone."""
    submit(
        client_for(s["support"]),
        "/admin/goals/person/add/",
        {
            "organisation": str(s["org"].pk),
            "name": "Tuki Ihminen",
            "user": str(s["support"].pk),
            "_save": "Save",
        },
    )


def support_staff_on_the_register_page(s: dict) -> None:
    client_for(s["support"]).post(account_page(s, s["mayor"]), {"user": str(s["support"].pk)})


def coordinator_adding_their_own_person_as_a_participant(s: dict) -> None:
    """Linked (by an admin) to a person who did not take part, the coordinator adds that person
    to the participants of a record that already holds confidential minutes."""
    Person.objects.filter(pk=s["outsider_person"].pk).update(user=s["coordinator"])
    discussion = s["discussion"]
    discussion_actions.update_discussion(
        discussion,
        data={"participants": [*discussion.participants.all(), s["outsider_person"]]},
        expected_lock=discussion.lock_version,
        actor=s["coordinator"],
    )


ROUTES: dict[str, tuple[str, Callable[[dict], None]]] = {
    "the coordinator links themself on the register page": (
        "coordinator",
        coordinator_on_the_register_page,
    ),
    "the coordinator moves a participant's link to themself": (
        "coordinator",
        coordinator_relinking_a_participant_on_the_register_page,
    ),
    "the coordinator links themself through the action": (
        "coordinator",
        coordinator_through_the_action,
    ),
    "an organisation admin links themself on the register page": (
        "admin",
        admin_on_the_register_page,
    ),
    "an organisation admin links themself through the action": (
        "admin",
        admin_through_the_action,
    ),
    "support staff link themself in the django admin": (
        "support",
        support_staff_in_the_django_admin,
    ),
    "support staff add a person linked to themself in the django admin": (
        "support",
        support_staff_adding_a_person_in_the_django_admin,
    ),
    "support staff link themself on the register page": (
        "support",
        support_staff_on_the_register_page,
    ),
    "the coordinator adds their own person to the participants": (
        "coordinator",
        coordinator_adding_their_own_person_as_a_participant,
    ),
}


@pytest.mark.parametrize("route", list(ROUTES))
def test_nobody_links_their_own_account_to_a_participant_by_any_route(setting, route):
    who, attempt = ROUTES[route]
    attacker = setting[who]
    org = setting["org"]
    assert not sees_the_secret(attacker, setting["discussion"])
    before = links(org)
    people = Person.objects.count()
    participants = set(setting["discussion"].participants.values_list("pk", flat=True))
    with contextlib.suppress(PermissionDenied, ValidationError):
        attempt(setting)  # refused by the action or not: what counts is that nothing changed
    after = links(org)
    if route == "the coordinator adds their own person to the participants":
        before[setting["outsider_person"].pk] = setting["coordinator"].pk  # the test's set-up
    assert after == before, "a person's account changed"
    assert Person.objects.count() == people
    assert set(setting["discussion"].participants.values_list("pk", flat=True)) == participants
    assert not Person.objects.filter(user=attacker).exclude(pk=setting["outsider_person"].pk)
    assert not sees_the_secret(attacker, setting["discussion"])
    assert not AuditEvent.objects.filter(action="register.person_account", actor=attacker)


def test_nobody_adds_themself_to_an_open_record_before_its_confidential_minutes(setting):
    """Adding one's own person to a record one does not take part in would show everything
    written there in confidence from then on: only a participant adds them."""
    own, partner = setting["outsider_person"], setting["partner"]
    Person.objects.filter(pk=own.pk).update(user=setting["coordinator"])
    own.refresh_from_db()
    record = discussion_actions.create_discussion(
        setting["post"],
        data={
            "kind": Discussion.Kind.DEVELOPMENT,
            "held_on": datetime.date(2026, 5, 4),
            "participants": [setting["mayor"], setting["deputy"]],
        },
        actor=partner,
    )
    present = set(record.participants.all())
    with pytest.raises((PermissionDenied, ValidationError)):
        discussion_actions.update_discussion(
            record,
            data={"participants": [*present, own]},
            expected_lock=record.lock_version,
            actor=setting["coordinator"],
        )
    record = Discussion.objects.get(pk=record.pk)
    assert set(record.participants.all()) == present
    wellbeing = record.items.get(title_fi="Työhyvinvointi ja työmäärä")
    discussion_actions.update_item(
        wellbeing, data={"minutes_fi": SECRET}, expected_lock=wellbeing.lock_version, actor=partner
    )
    assert not sees_the_secret(setting["coordinator"], record)
    # A participant adds them: then they read it, as someone who took part.
    record = Discussion.objects.get(pk=record.pk)
    discussion_actions.update_discussion(
        record,
        data={"participants": [*present, own]},
        expected_lock=record.lock_version,
        actor=partner,
    )
    assert sees_the_secret(setting["coordinator"], record)


def test_the_keeper_who_is_not_an_admin_is_refused_the_link_page_and_told_who_links(setting):
    keeper = client_for(setting["coordinator"])
    url = account_page(setting, setting["mayor"])
    assert keeper.get(url).status_code == 403
    assert keeper.post(url, {"user": ""}).status_code == 403
    seats = keeper.get(f"/fi/o/tuusula/register/people/{setting['mayor'].pk}/seats/")
    assert seats.status_code == 200
    body = seats.content.decode()
    assert url not in body
    assert "Organisaation pääkäyttäjä liittää käyttäjätilin." in body


def test_an_admin_links_another_account_audited_and_the_account_is_told_by_email(
    setting, django_capture_on_commit_callbacks
):
    """The legitimate link: the mayor's own account, by an organisation admin. The mayor then
    reads the confidential minutes of the discussion they took part in."""
    org = setting["org"]
    mayor_account = make_user("f02-pormestari", org, kind=Role.Kind.DISCUSSION_PARTNER)
    mayor_account.email = "pormestari@tuusula.example"
    mayor_account.save()
    admin = client_for(setting["admin"])
    url = account_page(setting, setting["mayor"])
    page = admin.get(url).content.decode()
    assert "f02-pormestari" in page
    assert f'value="{setting["admin"].pk}"' not in page  # never offered the admin's own account
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(url, {"user": str(mayor_account.pk)})
    assert response.status_code == 302
    assert Person.objects.get(pk=setting["mayor"].pk).user == mayor_account
    event = AuditEvent.objects.get(action="register.person_account", actor=setting["admin"])
    assert event.before["user"] is None and event.after["user"] == "f02-pormestari"
    assert [message.to for message in mail.outbox] == [["pormestari@tuusula.example"]]
    assert "Kalle Ikkelä" in mail.outbox[0].body and "f02-pormestari" in mail.outbox[0].body
    assert sees_the_secret(mayor_account, setting["discussion"])
    # Moving the link to another account tells both accounts.
    other = make_user("f02-toinen", org, kind=Role.Kind.BOARD_MEMBER)
    other.email = "toinen@tuusula.example"
    other.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post(url, {"user": str(other.pk)}).status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == [
        "pormestari@tuusula.example",
        "toinen@tuusula.example",
    ]


def test_an_admin_never_links_or_unlinks_their_own_account(setting):
    """Another admin does it: four eyes on the one act that widens what an account sees."""
    admin, mayor = setting["admin"], setting["mayor"]
    with pytest.raises(PermissionDenied):
        register_actions.link_account(mayor, user=admin, actor=admin)
    assert Person.objects.get(pk=mayor.pk).user_id is None
    # Linked by another admin, they cannot unlink or move it themself either.
    second = make_user("f02-admin2", setting["org"], kind=Role.Kind.ADMIN)
    register_actions.link_account(mayor, user=admin, actor=second)
    for target in (None, setting["coordinator"]):
        with pytest.raises(PermissionDenied):
            register_actions.link_account(mayor, user=target, actor=admin)
    assert Person.objects.get(pk=mayor.pk).user == admin
    page = client_for(admin).get(account_page(setting, mayor))
    assert page.status_code == 200 and 'name="user"' not in page.content.decode()
    refused = client_for(admin).post(account_page(setting, mayor), {"user": ""})
    assert refused.status_code == 403
    assert "toinen pääkäyttäjä" in refused.content.decode()
    assert Person.objects.get(pk=mayor.pk).user == admin


def test_a_keeper_cannot_make_the_person_linked_to_their_own_account_the_executive(setting):
    """The holder of the executive post is the executive of the next plans and takes part in
    every discussion of the post: the keeper cannot give that place to themself."""
    own = setting["outsider_person"]
    register_actions.link_account(own, user=setting["coordinator"], actor=setting["admin"])
    keeper = client_for(setting["coordinator"])
    response = keeper.post(
        f"/fi/o/tuusula/register/people/{own.pk}/seats/",
        {"position": f"post:{setting['post'].pk}", "starts_on": "2026-03-01"},
    )
    assert response.status_code == 403
    assert not PostTenure.objects.filter(person=own).exists()
    with pytest.raises(PermissionDenied):
        register_actions.add_position(
            own, post=setting["post"], role="", starts_on=None, actor=setting["coordinator"]
        )
    # Another keeper may (the legitimate work goes on).
    register_actions.add_position(
        own,
        post=setting["post"],
        role="",
        starts_on=datetime.date(2026, 3, 1),
        actor=setting["admin"],
    )
    assert PostTenure.objects.filter(person=own).exists()


def test_no_api_operation_or_import_form_takes_an_account_participants_or_an_executive(demo):
    """The API and the import never set who a person's account is, who took part in a
    discussion or who the plan's executive is: no operation's request body and no field of the
    import's review forms names them (the executive comes from the post's holder)."""
    from suunta.imports import forms as import_forms

    forbidden = {"user", "user_id", "account", "participants", "executive", "executive_id"}
    schema = Client().get("/api/v1/openapi.json").json()
    components = schema.get("components", {}).get("schemas", {})
    named = set()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                named.add((path, method, parameter["name"]))
            body = operation.get("requestBody", {}).get("content", {})
            for media in body.values():
                ref = media.get("schema", {}).get("$ref", "")
                properties = components.get(ref.rsplit("/", 1)[-1], {}).get("properties", {})
                properties = properties or media.get("schema", {}).get("properties", {})
                named |= {(path, method, name) for name in properties}
    assert named, "the OpenAPI document lists the operations"
    assert not [n for n in named if n[2].lower() in forbidden]
    for form in (
        import_forms.ImportStartForm,
        import_forms.PlanReviewForm,
        import_forms.CheckpointReviewForm,
        import_forms.LinesForm,
    ):
        assert not set(form.base_fields) & forbidden, form


def test_single_sign_on_never_finds_an_account_through_a_persons_email(
    demo,
    openid_provider,  # noqa: F811 – the fixture of tests/accounts/test_oidc.py
):
    """A keeper adds a person with someone's e-mail address and (on the old main) links it to
    an admin's account: whoever owns that address at the provider signed in as the admin. Now
    only the account's own address counts, and the sign-in is refused."""
    tuusula = demo["tuusula"]
    admin = make_user("f02-sso-admin", tuusula, kind=Role.Kind.ADMIN)
    admin.email = "admin@tuusula.example"
    admin.save()
    Person.objects.create(
        organisation=tuusula, name="Keksitty Henkilö", email="someone@else.example", user=admin
    )
    session, landed = sign_in_through_the_provider(openid_provider, "outsider")
    assert landed.status_code == 403, landed.url
    assert "someone@else.example" in landed.text
    home = session.get(f"{openid_provider}/en/", timeout=20)
    assert home.url.startswith(f"{openid_provider}/en/accounts/login/")
    assert not AuditEvent.objects.filter(action="sign_in", actor=admin).exists()
