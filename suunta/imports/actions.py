"""Importing a goal document: keep the upload with what was found, then – after the user's
review – create the draft plan with its checkpoints, goals and indicators in one transaction,
with the audit events of each and of the import itself; or discard an import still waiting
for its review (the original file goes with it; the audit log keeps its name and digest)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from suunta.audit.record import record
from suunta.goals import actions as goal_actions
from suunta.goals import permissions
from suunta.goals.models import GoalPlan
from suunta.organisations.models import ExecutivePost

from . import outline
from .found import FoundDocument
from .models import ImportedDocument


def title_without_period(title: str, start: Any, end: Any) -> str:
    """The plan's title without the period at its end: the pages and the documents write the
    title and the period side by side ("Kaupunginjohtajan tavoitteet 2026"), so a title read
    as "Kaupunginjohtajan tavoitteet 2026" would show the year twice."""
    years = {str(start.year), str(end.year)} if start and end else set()
    pattern = (
        r"[\s,:–-]*(?:vuodelle|vuodeksi|vuonna|för år|år|for)?\s*"
        r"(\d{4})(?:\s*[–-]\s*(\d{4}))?\s*$"
    )
    found = re.search(pattern, title or "", re.IGNORECASE)
    if found and {y for y in found.groups() if y} <= years and found.start() > 0:
        return title[: found.start()].rstrip(" ,:–-")
    return (title or "").strip()


def keep_upload(
    post: ExecutivePost, *, data: bytes, name: str, found: FoundDocument, actor: Any
) -> ImportedDocument:
    """The original and what was found, waiting for the review (no plan yet)."""
    if not permissions.can_create_plan(actor, post):
        raise PermissionDenied(_("You may not start a goal plan for this post."))
    with transaction.atomic():
        imported = ImportedDocument.objects.create(
            organisation=post.organisation,
            post=post,
            file_name=name[:255],
            file_type=found.file_type or "text",
            data=data,
            size=len(data),
            digest=hashlib.sha256(data).hexdigest(),
            found=found.as_json(),
            created_by=actor,
        )
        record(
            "import.read",
            imported,
            actor=actor,
            organisation=post.organisation,
            after={
                "file": imported.file_name,
                "type": imported.file_type,
                "sha256": imported.digest,
                "goals": len(found.goals),
                "indicators": sum(len(g.indicators) for g in found.goals),
            },
        )
    return imported


class StaleReview(Exception):
    """The lines changed since the page was shown (another tab, another person)."""


def correct_lines(
    imported: ImportedDocument,
    *,
    version: int,
    rows: dict[int, dict[str, Any]],
    op: str = "",
    at: int = 0,
    value: str = "",
    actor: Any,
) -> dict[str, Any]:
    """One move of the review on the lines of a pending import: first the rows' roles and
    texts as the page submitted them (`rows`: index → (role, text)), then the move `op` on line
    `at`. Compare-and-swap on the version the page was shown; raises `outline.MoveError` for
    a move that cannot be made, `StaleReview` when the lines changed meanwhile. Returns what
    was found, with the goals derived again. Only the pending import's review state changes:
    nothing is saved as a plan."""
    if not permissions.can_review_import(actor, imported):
        raise PermissionDenied(_("You may not review this import."))
    with transaction.atomic():
        locked = ImportedDocument.objects.select_for_update().get(pk=imported.pk)
        if locked.status != ImportedDocument.Status.PENDING:
            raise PermissionDenied(_("This import was already saved."))
        found = dict(locked.found)
        if int(found.get("version", 0)) != version:
            raise StaleReview
        document = outline.document_of(found)
        lines = document.lines
        moves = 0
        for index, row in rows.items():
            if not 0 <= index < len(lines):
                raise outline.MoveError("line")
            if row["role"] != lines[index].role:
                moves += outline.set_role(lines, index, row["role"])
            if outline.squash(row["text"]) != lines[index].text:
                moves += outline.edit(lines, index, row["text"])
            if "weight" in row and row["weight"] != lines[index].weight:
                lines[index].weight = row["weight"]
                moves += 1
        if op:
            outline.apply(lines, op, at, value)
            moves += 1
        outline.derive(document)
        updated = document.as_json()
        updated["version"] = version + 1
        updated["moves"] = int(found.get("moves", 0)) + moves
        locked.found = updated
        locked.save(update_fields=["found"])
        imported.found = updated
    return updated


@dataclass
class ReviewedGoal:
    title: str
    area: str = ""
    weight: Decimal | None = None
    indicators: list[str] = field(default_factory=list)


def reviewed_goals(found: dict[str, Any]) -> list[ReviewedGoal]:
    """The goals the reviewed lines give."""
    document = outline.document_of(found)
    outline.derive(document)
    return [
        ReviewedGoal(
            title=goal.title,
            area=goal.area,
            weight=goal.weight,
            indicators=[i.text for i in goal.indicators],
        )
        for goal in document.goals
    ]


def save_import(
    imported: ImportedDocument,
    *,
    plan: dict[str, Any],
    checkpoints: list[dict[str, Any]],
    goals: list[ReviewedGoal],
    actor: Any,
) -> GoalPlan:
    """The reviewed content as a new draft plan of the post; the import points at it."""
    if not permissions.can_review_import(actor, imported):
        raise PermissionDenied(_("You may not review this import."))
    if imported.status != ImportedDocument.Status.PENDING:
        raise PermissionDenied(_("This import was already saved."))
    lang = plan["language"]
    with transaction.atomic():
        locked = ImportedDocument.objects.select_for_update().get(pk=imported.pk)
        if locked.status != ImportedDocument.Status.PENDING:
            raise PermissionDenied(_("This import was already saved."))
        draft = goal_actions.create_plan(
            imported.post,
            data={
                "period_start": plan["period_start"],
                "period_end": plan["period_end"],
                f"title_{lang}": title_without_period(
                    plan["title"], plan["period_start"], plan["period_end"]
                ),
                f"basis_{lang}": plan.get("basis", ""),
                f"purpose_{lang}": plan.get("purpose", ""),
                f"evaluation_{lang}": plan.get("evaluation", ""),
            },
            actor=actor,
        )
        for checkpoint in checkpoints:
            goal_actions.add_checkpoint(
                draft,
                data={
                    f"label_{lang}": checkpoint["label"],
                    "opens_on": checkpoint["opens_on"],
                    "closes_on": checkpoint["closes_on"],
                },
                actor=actor,
            )
        for reviewed in goals:
            goal = goal_actions.add_goal(
                draft,
                data={
                    f"title_{lang}": reviewed.title,
                    f"area_{lang}": reviewed.area,
                    "weight": reviewed.weight,
                },
                actor=actor,
            )
            for line in reviewed.indicators:
                goal_actions.add_indicator(goal, data={f"text_{lang}": line}, actor=actor)
        locked.status = ImportedDocument.Status.SAVED
        locked.plan = draft
        locked.save(update_fields=["status", "plan"])
        record(
            "plan.import",
            draft,
            actor=actor,
            organisation=draft.organisation,
            plan_id=draft.pk,
            after={
                "import": str(locked.pk),
                "file": locked.file_name,
                "sha256": locked.digest,
                "goals": len(goals),
                "indicators": sum(len(g.indicators) for g in goals),
                "checkpoints": len(checkpoints),
                "review_moves": int(locked.found.get("moves", 0)),
            },
        )
    return draft


def discard_import(imported: ImportedDocument, *, actor: Any) -> None:
    """An import waiting for its review, dropped: the original file and what was found are
    deleted; the audit event keeps the file's name and SHA-256."""
    if not permissions.can_review_import(actor, imported):
        raise PermissionDenied(_("You may not review this import."))
    with transaction.atomic():
        locked = ImportedDocument.objects.select_for_update().filter(pk=imported.pk).first()
        if locked is None or locked.status != ImportedDocument.Status.PENDING:
            raise PermissionDenied(_("This import was already saved."))
        record(
            "import.discard",
            locked,
            actor=actor,
            organisation=locked.organisation,
            before={
                "file": locked.file_name,
                "type": locked.file_type,
                "sha256": locked.digest,
                "uploaded_by": str(locked.created_by_id),
            },
        )
        locked.delete()
