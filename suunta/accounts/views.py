"""Sign-in pages: password with rate limiting, the second factor (verify, set up, recovery
codes), and sign-in through the municipality's OpenID Provider."""

from __future__ import annotations

import time

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import LoginView
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from suunta.audit.record import record

from . import oidc, security


@receiver(user_logged_in)
def _start_session(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session[security.SESSION_STARTED] = now
    request.session[security.SESSION_SEEN] = now
    request.session.pop(security.SESSION_MFA, None)


def _next_url(request: HttpRequest, fallback: str = "/") -> str:
    """Where to go after the sign-in step: a path of this site ("/fi/…"), nothing else. A
    relative or foreign address, a scheme (javascript:, data:) or a name that is no path is
    ignored for the fallback – `redirect()` would take a bare word for a URL pattern name."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if (
        wanted.startswith("/")
        and not wanted.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(
            wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return wanted
    return fallback


class SignInForm(AuthenticationForm):
    """Django's user name and password form, refusing an account that may not act
    (`security.account_usable`: a demo account outside demo mode) as a wrong password is."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not security.account_usable(user):
            raise self.get_invalid_login_error()


class SignInView(LoginView):
    """Django's sign-in with a limit on failed attempts per user name and per address."""

    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["demo_mode"] = settings.DEMO_MODE
        context["oidc_name"] = oidc.button_name() if oidc.configured() else ""
        return context

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "").strip()
        ip = security.client_ip(request)
        if message := security.lockout_message(username, ip):
            form = self.get_form()
            form.is_bound = True
            form._errors = forms.utils.ErrorDict({"__all__": form.error_class([message])})
            record("sign_in.locked", _Named(username), actor=None, after={"ip": ip})
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        username = self.request.POST.get("username", "").strip()
        security.record_attempt(username, security.client_ip(self.request), success=False)
        return super().form_invalid(form)

    def form_valid(self, form):
        user = form.get_user()
        security.record_attempt(user.get_username(), security.client_ip(self.request), success=True)
        response = super().form_valid(form)
        record("sign_in", user, actor=user, after={"via": "password"})
        if security.has_device(user):
            return redirect(_with_next("mfa_verify", self.get_success_url()))
        if security.mfa_required(user):
            return redirect(_with_next("mfa_setup", self.get_success_url()))
        self.request.session[security.SESSION_MFA] = "not-required"
        return response


class _Named:
    """An audit subject for a sign-in refused before any user is known."""

    class _meta:
        model_name = "user"

    def __init__(self, username: str):
        self.pk = username[:64]


def _with_next(name: str, next_url: str) -> str:
    from django.urls import reverse
    from django.utils.http import urlencode

    return f"{reverse(name)}?{urlencode({'next': next_url})}"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        help_text=gettext_lazy(
            "The six digits your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


@login_required
def mfa_verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not security.has_device(user):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        ip = security.client_ip(request)
        if message := security.lockout_message(user.get_username(), ip, step="code"):
            form.is_valid()
            form.add_error(None, message)
            status = 429
        elif form.is_valid() and security.verify_code(user, form.cleaned_data["code"]):
            security.record_attempt(user.get_username(), ip, success=True, step="code")
            request.session.cycle_key()
            request.session[security.SESSION_MFA] = "code"
            record("sign_in.second_factor", user, actor=user)
            return redirect(_next_url(request))
        else:
            security.record_attempt(user.get_username(), ip, success=False, step="code")
            if form.is_valid():
                form.add_error("code", _("The code is not right, or it was already used."))
            status = 422
    return render(
        request,
        "accounts/mfa_verify.html",
        {"form": form, "next": _next_url(request)},
        status=status,
    )


@login_required
def mfa_setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app (a new one replaces the old after its first valid code)."""
    user = request.user
    if security.has_device(user) and not request.session.get(security.SESSION_MFA):
        return redirect(_with_next("mfa_verify", request.get_full_path()))
    secret = request.session.get("suunta_mfa_secret")
    if not secret or request.method == "GET":
        secret = security.new_secret()
        request.session["suunta_mfa_secret"] = secret
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        codes = security.confirm_device(user, secret, form.data.get("code", ""))
        if codes is not None:
            request.session.pop("suunta_mfa_secret", None)
            request.session[security.SESSION_MFA] = "code"
            record("mfa.enrol", user, actor=user)
            response = render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
            response["Cache-Control"] = "no-store"
            return response
        form.is_valid()
        form.add_error(
            "code", _("The code is not right. Check the time on your phone and try again.")
        )
        status = 422
    uri = security.provisioning_uri(user, secret)
    return render(
        request,
        "accounts/mfa_setup.html",
        {
            "form": form,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr": security.qr_svg(uri),
            "required": security.mfa_required(user),
            "next": _next_url(request),
        },
        status=status,
    )


@login_required
def mfa_recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes (the old ones stop working), after a fresh code from the app."""
    user = request.user
    if not security.has_device(user):
        return redirect("mfa_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if security.verify_code(user, form.cleaned_data["code"]):
            codes = security.new_recovery_codes(user)
            record("mfa.recovery_codes", user, actor=user)
            response = render(
                request, "accounts/recovery_codes.html", {"codes": codes, "next": "/"}
            )
            response["Cache-Control"] = "no-store"
            return response
        form.add_error("code", _("The code is not right, or it was already used."))
        return render(request, "accounts/mfa_codes.html", {"form": form}, status=422)
    return render(request, "accounts/mfa_codes.html", {"form": form})


# --- OpenID Connect ---------------------------------------------------------------------------


def oidc_login(request: HttpRequest) -> HttpResponse:
    if not oidc.configured():
        return render(
            request,
            "accounts/oidc_refused.html",
            {"reason": _("Single sign-on is not configured.")},
            status=404,
        )
    return redirect(oidc.start(request, _next_url(request)))


def oidc_callback(request: HttpRequest) -> HttpResponse:
    if not oidc.configured():
        return render(
            request,
            "accounts/oidc_refused.html",
            {"reason": _("Single sign-on is not configured.")},
            status=404,
        )
    try:
        user, mfa, next_url = oidc.finish(request)
    except oidc.Refused as refusal:
        record(
            "sign_in.refused",
            _Named(refusal.email or "oidc"),
            actor=None,
            after={"reason": refusal.code},
        )
        return render(request, "accounts/oidc_refused.html", {"reason": str(refusal)}, status=403)
    from django.contrib.auth import login

    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    record("sign_in", user, actor=user, after={"via": "oidc", "mfa": mfa})
    if mfa:
        request.session[security.SESSION_MFA] = "oidc"
    elif security.has_device(user):
        return redirect(_with_next("mfa_verify", next_url))
    elif security.mfa_required(user):
        return redirect(_with_next("mfa_setup", next_url))
    else:
        request.session[security.SESSION_MFA] = "not-required"
    return redirect(next_url)
