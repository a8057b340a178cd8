"""The public, read-only part of the API (`/api/v1/public/…`, no authentication): the same
content as the public pages, from the same queries (`GoalPlan.objects.public()` and
`public_summary`). A plan that is not public, or another organisation's, is a 404."""

from __future__ import annotations

import datetime
import uuid

from ninja import Router, Schema

from suunta.api import schemas as s
from suunta.api.read import organisation_out, plan_item, plan_out, post_out
from suunta.goals.queries import public_summary

from . import queries

router = Router(tags=["public"])

NOT_FOUND = {404: s.Error, 422: s.InvalidRequest}


class PublicOrganisationOut(s.OrganisationOut):
    posts: list[s.PostOut]


class PublicDecisionOut(s.DecisionOut):
    plan_id: uuid.UUID
    checkpoint_id: uuid.UUID | None
    presenter: s.PersonOut | None
    disqualified: list[s.PersonOut]


class PublicPlansOut(Schema):
    organisation_id: uuid.UUID
    plans: list[s.PlanListItemOut]


@router.get(
    "/public/organisations",
    response={200: list[s.OrganisationOut]},
    auth=None,
    summary="Public: organisations",
)
def public_organisations(request):
    return [organisation_out(o) for o in queries.organisations()]


@router.get(
    "/public/organisations/{slug}",
    response={200: PublicOrganisationOut, **NOT_FOUND},
    auth=None,
    summary="Public: one organisation with its executive posts",
)
def public_organisation(request, slug: str):
    """The organisation, its executive posts with their holder, focus areas and the holder's
    positions of trust."""
    org = queries.organisation(slug)
    return PublicOrganisationOut(
        **organisation_out(org).model_dump(),
        posts=[post_out(item.post) for item in queries.posts(org)],
    )


@router.get(
    "/public/organisations/{slug}/plans",
    response={200: list[s.PlanListItemOut], **NOT_FOUND},
    auth=None,
    summary="Public: the organisation's approved goal plans",
)
def public_plans(request, slug: str):
    org = queries.organisation(slug)
    return [s.PlanListItemOut(**plan_item(p)) for p in queries.public_plans(org)]


@router.get(
    "/public/organisations/{slug}/plans/{plan_id}",
    response={200: s.PlanOut, **NOT_FOUND},
    auth=None,
    summary="Public: one approved goal plan",
)
def public_plan(request, slug: str, plan_id: uuid.UUID):
    """The public version of the plan: its content, the joint follow-ups of the checkpoints
    already reported to a body, and the decisions."""
    org = queries.organisation(slug)
    plan = queries.public_plan(org, plan_id)
    return plan_out(plan, public_summary(plan))


@router.get(
    "/public/organisations/{slug}/decisions",
    response={200: list[PublicDecisionOut], **NOT_FOUND},
    auth=None,
    summary="Public: decisions on the organisation's approved goal plans",
)
def public_decisions(request, slug: str):
    org = queries.organisation(slug)
    result = []
    for plan in queries.public_plans(org):
        for d in plan.decisions.all():
            result.append(
                PublicDecisionOut(
                    id=d.id,
                    plan_id=plan.id,
                    body=s.body_ref(d.body),
                    meeting_date=d.meeting_date,
                    section=d.section,
                    kind=d.kind,
                    summary=s.text(d, "summary"),
                    checkpoint_id=d.checkpoint_id,
                    presenter=_person(d.presenter),
                    disqualified=[_person(p) for p in d.disqualified.all()],
                )
            )
    result.sort(key=lambda d: d.meeting_date or datetime.date.min)
    return result


def _person(person) -> s.PersonOut | None:
    if person is None:
        return None
    return s.PersonOut(id=person.id, name=person.name, title=s.text(person, "title"))


class PublicInterestOut(Schema):
    group: str
    category: str
    entity_name: str
    business_id: str
    role: str
    description: str
    since: datetime.date | None
    until: datetime.date | None


class PublicDeclarationOut(Schema):
    person_id: uuid.UUID
    name: str
    roles: list[str]
    declared_on: datetime.date | None
    changed_on: datetime.date | None
    no_interests: bool
    notes: str
    interests: list[PublicInterestOut]


@router.get(
    "/public/organisations/{slug}/interests",
    response={200: list[PublicDeclarationOut], **NOT_FOUND},
    auth=None,
    summary="Public: the register of interests (Local Government Act 84 §)",
)
def public_interests(request, slug: str):
    """The published declarations of interests of the people who must declare them today, with
    the declaration date and the last change. People whose terms have ended are not listed; the
    audit committee's review messages are never public."""
    from suunta.register import queries as register

    org = queries.organisation(slug)
    return [
        PublicDeclarationOut(
            person_id=e.person.pk,
            name=e.person.display_name(),
            roles=[p.label for p in e.positions],
            declared_on=e.declaration.declared_on,
            changed_on=e.declaration.changed_on,
            no_interests=e.declaration.no_interests,
            notes=e.declaration.notes,
            interests=[
                PublicInterestOut(
                    group=i.group,
                    category=i.category,
                    entity_name=i.entity_name,
                    business_id=i.business_id,
                    role=i.text("role"),
                    description=i.text("description"),
                    since=i.since,
                    until=i.until,
                )
                for _group, rows in e.groups
                for i in rows
            ],
        )
        for e in register.public_register(org)
    ]
