"""Sign-in through the municipality's OpenID Provider (e.g. Microsoft Entra ID), configured
from the environment:

    SUUNTA_OIDC_ISSUER         https://login.microsoftonline.com/<tenant>/v2.0
    SUUNTA_OIDC_CLIENT_ID      the application (client) id
    SUUNTA_OIDC_CLIENT_SECRET  its secret
    SUUNTA_OIDC_NAME           the button's text, e.g. "Kirjaudu Tuusulan tunnuksilla"
    SUUNTA_OIDC_TRUST_EMAIL    1 for a provider that gives no `email_verified` claim because
                               it manages the addresses itself (Entra ID): its `email` counts
                               as verified; an explicit `email_verified: false` never does

Authorization code flow with PKCE (S256), `state` and `nonce`; the ID token's signature is
checked against the provider's JWKS, and its issuer, audience, expiry and nonce. A user is
found by the *verified* e-mail address (`email_verified` true), case-insensitively, on the
account itself (`User.email`, set only in the admin's user management) – never on a person of
the register linked to it, whose address a keeper writes; no account is created – roles are
granted in Suunta.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from typing import Any
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import User

SESSION_KEY = "suunta_oidc"
TIMEOUT = 10


class Refused(Exception):
    def __init__(self, message: str, code: str, email: str = ""):
        super().__init__(message)
        self.code = code
        self.email = email


def configured() -> bool:
    return bool(settings.SUUNTA_OIDC_ISSUER and settings.SUUNTA_OIDC_CLIENT_ID)


def button_name() -> str:
    return settings.SUUNTA_OIDC_NAME or _("Sign in with your organisation's account")


def discovery() -> dict[str, Any]:
    issuer = settings.SUUNTA_OIDC_ISSUER.rstrip("/")
    key = "suunta-oidc-discovery:" + issuer
    document = cache.get(key)
    if document is None:
        response = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=TIMEOUT)
        response.raise_for_status()
        document = response.json()
        cache.set(key, document, 3600)
    return document


def _callback_url(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("oidc_callback"))


def start(request: HttpRequest, next_url: str) -> str:
    """Where to send the browser: the provider's authorization endpoint."""
    verifier = secrets.token_urlsafe(64)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    request.session[SESSION_KEY] = {
        "state": state,
        "nonce": nonce,
        "verifier": verifier,
        "next": next_url,
        "redirect_uri": _callback_url(request),
    }
    query = {
        "response_type": "code",
        "client_id": settings.SUUNTA_OIDC_CLIENT_ID,
        "redirect_uri": _callback_url(request),
        "scope": "openid email profile",
        "state": state,
        "nonce": nonce,
        "code_challenge": challenge.decode(),
        "code_challenge_method": "S256",
    }
    return f"{discovery()['authorization_endpoint']}?{urlencode(query)}"


def finish(request: HttpRequest) -> tuple[User, bool, str]:
    """Check the callback, exchange the code, verify the ID token and find the user.
    Returns (user, provider asserted MFA, where to go next)."""
    pending = request.session.pop(SESSION_KEY, None)
    if not pending or not secrets.compare_digest(
        request.GET.get("state", ""), pending.get("state", "")
    ):
        raise Refused(_("The sign-in expired or was started elsewhere. Try again."), "state")
    if "error" in request.GET:
        raise Refused(
            _("The identity provider refused the sign-in (%(error)s).")
            % {"error": request.GET.get("error_description") or request.GET["error"]},
            "provider",
        )
    meta = discovery()
    try:
        response = requests.post(
            meta["token_endpoint"],
            data={
                "grant_type": "authorization_code",
                "code": request.GET.get("code", ""),
                "redirect_uri": pending["redirect_uri"],
                "code_verifier": pending["verifier"],
            },
            auth=(settings.SUUNTA_OIDC_CLIENT_ID, settings.SUUNTA_OIDC_CLIENT_SECRET),
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        tokens = response.json()
        id_token = tokens["id_token"]
        signing_key = jwt.PyJWKClient(meta["jwks_uri"], timeout=TIMEOUT).get_signing_key_from_jwt(
            id_token
        )
        claims = jwt.decode(
            id_token,
            signing_key.key,
            algorithms=meta.get("id_token_signing_alg_values_supported") or ["RS256"],
            audience=settings.SUUNTA_OIDC_CLIENT_ID,
            issuer=meta["issuer"],
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            leeway=30,
        )
    except (requests.RequestException, KeyError, ValueError, jwt.PyJWTError) as error:
        raise Refused(
            _("The sign-in could not be completed with the identity provider."), "token"
        ) from error
    if not secrets.compare_digest(str(claims.get("nonce", "")), pending["nonce"]):
        raise Refused(_("The sign-in could not be completed with the identity provider."), "nonce")
    if "email" not in claims and meta.get("userinfo_endpoint") and tokens.get("access_token"):
        claims = {**_userinfo(meta["userinfo_endpoint"], tokens["access_token"], claims), **claims}
    email = str(claims.get("email") or "").strip()
    verified = claims.get("email_verified") is True or (
        settings.SUUNTA_OIDC_TRUST_EMAIL and "email_verified" not in claims
    )
    if not email or not verified:
        raise Refused(
            _("Your identity provider did not give a verified e-mail address, so Suunta cannot "
              "tell who you are. Ask your administrator."),
            "unverified",
            email,
        )  # fmt: skip
    # Only the account's own address, which only the admin's user management sets – never the
    # e-mail of a person in the register, which a keeper writes (docs/decisions/0011).
    users = User.objects.filter(email__iexact=email, is_active=True)
    if users.count() != 1:
        raise Refused(
            _("No Suunta account is linked to %(email)s. Ask the coordinator to add you; "
              "accounts are not created automatically.") % {"email": email},
            "unknown",
            email,
        )  # fmt: skip
    amr = claims.get("amr") or []
    mfa = isinstance(amr, list) and bool({"mfa", "otp", "hwk", "swk"} & set(amr))
    return users.get(), mfa, pending.get("next") or "/"


def _userinfo(endpoint: str, access_token: str, id_claims: dict[str, Any]) -> dict[str, Any]:
    """The e-mail claims from the UserInfo endpoint (providers that keep them out of the ID
    token); only if the subject is the ID token's."""
    try:
        response = requests.get(
            endpoint, headers={"Authorization": f"Bearer {access_token}"}, timeout=TIMEOUT
        )
        response.raise_for_status()
        info = response.json()
    except (requests.RequestException, ValueError):
        return {}
    if info.get("sub") != id_claims.get("sub"):
        return {}
    return {k: info[k] for k in ("email", "email_verified") if k in info}
