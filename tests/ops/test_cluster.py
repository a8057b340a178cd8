"""More than one server: PostgreSQL, Redis, three gunicorn instances and nginx in front of
them, all on loopback (tests/cluster.py; `make cluster` starts the same). What a region's shared
installation needs of it: a sign-out ends the session everywhere at once, a change saved
through one server shows on the next read through any other (no stale cached page anywhere),
the sign-in limits count across servers, and a server killed under load loses no
acknowledged write while the balancer takes it out."""

from __future__ import annotations

import re
import threading
import time
import uuid

import psycopg
import pytest
import requests

from bench.soak import _follow_up_form
from tests.cluster import Cluster
from tests.live import csrf, sign_in

pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def cluster():
    # The per-user sign-in limit low, so that its test is short; the per-address one high,
    # since every test client comes from 127.0.0.1.
    running = Cluster(instances=3, workers=2, SUUNTA_LOGIN_MAX_PER_USER="4")
    try:
        yield running
    finally:
        running.stop()


def _query(cluster: Cluster, sql: str, *args: object) -> list[tuple]:
    assert cluster.postgres is not None
    with psycopg.connect(
        host="127.0.0.1", port=cluster.postgres.port, user="postgres", dbname="suunta"
    ) as conn:
        return conn.execute(sql, args).fetchall()


def _draft(cluster: Cluster, http: requests.Session) -> str:
    """A draft plan: the demo's, or an amendment started now of a plan in force (as the
    coordinator starts one through the plan page)."""
    query = "SELECT id FROM goals_goalplan WHERE status = 'draft' ORDER BY period_start LIMIT 1"
    rows = _query(cluster, query)
    if not rows:
        for (plan,) in _query(
            cluster,
            "SELECT id FROM goals_goalplan WHERE status IN ('approved', 'in_follow_up') "
            "ORDER BY period_start DESC",
        ):
            answer = http.post(
                f"{cluster.url}/fi/plans/{uuid.UUID(str(plan))}/amend/",
                data={"csrfmiddlewaretoken": csrf(http)},
                allow_redirects=False,
                timeout=60,
            )
            if answer.status_code in (302, 303):
                break
        rows = _query(cluster, query)
    assert rows, "a draft plan"
    return str(uuid.UUID(str(rows[0][0])))


def _add_goal(http: requests.Session, base: str, draft: str, title: str) -> int:
    answer = http.post(
        f"{base}/fi/plans/{draft}/goals/new/",
        data={
            "csrfmiddlewaretoken": csrf(http),
            "title_fi": title,
            "title_sv": title,
            "kind": "result",
        },
        headers={"Referer": f"{base}/fi/plans/{draft}/"},
        allow_redirects=False,
        timeout=60,
    )
    return answer.status_code


def test_every_worker_warms_up_before_its_first_request(cluster):
    """gunicorn reads the project's gunicorn.conf.py: each worker has loaded WeasyPrint, the
    fonts and the templates (suunta/ops/warm.py) before it answers."""
    for server in cluster.servers:
        assert server.log is not None
        # The server answers once its first worker is ready; the other may still be warming.
        deadline = time.monotonic() + 60
        while server.log.read_text().count("warmed up in") < 2 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert server.log.read_text().count("warmed up in") >= 2, server.log.read_text()[-2000:]


def test_a_sign_out_on_one_server_ends_the_session_on_the_others_at_once(cluster):
    one, two, three = (s.url for s in cluster.servers)
    http = sign_in(one)  # the session cookie is the same on every port of 127.0.0.1
    for url in (one, two, three, cluster.url):
        assert http.get(f"{url}/fi/", allow_redirects=False, timeout=30).status_code == 200
    assert cluster.redis is not None
    assert any(b"sessions.cached_db" in key for key in cluster.redis.client.keys("*"))
    out = http.post(
        f"{two}/fi/accounts/logout/",
        data={"csrfmiddlewaretoken": csrf(http)},
        allow_redirects=False,
        timeout=30,
    )
    assert out.status_code == 302
    for url in (one, two, three, cluster.url):
        page = http.get(f"{url}/fi/", allow_redirects=False, timeout=30)
        assert page.status_code == 302 and "/accounts/login/" in page.headers["Location"], url


def test_a_change_saved_through_one_server_shows_on_the_next_read_through_another(cluster):
    one, two, three = (s.url for s in cluster.servers)
    http = sign_in(one)
    # A plan in force, whose page every server caches: a follow-up written through one
    # server is on the page of every other at the next read …
    link = plan_url = None
    for (plan,) in _query(
        cluster,
        "SELECT id FROM goals_goalplan WHERE status IN ('approved', 'in_follow_up') "
        "ORDER BY period_start DESC",
    ):
        plan_url = f"/fi/plans/{uuid.UUID(str(plan))}/"
        for url in (one, two, three):
            page = http.get(url + plan_url, timeout=30)
            assert page.status_code == 200
        link = re.search(r"/fi/plans/[0-9a-f-]+/checkpoints/[0-9a-f-]+/follow-up/", page.text)
        if link is not None:
            break
    assert link is not None and plan_url is not None, "a plan page links to a follow-up"
    form_page = http.get(f"{one}{link.group(0)}?kind=joint", timeout=30)
    assert form_page.status_code == 200
    data = _follow_up_form(form_page.text)
    field = next(k for k in data if k.endswith("_text_fi"))
    text = f"Seurattu klusterissa {uuid.uuid4().hex[:8]}."
    data[field] = text
    saved = http.post(
        form_page.url, data=data, headers={"Referer": form_page.url}, allow_redirects=False,
        timeout=30,
    )  # fmt: skip
    assert saved.status_code in (302, 303), saved.text[:2000]
    for url in (two, three, cluster.url):
        page = http.get(url + plan_url, timeout=30)
        assert page.status_code == 200 and text in page.text, url
    # … and a draft (not cached) the same.
    draft = _draft(cluster, http)
    for url in (two, three):
        assert http.get(f"{url}/fi/plans/{draft}/", timeout=30).status_code == 200
    title = f"Klusterin tavoite {uuid.uuid4().hex[:8]}"
    assert _add_goal(http, one, draft, title) in (302, 303)
    for url in (two, three, cluster.url):
        page = http.get(f"{url}/fi/plans/{draft}/", timeout=30)
        assert page.status_code == 200 and title in page.text, url


def _try_sign_in(url: str, username: str, password: str) -> requests.Response:
    """One sign-in through the page, as a new browser makes it."""
    http = requests.Session()
    page = http.get(f"{url}/fi/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token is not None
    return http.post(
        f"{url}/fi/accounts/login/",
        data={"csrfmiddlewaretoken": token.group(1), "username": username, "password": password},
        allow_redirects=False,
        timeout=30,
    )


def test_the_sign_in_limit_counts_failures_on_every_server_together(cluster):
    servers = [s.url for s in cluster.servers]
    for attempt in range(4):  # the limit (4 here), spread over the three servers
        wrong = _try_sign_in(servers[attempt % 3], "kumppani", "not the password")
        assert wrong.status_code == 200, (servers[attempt % 3], wrong.status_code)
    right = _try_sign_in(servers[1], "kumppani", "demo")
    assert right.status_code == 429  # locked, although this server saw one failure only
    assert "sessionid" not in right.cookies


def test_a_server_killed_under_load_loses_no_acknowledged_write_and_is_taken_out(cluster):
    draft = _draft(cluster, sign_in(cluster.url))
    acknowledged: list[str] = []
    statuses: list[tuple[float, int]] = []
    lock = threading.Lock()
    stop = time.monotonic() + 12
    killed_at: list[float] = []

    def user(number: int) -> None:
        http = sign_in(cluster.url)
        count = 0
        while time.monotonic() < stop:
            count += 1
            title = f"Kuorma {number}-{count} {uuid.uuid4().hex[:6]}"
            try:
                status = _add_goal(http, cluster.url, draft, title)
            except requests.RequestException:
                status = 0
            with lock:
                statuses.append((time.monotonic(), status))
                if status in (302, 303):
                    acknowledged.append(title)

    threads = [threading.Thread(target=user, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(4)
    cluster.kill(1)  # the second server dies with its workers, mid-request
    killed_at.append(time.monotonic())
    for thread in threads:
        thread.join(timeout=120)
    saved = {row[0] for row in _query(cluster, "SELECT title_fi FROM goals_goal")}
    lost = [t for t in acknowledged if t not in saved]
    assert not lost, lost
    after = [s for at, s in statuses if at > killed_at[0] + 1]
    before = [s for at, s in statuses if at < killed_at[0]]
    assert before and after, (len(before), len(after))
    # Once the balancer has seen the dead server refuse, every request goes to the others:
    # a request in flight on it when it died may fail (one per user at most), none after.
    assert not [s for s in after if s == 0 or s >= 500], after
    assert sum(1 for s in after if s in (302, 303)) >= len(after) * 0.9, after
    failed = [s for _at, s in statuses if s == 0 or s >= 500]
    assert len(failed) <= 4, failed
    for _ in range(6):
        assert requests.get(f"{cluster.url}/healthz", timeout=10).status_code == 200
