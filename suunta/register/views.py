"""Pages of the register of interests. Views are glue: find the organisation the user belongs
to (another organisation's register is a 404), check a permission, parse a form, call one
action or query, render or redirect."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from suunta.core.web import render_refusal, run_action
from suunta.organisations import permissions as organisation_permissions
from suunta.organisations.models import Membership, Organisation, Person, PostTenure
from suunta.register import permissions as register_permissions
from suunta.register.models import InterestDeclaration

from . import actions, documents, queries
from .forms import (
    AccountForm,
    DeclarationForm,
    EndPositionForm,
    InterestFormSet,
    PersonForm,
    PositionForm,
    ReviewForm,
    SettingsForm,
    initial_rows,
    rows_for_action,
)


def _organisation(request: HttpRequest, slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or not register_permissions.can_reach_register(
        request.user, organisation
    ):
        raise Http404
    return organisation


def _person(organisation: Organisation, person_id: Any) -> Person:
    return get_object_or_404(
        Person.objects.select_related("organisation", "user"),
        pk=person_id,
        organisation=organisation,
    )


def _declaration(organisation: Organisation, person: Person) -> InterestDeclaration | None:
    return InterestDeclaration.objects.filter(organisation=organisation, person=person).first()


def _refused(request: HttpRequest, organisation: Organisation, error: Exception, back: str):
    return render_refusal(
        request,
        error,
        template="register/refused.html",
        context={
            "organisation": organisation,
            "messages_": [str(error)] if str(error) else [_("You may not do this.")],
            "back": back,
        },
    )


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@login_required
def register_overview(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    _require(register_permissions.can_view_register(request.user, organisation))
    today = timezone.localdate()
    rows = queries.overview(organisation, today)
    return render(
        request,
        "register/overview.html",
        {
            "organisation": organisation,
            "rows": rows,
            "counts": queries.counts(rows),
            "ended": queries.ended_terms(organisation, today),
            "can_manage": register_permissions.can_manage_register(request.user, organisation),
            "year": today.year,
        },
    )


@login_required
def register_settings(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    _require(register_permissions.can_manage_register(request.user, organisation))
    initial = {
        "retention_months": queries.retention_months(organisation),
        "rules": [queries.rule_key(r) for r in queries.rules_of(organisation)],
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method != "POST":
        return render(
            request, "register/settings.html", {"organisation": organisation, "form": form}
        )

    def done(_result: Any) -> HttpResponse:
        messages.success(request, _("The register's settings were saved."))
        return redirect("register_overview", organisation.slug)

    return run_action(
        form,
        lambda: actions.save_register_settings(
            organisation,
            retention_months=form.cleaned_data["retention_months"],
            rules=form.cleaned_data["rules"],
            actor=request.user,
        ),
        invalid=lambda: render(
            request,
            "register/settings.html",
            {"organisation": organisation, "form": form},
            status=422,
        ),
        done=done,
    )


@login_required
def register_person_new(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    _require(register_permissions.can_manage_register(request.user, organisation))
    form = PersonForm(request.POST or None)
    if request.method != "POST":
        return render(
            request, "register/person_new.html", {"organisation": organisation, "form": form}
        )

    def done(person: Person) -> HttpResponse:
        messages.success(request, _("The person was added. Add their seat or post."))
        return redirect("register_person_seats", organisation.slug, person.pk)

    return run_action(
        form,
        lambda: actions.add_person(organisation, actor=request.user, **form.cleaned_data),
        invalid=lambda: render(
            request,
            "register/person_new.html",
            {"organisation": organisation, "form": form},
            status=422,
        ),
        done=done,
    )


@login_required
def register_person_seats(request: HttpRequest, slug: str, person_id: Any) -> HttpResponse:
    organisation = _organisation(request, slug)
    _require(register_permissions.can_manage_register(request.user, organisation))
    person = _person(organisation, person_id)
    form = PositionForm(request.POST or None, organisation=organisation)

    def page(status: int = 200) -> HttpResponse:
        positions = queries.positions_of(organisation, [person.pk]).get(person.pk, [])
        return render(
            request,
            "register/person_seats.html",
            {
                "organisation": organisation,
                "person": person,
                "positions": positions,
                "form": form,
                "obligation": queries.obligation_of(person),
                "today": timezone.localdate(),
                "own_seats": not register_permissions.can_change_seats(request.user, person),
                "can_link": organisation_permissions.can_link_accounts(request.user, organisation),
            },
            status=status,
        )

    if request.method != "POST":
        return page()

    def refused(error: Exception) -> HttpResponse:
        if not isinstance(error, PermissionDenied):
            raise error
        return _refused(request, organisation, error, request.path)

    def done(_result: Any) -> HttpResponse:
        messages.success(request, _("The seat was added."))
        return redirect("register_person_seats", organisation.slug, person.pk)

    return run_action(
        form,
        lambda: actions.add_position(
            person,
            role=form.cleaned_data["role"],
            starts_on=form.cleaned_data["starts_on"],
            actor=request.user,
            **form.target(),
        ),
        invalid=lambda: page(422),
        refused=refused,
        done=done,
    )


@login_required
def register_person_account(request: HttpRequest, slug: str, person_id: Any) -> HttpResponse:
    """Only an admin of the organisation links a person to an account, never their own
    (docs/decisions/0011); a keeper who is not an admin is refused."""
    organisation = _organisation(request, slug)
    if not organisation_permissions.can_link_accounts(request.user, organisation):
        raise PermissionDenied(
            _("Only an admin of the organisation links a person to a user account.")
        )
    person = _person(organisation, person_id)
    initial = {"user": str(person.user_id) if person.user_id else ""}
    form = AccountForm(
        request.POST or None, organisation=organisation, initial=initial, actor=request.user
    )
    own = organisation_permissions.is_person_of(request.user, person)

    def page(status: int = 200) -> HttpResponse:
        return render(
            request,
            "register/person_account.html",
            {"organisation": organisation, "person": person, "form": form, "own": own},
            status=status,
        )

    if request.method != "POST":
        return page()

    def refused(error: Exception) -> HttpResponse:
        # The action's refusal is said on the form, with the status of a refusal.
        if not isinstance(error, PermissionDenied):
            raise error
        form.add_error(None, str(error))
        return page(403)

    def done(_result: Any) -> HttpResponse:
        messages.success(request, _("The user account was saved."))
        return redirect("register_person_seats", organisation.slug, person.pk)

    return run_action(
        form,
        lambda: actions.link_account(person, user=form.chosen(), actor=request.user),
        invalid=lambda: page(422),
        refused=refused,
        done=done,
    )


@login_required
def register_position_end(request: HttpRequest, slug: str, position_id: Any) -> HttpResponse:
    organisation = _organisation(request, slug)
    position: Membership | PostTenure | None = (
        Membership.objects.select_related("person__organisation", "body")
        .filter(pk=position_id, body__organisation=organisation)
        .first()
    )
    if position is None:
        position = get_object_or_404(
            PostTenure.objects.select_related("person__organisation", "post"),
            pk=position_id,
            post__organisation=organisation,
        )
    _require(register_permissions.can_manage_register(request.user, organisation))
    back = reverse("register_person_seats", args=[organisation.slug, position.person_id])
    form = EndPositionForm(request.POST or None, initial={"ends_on": timezone.localdate()})

    def page(status: int = 200) -> HttpResponse:
        return render(
            request,
            "register/position_end.html",
            {"organisation": organisation, "position": position, "form": form, "back": back},
            status=status,
        )

    if request.method != "POST":
        return page()

    def done(_result: Any) -> HttpResponse:
        messages.success(request, _("The term was ended."))
        return redirect(back)

    return run_action(
        form,
        lambda: actions.end_position(
            position, ends_on=form.cleaned_data["ends_on"], actor=request.user
        ),
        invalid=lambda: page(422),
        refused=lambda error: _refused(request, organisation, error, back),
        done=done,
    )


@login_required
def declaration_detail(request: HttpRequest, slug: str, person_id: Any) -> HttpResponse:
    organisation = _organisation(request, slug)
    person = _person(organisation, person_id)
    declaration = _declaration(organisation, person)
    if declaration is None:
        _require(
            register_permissions.can_view_register(request.user, organisation)
            or register_permissions.can_declare(request.user, person)
        )
    else:
        _require(register_permissions.can_view_declaration(request.user, declaration))
    obligation = queries.obligation_of(person)
    return render(
        request,
        "register/declaration.html",
        {
            "organisation": organisation,
            "person": person,
            "declaration": declaration,
            "obligation": obligation,
            "state": queries.state_label(
                queries.state_of(obligation, declaration, timezone.localdate())
            )
            if obligation
            else "",
            "groups": queries.interests_by_group(declaration),
            "history": queries.history(declaration) if declaration else [],
            "category_label": queries.category_label,
            "can_edit": register_permissions.can_enter_declaration(request.user, person),
            "can_review": declaration is not None
            and register_permissions.can_review_declaration(request.user, declaration)
            and declaration.status == InterestDeclaration.Status.SUBMITTED,
        },
    )


@login_required
def declaration_edit(request: HttpRequest, slug: str, person_id: Any) -> HttpResponse:
    organisation = _organisation(request, slug)
    person = _person(organisation, person_id)
    _require(register_permissions.can_enter_declaration(request.user, person))
    keeper = register_permissions.can_manage_register(request.user, organisation) and not (
        register_permissions.can_declare(request.user, person)
    )
    declaration = _declaration(organisation, person)
    obligation = queries.obligation_of(person)
    back = reverse("declaration_detail", args=[organisation.slug, person.pk])
    status = 200
    if request.method == "POST":
        form = DeclarationForm(request.POST, keeper=keeper)
        formset = InterestFormSet(request.POST, prefix="rows")
        if "add_row" in request.POST:
            data = request.POST.copy()
            try:
                total = max(int(data.get("rows-TOTAL_FORMS") or 0), 0)
            except ValueError:
                total = 0
            data["rows-TOTAL_FORMS"] = str(min(total + 1, 100))
            formset = InterestFormSet(data, prefix="rows")
            context = _edit_context(organisation, person, declaration, obligation, form, formset)
            context["unbound_rows"] = True
            return render(request, "register/declaration_edit.html", context)
        if form.is_valid() and formset.is_valid():

            def done(_result: Any) -> HttpResponse:
                messages.success(request, _("The declaration was saved and sent for review."))
                return redirect(back)

            return run_action(
                form,
                lambda: actions.save_declaration(
                    person,
                    rows=rows_for_action(formset),
                    no_interests=form.cleaned_data["no_interests"],
                    notes=form.cleaned_data["notes"],
                    expected_lock=form.cleaned_data["lock_version"],
                    received_on=form.cleaned_data.get("received_on"),
                    actor=request.user,
                ),
                invalid=lambda: render(
                    request,
                    "register/declaration_edit.html",
                    _edit_context(organisation, person, declaration, obligation, form, formset),
                    status=422,
                ),
                refused=lambda error: _refused(request, organisation, error, back),
                done=done,
            )
        status = 422
    else:
        form = DeclarationForm(
            keeper=keeper,
            initial={
                "no_interests": declaration.no_interests if declaration else False,
                "notes": declaration.notes if declaration else "",
                "lock_version": declaration.lock_version if declaration else 0,
            },
        )
        formset = InterestFormSet(initial=initial_rows(declaration), prefix="rows")
    return render(
        request,
        "register/declaration_edit.html",
        _edit_context(organisation, person, declaration, obligation, form, formset),
        status=status,
    )


def _edit_context(organisation, person, declaration, obligation, form, formset) -> dict:
    last_review = declaration.reviews.order_by("-created_at").first() if declaration else None
    return {
        "organisation": organisation,
        "person": person,
        "declaration": declaration,
        "obligation": obligation,
        "form": form,
        "formset": formset,
        "last_review": last_review,
    }


@login_required
def declaration_review(request: HttpRequest, slug: str, person_id: Any) -> HttpResponse:
    organisation = _organisation(request, slug)
    person = _person(organisation, person_id)
    declaration = _declaration(organisation, person)
    if declaration is None:
        raise Http404
    _require(register_permissions.can_review_declaration(request.user, declaration))
    back = reverse("declaration_detail", args=[organisation.slug, person.pk])
    if declaration.status != InterestDeclaration.Status.SUBMITTED:
        return _refused(
            request,
            organisation,
            actions.WrongState(
                _("This declaration is %(status)s; only one awaiting review can be reviewed.")
                % {"status": declaration.get_status_display()}
            ),
            back,
        )
    form = ReviewForm(request.POST or None, initial={"version_no": declaration.version_no})

    def page(status: int = 200) -> HttpResponse:
        return render(
            request,
            "register/review.html",
            {
                "organisation": organisation,
                "person": person,
                "declaration": declaration,
                "groups": queries.interests_by_group(declaration),
                "form": form,
            },
            status=status,
        )

    if request.method != "POST":
        return page()

    def done(_result: Any) -> HttpResponse:
        messages.success(request, _("The review was recorded."))
        return redirect(back)

    return run_action(
        form,
        lambda: actions.review_declaration(
            declaration,
            outcome=form.cleaned_data["outcome"],
            message=form.cleaned_data["message"],
            version_no=form.cleaned_data["version_no"],
            actor=request.user,
        ),
        invalid=lambda: page(422),
        refused=lambda error: _refused(request, organisation, error, back),
        done=done,
    )


@login_required
def my_declarations(request: HttpRequest) -> HttpResponse:
    return render(request, "register/mine.html", {"rows": queries.mine(request.user)})


def _year(year: int) -> int:
    if not 2017 <= year <= timezone.localdate().year:
        raise Http404
    return year


@login_required
def register_report(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    _require(register_permissions.can_view_register(request.user, organisation))
    try:
        year = _year(int(request.GET.get("year") or timezone.localdate().year))
    except ValueError as error:
        raise Http404 from error
    return render(
        request,
        "register/report.html",
        {
            "organisation": organisation,
            "report": queries.year_report(organisation, year),
            "years": list(range(timezone.localdate().year, 2016, -1)),
        },
    )


@login_required
def register_report_file(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    _require(register_permissions.can_view_register(request.user, organisation))
    report = queries.year_report(organisation, _year(year))
    lang = (request.GET.get("lang") or organisation.primary_language or "fi")[:2]
    lang = lang if lang in ("fi", "sv", "en") else "fi"
    data = (
        documents.report_docx(report, lang) if fmt == "docx" else documents.report_pdf(report, lang)
    )
    content_type = {
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf",
    }[fmt]
    response = HttpResponse(data, content_type=content_type)
    filename = f"{organisation.slug}-sidonnaisuudet-{year}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
