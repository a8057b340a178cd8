"""Faults: the database stops answering, the disk fills, SQLite writers crowd in. The user gets a
clear 503 in their language (or JSON from the API), never a 500 or a half-saved record.

The same against a real server and a real PostgreSQL that is stopped and started: tests/live.py
(`-m live`)."""

import errno
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.db import OperationalError, connection
from django.test import Client

from suunta.audit.models import AuditEvent
from suunta.goals import models as m
from suunta.imports.models import ImportedDocument
from suunta.organisations.models import ExecutivePost
from tests.conftest import client_for, make_plan, make_user, move_to

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def database_down():
    """Every query fails as it does when PostgreSQL has stopped."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError(
            'connection to server at "127.0.0.1", port 5432 failed: Connection refused'
        )

    with connection.execute_wrapper(refuse):
        yield


@contextmanager
def disk_full_on_insert(table: str):
    """The first INSERT into `table` fails as SQLite does when the disk is full."""

    def full(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT") and f'"{table}"' in sql:
            try:
                raise sqlite3.OperationalError("database or disk is full")
            except sqlite3.Error as error:
                raise OperationalError(*error.args) from error
        return execute(sql, params, many, context)

    with connection.execute_wrapper(full):
        yield


def test_a_page_answers_503_with_retry_after_when_the_database_does_not_answer(demo):
    client = Client()
    with database_down():
        response = client.get("/fi/public/tuusula/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert '<html lang="fi">' in page
    assert "Palvelu ei ole hetkeen käytettävissä" in page
    assert "<h1>" in page and "<main" in page


def test_the_503_page_is_in_the_language_of_the_address(demo):
    with database_down():
        swedish = Client().get("/sv/public/tuusula/")
        english = Client().get("/en/public/tuusula/")
    assert swedish.status_code == english.status_code == 503
    assert '<html lang="sv">' in swedish.content.decode()
    assert "Tjänsten är tillfälligt otillgänglig" in swedish.content.decode()
    assert "The service is temporarily unavailable" in english.content.decode()


def test_the_api_answers_503_in_json_when_the_database_does_not_answer(demo):
    with database_down():
        response = Client().get("/api/v1/public/organisations", headers={"accept-language": "en"})
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.json()
    assert body["code"] == "database_unavailable"
    assert "database is not answering" in body["detail"]


def test_a_failure_in_a_middleware_also_gets_the_503_page(demo, coordinator):
    """The session is read by a middleware, before any view: the handler500 path."""
    client = client_for(coordinator)
    client.raise_request_exception = False
    with database_down():
        response = client.get("/fi/")
    assert response.status_code == 503
    assert "Palvelu ei ole hetkeen käytettävissä" in response.content.decode()


def test_an_ordinary_programming_error_is_still_a_500(demo):
    def broken(execute, sql, params, many, context):
        try:
            raise sqlite3.OperationalError("no such column: nonsense")
        except sqlite3.Error as error:
            raise OperationalError(*error.args) from error

    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(broken):
        response = client.get("/fi/public/tuusula/")
    assert response.status_code == 500


def test_a_full_disk_while_saving_gives_a_clear_error_and_saves_nothing(demo, coordinator):
    post = ExecutivePost.objects.get(organisation=demo["tuusula"])
    client = client_for(coordinator)
    events = AuditEvent.objects.count()
    text = "Tavoitteet 2027\n\n1. Talous tasapainoon\n- Vuosikate positiivinen\n"
    # The imported document is written first, then its audit event: the second write fails.
    with disk_full_on_insert("audit_auditevent"):
        response = client.post(f"/fi/posts/{post.pk}/import/", {"text": text})
    assert response.status_code == 503
    assert response["Retry-After"] == "300"
    page = response.content.decode()
    assert "Palvelimen tallennustila on täynnä" in page
    assert "Mitään ei tallennettu" in page
    assert not ImportedDocument.objects.exists()
    assert AuditEvent.objects.count() == events


def test_a_full_disk_during_an_upload_names_the_file_and_leaves_nothing_behind(
    demo, coordinator, settings, tmp_path
):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    post = ExecutivePost.objects.get(organisation=demo["tuusula"])
    client = client_for(coordinator)
    events = AuditEvent.objects.count()
    written = []

    def write_until_full(self):
        def write(data):
            if written:  # the first chunk fits, the second does not
                raise OSError(errno.ENOSPC, "No space left on device")
            written.append(len(data))
            return self.file.write(data)

        return write

    large = b"%PDF-1.4\n" + b"x" * (3 * 1024 * 1024)  # over the in-memory limit of 2.5 MB
    with mock.patch.object(TemporaryUploadedFile, "write", property(write_until_full)):
        response = client.post(
            f"/fi/posts/{post.pk}/import/",
            {"file": SimpleUploadedFile("tavoitteet-2027.pdf", large)},
        )
    assert written, "the upload went through the temporary file"
    assert response.status_code == 503
    page = response.content.decode()
    assert "tavoitteet-2027.pdf" in page
    assert "tallennustila on täynnä" in page
    assert list(tmp_path.iterdir()) == []
    assert not ImportedDocument.objects.exists()
    assert AuditEvent.objects.count() == events


@pytest.mark.slow
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own locking")
def test_many_concurrent_sqlite_writers_never_see_database_is_locked(
    transactional_db, demo, tmp_path
):
    """Twelve threads, each with its own connection to a file database in WAL mode, save
    values at once through the pages: every save succeeds and is found afterwards."""
    org = demo["tuusula"]
    coordinator = make_user("coordinator", org)
    plan = make_plan(org, ExecutivePost.objects.get(organisation=org), goals=1, indicators=1)
    m.Indicator.objects.filter(goal__plan=plan).update(baseline=1, target=2, unit="kpl")
    move_to(plan, "in_follow_up")
    indicator = m.Indicator.objects.get(goal__plan=plan)
    database = tmp_path / "writers.sqlite3"
    target = sqlite3.connect(database)
    connection.ensure_connection()
    connection.connection.backup(target)  # the migrated test database with its rows
    target.close()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "SUUNTA_SQLITE_TIMEOUT": "20"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "tests.sqlite_writers",
            str(plan.pk),
            str(indicator.pk),
            coordinator.username,
            "12",
            "10",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["locked"] == 0, report
    assert report["statuses"] == {"302": 120}, report
    assert report["values"] == 120, report


def test_a_shared_cache_that_does_not_answer_gives_the_503_page_quickly(demo, settings):
    """Redis stopped (several servers share it for the cache and the sessions): the page
    answers 503 within the cache's timeout, as when the database does not answer."""
    import time

    from tests.harness import free_port

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    # The settings' own options for a shared cache (retries), as production reads them.
    settings.CACHES["default"]["OPTIONS"]["retry"] = _production_cache_retry()
    started = time.monotonic()
    response = Client().get("/fi/public/tuusula/")
    assert response.status_code == 503
    assert "Palvelu ei ole hetkeen käytettävissä" in response.content.decode()
    assert time.monotonic() - started < 10


def _production_cache_retry():
    """The retry policy config/settings.py gives a Redis cache (read from a child process with
    SUUNTA_CACHE_URL set, since the test settings use the process's memory)."""
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
         "r = settings.CACHES['default']['OPTIONS']['retry']; "
         "print(type(r._backoff).__name__, r._retries)"],
        env={**os.environ, "SUUNTA_CACHE_URL": "redis://127.0.0.1:1/0",
             "DJANGO_SETTINGS_MODULE": "config.settings", "SUUNTA_DEBUG": "1"},
        capture_output=True, text=True, cwd=ROOT, check=True,
    ).stdout.split()  # fmt: skip
    assert out == ["NoBackoff", "1"], out
    return Retry(NoBackoff(), 1)
