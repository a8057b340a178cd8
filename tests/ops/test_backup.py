"""Backing up the whole database and restoring it into an empty one: every record of every
model comes back as it was, and every approved version keeps its content hash (which still
matches its content)."""

import errno
import json
import re
import sqlite3
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from suunta.goals import models as m
from suunta.goals import queries
from suunta.ops import backup
from suunta.ops.export import ExactJSONEncoder
from suunta.organisations.models import Organisation
from tests.conftest import load_worked_examples, make_user


def snapshot() -> dict[str, list]:
    """Every row of every model, as the backup serializes it (all fields, many-to-many
    included), keyed by model."""
    rows = {}
    for model in backup.all_models():
        serialized = list(backup.rows(model))
        if model in backup.NATURAL:  # numbered by each database's own migrate
            for row in serialized:
                row.pop("pk", None)
        rows[model._meta.label] = sorted(
            json.dumps(row, cls=ExactJSONEncoder, sort_keys=True) for row in serialized
        )
    return rows


def approved_hashes() -> dict[str, tuple[str, str]]:
    """Each version that left the draft state: its stored content hash and the hash of its
    content computed now."""
    hashes = {}
    for plan in m.GoalPlan.objects.exclude(status="draft").order_by("pk"):
        computed = queries.content_hash(queries.plan_content(queries.plan_summary(plan)))
        hashes[str(plan.pk)] = (plan.content_hash, computed)
    return hashes


@pytest.fixture
def full_demo(transactional_db):
    """Both demo organisations with the accounts and the worked examples (follow-ups,
    evaluations, later versions, surveys, discussions, decisions)."""
    load_worked_examples()
    before = snapshot(), approved_hashes()
    assert sum(len(rows) for rows in before[0].values()) > 500
    assert any(stored for stored, _ in before[1].values())
    return before


def empty_the_database():
    call_command("flush", interactive=False, verbosity=0)
    assert backup.rows_present() == []


def test_a_json_backup_restores_every_record_into_an_empty_database(full_demo, tmp_path):
    records, hashes = full_demo
    path = tmp_path / "backups" / "suunta.json"
    call_command("backup_database", str(path), verbosity=0)
    assert not (tmp_path / "backups" / "suunta.json.partial").exists()
    empty_the_database()

    call_command("restore_database", str(path), verbosity=0)

    assert snapshot() == records
    restored = approved_hashes()
    assert restored == hashes
    assert all(stored == computed for stored, computed in restored.values() if stored)
    # The numbering goes on after the restored rows (the sequences were reset).
    make_user("after-restore", Organisation.objects.get(slug="tuusula"))


def test_a_json_backup_made_before_the_models_moved_restores_under_their_new_labels(
    full_demo, tmp_path
):
    """Before issue 16 the organisations' and the register's models were in `goals`: a backup
    of that time names them `goals.organisation`, `goals.interestdeclaration`, ..."""
    records, hashes = full_demo
    path = tmp_path / "old.json"
    call_command("backup_database", str(path), verbosity=0)
    rows = json.loads(path.read_text(encoding="utf-8"))
    moved = 0
    for row in rows[1:]:
        if row["model"].startswith(("organisations.", "register.")):
            row["model"] = "goals." + row["model"].split(".", 1)[1]
            moved += 1
    assert moved > 50
    path.write_text(json.dumps(rows), encoding="utf-8")
    empty_the_database()

    call_command("restore_database", str(path), verbosity=0)

    assert snapshot() == records
    assert approved_hashes() == hashes


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's online backup")
def test_a_sqlite_online_backup_restores_every_record_into_an_empty_database(full_demo, tmp_path):
    records, hashes = full_demo
    path = tmp_path / "suunta.sqlite3"
    call_command("backup_database", str(path), verbosity=0)
    with sqlite3.connect(path) as copy:
        # Django gives SQLite a REGEXP function; a CHECK constraint uses it.
        copy.create_function("REGEXP", 2, lambda p, s: re.search(p, s or "") is not None)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    empty_the_database()

    call_command("restore_database", str(path), verbosity=0)

    assert snapshot() == records
    assert approved_hashes() == hashes


def test_a_restore_into_a_database_that_is_not_empty_is_refused_and_changes_nothing(
    full_demo, tmp_path
):
    records, _ = full_demo
    path = tmp_path / "suunta.json"
    call_command("backup_database", str(path), verbosity=0)
    Organisation.objects.filter(slug="kangasala").update(name_fi="Muutettu nimi")
    changed = snapshot()

    with pytest.raises(CommandError, match=r"not empty.*--replace.*Nothing was changed"):
        call_command("restore_database", str(path), verbosity=0)
    assert snapshot() == changed

    call_command("restore_database", str(path), "--replace", verbosity=0)
    assert snapshot() == records


def test_the_approved_versions_stay_frozen_after_a_restore(full_demo, tmp_path):
    from django.db import DatabaseError, transaction

    path = tmp_path / "suunta.json"
    call_command("backup_database", str(path), verbosity=0)
    empty_the_database()
    call_command("restore_database", str(path), verbosity=0)
    approved = m.GoalPlan.objects.exclude(status="draft").first()
    with pytest.raises(DatabaseError, match="frozen"), transaction.atomic():
        m.GoalPlan.objects.filter(pk=approved.pk).update(title_fi="Muutettu")


def test_a_backup_from_a_newer_version_is_refused(full_demo, tmp_path):
    path = tmp_path / "suunta.json"
    call_command("backup_database", str(path), verbosity=0)
    data = json.loads(path.read_text())
    data[0]["fields"]["migrations"].append("goals.9999_from_the_future")
    path.write_text(json.dumps(data))
    empty_the_database()
    with pytest.raises(CommandError, match=r"9999_from_the_future.*migrate"):
        call_command("restore_database", str(path), verbosity=0)
    assert backup.rows_present() == []


def test_a_file_that_is_not_a_backup_is_refused_with_its_name(transactional_db, tmp_path):
    path = tmp_path / "notes.json"
    path.write_text('[{"model": "goals.organisation", "pk": 1, "fields": {}}]')
    with pytest.raises(CommandError, match=r"notes\.json is not a backup"):
        call_command("restore_database", str(path), verbosity=0)
    with pytest.raises(CommandError, match="No such file"):
        call_command("restore_database", str(tmp_path / "missing.json"), verbosity=0)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL has no SQLite backup")
def test_a_sqlite_file_backup_of_postgresql_is_refused_with_the_alternative(
    transactional_db, tmp_path
):
    with pytest.raises(CommandError, match="JSON"):
        call_command("backup_database", str(tmp_path / "x.sqlite3"), verbosity=0)
    assert not list(tmp_path.iterdir())


def test_a_backup_that_fills_the_disk_fails_clearly_and_leaves_no_file(full_demo, tmp_path):
    real_rows = backup.rows

    def rows_until_full(model):
        for n, row in enumerate(real_rows(model)):
            if model is m.Goal and n == 3:
                raise OSError(errno.ENOSPC, "No space left on device")
            yield row

    with (
        mock.patch.object(backup, "rows", rows_until_full),
        pytest.raises(CommandError, match=r"No space left on device; nothing was written"),
    ):
        call_command("backup_database", str(tmp_path / "suunta.json"), verbosity=0)
    assert list(tmp_path.iterdir()) == []


def test_a_timestamp_under_a_millisecond_past_the_second_reads_back_unchanged():
    """Django's own encoder writes 12:00:00.000500 as 12:00:00.000, which reads back as
    12:00:00 and exports differently the second time; exports and backups keep every digit."""
    import datetime as dt

    from django.db.models import DateTimeField

    moment = dt.datetime(2026, 3, 31, 12, 0, 0, 500, tzinfo=dt.UTC)
    text = json.loads(json.dumps(moment, cls=ExactJSONEncoder))
    assert DateTimeField().to_python(text) == moment
    assert json.dumps(DateTimeField().to_python(text), cls=ExactJSONEncoder) == json.dumps(
        moment, cls=ExactJSONEncoder
    )
