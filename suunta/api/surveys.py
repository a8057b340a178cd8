"""The survey results in the API: aggregates and comments, for coordinators and admins only.
Another organisation's survey, or one whose plan the user does not see, is a 404; anyone else
in the organisation gets 403.

The same withholding as the survey's page (`queries.SurveyResults`): while answers can still
come (`results_final` false) only the numbers invited and answered; afterwards a criterion
that fewer than `minimum` people rated has `shown` false and no figures (null, empty)."""

from __future__ import annotations

import datetime
import uuid

from ninja import Router, Schema
from ninja.errors import HttpError

from suunta.api import schemas as s
from suunta.surveys import permissions as survey_permissions
from suunta.surveys import queries

router = Router(tags=["surveys"])


class LevelCount(Schema):
    level: int
    count: int


class CriterionResultOut(Schema):
    id: uuid.UUID
    order: int
    text: s.Text
    shown: bool
    count: int | None
    mean: float | None
    cannot_say: int | None
    distribution: list[LevelCount]


class SurveyResultsOut(Schema):
    id: uuid.UUID
    plan_id: uuid.UUID
    title: s.Text
    status: str
    opens_on: datetime.date
    closes_on: datetime.date
    threshold: int
    minimum: int
    results_final: bool
    invited: int
    answers: int
    criteria: list[CriterionResultOut]
    comments: list[str]


@router.get(
    "/surveys/{survey_id}/results",
    response={
        200: SurveyResultsOut,
        401: s.Error,
        403: s.Error,
        404: s.Error,
        422: s.InvalidRequest,
    },
)
def get_survey_results(request, survey_id: uuid.UUID):
    survey = queries.survey_for(request.user, survey_id)
    if not survey_permissions.can_manage_survey(request.user, survey.plan):
        raise HttpError(403, "Forbidden.")
    result = queries.results(survey, with_comments=True)
    return SurveyResultsOut(
        id=survey.id,
        plan_id=survey.plan_id,
        title=s.text(survey, "title"),
        status=survey.status,
        opens_on=survey.opens_on,
        closes_on=survey.closes_on,
        threshold=survey.threshold,
        minimum=result.minimum,
        results_final=result.over,
        invited=result.invited,
        answers=result.answers,
        criteria=[
            CriterionResultOut(
                id=row.criterion.id,
                order=row.criterion.order,
                text=s.text(row.criterion, "text"),
                shown=row.shown and result.shown,
                count=row.count,
                mean=float(row.mean) if row.mean is not None else None,
                cannot_say=row.cannot_say,
                distribution=[LevelCount(level=lvl, count=n) for lvl, n in row.distribution],
            )
            for row in result.rows
        ],
        comments=result.comments,
    )
