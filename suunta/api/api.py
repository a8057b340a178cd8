"""Read-only JSON API under /api/v1/, with the same visibility rules as the pages."""

from __future__ import annotations

import uuid

from django.core.cache import cache
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
from suunta.organisations.models import ExecutivePost

from . import schemas as s
from .read import organisation_out, plan_item, plan_out, post_out
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


api.add_router("", "suunta.api.surveys.router")
api.add_router("", "suunta.public.api.router")
api.add_router("", "suunta.api.imports.router")


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


ERRORS = {401: s.Error, 404: s.Error, 422: s.InvalidRequest}


@api.get(
    "/organisations",
    response={200: list[s.OrganisationOut], 401: s.Error, 422: s.InvalidRequest},
    tags=["organisations"],
)
def list_organisations(request):
    return [organisation_out(o) for o in queries.organisations_for(request.user)]


@api.get(
    "/organisations/{organisation_id}",
    response={200: s.OrganisationOut, **ERRORS},
    tags=["organisations"],
)
def get_organisation(request, organisation_id: uuid.UUID):
    return organisation_out(
        get_object_or_404(queries.organisations_for(request.user), pk=organisation_id)
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
    return [post_out(p) for p in posts]


@api.get("/posts/{post_id}", response={200: s.PostOut, **ERRORS}, tags=["posts"])
def get_post(request, post_id: uuid.UUID):
    return post_out(get_object_or_404(_posts_for(request.user), pk=post_id))


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
    return [s.PlanListItemOut(**plan_item(p)) for p in plans]


@api.get("/plans/{plan_id}", response={200: s.PlanOut, **ERRORS}, tags=["plans"])
def get_plan(request, plan_id: uuid.UUID):
    """The plan with its content, joint follow-ups and decisions. `content_hash` (fixed when the
    plan left the draft state) can be recomputed from /plans/{id}/content."""
    plan = queries.plan_for(request.user, plan_id)
    # A version that has left the draft state is the same JSON for every reader who may see
    # it: kept under the state of everything in it (the plan page's key), rendered once a
    # change. A draft changes under its editors and is read afresh.
    key = f"suunta:api-plan:{queries.plan_freshness(plan)}" if plan.is_frozen else None
    body = cache.get(key) if key else None
    if body is None:
        out = plan_out(plan, queries.plan_summary(plan)).model_dump()
        body = api.renderer.render(request, out, response_status=200)
        if key:
            cache.set(key, body, PLAN_SECONDS)
    answer = HttpResponse(body, content_type=f"{api.renderer.media_type}; charset=utf-8")
    answer["ETag"] = etag(plan)
    return answer


PLAN_SECONDS = 3600


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
