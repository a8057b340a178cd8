"""Who may manage, read and answer a plan's evaluation survey."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from suunta.goals.permissions import can_prepare_plans, is_party, is_plan_executive
from suunta.organisations.permissions import K, roles_in

if TYPE_CHECKING:
    from suunta.goals.models import GoalPlan


# --- Evaluation surveys (suunta/surveys) ------------------------------------------------------

# A survey evaluates a plan that has been in force: from the board's approval to its evaluation.
SURVEY_STATES = frozenset({"approved", "noted", "in_follow_up", "evaluated"})


def can_manage_survey(user: Any, plan: GoalPlan) -> bool:
    """Coordinators and organisation admins create, send and close a plan's evaluation survey
    and read every answer (without who gave it). Never the executive: a party to the matter."""
    return can_prepare_plans(user, plan.organisation) and not is_plan_executive(user, plan)


def can_create_survey(user: Any, plan: GoalPlan) -> bool:
    return can_manage_survey(user, plan) and plan.status in SURVEY_STATES


def can_view_survey(user: Any, plan: GoalPlan) -> bool:
    """Who may open a survey's page: those who manage it, and the discussion partners (the
    chair and those who hold the discussion), who see the aggregates once enough have answered.
    The executive sees nothing of it; board and audit committee members neither."""
    if can_manage_survey(user, plan):
        return True
    kinds = roles_in(user, plan.organisation_id)
    return (
        K.DISCUSSION_PARTNER in kinds
        and not is_party(user, plan.organisation)
        and not is_plan_executive(user, plan)
    )


def can_read_survey_answers(user: Any, plan: GoalPlan) -> bool:
    """The answers of the plan's evaluation surveys one by one – each rating and comment – and
    who was asked and who answered: those who manage the survey. Never the plan's executive,
    whatever other role they hold (an organisation admin included): the executive sees at
    most the aggregate, never who said what."""
    return can_manage_survey(user, plan)


def can_view_survey_comments(user: Any, plan: GoalPlan) -> bool:
    return can_read_survey_answers(user, plan)
