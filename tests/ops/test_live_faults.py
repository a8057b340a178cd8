"""Faults against the real server: PostgreSQL stopped and started again while requests come in,
and a disk that fills up during an upload and under the SQLite database. The helpers and what
the tests need are in tests/live.py; the in-process versions are in tests/ops/test_faults.py.

The PostgreSQL database is restored from a JSON backup of a SQLite database with the demo data
(`backup_database` → `restore_database`), so these tests also show that a JSON backup made on
SQLite restores into PostgreSQL."""

from __future__ import annotations

import re
import shutil
import sqlite3
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests

from tests.harness import manage_in_turn
from tests.live import Gunicorn, PostgresCluster, Tmpfs, app_env, csrf, new_tempdir, sign_in

pytestmark = pytest.mark.live

IMPORT_TEXT = "Tavoitteet 2027\n\n1. Talous tasapainoon\n- Vuosikate on positiivinen\n"


@pytest.fixture(scope="module")
def sqlite_demo():
    """A SQLite database with the demo data (and demo accounts), and its JSON backup."""
    base = new_tempdir("suunta-live-sqlite-")
    database = base / "demo.sqlite3"
    env = app_env(f"sqlite:///{database}")
    backup = base / "demo.json"
    manage_in_turn(
        env, ("migrate", "--noinput", "-v0"), ("load_demo",), ("backup_database", str(backup))
    )
    yield database, backup
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def postgres(sqlite_demo):
    """A private PostgreSQL cluster with the demo data restored from the SQLite JSON backup."""
    base = new_tempdir("suunta-live-pg-")
    cluster = PostgresCluster(base)
    try:
        cluster.start()
        cluster.create_database()
        env = app_env(cluster.url)
        out = manage_in_turn(
            env, ("migrate", "--noinput", "-v0"), ("restore_database", str(sqlite_demo[1]))
        )
        assert "Restored" in out
        yield cluster
    finally:
        cluster.destroy()
        shutil.rmtree(base, ignore_errors=True)


def post_id(database: Path) -> str:
    with sqlite3.connect(database) as db:
        (value,) = db.execute(
            "SELECT p.id FROM goals_executivepost p JOIN goals_organisation o "
            "ON o.id = p.organisation_id WHERE o.slug = 'tuusula' ORDER BY p.id LIMIT 1"
        ).fetchone()
    return str(uuid.UUID(value))


def counts(database: Path) -> tuple[int, int]:
    with sqlite3.connect(database) as db:
        imports = db.execute("SELECT count(*) FROM imports_importeddocument").fetchone()[0]
        events = db.execute("SELECT count(*) FROM audit_auditevent").fetchone()[0]
    return imports, events


def test_postgresql_stopped_mid_requests_gives_503_and_the_app_recovers_without_a_restart(
    postgres, tmp_path
):
    server = Gunicorn(app_env(postgres.url), tmp_path / "gunicorn.log")
    try:
        session = sign_in(server.url)
        home, api = f"{server.url}/fi/", f"{server.url}/api/v1/organisations"
        public = f"{server.url}/fi/public/tuusula/"
        assert session.get(home, timeout=30).status_code == 200
        assert session.get(api, timeout=30).status_code == 200

        answers: list[object] = []
        done = threading.Event()

        def keep_asking() -> None:
            client = requests.Session()
            client.cookies.update(session.cookies)
            while not done.is_set():
                for url in (home, api, public):
                    try:
                        answers.append(client.get(url, timeout=30).status_code)
                    except requests.RequestException as error:
                        answers.append(repr(error))

        askers = [threading.Thread(target=keep_asking) for _ in range(3)]
        for asker in askers:
            asker.start()
        time.sleep(1)
        postgres.stop()  # in the middle of the requests
        time.sleep(2)

        page = session.get(home, timeout=30)
        assert page.status_code == 503
        assert page.headers["Retry-After"] == "30"
        assert "Palvelu ei ole hetkeen käytettävissä" in page.text
        swedish = session.get(f"{server.url}/sv/", timeout=30)
        assert "Tjänsten är tillfälligt otillgänglig" in swedish.text
        answer = session.get(api, timeout=30, headers={"Accept-Language": "en"})
        assert answer.status_code == 503
        assert answer.json()["code"] == "database_unavailable"
        assert requests.get(f"{server.url}/healthz", timeout=30).status_code == 503

        postgres.start()
        deadline = time.monotonic() + 30
        while session.get(home, timeout=30).status_code != 200:
            assert time.monotonic() < deadline, "the app did not recover within 30 s"
            time.sleep(0.5)
        time.sleep(1)
        done.set()
        for asker in askers:
            asker.join(timeout=60)

        assert server.process.poll() is None, "gunicorn was not restarted, it kept running"
        # Both workers have reconnected: every request now succeeds, writes too.
        for _ in range(10):
            assert session.get(home, timeout=30).status_code == 200
            assert session.get(api, timeout=30).status_code == 200
        assert sign_in(server.url, "koordinaattori").get(home, timeout=30).status_code == 200
        assert 503 in answers
        unexpected = [a for a in answers if a not in (200, 503)]
        assert not unexpected, unexpected[:10]
    finally:
        server.stop()


def test_a_full_disk_during_an_upload_names_the_file_and_saves_nothing(sqlite_demo, tmp_path):
    database = tmp_path / "db.sqlite3"
    shutil.copy(sqlite_demo[0], database)
    uploads = Tmpfs(tmp_path / "uploads", size="4m")
    server = None
    try:
        server = Gunicorn(
            app_env(f"sqlite:///{database}", SUUNTA_UPLOAD_TEMP_DIR=str(uploads.path)),
            tmp_path / "gunicorn.log",
        )
        session = sign_in(server.url)
        url = f"{server.url}/fi/posts/{post_id(database)}/import/"
        before = counts(database)
        uploads.fill()

        document = b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024)  # spooled to disk (over 2.5 MB)
        response = session.post(
            url,
            data={"csrfmiddlewaretoken": csrf(session)},
            files={"file": ("tavoitteet-2027.pdf", document, "application/pdf")},
            headers={"Referer": url},
            timeout=60,
        )
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "300"
        assert "Tiedostoa ”tavoitteet-2027.pdf” ei voitu vastaanottaa" in response.text
        assert "Mitään ei tallennettu" in response.text
        assert {p.name for p in uploads.path.iterdir()} <= {"filler", "filler-2"}
        assert counts(database) == before

        uploads.free()  # space again: the same page works
        response = session.post(
            url,
            data={"csrfmiddlewaretoken": csrf(session), "text": IMPORT_TEXT},
            headers={"Referer": url},
            timeout=60,
            allow_redirects=False,
        )
        assert response.status_code == 302
        assert counts(database)[0] == before[0] + 1
    finally:
        if server is not None:
            server.stop()
        uploads.unmount()


def test_sqlite_on_a_full_disk_refuses_the_write_clearly_and_stays_whole(sqlite_demo, tmp_path):
    disk = Tmpfs(tmp_path / "disk", size="8m")
    database = disk.path / "db.sqlite3"
    server = None
    try:
        shutil.copy(sqlite_demo[0], database)
        server = Gunicorn(app_env(f"sqlite:///{database}"), tmp_path / "gunicorn.log")
        session = sign_in(server.url)
        url = f"{server.url}/fi/posts/{post_id(database)}/import/"
        before = counts(database)
        with sqlite3.connect(database) as db:  # the next write must grow the WAL file
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        disk.fill()

        response = session.post(
            url,
            data={"csrfmiddlewaretoken": csrf(session), "text": IMPORT_TEXT},
            headers={"Referer": url},
            timeout=60,
            allow_redirects=False,
        )
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "300"
        assert "Palvelimen tallennustila on täynnä" in response.text
        assert "Mitään ei tallennettu" in response.text

        disk.free()
        with sqlite3.connect(database) as db:
            # Django gives SQLite a REGEXP function; a CHECK constraint uses it.
            db.create_function("REGEXP", 2, lambda p, s: re.search(p, s or "") is not None)
            assert db.execute("PRAGMA quick_check").fetchone() == ("ok",)
        assert counts(database) == before
        response = session.post(
            url,
            data={"csrfmiddlewaretoken": csrf(session), "text": IMPORT_TEXT},
            headers={"Referer": url},
            timeout=60,
            allow_redirects=False,
        )
        assert response.status_code == 302
        assert counts(database)[0] == before[0] + 1
    finally:
        if server is not None:
            server.stop()
        disk.unmount()
