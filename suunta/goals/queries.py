"""Read models. A plan's summary is built here once; the page, the API and (later) the
documents all render it. The number of queries does not grow with the plan."""

from __future__ import annotations

import datetime
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.contrib.admin.models import LogEntry
from django.db import connection
from django.db.models import Count, F, Max, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext

from suunta.audit.models import AuditEvent
from suunta.core.contributions import freshness_sources
from suunta.organisations.models import (
    Body,
    ExecutivePost,
    FocusArea,
    Membership,
    Organisation,
    Person,
)
from suunta.organisations.permissions import active_roles

from . import frozen
from .models import (
    Checkpoint,
    Decision,
    FollowUpEntry,
    Goal,
    GoalPlan,
    Indicator,
    IndicatorValue,
    RatingScale,
    RewardRule,
)
from .workflow import IN_FORCE


@dataclass
class GoalRow:
    goal: Goal
    number: int
    indicators: list[Indicator]
    # One cell per checkpoint, in checkpoint order: the follow-up entries written there.
    follow_ups: list[list[FollowUpEntry]] = field(default_factory=list)


@dataclass
class PlanSummary:
    plan: GoalPlan
    checkpoints: list[Checkpoint]
    rows: list[GoalRow]
    decisions: list[Decision]
    scale: RatingScale | None = None
    reward_rule: RewardRule | None = None

    @property
    def weighted(self) -> bool:
        """Whether the plan's goals carry weights (a score can be computed from them)."""
        return any(row.goal.weight is not None for row in self.rows)

    # Measured values of the numeric indicators, by the indicator's lineage key, oldest first.
    values: dict[Any, list[IndicatorValue]] = field(default_factory=dict)
    # In the public version: the checkpoints whose follow-up a body has handled (the others'
    # cells are empty). None: not a public version.
    reported: set[Any] | None = None

    @property
    def handling(self) -> list[Decision]:
        """The handling of the goals up to their approval (as the document's heading gives
        it, e.g. "26.3.2025 Poljory, 31.3.2025 KH"), without the later follow-up and
        evaluation decisions."""
        result = []
        for decision in self.decisions:
            result.append(decision)
            if decision.kind in ("approve", "approve_amended", "take_note", "amend"):
                break
        return result

    @property
    def indicator_count(self) -> int:
        return sum(len(row.indicators) for row in self.rows)


# --- The plan page's cache ------------------------------------------------------------------

# Raise when the page's template or what it shows changes: every cached page is then rebuilt.
PLAN_PAGE_VERSION = "3"


def newest(rows: QuerySet, path: str, field: str = "updated_at") -> Any:
    """A scalar subquery: (the newest `field`, how many rows) of `rows` for the outer plan,
    as one text value, so that a removed row changes it too."""
    grouped = rows.order_by().values(path)
    latest = Subquery(grouped.annotate(m=Max(field)).values("m")[:1])
    count = Subquery(grouped.annotate(n=Count("pk")).values("n")[:1])
    return latest, count


def _freshness_rows(plan_id: Any) -> QuerySet:
    """What the plan page shows, summed up in one row: the newest change and the number of
    rows of everything on it (goals, indicators, checkpoints, follow-ups, decisions, measured
    values, the versions and their audit log, surveys, the reward rule, the people, focus areas
    and rating scale). Any change through the actions, the admin or the API moves it."""
    from .models import ScaleLevel

    outer: Any = OuterRef("pk")
    sources = {
        "goal": newest(Goal.objects.filter(plan=outer), "plan"),
        "indicator": newest(Indicator.objects.filter(goal__plan=outer), "goal__plan"),
        "checkpoint": newest(Checkpoint.objects.filter(plan=outer), "plan"),
        "followup": newest(FollowUpEntry.objects.filter(goal__plan=outer), "goal__plan"),
        "decision": newest(Decision.objects.filter(plan=outer), "plan", "created_at"),
        "reward": newest(RewardRule.objects.filter(plan=outer), "plan"),
        "version": newest(GoalPlan.objects.filter(series=OuterRef("series")), "series"),
        "value": newest(
            IndicatorValue.objects.filter(indicator__goal__plan__series=OuterRef("series")),
            "indicator__goal__plan__series",
        ),
        "audit": newest(
            AuditEvent.objects.filter(
                plan_id__in=GoalPlan.objects.filter(series=OuterRef(OuterRef("series"))).values(
                    "pk"
                )
            ).annotate(one=Value(1)),
            "one",
            "id",
        ),
        "person": newest(
            Person.objects.filter(organisation=OuterRef("organisation")), "organisation"
        ),
        "focus": newest(FocusArea.objects.filter(post=OuterRef("post")), "post"),
        "level": newest(ScaleLevel.objects.filter(scale=OuterRef("scale")), "scale"),
        # What feature apps show on the plan page (surveys, ...): core/contributions.py.
        **{name: build(outer) for name, build in freshness_sources("plan").items()},
    }
    annotations: dict[str, Any] = {}
    for name, (latest, count) in sources.items():
        annotations[f"t_{name}"] = latest
        annotations[f"n_{name}"] = Coalesce(count, Value(0))
    return (
        GoalPlan.objects.filter(pk=plan_id)
        .annotate(**annotations)
        .values("updated_at", "status", "lock_version", *annotations)
    )


# Freshness queries are built and compiled once per database: building their dozens of
# subqueries with the ORM costs ~20 ms a request, running them ~1 ms.
_COMPILED: dict[tuple[str, str], tuple[str, list[Any], Any]] = {}


def one_row_compiled_once(
    name: str, build: Any, field: Any, marker: Any, value: Any
) -> dict[str, Any] | None:
    """The one row of `build(marker)` for `value` instead of `marker`: the query is compiled
    the first time and reused with the value put in place of the marker. `field` is the model
    field the marker stands for (it prepares the value for the database)."""
    from django.db import DEFAULT_DB_ALIAS, connections

    connection = connections[DEFAULT_DB_ALIAS]
    compiled = _COMPILED.get((DEFAULT_DB_ALIAS, name))
    if compiled is None:
        sql, params = build(marker).query.get_compiler(using=DEFAULT_DB_ALIAS).as_sql()
        prepared = field.get_db_prep_value(marker, connection)
        if sum(1 for p in params if p == prepared) != 1:
            raise RuntimeError(f"the marker of {name} must occur once in its query")
        compiled = _COMPILED[(DEFAULT_DB_ALIAS, name)] = (sql, list(params), prepared)
    sql, params, prepared = compiled
    here = field.get_db_prep_value(value, connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [here if p == prepared else p for p in params])
        row = cursor.fetchone()
        names = [column[0] for column in cursor.description]
    return dict(zip(names, row, strict=True)) if row else None


def plan_freshness(plan: GoalPlan) -> str:
    """What the plan page shows, summed up in one query (see _freshness_rows)."""
    values = (
        one_row_compiled_once(
            "plan-freshness",
            _freshness_rows,
            GoalPlan._meta.pk,
            uuid.UUID(int=0),
            plan.pk,
        )
        or {}
    )
    parts = [PLAN_PAGE_VERSION, str(plan.pk)]
    parts += [f"{key}={values[key]}" for key in sorted(values)]
    for related in (plan.organisation, plan.post, plan.executive, plan.prepared_by, plan.contract):
        parts.append(str(getattr(related, "updated_at", "")))
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def plan_page_key(user: Any, plan: GoalPlan, language: str) -> str:
    """The cache key of the plan page's content for this reader: the state of everything on
    the page, the language, the day (some sections depend on the date), and the reader – their
    account and their roles in the organisation, so that no one is shown a page rendered for
    someone who may see more."""
    from .permissions import roles_in

    reader = "|".join(
        [
            str(user.pk),
            "superuser" if user.is_superuser else "",
            ",".join(sorted(roles_in(user, plan.organisation_id))),
        ]
    )
    digest = hashlib.sha256(
        "|".join(
            [plan_freshness(plan), language, timezone.localdate().isoformat(), reader]
        ).encode()
    ).hexdigest()
    return f"suunta:plan-page:{digest}"


HOME_PAGE_VERSION = "1"  # bump when the home page's markup changes


def home_key(user: Any, language: str) -> str:
    """The cache key of the home page's content for this reader: the reader and their roles,
    the day and the language, and the newest audit event and admin change. Every action writes
    its audit event in the same transaction as its change (core.actions.audited), so anything
    written anywhere – a plan proposed, a follow-up, a decision, a declaration, a person linked
    – gives a new key; rows changed in the admin are in its log. The key costs one query; the
    content it spares is about fifteen."""
    audit, admin = (connection.ops.quote_name(m._meta.db_table) for m in (AuditEvent, LogEntry))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT MAX(id) FROM {audit}), (SELECT MAX(id) FROM {admin}), "  # noqa: S608 - the tables' own names
            f"(SELECT at FROM {audit} ORDER BY id DESC LIMIT 1)"
        )
        newest = cursor.fetchone()
    roles = sorted((str(org), sorted(kinds)) for org, kinds in active_roles(user).items())
    digest = hashlib.sha256(
        "|".join(
            [
                HOME_PAGE_VERSION,
                str(user.pk),
                "superuser" if user.is_superuser else "",
                repr(roles),
                timezone.localdate().isoformat(),
                language or "",
                repr(newest),
            ]
        ).encode()
    ).hexdigest()
    return f"suunta:home:{digest}"


PLAN_RELATED = ("organisation", "post", "executive", "prepared_by", "contract", "previous")


def plan_for(user: Any, plan_id: Any, related: tuple[str, ...] = PLAN_RELATED) -> GoalPlan:
    """The plan if the user may see it, else 404 (also for another organisation's plan).

    Fetched by its key and then checked with permissions.can_view_plan (the same rule as
    `visible_to`, on the user's roles already in memory), which is cheaper than filtering
    through the visibility join. `related`: the objects fetched with it in the same query."""
    from .permissions import can_view_plan

    plan = get_object_or_404(GoalPlan.objects.select_related(*related), pk=plan_id)
    if not can_view_plan(user, plan):
        raise Http404
    return plan


def plan_summary(plan: GoalPlan, follow_up_kinds: set[str] | None = None) -> PlanSummary:
    """The plan as every renderer shows it. `follow_up_kinds` limits the follow-up entries to
    those the reader may see (permissions.visible_follow_up_kinds); None: the joint ones."""
    kinds = {"joint"} if follow_up_kinds is None else follow_up_kinds
    checkpoints = list(plan.checkpoints.all())
    entries = (
        FollowUpEntry.objects.filter(kind__in=kinds)
        .select_related("author")
        .order_by("checkpoint__order", "kind", "created_at")
    )
    goals = plan.goals.prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.order_by("order", "created_at")),
        Prefetch("follow_ups", queryset=entries),
        "focus_areas",
    ).order_by("order", "created_at")
    scale = (
        RatingScale.objects.prefetch_related("levels").get(pk=plan.scale_id)
        if plan.scale_id
        else None
    )
    rows = []
    for number, goal in enumerate(goals, start=1):
        by_checkpoint: dict[Any, list[FollowUpEntry]] = {}
        for entry in goal.follow_ups.all():
            level = scale.level_for(entry.rating) if scale else None
            entry.rating_label = scale.describe(entry.rating) if scale else ""
            entry.rating_colour = level.colour if level else ""
            by_checkpoint.setdefault(entry.checkpoint_id, []).append(entry)
        rows.append(
            GoalRow(
                goal=goal,
                number=number,
                indicators=list(goal.indicators.all()),
                follow_ups=[by_checkpoint.get(c.pk, []) for c in checkpoints],
            )
        )
    decisions = list(
        plan.decisions.select_related("body", "presenter")
        .prefetch_related("attendees", "disqualified")
        .order_by("meeting_date", "created_at")
    )
    numeric = [i.key for row in rows for i in row.indicators if i.is_numeric]
    values: dict[Any, list[IndicatorValue]] = {}
    if numeric:
        for value in (
            IndicatorValue.objects.filter(
                indicator__key__in=numeric, indicator__goal__plan__series=plan.series
            )
            .annotate(indicator_key=F("indicator__key"))
            .order_by("measured_on", "created_at")
        ):
            values.setdefault(value.indicator_key, []).append(value)
    return PlanSummary(
        plan=plan,
        checkpoints=checkpoints,
        rows=rows,
        decisions=decisions,
        scale=scale,
        reward_rule=RewardRule.objects.filter(plan=plan).first(),
        values=values,
    )


def chair_of(body: Any, day: datetime.date) -> Any:
    """The chair of the body on the day (the one who presents the executive's own matters)."""
    if body is None:
        return None
    membership = (
        Membership.objects.active(day)
        .filter(body=body, role=Membership.Role.CHAIR)
        .select_related("person")
        .first()
    )
    if (
        membership is None
        and body.kind == Body.Kind.BOARD
        and body.organisation.leadership_model == Organisation.LeadershipModel.MAYOR
    ):
        # In the mayor model the mayor chairs the board (Local Government Act 44 §).
        membership = (
            Membership.objects.active(day)
            .filter(body__organisation_id=body.organisation_id, role=Membership.Role.MAYOR)
            .select_related("person")
            .first()
        )
    return membership.person if membership else None


def reported_checkpoint_ids(summary: PlanSummary) -> set[Any]:
    """Checkpoints whose follow-up a body has handled: named in a follow-up report (review)
    decision, or covered by the year-end evaluation (every checkpoint opened by its meeting)."""
    reported = {d.checkpoint_id for d in summary.decisions if d.checkpoint_id}
    evaluations = [d.meeting_date for d in summary.decisions if d.kind == Decision.Kind.EVALUATE]
    if evaluations:
        last = max(evaluations)
        reported |= {c.pk for c in summary.checkpoints if c.opens_on <= last}
    return reported


def public_summary(plan: GoalPlan) -> PlanSummary:
    """The plan as a resident may read it: approved content, the decisions, and the joint
    assessments of the checkpoints already reported to a body – never a self-assessment, a
    partner's own assessment or a follow-up not yet reported."""
    from .permissions import PUBLIC_STATES

    if plan.status not in PUBLIC_STATES:
        raise GoalPlan.DoesNotExist
    summary = plan_summary(plan, follow_up_kinds={"joint"})
    summary.reported = reported_checkpoint_ids(summary)
    for row in summary.rows:
        row.follow_ups = [
            cell if c.pk in summary.reported else []
            for cell, c in zip(row.follow_ups, summary.checkpoints, strict=True)
        ]
    return summary


# --- A version's content and its hash ----------------------------------------------------------


def _texts(obj: Any, name: str) -> dict[str, str]:
    return {"fi": getattr(obj, f"{name}_fi"), "sv": getattr(obj, f"{name}_sv")}


def _number(value: Any) -> str | None:
    return None if value is None else str(value)


def _hashed(obj: Any, fields: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """The fields of `frozen.PLAN_HASHED` or `SCALE_HASHED` as the content shows them: a text
    per language as {"fi": …, "sv": …}, a date in ISO 8601, anything else as it is. The
    triggers freeze exactly these columns (see frozen.py)."""
    content: dict[str, Any] = {}
    for name, columns in fields.items():
        if len(columns) > 1:
            content[name] = {column.rsplit("_", 1)[1]: getattr(obj, column) for column in columns}
            continue
        value = getattr(obj, columns[0])
        content[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return content


def plan_content(summary: PlanSummary) -> dict[str, Any]:
    """The content of one plan version, as the API gives it at /plans/{id}/content: the texts,
    the checkpoints, the goals and their indicators – not its state, decisions or follow-ups.
    Decimals are strings, dates ISO 8601. This is what `content_hash` covers."""
    plan = summary.plan
    return {
        **_hashed(plan, frozen.PLAN_HASHED),
        "checkpoints": [
            {
                "order": n,
                "label": _texts(c, "label"),
                "opens_on": c.opens_on.isoformat(),
                "closes_on": c.closes_on.isoformat(),
            }
            for n, c in enumerate(summary.checkpoints, start=1)
        ],
        "goals": [
            {
                "number": row.number,
                "kind": row.goal.kind,
                "area": _texts(row.goal, "area"),
                "title": _texts(row.goal, "title"),
                "description": _texts(row.goal, "description"),
                "criteria": _texts(row.goal, "criteria"),
                "weight": _number(row.goal.weight),
                **(
                    {"focus_areas": sorted(str(f.pk) for f in row.goal.focus_areas.all())}
                    if row.goal.focus_areas.all()
                    else {}
                ),
                "indicators": [
                    {
                        "order": n,
                        "text": _texts(i, "text"),
                        "unit": i.unit,
                        "baseline": _number(i.baseline),
                        "target": _number(i.target),
                        "direction": i.direction,
                        # Added in version 2 of the format: present only when set, so that
                        # the hashes of versions approved before stay what they were.
                        **({"weight": _number(i.weight)} if i.weight is not None else {}),
                    }
                    for n, i in enumerate(row.indicators, start=1)
                ],
            }
            for row in summary.rows
        ],
        **({"reward": _reward_content(summary)} if summary.reward_rule else {}),
        **({"scale": _scale_content(summary.scale)} if summary.scale else {}),
    }


def _scale_content(scale: RatingScale) -> dict[str, Any]:
    """What a rating means is part of what the board approved (format version 2: present only
    when the plan has a scale)."""
    return {
        **_hashed(scale, frozen.SCALE_HASHED),
        "levels": [
            {
                "value": str(level.value),
                "label": _texts(level, "label"),
                "achievement": str(level.achievement),
                "colour": level.colour,
            }
            for level in scale.levels.all()
        ],
    }


def _reward_content(summary: PlanSummary) -> dict[str, Any]:
    rule = summary.reward_rule
    if rule is None:
        return {}
    numbers = {str(row.goal.key): row.number for row in summary.rows}
    return {
        "kind": rule.kind,
        "monthly_salary": _number(rule.monthly_salary),
        "cap_months": _number(rule.cap_months),
        "fixed_amount": _number(rule.fixed_amount),
        "met_at": _number(rule.met_at),
        "payout_table": [
            {"from": str(row["from"]), "amount": str(row["amount"])} for row in rule.payout_table
        ],
        "goal_terms": sorted(
            (
                {"goal": numbers[key], "amount": str(t["amount"]), "minimum": str(t["minimum"])}
                for key, t in rule.goal_terms.items()
                if key in numbers
            ),
            key=lambda t: t["goal"],
        ),
    }


def content_hash(content: dict[str, Any]) -> str:
    """SHA-256 of the content as canonical JSON: keys sorted, no spaces, UTF-8.

    Anyone can recompute it from the API:
    sha256(json.dumps(content, sort_keys=True, separators=(",", ":"),
    ensure_ascii=False).encode("utf-8")).hexdigest()
    """
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def plan_versions(plan: GoalPlan) -> list[GoalPlan]:
    """Every version of the plan, the first first."""
    return list(
        GoalPlan.objects.filter(series=plan.series)
        .select_related("supersedes")
        .prefetch_related(Prefetch("decisions", queryset=Decision.objects.select_related("body")))
        .order_by("version_no")
    )


def plan_permissions(user: Any, plan: GoalPlan) -> dict[str, bool]:
    """What the user may do with the plan now: the buttons the plan page shows."""
    from . import permissions as p

    return {
        "edit": p.can_edit_plan(user, plan),
        "propose": p.can_propose_plan(user, plan),
        "return": p.can_return_plan(user, plan),
        "decide": p.can_record_decision(user, plan),
        "amend": p.can_start_amendment(user, plan),
        "start_follow_up": p.can_start_follow_up(user, plan),
        "close": p.can_close_plan(user, plan),
        "start_next": p.can_start_next_plan(user, plan),
        "audit": p.can_view_audit_log(user, plan),
    }


def audit_log(plan: GoalPlan, limit: int = 500) -> list[Any]:
    """Every audit event of every version of the plan, newest first."""
    ids = GoalPlan.objects.filter(series=plan.series).values_list("pk", flat=True)
    return list(
        AuditEvent.objects.filter(plan_id__in=list(ids))
        .select_related("actor")
        .order_by("-at", "-id")[:limit]
    )


def organisations_for(user: Any) -> QuerySet[Organisation]:
    return Organisation.objects.visible_to(user).order_by("name_fi", "name_sv")


def organisation_page(organisation: Organisation) -> dict[str, Any]:
    bodies = organisation.bodies.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.active().select_related("person").order_by("order"),
            to_attr="current_memberships",
        )
    )
    posts = organisation.posts.prefetch_related("tenures__person")
    return {"organisation": organisation, "bodies": list(bodies), "posts": list(posts)}


def discussion_partners(post: ExecutivePost, day: datetime.date | None = None) -> list[Person]:
    """The people who hold the goal discussion with the post's holder on the day: whoever sits
    in the seats of the post's partner rules then (e.g. the mayor, the deputy mayors and the
    council's chair), in the rules' order."""
    people: list[Person] = []
    for rule in post.discussion_partner_rules.select_related("body"):
        for seat in (
            Membership.objects.active(day)
            .filter(body=rule.body, role=rule.role)
            .select_related("person")
            .order_by("order")
        ):
            if seat.person not in people:
                people.append(seat.person)
    return people


def post_page(post: ExecutivePost, user: Any) -> dict[str, Any]:
    holder = post.current_holder()
    plans = list(post.plans.visible_to(user).order_by("-period_start", "-version_no"))
    contracts = list(post.contracts.prefetch_related("sections"))
    partners = [
        (
            rule,
            list(
                Membership.objects.active()
                .filter(body=rule.body, role=rule.role)
                .select_related("person")
                .order_by("order")
            ),
        )
        for rule in post.discussion_partner_rules.select_related("body")
    ]
    return {
        "post": post,
        "organisation": post.organisation,
        "holder": holder,
        "focus_areas": list(post.focus_areas.all()),
        "contracts": contracts,
        "plans": plans,
        "partners": partners,
    }


def attention_for(user: Any, today: datetime.date | None = None) -> dict[str, list[Any]]:
    """What needs attention in the user's organisations: plans being prepared, and checkpoints
    of plans in force whose window is open or opens within the next 30 days."""
    today = today or timezone.localdate()
    plans = list(
        GoalPlan.objects.visible_to(user)
        .filter(status__in=[GoalPlan.Status.DRAFT, GoalPlan.Status.PROPOSED])
        .select_related("organisation", "post")
        .order_by("period_start")
    )
    checkpoints = list(
        Checkpoint.objects.filter(
            plan__in=GoalPlan.objects.visible_to(user).filter(status__in=IN_FORCE),
            opens_on__lte=today + datetime.timedelta(days=30),
            closes_on__gte=today,
        )
        .select_related("plan__organisation", "plan__post")
        .order_by("closes_on")
    )
    return {"plans": plans, "checkpoints": checkpoints}


# --- Comparing two versions -------------------------------------------------------------------


@dataclass
class TextChange:
    """One field that differs: `segments` are (op, text) with op "same", "removed", "added"."""

    label: str
    segments: list[tuple[str, str]]


@dataclass
class ItemChange:
    status: str  # "added", "removed", "changed"
    label: str  # e.g. "3. Talouden johtaminen"
    changes: list[TextChange] = field(default_factory=list)
    children: list[ItemChange] = field(default_factory=list)


@dataclass
class VersionDiff:
    old: GoalPlan
    new: GoalPlan
    texts: list[TextChange]
    checkpoints: list[ItemChange]
    goals: list[ItemChange]

    @property
    def is_empty(self) -> bool:
        return not (self.texts or self.checkpoints or self.goals)


def _words(old: str, new: str) -> list[tuple[str, str]]:
    import difflib

    a, b = old.split(), new.split()
    segments: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("added", " ".join(b[j1:j2])))
    return segments


def _field_changes(old: Any, new: Any, fields: list[tuple[str, str]]) -> list[TextChange]:
    changes = []
    for name, label in fields:
        before = "" if old is None else str(getattr(old, name) or "")
        after = "" if new is None else str(getattr(new, name) or "")
        if before != after:
            changes.append(TextChange(label=label, segments=_words(before, after)))
    return changes


def _match(old_items: list[Any], new_items: list[Any], describe, fields, children=None):
    """Items matched by their lineage key: added, removed or changed (in the new order)."""
    old_by_key = {item.key: (n, item) for n, item in enumerate(old_items, start=1)}
    new_keys = {item.key for item in new_items}
    result = []
    for n, item in enumerate(new_items, start=1):
        if item.key not in old_by_key:
            change = ItemChange("added", describe(n, item), _field_changes(None, item, fields))
            if children:
                change.children = children(None, item)
            result.append(change)
            continue
        old_n, old_item = old_by_key[item.key]
        change = ItemChange("changed", describe(n, item), _field_changes(old_item, item, fields))
        if old_n != n:
            change.changes.insert(
                0, TextChange(label=gettext("Position"), segments=_words(str(old_n), str(n)))
            )
        if children:
            change.children = children(old_item, item)
        if change.changes or change.children:
            result.append(change)
    for n, item in enumerate(old_items, start=1):
        if item.key not in new_keys:
            result.append(ItemChange("removed", describe(n, item), []))
    return result


def version_diff(old: GoalPlan, new: GoalPlan) -> VersionDiff:
    """What changed from one version of a plan to another: texts word by word, checkpoints,
    goals and their indicators matched by lineage key."""
    from django.utils.translation import gettext as _

    a, b = plan_summary(old), plan_summary(new)
    langs = [("fi", _("in Finnish")), ("sv", _("in Swedish"))]
    plan_fields = [
        (f"{name}_{code}", f"{label} {lang_label}")
        for name, label in (
            ("title", _("Title")),
            ("basis", _("Director contract")),
            ("purpose", _("Purpose of the goal discussion")),
            ("evaluation", _("Evaluation of the goals")),
        )
        for code, lang_label in langs
    ] + [("period_start", _("Period starts")), ("period_end", _("Period ends"))]
    goal_fields = [
        (f"{name}_{code}", f"{label} {lang_label}")
        for name, label in (
            ("area", _("Area")),
            ("title", _("Goal")),
            ("description", _("Description")),
            ("criteria", _("Evaluation criteria")),
        )
        for code, lang_label in langs
    ] + [("weight", _("Weight (%)")), ("kind", _("Kind"))]
    indicator_fields = [
        (f"text_{code}", f"{_('Indicator')} {lang_label}") for code, lang_label in langs
    ] + [
        ("unit", _("Unit")),
        ("baseline", _("Baseline")),
        ("target", _("Target")),
        ("direction", _("Direction")),
    ]
    checkpoint_fields = [
        (f"label_{code}", f"{_('Checkpoint')} {lang_label}") for code, lang_label in langs
    ] + [("opens_on", _("Window opens")), ("closes_on", _("Window closes"))]
    old_rows = {row.goal.key: row for row in a.rows}
    new_rows = {row.goal.key: row for row in b.rows}

    def indicators(old_goal, new_goal):
        return _match(
            old_rows[old_goal.key].indicators if old_goal else [],
            new_rows[new_goal.key].indicators if new_goal else [],
            lambda n, i: f"{n}. {i.text('text')}",
            indicator_fields,
        )

    return VersionDiff(
        old=old,
        new=new,
        texts=_field_changes(old, new, plan_fields),
        checkpoints=_match(
            a.checkpoints, b.checkpoints, lambda n, c: c.text("label"), checkpoint_fields
        ),
        goals=_match(
            [row.goal for row in a.rows],
            [row.goal for row in b.rows],
            lambda n, g: f"{n}. {g.text('title')}",
            goal_fields,
            children=indicators,
        ),
    )
