"""The write API: draft plans and their goals, indicators and checkpoints; follow-up entries;
and the workflow's actions. Every endpoint calls the same permission checks, forms and actions
as the pages (suunta/goals/permissions.py, forms.py, actions.py) – nothing is decided here.

Concurrency: each editable resource has an `ETag` ("<id>.<lock_version>"). PATCH and DELETE
need `If-Match` (428 without it); a stale one is refused with 409 and the current version.
"""

from __future__ import annotations

import datetime
import decimal
import re
import uuid
from typing import Annotated, Any, Literal

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models as dj
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import AfterValidator, ConfigDict, ValidationInfo, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from suunta.core.inputs import MAX_MAGNITUDE, OutOfRange, bounded, text_problem
from suunta.goals import actions, permissions, queries
from suunta.goals.forms import CheckpointForm, DecisionForm, GoalForm, IndicatorForm, PlanForm
from suunta.goals.models import Checkpoint, FollowUpEntry, Goal, GoalPlan, Indicator
from suunta.organisations.models import ExecutivePost

from . import schemas as s

router = Router(tags=["editing"])


def _bounded_number(value: decimal.Decimal) -> decimal.Decimal:
    try:
        return bounded(value, places=None)
    except (OutOfRange, decimal.InvalidOperation) as error:
        raise PydanticCustomError("number_out_of_range", str(error) or "Not a number.") from error


# A decimal is sent and received as a JSON number, less than `inputs.MAX_MAGNITUDE` in size:
# the bound is in the OpenAPI document too, so that a client knows it before sending. (How many
# decimals a field takes is the field's own rule, checked with the rest of the form.)
Number = Annotated[
    decimal.Decimal,
    AfterValidator(_bounded_number),
    WithJsonSchema(
        {
            "type": "number",
            "exclusiveMinimum": -float(MAX_MAGNITUDE),
            "exclusiveMaximum": float(MAX_MAGNITUDE),
        }
    ),
]
# What `inputs.text_problem` refuses, as the OpenAPI document says it: no NUL character.
STORABLE_TEXT = "^[^\\u0000]*$"


def _declare_storable_texts(schema: dict[str, Any]) -> None:
    for prop in schema.get("properties", {}).values():
        for variant in [prop, *prop.get("anyOf", []), prop.get("items") or {}]:
            if variant.get("type") == "string" and "format" not in variant:
                variant.setdefault("pattern", STORABLE_TEXT)


class Input(Schema):
    """What a client sends: every text in it must be storable (`inputs.text_problem`), or the
    request is a 422 naming the field."""

    model_config = ConfigDict(json_schema_extra=_declare_storable_texts)

    @field_validator("*", mode="after")
    @classmethod
    def _storable_text(cls, value: Any, info: ValidationInfo) -> Any:
        for text in value if isinstance(value, list) else [value]:
            if problem := text_problem(text):
                raise PydanticCustomError("text_not_storable", problem)
        return value


class PreconditionRequired(Exception):
    """A change without If-Match: 428."""


# --- Shapes ---------------------------------------------------------------------------------------


class Conflict(Schema):
    detail: str
    current: dict[str, Any] | None = None


class PlanIn(Input):
    title_fi: str | None = None
    title_sv: str | None = None
    period_kind: str | None = None
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    basis_fi: str | None = None
    basis_sv: str | None = None
    purpose_fi: str | None = None
    purpose_sv: str | None = None
    evaluation_fi: str | None = None
    evaluation_sv: str | None = None


class GoalIn(Input):
    title_fi: str | None = None
    title_sv: str | None = None
    area_fi: str | None = None
    area_sv: str | None = None
    kind: str | None = None
    description_fi: str | None = None
    description_sv: str | None = None
    criteria_fi: str | None = None
    criteria_sv: str | None = None
    weight: Number | None = None
    focus_area_ids: list[uuid.UUID] | None = None


class IndicatorIn(Input):
    text_fi: str | None = None
    text_sv: str | None = None
    unit: str | None = None
    baseline: Number | None = None
    target: Number | None = None
    direction: str | None = None


class CheckpointIn(Input):
    label_fi: str | None = None
    label_sv: str | None = None
    opens_on: datetime.date | None = None
    closes_on: datetime.date | None = None


class FollowUpIn(Input):
    goal_id: uuid.UUID
    checkpoint_id: uuid.UUID
    kind: Literal["joint", "self", "partner"] = "joint"
    text_fi: str = ""
    text_sv: str = ""
    rating: Number | None = None


class FollowUpPatch(Input):
    text_fi: str | None = None
    text_sv: str | None = None
    rating: Number | None = None


class MoveIn(Input):
    direction: Literal["up", "down"]


class ProposeIn(Input):
    proposed_to: uuid.UUID | None = None


class ReturnIn(Input):
    reason: str


class ConfirmCarriedIn(Input):
    """One text copied from last period's plan, found right for this period: a section of
    the plan ("title", "basis", "purpose", "evaluation"), a goal or an indicator."""

    section: Literal["", "title", "basis", "purpose", "evaluation"] = ""
    goal_id: uuid.UUID | None = None
    indicator_id: uuid.UUID | None = None


class CarriedOverOut(Schema):
    """What of a next period's draft is still as it was copied from last period's plan: the
    plan cannot be proposed until each is confirmed or rewritten."""

    sections: list[str]
    goal_ids: list[uuid.UUID]
    indicator_ids: list[uuid.UUID]


class DecisionIn(Input):
    kind: str
    body: uuid.UUID
    meeting_date: datetime.date
    section: str = ""
    checkpoint: uuid.UUID | None = None  # a follow-up report: the checkpoint it reported
    amount: Number | None = None
    presenter: uuid.UUID | None = None
    attendees: list[uuid.UUID] = []
    disqualified: list[uuid.UUID] = []
    summary_fi: str = ""
    summary_sv: str = ""
    lock_version: int | None = None  # the plan version the minutes are about (see ETag)


class PlanItemOut(s.PlanListItemOut):
    lock_version: int
    content_hash: str


class GoalItemOut(Schema):
    id: uuid.UUID
    plan_id: uuid.UUID
    order: int
    kind: str
    area: s.Text
    title: s.Text
    description: s.Text
    criteria: s.Text
    weight: decimal.Decimal | None
    focus_area_ids: list[uuid.UUID]
    lock_version: int


class IndicatorItemOut(Schema):
    id: uuid.UUID
    goal_id: uuid.UUID
    order: int
    text: s.Text
    unit: str
    baseline: decimal.Decimal | None
    target: decimal.Decimal | None
    direction: str
    lock_version: int


class CheckpointItemOut(Schema):
    id: uuid.UUID
    plan_id: uuid.UUID
    order: int
    label: s.Text
    opens_on: datetime.date
    closes_on: datetime.date
    lock_version: int


class FollowUpItemOut(Schema):
    id: uuid.UUID
    goal_id: uuid.UUID
    checkpoint_id: uuid.UUID
    kind: str
    text: s.Text
    rating: decimal.Decimal | None
    lock_version: int


class DecisionItemOut(Schema):
    id: uuid.UUID
    plan_id: uuid.UUID
    kind: str
    body_id: uuid.UUID
    meeting_date: datetime.date
    section: str
    checkpoint_id: uuid.UUID | None
    amount: decimal.Decimal | None
    presenter_id: uuid.UUID | None


READ_ERRORS: dict[int, Any] = {401: s.Error, 404: s.Error, 422: s.InvalidRequest}
WRITE_ERRORS: dict[int, Any] = {
    400: s.Error,
    401: s.Error,
    403: s.Error,
    404: s.Error,
    409: Conflict,
    422: s.InvalidRequest,
}
CHANGE_ERRORS: dict[int, Any] = {**WRITE_ERRORS, 428: s.Error}


# --- Representations and ETags ------------------------------------------------------------------


def etag(obj: Any) -> str:
    return f'"{obj.pk}.{obj.lock_version}"'


def _tagged(response: HttpResponse, obj: Any) -> None:
    response["ETag"] = etag(obj)


def plan_out(plan: GoalPlan) -> PlanItemOut:
    return PlanItemOut(
        id=plan.id,
        organisation_id=plan.organisation_id,
        post_id=plan.post_id,
        title=s.text(plan, "title"),
        period_kind=plan.period_kind,
        period_start=plan.period_start,
        period_end=plan.period_end,
        status=plan.status,
        version_no=plan.version_no,
        lock_version=plan.lock_version,
        content_hash=plan.content_hash,
    )


def goal_out(goal: Goal) -> GoalItemOut:
    return GoalItemOut(
        id=goal.id,
        plan_id=goal.plan_id,
        order=goal.order,
        kind=goal.kind,
        area=s.text(goal, "area"),
        title=s.text(goal, "title"),
        description=s.text(goal, "description"),
        criteria=s.text(goal, "criteria"),
        weight=goal.weight,
        focus_area_ids=[f.id for f in goal.focus_areas.all()],
        lock_version=goal.lock_version,
    )


def indicator_out(indicator: Indicator) -> IndicatorItemOut:
    return IndicatorItemOut(
        id=indicator.id,
        goal_id=indicator.goal_id,
        order=indicator.order,
        text=s.text(indicator, "text"),
        unit=indicator.unit,
        baseline=indicator.baseline,
        target=indicator.target,
        direction=indicator.direction,
        lock_version=indicator.lock_version,
    )


def checkpoint_out(checkpoint: Checkpoint) -> CheckpointItemOut:
    return CheckpointItemOut(
        id=checkpoint.id,
        plan_id=checkpoint.plan_id,
        order=checkpoint.order,
        label=s.text(checkpoint, "label"),
        opens_on=checkpoint.opens_on,
        closes_on=checkpoint.closes_on,
        lock_version=checkpoint.lock_version,
    )


def follow_up_out(entry: FollowUpEntry) -> FollowUpItemOut:
    return FollowUpItemOut(
        id=entry.id,
        goal_id=entry.goal_id,
        checkpoint_id=entry.checkpoint_id,
        kind=entry.kind,
        text=s.text(entry, "text"),
        rating=entry.rating,
        lock_version=entry.lock_version,
    )


def current_of(obj: Any) -> dict[str, Any] | None:
    """The saved version of a record, as the API shows it, for a 409 after a stale change."""
    if obj is None:
        return None
    shape = {
        GoalPlan: plan_out,
        Goal: goal_out,
        Indicator: indicator_out,
        Checkpoint: checkpoint_out,
        FollowUpEntry: follow_up_out,
    }.get(type(obj))
    return shape(obj).model_dump(mode="json") if shape else None


_TAG = re.compile(r'^(?:W/)?"([0-9a-fA-F-]{36})\.(\d+)"$')


def expected_lock(request: HttpRequest, obj: Any) -> int:
    """The lock_version the client saw, from If-Match."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired
    for tag in (t.strip() for t in header.split(",")):
        if tag == "*":
            return int(obj.lock_version)
        match = _TAG.match(tag)
        if match and match.group(1).lower() == str(obj.pk):
            return int(match.group(2))
    return -1  # a tag for something else: stale by definition


# --- Finding things the user may see --------------------------------------------------------------


def _plan(request: HttpRequest, plan_id: Any) -> GoalPlan:
    return queries.plan_for(request.user, plan_id)


def _goal(request: HttpRequest, goal_id: Any) -> Goal:
    goal = get_object_or_404(Goal.objects.select_related("plan"), pk=goal_id)
    _plan(request, goal.plan_id)
    return goal


def _indicator(request: HttpRequest, indicator_id: Any) -> Indicator:
    indicator = get_object_or_404(Indicator.objects.select_related("goal__plan"), pk=indicator_id)
    _plan(request, indicator.goal.plan_id)
    return indicator


def _checkpoint(request: HttpRequest, checkpoint_id: Any) -> Checkpoint:
    checkpoint = get_object_or_404(Checkpoint.objects.select_related("plan"), pk=checkpoint_id)
    _plan(request, checkpoint.plan_id)
    return checkpoint


def _follow_up(request: HttpRequest, entry_id: Any) -> FollowUpEntry:
    entry = get_object_or_404(FollowUpEntry.objects.select_related("goal__plan"), pk=entry_id)
    plan = _plan(request, entry.goal.plan_id)
    if entry.kind not in permissions.visible_follow_up_kinds(request.user, plan):
        raise Http404
    return entry


# --- Validation through the pages' forms ----------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dj.Model):
        return value.pk
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, decimal.Decimal, uuid.UUID)):
        return str(value)
    return "" if value is None else value


def _validated(form_class, plan: GoalPlan, payload: Schema, instance=None, lock: int = 0) -> dict:
    """The payload merged over the saved values and validated by the page's form; a
    DjangoValidationError (422) names each field that is wrong."""
    fields = list(form_class._meta.fields)
    data = (
        {k: _plain(v) for k, v in model_to_dict(instance, fields=fields).items()}
        if instance
        else {}
    )
    given = payload.model_dump(exclude_unset=True)
    if "focus_area_ids" in given:
        given["focus_areas"] = given.pop("focus_area_ids") or []
    unknown_language = [
        k for k in given if k[-3:] in ("_fi", "_sv") and k[-2:] not in plan.organisation.languages
    ]
    for key in unknown_language:
        given.pop(key)
    if instance is None:  # a new record starts from the model's defaults, as the form does
        model = form_class._meta.model
        for name in fields:
            field = model._meta.get_field(name)
            if field.has_default() and not field.many_to_many:
                data[name] = _plain(field.get_default())
    data.update({k: _plain(v) for k, v in given.items()})
    if instance is not None:
        data["lock_version"] = lock
    form = form_class(data=data, instance=instance, plan=plan)
    if not form.is_valid():
        raise DjangoValidationError(
            {field: [str(e) for e in errors] for field, errors in form.errors.items()}
        )
    return form.changes()


def _authorise_edit(request: HttpRequest, plan: GoalPlan) -> None:
    actions.authorise(request.user, "edit", plan, lock=False)


# --- Plans --------------------------------------------------------------------------------------


@router.post("/posts/{post_id}/plans", response={201: PlanItemOut, **WRITE_ERRORS})
def create_plan(request, post_id: uuid.UUID, payload: PlanIn, response: HttpResponse):
    """A new, empty draft plan for the post."""
    post = get_object_or_404(
        ExecutivePost.objects.filter(organisation__in=queries.organisations_for(request.user)),
        pk=post_id,
    )
    if not permissions.can_create_plan(request.user, post):
        raise PermissionDenied
    form_plan = GoalPlan(organisation=post.organisation, post=post)
    data = _validated(PlanForm, form_plan, payload)
    plan = actions.create_plan(post, data=data, actor=request.user)
    _tagged(response, plan)
    return Status(201, plan_out(plan))


# Registered in api.py beside GET /plans/{plan_id}: one path, one router.
def update_plan(request, plan_id: uuid.UUID, payload: PlanIn, response: HttpResponse):
    """Change a draft plan's period and texts."""
    plan = _plan(request, plan_id)
    _authorise_edit(request, plan)
    lock = expected_lock(request, plan)
    data = _validated(PlanForm, plan, payload, instance=plan, lock=lock)
    plan = actions.update_plan(plan, data=data, expected_lock=lock, actor=request.user)
    _tagged(response, plan)
    return plan_out(plan)


@router.get("/plans/{plan_id}/content", response={200: dict[str, Any], **READ_ERRORS})
def plan_content(request, plan_id: uuid.UUID):
    """The content of one plan version – what its `content_hash` covers: SHA-256 of this JSON
    serialised with sorted keys, no spaces (separators "," and ":") and UTF-8 without escapes."""
    plan = _plan(request, plan_id)
    return queries.plan_content(queries.plan_summary(plan))


# --- Goals, indicators, checkpoints of a draft ----------------------------------------------------


@router.post("/plans/{plan_id}/goals", response={201: GoalItemOut, **WRITE_ERRORS})
def add_goal(request, plan_id: uuid.UUID, payload: GoalIn, response: HttpResponse):
    plan = _plan(request, plan_id)
    _authorise_edit(request, plan)
    goal = actions.add_goal(plan, data=_validated(GoalForm, plan, payload), actor=request.user)
    _tagged(response, goal)
    return Status(201, goal_out(goal))


@router.get("/goals/{goal_id}", response={200: GoalItemOut, **READ_ERRORS})
def get_goal(request, goal_id: uuid.UUID, response: HttpResponse):
    goal = _goal(request, goal_id)
    _tagged(response, goal)
    return goal_out(goal)


@router.patch("/goals/{goal_id}", response={200: GoalItemOut, **CHANGE_ERRORS})
def update_goal(request, goal_id: uuid.UUID, payload: GoalIn, response: HttpResponse):
    goal = _goal(request, goal_id)
    _authorise_edit(request, goal.plan)
    lock = expected_lock(request, goal)
    data = _validated(GoalForm, goal.plan, payload, instance=goal, lock=lock)
    goal = actions.update_goal(goal, data=data, expected_lock=lock, actor=request.user)
    _tagged(response, goal)
    return goal_out(goal)


@router.delete("/goals/{goal_id}", response={204: None, **CHANGE_ERRORS})
def delete_goal(request, goal_id: uuid.UUID):
    goal = _goal(request, goal_id)
    _authorise_edit(request, goal.plan)
    actions.delete_goal(goal, expected_lock=expected_lock(request, goal), actor=request.user)
    return Status(204, None)


@router.post("/goals/{goal_id}/move", response={200: GoalItemOut, **WRITE_ERRORS})
def move_goal(request, goal_id: uuid.UUID, payload: MoveIn):
    goal = _goal(request, goal_id)
    _authorise_edit(request, goal.plan)
    actions.move_goal(goal, step=-1 if payload.direction == "up" else 1, actor=request.user)
    goal.refresh_from_db()
    return goal_out(goal)


@router.post("/goals/{goal_id}/indicators", response={201: IndicatorItemOut, **WRITE_ERRORS})
def add_indicator(request, goal_id: uuid.UUID, payload: IndicatorIn, response: HttpResponse):
    goal = _goal(request, goal_id)
    _authorise_edit(request, goal.plan)
    data = _validated(IndicatorForm, goal.plan, payload)
    indicator = actions.add_indicator(goal, data=data, actor=request.user)
    _tagged(response, indicator)
    return Status(201, indicator_out(indicator))


@router.get("/indicators/{indicator_id}", response={200: IndicatorItemOut, **READ_ERRORS})
def get_indicator(request, indicator_id: uuid.UUID, response: HttpResponse):
    indicator = _indicator(request, indicator_id)
    _tagged(response, indicator)
    return indicator_out(indicator)


@router.patch("/indicators/{indicator_id}", response={200: IndicatorItemOut, **CHANGE_ERRORS})
def update_indicator(
    request, indicator_id: uuid.UUID, payload: IndicatorIn, response: HttpResponse
):
    indicator = _indicator(request, indicator_id)
    plan = indicator.goal.plan
    _authorise_edit(request, plan)
    lock = expected_lock(request, indicator)
    data = _validated(IndicatorForm, plan, payload, instance=indicator, lock=lock)
    indicator = actions.update_indicator(
        indicator, data=data, expected_lock=lock, actor=request.user
    )
    _tagged(response, indicator)
    return indicator_out(indicator)


@router.delete("/indicators/{indicator_id}", response={204: None, **CHANGE_ERRORS})
def delete_indicator(request, indicator_id: uuid.UUID):
    indicator = _indicator(request, indicator_id)
    _authorise_edit(request, indicator.goal.plan)
    lock = expected_lock(request, indicator)
    actions.delete_indicator(indicator, expected_lock=lock, actor=request.user)
    return Status(204, None)


@router.post("/indicators/{indicator_id}/move", response={200: IndicatorItemOut, **WRITE_ERRORS})
def move_indicator(request, indicator_id: uuid.UUID, payload: MoveIn):
    indicator = _indicator(request, indicator_id)
    _authorise_edit(request, indicator.goal.plan)
    step = -1 if payload.direction == "up" else 1
    actions.move_indicator(indicator, step=step, actor=request.user)
    indicator.refresh_from_db()
    return indicator_out(indicator)


@router.post("/plans/{plan_id}/checkpoints", response={201: CheckpointItemOut, **WRITE_ERRORS})
def add_checkpoint(request, plan_id: uuid.UUID, payload: CheckpointIn, response: HttpResponse):
    plan = _plan(request, plan_id)
    _authorise_edit(request, plan)
    data = _validated(CheckpointForm, plan, payload)
    checkpoint = actions.add_checkpoint(plan, data=data, actor=request.user)
    _tagged(response, checkpoint)
    return Status(201, checkpoint_out(checkpoint))


@router.get("/checkpoints/{checkpoint_id}", response={200: CheckpointItemOut, **READ_ERRORS})
def get_checkpoint(request, checkpoint_id: uuid.UUID, response: HttpResponse):
    checkpoint = _checkpoint(request, checkpoint_id)
    _tagged(response, checkpoint)
    return checkpoint_out(checkpoint)


@router.patch("/checkpoints/{checkpoint_id}", response={200: CheckpointItemOut, **CHANGE_ERRORS})
def update_checkpoint(
    request, checkpoint_id: uuid.UUID, payload: CheckpointIn, response: HttpResponse
):
    checkpoint = _checkpoint(request, checkpoint_id)
    _authorise_edit(request, checkpoint.plan)
    lock = expected_lock(request, checkpoint)
    data = _validated(CheckpointForm, checkpoint.plan, payload, instance=checkpoint, lock=lock)
    checkpoint = actions.update_checkpoint(
        checkpoint, data=data, expected_lock=lock, actor=request.user
    )
    _tagged(response, checkpoint)
    return checkpoint_out(checkpoint)


@router.delete("/checkpoints/{checkpoint_id}", response={204: None, **CHANGE_ERRORS})
def delete_checkpoint(request, checkpoint_id: uuid.UUID):
    checkpoint = _checkpoint(request, checkpoint_id)
    _authorise_edit(request, checkpoint.plan)
    lock = expected_lock(request, checkpoint)
    actions.delete_checkpoint(checkpoint, expected_lock=lock, actor=request.user)
    return Status(204, None)


@router.post("/checkpoints/{checkpoint_id}/move", response={200: CheckpointItemOut, **WRITE_ERRORS})
def move_checkpoint(request, checkpoint_id: uuid.UUID, payload: MoveIn):
    checkpoint = _checkpoint(request, checkpoint_id)
    _authorise_edit(request, checkpoint.plan)
    step = -1 if payload.direction == "up" else 1
    actions.move_checkpoint(checkpoint, step=step, actor=request.user)
    checkpoint.refresh_from_db()
    return checkpoint_out(checkpoint)


# --- Follow-up entries ----------------------------------------------------------------------------


@router.post("/plans/{plan_id}/follow-ups", response={201: FollowUpItemOut, **WRITE_ERRORS})
def add_follow_up(request, plan_id: uuid.UUID, payload: FollowUpIn, response: HttpResponse):
    """A follow-up of one goal at one checkpoint: joint, self-assessment or a partner's own."""
    plan = _plan(request, plan_id)
    goal = get_object_or_404(Goal, pk=payload.goal_id, plan=plan)
    checkpoint = get_object_or_404(Checkpoint, pk=payload.checkpoint_id, plan=plan)
    entry = actions.add_follow_up(
        goal,
        checkpoint,
        data={
            "kind": payload.kind,
            "text_fi": payload.text_fi,
            "text_sv": payload.text_sv,
            "rating": payload.rating,
        },
        actor=request.user,
    )
    _tagged(response, entry)
    return Status(201, follow_up_out(entry))


@router.get("/follow-ups/{entry_id}", response={200: FollowUpItemOut, **READ_ERRORS})
def get_follow_up(request, entry_id: uuid.UUID, response: HttpResponse):
    entry = _follow_up(request, entry_id)
    _tagged(response, entry)
    return follow_up_out(entry)


@router.patch("/follow-ups/{entry_id}", response={200: FollowUpItemOut, **CHANGE_ERRORS})
def update_follow_up(request, entry_id: uuid.UUID, payload: FollowUpPatch, response: HttpResponse):
    entry = _follow_up(request, entry_id)
    lock = expected_lock(request, entry)
    data = payload.model_dump(exclude_unset=True)
    entry = actions.update_follow_up(entry, data=data, expected_lock=lock, actor=request.user)
    _tagged(response, entry)
    return follow_up_out(entry)


@router.delete("/follow-ups/{entry_id}", response={204: None, **CHANGE_ERRORS})
def delete_follow_up(request, entry_id: uuid.UUID):
    entry = _follow_up(request, entry_id)
    lock = expected_lock(request, entry)
    actions.delete_follow_up(entry, expected_lock=lock, actor=request.user)
    return Status(204, None)


# --- The workflow -------------------------------------------------------------------------------

workflow = Router(tags=["workflow"])


@workflow.post("/plans/{plan_id}/propose", response={200: PlanItemOut, **WRITE_ERRORS})
def propose(request, plan_id: uuid.UUID, payload: ProposeIn):
    """Draft → proposed (to the political steering group or, without a body, the chair)."""
    plan = _plan(request, plan_id)
    body = None
    if payload.proposed_to is not None:
        body = get_object_or_404(plan.organisation.bodies.all(), pk=payload.proposed_to)
    return plan_out(actions.propose_plan(plan, actor=request.user, to_body=body))


def _carried_out(plan: GoalPlan) -> CarriedOverOut:
    pending = actions.carried_over(plan)
    return CarriedOverOut(
        sections=pending["sections"],
        goal_ids=[goal.id for goal in pending["goals"]],
        indicator_ids=[indicator.id for indicator in pending["indicators"]],
    )


@workflow.get("/plans/{plan_id}/carried-over", response={200: CarriedOverOut, **WRITE_ERRORS})
def carried_over(request, plan_id: uuid.UUID):
    """The texts of a next period's draft still to review before it can be proposed."""
    return _carried_out(_plan(request, plan_id))


@workflow.post(
    "/plans/{plan_id}/carried-over/confirm", response={200: CarriedOverOut, **WRITE_ERRORS}
)
def confirm_carried(request, plan_id: uuid.UUID, payload: ConfirmCarriedIn):
    """Confirm one carried-over text as right for this period; what remains is returned."""
    plan = _plan(request, plan_id)
    goal = indicator = None
    if payload.goal_id is not None:
        goal = get_object_or_404(plan.goals.all(), pk=payload.goal_id)
    if payload.indicator_id is not None:
        indicator = get_object_or_404(
            Indicator.objects.select_related("goal").filter(goal__plan=plan),
            pk=payload.indicator_id,
        )
    actions.confirm_carried_over(
        plan, section=payload.section, goal=goal, indicator=indicator, actor=request.user
    )
    return _carried_out(plan)


@workflow.post("/plans/{plan_id}/return", response={200: PlanItemOut, **WRITE_ERRORS})
def return_for_changes(request, plan_id: uuid.UUID, payload: ReturnIn):
    plan = _plan(request, plan_id)
    if not payload.reason.strip():
        raise DjangoValidationError({"reason": ["Say what should be changed."]})
    return plan_out(actions.return_plan(plan, actor=request.user, reason=payload.reason[:4000]))


@workflow.post("/plans/{plan_id}/decisions", response={201: DecisionItemOut, **WRITE_ERRORS})
def record_decision(request, plan_id: uuid.UUID, payload: DecisionIn):
    """A body's handling from the minutes. Which kinds the plan's state allows: see
    docs/architecture.md; a wrong one is a 409 naming the states that allow it."""
    plan = _plan(request, plan_id)
    actions.authorise(request.user, "decide", plan, lock=False)
    data = {k: _plain(v) for k, v in payload.model_dump().items()}
    form = DecisionForm(data=data, plan=plan, kinds=list(actions.DECISION_MOVES))
    if not form.is_valid():
        raise DjangoValidationError(
            {field: [str(e) for e in errors] for field, errors in form.errors.items()}
        )
    decision = actions.record_decision(
        plan, data=form.changes(), actor=request.user, expected_lock=form.expected_lock
    )
    return Status(
        201,
        DecisionItemOut(
            id=decision.id,
            plan_id=plan.id,
            kind=decision.kind,
            body_id=decision.body_id,
            meeting_date=decision.meeting_date,
            section=decision.section,
            checkpoint_id=decision.checkpoint_id,
            amount=decision.amount,
            presenter_id=decision.presenter_id,
        ),
    )


@workflow.post("/plans/{plan_id}/amend", response={201: PlanItemOut, **WRITE_ERRORS})
def amend(request, plan_id: uuid.UUID):
    """A new draft version of a proposed or approved plan; its own decision replaces it."""
    plan = actions.start_amendment(_plan(request, plan_id), actor=request.user)
    return Status(201, plan_out(plan))


@workflow.post("/plans/{plan_id}/start-follow-up", response={200: PlanItemOut, **WRITE_ERRORS})
def start_follow_up(request, plan_id: uuid.UUID):
    return plan_out(actions.start_follow_up(_plan(request, plan_id), actor=request.user))


@workflow.post("/plans/{plan_id}/close", response={200: PlanItemOut, **WRITE_ERRORS})
def close(request, plan_id: uuid.UUID):
    return plan_out(actions.close_plan(_plan(request, plan_id), actor=request.user))


@workflow.post("/plans/{plan_id}/next", response={201: PlanItemOut, **WRITE_ERRORS})
def start_next(request, plan_id: uuid.UUID):
    """The next period's draft, started from this plan's goals and indicators."""
    plan = actions.start_next_plan(_plan(request, plan_id), actor=request.user)
    return Status(201, plan_out(plan))
