"""Goal and development discussion records: agenda templates, the record, its minutes and
agreed actions, sign-off, and who reads what (confidential items only for the participants)."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from suunta.audit.models import AuditEvent
from suunta.demo import seed
from suunta.discussions import actions
from suunta.discussions import permissions as discussion_permissions
from suunta.discussions.models import (
    AgendaTemplate,
    Discussion,
    DiscussionClosed,
    DiscussionItem,
    TrainingAction,
)
from suunta.organisations.models import Person
from tests.conftest import client_for

from .conftest import fill_all_minutes, person

SECRET = "Uupumuksen merkkejä, sairausloma syksyllä"
SECRET_ACTION = "Luottamuksellinen työnohjaus 7 300 €"


# --- Agenda templates ---------------------------------------------------------------------------


def test_the_default_agenda_is_created_on_first_use_with_the_usual_topics(demo):
    org = demo["kangasala"]
    assert not AgendaTemplate.objects.filter(organisation=org).exists()
    template = actions.ensure_default_template(org)
    assert actions.ensure_default_template(org) == template
    titles = {i.title_fi: i.confidential for i in template.items.all()}
    assert titles["Työhyvinvointi ja työmäärä"] is True
    assert titles["Osaaminen sekä koulutus- ja kehittymistarpeet"] is True
    assert titles["Palkkaus"] is True
    assert titles["Yhteistyö poliittisen johdon kanssa"] is False
    assert titles["Edellisen kauden tavoitteiden toteutuminen"] is False
    assert [i.order for i in template.items.all()] == list(range(1, len(titles) + 1))


def test_the_tuusula_agenda_carries_the_purpose_of_the_discussion_from_the_seed(demo):
    template = AgendaTemplate.objects.get(organisation=demo["tuusula"], is_default=True)
    purpose = template.items.get(order=1)
    assert "Poliittisen ja operatiivisen johdon yhteistyön kehittäminen" in purpose.guidance_fi
    assert "Kansliapäällikön osaamisen kehittäminen ja työhyvinvoinnin varmistaminen" in (
        purpose.guidance_fi
    )


def test_a_coordinator_edits_the_agenda_template_and_a_board_member_may_not(tuusula, users):
    template = actions.ensure_default_template(tuusula["org"])
    url = f"/fi/agendas/{template.pk}/"
    assert client_for(users["board_member"]).get(url).status_code == 403
    assert client_for(users["executive"]).get(url).status_code == 403
    client = client_for(users["coordinator"])
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "name_fi": "Kehityskeskustelu",
        "lock_version": template.lock_version,
        "items-TOTAL_FORMS": "3",
        "items-INITIAL_FORMS": "0",
        "items-0-title_fi": "Työhyvinvointi",
        "items-0-confidential": "on",
        "items-0-ORDER": "2",
        "items-1-title_fi": "Tavoitteet",
        "items-1-ORDER": "1",
        "items-2-title_fi": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    template.refresh_from_db()
    assert template.name_fi == "Kehityskeskustelu"
    assert [(i.title_fi, i.confidential) for i in template.items.all()] == [
        ("Tavoitteet", False),
        ("Työhyvinvointi", True),
    ]
    # A stale save is refused and changes nothing.
    stale = client.post(url, {**data, "name_fi": "Vanha", "lock_version": 1})
    assert stale.status_code == 409
    template.refresh_from_db()
    assert template.name_fi == "Kehityskeskustelu"


def test_an_agenda_with_an_item_without_a_title_is_refused_with_a_message(tuusula, users):
    template = actions.ensure_default_template(tuusula["org"])
    count = template.items.count()
    response = client_for(users["coordinator"]).post(
        f"/fi/agendas/{template.pk}/",
        {
            "name_fi": "X",
            "lock_version": template.lock_version,
            "items-TOTAL_FORMS": "1",
            "items-INITIAL_FORMS": "0",
            "items-0-guidance_fi": "ohje ilman otsikkoa",
        },
    )
    assert response.status_code == 422
    assert "Tämä kenttä vaaditaan" in response.content.decode()
    assert template.items.count() == count


# --- Creating a record --------------------------------------------------------------------------


def test_a_record_copies_the_agenda_and_the_executive_takes_part(discussion, tuusula):
    template = AgendaTemplate.objects.get(organisation=tuusula["org"], is_default=True)
    assert [i.title_fi for i in discussion.items.order_by("order")] == [
        i.title_fi for i in template.items.all()
    ]
    assert discussion.executive == tuusula["chief"]
    assert set(discussion.participants.all()) == {
        tuusula["chief"],
        tuusula["mayor"],
        tuusula["deputy"],
    }


def test_participants_of_another_organisation_are_refused_and_nothing_is_saved(tuusula, users):
    outsider = person("kangasala/person/manager")
    before = Discussion.objects.count()
    with pytest.raises(ValidationError) as error:
        actions.create_discussion(
            tuusula["post"],
            data={
                "kind": "goal",
                "held_on": datetime.date(2026, 1, 1),
                "participants": [tuusula["mayor"], outsider],
            },
            actor=users["coordinator"],
        )
    assert "participants" in error.value.message_dict
    assert Discussion.objects.count() == before


def test_the_new_record_form_answers_bad_input_with_a_message_and_saves_nothing(tuusula, users):
    client = client_for(users["coordinator"])
    url = f"/fi/posts/{tuusula['post'].pk}/discussions/new/"
    assert client.get(url).status_code == 200
    before = Discussion.objects.count()
    response = client.post(url, {"kind": "goal", "held_on": "31.2.2026"})
    assert response.status_code == 422
    body = response.content.decode()
    assert "Syötä oikea päivämäärä" in body or "päivämäärä" in body
    assert Discussion.objects.count() == before
    response = client.post(
        url,
        {
            "kind": "evaluation",
            "held_on": "2026-02-11",
            "participants": [str(tuusula["mayor"].pk)],
            "plan": str(tuusula["plan"].pk),
        },
    )
    assert response.status_code == 302
    created = Discussion.objects.get(
        kind="evaluation",
        held_on=datetime.date(2026, 2, 11),
        plan=tuusula["plan"],
        created_by=users["coordinator"],
    )
    assert response["Location"] == f"/fi/discussions/{created.pk}/"


def test_board_members_and_the_audit_committee_may_not_record_discussions(tuusula, users):
    url = f"/fi/posts/{tuusula['post'].pk}/discussions/new/"
    for role in ("board_member", "audit_committee"):
        assert client_for(users[role]).get(url).status_code == 403
    assert client_for(users["executive"]).get(url).status_code == 200
    assert client_for(users["other_org"]).get(url).status_code == 404


# --- Confidentiality ------------------------------------------------------------------------------


def test_only_participants_read_a_confidential_item(discussion, users):
    item = discussion.items.get(title_fi="Työhyvinvointi ja työmäärä")
    readers = {
        name
        for name, user in users.items()
        if discussion_permissions.can_read_discussion_item(user, item)
    }
    assert readers == {"discussion_partner", "executive"}
    public = discussion.items.get(title_fi="Yhteistyö poliittisen johdon kanssa")
    public_readers = {
        name
        for name, user in users.items()
        if discussion_permissions.can_read_discussion_item(user, public)
    }
    assert public_readers == set(users) - {"other_org"}


def test_a_coordinator_who_takes_part_reads_the_confidential_items(discussion, users, tuusula):
    coordinator_person = Person.objects.create(
        organisation=tuusula["org"],
        name="Hanna Hallinto",
        title_fi="Hallintojohtaja",
        user=users["coordinator"],
    )
    item = discussion.items.get(title_fi="Työhyvinvointi ja työmäärä")
    assert not discussion_permissions.can_read_discussion_item(users["coordinator"], item)
    actions.update_discussion(
        discussion,
        data={"participants": [tuusula["mayor"], tuusula["deputy"], coordinator_person]},
        expected_lock=discussion.lock_version,
        actor=users["discussion_partner"],
    )
    fresh = DiscussionItem.objects.get(pk=item.pk)
    assert discussion_permissions.can_read_discussion_item(users["coordinator"], fresh)


def test_a_non_participant_may_not_add_themself_once_there_is_confidential_content(
    discussion, users, tuusula
):
    me = Person.objects.create(
        organisation=tuusula["org"], name="Hanna Hallinto", user=users["coordinator"]
    )
    with pytest.raises(PermissionDenied):
        actions.update_discussion(
            discussion,
            data={"participants": [tuusula["mayor"], tuusula["deputy"], me]},
            expected_lock=discussion.lock_version,
            actor=users["coordinator"],
        )
    assert me not in discussion.participants.all()


def test_a_non_participant_cannot_open_change_or_remove_a_confidential_item(discussion, users):
    item = discussion.items.get(title_fi="Työhyvinvointi ja työmäärä")
    client = client_for(users["coordinator"])
    assert client.get(f"/fi/discussion-items/{item.pk}/edit/").status_code == 404
    response = client.post(
        f"/fi/discussion-items/{item.pk}/edit/", {"title_fi": "x", "minutes_fi": "ylikirjoitettu"}
    )
    assert response.status_code == 404
    response = client.post(
        f"/fi/discussion-items/{item.pk}/delete/", {"lock_version": item.lock_version}
    )
    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        actions.update_item(
            item, data={"minutes_fi": "x"}, expected_lock=item.lock_version, actor=users["admin"]
        )
    item.refresh_from_db()
    assert item.minutes_fi == SECRET


def _every_get_url(discussion, tuusula) -> list[str]:
    plan = tuusula["plan"]
    item = discussion.items.get(title_fi="Työhyvinvointi ja työmäärä")
    action = discussion.actions.get(confidential=True)
    public_action = discussion.actions.get(confidential=False)
    template = AgendaTemplate.objects.get(organisation=tuusula["org"], is_default=True)
    urls = [
        "/fi/",
        "/fi/o/tuusula/",
        f"/fi/posts/{tuusula['post'].pk}/",
        f"/fi/plans/{plan.pk}/",
        f"/fi/plans/{plan.pk}/versions/",
        f"/fi/plans/{plan.pk}/audit/",
        f"/fi/discussions/{discussion.pk}/",
        f"/fi/discussions/{discussion.pk}/edit/",
        f"/fi/discussions/{discussion.pk}/sign-off/",
        f"/fi/discussions/{discussion.pk}/items/new/",
        f"/fi/discussions/{discussion.pk}/actions/new/",
        f"/fi/discussion-items/{item.pk}/edit/",
        f"/fi/training-actions/{action.pk}/edit/",
        f"/fi/training-actions/{action.pk}/follow-up/",
        f"/fi/training-actions/{public_action.pk}/follow-up/",
        "/fi/o/tuusula/agendas/",
        f"/fi/agendas/{template.pk}/",
        "/api/v1/organisations",
        f"/api/v1/organisations/{tuusula['org'].pk}",
        "/api/v1/posts",
        f"/api/v1/posts/{tuusula['post'].pk}",
        "/api/v1/plans",
        f"/api/v1/plans/{plan.pk}",
        f"/api/v1/plans/{plan.pk}/content",
    ]
    for lang in ("sv", "en"):
        urls.append(f"/{lang}/discussions/{discussion.pk}/")
    return urls


@pytest.mark.slow
def test_a_confidential_text_never_appears_in_any_page_or_api_answer_for_a_non_participant(
    discussion, users, tuusula
):
    """Every role that did not take part, including the coordinator who created the record,
    the organisation admin and a superuser: the confidential minutes and the confidential
    action appear nowhere, while the public minutes are read by every member."""
    urls = _every_get_url(discussion, tuusula)
    outsiders = [name for name in users if name not in ("discussion_partner", "executive")]
    assert set(outsiders) >= {
        "admin",
        "coordinator",
        "board_member",
        "audit_committee",
        "superuser",
        "other_org",
        "other_partner",
    }
    leaks = []
    seen_public = set()
    for name in [*outsiders, "anonymous"]:
        client = Client() if name == "anonymous" else client_for(users[name])
        for url in urls:
            response = client.get(url)
            body = response.content.decode()
            for secret in (SECRET, SECRET_ACTION):
                if secret in body:
                    leaks.append(f"{name} {url}: {secret!r}")
            # The confidential amount as a number of its own, not inside an id or a time stamp
            # ("…-7300-…" in a UUID, ".573001" in microseconds).
            if re.search(r"(?<![\w.:-])7(?:\xa0| )?300(?![\w])", body):
                leaks.append(f"{name} {url}: 7 300")
            if "Tiedonkulku on sujuvaa." in body:
                seen_public.add(name)
    assert not leaks, "\n".join(leaks)
    assert seen_public == set(outsiders) - {"other_org"}
    # The participants do read it.
    for name in ("discussion_partner", "executive"):
        body = client_for(users[name]).get(f"/fi/discussions/{discussion.pk}/").content.decode()
        assert SECRET in body and SECRET_ACTION in body


def test_the_audit_log_records_that_minutes_changed_but_never_what_they_say(discussion):
    events = AuditEvent.objects.filter(
        object_type__in=["discussion", "discussionitem", "trainingaction"]
    )
    assert events.filter(action="discussion_item.update").exists()
    for event in events:
        text = f"{event.before} {event.after}"
        assert SECRET not in text and SECRET_ACTION not in text and "7300" not in text
    update = events.filter(action="discussion_item.update").first()
    assert update.after["changed"] == ["minutes_fi"]


def test_a_record_tied_to_a_draft_plan_is_hidden_from_board_members(tuusula, users, draft):
    d = actions.create_discussion(
        tuusula["post"],
        data={
            "kind": "goal",
            "held_on": datetime.date(2026, 1, 10),
            "plan": draft,
            "participants": [tuusula["mayor"]],
        },
        actor=users["coordinator"],
    )
    assert client_for(users["board_member"]).get(f"/fi/discussions/{d.pk}/").status_code == 404
    assert client_for(users["coordinator"]).get(f"/fi/discussions/{d.pk}/").status_code == 200
    page = client_for(users["board_member"]).get(f"/fi/posts/{tuusula['post'].pk}/")
    assert f"/fi/discussions/{d.pk}/" not in page.content.decode()


# --- Editing, locking and sign-off --------------------------------------------------------------


def test_a_stale_save_of_the_minutes_is_refused_with_the_saved_version_shown(discussion, users):
    item = discussion.items.get(title_fi="Yhteistyö poliittisen johdon kanssa")
    client = client_for(users["coordinator"])
    url = f"/fi/discussion-items/{item.pk}/edit/"
    first = client.post(
        url,
        {"title_fi": item.title_fi, "minutes_fi": "Ensimmäinen", "lock_version": item.lock_version},
    )
    assert first.status_code == 302
    second = client.post(
        url, {"title_fi": item.title_fi, "minutes_fi": "Toinen", "lock_version": item.lock_version}
    )
    assert second.status_code == 409
    body = second.content.decode()
    assert "Ensimmäinen" in body and "Toinen" in body
    item.refresh_from_db()
    assert item.minutes_fi == "Ensimmäinen"


def test_items_are_added_moved_and_removed(discussion, users):
    client = client_for(users["discussion_partner"])
    response = client.post(
        f"/fi/discussions/{discussion.pk}/items/new/",
        {"title_fi": "Muut asiat", "minutes_fi": "", "confidential": "on"},
    )
    assert response.status_code == 302
    added = discussion.items.get(title_fi="Muut asiat")
    assert added.confidential and added.order == discussion.items.count()
    assert client.post(f"/fi/discussion-items/{added.pk}/move/up/").status_code == 302
    added.refresh_from_db()
    assert added.order == discussion.items.count() - 1
    response = client.post(
        f"/fi/discussion-items/{added.pk}/delete/", {"lock_version": added.lock_version}
    )
    assert response.status_code == 302
    assert not discussion.items.filter(title_fi="Muut asiat").exists()
    assert list(discussion.items.values_list("order", flat=True)) == list(
        range(1, discussion.items.count() + 1)
    )


def test_signing_off_needs_the_minutes_of_every_item(discussion, users):
    client = client_for(users["discussion_partner"])
    empty = discussion.items.get(title_fi="Palkkaus")
    page = client.get(f"/fi/discussions/{discussion.pk}/sign-off/").content.decode()
    assert f"/fi/discussion-items/{empty.pk}/edit/" in page
    response = client.post(
        f"/fi/discussions/{discussion.pk}/sign-off/", {"lock_version": discussion.lock_version}
    )
    assert response.status_code == 422
    assert "Kirjoita jokaisen kohdan muistiinpanot" in response.content.decode() or (
        "Write the minutes" in response.content.decode()
    )
    discussion.refresh_from_db()
    assert discussion.is_open


def test_only_a_participant_who_holds_or_records_the_discussion_signs_it_off(discussion, users):
    fill_all_minutes(discussion, users["discussion_partner"])
    discussion.refresh_from_db()
    for name in ("coordinator", "admin", "executive", "board_member", "other_partner"):
        with pytest.raises(PermissionDenied):
            actions.sign_off_discussion(
                discussion, expected_lock=discussion.lock_version, actor=users[name]
            )
    signed = actions.sign_off_discussion(
        discussion, expected_lock=discussion.lock_version, actor=users["discussion_partner"]
    )
    assert signed.status == Discussion.Status.SIGNED_OFF
    assert signed.signed_off_by.user == users["discussion_partner"]


def test_a_signed_off_record_is_read_only_except_the_follow_up_of_its_actions(discussion, users):
    partner = users["discussion_partner"]
    fill_all_minutes(discussion, partner)
    discussion.refresh_from_db()
    actions.sign_off_discussion(discussion, expected_lock=discussion.lock_version, actor=partner)
    item = discussion.items.first()
    action = discussion.actions.get(confidential=False)
    # Actions refuse.
    with pytest.raises(actions.WrongState):
        actions.update_item(
            item, data={"minutes_fi": "x"}, expected_lock=item.lock_version, actor=partner
        )
    with pytest.raises(actions.WrongState):
        actions.add_item(discussion, data={"title_fi": "x"}, actor=partner)
    with pytest.raises(actions.WrongState):
        actions.update_training_action(
            action, data={"budget": Decimal(1)}, expected_lock=action.lock_version, actor=partner
        )
    # The models refuse too.
    item.minutes_fi = "ohi toimintojen"
    with pytest.raises(DiscussionClosed):
        item.save()
    with pytest.raises(DiscussionClosed):
        item.delete()
    with pytest.raises(DiscussionClosed):
        DiscussionItem(discussion=discussion, title_fi="uusi").save()
    fresh = Discussion.objects.get(pk=discussion.pk)
    fresh.held_on = datetime.date(2020, 1, 1)
    with pytest.raises(DiscussionClosed):
        fresh.save()
    action.budget = Decimal("1")
    with pytest.raises(DiscussionClosed):
        action.save()
    # Pages refuse with 409.
    client = client_for(partner)
    assert client.get(f"/fi/discussion-items/{item.pk}/edit/").status_code == 409
    assert client.get(f"/fi/discussions/{discussion.pk}/edit/").status_code == 409
    # The follow-up of an action still goes on, by page and by action.
    action = TrainingAction.objects.get(pk=action.pk)
    response = client_for(users["coordinator"]).post(
        f"/fi/training-actions/{action.pk}/follow-up/",
        {
            "status": "in_progress",
            "written_on": "2026-03-01",
            "text_fi": "Ilmoittautuminen tehty.",
            "lock_version": action.lock_version,
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "in_progress"
    assert [n.text_fi for n in action.notes.all()] == ["Ilmoittautuminen tehty."]
    page = client.get(f"/fi/discussions/{discussion.pk}/").content.decode()
    assert "Ilmoittautuminen tehty." in page and "1.3.2026" in page


# --- Training actions: bad input -----------------------------------------------------------------


def test_a_budget_is_read_the_finnish_way(discussion, users):
    client = client_for(users["coordinator"])
    response = client.post(
        f"/fi/discussions/{discussion.pk}/actions/new/",
        {"description_fi": "Kielikurssi", "budget": "1 250,50 €", "due_on": "2026-05-31"},
    )
    assert response.status_code == 302
    action = discussion.actions.get(description_fi="Kielikurssi")
    assert action.budget == Decimal("1250.50")
    page = client.get(f"/fi/discussions/{discussion.pk}/").content.decode()
    assert "1\xa0250,50 €" in page


@pytest.mark.parametrize(
    ("data", "field_message"),
    [
        ({"budget": "-100"}, "Budjetti ei voi olla negatiivinen"),
        ({"budget": "sata euroa"}, "Kirjoita budjetti euroina"),
        ({"due_on": "2025-12-31"}, "Määräpäivä ei voi olla ennen keskustelua"),
        ({"description_fi": ""}, "Tämä kenttä vaaditaan"),
        ({"responsible": str(seed.uid("kangasala/person/manager"))}, "Valitse oikea vaihtoehto"),
    ],
)
def test_bad_input_in_an_action_gets_a_message_and_saves_nothing(
    discussion, users, data, field_message, settings
):
    before = discussion.actions.count()
    response = client_for(users["coordinator"]).post(
        f"/fi/discussions/{discussion.pk}/actions/new/",
        {"description_fi": "Kurssi", **data},
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert field_message in body or _english(field_message) in body
    assert discussion.actions.count() == before


def _english(fi: str) -> str:
    return {
        "Budjetti ei voi olla negatiivinen": "A budget cannot be negative.",
        "Kirjoita budjetti euroina": "Write the budget in euros",
        "Määräpäivä ei voi olla ennen keskustelua": "The due date cannot be before the discussion.",
        "Tämä kenttä vaaditaan": "This field is required.",
        "Valitse oikea vaihtoehto": "Select a valid choice",
    }[fi]


def test_a_responsible_person_of_another_organisation_is_refused_by_the_action(discussion, users):
    with pytest.raises(ValidationError) as error:
        actions.add_training_action(
            discussion,
            data={"description_fi": "x", "responsible": person("kangasala/person/manager")},
            actor=users["coordinator"],
        )
    assert "responsible" in error.value.message_dict
    with pytest.raises(ValidationError):
        actions.add_training_action(
            discussion,
            data={"description_fi": "x", "budget": Decimal("-1")},
            actor=users["coordinator"],
        )


# --- Demo data ------------------------------------------------------------------------------------


def test_the_demo_discussions_load_twice_without_duplicates(demo):
    counts = (
        Discussion.objects.count(),
        DiscussionItem.objects.count(),
        TrainingAction.objects.count(),
    )
    seed.load(accounts=True)
    assert (
        Discussion.objects.count(),
        DiscussionItem.objects.count(),
        TrainingAction.objects.count(),
    ) == counts
    evaluation = Discussion.objects.get(kind="evaluation", organisation__slug="tuusula")
    assert evaluation.held_on == datetime.date(2026, 2, 11)
    assert evaluation.items.filter(confidential=True, minutes_fi__contains="työkuorma").exists()
    assert evaluation.actions.filter(budget__isnull=False).count() == 1
    done = evaluation.actions.get(status="done")
    assert done.notes.count() == 1
    goal = Discussion.objects.get(kind="goal", organisation__slug="tuusula")
    assert goal.plan == demo["plan"] and goal.held_on.year == 2025


def test_the_executive_records_and_edits_their_own_discussion_but_does_not_sign_it_off(
    tuusula, users
):
    client = client_for(users["executive"])
    response = client.post(
        f"/fi/posts/{tuusula['post'].pk}/discussions/new/",
        {"kind": "development", "held_on": "2026-10-01", "participants": [tuusula["deputy"].pk]},
    )
    assert response.status_code == 302
    d = Discussion.objects.get(held_on=datetime.date(2026, 10, 1))
    assert d.executive == tuusula["chief"]
    item = d.items.get(title_fi="Palkkaus")
    response = client.post(
        f"/fi/discussion-items/{item.pk}/edit/",
        {"title_fi": "Palkkaus", "minutes_fi": "Ehdotus", "lock_version": item.lock_version},
    )
    assert response.status_code == 302
    assert client.get(f"/fi/discussions/{d.pk}/sign-off/").status_code == 403


def test_the_post_page_lists_the_discussions_the_reader_may_see(demo, tuusula, users):
    page = client_for(users["board_member"]).get(f"/fi/posts/{tuusula['post'].pk}/")
    body = page.content.decode()
    for d in Discussion.objects.filter(post=tuusula["post"]):
        assert f"/fi/discussions/{d.pk}/" in body
    assert f"/fi/posts/{tuusula['post'].pk}/discussions/new/" not in body
    body = client_for(users["coordinator"]).get(f"/fi/posts/{tuusula['post'].pk}/").content
    assert f"/fi/posts/{tuusula['post'].pk}/discussions/new/".encode() in body
    assert b"/fi/o/tuusula/agendas/" in body
