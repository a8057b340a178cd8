"""Running the app for real, shared by the live tests (tests/live.py) and the benchmarks
(bench/load.py, bench/soak.py): a free port, the server's environment, `manage.py` in a child
process, gunicorn on 127.0.0.1, and signing in through the sign-in page as a browser does.

No pytest here: `make bench` and `make soak` import this module too."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

import requests

ROOT = Path(__file__).resolve().parent.parent
# Variables of the calling shell that would change how the child app runs.
OWN_VARIABLES = ("SUUNTA_", "DJANGO_", "DATABASE_URL", "PYTEST_")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database_url: str, **values: str) -> dict[str, str]:
    """The environment of a child `manage.py` or gunicorn: this process's, without its own
    SUUNTA_/DJANGO_ settings, with the given database and settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(OWN_VARIABLES)}
    env.update(DATABASE_URL=database_url, **values)
    return env


def _child(env: dict[str, str], argv: list[str], what: str, timeout: int) -> str:
    """Python in a child process in the project's folder; its output, or an error with the end
    of stderr."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"manage.py {what} failed:\n{result.stderr[-4000:]}")
    return result.stdout


def manage(env: dict[str, str], *args: str, timeout: int = 600) -> str:
    """`manage.py ARGS` in a child process."""
    return _child(env, ["manage.py", *args], " ".join(args), timeout)


_IN_TURN = """
import json, sys
import django
from django.core.management import call_command
django.setup()
for command in json.loads(sys.argv[1]):
    call_command(*command)
"""


def manage_in_turn(env: dict[str, str], *commands: tuple[str, ...], timeout: int = 600) -> str:
    """Several `manage.py` commands, one after the other in one child process (Django starts
    once, not once a command: seconds per command)."""
    argv = ["-c", _IN_TURN, json.dumps([list(c) for c in commands])]
    return _child(env, argv, str(commands), timeout)


class Gunicorn:
    """The app under gunicorn on 127.0.0.1 at a free port (sync workers, as in production);
    ready once /healthz answers with one of `ready` (503: the database is down on purpose)."""

    def __init__(
        self,
        env: dict[str, str],
        log: Path | None = None,
        *,
        workers: int = 2,
        timeout: int = 60,
        ready: tuple[int, ...] = (200, 503),
        extra: tuple[str, ...] = (),
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self._log: IO[Any] | int = open(log, "a") if log else subprocess.DEVNULL  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "config.wsgi:application",
             "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers),
             "--timeout", str(timeout), "--graceful-timeout", "5", *extra],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise AssertionError(f"gunicorn exited:\n{self._tail()}")
            try:
                if requests.get(self.url + "/healthz", timeout=30).status_code in ready:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        self.stop()
        raise AssertionError(f"gunicorn did not answer:\n{self._tail()}")

    def _tail(self) -> str:
        return self.log.read_text()[-3000:] if self.log and self.log.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not isinstance(self._log, int):
            self._log.close()

    def __enter__(self) -> Gunicorn:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def sign_in(
    url: str,
    username: str = "demo",
    password: str = "demo",
    *,
    totp_secret: str | None = None,
    language: str | None = None,
) -> requests.Session:
    """A browser-like session signed in through the sign-in page (CSRF included), with the
    code from the authenticator app when `totp_secret` is given."""
    session = requests.Session()
    if language:
        session.headers["Accept-Language"] = language

    def post(path: str, data: dict[str, str]) -> requests.Response:
        page = session.get(f"{url}{path}", timeout=30)
        assert page.status_code == 200, page.text[:500]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token is not None, f"no CSRF token on {path}"
        return session.post(
            page.url,
            data={"csrfmiddlewaretoken": token.group(1), **data},
            headers={"Referer": page.url},
            timeout=30,
            allow_redirects=False,
        )

    answer = post("/fi/accounts/login/", {"username": username, "password": password})
    assert answer.status_code == 302, answer.text[:1000]
    if totp_secret is not None:
        import pyotp

        assert "second-factor" in answer.headers["Location"], answer.headers["Location"]
        answer = post("/fi/accounts/second-factor/", {"code": pyotp.TOTP(totp_secret).now()})
        location = answer.headers.get("Location", "")
        assert answer.status_code == 302 and "second-factor" not in location, (
            f"the code of {username} was refused"
        )
    return session
