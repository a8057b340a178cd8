"""Read models of the evaluation surveys: who may be asked, and the aggregated results."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from suunta.goals.models import GoalPlan
from suunta.organisations.models import Body, Membership, Person

from .models import LEVELS, MIN_THRESHOLD, Criterion, Invitation, Rating, Response, Survey

# Board members are the seats in the board (not the presenting official, the secretary or the
# deputies); the council's chair is asked too.
BOARD_SEATS = [
    Membership.Role.CHAIR,
    Membership.Role.FIRST_VICE_CHAIR,
    Membership.Role.SECOND_VICE_CHAIR,
    Membership.Role.VICE_CHAIR,
    Membership.Role.MEMBER,
]


def survey_for(user: Any, survey_id: Any) -> Survey:
    """The survey if its plan is visible to the user, else 404 (another organisation too)."""
    return get_object_or_404(
        Survey.objects.filter(plan__in=GoalPlan.objects.visible_to(user)).select_related(
            "plan", "plan__organisation", "plan__post"
        ),
        pk=survey_id,
    )


def candidates(plan: GoalPlan) -> list[Person]:
    """Who may be asked: today's board members and the council's chair, never the executive."""
    seats = (
        Membership.objects.active()
        .filter(body__organisation=plan.organisation_id)
        .filter(
            Q(body__kind=Body.Kind.BOARD, role__in=BOARD_SEATS)
            | Q(body__kind=Body.Kind.COUNCIL, role=Membership.Role.CHAIR)
        )
        .select_related("person", "person__user", "body")
        .order_by("body__order", "order", "person__name", "person__title_fi")
    )
    excluded = {plan.executive_id}
    holder = plan.post.current_holder()
    if holder is not None:
        excluded.add(holder.pk)
    people: dict[Any, Person] = {}
    for seat in seats:
        if seat.person_id not in excluded:
            people.setdefault(seat.person_id, seat.person)
    return list(people.values())


def email_of(person: Person) -> str:
    return person.email or (person.user.email if person.user_id and person.user else "")


def minimum_answers(survey: Survey) -> int:
    """The fewest people whose ratings any figure may be made of: the survey's threshold, never
    below `MIN_THRESHOLD` whatever a row written before the constraint says."""
    return max(survey.threshold, MIN_THRESHOLD)


def answering_over(survey: Survey, day: datetime.date | None = None) -> bool:
    """No answer can come any more: the survey is closed, or its last day has passed (a
    survey's dates are not changed after it is made, and a late link is refused)."""
    day = day or timezone.localdate()
    return survey.status == Survey.Status.CLOSED or day > survey.closes_on


@dataclass
class CriterionResult:
    """One criterion's figures, or none of them (`shown` false, every figure None or empty)
    when fewer than the minimum rated it: then a mean or a distribution could be one or two
    people's own ratings, e.g. three answers of which two "cannot say"."""

    criterion: Criterion
    shown: bool
    count: int | None  # ratings 1–5 given
    cannot_say: int | None
    distribution: list[tuple[int, int]]  # (level, how many)
    mean: Decimal | None
    largest: int = 0

    @property
    def bars(self) -> list[dict[str, Any]]:
        """Geometry of the small bar chart: one bar per level and one for "cannot say"."""
        if not self.shown:
            return []
        rows = [*self.distribution, (0, self.cannot_say or 0)]
        scale = max(self.largest, 1)
        return [
            {"level": level, "n": n, "y": i * 18, "width": round(160 * n / scale)}
            for i, (level, n) in enumerate(rows)
        ]


@dataclass
class SurveyResults:
    """What anyone may be shown of a survey's answers – the coordinators included, through every
    door (the page, the API): while answers can still come, only how many have answered, never
    a figure per criterion, because comparing two looks would give away the answer that came
    in between; once answering is over, the figures of each criterion that at least
    `minimum_answers` people rated, and the comments if at least that many answered."""

    survey: Survey
    invited: int
    answers: int
    over: bool  # answering is over: figures may be shown
    minimum: int
    rows: list[CriterionResult] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def enough(self) -> bool:
        return self.answers >= self.minimum

    @property
    def shown(self) -> bool:
        """Any figure per criterion is shown at all."""
        return self.over and self.enough


def results(survey: Survey, *, with_comments: bool) -> SurveyResults:
    """Counts, means and distributions per criterion, each withheld below the minimum and all
    of them until answering is over (see `SurveyResults`); comments in an order unrelated to who
    wrote them or when (by the answer's random id), only with the figures."""
    answers = Response.objects.filter(survey=survey).count()
    invited = Invitation.objects.filter(survey=survey).count()
    minimum = minimum_answers(survey)
    over = answering_over(survey)
    criteria = list(survey.criteria.order_by("order"))
    counts: dict[tuple[Any, int | None], int] = {}
    if over and answers >= minimum:
        counts = {
            (row["criterion_id"], row["value"]): row["n"]
            for row in Rating.objects.filter(criterion__survey=survey)
            .values("criterion_id", "value")
            .annotate(n=Count("id"))
        }
    rows = []
    for criterion in criteria:
        distribution = [(level, counts.get((criterion.pk, level), 0)) for level in LEVELS]
        given = sum(n for _, n in distribution)
        if given < minimum:
            rows.append(CriterionResult(criterion, False, None, None, [], None))
            continue
        total = sum(level * n for level, n in distribution)
        mean = (Decimal(total) / Decimal(given)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        cannot_say = counts.get((criterion.pk, None), 0)
        rows.append(
            CriterionResult(
                criterion=criterion,
                shown=True,
                count=given,
                cannot_say=cannot_say,
                distribution=distribution,
                mean=mean,
                largest=max([n for _, n in distribution] + [cannot_say]),
            )
        )
    comments = []
    if with_comments and over and answers >= minimum:
        comments = list(
            Response.objects.filter(survey=survey)
            .exclude(comment="")
            .order_by("id")
            .values_list("comment", flat=True)
        )
    return SurveyResults(
        survey=survey,
        invited=invited,
        answers=answers,
        over=over,
        minimum=minimum,
        rows=rows,
        comments=comments,
    )
