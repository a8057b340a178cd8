"""What the discussions add to the post page (see suunta/core/contributions.py)."""

from __future__ import annotations

from typing import Any

from suunta.core.contributions import Section, add_section

from . import permissions
from .queries import post_discussions


def discussions_of_post(request: Any, post: Any) -> dict[str, Any]:
    """The post page's block: the discussion records the reader may see."""
    user = request.user
    return {
        "post": post,
        "discussions": post_discussions(post, user),
        "can_create": permissions.can_create_discussion(user, post),
        "can_templates": permissions.can_edit_agenda_templates(user, post.organisation_id),
        "organisation": post.organisation,
    }


def register() -> None:
    add_section(Section("post.discussions", "discussions/_post_block.html", discussions_of_post))
