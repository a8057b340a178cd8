"""The December 2026 review's black-box probes, run again over HTTP against the app under
gunicorn twice: with production settings (SUUNTA_DEBUG=0, SUUNTA_DEMO_MODE=0, the secure
settings on) on a database that once held the demo data, and as `make run` runs it (debug and
demo mode on); a reverse proxy is trusted on 127.0.0.1 in both.

Every other test in this folder checks one finding through the test client; these check that
the real server, with the real middleware order and the real settings, holds too. Marked
`live` (gunicorn, like tests/ops/test_live_faults.py); required in CI by SUUNTA_REQUIRE_FAULT_TESTS.
"""

from __future__ import annotations

import http.client
import io
import re
import sqlite3
import time
import uuid
import zipfile
from pathlib import Path

import pytest
import requests

from tests.harness import manage_in_turn
from tests.live import Gunicorn, app_env, new_tempdir

pytestmark = pytest.mark.live

HTTPS = {"X-Forwarded-Proto": "https"}
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # the probe accounts' authenticator app
PASSWORD = "probe-password-Kx7-long"

SETUP = f"""
from suunta.accounts.models import Role, TotpDevice, User
from suunta.api.models import ApiToken
from suunta.goals import actions
from suunta.goals.models import GoalPlan
from suunta.organisations.models import Organisation
from django.utils import timezone

tuusula = Organisation.objects.get(slug="tuusula")
def person(name, kind, *, superuser=False, device=True):
    user = User.objects.create_user(
        username=name, password="{PASSWORD}", email=name + "@example.fi"
    )
    if superuser:
        user.is_staff = user.is_superuser = True
        user.save()
    else:
        Role.objects.create(user=user, organisation=tuusula, kind=kind)
    if device:
        TotpDevice.objects.create(
            user=user, secret="{SECRET}", confirmed_at=timezone.now(), last_step=0
        )
    return user
coordinator = person("probe_coord", Role.Kind.COORDINATOR)
person("probe_coord2", Role.Kind.COORDINATOR)
person("probe_coord3", Role.Kind.COORDINATOR)
person("probe_board", Role.Kind.BOARD_MEMBER)
person("probe_board2", Role.Kind.BOARD_MEMBER)
person("probe_support", None, superuser=True, device=False)
plan = GoalPlan.objects.filter(organisation=tuusula).order_by("-period_start").first()
draft = actions.start_next_plan(plan, actor=coordinator)
record, token = ApiToken.issue(coordinator, "probe")
print("DRAFT", draft.pk)
print("POST", draft.post_id)
print("TOKEN", token)
"""


class Browser(requests.Session):
    """A browser behind the TLS-terminating proxy: every request says it came over https, and
    the Secure cookies are sent back over the test's plain http."""

    def __init__(self, base: str, forwarded_for: str = "192.0.2.10"):
        super().__init__()
        self.base = base
        self.headers.update({**HTTPS, "X-Forwarded-For": forwarded_for})
        self.hooks["response"].append(self._unsecure)

    def _unsecure(self, response, *args, **kwargs):
        for cookie in self.cookies:
            cookie.secure = False

    def go(self, method: str, path: str, **kwargs) -> requests.Response:
        self._unsecure(None)
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 30)
        headers = kwargs.pop("headers", {})
        if method != "GET" and "csrftoken" in self.cookies:
            headers.setdefault("X-CSRFToken", self.cookies["csrftoken"])
            headers.setdefault("Referer", self.base.replace("http://", "https://") + path)
        return self.request(method, self.base + path, headers=headers, **kwargs)

    def password(self, username: str, password: str = PASSWORD) -> requests.Response:
        self.go("GET", "/fi/accounts/login/")
        return self.go(
            "POST",
            "/fi/accounts/login/",
            data={
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": self.cookies.get("csrftoken", ""),
            },
        )

    def second_factor(self) -> requests.Response:
        import pyotp

        code = pyotp.TOTP(SECRET).now()
        return self.go(
            "POST",
            "/fi/accounts/second-factor/",
            data={"code": code, "csrfmiddlewaretoken": self.cookies["csrftoken"]},
        )


# How the app is run: in production (demo mode off, the secure settings on) on a database that
# once held the demo data, and as `make run` runs it (debug and demo mode on).
MODES = {
    "production": {"SUUNTA_DEBUG": "0", "SUUNTA_DEMO_MODE": "0", "SUUNTA_SECURE": "1"},
    "make-run": {"SUUNTA_DEBUG": "1", "SUUNTA_DEMO_MODE": "1", "SUUNTA_SECURE": "0"},
}


# The database both modes start from is made once per run (migrate, load_demo, collectstatic
# and the probes' own accounts: about 20 s), then copied for each mode.
_PREPARED: dict[str, object] = {}
COMMON = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "SUUNTA_SECRET_KEY": "probes-" + uuid.uuid4().hex * 2,
    "SUUNTA_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SUUNTA_REQUIRE_MFA": "1",
    "SUUNTA_LOGIN_MAX_PER_IP": "20",
    "SUUNTA_LOGIN_MAX_PER_USER": "5",
    # The TLS-terminating reverse proxy on this machine (docs/operations.md).
    "SUUNTA_TRUSTED_PROXIES": "127.0.0.1",
}


def _prepared() -> tuple[Path, dict[str, str]]:
    if not _PREPARED:
        tmp: Path = new_tempdir("suunta-probes-template-")
        database = f"sqlite:///{tmp / 'probes.sqlite3'}"
        # The demo data are loaded in demo mode, with their accounts and tokens, as `make run`
        # does.
        loading = app_env(
            database,
            **COMMON,
            SUUNTA_MEDIA_DIR=str(tmp / "media"),
            SUUNTA_DEBUG="0",
            SUUNTA_DEMO_MODE="1",
            SUUNTA_SECURE="0",
        )
        out = manage_in_turn(
            loading,
            ("migrate", "--noinput", "-v0"),
            ("load_demo",),
            ("collectstatic", "--noinput", "-v0"),
            ("shell", "-c", SETUP),
        )
        wanted = ("DRAFT ", "POST ", "TOKEN ")
        _PREPARED["file"] = tmp / "probes.sqlite3"
        _PREPARED["ids"] = dict(
            line.split(" ", 1) for line in out.splitlines() if line.startswith(wanted)
        )
    return _PREPARED["file"], _PREPARED["ids"]  # type: ignore[return-value]


@pytest.fixture(scope="module", params=list(MODES))
def server(request):
    template, ids = _prepared()
    tmp: Path = new_tempdir("suunta-probes-")
    source, copy = sqlite3.connect(template), sqlite3.connect(tmp / "probes.sqlite3")
    source.backup(copy)  # WAL included
    source.close()
    copy.close()
    database = f"sqlite:///{tmp / 'probes.sqlite3'}"
    common = {**COMMON, "SUUNTA_MEDIA_DIR": str(tmp / "media")}
    environment = app_env(database, **common, **MODES[request.param])
    environment.pop("SUUNTA_DB_CONNECT_TIMEOUT", None)
    gunicorn = Gunicorn(environment, tmp / "gunicorn.log", workers=2)
    try:
        yield {
            "mode": request.param,
            "url": gunicorn.url,
            "port": gunicorn.port,
            "pid": gunicorn.process.pid,
            **ids,
        }
    finally:
        gunicorn.stop()


@pytest.fixture(scope="module")
def uploader(server):
    """A coordinator signed in with both factors (a code is good once, so once a module)."""
    browser = Browser(server["url"], "192.0.2.20")
    assert browser.password("probe_coord3").status_code == 302
    assert browser.second_factor().status_code == 302
    return browser


def _rss_kib(pid: int) -> int:
    """The resident memory of gunicorn and its workers, in KiB."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+)", status)
        total += int(match.group(1)) if match else 0
    return total


def test_f01_a_password_and_any_bearer_header_do_not_pass_the_second_factor(server):
    browser = Browser(server["url"], "192.0.2.11")
    assert browser.password("probe_coord").status_code == 302
    bearer = {"Authorization": "Bearer x"}
    for path in ("/fi/", "/fi/o/tuusula/register/", "/fi/accounts/tokens/"):
        response = browser.go("GET", path, headers=bearer)
        assert response.status_code in (302, 401, 403), (path, response.status_code)
        assert "second-factor" in response.headers.get("Location", "second-factor")
    made = browser.go("POST", "/fi/accounts/tokens/", data={"name": "x"}, headers=bearer)
    assert made.status_code != 200 and "suunta_" not in made.text
    for headers in (bearer, {}):
        assert browser.go("GET", "/api/v1/plans", headers=headers).status_code == 401

    support = Browser(server["url"], "192.0.2.12")
    assert support.password("probe_support").status_code == 302
    for path in ("/admin/", "/admin/accounts/user/"):
        assert support.go("GET", path, headers=bearer).status_code == 302, path

    # The whole sign-in still works: the code, then the pages.
    assert browser.second_factor().status_code == 302
    assert browser.go("GET", "/fi/").status_code == 200


def test_f08_a_look_alike_user_name_does_not_reset_the_lockout(server):
    browser = Browser(server["url"], "192.0.2.13")
    for _ in range(5):
        assert browser.password("probe_board", "wrong-password").status_code == 200
    assert browser.password("probe_board").status_code == 429
    assert browser.password("\uff50robe_board").status_code == 429  # fullwidth p
    assert browser.password("PROBE_BOARD").status_code == 429


def test_f09_the_lockout_per_address_counts_the_client_behind_the_proxy(server):
    attacker = Browser(server["url"], "198.51.100.7")
    for n in range(20):
        attacker.password(f"nobody{n}", "wrong-password")
    assert attacker.password("probe_board2").status_code == 429
    other = Browser(server["url"], "198.51.100.8")
    assert other.password("probe_board2").status_code == 302


def test_f13_a_javascript_next_on_the_second_factor_page_is_not_a_500(server):
    browser = Browser(server["url"], "192.0.2.14")
    browser.password("probe_coord2")
    page = browser.go("GET", "/fi/accounts/second-factor/?next=javascript%3Aalert%281%29")
    assert page.status_code == 200
    done = browser.second_factor()
    assert done.status_code == 302 and not done.headers["Location"].startswith("javascript")


def test_f13_a_lone_surrogate_in_the_api_is_a_422(server):
    api = requests.Session()
    api.headers.update({**HTTPS, "Authorization": f"Bearer {server['TOKEN']}"})
    url = f"{server['url']}/api/v1/plans/{server['DRAFT']}"
    plan = api.get(url, timeout=30)
    assert plan.status_code == 200
    response = api.patch(
        url,
        data=b'{"title_fi": "Tavoitteet \\ud800"}',
        headers={"Content-Type": "application/json", "If-Match": plan.headers["ETag"]},
        timeout=30,
    )
    assert response.status_code == 422, response.text[:300]
    assert api.get(url, timeout=30).json()["title"] == plan.json()["title"]


def test_f16_the_demo_accounts_and_their_tokens_work_only_in_demo_mode(server):
    from suunta.api.models import demo_token

    expected = 200 if server["mode"] == "make-run" else 401
    for username in ("demo", "tuki", "koordinaattori"):
        response = requests.get(
            f"{server['url']}/api/v1/plans",
            headers={**HTTPS, "Authorization": f"Bearer {demo_token(username)}"},
            timeout=30,
        )
        assert response.status_code == expected, username
    browser = Browser(server["url"], "192.0.2.15")
    signed_in = browser.password("demo", "demo").status_code == 302
    assert signed_in is (server["mode"] == "make-run")


def test_f17_the_health_check_answers_over_plain_http(server):
    response = requests.get(f"{server['url']}/healthz", timeout=30, allow_redirects=False)
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_f17_a_huge_body_is_refused_before_it_is_read(server):
    connection = http.client.HTTPConnection("127.0.0.1", server["port"], timeout=10)
    started = time.monotonic()
    connection.putrequest("POST", "/fi/accounts/login/")
    connection.putheader("Content-Type", "multipart/form-data; boundary=x")
    connection.putheader("Content-Length", str(150 * 1024 * 1024))
    connection.putheader("X-Forwarded-Proto", "https")
    connection.endheaders(b"--x\r\n")
    response = connection.getresponse()
    assert response.status == 413
    assert time.monotonic() - started < 5
    connection.close()


def _hostile_xlsx_many_sheets() -> bytes:
    """The review's finding 3: 50 sheets with one cell at row 20 000 each."""
    out = io.BytesIO()
    sheets = 50
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(1, sheets + 1)
            )
            + "</Types>",
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships"><sheets>'
            + "".join(
                f'<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, sheets + 1)
            )
            + "</sheets></workbook>",
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/'
                f'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, sheets + 1)
            )
            + "</Relationships>",
        )
        for i in range(1, sheets + 1):
            z.writestr(
                f"xl/worksheets/sheet{i}.xml",
                '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                'spreadsheetml/2006/main"><sheetData><row r="20000"><c r="A20000" t="inlineStr">'
                "<is><t>x</t></is></c></row></sheetData></worksheet>",
            )
    return out.getvalue()


def _whitespace_docx(paragraphs: int = 300_000) -> bytes:
    """The review's finding 4: a document part that starts with 5 000 spaces."""
    out = io.BytesIO()
    body = "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * paragraphs
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "word/document.xml",
            " "
            * 5000
            + '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>',
        )
    return out.getvalue()


@pytest.mark.parametrize(
    ("finding", "name", "build"),
    [
        ("f03", "tavoitteet.xlsx", _hostile_xlsx_many_sheets),
        ("f04", "tavoitteet.docx", _whitespace_docx),
        ("f14", "tavoitteet.txt", lambda: b"x\n" * 2_000_000),
    ],
)
def test_f03_f04_f14_hostile_uploads_are_refused_quickly_without_memory(
    server, uploader, finding, name, build
):
    browser = uploader
    content = build()
    before = _rss_kib(server["pid"])
    started = time.monotonic()
    response = browser.go(
        "POST",
        f"/fi/posts/{server['POST']}/import/",
        data={"csrfmiddlewaretoken": browser.cookies["csrftoken"], "text": ""},
        files={"file": (name, content)},
    )
    took = time.monotonic() - started
    grown = (_rss_kib(server["pid"]) - before) / 1024
    assert 400 <= response.status_code < 500, (finding, response.status_code)
    assert "errorlist" in response.text or 'role="alert"' in response.text
    assert took < 2, f"{finding}: answered after {took:.1f} s"
    assert grown < 100, f"{finding}: the server grew by {grown:.0f} MB"
