"""What is due from whom, the "expected from you" list on the home page, and the private
calendar feed (parsed back with icalendar)."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar

from suunta.accounts.models import Role
from suunta.goals import actions
from suunta.goals import models as m
from suunta.organisations.models import Body, ExecutivePost, Organisation, Person
from suunta.schedule.due import due_for
from suunta.schedule.models import CalendarFeed, hash_token
from tests.conftest import client_for, make_user
from tests.schedule_setup import people, plan_in_follow_up

TODAY = datetime.date(2030, 3, 10)
D = datetime.date


@pytest.fixture
def tuusula(demo):
    org = demo["tuusula"]
    post = ExecutivePost.objects.get(organisation=org)
    plan = plan_in_follow_up(
        org,
        post,
        [
            (D(2030, 3, 1), D(2030, 3, 20)),
            (D(2030, 4, 1), D(2030, 4, 5)),
            (D(2030, 9, 1), D(2030, 9, 30)),
        ],
    )
    return {"org": org, "post": post, "plan": plan, **people(org)}


def keys(user, today=TODAY):
    return [
        item.key for item in due_for(user, today) if item.plan.title_fi == "Aikataulusuunnitelma"
    ]


def test_each_person_owes_their_own_kind_of_follow_up_for_open_and_upcoming_windows(tuusula):
    s = tuusula
    first, second, later = s["plan"].checkpoints.order_by("order")
    assert keys(s["executive"]) == [f"follow_up:{first.pk}:self", f"follow_up:{second.pk}:self"]
    assert keys(s["partner"]) == [
        f"follow_up:{first.pk}:partner",
        f"follow_up:{second.pk}:partner",
    ]
    assert keys(s["coordinator"]) == [f"follow_up:{first.pk}:joint", f"follow_up:{second.pk}:joint"]
    assert keys(s["member"]) == []
    assert f"follow_up:{later.pk}:self" not in keys(s["executive"])


def test_an_item_is_done_only_when_every_goal_has_its_entry(tuusula):
    s = tuusula
    first = s["plan"].checkpoints.order_by("order").first()
    goals = list(s["plan"].goals.order_by("order"))
    actions.add_follow_up(
        goals[0], first, data={"kind": "self", "text_fi": "a"}, actor=s["executive"]
    )
    assert f"follow_up:{first.pk}:self" in keys(s["executive"])
    actions.add_follow_up(
        goals[1], first, data={"kind": "self", "text_fi": "b"}, actor=s["executive"]
    )
    assert f"follow_up:{first.pk}:self" not in keys(s["executive"])
    # Another partner's assessments do not count as this partner's own.
    other = make_user("toinen", s["org"], kind=Role.Kind.DISCUSSION_PARTNER)
    Person.objects.create(organisation=s["org"], name="Toinen", user=other)
    for goal in goals:
        actions.add_follow_up(goal, first, data={"kind": "partner", "text_fi": "c"}, actor=other)
    assert f"follow_up:{first.pk}:partner" in keys(s["partner"])
    assert f"follow_up:{first.pk}:partner" not in keys(other)


def test_an_overdue_window_stays_due_and_is_marked_overdue(tuusula):
    s = tuusula
    items = [i for i in due_for(s["executive"], D(2030, 4, 10)) if i.plan == s["plan"]]
    assert [i.is_overdue(D(2030, 4, 10)) for i in items] == [True, True]


def test_another_organisation_sees_nothing_of_the_plan(tuusula):
    stranger = make_user("vieras", Organisation.objects.get(slug="kangasala"), Role.Kind.EXECUTIVE)
    assert keys(stranger) == []


def test_drafts_are_proposed_by_drafters_and_proposals_decided_by_preparers(tuusula):
    s = tuusula
    draft = m.GoalPlan.objects.create(
        organisation=s["org"],
        post=s["post"],
        title_fi="Luonnos",
        period_start=D(2031, 1, 1),
        period_end=D(2031, 12, 31),
    )
    assert f"propose:{draft.pk}" in [i.key for i in due_for(s["partner"], TODAY)]
    assert f"propose:{draft.pk}" in [i.key for i in due_for(s["coordinator"], TODAY)]
    assert f"propose:{draft.pk}" not in [i.key for i in due_for(s["executive"], TODAY)]
    m.GoalPlan.objects.filter(pk=draft.pk).update(status="proposed")
    assert f"decide:{draft.pk}" in [i.key for i in due_for(s["coordinator"], TODAY)]
    assert f"decide:{draft.pk}" not in [i.key for i in due_for(s["partner"], TODAY)]
    assert f"decide:{draft.pk}" not in [i.key for i in due_for(s["member"], TODAY)]


def test_a_coming_meeting_is_listed_to_those_who_see_the_plan(tuusula):
    s = tuusula
    body = Body.objects.filter(organisation=s["org"]).first()
    decision = m.Decision.objects.create(
        organisation=s["org"], body=body, meeting_date=D(2030, 3, 31), kind="review", plan=s["plan"]
    )
    assert f"meeting:{decision.pk}" in [i.key for i in due_for(s["member"], TODAY)]
    assert f"meeting:{decision.pk}" not in [i.key for i in due_for(s["member"], D(2030, 4, 1))]


def test_the_home_page_lists_what_is_due_with_deadline_overdue_mark_and_link(demo):
    org = demo["tuusula"]
    post = ExecutivePost.objects.get(organisation=org)
    today = timezone.localdate()
    plan = plan_in_follow_up(
        org,
        post,
        [
            (today - datetime.timedelta(days=20), today - datetime.timedelta(days=2)),
            (today, today + datetime.timedelta(days=9)),
        ],
    )
    users = people(org)
    late, soon = plan.checkpoints.order_by("order")
    html = client_for(users["executive"]).get("/fi/").content.decode()
    late_url = f"/fi/plans/{plan.pk}/checkpoints/{late.pk}/follow-up/?kind=self"
    soon_url = f"/fi/plans/{plan.pk}/checkpoints/{soon.pk}/follow-up/?kind=self"
    assert f'href="{late_url}"' in html and f'href="{soon_url}"' in html
    deadline = soon.closes_on
    assert f"{deadline.day}.{deadline.month}.{deadline.year}" in html
    with translation.override("fi"):
        overdue = gettext("Overdue")
    section = html.split(f'data-key="follow_up:{late.pk}:self"')[1].split("</li>")[0]
    assert overdue in section
    assert overdue not in html.split(f'data-key="follow_up:{soon.pk}:self"')[1].split("</li>")[0]
    member_html = client_for(users["member"]).get("/fi/").content.decode()
    assert late_url not in member_html


# --- The calendar feed ------------------------------------------------------------------------


def create_feed(client) -> str:
    response = client.post("/fi/calendar/", {"action": "create"})
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index("http://testserver/fi/calendar/feed/") + len("http://testserver")
    return html[start : html.index(".ics", start) + 4]


def test_the_feed_address_is_shown_once_and_only_its_hash_is_stored(tuusula):
    client = client_for(tuusula["executive"])
    path = create_feed(client)
    token = path.split("/calendar/feed/")[1].removesuffix(".ics")
    feed = CalendarFeed.objects.get(user=tuusula["executive"])
    assert feed.token_hash == hash_token(token) and token not in feed.token_hash
    assert token not in client.get("/fi/calendar/").content.decode()


def test_creating_replacing_and_revoking_a_feed_are_in_the_audit_log_without_the_secret(tuusula):
    from suunta.audit.models import AuditEvent

    executive = tuusula["executive"]
    client = client_for(executive)
    first = create_feed(client)
    create_feed(client)
    assert client.post("/fi/calendar/", {"action": "revoke"}).status_code == 302
    assert not CalendarFeed.objects.filter(user=executive).exists()
    events = list(
        AuditEvent.objects.filter(actor=executive, action__startswith="calendar_feed.")
        .order_by("id")
        .values_list("action", "after")
    )
    assert events == [
        ("calendar_feed.create", {"replaced": False}),
        ("calendar_feed.create", {"replaced": True}),
        ("calendar_feed.revoke", None),
    ]
    secret = first.split("/calendar/feed/")[1].removesuffix(".ics")
    assert not AuditEvent.objects.filter(after__icontains=secret).exists()


def test_the_feed_carries_windows_deadlines_and_meetings_of_visible_plans(tuusula):
    s = tuusula
    body = Body.objects.filter(organisation=s["org"]).first()
    decision = m.Decision.objects.create(
        organisation=s["org"], body=body, meeting_date=D(2030, 3, 31), kind="review", plan=s["plan"]
    )
    path = create_feed(client_for(s["executive"]))
    response = Client().get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    first = s["plan"].checkpoints.order_by("order").first()
    window = events[f"checkpoint-{first.pk}-window@suunta"]
    assert window.decoded("dtstart") == D(2030, 3, 1)
    assert window.decoded("dtend") == D(2030, 3, 21)
    assert "seuranta 1" in str(window["summary"])
    assert f"/plans/{s['plan'].pk}/checkpoints/{first.pk}/follow-up/" in str(window["url"])
    assert events[f"checkpoint-{first.pk}-deadline@suunta"].decoded("dtstart") == D(2030, 3, 20)
    assert events[f"decision-{decision.pk}@suunta"].decoded("dtstart") == D(2030, 3, 31)
    assert all("dtstamp" in e for e in events.values())
    # Stable UIDs: a second fetch gives the same events.
    again = Calendar.from_ical(Client().get(path).content)
    assert {str(e["uid"]) for e in again.walk("VEVENT")} == set(events)
    # RFC 5545 lines: CRLF and at most 75 octets.
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))


def test_the_feed_is_in_the_users_language_and_escapes_text(tuusula):
    s = tuusula
    plan_in_follow_up(
        s["org"], s["post"], [(D(2030, 5, 1), D(2030, 5, 2))], title_sv="Tidsplan; med, komma"
    )
    path = create_feed(client_for(s["partner"]))  # the partner reads Swedish
    response = Client().get(path)
    assert b"Tidsplan\\; med\\, komma" in response.content
    cal = Calendar.from_ical(response.content)
    summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
    assert any("uppföljning 1" in text and "Tidsplan; med, komma" in text for text in summaries)


def test_the_feed_shows_no_draft_to_a_board_member_and_nothing_of_another_organisation(tuusula):
    s = tuusula
    draft = m.GoalPlan.objects.create(
        organisation=s["org"],
        post=s["post"],
        title_fi="Luonnos",
        period_start=D(2031, 1, 1),
        period_end=D(2031, 12, 31),
    )
    hidden = m.Checkpoint.objects.create(
        plan=draft, label_fi="salainen", opens_on=D(2031, 2, 1), closes_on=D(2031, 2, 2)
    )
    member_cal = Calendar.from_ical(Client().get(create_feed(client_for(s["member"]))).content)
    uids = {str(e["uid"]) for e in member_cal.walk("VEVENT")}
    assert f"checkpoint-{hidden.pk}-window@suunta" not in uids
    first = s["plan"].checkpoints.order_by("order").first()
    assert f"checkpoint-{first.pk}-window@suunta" in uids
    stranger = make_user("vieras", Organisation.objects.get(slug="kangasala"), Role.Kind.EXECUTIVE)
    other = Calendar.from_ical(Client().get(create_feed(client_for(stranger))).content)
    assert not {str(e["uid"]) for e in other.walk("VEVENT")} & uids


def test_a_regenerated_or_revoked_or_unknown_address_is_not_found(tuusula):
    client = client_for(tuusula["executive"])
    old = create_feed(client)
    new = create_feed(client)
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200
    assert client.post("/fi/calendar/", {"action": "revoke"}).status_code == 302
    assert Client().get(new).status_code == 404
    assert Client().get("/fi/calendar/feed/not-a-token.ics").status_code == 404
    assert not CalendarFeed.objects.filter(user=tuusula["executive"]).exists()


def test_an_inactive_users_address_is_not_found(tuusula):
    user = tuusula["executive"]
    path = create_feed(client_for(user))
    user.is_active = False
    user.save()
    assert Client().get(path).status_code == 404


def test_an_unknown_calendar_action_is_refused_and_changes_nothing(tuusula):
    client = client_for(tuusula["executive"])
    create_feed(client)
    before = CalendarFeed.objects.get(user=tuusula["executive"]).token_hash
    response = client.post("/fi/calendar/", {"action": "explode"})
    assert response.status_code == 422
    with translation.override("fi"):
        message = gettext("Choose whether to create or revoke the calendar address.")
    assert message in response.content.decode()
    assert CalendarFeed.objects.get(user=tuusula["executive"]).token_hash == before


def test_the_due_list_takes_as_many_queries_for_many_plans_as_for_one(tuusula):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    s = tuusula
    user = s["coordinator"]
    user = type(user).objects.get(pk=user.pk)  # fresh: no cached roles
    with CaptureQueriesContext(connection) as one:
        due_for(user, TODAY)
    for _ in range(3):
        plan_in_follow_up(s["org"], s["post"], [(D(2030, 3, 1), D(2030, 3, 20))], goals=3)
    user = type(user).objects.get(pk=user.pk)
    with CaptureQueriesContext(connection) as many:
        items = due_for(user, TODAY)
    assert len([i for i in items if i.kind == "follow_up"]) >= 5
    assert len(many.captured_queries) == len(one.captured_queries)
