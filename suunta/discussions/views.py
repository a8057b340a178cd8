"""Pages of the discussion records. Views are glue: look the object up through visibility
(another organisation's record, or a confidential item of a discussion the reader did not take
part in, is a 404), parse a form, call one action, render or redirect."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from suunta.core.web import render_refusal, run_action
from suunta.discussions import permissions as discussion_permissions
from suunta.goals import queries as goal_queries
from suunta.goals.models import GoalPlan
from suunta.organisations.models import ExecutivePost, Organisation

from . import actions, queries
from .forms import (
    ActionFollowUpForm,
    AgendaTemplateForm,
    DiscussionForm,
    ItemForm,
    NewDiscussionForm,
    TemplateItemFormSet,
    TrainingActionForm,
)
from .models import AgendaTemplate, Discussion, DiscussionItem, TrainingAction


def _discussion(request: HttpRequest, discussion_id: Any) -> Discussion:
    return get_object_or_404(
        Discussion.objects.visible_to(request.user).select_related(
            "organisation", "post", "plan", "executive", "signed_off_by"
        ),
        pk=discussion_id,
    )


def _item(request: HttpRequest, model, item_id: Any):
    """An item or action the user reads; a confidential one of someone else's discussion is
    not found."""
    return get_object_or_404(
        model.objects.filter(
            discussion_permissions.discussion_items_visible_q(request.user)
        ).select_related("discussion__organisation", "discussion__post"),
        pk=item_id,
    )


def _page_url(discussion: Discussion, anchor: str = "") -> str:
    return reverse("discussion_detail", args=[discussion.pk]) + (f"#{anchor}" if anchor else "")


def _refused(
    request: HttpRequest, discussion: Discussion, error: Exception, form=None
) -> HttpResponse:
    return render_refusal(
        request,
        error,
        template="discussions/refused.html",
        form=form,
        context={"discussion": discussion, "back": _page_url(discussion)},
    )


def _form_page(request, discussion, form, *, title, intro="", submit, status=200, post=None):
    return render(
        request,
        "discussions/form_page.html",
        {
            "discussion": discussion,
            "post": post or discussion.post,
            "organisation": (post or discussion.post).organisation,
            "form": form,
            "title": title,
            "intro": intro,
            "submit": submit,
            "cancel": _page_url(discussion)
            if discussion
            else reverse("post_detail", args=[post.pk]),
        },
        status=status,
    )


def _run(request, discussion, form, run, *, title, submit, message, anchor="", post=None):
    """Validate, run the action, answer: saved (redirect), invalid (422) or refused."""
    page = {"title": title, "submit": submit, "post": post}

    def refused(error: Exception) -> HttpResponse:
        if discussion is None:
            raise PermissionDenied(str(error)) from error
        return _refused(request, discussion, error, form)

    def done(obj: Any) -> HttpResponse:
        messages.success(request, message)
        target = obj if isinstance(obj, Discussion) else discussion
        return redirect(_page_url(target, anchor(obj) if callable(anchor) else anchor))

    return run_action(
        form,
        lambda: run(form),
        invalid=lambda: _form_page(request, discussion, form, status=422, **page),
        refused=refused,
        done=done,
    )


def _expected(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("lock_version", ""))
    except ValueError:
        return -1


# --- The record -------------------------------------------------------------------------------


@login_required
def discussion_detail(request: HttpRequest, discussion_id: Any) -> HttpResponse:
    discussion = _discussion(request, discussion_id)
    return render(
        request, "discussions/discussion.html", queries.discussion_page(discussion, request.user)
    )


def _plans_for(request: HttpRequest, post: ExecutivePost):
    return GoalPlan.objects.visible_to(request.user).filter(post=post).order_by("-period_start")


@login_required
def discussion_new(request: HttpRequest, post_id: Any) -> HttpResponse:
    post = get_object_or_404(
        ExecutivePost.objects.select_related("organisation").filter(
            organisation__in=goal_queries.organisations_for(request.user)
        ),
        pk=post_id,
    )
    if not discussion_permissions.can_create_discussion(request.user, post):
        raise PermissionDenied(_("You may not record discussions of this post."))
    actions.ensure_default_template(post.organisation)
    posted = request.method == "POST"
    # The post's discussion partners pre-filled, and the one who records it: they take part.
    partners = goal_queries.discussion_partners(post)
    own = actions.person_of(request.user, post.organisation_id)
    initial = [p.pk for p in partners] + ([own.pk] if own and own not in partners else [])
    form = NewDiscussionForm(
        request.POST if posted else None,
        initial={"participants": initial},
        instance=Discussion(
            post=post, organisation=post.organisation, executive=post.current_holder()
        ),
        organisation=post.organisation,
        plans=_plans_for(request, post),
        templates=AgendaTemplate.objects.filter(organisation=post.organisation),
    )
    title = _("New discussion record")
    if not posted:
        return _form_page(request, None, form, title=title, submit=_("Create"), post=post)
    return _run(
        request,
        None,
        form,
        lambda f: actions.create_discussion(
            post, data=f.changes(), template=f.cleaned_data.get("template"), actor=request.user
        ),
        title=title,
        submit=_("Create"),
        message=_("The discussion record was created from the agenda."),
        post=post,
    )


@login_required
def discussion_edit(request: HttpRequest, discussion_id: Any) -> HttpResponse:
    discussion = _discussion(request, discussion_id)
    if discussion_permissions.discussion_refusal(request.user, "edit", discussion) == "forbidden":
        raise PermissionDenied(_("You may not edit this discussion record."))
    if not discussion.is_open:
        return _refused(request, discussion, actions.WrongState(actions.closed_message()))
    posted = request.method == "POST"
    form = DiscussionForm(
        request.POST if posted else None,
        instance=discussion,
        organisation=discussion.organisation,
        plans=_plans_for(request, discussion.post),
        allow_participants=discussion_permissions.can_change_participants(request.user, discussion),
    )
    title = _("Discussion details")
    if "participants" not in form.fields:
        intro = _(
            "The record already holds confidential content: only a participant may change who "
            "took part."
        )
    else:
        intro = ""
    if not posted:
        return _form_page(request, discussion, form, title=title, intro=intro, submit=_("Save"))
    return _run(
        request,
        discussion,
        form,
        lambda f: actions.update_discussion(
            discussion, data=f.changes(), expected_lock=f.expected_lock, actor=request.user
        ),
        title=title,
        submit=_("Save"),
        message=_("The discussion details were saved."),
    )


@login_required
def discussion_sign_off(request: HttpRequest, discussion_id: Any) -> HttpResponse:
    discussion = _discussion(request, discussion_id)
    reason = discussion_permissions.discussion_refusal(request.user, "sign_off", discussion)
    if reason == "forbidden":
        raise PermissionDenied(str(actions.FORBIDDEN["sign_off"]))
    if reason == "state":
        return _refused(request, discussion, actions.WrongState(actions.closed_message()))

    def page(error: str = "", status: int = 200) -> HttpResponse:
        return render(
            request,
            "discussions/sign_off.html",
            {
                "discussion": discussion,
                "post": discussion.post,
                "error": error,
                "missing": [
                    i for i in queries.visible_items(request.user, discussion) if not i.has_minutes
                ],
            },
            status=status,
        )

    if request.method != "POST":
        return page()
    unsigned: list[str] = []

    def done(_result: Any) -> HttpResponse:
        messages.success(request, _("The discussion record was signed off."))
        return redirect(_page_url(discussion))

    return run_action(
        None,
        lambda: actions.sign_off_discussion(
            discussion, expected_lock=_expected(request), actor=request.user
        ),
        invalid=lambda: page(" ".join(unsigned), 422),
        errors=lambda error: unsigned.extend(error.messages),
        refused=lambda error: _refused(request, discussion, error),
        done=done,
    )


@login_required
@require_POST
def discussion_acknowledge(request: HttpRequest, discussion_id: Any) -> HttpResponse:
    discussion = _discussion(request, discussion_id)

    def done(_result: Any) -> HttpResponse:
        messages.success(request, _("You acknowledged the record as read."))
        return redirect(_page_url(discussion))

    return run_action(
        None,
        lambda: actions.acknowledge_discussion(
            discussion, expected_lock=_expected(request), actor=request.user
        ),
        refused=lambda error: _refused(request, discussion, error),
        done=done,
    )


# --- Agenda items ---------------------------------------------------------------------------


def _editable(request: HttpRequest, discussion: Discussion) -> HttpResponse | None:
    """None if the user may edit the record now, else the refusal."""
    reason = discussion_permissions.discussion_refusal(request.user, "edit", discussion)
    if reason == "forbidden":
        raise PermissionDenied(_("You may not edit this discussion record."))
    if reason == "state":
        return _refused(request, discussion, actions.WrongState(actions.closed_message()))
    return None


@login_required
def discussion_item_add(request: HttpRequest, discussion_id: Any) -> HttpResponse:
    discussion = _discussion(request, discussion_id)
    if refused := _editable(request, discussion):
        return refused
    posted = request.method == "POST"
    form = ItemForm(
        request.POST if posted else None,
        instance=DiscussionItem(discussion=discussion),
        organisation=discussion.organisation,
    )
    title = _("New agenda item")
    if not posted:
        return _form_page(request, discussion, form, title=title, submit=_("Add"))
    return _run(
        request,
        discussion,
        form,
        lambda f: actions.add_item(discussion, data=f.changes(), actor=request.user),
        title=title,
        submit=_("Add"),
        message=_("The agenda item was added."),
        anchor=lambda obj: f"item-{obj.pk}",
    )


@login_required
def discussion_item_edit(request: HttpRequest, item_id: Any) -> HttpResponse:
    item = _item(request, DiscussionItem, item_id)
    discussion = item.discussion
    if refused := _editable(request, discussion):
        return refused
    posted = request.method == "POST"
    form = ItemForm(
        request.POST if posted else None, instance=item, organisation=discussion.organisation
    )
    title = _("Minutes of the item")
    if not posted:
        return _form_page(request, discussion, form, title=title, submit=_("Save"))
    return _run(
        request,
        discussion,
        form,
        lambda f: actions.update_item(
            item, data=f.changes(), expected_lock=f.expected_lock, actor=request.user
        ),
        title=title,
        submit=_("Save"),
        message=_("The agenda item was saved."),
        anchor=f"item-{item.pk}",
    )


@login_required
@require_POST
def discussion_item_delete(request: HttpRequest, item_id: Any) -> HttpResponse:
    item = _item(request, DiscussionItem, item_id)
    discussion = item.discussion
    if refused := _editable(request, discussion):
        return refused

    def done(_result: Any) -> HttpResponse:
        messages.success(request, _("The agenda item was removed."))
        return redirect(_page_url(discussion, "agenda"))

    return run_action(
        None,
        lambda: actions.delete_item(item, expected_lock=_expected(request), actor=request.user),
        refused=lambda error: _refused(request, discussion, error),
        done=done,
    )


@login_required
@require_POST
def discussion_item_move(request: HttpRequest, item_id: Any, direction: str) -> HttpResponse:
    item = _item(request, DiscussionItem, item_id)
    discussion = item.discussion
    if refused := _editable(request, discussion):
        return refused

    def done(_result: Any) -> HttpResponse:
        messages.success(request, _("The order was changed."))
        return redirect(_page_url(discussion, f"item-{item.pk}"))

    return run_action(
        None,
        lambda: actions.move_item(item, step=-1 if direction == "up" else 1, actor=request.user),
        refused=lambda error: _refused(request, discussion, error),
        done=done,
    )


# --- Training and development actions --------------------------------------------------------


@login_required
def training_action_add(request: HttpRequest, discussion_id: Any) -> HttpResponse:
    discussion = _discussion(request, discussion_id)
    if refused := _editable(request, discussion):
        return refused
    posted = request.method == "POST"
    form = TrainingActionForm(
        request.POST if posted else None,
        instance=TrainingAction(discussion=discussion),
        discussion=discussion,
    )
    title = _("New training or development action")
    if not posted:
        return _form_page(request, discussion, form, title=title, submit=_("Add"))
    return _run(
        request,
        discussion,
        form,
        lambda f: actions.add_training_action(discussion, data=f.changes(), actor=request.user),
        title=title,
        submit=_("Add"),
        message=_("The action was added."),
        anchor=lambda obj: f"action-{obj.pk}",
    )


@login_required
def training_action_edit(request: HttpRequest, action_id: Any) -> HttpResponse:
    action = _item(request, TrainingAction, action_id)
    discussion = action.discussion
    if refused := _editable(request, discussion):
        return refused
    posted = request.method == "POST"
    form = TrainingActionForm(
        request.POST if posted else None, instance=action, discussion=discussion
    )
    title = _("Edit training or development action")
    if not posted:
        return _form_page(request, discussion, form, title=title, submit=_("Save"))
    return _run(
        request,
        discussion,
        form,
        lambda f: actions.update_training_action(
            action, data=f.changes(), expected_lock=f.expected_lock, actor=request.user
        ),
        title=title,
        submit=_("Save"),
        message=_("The action was saved."),
        anchor=f"action-{action.pk}",
    )


@login_required
@require_POST
def training_action_delete(request: HttpRequest, action_id: Any) -> HttpResponse:
    action = _item(request, TrainingAction, action_id)
    discussion = action.discussion
    if refused := _editable(request, discussion):
        return refused

    def done(_result: Any) -> HttpResponse:
        messages.success(request, _("The action was removed."))
        return redirect(_page_url(discussion, "actions"))

    return run_action(
        None,
        lambda: actions.delete_training_action(
            action, expected_lock=_expected(request), actor=request.user
        ),
        refused=lambda error: _refused(request, discussion, error),
        done=done,
    )


@login_required
def training_action_follow_up(request: HttpRequest, action_id: Any) -> HttpResponse:
    action = _item(request, TrainingAction, action_id)
    discussion = action.discussion
    if not discussion_permissions.can_follow_up_training_action(request.user, action):
        raise PermissionDenied(_("You may not follow up this action."))
    posted = request.method == "POST"
    form = ActionFollowUpForm(request.POST if posted else None, action=action)
    title = _("Follow-up of the action")
    intro = action.text("description")
    if not posted:
        return _form_page(request, discussion, form, title=title, intro=intro, submit=_("Save"))

    def done(_result: Any) -> HttpResponse:
        messages.success(request, _("The follow-up of the action was saved."))
        return redirect(_page_url(discussion, f"action-{action.pk}"))

    return run_action(
        form,
        lambda: actions.follow_up_training_action(
            action,
            status=form.cleaned_data["status"],
            note=form.note(),
            expected_lock=form.expected_lock,
            actor=request.user,
        ),
        invalid=lambda: _form_page(
            request, discussion, form, title=title, intro=intro, submit=_("Save"), status=422
        ),
        refused=lambda error: _refused(request, discussion, error),
        done=done,
    )


# --- Agenda templates -------------------------------------------------------------------------


def _template_organisation(request: HttpRequest, slug: str) -> Organisation:
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user), slug=slug)
    if not discussion_permissions.can_edit_agenda_templates(request.user, organisation):
        raise PermissionDenied(_("You may not edit the agenda templates."))
    return organisation


@login_required
def agenda_templates(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _template_organisation(request, slug)
    if request.method == "POST":
        template = actions.add_agenda_template(organisation, actor=request.user)
        messages.success(request, _("A new agenda was started as a copy of the default one."))
        return redirect("agenda_template_edit", template_id=template.pk)
    actions.ensure_default_template(organisation)
    return render(
        request,
        "discussions/agenda_templates.html",
        {
            "organisation": organisation,
            "templates": organisation.agenda_templates.prefetch_related("items"),
        },
    )


@login_required
def agenda_template_edit(request: HttpRequest, template_id: Any) -> HttpResponse:
    template = get_object_or_404(
        AgendaTemplate.objects.filter(
            organisation__in=goal_queries.organisations_for(request.user)
        ).select_related("organisation"),
        pk=template_id,
    )
    organisation = _template_organisation(request, template.organisation.slug)
    languages = organisation.languages
    fields = ("title_fi", "title_sv", "guidance_fi", "guidance_sv", "confidential")
    initial = [{f: getattr(i, f) for f in fields} for i in template.items.all()]
    posted = request.method == "POST"
    form = AgendaTemplateForm(
        request.POST if posted else None, instance=template, organisation=organisation
    )
    formset = TemplateItemFormSet(
        request.POST if posted else None,
        initial=None if posted else initial,
        prefix="items",
        form_kwargs={"languages": languages},
    )

    def page(status: int = 200) -> HttpResponse:
        return render(
            request,
            "discussions/agenda_template_edit.html",
            {"organisation": organisation, "template": template, "form": form, "formset": formset},
            status=status,
        )

    if not posted:
        return page()
    if not (form.is_valid() and formset.is_valid()):
        return page(422)
    items = [
        {k: v for k, v in f.cleaned_data.items() if k in fields}
        for f in formset.ordered_forms
        if f.has_changed()
    ]

    def refused(error: Exception) -> HttpResponse:
        # Only a stale save is answered here (permission was asked above): the agenda page
        # shows the message and a link back, not the saved agenda.
        if not isinstance(error, actions.StaleVersion):
            raise error
        return render(
            request,
            "discussions/refused.html",
            {"error": error, "back": request.path, "organisation": organisation},
            status=409,
        )

    def done(_result: Any) -> HttpResponse:
        messages.success(request, _("The agenda was saved."))
        return redirect("agenda_template_edit", template_id=template.pk)

    return run_action(
        form,
        lambda: actions.save_agenda_template(
            template,
            data=form.changes(),
            items=items,
            expected_lock=form.expected_lock,
            actor=request.user,
        ),
        invalid=lambda: page(422),
        errors=lambda error: form.add_error(None, " ".join(error.messages)),
        refused=refused,
        done=done,
    )
