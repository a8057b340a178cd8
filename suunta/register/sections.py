"""What the register adds to the organisation page and the post page (see
suunta/core/contributions.py)."""

from __future__ import annotations

from typing import Any

from suunta.core.contributions import Section, add_section

from . import permissions
from .queries import public_interests


def register_link(request: Any, organisation: Any) -> dict[str, Any] | None:
    if not permissions.can_view_register(request.user, organisation):
        return None
    return {"organisation": organisation}


def holder_positions(request: Any, post: Any) -> dict[str, Any]:
    """The positions of trust of the post's holder, as the public register shows them."""
    holder = post.current_holder()
    interests = (
        public_interests(post.organisation, [holder.pk]).get(holder.pk, []) if holder else []
    )
    return {"interests": interests}


def register() -> None:
    add_section(Section("organisation.links", "register/_organisation_link.html", register_link))
    add_section(Section("post.holder", "register/_post_positions.html", holder_positions))
