"""Database triggers that keep the record unchangeable, whatever writes to the database.

- A goal plan version that has left the draft state keeps its content: only its state moves
  (and it returns to draft only from `proposed`). Its content hash is set once.
- Its goals, indicators, checkpoints and reward rule cannot be inserted, updated or deleted.
- A decision (the minutes) is never updated or deleted.
- The audit log is never updated or deleted.
- The register of interests' history (declaration versions) and the audit committee's reviews
  are never updated; they are deleted only with their declaration, when the register's retention
  time has passed (`register.actions.prune_register`).

The actions refuse these writes first, with a message for the user; the models refuse them in
`save()`/`delete()`; these triggers refuse them for everything else (an ORM `update()`, raw
SQL, another program). Which columns of a plan version and of its rating scale are frozen is
read from `frozen.py`, the same list the content hash is built from. They are (re)installed
after every `migrate` (post_migrate), because SQLite drops a table's triggers when a migration
rebuilds the table, and so that a changed definition replaces the old one (a migration marks
each change of the definitions, see 0007).

There is no switch a client can flip. The few operations that must write past the triggers –
`manage.py flush` (which empties the whole database) and the restores of a backup or an export
– take them away inside their own transaction with `suspended()` and put them back before the
commit: on SQLite by dropping and re-creating them, on PostgreSQL with `ALTER TABLE … DISABLE
TRIGGER USER`, which only the tables' owner may run. A program that can do that can change
the schema anyway; defining an SQL function or setting a session variable gets it nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from . import workflow
from .frozen import PLAN_FROZEN_COLUMNS, SCALE_FROZEN_COLUMNS

MESSAGE = (
    "suunta: this record is frozen (approved content, decisions and the audit log never change)"
)

PLAN_CONTENT_COLUMNS = list(PLAN_FROZEN_COLUMNS)

# The only moves of a plan's state (the table in workflow.py); anything else – an approved
# plan walked back to a draft, a closed one reopened – is refused by the database.
ALLOWED_MOVES = workflow.allowed_moves()
# Follow-ups are the basis of the board's evaluation: frozen once it is made.
FOLLOW_UPS_FROZEN = ("evaluated", "closed", "superseded")

# --- SQLite -----------------------------------------------------------------------------------

_VIA_GOAL = (
    "(SELECT p.status FROM goals_goalplan p JOIN goals_goal g ON g.plan_id = p.id "
    "WHERE g.id = {row}.goal_id)"
)
_PLAN_STATUS = {
    "goals_goal": "(SELECT status FROM goals_goalplan WHERE id = {row}.plan_id)",
    "goals_checkpoint": "(SELECT status FROM goals_goalplan WHERE id = {row}.plan_id)",
    "goals_rewardrule": "(SELECT status FROM goals_goalplan WHERE id = {row}.plan_id)",
    "goals_indicator": _VIA_GOAL,
    "goals_goal_focus_areas": _VIA_GOAL,
}
_SCALE_IN_USE = (
    "EXISTS (SELECT 1 FROM goals_goalplan WHERE scale_id = {row}.{column} AND status <> 'draft')"
)
_FROZEN_FOLLOW_UPS = ", ".join(f"'{state}'" for state in FOLLOW_UPS_FROZEN)
# Rows of the minutes (who was present, who was disqualified) are never changed or removed.
_MINUTES = ("goals_decision_attendees", "goals_decision_disqualified")
# Tables that nothing may empty (TRUNCATE ignores row triggers on PostgreSQL); flush suspends
# the triggers first.
# Never updated, but deleted with their declaration after the retention time.
_NO_UPDATE = ("goals_declarationreview", "goals_declarationversion")

_NO_TRUNCATE = (
    "goals_goalplan",
    "goals_goal",
    "goals_indicator",
    "goals_checkpoint",
    "goals_rewardrule",
    "goals_decision",
    "audit_auditevent",
)


def _moves_ok(old: str = "OLD.status", new: str = "NEW.status") -> str:
    pairs = " OR ".join(f"({old} = '{a}' AND {new} = '{b}')" for a, b in sorted(ALLOWED_MOVES))
    return f"({old} = {new} OR {pairs})"


def _raise_sqlite(name: str, when: str, event: str, table: str) -> str:
    return (
        f"CREATE TRIGGER {name} BEFORE {event} ON {table} "
        f"WHEN {when} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"
    )


def _short(table: str) -> str:
    return table.split("_", 1)[1]


def sqlite_statements() -> list[str]:
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in PLAN_CONTENT_COLUMNS)
    plan_when = (
        f"NOT {_moves_ok()} OR (OLD.status <> 'draft' AND ("
        f"{changed} "
        "OR (OLD.content_hash <> '' AND NEW.content_hash IS NOT OLD.content_hash)))"
    )
    statements = [
        _raise_sqlite("suunta_plan_frozen_update", plan_when, "UPDATE", "goals_goalplan"),
        _raise_sqlite(
            "suunta_plan_frozen_delete",
            "OLD.status <> 'draft'",
            "DELETE",
            "goals_goalplan",
        ),
    ]
    for table, status in _PLAN_STATUS.items():
        short = _short(table)
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
                f"{old} <> 'draft'",
                "DELETE",
                table,
            ),
        ]
    new, old = _VIA_GOAL.format(row="NEW"), _VIA_GOAL.format(row="OLD")
    frozen = f"IN ({_FROZEN_FOLLOW_UPS})"
    statements += [
        _raise_sqlite("suunta_followup_frozen_insert", f"{new} {frozen}", "INSERT",
                      "goals_followupentry"),
        _raise_sqlite("suunta_followup_frozen_update", f"{old} {frozen} OR {new} {frozen}",
                      "UPDATE", "goals_followupentry"),
        _raise_sqlite("suunta_followup_frozen_delete",
                      f"{old} {frozen}", "DELETE",
                      "goals_followupentry"),
    ]  # fmt: skip
    scale_changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in SCALE_FROZEN_COLUMNS)
    level_new = _SCALE_IN_USE.format(row="NEW", column="scale_id")
    level_old = _SCALE_IN_USE.format(row="OLD", column="scale_id")
    statements += [
        _raise_sqlite("suunta_scalelevel_frozen_insert", level_new, "INSERT", "goals_scalelevel"),
        _raise_sqlite("suunta_scalelevel_frozen_update", f"{level_old} OR {level_new}", "UPDATE",
                      "goals_scalelevel"),
        _raise_sqlite("suunta_scalelevel_frozen_delete",
                      level_old, "DELETE", "goals_scalelevel"),
        _raise_sqlite("suunta_ratingscale_frozen_update",
                      f"({scale_changed}) AND "
                      + _SCALE_IN_USE.format(row="OLD", column="id"),
                      "UPDATE", "goals_ratingscale"),
    ]  # fmt: skip
    for table in ("goals_decision", "audit_auditevent", *_MINUTES):
        short = _short(table)
        statements += [
            _raise_sqlite(f"suunta_{short}_no_update", "1", "UPDATE", table),
            _raise_sqlite(f"suunta_{short}_no_delete", "1", "DELETE", table),
        ]
    for table in _NO_UPDATE:
        statements.append(_raise_sqlite(f"suunta_{_short(table)}_no_update", "1", "UPDATE", table))
    return statements


# --- PostgreSQL -------------------------------------------------------------------------------

_PG_REFUSE = f"RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';"


def _pg_function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"DECLARE s text;\nBEGIN\n{body}\nEND $$;"
    )


def _pg_trigger(name: str, events: str, table: str, function: str, each: str = "ROW") -> str:
    return (
        f"CREATE OR REPLACE TRIGGER {name} BEFORE {events} ON {table} "
        f"FOR EACH {each} EXECUTE FUNCTION {function}();"
    )


def _pg_guard(lookup: str, frozen: str) -> str:
    """Refuse an insert, update or delete of a row whose plan's status is `frozen`."""
    return f"""
IF TG_OP IN ('UPDATE', 'DELETE') THEN
  {lookup.format(row="OLD")}
  IF s {frozen} THEN {_PG_REFUSE} END IF;
END IF;
IF TG_OP IN ('INSERT', 'UPDATE') THEN
  {lookup.format(row="NEW")}
  IF s {frozen} THEN {_PG_REFUSE} END IF;
  RETURN NEW;
END IF;
RETURN OLD;"""


def postgresql_statements() -> list[str]:
    new_row = ", ".join(f"NEW.{c}" for c in PLAN_CONTENT_COLUMNS)
    old_row = ", ".join(f"OLD.{c}" for c in PLAN_CONTENT_COLUMNS)
    plan_body = f"""
IF TG_OP = 'DELETE' THEN
  IF OLD.status <> 'draft' THEN {_PG_REFUSE} END IF;
  RETURN OLD;
END IF;
IF NOT {_moves_ok()} OR (OLD.status <> 'draft' AND (
     ROW({new_row}) IS DISTINCT FROM ROW({old_row})
  OR (OLD.content_hash <> '' AND NEW.content_hash IS DISTINCT FROM OLD.content_hash))) THEN
  {_PG_REFUSE}
END IF;
RETURN NEW;"""
    statements = [
        _pg_function("suunta_guard_goalplan", plan_body),
        _pg_trigger(
            "suunta_plan_frozen", "UPDATE OR DELETE", "goals_goalplan", "suunta_guard_goalplan"
        ),
    ]
    by_plan = "SELECT status INTO s FROM goals_goalplan WHERE id = {row}.plan_id;"
    by_goal = (
        "SELECT p.status INTO s FROM goals_goalplan p JOIN goals_goal g "
        "ON g.plan_id = p.id WHERE g.id = {row}.goal_id;"
    )
    lookups = {
        "goals_goal": (by_plan, "<> 'draft'"),
        "goals_checkpoint": (by_plan, "<> 'draft'"),
        "goals_rewardrule": (by_plan, "<> 'draft'"),
        "goals_indicator": (by_goal, "<> 'draft'"),
        "goals_goal_focus_areas": (by_goal, "<> 'draft'"),
        "goals_followupentry": (by_goal, f"IN ({_FROZEN_FOLLOW_UPS})"),
        "goals_scalelevel": (
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM goals_goalplan WHERE scale_id = "
            "{row}.scale_id AND status <> 'draft') THEN 'used' ELSE 'free' END INTO s;",
            "= 'used'",
        ),
    }
    for table, (lookup, frozen) in lookups.items():
        short = _short(table)
        function = f"suunta_guard_{short}"
        statements += [
            _pg_function(function, _pg_guard(lookup, frozen)),
            _pg_trigger(f"suunta_{short}_frozen", "INSERT OR UPDATE OR DELETE", table, function),
        ]
    scale_new = ", ".join(f"NEW.{c}" for c in SCALE_FROZEN_COLUMNS)
    scale_old = ", ".join(f"OLD.{c}" for c in SCALE_FROZEN_COLUMNS)
    scale_body = f"""
IF ROW({scale_new}) IS DISTINCT FROM ROW({scale_old}) AND EXISTS (
   SELECT 1 FROM goals_goalplan WHERE scale_id = OLD.id AND status <> 'draft') THEN
  {_PG_REFUSE}
END IF;
RETURN NEW;"""  # noqa: S608 – fixed table and column names
    statements += [
        _pg_function("suunta_guard_ratingscale", scale_body),
        _pg_trigger(
            "suunta_ratingscale_frozen", "UPDATE", "goals_ratingscale", "suunta_guard_ratingscale"
        ),
    ]
    statements.append(_pg_function("suunta_append_only", _PG_REFUSE))
    for table in ("goals_decision", "audit_auditevent", *_MINUTES):
        statements.append(
            _pg_trigger(
                f"suunta_{_short(table)}_append_only",
                "UPDATE OR DELETE",
                table,
                "suunta_append_only",
            )
        )
    statements.append(_pg_function("suunta_no_update", _PG_REFUSE))
    for table in _NO_UPDATE:
        statements.append(
            _pg_trigger(f"suunta_{_short(table)}_no_update", "UPDATE", table, "suunta_no_update")
        )
    statements.append(_pg_function("suunta_no_truncate", _PG_REFUSE))
    for table in _NO_TRUNCATE:
        statements.append(
            _pg_trigger(
                f"suunta_{_short(table)}_no_truncate",
                "TRUNCATE",
                table,
                "suunta_no_truncate",
                each="STATEMENT",
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


def drop_before_migrate(sender, using="default", **kwargs):
    """SQLite rebuilds a table to alter it, and a trigger on another table that names it
    would make the rebuild fail: drop ours first; post_migrate installs them again."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in installed_names(connection):
            cursor.execute(f"DROP TRIGGER IF EXISTS {name};")


def install_after_migrate(sender, using="default", **kwargs):
    from django.db import connections

    install(connections[using])


# --- Writing past the triggers: flush and the restores, inside their own transaction ----------


def _trigger_tables(connection) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger "
            "WHERE NOT tgisinternal AND tgname LIKE 'suunta\\_%%'"
        )
        return sorted(row[0] for row in cursor.fetchall())


def _set_enabled(connection, on: bool) -> None:
    if connection.vendor == "sqlite":
        if on:
            install(connection)
            return
        with connection.cursor() as cursor:
            for name in sorted(installed_names(connection)):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    with connection.cursor() as cursor:
        # A table with pending (deferred) foreign key checks cannot be altered: run them now,
        # then defer them again for the rows still to come.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table in _trigger_tables(connection):
            state = "ENABLE" if on else "DISABLE"
            cursor.execute(f"ALTER TABLE {table} {state} TRIGGER USER")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@contextmanager
def suspended(connection=None) -> Iterator[None]:
    """The triggers taken away for the block and put back at its end, all inside the caller's
    transaction: if the block fails, the rollback brings them back as they were. SQLite drops
    and re-creates them; PostgreSQL disables and enables them (DDL: only the tables' owner
    may). Nested blocks (a restore that flushes first) act once, at the outermost."""
    from django.db import connection as default
    from django.db import transaction

    connection = connection or default
    if not transaction.get_connection(connection.alias).in_atomic_block:
        raise RuntimeError("triggers.suspended() runs inside a transaction (atomic block)")
    depth = getattr(connection, "_suunta_triggers_suspended", 0)
    if depth == 0:
        _set_enabled(connection, on=False)
    connection._suunta_triggers_suspended = depth + 1
    try:
        yield
    except BaseException:
        connection._suunta_triggers_suspended = depth
        raise  # the transaction rolls back, and with it the triggers' removal
    connection._suunta_triggers_suspended = depth
    if depth == 0:
        _set_enabled(connection, on=True)
