"""Pages of the evaluation surveys. Views are glue: parse a form, ask permissions.py, call a
query or one action, render or redirect."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from suunta.core.actions import WrongState
from suunta.core.web import render_refusal, run_action
from suunta.goals import queries
from suunta.goals.models import GoalPlan
from suunta.surveys import permissions as survey_permissions

from . import actions
from . import queries as survey_queries
from .forms import AnswerForm, RecipientsForm, SurveyForm
from .models import Invitation, Survey


def _refused(request: HttpRequest, plan: GoalPlan, error: Exception, survey=None) -> HttpResponse:
    back = reverse("survey_detail", args=[survey.pk]) if survey else ""
    return render_refusal(
        request,
        error,
        template="surveys/refused.html",
        context={"plan": plan, "back": back or reverse("plan_detail", args=[plan.pk])},
    )


def _managed_survey(request: HttpRequest, survey_id: Any) -> Survey:
    survey = survey_queries.survey_for(request.user, survey_id)
    if not survey_permissions.can_manage_survey(request.user, survey.plan):
        raise PermissionDenied(_("You may not manage the evaluation surveys of this plan."))
    return survey


@login_required
def survey_create(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    if not survey_permissions.can_manage_survey(request.user, plan):
        raise PermissionDenied(_("You may not manage the evaluation surveys of this plan."))
    if not survey_permissions.can_create_survey(request.user, plan):
        return _refused(
            request,
            plan,
            WrongState(
                _(
                    "A survey is made for a plan that is approved, noted, in follow-up or "
                    "evaluated; this plan is %(status)s."
                )
                % {"status": plan.get_status_display()}
            ),
        )
    form = SurveyForm(request.POST or None, plan=plan)
    if request.method != "POST":
        return render(request, "surveys/create.html", {"plan": plan, "form": form})

    def done(survey: Survey) -> HttpResponse:
        messages.success(request, _("The survey was created. Choose the recipients."))
        return redirect("survey_detail", survey.pk)

    return run_action(
        form,
        lambda: actions.create_survey(
            plan, data=form.survey_data(), criteria=form.criteria(), actor=request.user
        ),
        invalid=lambda: render(
            request, "surveys/create.html", {"plan": plan, "form": form}, status=422
        ),
        refused=lambda error: _refused(request, plan, error),
        done=done,
    )


def _detail(request: HttpRequest, survey: Survey, form=None, status: int = 200) -> HttpResponse:
    plan = survey.plan
    manager = survey_permissions.can_manage_survey(request.user, plan)
    results = survey_queries.results(
        survey, with_comments=survey_permissions.can_view_survey_comments(request.user, plan)
    )
    context: dict[str, Any] = {
        "survey": survey,
        "plan": plan,
        "manager": manager,
        "results": results,
        "show_results": results.shown,
        "levels": [(lvl, survey.label(lvl, get_language())) for lvl in (1, 2, 3, 4, 5)],
    }
    if manager:
        invitations = Invitation.objects.filter(survey=survey).select_related("person")
        invited = {i.person_id for i in invitations}
        context["invitations"] = invitations
        if survey.status != Survey.Status.CLOSED:
            context["form"] = form or RecipientsForm(
                people=survey_queries.candidates(plan), invited=invited
            )
    return render(request, "surveys/detail.html", context, status=status)


@login_required
def survey_detail(request: HttpRequest, survey_id: Any) -> HttpResponse:
    survey = survey_queries.survey_for(request.user, survey_id)
    if not survey_permissions.can_view_survey(request.user, survey.plan):
        raise PermissionDenied(_("You may not see this evaluation survey."))
    return _detail(request, survey)


@login_required
@require_POST
def survey_send(request: HttpRequest, survey_id: Any) -> HttpResponse:
    survey = _managed_survey(request, survey_id)
    invited = set(Invitation.objects.filter(survey=survey).values_list("person_id", flat=True))
    form = RecipientsForm(
        request.POST, people=survey_queries.candidates(survey.plan), invited=invited
    )

    def link(token: str, lang: str) -> str:
        with override(lang):
            return request.build_absolute_uri(reverse("survey_answer", args=[token]))

    return run_action(
        form,
        lambda: actions.send_survey(survey, people=form.chosen(), actor=request.user, link=link),
        invalid=lambda: _detail(request, survey, form, status=422),
        refused=lambda error: _refused(request, survey.plan, error, survey),
        done=lambda sending: _sent(request, survey, sending),
    )


def _sent(request: HttpRequest, survey: Survey, sending: actions.Sending) -> HttpResponse:
    """What the sending did, recipient by recipient, said on the survey's page."""
    names = lambda people: ", ".join(p.display_name() for p in people)  # noqa: E731
    if sending.sent:
        messages.success(
            request,
            _("The survey was sent to %(count)s recipients: %(names)s.")
            % {"count": len(sending.sent), "names": names(sending.sent)},
        )
    if sending.unreachable:
        messages.error(
            request,
            _("These recipients have no e-mail address and were sent nothing: %(names)s.")
            % {"names": names(sending.unreachable)},
        )
    if sending.failed:
        messages.error(
            request,
            _("The mail server did not accept the mail to: %(names)s. Try again later.")
            % {"names": names(sending.failed)},
        )
    if sending.already:
        messages.info(
            request,
            _("These recipients already have their link and were not sent another: %(names)s.")
            % {"names": names(sending.already)},
        )
    return redirect("survey_detail", survey.pk)


@login_required
@require_POST
def survey_close(request: HttpRequest, survey_id: Any) -> HttpResponse:
    survey = _managed_survey(request, survey_id)

    def done(_survey: Survey) -> HttpResponse:
        messages.success(request, _("The survey was closed; no more answers are accepted."))
        return redirect("survey_detail", survey.pk)

    return run_action(
        None,
        lambda: actions.close_survey(survey, actor=request.user),
        refused=lambda error: _refused(request, survey.plan, error, survey),
        done=done,
    )


@never_cache
def survey_answer(request: HttpRequest, token: str) -> HttpResponse:
    """The recipient's page: no sign-in, the personal link is the credential."""
    try:
        invitation = actions.invitation_for(token)
    except actions.SurveyUnavailable as error:
        return render(request, "surveys/unavailable.html", {"error": error}, status=410)
    survey = invitation.survey
    lang = (get_language() or "fi")[:2]
    form = AnswerForm(request.POST or None, survey=survey, lang=lang)

    def page(status: int = 200) -> HttpResponse:
        return render(
            request,
            "surveys/answer.html",
            {"survey": survey, "plan": survey.plan, "form": form},
            status=status,
        )

    if request.method != "POST":
        return page()

    def unavailable(error: Exception) -> HttpResponse:
        if not isinstance(error, actions.SurveyUnavailable):
            raise error
        return render(request, "surveys/unavailable.html", {"error": error}, status=410)

    return run_action(
        form,
        lambda: actions.submit_answer(
            token, ratings=form.ratings(), comment=form.cleaned_data["comment"]
        ),
        invalid=lambda: page(422),
        refused=unavailable,
        done=lambda _answer: render(request, "surveys/thanks.html", {"survey": survey}),
    )
