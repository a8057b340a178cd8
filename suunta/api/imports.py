"""`POST /api/v1/imports/preview`: the structure found in an uploaded goal document, as JSON.

Multipart upload (field `file`); signed in (token, or session with CSRF) with a role that may
create plans in some organisation. Nothing is saved: the answer is what the review page
would show. A refused file (too big, of a type Suunta does not read, damaged or hostile) is a
422 with the reason in the request's language."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from ninja import File, Router, Schema
from ninja.files import UploadedFile

from suunta.api import schemas as s
from suunta.imports import permissions as import_permissions
from suunta.imports import reading

router = Router(tags=["imports"])
DOCUMENT = File(..., description="The goal document: DOCX, ODT, PDF, XLSX, ODS or text.")


class FoundIndicatorOut(Schema):
    text: str
    source: str


class FoundGoalOut(Schema):
    title: str
    area: str
    weight: str | None  # per cent, a decimal number as a string ("20", "12.5")
    indicators: list[FoundIndicatorOut]
    follow_ups: list[str]  # one per checkpoint, in order ("" where none was found)
    source: str


class FoundCheckpointOut(Schema):
    label: str
    source: str = ""  # where a checkpoint named in running text was found
    line: str = ""  # that line's text


class FoundLineOut(Schema):
    text: str
    role: str  # "area", "goal", "indicator", "text" or "ignore"
    source: str  # "page 2 line 5", "table at paragraph 7 row 3 cell 2", "sheet 1 row 4"
    confidence: float  # 0–1: how sure the reader is of the role
    why: str  # the reason: "label", "table column", "form", "prose", "translation" …


class FoundSectionOut(Schema):
    kind: str  # "basis", "purpose", "evaluation" or "other"
    heading: str
    text: str


class FoundHandlingOut(Schema):
    date: datetime.date
    body: str
    source: str = ""
    line: str = ""


class FoundDocumentOut(Schema):
    title: str
    language: str
    file_type: str
    goals: list[FoundGoalOut]
    checkpoints: list[FoundCheckpointOut]
    sections: list[FoundSectionOut]
    handling: list[FoundHandlingOut]
    lines: list[FoundLineOut]  # every line with its role: the goals are derived from these
    period_start: datetime.date | None  # the period the text states, if it does
    period_end: datetime.date | None
    warnings: list[str]
    source_text: str


@router.post(
    "/imports/preview",
    response={200: FoundDocumentOut, 401: s.Error, 403: s.Error, 422: s.InvalidRequest},
    summary="Preview the structure found in a goal document",
    description=(
        "Upload a DOCX, ODT, PDF, XLSX, ODS or plain-text goal document (multipart field "
        "`file`, at most 10 MB). The answer is the structure found in it: goals with their "
        "areas, weights, indicators and follow-up texts, checkpoints, the basis, purpose and "
        "evaluation sections, handling dates with their bodies, the period the text states, "
        "and every line with the role the reader gave it, its source and a confidence. "
        "Nothing is saved. A file "
        "that is refused (too big, of another type, damaged or unsafe) is a 422 with the "
        "reason."
    ),
)
def preview_import(request, file: UploadedFile = DOCUMENT):
    if not import_permissions.can_import_anywhere(request.user):
        raise PermissionDenied(gettext("You may not import goal documents."))
    return reading.read_upload(file).as_json()
