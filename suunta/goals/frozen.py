"""Which columns of an approved plan version never change: one list, read by the content hash
(`queries.plan_content`), the models' save guards (`GoalPlan.save`, `RatingScale.save`) and
the database triggers (`triggers.py`), so that the three cannot drift apart.

The goal plan and its rating scale are frozen column by column (their state, lock version and
times still move); a goal, an indicator, a checkpoint, the reward rule and a scale level are
frozen whole once their plan has left the draft state, so they need no list.

A hashed field is named as the content shows it ("title") with the columns it is read from
("title_fi", "title_sv"): a field of two columns is a text per content language.
"""

from __future__ import annotations


def _texts(name: str) -> tuple[str, ...]:
    return (f"{name}_fi", f"{name}_sv")


# What the content hash covers of the plan version itself (format versions 1 and 2).
PLAN_HASHED: dict[str, tuple[str, ...]] = {
    "version_no": ("version_no",),
    "period_kind": ("period_kind",),
    "period_start": ("period_start",),
    "period_end": ("period_end",),
    "title": _texts("title"),
    "basis": _texts("basis"),
    "purpose": _texts("purpose"),
    "evaluation": _texts("evaluation"),
}
# Frozen too, though the hash does not show them: where the version belongs and whose it is.
# `scale_id` picks the scale whose own hashed fields are below.
PLAN_REFERENCES: tuple[str, ...] = (
    "organisation_id",
    "post_id",
    "contract_id",
    "executive_id",
    "previous_id",
    "prepared_by_id",
    "series",
    "supersedes_id",
    "scale_id",
)

# What the content hash covers of the plan's rating scale (format version 2), besides its
# levels (frozen whole).
SCALE_HASHED: dict[str, tuple[str, ...]] = {
    "kind": ("kind",),
    "name": _texts("name"),
}


def columns(hashed: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(column for names in hashed.values() for column in names)


PLAN_FROZEN_COLUMNS: tuple[str, ...] = columns(PLAN_HASHED) + PLAN_REFERENCES
SCALE_FROZEN_COLUMNS: tuple[str, ...] = columns(SCALE_HASHED)
