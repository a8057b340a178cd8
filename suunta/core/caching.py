"""A page fragment cached by the state of what it shows.

`@cached_fragment(key, seconds)` wraps a function `(request, obj, csrf_token) -> str` that
renders HTML. `key(request, obj)` names the state of everything the fragment shows (e.g. the
plan page's `queries.plan_page_key`: the reader's profile, the language and the freshness of
each source), or None when the fragment must not be cached (a draft). The fragment is
rendered with a placeholder for the CSRF token, and the request's own token replaces it on
every response, so a cached fragment never carries another reader's token.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils.safestring import SafeString, mark_safe

# Stands for the CSRF token in a cached fragment; the request's own token replaces it.
CSRF_PLACEHOLDER = "suunta-csrf-token-placeholder"


def cached_fragment(
    key: Callable[[Any, Any], str | None], seconds: int
) -> Callable[[Callable[..., str]], Callable[[Any, Any], SafeString]]:
    def decorate(render: Callable[..., str]) -> Callable[[Any, Any], SafeString]:
        @functools.wraps(render)
        def cached(request: Any, obj: Any) -> SafeString:
            name = key(request, obj)
            html = cache.get(name) if name is not None else None
            if html is None:
                html = render(request, obj, csrf_token=CSRF_PLACEHOLDER)
                if name is not None:
                    cache.set(name, html, seconds)
            return mark_safe(html.replace(CSRF_PLACEHOLDER, get_token(request)))  # noqa: S308

        return cached

    return decorate
