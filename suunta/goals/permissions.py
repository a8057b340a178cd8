"""Who may see and do what. Every page, API endpoint, export, admin action and command asks
this module, and nothing else decides.

Roles come from `accounts.Role` (per organisation, with start and end dates). Listing goes
through `visible_to(user)` on the querysets, which calls the functions here. Another
organisation's object is never found (404). The table of who may do what is tested in
`tests/test_permissions.py`, row by row, and documented in docs/architecture.md.

| role | reads drafts | edits, proposes | records decisions, runs follow-up | audit log |
| --- | --- | --- | --- | --- |
| organisation admin | yes | yes | yes | yes |
| coordinator | yes | yes | yes | yes |
| discussion partner | yes | yes (drafts the goals, returns proposals) | no | no |
| executive | yes (their own goals) | no (a party to the matter) | no | no |
| board member, audit committee | no (from the proposal on) | no | no | no |
| anyone else | nothing | | | |
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q

from suunta.organisations.models import Person
from suunta.organisations.permissions import (
    DRAFT_READERS,
    DRAFTERS,
    PREPARERS,
    K,
    active_roles,
    is_signed_in,
    roles_in,
)

from . import workflow

if TYPE_CHECKING:
    from suunta.organisations.models import ExecutivePost, Organisation

    from .models import GoalPlan


# Plan states, named so that the rules read as sentences (the states and moves: workflow.py).
DRAFT = workflow.DRAFT
PROPOSED = workflow.PROPOSED
IN_FORCE = workflow.IN_FORCE
AMENDABLE = workflow.AMENDABLE


def plans_visible_q(user: Any) -> Q:
    """The filter behind `GoalPlan.objects.visible_to(user)`: drafts only for those who
    prepare or discuss them, everything from the proposal on for every role."""
    if not is_signed_in(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    full = [org for org, kinds in active_roles(user).items() if kinds & DRAFT_READERS]
    rest = [org for org, kinds in active_roles(user).items() if not kinds & DRAFT_READERS]
    return Q(organisation_id__in=full) | (Q(organisation_id__in=rest) & ~Q(status=DRAFT))


# --- What the public sees -------------------------------------------------------------------

# A plan is public once a body has approved it or taken note of it (board minutes are public);
# a draft or a proposal is not, nor is anything of it before the decision.
PUBLIC_STATES = ("approved", "noted", "in_follow_up", "evaluated", "closed", "superseded")


def public_plans_q() -> Q:
    """The filter behind `GoalPlan.objects.public()`: what anyone may read without signing in."""
    return Q(status__in=PUBLIC_STATES)


# --- Organisations and posts ----------------------------------------------------------------


def can_view_organisation(user: Any, organisation: Organisation) -> bool:
    return bool(roles_in(user, organisation))


def can_export_organisation(user: Any, organisation: Organisation) -> bool:
    """The whole organisation as JSON: its admins (and superusers) only. What the export holds
    is filtered for the reader like every other door (ops/export.py): an admin who is also
    the executive of a plan gets nothing of it that the executive may not read
    (`executive_confidential_kinds`)."""
    return K.ADMIN in roles_in(user, organisation)


def can_create_plan(user: Any, post: ExecutivePost) -> bool:
    return is_drafter(user, post.organisation)


def can_review_import(user: Any, imported: Any) -> bool:
    """An imported document waiting for review is read and saved by those who may start a plan
    for the post; once saved, its original follows the plan's permissions."""
    if imported.plan_id is not None:
        return can_view_plan(user, imported.plan)
    return can_create_plan(user, imported.post)


def can_prepare_plans(user: Any, organisation: Organisation | Any) -> bool:
    """Coordinators and organisation admins prepare the papers and record the decisions."""
    return bool(roles_in(user, organisation) & PREPARERS) and not is_party(user, organisation)


def can_prepare_agenda(user: Any, plan: GoalPlan) -> bool:
    """The board's agenda drafts are the secretary's papers: coordinators and admins, never
    the executive (a party to the matter)."""
    return can_prepare_plans(user, plan.organisation)


def can_change_logo(user: Any, organisation: Organisation) -> bool:
    """The organisation's logo on its documents and public page is kept by its admins."""
    if not is_signed_in(user):
        return False
    return user.is_superuser or K.ADMIN in roles_in(user, organisation)


def is_drafter(user: Any, organisation: Organisation) -> bool:
    return bool(roles_in(user, organisation) & DRAFTERS) and not is_party(user, organisation)


def is_party(user: Any, organisation: Organisation | Any) -> bool:
    """The executive is a party to every matter about their own goals (esteellinen): they
    read, but never prepare, decide or evaluate, whatever other role they also hold."""
    return (
        is_signed_in(user) and not user.is_superuser and K.EXECUTIVE in roles_in(user, organisation)
    )


# --- A goal plan ------------------------------------------------------------------------------


def can_view_plan(user: Any, plan: GoalPlan) -> bool:
    kinds = roles_in(user, plan.organisation_id)
    if not kinds:
        return False
    return plan.status != DRAFT or bool(kinds & DRAFT_READERS)


def _is_amendment_draft(plan: GoalPlan) -> bool:
    return plan.status == DRAFT and plan.supersedes_id is not None


# verb: (who, in which states; None = any state), from the table in workflow.py. The actions
# ask `refusal()`, the pages and the API ask `can_<verb>_plan()`; both read this table.
_WHO = {workflow.DRAFTERS: is_drafter, workflow.PREPARERS: can_prepare_plans}
PLAN_RULES: dict[str, tuple[Any, frozenset[str] | None]] = {
    verb: (_WHO[rule.who], rule.states) for verb, rule in workflow.VERBS.items()
}


def is_plan_executive(user: Any, plan: GoalPlan) -> bool:
    """The user is the person whose goals these are – a party to every matter of the plan,
    whatever roles they hold (a coordinator role included)."""
    if not is_signed_in(user) or not plan.executive_id:
        return False
    cache = getattr(user, "_suunta_executive_of", None)
    if cache is None:
        cache = user._suunta_executive_of = {}
    if plan.executive_id not in cache:
        cache[plan.executive_id] = Person.objects.filter(
            pk=plan.executive_id, user_id=user.pk
        ).exists()
    return cache[plan.executive_id]


def refusal(user: Any, verb: str, plan: GoalPlan) -> str | None:
    """None if the user may `verb` the plan now; "forbidden" if their roles never allow it;
    "state" if they may, but not in the plan's present state."""
    who, states = PLAN_RULES[verb]
    if not who(user, plan.organisation_id) or is_plan_executive(user, plan):
        return "forbidden"
    if verb == "decide" and _is_amendment_draft(plan):
        return None
    if states is not None and plan.status not in states:
        return "state"
    return None


def allowed_states(verb: str) -> frozenset[str]:
    return PLAN_RULES[verb][1] or frozenset()


def can_edit_plan(user: Any, plan: GoalPlan) -> bool:
    """Edit the plan's content: only a draft, by those who draft goals."""
    return refusal(user, "edit", plan) is None


def can_propose_plan(user: Any, plan: GoalPlan) -> bool:
    return refusal(user, "propose", plan) is None


def can_return_plan(user: Any, plan: GoalPlan) -> bool:
    """The chair or the steering group sends a proposal back for changes."""
    return refusal(user, "return", plan) is None


def can_record_decision(user: Any, plan: GoalPlan) -> bool:
    """Record a body's handling (review, approve, take note, amend, evaluate) from the minutes."""
    return refusal(user, "decide", plan) is None


def can_start_amendment(user: Any, plan: GoalPlan) -> bool:
    return refusal(user, "amend", plan) is None and not plan.has_open_amendment


def can_start_follow_up(user: Any, plan: GoalPlan) -> bool:
    return refusal(user, "start_follow_up", plan) is None


def can_close_plan(user: Any, plan: GoalPlan) -> bool:
    return refusal(user, "close", plan) is None


def can_start_next_plan(user: Any, plan: GoalPlan) -> bool:
    return refusal(user, "start_next", plan) is None


def can_review_coverage(user: Any, plan: GoalPlan) -> bool:
    """Reject a suggested link between a goal and a focus area (the coverage view): those who
    draft goals, in any state – a rejection is no part of the plan's content and holds for its
    later versions. Accepting one adds a link, which is editing: `can_edit_plan`."""
    return is_drafter(user, plan.organisation) and not is_plan_executive(user, plan)


def can_view_audit_log(user: Any, plan: GoalPlan) -> bool:
    """The plan's audit log (the before and after of every change, its evaluation survey's
    events included): coordinators and organisation admins, never the plan's executive –
    whatever other role they also hold – nor anyone who is an executive of the organisation
    (a party to the matter, like `can_prepare_plans`)."""
    return can_prepare_plans(user, plan.organisation_id) and not is_plan_executive(user, plan)


def can_write_follow_up(user: Any, plan: GoalPlan, kind: str) -> bool:
    """Follow-ups are written while the plan is in force: the executive's self-assessment by
    the executive, the joint and partners' assessments by those who hold the discussions and
    the coordinator who records them."""
    if plan.status not in IN_FORCE:
        return False
    kinds = roles_in(user, plan.organisation_id)
    if kind == "self":
        # The self-assessment is the plan's own executive's, nobody else's.
        return K.EXECUTIVE in kinds and (not plan.executive_id or is_plan_executive(user, plan))
    return (
        bool(kinds & DRAFTERS)
        and not is_party(user, plan.organisation)
        and not is_plan_executive(user, plan)
    )


def follow_up_kinds_for(user: Any, plan: GoalPlan) -> list[str]:
    """The kinds of follow-up the user writes on the plan now, in the order offered."""
    return [k for k in ("self", "partner", "joint") if can_write_follow_up_kind(user, plan, k)]


def can_write_follow_up_kind(user: Any, plan: GoalPlan, kind: str) -> bool:
    """The partner's own assessment is for discussion partners; the joint one is recorded by the
    chair or the coordinator."""
    if kind == "partner":
        return K.DISCUSSION_PARTNER in roles_in(user, plan.organisation_id) and can_write_follow_up(
            user, plan, kind
        )
    return can_write_follow_up(user, plan, kind)


def visible_follow_up_kinds(user: Any, plan: GoalPlan) -> set[str]:
    """The joint assessment is part of the record every reader sees; the executive's
    self-assessment and each partner's own assessment are working papers of the discussion,
    read only by those who hold it and prepare it."""
    kinds = roles_in(user, plan.organisation_id)
    if kinds & DRAFT_READERS:
        return {"joint", "self", "partner"}
    return {"joint"} if kinds else set()


# --- Measured values, weights and the reward --------------------------------------------------


def can_record_values(user: Any, plan: GoalPlan) -> bool:
    """Actual values of numeric indicators are reported by those who prepare the papers, while
    the plan is in force; the executive reads them (a party to the matter)."""
    return (
        plan.status in IN_FORCE
        and can_prepare_plans(user, plan.organisation)
        and not is_plan_executive(user, plan)
    )


def can_view_reward(user: Any, plan: GoalPlan) -> bool:
    """The score and the reward computation belong to the board's record: every reader of the
    plan sees them."""
    return can_view_plan(user, plan)


# What the executive of a plan never reads about themself, through any door (pages, the API,
# the organisation's export, the audit log): each kind with the rule that decides it. Every
# door that shows one of these asks that rule for the plan; tests/security/
# test_f07_executive_reads_own_evaluation.py tries every door for every kind. A feature app
# that keeps such content adds its kind in its `AppConfig.ready()` (surveys: "survey_answers").
EXECUTIVE_CONFIDENTIAL_KINDS: dict[str, Any] = {
    "audit_log": can_view_audit_log,  # who changed what, before and after
}


def executive_confidential_kinds(user: Any, plan: GoalPlan) -> set[str]:
    """The kinds of `EXECUTIVE_CONFIDENTIAL_KINDS` the user may not read of the plan."""
    return {kind for kind, rule in EXECUTIVE_CONFIDENTIAL_KINDS.items() if not rule(user, plan)}
