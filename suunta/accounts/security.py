"""Sign-in security: who the request is, the second factor (TOTP and recovery codes), rate
limiting and session timeouts. See docs/decisions/0006-accounts-mfa-oidc.md and
docs/decisions/0012-who-the-request-is.md.

- `RequestIdentityMiddleware` is the one place that decides who a request is. A session counts
  only once it has passed every step it needs (the password, then the second factor or single
  sign-on with MFA); a half-signed-in session is nobody everywhere but on the sign-in steps
  themselves. A header never makes anyone: an API token is considered by the API alone
  (suunta/api/api.py `TokenAuth`), and only on /api/.
- A demo account (`User.is_demo`) is nobody when demo mode is off, however it came in: by
  password, by a session from when demo mode was on, or by its derivable API token.

- Every user who holds a role (or staff) must have a second factor when `SUUNTA_REQUIRE_MFA`
  is on (the default outside tests); until they have one they can only enrol. In demo mode the
  demo accounts are exempt, and the sign-in page says so.
- After the password, a user with an authenticator app must give a code (or a recovery code)
  before anything else. An OpenID Provider that asserts MFA (`amr`) counts as the second factor.
- Failed sign-ins are counted per user name and per address in the database; past the limits
  the form refuses for a while, with the wait in the message.
- A session ends after `SUUNTA_SESSION_IDLE_SECONDS` without requests and after
  `SUUNTA_SESSION_ABSOLUTE_SECONDS` in all, whatever the activity.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
import time
import unicodedata
from typing import Any

import pyotp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import RecoveryCode, Role, SignInAttempt, TotpDevice, User

ISSUER = "Suunta"
RECOVERY_CODES = 10
SESSION_MFA = "suunta_mfa_ok"
SESSION_STARTED = "suunta_started"
SESSION_SEEN = "suunta_seen"


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


# --- TOTP and recovery codes ----------------------------------------------------------------


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.get_username(), issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The provisioning URI as an inline SVG (no style attributes: the CSP forbids them)."""
    import io

    import segno

    out = io.BytesIO()
    segno.make(uri, error="m").save(
        out,
        kind="svg",
        scale=5,
        xmldecl=False,
        svgns=True,
        omitsize=True,  # a viewBox instead, so that the CSS can size it
        title=_("QR code for the authenticator app"),
    )
    return out.getvalue().decode("utf-8")


def _step_matching(secret: str, code: str, *, at: float | None = None) -> int | None:
    """The time step the code belongs to (±1 step of clock drift), or None."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    now = at if at is not None else time.time()
    for drift in (0, -1, 1):
        step = int(now // totp.interval) + drift
        if secrets.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def verify_code(user: User, code: str) -> bool:
    """A valid code from the user's confirmed app, each usable once; or an unused recovery code."""
    device = TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).first()
    if device is not None:
        step = _step_matching(device.secret, code)
        if step is not None:
            with transaction.atomic():
                taken = TotpDevice.objects.filter(pk=device.pk, last_step__lt=step).update(
                    last_step=step
                )
            return bool(taken)
    cleaned = code.strip().replace(" ", "").replace("-", "").lower()
    if len(cleaned) >= 10:
        digest = hashlib.sha256(cleaned.encode()).hexdigest()
        return bool(
            RecoveryCode.objects.filter(user=user, digest=digest, used_at__isnull=True).update(
                used_at=timezone.now()
            )
        )
    return False


def confirm_device(user: User, secret: str, code: str) -> list[str] | None:
    """Enrol the app if the code is right; returns the new recovery codes (shown once)."""
    step = _step_matching(secret, code)
    if step is None:
        return None
    with transaction.atomic():
        TotpDevice.objects.update_or_create(
            user=user,
            defaults={"secret": secret, "confirmed_at": timezone.now(), "last_step": step},
        )
        return new_recovery_codes(user)


def new_recovery_codes(user: User) -> list[str]:
    RecoveryCode.objects.filter(user=user).delete()
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODES)]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, digest=hashlib.sha256(c.encode()).hexdigest()) for c in codes
    )
    return [f"{c[:5]}-{c[5:]}" for c in codes]


def has_device(user: User) -> bool:
    return TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


def mfa_exempt(user: User) -> bool:
    return bool(settings.DEMO_MODE) and bool(getattr(user, "is_demo", False))


def mfa_required(user: User) -> bool:
    """Everyone with a role, and staff, when MFA is required; the demo accounts in demo mode
    are exempt."""
    if not _setting("SUUNTA_REQUIRE_MFA", True) or mfa_exempt(user):
        return False
    return user.is_staff or Role.objects.active().filter(user=user).exists()


# --- Rate limiting --------------------------------------------------------------------------


def _window() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(seconds=_setting("SUUNTA_LOGIN_WINDOW_SECONDS", 900))


def lockout_key(username: str) -> str:
    """The name failures are counted under: normalised as Django normalises a user name before
    the password check (NFKC, `AbstractBaseUser.normalize_username`), then case-folded, so that
    a look-alike spelling of a name (a fullwidth letter, another case) counts as that name."""
    folded = unicodedata.normalize("NFKC", username.strip()).casefold()
    return unicodedata.normalize("NFKC", folded)[:150]


def lockout_message(username: str, ip: str | None, step: str = "password") -> str | None:
    """A message with the wait if there were too many failures lately, else None."""
    since = _window()
    failures = SignInAttempt.objects.filter(success=False, at__gte=since)
    key = lockout_key(username)
    per_user = failures.filter(username=key, step=step) if key else None
    per_ip = failures.filter(ip=ip) if ip else None
    limits = [
        (per_user, _setting("SUUNTA_LOGIN_MAX_PER_USER", 5)),
        (per_ip, _setting("SUUNTA_LOGIN_MAX_PER_IP", 20)),
    ]
    for attempts, limit in limits:
        if attempts is None:
            continue
        recent = list(attempts.order_by("-at").values_list("at", flat=True)[:limit])
        if len(recent) >= limit:
            free_at = recent[-1] + (timezone.now() - since)
            minutes = max(1, int((free_at - timezone.now()).total_seconds() // 60) + 1)
            return ngettext(
                "Too many failed attempts. Try again in %(minutes)s minute.",
                "Too many failed attempts. Try again in %(minutes)s minutes.",
                minutes,
            ) % {"minutes": minutes}
    return None


def record_attempt(username: str, ip: str | None, *, success: bool, step: str = "password"):
    key = lockout_key(username)
    SignInAttempt.objects.create(username=key, ip=ip, success=success, step=step)
    if success:
        # A success clears the user's failures, so that one typo a day never locks anyone out.
        SignInAttempt.objects.filter(username=key, success=False, step=step).delete()


def client_ip(request: HttpRequest) -> str | None:
    from suunta.audit.context import origin_of

    return origin_of(request).ip


# --- Who the request is ---------------------------------------------------------------------

OPEN_PATHS = ("/static/", "/healthz", "/i18n/", "/favicon")
# Pages a half-signed-in session may use as itself: the steps that finish (or end) the sign-in.
SIGN_IN_STEPS = frozenset({"mfa_verify", "mfa_setup", "logout"})
# Pages anyone may open; a half-signed-in session opens them as nobody.
OPEN_PAGES = frozenset({"login", "oidc_login", "oidc_callback", "invitation_accept"})


def account_usable(user) -> bool:
    """Whether the account may act at all: active, and a demo account only in demo mode."""
    if not getattr(user, "is_active", False):
        return False
    return bool(settings.DEMO_MODE) or not getattr(user, "is_demo", False)


def pending_step(request: HttpRequest, user: User) -> str | None:
    """The sign-in step the session still lacks ("mfa_verify" or "mfa_setup"), or None when
    it has passed every step it needs. A session that needed no second factor is asked again
    on each request whether it still needs none: a role granted meanwhile makes it need one
    (no query when MFA is off or the account is exempt)."""
    marker = request.session.get(SESSION_MFA)
    if marker == "not-required":
        if not mfa_required(user):
            return None
        del request.session[SESSION_MFA]
    elif marker:
        return None
    if has_device(user):
        return "mfa_verify"
    if mfa_required(user):
        return "mfa_setup"
    # A session that needs no second factor is complete after the password.
    request.session[SESSION_MFA] = "not-required"
    return None


def signed_in(request: HttpRequest) -> bool:
    """Whether the request's session user has passed every sign-in step (as decided by
    `RequestIdentityMiddleware`); what the API's session authentication asks."""
    user = getattr(request, "user", None)
    return bool(
        user is not None
        and user.is_authenticated
        and account_usable(user)
        and hasattr(request, "session")
        and request.session.get(SESSION_MFA)
    )


def _url_name(request: HttpRequest) -> str | None:
    from django.urls import Resolver404, resolve

    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


def _is_open(request: HttpRequest) -> bool:
    return request.path_info.startswith(OPEN_PATHS) or _url_name(request) in OPEN_PAGES


def _as_nobody(request: HttpRequest) -> None:
    anonymous = AnonymousUser()
    request.user = anonymous

    async def auser():
        return anonymous

    request.auser = auser


def _refuse(request: HttpRequest, to: str, message: str) -> HttpResponse:
    """Send a page to a sign-in step (or the sign-in), saying why."""
    messages.info(request, message)
    url = reverse(to)
    if to == "login" or request.method == "GET":
        url += "?" + urlencode({"next": request.get_full_path()})
    return redirect(url)


STEP_MESSAGES = {
    "mfa_verify": lambda: _("Give the code from your app first."),
    "mfa_setup": lambda: _("Set up your second factor first."),
}


def identify(request: HttpRequest) -> HttpResponse | None:
    """Decide who the request is, once, and set `request.user` to it.

    - No session user: nobody (the API may still find a token's user).
    - An account that may not act (inactive, or a demo account with demo mode off): the
      session ends; nobody.
    - A session that has passed every step: its user.
    - A half-signed-in session: its user on the sign-in steps only (`SIGN_IN_STEPS`); on the
      API and the open pages nobody; any other page is sent to the missing step.

    Headers play no part: an `Authorization` header never stands in for a step.
    Returns the response that sends the request elsewhere, or None to go on."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    if not account_usable(user):
        logout(request)
        return None
    step = pending_step(request, user)
    if step is None:
        return None
    if _url_name(request) in SIGN_IN_STEPS:
        return None
    _as_nobody(request)
    if request.path_info.startswith("/api/") or _is_open(request):
        return None
    return _refuse(request, step, STEP_MESSAGES[step]())


# --- Middleware -----------------------------------------------------------------------------


class SessionTimeoutMiddleware:
    """Sign out after the idle or the absolute time limit, saying why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            now = time.time()
            session = request.session
            started = session.setdefault(SESSION_STARTED, now)
            seen = session.get(SESSION_SEEN, now)
            idle = _setting("SUUNTA_SESSION_IDLE_SECONDS", 1800)
            absolute = _setting("SUUNTA_SESSION_ABSOLUTE_SECONDS", 8 * 3600)
            reason = None
            if now - seen > idle:
                reason = _("You were signed out after %(minutes)s minutes without activity.") % {
                    "minutes": idle // 60
                }
            elif now - started > absolute:
                reason = _("You were signed out: a session lasts at most %(hours)s hours.") % {
                    "hours": round(absolute / 3600, 1) if absolute % 3600 else absolute // 3600
                }
            if reason:
                logout(request)
                if request.path_info.startswith("/api/"):
                    # The API goes on as nobody: a token still counts, a session no longer.
                    return self.get_response(request)
                return _refuse(request, "login", reason)
            if now - seen > 30 or SESSION_SEEN not in session:
                session[SESSION_SEEN] = now
        return self.get_response(request)


class RequestIdentityMiddleware:
    """`identify` on every request, after the session and the timeouts: from here on
    `request.user` is who the request is (the API replaces it with a token's user)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (response := identify(request)) is not None:
            return response
        return self.get_response(request)
