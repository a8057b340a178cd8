"""Deployment checks (`manage.py check --deploy`) for what the proxy headers may claim."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def proxy_headers_from_trusted_proxies(app_configs, **kwargs):
    """Behind a reverse proxy, `X-Forwarded-Proto` says whether the client used https. With no
    `SUUNTA_TRUSTED_PROXIES`, a client that reaches the app past the proxy can claim it too
    (and everyone shares the proxy's address in the sign-in limits)."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and not getattr(
        settings, "SUUNTA_TRUSTED_PROXIES", []
    ):
        return [
            Warning(
                "X-Forwarded-Proto is believed from any client: SUUNTA_TRUSTED_PROXIES is empty.",
                hint=(
                    "List the reverse proxies' addresses in SUUNTA_TRUSTED_PROXIES (see "
                    "docs/operations.md, 'Behind the reverse proxy')."
                ),
                id="suunta.W001",
            )
        ]
    return []
