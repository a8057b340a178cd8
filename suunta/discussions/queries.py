"""Read models of the discussion records: what one reader may see of them."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch

from suunta.discussions import permissions as discussion_permissions
from suunta.goals import permissions
from suunta.organisations.models import ExecutivePost

from .models import ActionNote, Discussion, DiscussionItem, TrainingAction


def visible_items(user: Any, discussion: Discussion):
    return DiscussionItem.objects.filter(
        discussion_permissions.discussion_items_visible_q(user), discussion=discussion
    ).order_by("order", "created_at")


def visible_actions(user: Any, discussion: Discussion):
    return (
        TrainingAction.objects.filter(
            discussion_permissions.discussion_items_visible_q(user), discussion=discussion
        )
        .select_related("responsible")
        .prefetch_related(
            Prefetch(
                "notes",
                queryset=ActionNote.objects.select_related("author").order_by(
                    "written_on", "created_at"
                ),
            )
        )
        .order_by("order", "created_at")
    )


def discussion_page(discussion: Discussion, user: Any) -> dict[str, Any]:
    items = list(visible_items(user, discussion))
    actions = list(visible_actions(user, discussion))
    participant = discussion_permissions.is_discussion_participant(user, discussion)
    hidden_items = discussion.items.count() - len(items)
    hidden_actions = discussion.actions.count() - len(actions)
    plan = discussion.plan
    return {
        "discussion": discussion,
        "organisation": discussion.organisation,
        "post": discussion.post,
        "plan": plan if plan is not None and permissions.can_view_plan(user, plan) else None,
        "participants": list(discussion.participants.order_by("name", "title_fi")),
        "items": items,
        "actions": actions,
        "hidden_items": hidden_items,
        "hidden_actions": hidden_actions,
        "is_participant": participant,
        "can": {
            "edit": discussion_permissions.can_edit_discussion(user, discussion),
            "sign_off": discussion_permissions.can_sign_off_discussion(user, discussion),
            "acknowledge": discussion_permissions.can_acknowledge_discussion(user, discussion),
            "follow_up": discussion_permissions.discussion_refusal(
                user, "follow_up_action", discussion
            )
            is None,
        },
    }


def post_discussions(post: ExecutivePost, user: Any) -> list[Discussion]:
    return list(
        Discussion.objects.visible_to(user)
        .filter(post=post)
        .select_related("plan")
        .order_by("-held_on", "-created_at")
    )
