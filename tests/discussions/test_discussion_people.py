"""Who takes part in a discussion (issue 17, the usability review's gap 4): the post's partners
and the one who records it are pre-filled; the one who records it always takes part, so that
nobody is locked out of what they wrote; people with the same title are told apart; the
executive acknowledges the signed-off record as well as the chair signing it off."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from suunta.audit.models import AuditEvent
from suunta.core.actions import WrongState
from suunta.discussions import actions
from suunta.discussions.forms import distinct_labels
from suunta.discussions.models import Discussion
from suunta.goals import queries as goal_queries
from suunta.organisations.models import Person
from tests.conftest import client_for

from .conftest import fill_all_minutes

pytestmark = pytest.mark.django_db


def test_the_new_record_form_has_the_posts_partners_and_its_recorder_ticked(tuusula, users):
    partners = goal_queries.discussion_partners(tuusula["post"])
    assert {p.pk for p in partners} == {
        tuusula["mayor"].pk,
        tuusula["deputy"].pk,
        Person.objects.filter(organisation=tuusula["org"], title_fi="Apulaispormestari")
        .exclude(pk=tuusula["deputy"].pk)
        .get()
        .pk,
        tuusula["chair"].pk,
    }
    page = client_for(users["discussion_partner"]).get(
        f"/fi/posts/{tuusula['post'].pk}/discussions/new/"
    )
    html = page.content.decode()
    for person in partners:
        assert f'value="{person.pk}"' in html
        assert f'name="participants" value="{person.pk}"' in html
        start = html.index(f'name="participants" value="{person.pk}"')
        assert "checked" in html[start : html.index(">", start)]


def test_two_deputy_mayors_without_names_are_told_apart(tuusula):
    deputies = list(
        Person.objects.filter(organisation=tuusula["org"], title_fi="Apulaispormestari").order_by(
            "created_at"
        )
    )
    with translation.override("fi"):
        labels = distinct_labels(deputies)
    assert sorted(labels.values()) == [
        "Apulaispormestari 1 (nimeä ei ole kirjattu)",
        "Apulaispormestari 2 (nimeä ei ole kirjattu)",
    ]


def test_the_recorder_takes_part_and_reads_what_they_wrote(tuusula, users):
    coordinator = users["coordinator"]
    assert not Person.objects.filter(user=coordinator).exists()
    record = actions.create_discussion(
        tuusula["post"],
        data={
            "kind": Discussion.Kind.GOAL,
            "held_on": datetime.date(2026, 2, 2),
            "participants": [tuusula["mayor"]],
        },
        actor=coordinator,
    )
    own = Person.objects.get(user=coordinator, organisation=tuusula["org"])
    assert own in record.participants.all()
    secret = record.items.filter(confidential=True).first()
    actions.update_item(
        secret,
        data={"minutes_fi": "Luottamuksellinen kirjaus."},
        expected_lock=1,
        actor=coordinator,
    )
    page = client_for(coordinator).get(f"/fi/discussions/{record.pk}/").content.decode()
    assert "Luottamuksellinen kirjaus." in page
    assert AuditEvent.objects.filter(action="person.create", object_id=str(own.pk)).exists()
    # Nobody removes themself and loses what they wrote.
    with pytest.raises(ValidationError) as refused:
        actions.update_discussion(
            record,
            data={"participants": [tuusula["mayor"]]},
            expected_lock=record.lock_version,
            actor=coordinator,
        )
    assert "participants" in refused.value.message_dict


def test_the_executive_acknowledges_the_signed_off_record(tuusula, users):
    record = actions.create_discussion(
        tuusula["post"],
        data={
            "kind": Discussion.Kind.GOAL,
            "held_on": datetime.date(2026, 2, 2),
            "participants": [tuusula["mayor"]],
        },
        actor=users["discussion_partner"],
    )
    executive = users["executive"]
    with pytest.raises(WrongState):
        actions.acknowledge_discussion(record, expected_lock=record.lock_version, actor=executive)
    fill_all_minutes(record, users["discussion_partner"])
    record = Discussion.objects.get(pk=record.pk)
    record = actions.sign_off_discussion(
        record, expected_lock=record.lock_version, actor=users["discussion_partner"]
    )
    with pytest.raises(PermissionDenied):
        actions.acknowledge_discussion(
            record, expected_lock=record.lock_version, actor=users["discussion_partner"]
        )
    client = client_for(executive)
    page = client.get(f"/fi/discussions/{record.pk}/").content.decode()
    assert f"/fi/discussions/{record.pk}/acknowledge/" in page
    answer = client.post(
        f"/fi/discussions/{record.pk}/acknowledge/", {"lock_version": record.lock_version}
    )
    assert answer.status_code == 302
    record.refresh_from_db()
    assert record.acknowledged_by == tuusula["chief"] and record.acknowledged_at is not None
    page = client.get(f"/fi/discussions/{record.pk}/").content.decode()
    assert "kuittasi luetuksi" in page
    again = client.post(
        f"/fi/discussions/{record.pk}/acknowledge/", {"lock_version": record.lock_version}
    )
    assert again.status_code == 409
