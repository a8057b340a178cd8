"""What the imports add to the post page and the plan page (see suunta/core/contributions.py)."""

from __future__ import annotations

from typing import Any

from suunta.core.contributions import Section, add_section

from . import queries


def pending(request: Any, post: Any) -> dict[str, Any]:
    return {"pending": queries.pending_imports(post, request.user)}


def originals(request: Any, plan: Any) -> dict[str, Any]:
    return {"originals": queries.plan_originals(plan)}


def register() -> None:
    add_section(Section("post.end", "imports/_pending.html", pending))
    add_section(Section("plan.details", "imports/_plan_originals.html", originals))
