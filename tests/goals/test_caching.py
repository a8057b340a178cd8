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
from suunta.organisations.models import FocusArea
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
