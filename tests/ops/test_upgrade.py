"""An installation made before the apps moved (issue 16) upgrades in place.

`tests/data/schema-729d278.sqlite3.xz` is a real database made by Suunta at commit 729d278
(the last commit before the move): `manage.py migrate` and `manage.py load_demo`, so both
organisations, approved and sealed plans, decisions, the register of interests, discussions,
surveys, values and API tokens, with the triggers of that version. The test migrates a copy
with today's code, as an operator would, and checks that every row is still there byte for
byte, that the schema and every trigger are unchanged, that the content types followed their
models, that today's code reads every row and computes the same content hash of every sealed
plan, and that the triggers still refuse a change of approved content.

On PostgreSQL the same move is checked on the test database: the moves are state only, so
migrating back to the old apps and forward again must leave the schema, the triggers and the
rows exactly as they were.
"""

from __future__ import annotations

import json
import lzma
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.conftest import load_worked_examples

ROOT = Path(__file__).resolve().parents[2]
OLD_DATABASE = Path(__file__).resolve().parents[1] / "data" / "schema-729d278.sqlite3.xz"

# What `migrate` may change: its own bookkeeping and the content types (relabelled).
BOOKKEEPING = {"django_migrations", "django_content_type", "auth_permission", "sqlite_sequence"}

MOVED = {
    "organisations": [
        "organisation",
        "person",
        "body",
        "membership",
        "executivepost",
        "posttenure",
        "focusarea",
        "discussionpartnerrule",
    ],
    "register": [
        "interestdeclaration",
        "interest",
        "declarationversion",
        "declarationreview",
        "declarationrule",
        "registersettings",
    ],
}

# The last migration of each app before the move.
BEFORE_THE_MOVE = [
    ("goals", "0007_triggers_freeze_the_scale_name_without_a_switch"),
    ("accounts", "0004_user_is_demo"),
    ("audit", "0002_append_only_and_origin"),
    ("discussions", "0001_initial"),
    ("imports", "0001_imported_document"),
    ("progress", "0001_coverage_rejection"),
    ("reports", "0001_organisation_logo"),
    ("schedule", "0001_initial"),
    ("surveys", "0002_survey_threshold_at_least_three"),
    ("organisations", None),
    ("register", None),
]

# The move ends with goals 0008; later migrations change the schema on their own account.
MOVE_DONE = ("goals", "0008_organisations_and_register_moved_out")


# Migrations written after the move (goals 0008). Upgrading to the end of the move applies none
# of them; a new migration of any app goes here, or the move would be seen to change the schema.
MADE_AFTER_THE_MOVE = {
    ("goals", "0009_carried_over_review"),
    ("goals", "0010_decision_outcomes"),
    ("discussions", "0003_acknowledgement"),
    ("onboarding", "0001_initial"),
    ("public", "0001_initial"),
}


def after_the_move(executor: MigrationExecutor) -> list[tuple[str, str]]:
    """Every app at the migration it had at the end of the move (an app made later is left
    out), and goals at the end of the move."""
    graph = executor.loader.graph
    targets = []
    for leaf in graph.leaf_nodes():
        if leaf[0] == "goals":
            continue
        chain = [n for n in graph.forwards_plan(leaf) if n[0] == leaf[0]]
        kept = [n for n in chain if n not in MADE_AFTER_THE_MOVE]
        if kept:
            targets.append(kept[-1])
    return [*targets, MOVE_DONE]


def test_every_migration_is_known_to_be_before_or_after_the_move():
    """A new migration must be listed in MADE_AFTER_THE_MOVE (else the move test would apply
    it and see the schema change): every migration of Suunta's apps is known to be from before
    the move or listed as made after it."""
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    ours = {n for n in graph.nodes if apps.get_app_config(n[0]).name.startswith("suunta.")}
    goals_at_the_move = {n for n in graph.forwards_plan(MOVE_DONE) if n[0] == "goals"}
    unknown = sorted(ours - KNOWN_AT_THE_MOVE - MADE_AFTER_THE_MOVE - goals_at_the_move)
    assert not unknown, f"add to MADE_AFTER_THE_MOVE: {unknown}"


# Every app's migrations at the move (the move's own commit, bd5a2e6), besides goals' chain.
KNOWN_AT_THE_MOVE = {
    ("accounts", "0001_initial"),
    ("accounts", "0002_initial"),
    ("accounts", "0003_sign_in_security"),
    ("accounts", "0004_user_is_demo"),
    ("accounts", "0005_alter_role_organisation"),
    ("suunta_api", "0001_api_tokens"),
    ("audit", "0001_initial"),
    ("audit", "0002_append_only_and_origin"),
    ("audit", "0003_alter_auditevent_organisation"),
    ("discussions", "0001_initial"),
    ("discussions", "0002_alter_agendatemplate_organisation_and_more"),
    ("imports", "0001_imported_document"),
    ("imports", "0002_alter_importeddocument_organisation_and_more"),
    ("organisations", "0001_initial"),
    ("progress", "0001_coverage_rejection"),
    ("progress", "0002_alter_coveragerejection_focus_area_and_more"),
    ("register", "0001_initial"),
    ("reports", "0001_organisation_logo"),
    ("reports", "0002_alter_organisationlogo_organisation"),
    ("schedule", "0001_initial"),
    ("schedule", "0002_alter_remindersettings_organisation"),
    ("surveys", "0001_evaluation_surveys"),
    ("surveys", "0002_survey_threshold_at_least_three"),
    ("surveys", "0003_alter_invitation_person"),
}


TO_THE_MOVE = """
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from tests.ops.test_upgrade import after_the_move
executor = MigrationExecutor(connection)
executor.migrate(after_the_move(executor))
"""

CHECK_WITH_TODAYS_CODE = """
from django.apps import apps
from django.db import DatabaseError, connection, transaction
from suunta.goals import queries
from suunta.goals.models import GoalPlan

import json

rows = {
    model._meta.db_table: model._base_manager.count()
    for model in apps.get_models()
    if model._meta.managed and not model._meta.proxy
}
sealed = 0
for plan in GoalPlan.objects.exclude(content_hash=""):
    recomputed = queries.content_hash(queries.plan_content(queries.plan_summary(plan)))
    assert recomputed == plan.content_hash, (plan.pk, plan.status)
    sealed += 1
approved = GoalPlan.objects.exclude(content_hash="").exclude(status="draft").first()
try:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE goals_goal SET title_fi = 'x' WHERE plan_id = %s", [approved.pk.hex])
    refused = False
except DatabaseError:
    refused = True
print(json.dumps({"rows": rows, "sealed": sealed, "refused": refused}))
"""


def _snapshot(path: Path) -> dict[str, object]:
    db = sqlite3.connect(path)
    try:
        objects = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        tables = [name for kind, name, _, _ in objects if kind == "table"]
        rows = {
            table: sorted(db.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)  # noqa: S608
            for table in tables
            if table not in BOOKKEEPING
        }
        content_types = dict(
            db.execute("SELECT id, app_label || '.' || model FROM django_content_type").fetchall()
        )
    finally:
        db.close()
    schema = {(kind, name): sql for kind, name, _, sql in objects if name not in BOOKKEEPING}
    return {"rows": rows, "schema": schema, "content_types": content_types}


def _manage(database: Path, *args: str) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SUUNTA_DEBUG": "1",
        "SUUNTA_DEMO_MODE": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    done = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
def test_a_database_made_before_the_apps_moved_upgrades_in_place(tmp_path):
    database = tmp_path / "suunta.sqlite3"
    database.write_bytes(lzma.decompress(OLD_DATABASE.read_bytes()))
    before = _snapshot(database)
    assert len(before["rows"]["goals_organisation"]) == 3
    assert sum(1 for kind, _ in before["schema"] if kind == "trigger") >= 30

    _manage(database, "shell", "-c", TO_THE_MOVE)
    after = _snapshot(database)

    assert after["schema"] == before["schema"], "the move must not rebuild a table or a trigger"
    assert after["rows"] == before["rows"]
    relabelled = {
        pk: label
        for pk, label in before["content_types"].items()
        if label.split(".")[1] in MOVED["organisations"] + MOVED["register"]
    }
    assert len(relabelled) == 14
    for pk, label in relabelled.items():
        app = next(app for app, names in MOVED.items() if label.split(".")[1] in names)
        assert after["content_types"][pk] == f"{app}.{label.split('.')[1]}"

    _manage(database, "migrate", "--noinput")  # and on, to today's schema
    checked = json.loads(_manage(database, "shell", "-c", CHECK_WITH_TODAYS_CODE).splitlines()[-1])
    read = {table: n for table, n in checked["rows"].items() if table not in BOOKKEEPING}
    # Today's models read every row; a table made since the move is empty.
    assert read == {table: len(after["rows"].get(table, [])) for table in read}
    assert read["goals_interestdeclaration"] == 5 and read["goals_person"] == 21
    assert checked["sealed"] >= 1  # each sealed plan's hash recomputed by today's code
    assert checked["refused"] is True  # the triggers still guard approved content


def _schema_and_rows() -> tuple[list, dict]:
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname, tgrelid::regclass::text, pg_get_triggerdef(oid) "
                "FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname"
            )
            triggers = cursor.fetchall()
            cursor.execute(
                "SELECT table_name, column_name, data_type, is_nullable FROM "
                "information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2"
            )
            columns = cursor.fetchall()
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE connamespace = 'public'::regnamespace ORDER BY 1"
            )
            constraints = cursor.fetchall()
        else:
            cursor.execute("SELECT type, name, sql FROM sqlite_master ORDER BY 1, 2")
            triggers, columns, constraints = cursor.fetchall(), [], []
        rows = {}
        for table in tables:
            if table in BOOKKEEPING:
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from the DB
            rows[table] = sorted(cursor.fetchall(), key=repr)
    return [triggers, columns, constraints], rows


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_moves_are_state_only_back_and_forth_on_this_database():
    load_worked_examples()
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    try:
        executor.migrate(after_the_move(executor))
        schema, rows = _schema_and_rows()
        assert rows["goals_organisation"]

        executor.loader.build_graph()
        executor.migrate([(app, name) for app, name in BEFORE_THE_MOVE])
        old_schema, old_rows = _schema_and_rows()
        assert old_schema == schema
        assert old_rows == rows

        executor.loader.build_graph()
        executor.migrate(after_the_move(executor))
        new_schema, new_rows = _schema_and_rows()
        assert new_schema == schema
        assert new_rows == rows
    finally:  # today's schema again, for the tests after this one on the same database
        call_command("migrate", verbosity=0)


def test_an_old_admin_address_of_a_moved_model_leads_to_its_new_one(client):
    response = client.get("/admin/goals/organisation/?q=tuusula")
    assert response.status_code == 302
    assert response["Location"] == "/admin/organisations/organisation/?q=tuusula"
    response = client.get("/admin/goals/interestdeclaration/5/change/")
    assert response["Location"] == "/admin/register/interestdeclaration/5/change/"
    assert client.get("/admin/goals/goalplan/").status_code == 302  # to sign in, unchanged
