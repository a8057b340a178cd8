"""Database triggers that keep the record unchangeable, whatever writes to the database.

- A goal plan version that has left the draft state keeps its content: only its state moves
  (and it returns to draft only from `proposed`). Its content hash is set once.
- Its goals, indicators, checkpoints and reward rule cannot be inserted, updated or deleted.
- A decision (the minutes) is never updated or deleted.
- The audit log is never updated or deleted.

The actions refuse these writes first, with a message for the user; the models refuse them in
`save()`/`delete()`; these triggers refuse them for everything else (an ORM `update()`, raw
SQL, another program). They are (re)installed after every `migrate` (post_migrate), because
SQLite drops a table's triggers when a migration rebuilds the table, and so that a changed
definition replaces the old one.

The only way past the DELETE guards is `maintenance()`, used by `manage.py flush` (which
empties the whole database); on PostgreSQL flush uses TRUNCATE, which row triggers ignore.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

from django.db.backends.signals import connection_created

MESSAGE = (
    "suunta: this record is frozen (approved content, decisions and the audit log never change)"
)

PLAN_CONTENT_COLUMNS = [
    "organisation_id",
    "post_id",
    "contract_id",
    "executive_id",
    "previous_id",
    "period_kind",
    "period_start",
    "period_end",
    "title_fi",
    "title_sv",
    "basis_fi",
    "basis_sv",
    "purpose_fi",
    "purpose_sv",
    "evaluation_fi",
    "evaluation_sv",
    "prepared_by_id",
    "version_no",
    "series",
    "supersedes_id",
    "scale_id",
]

_state = threading.local()


def _maintenance() -> int:
    return 1 if getattr(_state, "maintenance", False) else 0


@contextmanager
def maintenance():
    """Allow deleting frozen rows: only for emptying the whole database (flush)."""
    _state.maintenance = True
    try:
        yield
    finally:
        _state.maintenance = False


def register_sqlite_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("suunta_maintenance", 0, _maintenance)


connection_created.connect(register_sqlite_function, dispatch_uid="suunta_maintenance_fn")


# --- SQLite -----------------------------------------------------------------------------------

_PLAN_STATUS = {
    "goals_goal": "(SELECT status FROM goals_goalplan WHERE id = {row}.plan_id)",
    "goals_checkpoint": "(SELECT status FROM goals_goalplan WHERE id = {row}.plan_id)",
    "goals_rewardrule": "(SELECT status FROM goals_goalplan WHERE id = {row}.plan_id)",
    "goals_indicator": (
        "(SELECT p.status FROM goals_goalplan p JOIN goals_goal g ON g.plan_id = p.id "
        "WHERE g.id = {row}.goal_id)"
    ),
}


def _raise_sqlite(name: str, when: str, event: str, table: str) -> str:
    return (
        f"CREATE TRIGGER {name} BEFORE {event} ON {table} "
        f"WHEN {when} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"
    )


def sqlite_statements() -> list[str]:
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in PLAN_CONTENT_COLUMNS)
    plan_when = (
        "OLD.status <> 'draft' AND ("
        "(NEW.status = 'draft' AND OLD.status <> 'proposed') "
        f"OR {changed} "
        "OR (OLD.content_hash <> '' AND NEW.content_hash IS NOT OLD.content_hash))"
    )
    statements = [
        _raise_sqlite("suunta_plan_frozen_update", plan_when, "UPDATE", "goals_goalplan"),
        _raise_sqlite(
            "suunta_plan_frozen_delete",
            "OLD.status <> 'draft' AND suunta_maintenance() = 0",
            "DELETE",
            "goals_goalplan",
        ),
    ]
    for table, status in _PLAN_STATUS.items():
        short = table.removeprefix("goals_")
        new, old = status.format(row="NEW"), status.format(row="OLD")
        statements += [
            _raise_sqlite(f"suunta_{short}_frozen_insert", f"{new} <> 'draft'", "INSERT", table),
            _raise_sqlite(
                f"suunta_{short}_frozen_update",
                f"{old} <> 'draft' OR {new} <> 'draft'",
                "UPDATE",
                table,
            ),
            _raise_sqlite(
                f"suunta_{short}_frozen_delete",
                f"suunta_maintenance() = 0 AND {old} <> 'draft'",
                "DELETE",
                table,
            ),
        ]
    for table in ("goals_decision", "audit_auditevent"):
        short = table.split("_", 1)[1]
        statements += [
            _raise_sqlite(f"suunta_{short}_no_update", "1", "UPDATE", table),
            _raise_sqlite(f"suunta_{short}_no_delete", "suunta_maintenance() = 0", "DELETE", table),
        ]
    return statements


# --- PostgreSQL -------------------------------------------------------------------------------

_PG_REFUSE = f"RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';"
_PG_MAINTENANCE = "coalesce(current_setting('suunta.maintenance', true), '') = 'on'"


def _pg_function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"DECLARE s text;\nBEGIN\n{body}\nEND $$;"
    )


def _pg_trigger(name: str, events: str, table: str, function: str) -> str:
    return (
        f"CREATE OR REPLACE TRIGGER {name} BEFORE {events} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}();"
    )


def postgresql_statements() -> list[str]:
    new_row = ", ".join(f"NEW.{c}" for c in PLAN_CONTENT_COLUMNS)
    old_row = ", ".join(f"OLD.{c}" for c in PLAN_CONTENT_COLUMNS)
    plan_body = f"""
IF TG_OP = 'DELETE' THEN
  IF OLD.status <> 'draft' AND NOT {_PG_MAINTENANCE} THEN {_PG_REFUSE} END IF;
  RETURN OLD;
END IF;
IF OLD.status <> 'draft' AND (
     (NEW.status = 'draft' AND OLD.status <> 'proposed')
  OR ROW({new_row}) IS DISTINCT FROM ROW({old_row})
  OR (OLD.content_hash <> '' AND NEW.content_hash IS DISTINCT FROM OLD.content_hash)) THEN
  {_PG_REFUSE}
END IF;
RETURN NEW;"""
    statements = [
        _pg_function("suunta_guard_goalplan", plan_body),
        _pg_trigger(
            "suunta_plan_frozen", "UPDATE OR DELETE", "goals_goalplan", "suunta_guard_goalplan"
        ),
    ]
    lookups = {
        "goals_goal": "SELECT status INTO s FROM goals_goalplan WHERE id = {row}.plan_id;",
        "goals_checkpoint": "SELECT status INTO s FROM goals_goalplan WHERE id = {row}.plan_id;",
        "goals_rewardrule": "SELECT status INTO s FROM goals_goalplan WHERE id = {row}.plan_id;",
        "goals_indicator": (
            "SELECT p.status INTO s FROM goals_goalplan p JOIN goals_goal g "
            "ON g.plan_id = p.id WHERE g.id = {row}.goal_id;"
        ),
    }
    for table, lookup in lookups.items():
        short = table.removeprefix("goals_")
        body = f"""
IF TG_OP IN ('UPDATE', 'DELETE') THEN
  {lookup.format(row="OLD")}
  IF s <> 'draft' AND NOT (TG_OP = 'DELETE' AND {_PG_MAINTENANCE}) THEN {_PG_REFUSE} END IF;
END IF;
IF TG_OP IN ('INSERT', 'UPDATE') THEN
  {lookup.format(row="NEW")}
  IF s <> 'draft' THEN {_PG_REFUSE} END IF;
  RETURN NEW;
END IF;
RETURN OLD;"""
        function = f"suunta_guard_{short}"
        statements += [
            _pg_function(function, body),
            _pg_trigger(f"suunta_{short}_frozen", "INSERT OR UPDATE OR DELETE", table, function),
        ]
    append_only = f"""
IF TG_OP = 'DELETE' AND {_PG_MAINTENANCE} THEN RETURN OLD; END IF;
{_PG_REFUSE}"""
    statements.append(_pg_function("suunta_append_only", append_only))
    for table in ("goals_decision", "audit_auditevent"):
        short = table.split("_", 1)[1]
        statements.append(
            _pg_trigger(
                f"suunta_{short}_append_only", "UPDATE OR DELETE", table, "suunta_append_only"
            )
        )
    return statements


def install(connection) -> None:
    """Create or replace every trigger (idempotent): a changed definition replaces the old."""
    if connection.vendor == "sqlite":
        statements = [
            f"DROP TRIGGER IF EXISTS {name};" for name in installed_names(connection)
        ] + sqlite_statements()
    elif connection.vendor == "postgresql":
        statements = postgresql_statements()
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        return
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def installed_names(connection) -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        return {row[0] for row in cursor.fetchall() if row[0].startswith("suunta_")}


def install_after_migrate(sender, using="default", **kwargs):
    from django.db import connections

    install(connections[using])
