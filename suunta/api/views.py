"""The API tokens page: a signed-in user creates, lists and revokes their own tokens."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import actions
from .models import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What the token is for, e.g. “meeting system integration”."),
    )


def _page(request: HttpRequest, form: TokenForm, *, new_token: str = "", status: int = 200):
    tokens = ApiToken.objects.filter(user=request.user)
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": tokens, "new_token": new_token},
        status=status,
    )


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, TokenForm())
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=422)
    _token, secret = actions.issue_token(actor=request.user, name=form.cleaned_data["name"])
    # The token is shown on this response only; it is never stored.
    response = _page(request, TokenForm(), new_token=secret)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def api_token_revoke(request: HttpRequest, token_id: Any) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    if actions.revoke_token(token, actor=request.user):
        messages.success(request, _("The token was revoked."))
    return redirect("api_tokens")
