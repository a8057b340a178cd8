"""What a feature app adds to a page or a list of an app below it, without that app importing it.

The plan page, the post page and the organisation page belong to `goals`; the register, the
imports, the surveys and the discussions each add a section to them. A feature app registers
its sections (and what else it contributes) in its `AppConfig.ready()`; the page's template
names a slot with `{% sections "plan.end" plan %}` (`core/templatetags/contributions.py`) and
gets whatever is registered there, in `order`. So the app that owns the page imports none of
the apps that fill it, and the layer contract (`make lint`) can forbid that.

Slots in use:

| slot | object | filled by |
| --- | --- | --- |
| `organisation.start` | Organisation | onboarding (the setup checklist, to admins) |
| `organisation.links` | Organisation | register |
| `post.holder` | ExecutivePost | register (positions of trust) |
| `post.discussions` | ExecutivePost | discussions |
| `post.end` | ExecutivePost | imports (pending imports), onboarding (first plan, signed contract) |
| `plan.details` | GoalPlan | imports (the original documents) |
| `plan.end` | GoalPlan | surveys |

`freshness` sources: each is a function of the plan's `OuterRef` giving a (newest, count)
pair of subqueries; the plan page's cache key covers them (`goals/queries.plan_freshness`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Section:
    slot: str
    template: str
    # (request, obj) -> the template's context, or None when there is nothing to show.
    context: Callable[[Any, Any], dict[str, Any] | None]
    order: int = 50


_SECTIONS: dict[str, list[Section]] = {}
_FRESHNESS: dict[str, dict[str, Callable[[Any], Any]]] = {}


def add_section(section: Section) -> None:
    sections = _SECTIONS.setdefault(section.slot, [])
    if any(s.template == section.template for s in sections):
        return  # the same section registered again: kept once
    sections.append(section)
    sections.sort(key=lambda s: s.order)


def sections(slot: str) -> list[Section]:
    return list(_SECTIONS.get(slot, []))


def render_sections(slot: str, request: Any, obj: Any) -> SafeString:
    parts = []
    for section in sections(slot):
        context = section.context(request, obj)
        if context is not None:
            parts.append(render_to_string(section.template, context, request=request))
    return mark_safe("".join(parts))  # noqa: S308 - rendered by our own templates


def add_freshness(page: str, name: str, build: Callable[[Any], Any]) -> None:
    _FRESHNESS.setdefault(page, {})[name] = build


def freshness_sources(page: str) -> dict[str, Callable[[Any], Any]]:
    return dict(sorted(_FRESHNESS.get(page, {}).items()))
