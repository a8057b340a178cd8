"""The caches behind the fast pages (docs/performance.md): the plan page's content per reader
profile and the public pages' bodies by ETag never show stale content or content rendered for
someone else, and the CSRF token in a cached page is the reader's own."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from suunta.accounts.models import Role
from suunta.goals import actions
from suunta.goals import models as m
from suunta.organisations.models import FocusArea, Organisation
from tests.conftest import client_for, make_user, move_to


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def plan(demo):
    return move_to(demo["plan"], "in_follow_up")


def page(client, plan) -> str:
    response = client.get(f"/fi/plans/{plan.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_follow_up_written_after_the_page_was_read_shows_on_the_next_read(
    demo, coordinator, plan
):
    client = client_for(coordinator)
    assert "Kirjoitettu välimuistin jälkeen" not in page(client, plan)
    goal = plan.goals.order_by("order").first()
    checkpoint = plan.checkpoints.order_by("order").first()
    actions.add_follow_up(
        goal,
        checkpoint,
        data={"text_fi": "Kirjoitettu välimuistin jälkeen", "kind": "joint"},
        actor=coordinator,
    )
    assert "Kirjoitettu välimuistin jälkeen" in page(client, plan)


def test_a_state_change_shows_on_the_next_read(demo, coordinator, plan):
    client = client_for(coordinator)
    assert "status-in_follow_up" in page(client, plan)
    move_to(plan, "evaluated")
    html = page(client, plan)
    assert "status-evaluated" in html
    assert "status-in_follow_up" not in html


def test_a_board_member_never_gets_the_page_rendered_for_a_coordinator(demo, coordinator, plan):
    member = make_user("member", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    assert 'id="recent-heading"' in page(client_for(coordinator), plan)
    assert 'id="recent-heading"' not in page(client_for(member), plan)
    # And the other way round: the coordinator's page is not the member's either.
    assert 'id="recent-heading"' in page(client_for(coordinator), plan)


def test_a_reader_whose_role_changes_gets_the_page_for_the_new_role(demo, coordinator, plan):
    client = client_for(coordinator)
    assert 'id="recent-heading"' in page(client, plan)
    Role.objects.filter(user=coordinator).update(kind=Role.Kind.BOARD_MEMBER)
    assert 'id="recent-heading"' not in page(client, plan)


def test_a_reader_who_may_no_longer_see_the_plan_gets_404_not_the_cached_page(
    demo, coordinator, plan
):
    client = client_for(coordinator)
    page(client, plan)
    Role.objects.filter(user=coordinator).delete()
    assert client.get(f"/fi/plans/{plan.pk}/").status_code == 404


def test_the_csrf_token_in_a_cached_page_is_the_readers_own_and_valid(demo, coordinator, plan):
    page(client_for(coordinator), plan)  # the content is now cached
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    html = page(client, plan)
    assert "suunta-csrf-token-placeholder" not in html
    form = re.search(
        r'<form method="post" action="([^"]+/amend/)"><input type="hidden" '
        r'name="csrfmiddlewaretoken" value="([^"]+)"',
        html,
    )
    assert form is not None, "the amend form with its token"
    response = client.post(form.group(1), {"csrfmiddlewaretoken": form.group(2)})
    assert response.status_code == 302
    assert m.GoalPlan.objects.filter(supersedes=plan).exists()


def test_a_cached_reread_of_the_plan_page_makes_few_queries(
    demo, coordinator, plan, django_assert_max_num_queries
):
    client = client_for(coordinator)
    page(client, plan)
    with django_assert_max_num_queries(8):
        page(client, plan)


def test_a_public_page_shows_a_change_made_after_it_was_cached(demo, client):
    html = client.get("/fi/public/kangasala/").content.decode()
    area = FocusArea.objects.filter(post__organisation__slug="kangasala").first()
    assert "Uusi painopistealue välimuistin jälkeen" not in html
    area.text_fi = "Uusi painopistealue välimuistin jälkeen"
    area.save()
    html = client.get("/fi/public/kangasala/").content.decode()
    assert "Uusi painopistealue välimuistin jälkeen" in html


def test_a_public_page_from_the_cache_keeps_its_language_and_headers(demo, client):
    first = client.get("/fi/public/kangasala/goals.csv")
    again = client.get("/fi/public/kangasala/goals.csv")
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Disposition"] == first["Content-Disposition"]
    swedish = client.get("/sv/public/kangasala/")
    assert swedish.status_code == 200
    assert 'lang="sv"' in swedish.content.decode()


def test_the_api_plan_is_kept_once_for_every_reader_and_read_afresh_after_a_follow_up(
    demo, coordinator, plan
):
    """GET /api/v1/plans/{id} of a version that has left the draft state is kept under the plan
    page's key: the same body for every reader who may see it, and a new body after a change."""
    member = make_user("member", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    url = f"/api/v1/plans/{plan.pk}"
    first = client_for(coordinator).get(url)
    assert first.status_code == 200 and first["Content-Type"] == "application/json; charset=utf-8"
    assert first["ETag"] == f'"{plan.pk}.{plan.lock_version}"'
    kept = client_for(member).get(url)  # another reader: the kept body
    assert kept.content == first.content
    cache.clear()
    assert client_for(member).get(url).content == first.content  # rendered afresh: the same
    goal = plan.goals.order_by("order").first()
    checkpoint = plan.checkpoints.order_by("order").first()
    actions.add_follow_up(
        goal, checkpoint, data={"text_fi": "API:n jälkeen", "kind": "joint"}, actor=coordinator
    )
    follow_ups = [
        f["text"]["fi"]
        for g in client_for(member).get(url).json()["goals"]
        for f in g["follow_ups"]
    ]
    assert "API:n jälkeen" in follow_ups
    # Nobody without a role in the organisation gets it from the cache either.
    other = Organisation.objects.exclude(pk=plan.organisation_id).first()
    assert other is not None
    outsider = make_user("outsider", other, kind=Role.Kind.BOARD_MEMBER)
    assert client_for(outsider).get(url).status_code == 404


def home(client) -> str:
    """The home page, without the masked CSRF tokens (new on every response)."""
    response = client.get("/fi/")
    assert response.status_code == 200
    return re.sub(r'value="[A-Za-z0-9]{64}"', "", response.content.decode())


def test_the_home_page_kept_for_a_reader_shows_what_was_written_since(demo, coordinator, plan):
    """The home page's content is kept per reader until anything is written anywhere: an action
    (audited in its own transaction), a role, a change in the admin."""
    from django.contrib.admin.models import CHANGE, LogEntry

    client = client_for(coordinator)
    before = home(client)
    assert home(client) == before  # kept
    assert any("suunta:home:" in str(k) for k in getattr(cache, "_cache", {}))
    # An action: an amendment started is a draft that needs the coordinator's attention.
    draft = actions.start_amendment(plan, actor=coordinator)
    after = home(client)
    assert f"/fi/plans/{draft.pk}/" in after and f"/fi/plans/{draft.pk}/" not in before
    # A role in another organisation: it is listed at once.
    other = Organisation.objects.exclude(pk=plan.organisation_id).first()
    assert other is not None and other.name_fi not in after
    Role.objects.create(user=coordinator, organisation=other, kind=Role.Kind.BOARD_MEMBER)
    assert other.name_fi in home(client)
    # A change in the admin (no audit event, but the admin's own log).
    Organisation.objects.filter(pk=other.pk).update(name_fi="Uusi nimi hallinnasta")
    LogEntry.objects.log_actions(
        user_id=coordinator.pk,
        queryset=[Organisation.objects.get(pk=other.pk)],
        action_flag=CHANGE,
        change_message="name",
    )
    assert "Uusi nimi hallinnasta" in home(client)


def test_the_home_page_is_never_another_readers(demo, coordinator, plan):
    member = make_user("member", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    draft = actions.start_amendment(plan, actor=coordinator)
    assert f"/fi/plans/{draft.pk}/" in home(client_for(coordinator))
    assert f"/fi/plans/{draft.pk}/" not in home(client_for(member))
