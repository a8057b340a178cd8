"""Backing up and restoring the whole database (`manage.py backup_database`, `restore_database`).

Two forms:

- **JSON** (`FILE.json`), from SQLite or PostgreSQL, restores into either. A list in Django's
  serialization format: first a header (`"model": "suunta.backup"`: the format, when, from
  which database, the migrations applied), then every row of every model, a model's rows after
  the rows they refer to, each model by primary key. Primary keys are kept as they are, so every
  reference, every URL and every content hash stays valid; only content types and permissions,
  which `migrate` creates in each database with its own numbers, are written and referred to by
  their natural keys. Date-times keep their microseconds. The rows are read in one transaction
  (a snapshot: on PostgreSQL REPEATABLE READ), so the file is consistent while the app runs.
- **SQLite file** (`FILE.sqlite3`), from SQLite only: SQLite's online backup, a page-by-page
  copy of the live database that writers do not have to stop for. It restores into SQLite.

A restore goes into an empty database (one that has been migrated and holds no rows), or
replaces everything with `replace=True`; it refuses a backup made with migrations this database
does not have. A JSON restore runs in one transaction with the immutability triggers
(suunta/goals/triggers.py) off while the frozen rows are written as they were, and on again
before the commit: a failed restore changes nothing. Files are written under a temporary name
and renamed when complete, so a full disk never leaves a half backup under the real name.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers import python as python_serializer
from django.db import connection, models, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from suunta.goals import triggers

from .export import ExactJSONEncoder
from .labels import current_labels

FORMAT = 1
HEADER = "suunta.backup"
SQLITE_MAGIC = b"SQLite format 3\x00"
SQLITE_SUFFIXES = (".sqlite3", ".sqlite", ".db")
# Created by `migrate` in every database with numbers of its own: referred to by natural key.
NATURAL: tuple[type[models.Model], ...] = (ContentType, Permission)


class BackupError(ValueError):
    """A backup or restore that cannot be done here, with the reason for the operator."""


def all_models() -> list[type[models.Model]]:
    """Every model with a table of its own, each after the models it refers to (a foreign key
    to itself, or a cycle, is left to the deferred constraint checks)."""
    candidates = [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]
    labels = {model._meta.label for model in candidates}
    depends = {
        model: {
            _concrete_label(field.related_model)
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is not None
        }
        & (labels - {model._meta.label})
        for model in candidates
    }
    ordered: list[type[models.Model]] = []
    done: set[str] = set()
    pending = sorted(candidates, key=lambda m: m._meta.label)
    while pending:
        # A cycle: take the first; its references are checked at the commit.
        ready = [m for m in pending if depends[m] <= done] or pending[:1]
        ordered += ready
        done |= {m._meta.label for m in ready}
        pending = [m for m in pending if m not in ready]
    return ordered


def _auto_created_through(field: Any) -> bool:
    """A plain many-to-many (its rows go with the model); one with a model of its own is
    backed up as that model."""
    through = getattr(field.remote_field, "through", None)
    return through is not None and bool(through._meta.auto_created)


def _concrete_label(model: Any) -> str:
    return (model._meta.concrete_model or model)._meta.label


class _Serializer(python_serializer.Serializer):
    """Django's serializer, with natural keys only for references to `NATURAL` models."""

    def handle_fk_field(self, obj: models.Model, field: Any) -> None:
        self.use_natural_foreign_keys = field.remote_field.model in NATURAL
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj: models.Model, field: Any) -> None:
        self.use_natural_foreign_keys = field.remote_field.model in NATURAL
        super().handle_m2m_field(obj, field)


def rows(model: type[models.Model]) -> Iterator[dict[str, Any]]:
    """The model's rows as Django serialized objects, by primary key; many-to-many values
    sorted, so that two databases with the same content give the same rows."""
    many = [f.name for f in model._meta.many_to_many if _auto_created_through(f)]
    queryset = model._base_manager.order_by("pk")
    if many:
        queryset = queryset.prefetch_related(*many)
    natural = model in NATURAL
    batch: list[models.Model] = []

    def flush() -> list[dict[str, Any]]:
        out = _Serializer().serialize(
            batch, use_natural_foreign_keys=False, use_natural_primary_keys=natural
        )
        for row in out:
            for name in many:
                row["fields"][name] = sorted(row["fields"][name], key=str)
        return out

    for obj in queryset.iterator(chunk_size=2000):
        batch.append(obj)
        if len(batch) == 2000:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def applied_migrations() -> list[str]:
    recorder = MigrationRecorder(connection)
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _header() -> dict[str, Any]:
    return {
        "model": HEADER,
        "fields": {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "database": connection.vendor,
            "migrations": applied_migrations(),
        },
    }


def _write_atomically(path: Path, write) -> None:
    """Write to `path.partial`, make it durable, then rename: a full disk or a crash never
    leaves a half-written file under the real name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        write(partial)
        with open(partial, "rb+") as file:
            os.fsync(file.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def backup_json(path: Path) -> Counter[str]:
    """Every row of the database into `path` (see the module doc). Returns rows per model."""
    counts: Counter[str] = Counter()

    def write(target: Path) -> None:
        with open(target, "w", encoding="utf-8") as out, _snapshot():
            out.write("[\n" + json.dumps(_header(), cls=ExactJSONEncoder, ensure_ascii=False))
            for model in all_models():
                for row in rows(model):
                    out.write(",\n" + json.dumps(row, cls=ExactJSONEncoder, ensure_ascii=False))
                    counts[model._meta.label] += 1
            out.write("\n]\n")

    _write_atomically(path, write)
    return counts


@contextmanager
def _snapshot() -> Iterator[None]:
    """One consistent read of the whole database, without blocking writers: REPEATABLE READ
    on PostgreSQL, a deferred (read) transaction on SQLite in WAL mode. Inside a transaction
    already (the tests), that transaction's view."""
    connection.ensure_connection()
    if connection.in_atomic_block:
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    else:
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")


def backup_sqlite(path: Path) -> None:
    """SQLite's online backup of the live database into `path`."""
    if connection.vendor != "sqlite":
        raise BackupError(
            "The database is PostgreSQL: back it up as JSON (a FILE.json), or with pg_dump."
        )
    connection.ensure_connection()
    source = connection.connection

    def write(target: Path) -> None:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()

    _write_atomically(path, write)


def is_sqlite_file(path: Path) -> bool:
    with open(path, "rb") as file:
        return file.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def backup(path: Path) -> str:
    """Back up into `path`: a SQLite file for .sqlite3/.sqlite/.db, JSON otherwise. Returns a
    line for the operator."""
    if path.suffix in SQLITE_SUFFIXES:
        backup_sqlite(path)
        return f"SQLite online backup written to {path}."
    counts = backup_json(path)
    return f"{sum(counts.values())} rows of {len(counts)} models written to {path}."


# --- Restore ------------------------------------------------------------------------------


def rows_present() -> list[str]:
    """The models that hold rows (content types and permissions do not count: `migrate`
    creates them)."""
    return [
        model._meta.label
        for model in all_models()
        if model not in NATURAL and model._base_manager.exists()
    ]


def _check_empty(replace: bool) -> None:
    present = rows_present()
    if present and not replace:
        raise BackupError(
            "The database is not empty (it holds "
            + ", ".join(present[:5])
            + (", …" if len(present) > 5 else "")
            + "). Restore into an empty database, or give --replace to replace everything."
        )


def _read_json(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{path} is not a JSON backup: {error}") from error
    if not isinstance(data, list) or not data or data[0].get("model") != HEADER:
        raise BackupError(f"{path} is not a backup made by backup_database (no header).")
    header = data[0]["fields"]
    if header.get("format") != FORMAT:
        raise BackupError(f"{path} is in backup format {header.get('format')}, not {FORMAT}.")
    return header, current_labels(data[1:])


def _check_migrations(backed_up: list[str], known: list[str] | None = None) -> None:
    missing = sorted(set(backed_up) - set(applied_migrations() if known is None else known))
    if missing:
        raise BackupError(
            "The backup was made with migrations this database does not have ("
            + ", ".join(missing[:5])
            + (", …" if len(missing) > 5 else "")
            + "): run `manage.py migrate` with the version of Suunta that made it first."
        )


def restore_json(path: Path, *, replace: bool = False) -> Counter[str]:
    """Load a JSON backup (see the module doc). Returns rows per model."""
    header, objects = _read_json(path)
    _check_migrations(header.get("migrations", []))
    counts: Counter[str] = Counter()
    loaded: set[type[models.Model]] = set()
    with transaction.atomic():
        _check_empty(replace)
        # Inside the transaction: a failed restore leaves the triggers (and the rows) as they were.
        with triggers.suspended(connection):
            if replace:
                call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            deferred = []
            for item in serializers.deserialize(
                "python", objects, handle_forward_references=True, ignorenonexistent=False
            ):
                item.save()
                if item.deferred_fields:
                    deferred.append(item)
                model = type(item.object)
                loaded.add(model)
                counts[model._meta.label] += 1
            for item in deferred:
                item.save_deferred_fields()
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), sorted(loaded, key=str)):
                    cursor.execute(sql)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA foreign_key_check")
                broken = cursor.fetchall()
            if broken:
                raise BackupError(f"The backup refers to rows it does not hold: {broken[:5]}")
    return counts


def restore_sqlite(path: Path, *, replace: bool = False) -> None:
    """Copy a SQLite backup over this (SQLite) database with SQLite's backup API."""
    if connection.vendor != "sqlite":
        raise BackupError(
            "A SQLite file restores only into SQLite: restore a JSON backup into PostgreSQL."
        )
    if connection.in_atomic_block:
        raise BackupError("A SQLite file cannot be restored inside a transaction.")
    _check_empty(replace)
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        backed_up = [
            f"{app}.{name}"
            for app, name in source.execute("SELECT app, name FROM django_migrations")
        ]
        # The file brings its own schema: it must be one this version of Suunta knows.
        loader = MigrationLoader(None, ignore_no_migrations=True)
        _check_migrations(backed_up, [f"{a}.{n}" for a, n in loader.disk_migrations])
        connection.ensure_connection()
        source.backup(connection.connection)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a Suunta SQLite database: {error}") from error
    finally:
        source.close()
    connection.close()  # the next query opens the restored database afresh


def restore(path: Path, *, replace: bool = False) -> str:
    """Restore from `path`, JSON or a SQLite file (told apart by the file's first bytes).
    Returns a line for the operator."""
    if not path.is_file():
        raise BackupError(f"No such file: {path}")
    if is_sqlite_file(path):
        restore_sqlite(path, replace=replace)
        return f"Restored the SQLite backup {path}."
    counts = restore_json(path, replace=replace)
    return f"Restored {sum(counts.values())} rows of {len(counts)} models from {path}."
