"""Read-only JSON API under /api/v1/, with the same visibility rules as the pages."""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import HttpBearer, SessionAuth

from suunta.accounts.security import signed_in
from suunta.core.actions import ActionError
from suunta.core.forms import validation_messages
from suunta.goals import queries
from suunta.goals.models import GoalPlan
from suunta.organisations.models import ExecutivePost, Organisation
from suunta.register.models import Interest

from . import schemas as s
from .write import CHANGE_ERRORS, PlanItemOut, PreconditionRequired, etag, update_plan
from .write import router as write_router
from .write import workflow as workflow_router


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` with a personal API token (created on the API tokens
    page); the request then acts as the token's user, whatever session comes with it. The only
    place a bearer header counts, and only on /api/ (docs/decisions/0012-who-the-request-is.md).
    """

    def authenticate(self, request, token):
        from .models import ApiToken

        user = ApiToken.authenticate(token)
        if user is None:
            # A token that was sent but is unknown, revoked or expired is refused outright,
            # whatever session cookie comes with it.
            raise AuthenticationError
        request.user = user
        return user


class SignedInSession(SessionAuth):
    """The web app's session, once it has passed every sign-in step (a half-signed-in session,
    password without the second factor, is nobody here); the CSRF check only for such a
    session, so that a request without one is a 401 (not signed in), not a 403."""

    def _get_key(self, request):
        if not signed_in(request):
            return None
        return super()._get_key(request)

    def authenticate(self, request, key):
        return request.user if signed_in(request) else None


api = NinjaAPI(
    title="Suunta API",
    version="1",
    description=(
        "Organisations, executive posts and goal plans of Finnish municipalities, and the "
        "goal plans' drafting, workflow and follow-up. Authenticate with a personal API token "
        "(`Authorization: Bearer …`, created and revoked on the API tokens page) or with the "
        "web app's session (unsafe methods then need the CSRF token). The API shows and allows "
        "exactly what the pages do for the same user. Ids are stable UUIDs.\n\n"
        "Editable resources carry an `ETag`; a change (PATCH, DELETE) must send it back in "
        "`If-Match` (428 without it) and is refused with 409 and the current version if "
        "someone changed the resource meanwhile. Errors: 401 not signed in, 403 not allowed, "
        "404 not found or not visible, 409 wrong state or a stale version, 422 invalid input."
    ),
    auth=[TokenAuth(), SignedInSession()],
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)


api.add_router("", "suunta.surveys.api.router")
api.add_router("", "suunta.public.api.router")
api.add_router("", "suunta.imports.api.router")


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    return api.create_response(request, {"detail": "Authentication required."}, status=401)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    return api.create_response(
        request, {"detail": "Invalid request.", "errors": exc.errors}, status=422
    )


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    from django.utils.translation import gettext

    detail = str(exc) or gettext("You may not do this.")
    return api.create_response(request, {"detail": detail}, status=403)


@api.exception_handler(DjangoValidationError)
def refused_input(request, exc):
    errors = [
        {"loc": [field], "msg": " ".join(messages)}
        for field, messages in validation_messages(exc).items()
    ]
    detail = " ".join(e["msg"] for e in errors)
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


def _organisation(org: Organisation) -> s.OrganisationOut:
    return s.OrganisationOut(
        id=org.id,
        slug=org.slug,
        name=s.text(org, "name"),
        kind=org.kind,
        statistics_code=org.statistics_code,
        languages=org.languages,
        leadership_model=org.leadership_model,
    )


def _person(person) -> s.PersonOut | None:
    if person is None:
        return None
    return s.PersonOut(id=person.id, name=person.name, title=s.text(person, "title"))


def _plan_item(plan: GoalPlan) -> dict:
    return {
        "id": plan.id,
        "organisation_id": plan.organisation_id,
        "post_id": plan.post_id,
        "title": s.text(plan, "title"),
        "period_kind": plan.period_kind,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "status": plan.status,
        "version_no": plan.version_no,
    }


ERRORS = {401: s.Error, 404: s.Error, 422: s.InvalidRequest}


@api.get(
    "/organisations",
    response={200: list[s.OrganisationOut], 401: s.Error, 422: s.InvalidRequest},
    tags=["organisations"],
)
def list_organisations(request):
    return [_organisation(o) for o in queries.organisations_for(request.user)]


@api.get(
    "/organisations/{organisation_id}",
    response={200: s.OrganisationOut, **ERRORS},
    tags=["organisations"],
)
def get_organisation(request, organisation_id: uuid.UUID):
    return _organisation(
        get_object_or_404(queries.organisations_for(request.user), pk=organisation_id)
    )


def _post(post: ExecutivePost) -> s.PostOut:
    holder = post.current_holder()
    interests = (
        Interest.objects.filter(
            declaration__person=holder,
            declaration__organisation=post.organisation_id,
            declaration__declared_on__isnull=False,
            declaration__left_register_on__isnull=True,
        )
        if holder
        else Interest.objects.none()
    )
    return s.PostOut(
        id=post.id,
        organisation_id=post.organisation_id,
        title=s.text(post, "title"),
        description=s.text(post, "description"),
        values=s.text(post, "values"),
        holder=_person(holder),
        focus_areas=[
            s.FocusAreaOut(id=f.id, order=f.order, text=s.text(f, "text"))
            for f in post.focus_areas.all()
        ],
        positions_of_trust=[
            s.PositionOfTrustOut(
                id=i.id,
                category=i.category,
                entity_name=i.entity_name,
                business_id=i.business_id,
                role=s.text(i, "role"),
                description=s.text(i, "description"),
                since=i.since,
                until=i.until,
            )
            for i in interests.order_by("order")
        ],
    )


def _posts_for(user):
    return ExecutivePost.objects.filter(organisation__in=queries.organisations_for(user))


@api.get(
    "/posts", response={200: list[s.PostOut], 401: s.Error, 422: s.InvalidRequest}, tags=["posts"]
)
def list_posts(request, organisation: uuid.UUID | None = None):
    posts = _posts_for(request.user).order_by("organisation__slug", "title_fi")
    if organisation:
        posts = posts.filter(organisation_id=organisation)
    return [_post(p) for p in posts]


@api.get("/posts/{post_id}", response={200: s.PostOut, **ERRORS}, tags=["posts"])
def get_post(request, post_id: uuid.UUID):
    return _post(get_object_or_404(_posts_for(request.user), pk=post_id))


@api.get(
    "/plans",
    response={200: list[s.PlanListItemOut], 401: s.Error, 422: s.InvalidRequest},
    tags=["plans"],
)
def list_plans(request, organisation: uuid.UUID | None = None, post: uuid.UUID | None = None):
    plans = GoalPlan.objects.visible_to(request.user).order_by("organisation_id", "-period_start")
    if organisation:
        plans = plans.filter(organisation_id=organisation)
    if post:
        plans = plans.filter(post_id=post)
    return [s.PlanListItemOut(**_plan_item(p)) for p in plans]


@api.get("/plans/{plan_id}", response={200: s.PlanOut, **ERRORS}, tags=["plans"])
def get_plan(request, plan_id: uuid.UUID, response: HttpResponse):
    """The plan with its content, joint follow-ups and decisions. `content_hash` (fixed when the
    plan left the draft state) can be recomputed from /plans/{id}/content."""
    plan = queries.plan_for(request.user, plan_id)
    response["ETag"] = etag(plan)
    return plan_out(plan, queries.plan_summary(plan))


def plan_out(plan: GoalPlan, summary: queries.PlanSummary) -> s.PlanOut:
    """A plan as the API gives it, from a summary (the signed-in or the public one)."""
    goals = [
        s.GoalOut(
            id=row.goal.id,
            number=row.number,
            kind=row.goal.kind,
            area=s.text(row.goal, "area"),
            title=s.text(row.goal, "title"),
            description=s.text(row.goal, "description"),
            criteria=s.text(row.goal, "criteria"),
            weight=row.goal.weight,
            focus_area_ids=[f.id for f in row.goal.focus_areas.all()],
            indicators=[
                s.IndicatorOut(
                    id=i.id,
                    order=i.order,
                    text=s.text(i, "text"),
                    unit=i.unit,
                    baseline=i.baseline,
                    target=i.target,
                    direction=i.direction,
                )
                for i in row.indicators
            ],
            follow_ups=[
                s.FollowUpOut(
                    id=e.id, checkpoint_id=e.checkpoint_id, kind=e.kind, text=s.text(e, "text")
                )
                for cell in row.follow_ups
                for e in cell
            ],
        )
        for row in summary.rows
    ]
    return s.PlanOut(
        **_plan_item(plan),
        lock_version=plan.lock_version,
        content_hash=plan.content_hash,
        contract_id=plan.contract_id,
        executive=_person(plan.executive),
        previous_id=plan.previous_id,
        basis=s.text(plan, "basis"),
        purpose=s.text(plan, "purpose"),
        evaluation=s.text(plan, "evaluation"),
        checkpoints=[
            s.CheckpointOut(
                id=c.id,
                order=c.order,
                label=s.text(c, "label"),
                opens_on=c.opens_on,
                closes_on=c.closes_on,
            )
            for c in summary.checkpoints
        ],
        goals=goals,
        decisions=[
            s.DecisionOut(
                id=d.id,
                body=s.body_ref(d.body),
                meeting_date=d.meeting_date,
                section=d.section,
                kind=d.kind,
                summary=s.text(d, "summary"),
            )
            for d in summary.decisions
        ],
    )


@api.exception_handler(PreconditionRequired)
def precondition_required(request, exc):
    from django.utils.translation import gettext

    detail = gettext(
        "Send the ETag you read in an If-Match header, so that nobody's change is lost."
    )
    return api.create_response(request, {"detail": detail}, status=428)


@api.exception_handler(ActionError)
def refused_action(request, exc):
    """A wrong state (409, naming the states that allow it) or a stale version (409, with the
    version saved meanwhile)."""
    from .write import current_of

    body = {"detail": str(exc), "current": current_of(getattr(exc, "current", None))}
    response = api.create_response(request, body, status=409)
    current = getattr(exc, "current", None)
    if current is not None and hasattr(current, "lock_version"):
        response["ETag"] = etag(current)
    return response


api.patch(
    "/plans/{plan_id}",
    response={200: PlanItemOut, **CHANGE_ERRORS},
    tags=["editing"],
    summary="Update Plan",
)(update_plan)
api.add_router("", write_router)
api.add_router("", workflow_router)
