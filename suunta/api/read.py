"""What the API gives for an organisation, a post, a person and a plan: the one read model of
the API, used by the signed-in endpoints (api.py) and the public ones (suunta/public/api.py)."""

from __future__ import annotations

from suunta.goals import queries
from suunta.goals.models import GoalPlan
from suunta.organisations.models import ExecutivePost, Organisation
from suunta.register.queries import public_interests

from . import schemas as s


def organisation_out(org: Organisation) -> s.OrganisationOut:
    return s.OrganisationOut(
        id=org.id,
        slug=org.slug,
        name=s.text(org, "name"),
        kind=org.kind,
        statistics_code=org.statistics_code,
        languages=org.languages,
        leadership_model=org.leadership_model,
    )


def person_out(person) -> s.PersonOut | None:
    if person is None:
        return None
    return s.PersonOut(id=person.id, name=person.name, title=s.text(person, "title"))


def plan_item(plan: GoalPlan) -> dict:
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


def post_out(post: ExecutivePost) -> s.PostOut:
    holder = post.current_holder()
    interests = (
        public_interests(post.organisation, [holder.pk]).get(holder.pk, []) if holder else []
    )
    return s.PostOut(
        id=post.id,
        organisation_id=post.organisation_id,
        title=s.text(post, "title"),
        description=s.text(post, "description"),
        values=s.text(post, "values"),
        holder=person_out(holder),
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
            for i in interests
        ],
    )


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
        **plan_item(plan),
        lock_version=plan.lock_version,
        content_hash=plan.content_hash,
        contract_id=plan.contract_id,
        executive=person_out(plan.executive),
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
