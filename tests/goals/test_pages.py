"""Every page in fi, sv and en; visibility; 404s in the user's language; query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from suunta.organisations.models import ExecutivePost
from tests.conftest import client_for, make_plan, make_user

LANGUAGES = ["fi", "sv", "en"]
HEADINGS = {  # a heading of the plan page in each interface language
    "fi": "Tavoitekeskustelun tarkoitus",
    "sv": "Syftet med målsamtalet",
    "en": "Purpose of the goal discussion",
}


def pages(demo, draft):
    kangasala_post = ExecutivePost.objects.get(organisation__slug="kangasala")
    goal = draft.goals.first()
    return [
        "/{lang}/",
        "/{lang}/o/tuusula/",
        "/{lang}/o/kangasala/",
        f"/{{lang}}/posts/{kangasala_post.pk}/",
        f"/{{lang}}/posts/{demo['plan'].post_id}/",
        f"/{{lang}}/plans/{demo['plan'].pk}/",
        f"/{{lang}}/plans/{draft.pk}/",
        f"/{{lang}}/plans/{draft.pk}/edit/",
        f"/{{lang}}/plans/{draft.pk}/edit/details/",
        f"/{{lang}}/goals/{goal.pk}/edit/",
        f"/{{lang}}/plans/{draft.pk}/goals/new/",
        f"/{{lang}}/goals/{goal.pk}/indicators/new/",
        f"/{{lang}}/indicators/{goal.indicators.first().pk}/edit/",
        f"/{{lang}}/plans/{draft.pk}/checkpoints/new/",
        f"/{{lang}}/checkpoints/{draft.checkpoints.first().pk}/edit/",
    ]


@pytest.fixture
def admin_user(demo):
    user = make_user("admin-both", demo["tuusula"], kind="admin")
    user.roles.create(organisation=demo["kangasala"], kind="admin")
    return user


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_renders_in_each_language(demo, draft, admin_user, lang):
    client = client_for(admin_user)
    for url in pages(demo, draft):
        response = client.get(url.format(lang=lang))
        assert response.status_code == 200, url
        assert f'<html lang="{lang}">' in response.content.decode(), url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_plan_page_shows_the_seed_table(demo, admin_user, lang):
    response = client_for(admin_user).get(f"/{lang}/plans/{demo['plan'].pk}/")
    html = response.content.decode()
    assert HEADINGS[lang] in html
    for goal in demo["plan"].goals.all():
        assert goal.title_fi in html
        for indicator in goal.indicators.all():
            assert indicator.text_fi in html
    assert "elokuu 2025" in html or "augusti 2025" in html
    assert "26.3.2025" in html and "31.3.2025" in html
    assert "Kalle Ikkelä" in html
    if lang == "fi":
        assert "Pormestari Kalle Ikkelä" in html


def test_swedish_page_marks_finnish_content_with_its_language(demo, admin_user):
    html = client_for(admin_user).get(f"/sv/plans/{demo['plan'].pk}/").content.decode()
    assert '<span lang="fi">Strategian toimeenpanon johtaminen</span>' in html
    assert "augusti 2025" in html


def test_the_login_page_is_the_front_door(db):
    from django.test import Client

    response = Client().get("/fi/")
    assert response.status_code == 302 and response["Location"].startswith("/fi/accounts/login/")
    login = Client().get("/sv/accounts/login/")
    assert login.status_code == 200 and "Logga in" in login.content.decode()


def test_signing_in_with_a_wrong_password_says_so_and_signs_nobody_in(demo):
    from django.test import Client

    client = Client()
    response = client.post("/fi/accounts/login/", {"username": "demo", "password": "väärä"})
    assert response.status_code == 200
    assert "käyttäjätunnus ja salasana" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fi", "Sivua ei löytynyt"), ("sv", "Sidan hittades inte"), ("en", "Page not found")],
)
def test_an_unknown_url_or_id_is_a_404_page_in_the_users_language(demo, admin_user, lang, text):
    client = client_for(admin_user)
    for url in (
        f"/{lang}/plans/00000000-0000-0000-0000-000000000000/",
        f"/{lang}/o/nowhere/",
        f"/{lang}/no-such-page/",
        f"/{lang}/plans/not-a-uuid/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert text in response.content.decode(), url


def test_another_organisations_objects_are_404(demo):
    kangasala_only = make_user("kangasala-only", demo["kangasala"])
    client = client_for(kangasala_only)
    plan = demo["plan"]
    for url in (
        f"/fi/plans/{plan.pk}/",
        f"/fi/plans/{plan.pk}/edit/",
        "/fi/o/tuusula/",
        f"/fi/posts/{plan.post_id}/",
        f"/fi/goals/{plan.goals.first().pk}/edit/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/fi/plans/{plan.pk}/next/").status_code == 404
    home = client.get("/fi/").content.decode()
    assert "Kangasala" in home and "Tuusula" not in home


def test_a_role_that_has_ended_sees_nothing(demo):
    import datetime

    user = make_user("former", demo["tuusula"])
    user.roles.update(ends_on=datetime.date(2020, 1, 1))
    assert client_for(user).get(f"/fi/plans/{demo['plan'].pk}/").status_code == 404


def test_the_plan_page_query_count_does_not_grow_with_the_plan(demo, admin_user):
    post = demo["plan"].post
    small = make_plan(demo["tuusula"], post, goals=2, indicators=1, checkpoints=1)
    large = make_plan(demo["tuusula"], post, goals=25, indicators=5, checkpoints=3)
    client = client_for(admin_user)

    def count(plan):
        client.get(f"/fi/plans/{plan.pk}/")  # warm the session
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/fi/plans/{plan.pk}/").status_code == 200
        return len(queries)

    assert count(small) == count(large)
    editor_small = editor_large = 0
    for plan in (small, large):
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/fi/plans/{plan.pk}/edit/")
        if plan is small:
            editor_small = len(queries)
        else:
            editor_large = len(queries)
    assert editor_small == editor_large


def test_healthz_reports_the_database(db, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": connection.vendor}


def test_the_admin_is_there_for_support_staff(demo, settings):
    from suunta.accounts.models import User

    settings.DEMO_MODE = True  # `tuki` is a demo account, which acts only in demo mode

    support = User.objects.get(username="tuki")
    client = client_for(support)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/goals/goalplan/").status_code == 200
    assert client.get(f"/admin/goals/goalplan/{demo['plan'].pk}/change/").status_code == 200


def test_the_home_page_lists_drafts_and_open_checkpoints(demo, coordinator, draft):
    import datetime

    from suunta.goals import queries

    attention = queries.attention_for(coordinator, today=datetime.date(2025, 7, 15))
    assert attention["plans"] == [draft]
    assert [c.label_fi for c in attention["checkpoints"]] == ["elokuu 2025"]
    assert (
        queries.attention_for(coordinator, today=datetime.date(2025, 12, 10))["checkpoints"][
            0
        ].label_fi
        == "tammikuu/helmikuu 2026"
    )
    html = client_for(coordinator).get("/en/").content.decode()
    assert "Needs attention" in html and "2026" in html


def test_a_board_member_is_not_told_that_a_follow_up_needs_their_attention(demo):
    import datetime

    from django.utils import timezone

    from suunta.accounts.models import Role
    from suunta.goals import queries
    from suunta.goals.views import attention
    from tests.schedule_setup import plan_in_follow_up

    org = demo["tuusula"]
    today = timezone.localdate()
    plan = plan_in_follow_up(
        org,
        ExecutivePost.objects.get(organisation=org),
        [(today, today + datetime.timedelta(days=7))],
        goals=2,
    )
    member = make_user("att-member", org, kind=Role.Kind.BOARD_MEMBER)
    partner = make_user("att-partner", org, kind=Role.Kind.DISCUSSION_PARTNER)
    assert [c.plan_id for c in queries.attention_for(member)["checkpoints"]] == [plan.pk]
    assert attention(member)["checkpoints"] == []  # a board member writes no follow-up
    assert [c.plan_id for c in attention(partner)["checkpoints"]] == [plan.pk]
