"""Shared fixtures. The demo data (both organisations from the seeds and the demo accounts,
without the worked examples) is loaded once per test session into the test database (once
per xdist worker); a test that uses `demo` runs inside a transaction that is rolled back, so it
never sees another test's changes. A transactional test (`transactional_db`, `live_server`,
`django_db(transaction=True)`) flushes the database when it ends; the next test that needs the
demo loads it again."""

import datetime
import sqlite3

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from suunta.accounts.models import Role, User
from suunta.demo import seed
from suunta.goals import models as m
from suunta.organisations.models import Organisation


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups (--dist loadgroup)
def pytest_collection_modifyitems(items):
    """`live` tests (gunicorn, initdb) and the tests with the OpenID Provider (Node.js) are
    `slow`. A live module runs on one xdist worker (`--dist loadgroup`): its cluster and
    servers are module fixtures, started once."""
    for item in items:
        if item.get_closest_marker("live"):
            item.add_marker(pytest.mark.slow)
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
        elif "openid_provider" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)

    # The longest first, so that two workers finish together: the live modules (a cluster and
    # servers each), then the other slow tests, then the browser tests, then the rest.
    def weight(item):
        for rank, marker in enumerate(("live", "slow", "browser")):
            if item.get_closest_marker(marker):
                return rank
        return 3

    items.sort(key=weight)


# On SQLite (an in-memory test database per worker) the database as it is right after the
# first load is kept in a second in-memory database: after a transactional test has flushed
# the demo, SQLite's backup API copies it back in milliseconds instead of loading it again
# through the actions (seconds). Rows, ids, triggers and sequences come back exactly as loaded.
_SNAPSHOTS: dict[bool, sqlite3.Connection] = {}


def _load(*, worked_examples: bool) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    sqlite = connection.vendor == "sqlite" and not connection.in_atomic_block
    if sqlite and worked_examples in _SNAPSHOTS:
        connection.ensure_connection()
        _SNAPSHOTS[worked_examples].backup(connection.connection)
        ContentType.objects.clear_cache()
        return
    seed.load(accounts=True, worked_examples=worked_examples)
    if sqlite:
        connection.ensure_connection()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _SNAPSHOTS[worked_examples] = copy


def _load_demo() -> None:
    _load(worked_examples=False)


def load_worked_examples() -> None:
    """Both demo organisations with the accounts and the worked examples (follow-ups,
    evaluations, later versions, surveys, discussions, decisions), committed: for a
    transactional test. On SQLite the second time on is a copy of the first."""
    _load(worked_examples=True)


def _demo_is_loaded() -> bool:
    return (
        User.objects.filter(username="demo").exists()
        and m.GoalPlan.objects.filter(organisation__slug="tuusula").exists()
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as pytest-django makes it, with the demo loaded and committed."""
    with django_db_blocker.unblock():
        _load_demo()


@pytest.fixture
def demo_in_database(django_db_setup, django_db_blocker):
    """The demo is in the database: after a transactional test has flushed it, it is loaded
    again (committed, outside the test's transaction when the test has not started it yet)."""
    with django_db_blocker.unblock():
        if not _demo_is_loaded():
            _load_demo()


@pytest.fixture
def demo(demo_in_database, db):
    """Both demo organisations from the seeds, with the `demo` account; without the worked
    examples (tests/demo/test_demo_cycle.py covers those)."""
    return {
        "kangasala": Organisation.objects.get(slug="kangasala"),
        "tuusula": Organisation.objects.get(slug="tuusula"),
        "plan": m.GoalPlan.objects.get(organisation__slug="tuusula"),
    }


@pytest.fixture
def empty_db(db):
    """A database without the demo, for a test that starts from nothing: emptied inside the
    test's transaction, so the demo is back for the next test."""
    from django.contrib.contenttypes.models import ContentType

    call_command("flush", interactive=False, verbosity=0)
    yield
    ContentType.objects.clear_cache()  # the content types made again after the flush


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a page cached by another test (whose changes were
    rolled back) is never served."""
    cache.clear()
    yield
    cache.clear()


def make_user(username, organisation=None, kind=Role.Kind.COORDINATOR, language="fi"):
    user = User.objects.create_user(username=username, password="pw-" + username, language=language)
    if organisation is not None:
        Role.objects.create(user=user, organisation=organisation, kind=kind)
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def coordinator(demo):
    return make_user("coordinator", demo["tuusula"])


@pytest.fixture
def draft(demo, coordinator):
    """A draft 2026 plan started from the approved Tuusula 2025 plan, its carried-over texts
    reviewed (confirmed as they are)."""
    from suunta.goals import actions

    return reviewed(actions.start_next_plan(demo["plan"], actor=coordinator), coordinator)


def reviewed(plan, actor):
    """The next period's draft with every text copied from last period confirmed as right, as
    the coordinator does in the editor before proposing it."""
    from suunta.goals import actions

    plan.refresh_from_db()
    pending = actions.carried_over(plan)
    for section in pending["sections"]:
        actions.confirm_carried_over(plan, section=section, actor=actor)
    for goal in pending["goals"]:
        actions.confirm_carried_over(plan, goal=goal, actor=actor)
    for indicator in pending["indicators"]:
        actions.confirm_carried_over(plan, indicator=indicator, actor=actor)
    plan.refresh_from_db()
    return plan


def move_to(plan, state: str):
    """Walk a plan to `state` along the moves the database allows (triggers.ALLOWED_MOVES),
    as the workflow would, without the actions' checks: for setting up tests."""
    from collections import deque

    from suunta.goals.triggers import ALLOWED_MOVES

    current = m.GoalPlan.objects.values_list("status", flat=True).get(pk=plan.pk)
    paths = {current: []}
    queue = deque([current])
    while queue and state not in paths:
        here = queue.popleft()
        for a, b in sorted(ALLOWED_MOVES):
            if a == here and b not in paths:
                paths[b] = [*paths[here], b]
                queue.append(b)
    for step in paths[state]:
        m.GoalPlan.objects.filter(pk=plan.pk).update(status=step)
    plan.refresh_from_db()
    return plan


def make_plan(organisation, post, *, goals=3, indicators=2, checkpoints=2, status="draft"):
    plan = m.GoalPlan.objects.create(
        organisation=organisation,
        post=post,
        title_fi="Testisuunnitelma",
        period_start=datetime.date(2030, 1, 1),
        period_end=datetime.date(2030, 12, 31),
    )
    cps = [
        m.Checkpoint.objects.create(
            plan=plan,
            order=n,
            label_fi=f"piste {n}",
            opens_on=datetime.date(2030, n, 1),
            closes_on=datetime.date(2030, n, 20),
        )
        for n in range(1, checkpoints + 1)
    ]
    for g in range(1, goals + 1):
        goal = m.Goal.objects.create(plan=plan, order=g, title_fi=f"Tavoite {g}")
        for i in range(1, indicators + 1):
            m.Indicator.objects.create(goal=goal, order=i, text_fi=f"Mittari {g}.{i}")
        for cp in cps:
            m.FollowUpEntry.objects.create(goal=goal, checkpoint=cp, text_fi=f"Seuranta {g}")
    if status != "draft":  # content is written while a draft; then the state moves on
        move_to(plan, status)
    return plan
