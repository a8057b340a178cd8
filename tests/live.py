"""The real thing for the fault tests (tests/ops/test_live_faults.py, marked `live`): the app under
gunicorn on 127.0.0.1, a private PostgreSQL cluster started with initdb/pg_ctl in a temporary
directory on a free port (never the shared server on 5432), and a small tmpfs that fills up.

Without the prerequisites (PostgreSQL's server binaries, root for the tmpfs) the tests skip;
with SUUNTA_REQUIRE_FAULT_TESTS=1 (as in .ci/run) a missing prerequisite is a failure."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import requests

from tests import harness
from tests.harness import free_port, manage, sign_in

__all__ = ["Gunicorn", "PostgresCluster", "Tmpfs", "app_env", "csrf", "manage", "sign_in"]

VENV_BIN = Path(sys.executable).parent
PG_BIN_DIRS = [Path(f"/usr/lib/postgresql/{v}/bin") for v in (17, 16, 15, 14, 13)]


def missing(reason: str) -> None:
    """Skip, or fail when the fault tests are required (SUUNTA_REQUIRE_FAULT_TESTS=1)."""
    if os.environ.get("SUUNTA_REQUIRE_FAULT_TESTS") == "1":
        pytest.fail(f"{reason} (SUUNTA_REQUIRE_FAULT_TESTS=1: the fault tests must run)")
    pytest.skip(reason)


def app_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of `manage.py` and gunicorn: the test settings (plain static files, no
    second factor), demo accounts, the given database."""
    return harness.environment(
        database_url,
        **{
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "SUUNTA_DEMO_MODE": "1",
            "SUUNTA_DEBUG": "0",
            "SUUNTA_SECURE": "0",
            "SUUNTA_DB_CONNECT_TIMEOUT": "2",
            "SUUNTA_CONN_MAX_AGE": "60",
            "SUUNTA_LOGIN_MAX_PER_IP": "1000",
            **extra,
        },
    )


class PostgresCluster:
    """A throwaway PostgreSQL cluster of our own: initdb, pg_ctl start/stop, on a free port,
    its socket in its own directory. Run as the `postgres` user when we are root (initdb
    refuses root)."""

    def __init__(self, base: Path):
        self.bin = next((d for d in PG_BIN_DIRS if (d / "initdb").exists()), None)
        if self.bin is None:
            missing("PostgreSQL's server binaries (initdb, pg_ctl) are not installed")
        self.base = base
        self.data = base / "data"
        self.log = base / "postgres.log"
        self.port = free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                missing("running as root without a `postgres` user for initdb")
            os.chown(base, user.pw_uid, user.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C", "--no-sync")  # fmt: skip

    def _run(self, tool: str, *args: str) -> None:
        assert self.bin is not None
        result = subprocess.run(  # noqa: S603
            [*self.prefix, str(self.bin / tool), *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise AssertionError(f"{tool} failed: {result.stderr}\n{log[-2000:]}")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/suunta"

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.log), "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def create_database(self, name: str = "suunta") -> None:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(  # noqa: S603
                [*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m",
                 "immediate", "-w", "stop"],
                capture_output=True,
                timeout=60,
                check=False,
            )  # fmt: skip


class Gunicorn(harness.Gunicorn):
    """The app under gunicorn on 127.0.0.1 (sync workers, as in production); skips (or fails,
    see `missing`) without gunicorn."""

    def __init__(self, env: dict[str, str], log: Path, workers: int = 2):
        if not (VENV_BIN / "gunicorn").exists():
            missing("gunicorn is not installed in the virtual environment")
        super().__init__(env, log, workers=workers)


def csrf(session: requests.Session) -> str:
    return session.cookies["csrftoken"]


class Tmpfs:
    """A small tmpfs of its own (root only), to fill up."""

    def __init__(self, path: Path, size: str = "8m"):
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        if os.geteuid() != 0 or shutil.which("mount") is None:
            missing("a tmpfs to fill needs root (mount -t tmpfs)")
        result = subprocess.run(  # noqa: S603
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(path)],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            missing(f"mounting a tmpfs is not permitted here: {result.stderr.strip()}")

    def fill(self) -> Path:
        """Write a filler file until the disk is full; returns it (remove it to free space)."""
        filler = self.path / "filler"
        # Unbuffered: what the disk refuses is not left in a buffer to fail again on close.
        with open(filler, "wb", buffering=0) as out:
            try:
                while out.write(b"\0" * 65536):
                    pass
            except OSError:
                pass
        try:  # the last partial block
            with open(self.path / "filler-2", "wb", buffering=0) as out:
                while out.write(b"\0"):
                    pass
        except OSError:
            pass
        return filler

    def free(self) -> None:
        for name in ("filler", "filler-2"):
            (self.path / name).unlink(missing_ok=True)

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.path)], capture_output=True, check=False)  # noqa: S603, S607


def new_tempdir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))
