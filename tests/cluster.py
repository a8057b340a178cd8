"""Several app servers behind a load balancer, all on loopback: a private PostgreSQL cluster,
a private Redis, N gunicorn instances sharing both, and nginx in front of them with a passive
health check (an instance that refuses connections is taken out for `fail_timeout` and the
request goes to the next one). Used by tests/ops/test_cluster.py and by `make cluster`
(`python -m tests.cluster`), which starts the same topology with the demo data for anyone to
try and stops it on Ctrl-C. docs/operations.md describes the production version of it.

Needs PostgreSQL's server binaries, `redis-server` and `nginx` (Debian's packages
postgresql, redis-server and nginx-light; .ci/run installs them). Without them the test skips,
or fails when SUUNTA_REQUIRE_FAULT_TESTS=1 (as in .ci/run)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from tests.harness import free_port, manage_in_turn
from tests.live import Gunicorn, PostgresCluster, app_env, missing, new_tempdir

NGINX = """
worker_processes 1;
daemon off;
pid {base}/nginx.pid;
error_log {base}/nginx-error.log warn;
{user}
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {base}/nginx-body;
    proxy_temp_path {base}/nginx-proxy;
    fastcgi_temp_path {base}/nginx-fastcgi;
    uwsgi_temp_path {base}/nginx-uwsgi;
    scgi_temp_path {base}/nginx-scgi;
    client_max_body_size 30m;
    upstream suunta {{
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://suunta;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
            # An instance that refuses the connection: the request goes to the next one (a
            # request already sent is never sent twice: POST is not idempotent).
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
        }}
    }}
}}
"""


class Redis:
    """A private redis-server on a free port, keeping nothing on disk."""

    def __init__(self, base: Path):
        binary = shutil.which("redis-server")
        if binary is None:
            missing("redis-server is not installed (Debian's package redis-server)")
        assert binary is not None
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(  # noqa: S603
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(base)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        import redis

        self.client = redis.Redis(port=self.port, socket_timeout=5)
        deadline = time.monotonic() + 20
        while True:
            try:
                self.client.ping()
                return
            except redis.RedisError:
                if time.monotonic() > deadline:
                    raise AssertionError("redis-server did not answer") from None
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


class Nginx:
    """nginx in front of the instances (round robin), on a free port."""

    def __init__(self, base: Path, upstreams: list[str], fail_timeout: int = 5):
        binary = shutil.which("nginx") or (
            "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
        )
        if binary is None:
            missing("nginx is not installed (Debian's package nginx-light)")
        assert binary is not None
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = base / "nginx-error.log"
        servers = "\n".join(
            f"        server {u.removeprefix('http://')} max_fails=1 fail_timeout={fail_timeout}s;"
            for u in upstreams
        )
        config = base / "nginx.conf"
        config.write_text(
            NGINX.format(
                base=base,
                port=self.port,
                servers=servers,
                user="user root;" if os.geteuid() == 0 else "",
            )
        )
        self.process = subprocess.Popen(  # noqa: S603
            [binary, "-p", str(base), "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                raise AssertionError(f"nginx exited: {self._tail()}")
            try:
                if requests.get(self.url + "/healthz", timeout=10).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"nginx did not answer: {self._tail()}")
            time.sleep(0.2)

    def _tail(self) -> str:
        return self.log.read_text()[-2000:] if self.log.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


class Cluster:
    """PostgreSQL, Redis, `instances` gunicorn servers with `workers` each, and nginx."""

    def __init__(self, instances: int = 3, workers: int = 2, **settings: str):
        self.base = new_tempdir("suunta-cluster-")
        self.pg_base: Path | None = None
        self.postgres: PostgresCluster | None = None
        self.redis: Redis | None = None
        self.servers: list[Gunicorn] = []
        self.nginx: Nginx | None = None
        try:
            self.pg_base = new_tempdir("suunta-cluster-pg-")  # the postgres user's own
            self.postgres = PostgresCluster(self.pg_base)
            self.postgres.start()
            self.postgres.create_database()
            self.redis = Redis(self.base)
            self.env = app_env(
                self.postgres.url,
                SUUNTA_CACHE_URL=self.redis.url,
                SUUNTA_TRUSTED_PROXIES="127.0.0.1",
                **settings,
            )
            manage_in_turn(self.env, ("migrate", "--noinput", "-v0"), ("load_demo",))
            for number in range(instances):
                log = self.base / f"gunicorn-{number + 1}.log"
                self.servers.append(Gunicorn(self.env, log, workers=workers))
            self.nginx = Nginx(self.base, [s.url for s in self.servers])
        except BaseException:
            self.stop()
            raise

    @property
    def url(self) -> str:
        assert self.nginx is not None
        return self.nginx.url

    def kill(self, number: int) -> None:
        """Kill one instance at once, workers and all, as a crashed server (SIGKILL)."""
        server = self.servers[number]
        for pid in _children(server.process.pid):
            os.kill(pid, signal.SIGKILL)
        server.process.kill()
        server.process.wait()

    def stop(self) -> None:
        for part in [self.nginx, *self.servers, self.redis]:
            if part is not None:
                with contextlib.suppress(Exception):  # stop what is left, whatever failed
                    part.stop()
        if self.postgres is not None:
            self.postgres.destroy()
        for base in (self.base, self.pg_base):
            if base is not None:
                shutil.rmtree(base, ignore_errors=True)


def _children(pid: int) -> list[int]:
    found = subprocess.run(  # noqa: S603
        ["pgrep", "-P", str(pid)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    return [int(p) for p in found.stdout.split()]


def main() -> int:
    """`make cluster`: the topology with the demo data, until Ctrl-C."""
    instances = int(os.environ.get("SUUNTA_CLUSTER_INSTANCES", "3"))
    print(f"Starting PostgreSQL, Redis, {instances} app servers and nginx …", flush=True)
    cluster = Cluster(instances=instances)
    try:
        print(f"\nSuunta behind the load balancer: {cluster.url}/")
        for number, server in enumerate(cluster.servers, start=1):
            print(f"  app server {number}: {server.url}/  (pid {server.process.pid})")
        assert cluster.postgres is not None and cluster.redis is not None
        print(f"  PostgreSQL: {cluster.postgres.url}")
        print(f"  Redis: {cluster.redis.url}")
        print("Demo accounts as in `make run` (password: demo). Ctrl-C stops everything.")
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
