"""The API's shapes. Content that people write comes as {"fi": …, "sv": …}."""

from __future__ import annotations

import datetime
import decimal
import uuid

from ninja import Schema


class Text(Schema):
    fi: str
    sv: str


def text(obj, name: str) -> Text:
    return Text(fi=getattr(obj, f"{name}_fi"), sv=getattr(obj, f"{name}_sv"))


class Error(Schema):
    detail: str


class InvalidRequest(Schema):
    detail: str
    errors: list[dict]


class OrganisationOut(Schema):
    id: uuid.UUID
    slug: str
    name: Text
    kind: str
    statistics_code: str
    languages: list[str]
    leadership_model: str


class PersonOut(Schema):
    id: uuid.UUID
    name: str
    title: Text


class FocusAreaOut(Schema):
    id: uuid.UUID
    order: int
    text: Text


class PositionOfTrustOut(Schema):
    id: uuid.UUID
    category: str
    entity_name: str
    business_id: str
    role: Text
    description: Text
    since: datetime.date | None
    until: datetime.date | None


class PostOut(Schema):
    id: uuid.UUID
    organisation_id: uuid.UUID
    title: Text
    description: Text
    values: Text
    holder: PersonOut | None
    focus_areas: list[FocusAreaOut]
    positions_of_trust: list[PositionOfTrustOut]


class PlanListItemOut(Schema):
    id: uuid.UUID
    organisation_id: uuid.UUID
    post_id: uuid.UUID
    title: Text
    period_kind: str
    period_start: datetime.date
    period_end: datetime.date
    status: str
    version_no: int


class CheckpointOut(Schema):
    id: uuid.UUID
    order: int
    label: Text
    opens_on: datetime.date
    closes_on: datetime.date


class IndicatorOut(Schema):
    id: uuid.UUID
    order: int
    text: Text
    unit: str
    baseline: decimal.Decimal | None
    target: decimal.Decimal | None
    direction: str


class FollowUpOut(Schema):
    id: uuid.UUID
    checkpoint_id: uuid.UUID
    kind: str
    text: Text


class GoalOut(Schema):
    id: uuid.UUID
    number: int
    kind: str
    area: Text
    title: Text
    description: Text
    criteria: Text
    weight: decimal.Decimal | None
    focus_area_ids: list[uuid.UUID]
    indicators: list[IndicatorOut]
    follow_ups: list[FollowUpOut]


class BodyRefOut(Schema):
    id: uuid.UUID
    name: Text
    abbreviation: str
    kind: str


def body_ref(body) -> BodyRefOut:
    return BodyRefOut(
        id=body.id, name=text(body, "name"), abbreviation=body.abbreviation, kind=body.kind
    )


class DecisionOut(Schema):
    id: uuid.UUID
    body: BodyRefOut
    meeting_date: datetime.date
    section: str
    kind: str
    summary: Text


class PlanOut(PlanListItemOut):
    lock_version: int
    content_hash: str
    contract_id: uuid.UUID | None
    executive: PersonOut | None
    previous_id: uuid.UUID | None
    basis: Text
    purpose: Text
    evaluation: Text
    checkpoints: list[CheckpointOut]
    goals: list[GoalOut]
    decisions: list[DecisionOut]
