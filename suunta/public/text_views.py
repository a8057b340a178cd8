"""The accessibility statement and the privacy notice of the installation, open to everyone,
and the staff's page for editing them."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from suunta.core.web import run_action

from . import texts
from .models import InstallationText

TITLES = {
    "accessibility": gettext_lazy("Accessibility statement"),
    "privacy": gettext_lazy("Privacy notice"),
}


class FeedbackForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Your feedback"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("What did not work, and on which page?"),
    )
    page = forms.CharField(
        label=gettext_lazy("Page (address or name)"), max_length=300, required=False
    )
    email = forms.EmailField(
        label=gettext_lazy("Your e-mail address, for the reply"), required=False
    )


class TextForm(forms.Form):
    body_fi = forms.CharField(
        label=gettext_lazy("In Finnish"), required=False, widget=forms.Textarea(attrs={"rows": 18})
    )
    body_sv = forms.CharField(
        label=gettext_lazy("In Swedish"), required=False, widget=forms.Textarea(attrs={"rows": 18})
    )
    body_en = forms.CharField(
        label=gettext_lazy("In English"), required=False, widget=forms.Textarea(attrs={"rows": 18})
    )


def _staff(user) -> bool:
    return bool(getattr(user, "is_staff", False) or getattr(user, "is_superuser", False))


def installation_text(request: HttpRequest, kind: str) -> HttpResponse:
    content, own = texts.body(kind, (get_language() or "fi")[:2])
    form = None
    if kind == "accessibility" and settings.SUUNTA_FEEDBACK_EMAIL:
        form = FeedbackForm(request.POST or None)

    def page(status: int = 200) -> HttpResponse:
        return render(
            request,
            "public/installation_text.html",
            {
                "kind": kind,
                "title": TITLES[kind],
                "content": content,
                "own": own,
                "form": form,
                "can_edit": _staff(request.user),
            },
            status=status,
        )

    if request.method != "POST" or form is None:
        return page()

    def done(_result) -> HttpResponse:
        messages.success(request, _("Thank you. Your feedback was sent; we reply within 14 days."))
        return redirect(request.path)

    return run_action(
        form,
        lambda: texts.send_feedback(**form.cleaned_data),
        invalid=lambda: page(422),
        done=done,
    )


@login_required
def installation_text_edit(request: HttpRequest, kind: str) -> HttpResponse:
    if not _staff(request.user):
        raise PermissionDenied(_("Only the installation's staff edit this text."))
    saved = InstallationText.objects.filter(kind=kind).first()
    initial = {f"body_{lang}": saved.body(lang) if saved else "" for lang in texts.LANGUAGES}
    form = TextForm(request.POST or None, initial=initial)

    def page(status: int = 200) -> HttpResponse:
        return render(
            request,
            "public/installation_text_edit.html",
            {"kind": kind, "title": TITLES[kind], "form": form},
            status=status,
        )

    if request.method != "POST":
        return page()

    def done(_result) -> HttpResponse:
        messages.success(request, _("The text was saved."))
        return redirect("accessibility_statement" if kind == "accessibility" else "privacy_notice")

    return run_action(
        form,
        lambda: texts.save_text(kind, data=form.cleaned_data, actor=request.user),
        invalid=lambda: page(422),
        done=done,
    )
