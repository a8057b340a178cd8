"""The national-scale load benchmark (issues 8 and 19): the data set of bench/national.py at
full size and at a tenth, on SQLite and on PostgreSQL, served by gunicorn on 127.0.0.1 and read by
locust (headless, loopback only, BENCH_SECONDS a page, 20 by default, at most 60).

For every page: p50, p95, p99 and requests/s with 4 clients (the documents with 1), the
throughput as a share of a minimal Django view served by the same server in the same run, the
queries the page makes (counted in-process, must be the same at both sizes), and how the
latency grows from a tenth to the full data.

`python bench/load.py` runs it alone; `make bench` runs it with the other measurements.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests import harness  # noqa: E402 - the gunicorn and sign-in the live tests use too

PYTHON = sys.executable
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
CLIENTS = 4
# BENCH_FULL_SCALE shrinks the "full" size for a quick try of the script itself.
SIZES = (("tenth", 0.1), ("full", float(os.environ.get("BENCH_FULL_SCALE", "1.0"))))
SECRET = "bench-only-not-a-real-secret-key-0123456789abcdefghijklmnopqrstuvwxyz"


def seconds() -> int:
    return max(3, min(60, int(os.environ.get("BENCH_SECONDS", "20"))))


def pages(built: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The pages measured: address, how the client signs in, how many clients."""
    plan, slug = built["sample_plan"], built["sample_slug"]
    return {
        "minimal view": {"path": "/bench/minimal/", "auth": "", "clients": CLIENTS},
        "home page": {"path": "/fi/", "auth": "session", "clients": CLIENTS},
        "plan page": {"path": f"/fi/plans/{plan}/", "auth": "session", "clients": CLIENTS},
        "public organisation page": {
            "path": f"/fi/public/{slug}/",
            "auth": "",
            "clients": CLIENTS,
        },
        "public plan page": {
            "path": f"/fi/public/{slug}/plans/{plan}/",
            "auth": "",
            "clients": CLIENTS,
        },
        "API plan": {"path": f"/api/v1/plans/{plan}", "auth": "token", "clients": CLIENTS},
        "PDF download": {"path": f"/fi/plans/{plan}/document.pdf", "auth": "session", "clients": 1},
        "DOCX download": {
            "path": f"/fi/plans/{plan}/document.docx",
            "auth": "session",
            "clients": 1,
        },
    }


# --- Databases ---------------------------------------------------------------------------------


def postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3):
            return True
    except Exception:
        return False


@contextlib.contextmanager
def database(engine: str, label: str) -> Iterator[str]:
    """A new, empty database (a SQLite file in a temporary directory, or a PostgreSQL database
    with a name of its own on the shared server); removed afterwards."""
    if engine == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix=f"suunta-{label}-"))
        try:
            yield f"sqlite:///{folder / 'bench.sqlite3'}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    import psycopg

    name = f"suunta_{label.replace('-', '_')}_{os.getpid()}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(url: str, **extra: str) -> dict[str, str]:
    """The server's environment: production settings on loopback, without TLS."""
    return harness.environment(
        url,
        **{
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "SUUNTA_DEBUG": "0",
            "SUUNTA_DEMO_MODE": "0",
            "SUUNTA_SECURE": "0",
            "SUUNTA_SECRET_KEY": SECRET,
            "SUUNTA_BENCH": "1",
            "SUUNTA_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SUUNTA_LOGIN_MAX_PER_IP": "10000",
            "SUUNTA_LOG_LEVEL": "ERROR",
            "PYTHONPATH": str(ROOT),
            **extra,
        },
    )


def collect_static() -> None:
    """The server runs with production storage: the manifest must exist."""
    harness.manage(environment("sqlite:///:memory:"), "collectstatic", "--noinput", "-v0")


def prepare(url: str, scale: float) -> dict[str, Any]:
    """Migrate, build the data set and count each page's queries, in a child process (Django
    is set up once per process)."""
    out = Path(tempfile.mkdtemp(prefix="suunta-prepare-")) / "built.json"
    try:
        subprocess.run(
            [PYTHON, str(Path(__file__)), "--prepare", str(scale), str(out)],
            cwd=ROOT,
            env=environment(url),
            check=True,
        )
        return json.loads(out.read_text())
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)


def _prepare_here(scale: float, out: Path) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from bench import national

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter() - started
    built = national.build(scale)
    info = {
        **built.as_dict(),
        "migrate_seconds": round(migrated, 1),
        "sample_slug": built.sample_slug,
        "sample_plan": built.sample_plan,
        "sample_draft": built.sample_draft,
        "users": built.users,
        "secrets": built.secrets,
        "tokens": built.tokens,
        "workplaces": built.workplaces,
    }
    info["queries"] = count_queries(info)
    out.write_text(json.dumps(info))


def count_queries(info: dict[str, Any]) -> dict[str, int]:
    """Queries per page, counted in-process with an empty cache (the worst case)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from suunta.accounts import security
    from suunta.accounts.models import User

    client = Client()
    user = User.objects.get(username=info["users"]["coordinator"])
    client.force_login(user)
    session = client.session
    session[security.SESSION_MFA] = "code"
    session.save()
    counts = {}
    for name, page in pages(info).items():
        headers = {"Accept-Language": "fi"}
        if page["auth"] == "token":
            headers["Authorization"] = f"Bearer {info['tokens']['coordinator']}"
        client.get(page["path"], headers=headers)  # the first request of a process
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page["path"], headers=headers)
        if response.status_code != 200:
            raise RuntimeError(f"{name}: HTTP {response.status_code} from {page['path']}")
        counts[name] = len(queries)
    return counts


# --- The server and the load -------------------------------------------------------------------


@contextlib.contextmanager
def serve(env: dict[str, str], workers: int = CLIENTS, log: Path | None = None) -> Iterator[str]:
    """gunicorn on 127.0.0.1 at a free port; yields the base address once /healthz answers."""
    server = harness.Gunicorn(
        env, log, workers=workers, timeout=120, ready=(200,), extra=("--log-level", "warning")
    )
    with server:
        yield server.url


def sign_in(base: str, username: str, secret: str, password: str) -> Any:
    """Sign in as a person does: the password, then the code from the app. Returns the
    requests session (its `sessionid` cookie is the signed-in session)."""
    return harness.sign_in(base, username, password, totp_secret=secret, language="fi")


def warm_up(http: Any, url: str, page: dict[str, Any], info: dict[str, Any]) -> None:
    """A few requests first, so that every worker has loaded what it loads once (WeasyPrint's
    fonts take seconds) before the clock runs."""
    import requests

    headers = {"Accept-Language": "fi"}
    if page["auth"] == "token":
        headers["Authorization"] = f"Bearer {info['tokens']['coordinator']}"
    client = http if page["auth"] == "session" else requests
    for _ in range(CLIENTS * 2):
        answer = client.get(url, headers=headers, timeout=120)
        if answer.status_code != 200:
            raise RuntimeError(f"{url}: HTTP {answer.status_code}")


def load(base: str, path: str, clients: int, *, cookie: str = "", token: str = "") -> dict:
    """locust, headless, `clients` users without think time for BENCH_SECONDS."""
    folder = Path(tempfile.mkdtemp(prefix="suunta-locust-"))
    env = dict(os.environ, BENCH_PATH=path, BENCH_COOKIE=cookie, BENCH_TOKEN=token)
    try:
        subprocess.run(
            [
                PYTHON,
                "-m",
                "locust",
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "--only-summary",
                "--users",
                str(clients),
                "--spawn-rate",
                str(clients),
                "--run-time",
                f"{seconds()}s",
                "--host",
                base,
                "--csv",
                str(folder / "run"),
                "--loglevel",
                "ERROR",
            ],
            env=env,
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        with open(folder / "run_stats.csv", newline="") as handle:
            row = next(r for r in csv.DictReader(handle) if r["Name"] == "Aggregated")

        def number(key: str) -> float:
            return float(row[key]) if row[key] not in ("", "N/A") else float("nan")

        return {
            "p50": number("50%"),
            "p95": number("95%"),
            "p99": number("99%"),
            "rps": number("Requests/s"),
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(engine: str, label: str, scale: float, log: Path) -> dict[str, Any]:
    """One database at one size: build it, serve it, load every page."""
    with database(engine, f"bench-{label}") as url:
        info = prepare(url, scale)
        print(
            f"    {engine} {label}: {info['organisations']} organisations, {info['plans']} plans,"
            f" {sum(info['rows'].values())} rows built in {info['seconds']:.0f} s",
            flush=True,
        )
        figures: dict[str, Any] = {}
        with serve(environment(url), log=log) as base:
            coordinator = info["users"]["coordinator"]
            http = sign_in(base, coordinator, info["secrets"][coordinator], _password())
            cookie = http.cookies.get("sessionid", "")
            # The first PDF a worker makes (gunicorn.conf.py warms each worker up before its
            # first request): the same plan as the PDF measured below.
            started = time.monotonic()
            first = http.get(base + pages(info)["PDF download"]["path"], timeout=120)
            first_pdf = (time.monotonic() - started) * 1000
            if first.status_code != 200:
                raise RuntimeError(f"the first PDF: HTTP {first.status_code}")
            print(f"      first PDF of a worker      {first_pdf:.0f} ms")
            for name, page in pages(info).items():
                warm_up(http, base + page["path"], page, info)
                figures[name] = load(
                    base,
                    page["path"],
                    page["clients"],
                    cookie=cookie if page["auth"] == "session" else "",
                    token=info["tokens"]["coordinator"] if page["auth"] == "token" else "",
                )
                f = figures[name]
                print(
                    f"      {name:<26} p50 {f['p50']:>5.0f}  p95 {f['p95']:>5.0f}  "
                    f"p99 {f['p99']:>5.0f} ms  {f['rps']:>6.1f} req/s  "
                    f"{f['failures']} failed of {f['requests']}",
                    flush=True,
                )
        return {
            "built": {k: info[k] for k in ("organisations", "plans", "rows", "seconds")},
            "queries": info["queries"],
            "pages": figures,
            "first_pdf_ms": first_pdf,
        }


def _password() -> str:
    from bench.national import PASSWORD

    return PASSWORD


def engines() -> list[str]:
    wanted = os.environ.get("BENCH_ENGINES", "sqlite,postgres").split(",")
    found = []
    for engine in wanted:
        if engine == "postgres" and not postgres_available():
            print("    PostgreSQL is not reachable at 127.0.0.1:5432: not measured")
            continue
        found.append(engine)
    return found


def bench_load(results_dir: Path) -> tuple[list[dict], dict[str, Any]]:
    """Every engine at both sizes; returns the target lines and the raw figures."""
    from bench.run import line

    results_dir.mkdir(parents=True, exist_ok=True)
    log = results_dir / "gunicorn.log"
    print(
        f"\nNational scale under load: {CLIENTS} clients (documents: 1), {seconds()} s a page,"
        f" gunicorn with {CLIENTS} workers on {os.cpu_count()} cores, loopback"
    )
    collect_static()
    raw: dict[str, Any] = {}
    lines: list[dict] = []
    for engine in engines():
        raw[engine] = {label: measure(engine, label, scale, log) for label, scale in SIZES}
        full, tenth = raw[engine]["full"], raw[engine]["tenth"]
        name = {"sqlite": "SQLite", "postgres": "PostgreSQL"}[engine]
        print(f"\n  {name}, full data, against the targets")
        minimal = full["pages"]["minimal view"]
        # Issue 19's targets: a signed-in page or API read at least a quarter of the minimal
        # view's throughput, a public page half, p99 within 100 ms at 4 clients; the PDF
        # within 300 ms warm and 800 ms as a worker's first; the DOCX within 100 ms.
        for page, figures in full["pages"].items():
            if page == "minimal view" or page.endswith("download"):
                continue
            ratio = figures["rps"] / minimal["rps"] if minimal["rps"] else 0.0
            share = 0.50 if page.startswith("public") else 0.25
            lines.append(line(f"{name}: {page} throughput / minimal view", ratio, share, "%", True))
            lines.append(line(f"{name}: {page} p99", figures["p99"], 100, "ms", False))
        lines += [
            line(f"{name}: PDF p50 (warm)", full["pages"]["PDF download"]["p50"], 300, "ms", False),
            line(f"{name}: PDF, a worker's first", full["first_pdf_ms"], 800, "ms", False),
            line(f"{name}: DOCX p50", full["pages"]["DOCX download"]["p50"], 100, "ms", False),
        ]
        for page in full["pages"]:
            lines.append(
                line(
                    f"{name}: {page} queries, full {full['queries'][page]}"
                    f" / tenth {tenth['queries'][page]}",
                    abs(full["queries"][page] - tenth["queries"][page]),
                    0,
                    "more",
                    False,
                )
            )
        for page in full["pages"]:
            before = tenth["pages"][page]["p50"]
            growth = full["pages"][page]["p50"] / before if before else 1.0
            lines.append(line(f"{name}: {page} p50 full / tenth", growth, 1.2, "×", False))
        failures = sum(f["failures"] for size in (full, tenth) for f in size["pages"].values())
        lines.append(line(f"{name}: failed requests", failures, 0, "", False))
    return lines, raw


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--prepare":
        _prepare_here(float(sys.argv[2]), Path(sys.argv[3]))
        raise SystemExit(0)
    from bench.run import RESULTS, write_results

    target_lines, figures = bench_load(RESULTS)
    raise SystemExit(write_results({"load": target_lines}, {"load": figures}))
