"""Sign-in security: the second factor (TOTP and recovery codes), rate limiting and session
timeouts. See docs/decisions/0006-accounts-mfa-oidc.md.

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
from typing import Any

import pyotp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
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
    from suunta.demo.seed import DEMO_USERNAMES

    return bool(settings.DEMO_MODE) and user.get_username() in DEMO_USERNAMES


def mfa_required(user: User) -> bool:
    """Everyone with a role, and staff, when MFA is required; the demo accounts in demo mode
    are exempt."""
    if not _setting("SUUNTA_REQUIRE_MFA", True) or mfa_exempt(user):
        return False
    return user.is_staff or Role.objects.active().filter(user=user).exists()


# --- Rate limiting --------------------------------------------------------------------------


def _window() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(seconds=_setting("SUUNTA_LOGIN_WINDOW_SECONDS", 900))


def lockout_message(username: str, ip: str | None, step: str = "password") -> str | None:
    """A message with the wait if there were too many failures lately, else None."""
    since = _window()
    failures = SignInAttempt.objects.filter(success=False, at__gte=since)
    per_user = failures.filter(username__iexact=username, step=step) if username else None
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
    SignInAttempt.objects.create(username=username[:150], ip=ip, success=success, step=step)
    if success:
        # A success clears the user's failures, so that one typo a day never locks anyone out.
        SignInAttempt.objects.filter(username__iexact=username, success=False, step=step).delete()


def client_ip(request: HttpRequest) -> str | None:
    from suunta.audit.context import origin_of

    return origin_of(request).ip


# --- Middleware -----------------------------------------------------------------------------

OPEN_PATHS = ("/static/", "/healthz", "/i18n/", "/favicon")


def _is_open(request: HttpRequest) -> bool:
    path = request.path_info
    if path.startswith(OPEN_PATHS):
        return True
    from django.urls import Resolver404, resolve

    try:
        name = resolve(path).url_name
    except Resolver404:
        return False
    return name in {"logout", "login", "mfa_verify", "mfa_setup", "oidc_login", "oidc_callback"}


def _refuse(request: HttpRequest, to: str, message: str = "") -> HttpResponse:
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message or _("Authentication required.")}, status=401)
    url = reverse(to)
    if to == "login" or request.method == "GET":
        url += "?" + urlencode({"next": request.get_full_path()})
    return redirect(url)


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
                if not request.path_info.startswith("/api/"):
                    messages.info(request, reason)
                return _refuse(request, "login", reason)
            if now - seen > 30 or SESSION_SEEN not in session:
                session[SESSION_SEEN] = now
        return self.get_response(request)


class SecondFactorMiddleware:
    """After the password: the code before anything else, or enrolment if it is required and
    the user has no app yet. Requests with an API token are not session sign-ins."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.session.get(SESSION_MFA)
            and not request.headers.get("Authorization", "").startswith("Bearer ")
            and not _is_open(request)
        ):
            if has_device(user):
                return _refuse(request, "mfa_verify", _("Give the code from your app first."))
            if mfa_required(user):
                return _refuse(request, "mfa_setup", _("Set up your second factor first."))
            request.session[SESSION_MFA] = "not-required"
        return self.get_response(request)
