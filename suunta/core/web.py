"""One way for a page to run an action and answer (the API answers the same exceptions with its
own handlers, `api/api.py`).

`run_action` validates the form (invalid: the caller's 422 page), runs the action, puts an
action's `ValidationError` next to the form's fields (the same 422 page), hands a refusal
(`ActionError`, `PermissionDenied`) to the caller's refusal response and a success to `done`.
`refusal_context` is what every app's refusal template shows: the status (403 forbidden, 409 a
wrong state or a stale version), the error, the record as saved now, a stale save's conflicts
field by field and who saved it; `render_refusal` renders it as a page, or for htmx as a fragment
swapped into the page's alert region. Imports no feature app."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_htmx.http import reswap, retarget

from suunta.audit.queries import last_change

from .actions import ActionError
from .forms import add_form_errors

T = TypeVar("T")

REFUSALS = (ActionError, PermissionDenied)


def refusal_status(error: Exception) -> int:
    """403 for what the user may not do, 409 for a wrong state or a stale version."""
    return 403 if isinstance(error, PermissionDenied) else 409


def conflicts(form: Any, current: Any) -> list[dict[str, Any]]:
    """For a stale save: each field where what the user sent differs from what is saved now."""
    if form is None or current is None or not hasattr(form, "cleaned_data"):
        return []
    rows = []
    for name, value in form.cleaned_data.items():
        if name == "lock_version" or not hasattr(current, name) or name not in form.fields:
            continue
        saved = getattr(current, name)
        if hasattr(saved, "all"):  # many-to-many
            saved, value = {str(x) for x in saved.all()}, {str(x) for x in value or []}
            saved, value = ", ".join(sorted(saved)), ", ".join(sorted(value))
        if (saved or "") != (value or ""):
            rows.append({"label": form.fields[name].label, "yours": value, "saved": saved})
    return rows


def refusal_context(error: Exception, form: Any = None) -> dict[str, Any]:
    """What a refusal page shows: the status, the error and, for a stale save (`StaleVersion`),
    the record as saved now, what the user sent beside it (given the form) and who saved it."""
    current = getattr(error, "current", None)
    return {
        "status": refusal_status(error),
        "error": error,
        "current": current,
        "conflicts": conflicts(form, current),
        "saved_by": last_change(current) if current is not None else None,
    }


def render_refusal(
    request: HttpRequest,
    error: Exception,
    *,
    template: str,
    form: Any = None,
    context: dict[str, Any] | None = None,
    fragment: str = "",
    target: str = "",
) -> HttpResponse:
    """The app's refusal page (`template`) with `refusal_context` and the app's `context`. For
    htmx, given a `fragment` template and the `target` selector of the page's alert region, the
    fragment replaces the region's content instead."""
    values = {**refusal_context(error, form), **(context or {})}
    if fragment and getattr(request, "htmx", False):
        response = render(request, fragment, values, status=values["status"])
        return retarget(reswap(response, "innerHTML"), target)
    return render(request, template, values, status=values["status"])


def refusal_of(check: Callable[[], Any]) -> Exception | None:
    """The refusal `check` raises (an `ActionError` or `PermissionDenied`), or None: for a page
    that asks the action's own rule before it shows a form."""
    try:
        check()
    except REFUSALS as error:
        return error
    return None


def run_action(
    form: Any,
    run: Callable[[], T],
    *,
    done: Callable[[T], HttpResponse],
    invalid: Callable[[], HttpResponse] | None = None,
    refused: Callable[[Exception], HttpResponse] | None = None,
    errors: Callable[[ValidationError], None] | None = None,
) -> HttpResponse:
    """Run one action for a page and answer.

    - `form` (or None when there is none) invalid: `invalid()`, the caller's 422 response;
    - the action raises `ValidationError`: its messages go next to the form's fields
      (`add_form_errors`, or the caller's `errors`), then `invalid()`;
    - the action refuses (`ActionError`, `PermissionDenied`): `refused(error)`;
    - else `done(result)`.

    Without `invalid` a ValidationError propagates, and without `refused` a refusal does
    (Django answers PermissionDenied with its 403 page)."""
    if form is not None and not form.is_valid():
        if invalid is None:
            raise ValueError("run_action needs `invalid` to answer an invalid form")
        return invalid()
    try:
        result = run()
    except ValidationError as error:
        if invalid is None or (form is None and errors is None):
            raise
        if errors is not None:
            errors(error)
        else:
            add_form_errors(form, error)
        return invalid()
    except REFUSALS as error:
        if refused is None:
            raise
        return refused(error)
    return done(result)
