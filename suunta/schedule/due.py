"""What is due from a user: follow-ups to write at checkpoints, drafts to propose, proposals
awaiting a decision, and coming meetings. Everything is found through the plans the user may see
(`GoalPlan.objects.visible_to`) and decided by the functions of `suunta.goals.permissions`.

Labels are built in the active language when read, so the same items serve the home page, the
e-mail reminders (rendered in the recipient's language) and the calendar feed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from suunta.goals import permissions
from suunta.goals.models import Checkpoint, Decision, FollowUpEntry, GoalPlan
from suunta.organisations.models import Person

UPCOMING_DAYS = 30  # a checkpoint window opening within this many days is shown already


@dataclass
class DueItem:
    key: str  # stable across runs: what the reminder records refer to
    kind: str  # "follow_up", "propose", "decide", "meeting", "declare"
    plan: GoalPlan | None
    deadline: datetime.date | None
    checkpoint: Checkpoint | None = None
    follow_up_kind: str = ""
    decision: Decision | None = None
    person: Person | None = None  # "declare": the declarant in the register of interests

    @property
    def organisation(self) -> Any:
        if self.person is not None:
            return self.person.organisation
        return self.plan.organisation  # type: ignore[union-attr]

    @property
    def url(self) -> str:
        if self.kind == "declare" and self.person is not None:
            return reverse("declaration_edit", args=[self.person.organisation.slug, self.person.pk])
        if self.plan is None:  # pragma: no cover - every other kind has a plan
            return reverse("home")
        if self.kind == "follow_up" and self.checkpoint is not None:
            url = reverse("checkpoint_follow_up", args=[self.plan.pk, self.checkpoint.pk])
            return f"{url}?kind={self.follow_up_kind}"
        if self.kind == "propose":
            return reverse("plan_propose", args=[self.plan.pk])
        if self.kind == "decide":
            return reverse("plan_decide", args=[self.plan.pk])
        return reverse("plan_detail", args=[self.plan.pk])

    @property
    def plan_label(self) -> str:
        if self.plan is None:
            return str(self.organisation.text("name"))
        return f"{self.plan.text('title')} {self.plan.period_label}".strip()

    @property
    def label(self) -> str:
        if self.kind == "follow_up" and self.checkpoint is not None:
            return _("%(assessment)s at the checkpoint %(checkpoint)s") % {
                "assessment": FollowUpEntry.Kind(self.follow_up_kind).label,
                "checkpoint": self.checkpoint.text("label"),
            }
        if self.kind == "declare":
            return _("Declare your interests (register of interests)")
        if self.kind == "propose":
            return _("Propose the draft goals")
        if self.kind == "decide":
            return _("Record the decision on the proposed goals")
        body = self.decision.body.text("name") if self.decision is not None else ""
        return _("Meeting: %(body)s") % {"body": body}

    def days_left(self, today: datetime.date) -> int | None:
        return None if self.deadline is None else (self.deadline - today).days

    def is_overdue(self, today: datetime.date) -> bool:
        days = self.days_left(today)
        return days is not None and days < 0 and self.kind != "meeting"


def _follow_up_kinds_due(user: Any, plan: GoalPlan) -> list[str]:
    """Self-assessment from the executive, own assessment from each discussion partner, the joint
    assessment from the coordinator who records it (who prepares the plans)."""
    kinds = []
    for kind in permissions.follow_up_kinds_for(user, plan):
        if kind == "joint" and not permissions.can_prepare_plans(user, plan.organisation):
            continue
        kinds.append(kind)
    return kinds


def due_for(
    user: Any, today: datetime.date, *, upcoming_days: int = UPCOMING_DAYS
) -> list[DueItem]:
    """Everything due from `user` on `today`, soonest deadline first (undated last)."""
    items: list[DueItem] = []
    visible = GoalPlan.objects.visible_to(user).select_related("organisation", "post")
    # A constant number of queries however many plans and checkpoints: plans, goals,
    # checkpoints, the user's people and the written entries, each fetched once.
    plans = {}
    for plan in visible.filter(status__in=permissions.IN_FORCE).prefetch_related("goals"):
        kinds = _follow_up_kinds_due(user, plan)
        goal_ids = {goal.pk for goal in plan.goals.all()}
        if kinds and goal_ids:
            plans[plan.pk] = (plan, kinds, goal_ids)
    checkpoints = list(
        Checkpoint.objects.filter(
            plan_id__in=list(plans), opens_on__lte=today + datetime.timedelta(days=upcoming_days)
        ).order_by("closes_on", "order")
    )
    person_of: dict[Any, Any] = {}  # the first person, as the follow-up actions choose it
    org_ids = {plan.organisation_id for plan, _kinds, _goals in plans.values()}
    for org_id, person_id in Person.objects.filter(
        user=user, organisation_id__in=org_ids
    ).values_list("organisation_id", "pk"):
        person_of.setdefault(org_id, person_id)
    plan_of = {checkpoint.pk: plans[checkpoint.plan_id][0] for checkpoint in checkpoints}
    written: dict[tuple[Any, str], set[Any]] = {}
    rows = FollowUpEntry.objects.filter(checkpoint__in=checkpoints).values_list(
        "checkpoint_id", "kind", "author_id", "goal_id"
    )
    for checkpoint_id, kind, author_id, goal_id in rows:
        if kind == FollowUpEntry.Kind.PARTNER:
            org_id = plan_of[checkpoint_id].organisation_id
            if author_id is None or author_id != person_of.get(org_id):
                continue  # another partner's own assessment does not count as this one's
        written.setdefault((checkpoint_id, kind), set()).add(goal_id)
    for checkpoint in checkpoints:
        plan, kinds, goal_ids = plans[checkpoint.plan_id]
        for kind in kinds:
            if kind == FollowUpEntry.Kind.PARTNER and plan.organisation_id not in person_of:
                continue  # not linked to a person: the partner's own entry has no author
            if goal_ids <= written.get((checkpoint.pk, kind), set()):
                continue
            items.append(
                DueItem(
                    key=f"follow_up:{checkpoint.pk}:{kind}",
                    kind="follow_up",
                    plan=plan,
                    deadline=checkpoint.closes_on,
                    checkpoint=checkpoint,
                    follow_up_kind=kind,
                )
            )
    for plan in visible.filter(status__in=[permissions.DRAFT, permissions.PROPOSED]):
        if plan.status == permissions.DRAFT and permissions.can_propose_plan(user, plan):
            items.append(
                DueItem(key=f"propose:{plan.pk}", kind="propose", plan=plan, deadline=None)
            )
        if plan.status == permissions.PROPOSED and permissions.can_record_decision(user, plan):
            meeting = plan.decisions.filter(meeting_date__gte=today).order_by("meeting_date")
            first = meeting.first()
            items.append(
                DueItem(
                    key=f"decide:{plan.pk}",
                    kind="decide",
                    plan=plan,
                    deadline=first.meeting_date if first else None,
                )
            )
    for decision in meetings_for(user, since=today):
        if decision.plan is None:  # meetings_for lists decisions on plans only
            continue
        items.append(
            DueItem(
                key=f"meeting:{decision.pk}",
                kind="meeting",
                plan=decision.plan,
                deadline=decision.meeting_date,
                decision=decision,
            )
        )
    items += declarations_due(user, today)
    items.sort(key=lambda item: (item.deadline is None, item.deadline or today, item.key))
    return items


def meetings_for(user: Any, since: datetime.date | None = None):
    """Board meetings (decisions' meeting dates) about plans the user may see."""
    decisions = Decision.objects.filter(plan__in=GoalPlan.objects.visible_to(user)).select_related(
        "body", "plan__organisation", "plan__post"
    )
    if since is not None:
        decisions = decisions.filter(meeting_date__gte=since)
    return decisions.order_by("meeting_date")


def declarations_due(user: Any, today: datetime.date) -> list[DueItem]:
    """A declaration of interests due from the user's own people: none made yet (the deadline is
    two months from the start of the role), or a correction the audit committee asked for."""
    from suunta.register import queries as register

    items = []
    for row in register.mine(user, today):
        if row.obligation is None or row.state not in (
            register.MISSING,
            register.LATE,
            register.CORRECTION,
        ):
            continue
        since = row.obligation.since.isoformat() if row.obligation.since else "-"
        version = row.declaration.version_no if row.declaration else 0
        items.append(
            DueItem(
                key=f"declare:{row.person.pk}:{since}:{version}",
                kind="declare",
                plan=None,
                deadline=row.obligation.due if row.state != register.CORRECTION else None,
                person=row.person,
            )
        )
    return items
