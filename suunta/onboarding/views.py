"""The pages that set up an organisation. Views are glue around the actions (`run_action`)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from suunta.accounts import oidc, security
from suunta.accounts.models import Role
from suunta.core.web import run_action
from suunta.goals import permissions as goal_permissions
from suunta.goals.models import DirectorContract
from suunta.organisations.models import Body, ExecutivePost, Membership, Organisation, Person
from suunta.uploads.tables import MAX_BYTES, ImportRefused

from . import actions, checklist, forms, members, permissions
from .models import ContractDocument, Invitation

UPLOAD_MAX = actions.CONTRACT_MAX_BYTES
POST_TEXTS = ("title_fi", "title_sv", "description_fi", "description_sv", "values_fi", "values_sv")


def _organisation(request: HttpRequest, slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or not permissions.can_set_up(request.user, organisation):
        raise Http404
    return organisation


def _page(request: HttpRequest, template: str, organisation: Organisation, status=200, **ctx):
    return render(
        request,
        f"onboarding/{template}",
        {
            "organisation": organisation,
            "steps": checklist.steps(organisation),
            "current": template.removesuffix(".html"),
            **ctx,
        },
        status=status,
    )


def _refused(request: HttpRequest, back: str):
    def answer(error: Exception) -> HttpResponse:
        messages.error(request, str(error))
        return redirect(back)

    return answer


# --- The operator ---------------------------------------------------------------------------


@login_required
def organisation_new(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_organisations(request.user):
        raise PermissionDenied
    form = forms.NewOrganisationForm(request.POST or None)
    organisations = Organisation.objects.all()

    def show(status: int = 200) -> HttpResponse:
        return render(
            request,
            "onboarding/organisation_new.html",
            {"form": form, "organisations": organisations},
            status=status,
        )

    if request.method != "POST":
        return show()

    def done(result: Any) -> HttpResponse:
        organisation, invitation = result
        messages.success(
            request,
            _("%(organisation)s was created. The invitation was sent to %(email)s.")
            % {"organisation": organisation.text("name"), "email": invitation.email},
        )
        return redirect("organisation_new")

    return run_action(
        form,
        lambda: actions.create_organisation(
            data={f: form.cleaned_data[f] for f in forms.ORGANISATION_FIELDS},
            admin_email=form.cleaned_data["admin_email"],
            admin_name=form.cleaned_data["admin_name"],
            admin_language=form.cleaned_data["admin_language"],
            actor=request.user,
        ),
        invalid=lambda: show(422),
        done=done,
    )


# --- The organisation ----------------------------------------------------------------------


@login_required
def setup_organisation(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    form = forms.OrganisationForm(request.POST or None, instance=organisation)
    if request.method != "POST":
        return _page(request, "organisation.html", organisation, form=form)
    form = forms.OrganisationForm(
        request.POST, instance=Organisation.objects.get(pk=organisation.pk)
    )

    def done(saved: Organisation) -> HttpResponse:
        messages.success(request, _("The organisation's facts were saved."))
        return redirect("setup_organisation", saved.slug)

    return run_action(
        form,
        lambda: actions.update_organisation(
            organisation,
            data={f: form.cleaned_data[f] for f in forms.ORGANISATION_FIELDS},
            actor=request.user,
        ),
        invalid=lambda: _page(request, "organisation.html", organisation, 422, form=form),
        done=done,
    )


# --- Bodies, members and people ---------------------------------------------------------------


def _bodies_page(request, organisation, status=200, **forms_given):
    bodies = organisation.bodies.prefetch_related("memberships__person")
    today = timezone.localdate()
    listing = []
    for body in bodies:
        seats = sorted(
            body.memberships.all(),
            key=lambda m: (m.ends_on is not None and m.ends_on < today, m.order),
        )
        listing.append({"body": body, "seats": seats})
    context = {
        "bodies": listing,
        "today": today,
        "body_form": forms_given.get("body_form") or forms.BodyForm(),
        "member_form": forms_given.get("member_form")
        or forms.MembershipForm(organisation=organisation),
        "file_form": forms_given.get("file_form")
        or forms.MembersFileForm(organisation=organisation),
        "person_form": forms_given.get("person_form") or forms.PersonForm(),
        "file_errors": forms_given.get("file_errors"),
        "people": organisation.people.all(),
    }
    return _page(request, "bodies.html", organisation, status, **context)


@login_required
def setup_bodies(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    if request.method != "POST":
        return _bodies_page(request, organisation)
    back = reverse("setup_bodies", args=[slug])
    what = request.POST.get("what")
    if what == "body":
        form = forms.BodyForm(request.POST)

        def body_done(body: Body) -> HttpResponse:
            messages.success(request, _("%(body)s was added.") % {"body": body.text("name")})
            return redirect(f"{back}#body-{body.pk}")

        return run_action(
            form,
            lambda: actions.add_body(organisation, data=form.cleaned_data, actor=request.user),
            invalid=lambda: _bodies_page(request, organisation, 422, body_form=form),
            done=body_done,
            refused=_refused(request, back),
        )
    if what == "person":
        form = forms.PersonForm(request.POST)

        def person_done(person: Person) -> HttpResponse:
            messages.success(
                request, _("%(person)s was added.") % {"person": person.display_name()}
            )
            return redirect(f"{back}#people")

        return run_action(
            form,
            lambda: actions.add_person(organisation, data=form.cleaned_data, actor=request.user),
            invalid=lambda: _bodies_page(request, organisation, 422, person_form=form),
            done=person_done,
            refused=_refused(request, back),
        )
    if what == "member":
        form = forms.MembershipForm(request.POST, organisation=organisation)

        def member_done(membership: Membership) -> HttpResponse:
            messages.success(
                request,
                _("%(person)s was added to %(body)s.")
                % {
                    "person": membership.person.display_name(),
                    "body": membership.body.text("name"),
                },
            )
            return redirect(f"{back}#body-{membership.body_id}")

        def add() -> Membership:
            data = dict(form.cleaned_data)
            return actions.add_membership(data.pop("body"), data=data, actor=request.user)

        return run_action(
            form,
            add,
            invalid=lambda: _bodies_page(request, organisation, 422, member_form=form),
            done=member_done,
            refused=_refused(request, back),
        )
    if what == "end":
        membership = get_object_or_404(
            Membership, pk=request.POST.get("membership"), body__organisation=organisation
        )
        form = forms.EndRoleForm(request.POST)

        def end_done(saved: Membership) -> HttpResponse:
            messages.success(request, _("The seat ends on %(day)s.") % {"day": _day(saved.ends_on)})
            return redirect(f"{back}#body-{saved.body_id}")

        return run_action(
            form,
            lambda: actions.end_membership(
                membership, ends_on=form.cleaned_data["ends_on"], actor=request.user
            ),
            invalid=lambda: _bodies_page(request, organisation, 422),
            done=end_done,
            refused=_refused(request, back),
        )
    if what == "file":
        return _import_members(request, organisation, back)
    return redirect(back)


def _day(day: Any) -> str:
    return f"{day.day}.{day.month}.{day.year}" if day else ""


def _import_members(request: HttpRequest, organisation: Organisation, back: str) -> HttpResponse:
    form = forms.MembersFileForm(request.POST, request.FILES, organisation=organisation)
    if not form.is_valid():
        return _bodies_page(request, organisation, 422, file_form=form)
    upload = form.cleaned_data["file"]
    try:
        if upload.size > MAX_BYTES:
            raise ImportRefused(
                _("The file is too large: at most %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)}
            )
        read = members.read_members(upload.read(MAX_BYTES + 1), upload.name)
    except ImportRefused as error:
        form.add_error("file", str(error))
        return _bodies_page(request, organisation, 422, file_form=form)
    if read.errors:
        errors = [
            _("Row %(row)s: %(errors)s.") % {"row": row, "errors": text}
            for row, text in read.errors
        ]
        form.add_error(
            "file", _("Nothing was imported. Correct these rows and import the file again.")
        )
        return _bodies_page(request, organisation, 422, file_form=form, file_errors=errors)

    def done(counts: dict[str, int]) -> HttpResponse:
        messages.success(
            request,
            _(
                "The file was imported: %(memberships)s seats, %(people)s new people and "
                "%(bodies)s new bodies; %(unchanged)s seats were recorded already."
            )
            % counts,
        )
        return redirect(back)

    def invalid_import(error: ValidationError) -> None:
        for message in error.messages:
            form.add_error("file", message)

    return run_action(
        None,
        lambda: actions.import_members(
            organisation, read, body=form.cleaned_data.get("body"), actor=request.user
        ),
        invalid=lambda: _bodies_page(request, organisation, 422, file_form=form),
        errors=invalid_import,
        done=done,
        refused=_refused(request, back),
    )


# --- The executive post ---------------------------------------------------------------------


@login_required
def setup_post(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    post = ExecutivePost.objects.filter(organisation=organisation).first()
    initial: dict[str, Any] = {}
    if post is not None:
        holder = post.tenures.active().order_by("-starts_on").first()
        initial = {
            "title_fi": post.title_fi,
            "title_sv": post.title_sv,
            "description_fi": post.description_fi,
            "description_sv": post.description_sv,
            "values_fi": post.values_fi,
            "values_sv": post.values_sv,
            "focus_areas": "\n".join(a.text_fi for a in post.focus_areas.order_by("order")),
            "holder": holder.person_id if holder else None,
            "holder_from": holder.starts_on if holder else None,
            "partners": [f"{r.body_id}:{r.role}" for r in post.discussion_partner_rules.all()],
        }
    form = forms.PostForm(request.POST or None, organisation=organisation, initial=initial)

    def show(status: int = 200) -> HttpResponse:
        return _page(request, "post.html", organisation, status, form=form, post=post)

    if request.method != "POST":
        return show()

    def done(saved: ExecutivePost) -> HttpResponse:
        messages.success(request, _("The executive post was saved."))
        return redirect("setup_post", organisation.slug)

    return run_action(
        form,
        lambda: actions.save_post(
            organisation,
            data={k: form.cleaned_data[k] for k in POST_TEXTS if k in form.cleaned_data},
            focus_areas=actions.pasted_list(form.cleaned_data["focus_areas"]),
            holder=form.cleaned_data["holder"],
            holder_from=form.cleaned_data["holder_from"],
            partners=form.partner_pairs(),
            post=post,
            actor=request.user,
        ),
        invalid=lambda: show(422),
        done=done,
        refused=_refused(request, reverse("setup_post", args=[slug])),
    )


# --- The director contract --------------------------------------------------------------------


@login_required
def setup_contract(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    post = ExecutivePost.objects.filter(organisation=organisation).first()
    if post is None:
        messages.info(request, _("Record the executive post first: the contract is the post's."))
        return redirect("setup_post", slug)
    contract = DirectorContract.objects.filter(post=post).order_by("-starts_on").first()
    initial: dict[str, Any] = {}
    if contract is not None:
        initial = {
            "title_fi": contract.title_fi,
            "title_sv": contract.title_sv,
            "starts_on": contract.starts_on,
            "ends_on": contract.ends_on,
            "text": "\n\n".join(
                f"{s.heading_fi}\n{s.body_fi}".strip() for s in contract.sections.order_by("order")
            ),
        }
    else:
        initial = {"title_fi": f"{post.title_fi} – johtajasopimus" if post.title_fi else ""}
    form = forms.ContractForm(request.POST or None, request.FILES or None, initial=initial)
    documents = ContractDocument.objects.filter(contract=contract).defer("data") if contract else []

    def show(status: int = 200) -> HttpResponse:
        return _page(
            request,
            "contract.html",
            organisation,
            status,
            form=form,
            contract=contract,
            post=post,
            documents=documents,
        )

    if request.method != "POST":
        return show()

    def save() -> DirectorContract:
        data = form.cleaned_data
        upload = data.get("file")
        file_data = upload.read(UPLOAD_MAX + 1) if upload else None
        with transaction.atomic():
            saved = actions.save_contract(
                post,
                data={k: data[k] for k in ("title_fi", "title_sv", "starts_on", "ends_on")},
                sections=actions.split_sections(data["text"]) if data["text"].strip() else [],
                contract=contract,
                actor=request.user,
            )
            if file_data is not None:
                actions.attach_signed_contract(
                    saved, name=upload.name, data=file_data, actor=request.user
                )
        return saved

    def done(saved: DirectorContract) -> HttpResponse:
        messages.success(request, _("The director contract was saved."))
        return redirect("setup_contract", organisation.slug)

    return run_action(
        form,
        save,
        invalid=lambda: show(422),
        done=done,
        refused=_refused(request, reverse("setup_contract", args=[slug])),
    )


@login_required
def contract_document(request: HttpRequest, document_id: Any) -> HttpResponse:
    document = get_object_or_404(
        ContractDocument.objects.select_related("contract"), pk=document_id
    )
    if not permissions.can_read_contract_documents(request.user, document.contract.organisation_id):
        raise Http404
    response = HttpResponse(bytes(document.data), content_type=document.content_type)
    name = document.file_name.replace('"', "")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- The rating scale -----------------------------------------------------------------------


@login_required
def setup_scale(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    form = forms.ScaleForm(request.POST or None)
    scales = organisation.rating_scales.prefetch_related("levels")

    def show(status: int = 200) -> HttpResponse:
        return _page(request, "scale.html", organisation, status, form=form, scales=scales)

    if request.method != "POST":
        return show()

    def done(scale: Any) -> HttpResponse:
        messages.success(
            request, _("The scale %(scale)s was added.") % {"scale": scale.text("name")}
        )
        return redirect("setup_scale", organisation.slug)

    return run_action(
        form,
        lambda: actions.add_scale(
            organisation, preset=form.cleaned_data["preset"], actor=request.user
        ),
        invalid=lambda: show(422),
        done=done,
    )


# --- Users --------------------------------------------------------------------------------------


def _users_page(request, organisation, status=200, form=None):
    roles = (
        Role.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "kind")
    )
    invitations = Invitation.objects.filter(organisation=organisation).select_related("user")
    return _page(
        request,
        "users.html",
        organisation,
        status,
        form=form or forms.InviteForm(organisation=organisation),
        roles=roles,
        invitations=invitations,
        today=timezone.localdate(),
    )


@login_required
def setup_users(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    if request.method != "POST":
        return _users_page(request, organisation)
    back = reverse("setup_users", args=[slug])
    what = request.POST.get("what")
    if what == "end":
        role = get_object_or_404(Role, pk=request.POST.get("role"), organisation=organisation)
        end_form = forms.EndRoleForm(request.POST)

        def end_done(saved: Role) -> HttpResponse:
            messages.success(
                request,
                _("The role of %(user)s ends on %(day)s.")
                % {
                    "user": saved.user.get_full_name() or saved.user.email,
                    "day": _day(saved.ends_on),
                },
            )
            return redirect(back)

        return run_action(
            end_form,
            lambda: actions.end_role(
                role, ends_on=end_form.cleaned_data["ends_on"], actor=request.user
            ),
            invalid=lambda: _users_page(request, organisation, 422),
            done=end_done,
            refused=_refused(request, back),
        )
    if what == "withdraw":
        invitation = get_object_or_404(
            Invitation, pk=request.POST.get("invitation"), organisation=organisation
        )

        def withdrawn(saved: Invitation) -> HttpResponse:
            messages.success(
                request, _("The invitation to %(email)s was withdrawn.") % {"email": saved.email}
            )
            return redirect(back)

        return run_action(
            None,
            lambda: actions.withdraw_invitation(invitation, actor=request.user),
            done=withdrawn,
            refused=_refused(request, back),
        )
    form = forms.InviteForm(request.POST, organisation=organisation)

    def invited(invitation: Invitation) -> HttpResponse:
        messages.success(
            request,
            _("The invitation was sent to %(email)s as %(role)s.")
            % {"email": invitation.email, "role": invitation.get_kind_display()},
        )
        return redirect(back)

    return run_action(
        form,
        lambda: actions.invite(organisation, actor=request.user, **form.cleaned_data),
        invalid=lambda: _users_page(request, organisation, 422, form),
        done=invited,
        refused=_refused(request, back),
    )


# --- Accepting an invitation ------------------------------------------------------------------


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = actions.find_invitation(token)
    if invitation is None or not invitation.open:
        return render(
            request, "onboarding/invitation_closed.html", {"invitation": invitation}, status=410
        )
    user = invitation.user
    has_password = user.has_usable_password() and user.is_active
    form = forms.SetPasswordForm(request.POST or None, user=user)
    context = {
        "invitation": invitation,
        "form": form,
        "has_password": has_password,
        "oidc_name": oidc.button_name() if oidc.configured() else "",
        "username": user.get_username(),
    }
    if request.method != "POST":
        return render(request, "onboarding/invitation_accept.html", context)
    how = request.POST.get("how", "password")
    if how == "sso" and context["oidc_name"]:
        actions.accept_invitation(invitation, password=None)
        return redirect(reverse("oidc_login") + "?next=/")
    if has_password:
        actions.accept_invitation(invitation, password=None)
        messages.success(request, _("The role was added to your account. Sign in as before."))
        return redirect("login")

    def done(accepted: Any) -> HttpResponse:
        login(request, accepted, backend="django.contrib.auth.backends.ModelBackend")
        if not security.mfa_required(accepted):
            request.session[security.SESSION_MFA] = "not-required"
            messages.success(request, _("Your password was set. Welcome to Suunta."))
            return redirect("organisation_detail", invitation.organisation.slug)
        messages.success(
            request,
            _(
                "Your password was set. Now set up your second factor: the code from an app on "
                "your phone."
            ),
        )
        return redirect(
            reverse("mfa_setup")
            + "?next="
            + reverse("organisation_detail", args=[invitation.organisation.slug])
        )

    return run_action(
        form,
        lambda: actions.accept_invitation(invitation, password=form.cleaned_data["password1"]),
        invalid=lambda: render(request, "onboarding/invitation_accept.html", context, status=422),
        done=done,
        refused=lambda error: render(
            request, "onboarding/invitation_closed.html", {"invitation": invitation}, status=410
        ),
    )


# --- The first plan ----------------------------------------------------------------------------


@login_required
def plan_new(request: HttpRequest, post_id: Any) -> HttpResponse:
    post = get_object_or_404(ExecutivePost.objects.select_related("organisation"), pk=post_id)
    if not goal_permissions.can_create_plan(request.user, post):
        raise Http404
    form = forms.FirstPlanForm(request.POST or None)
    context = {
        "post": post,
        "form": form,
        "organisation": post.organisation,
        "missing": checklist.missing(post.organisation),
    }
    if request.method != "POST":
        return render(request, "onboarding/plan_new.html", context)

    def done(plan: Any) -> HttpResponse:
        messages.success(request, _("The plan was started. Write its goals and review its texts."))
        return redirect("plan_edit", plan.pk)

    return run_action(
        form,
        lambda: actions.start_first_plan(
            post,
            template=form.cleaned_data["template"],
            year=form.cleaned_data["year"],
            actor=request.user,
        ),
        invalid=lambda: render(request, "onboarding/plan_new.html", context, status=422),
        done=done,
        refused=lambda error: render(
            request, "onboarding/plan_new.html", {**context, "refusal": error}, status=409
        ),
    )
