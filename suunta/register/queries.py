"""The register of interests as read: who must declare and since when, the overview for the
coordinator and the audit committee, ended terms, the yearly report and the public register.

Who must declare follows from the people's seats (`Membership`) and tenures of the executive
post (`PostTenure`) in force on the day, matched against the organisation's `DeclarationRule`
rows, or `DEFAULT_RULES` (84 §) when it has none. A declaration is due two months after the
start of the role (the earliest start among the person's current roles that require one)."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from suunta.organisations.models import Body, Membership, Organisation, Person, PostTenure
from suunta.register.models import (
    DeclarationReview,
    DeclarationRule,
    Interest,
    InterestDeclaration,
    RegisterSettings,
)

R = Membership.Role
B = Body.Kind
EXECUTIVE = DeclarationRule.Target.EXECUTIVE
SEAT = DeclarationRule.Target.SEAT
CHAIRS = (R.CHAIR, R.FIRST_VICE_CHAIR, R.SECOND_VICE_CHAIR, R.VICE_CHAIR)
SEATS = (*CHAIRS, R.MEMBER, R.DEPUTY_MEMBER)
COMMITTEES = (B.COMMITTEE, B.AUDIT_COMMITTEE, B.LAND_USE_COMMITTEE)

# (target, body kind or "" for any body, role or "" for every seat but the secretary's)
DEFAULT_RULES: list[tuple[str, str, str]] = [
    (EXECUTIVE, "", ""),
    (SEAT, "", R.MAYOR),
    (SEAT, "", R.DEPUTY_MAYOR),
    *[(SEAT, B.BOARD, role) for role in SEATS],
    *[(SEAT, B.COUNCIL, role) for role in CHAIRS],
    *[(SEAT, kind, role) for kind in COMMITTEES for role in CHAIRS],
    (SEAT, "", R.PRESENTER),
    (SEAT, B.LAND_USE_COMMITTEE, ""),
]
# Further rules an organisation may add (e.g. its steering group or every committee member).
OPTIONAL_RULES: list[tuple[str, str, str]] = [
    (SEAT, B.STEERING_GROUP, ""),
    (SEAT, B.COMMITTEE, ""),
    (SEAT, B.OTHER, ""),
]
DUE_MONTHS = 2
EARLIEST_DATE = datetime.date(2017, 6, 1)  # 84 § in force from 1.6.2017


def rule_key(rule: tuple[str, str, str]) -> str:
    return ":".join(rule)


def rule_label(rule: tuple[str, str, str]) -> str:
    target, kind, role = rule
    if target == EXECUTIVE:
        return _("The executive")
    body = str(B(kind).label) if kind else _("any body")
    who = str(R(role).label) if role else _("every member and deputy member")
    return f"{body.capitalize()}: {who}"


def rule_choices() -> list[tuple[str, str]]:
    return [(rule_key(r), rule_label(r)) for r in DEFAULT_RULES + OPTIONAL_RULES]


def rules_of(organisation: Organisation) -> list[tuple[str, str, str]]:
    stored = [
        (r.target, r.body_kind, r.role)
        for r in DeclarationRule.objects.filter(organisation=organisation)
    ]
    if stored:
        return stored
    return [r for r in DEFAULT_RULES if r[1] != B.LAND_USE_COMMITTEE or _has_land_use(organisation)]


def _has_land_use(organisation: Organisation) -> bool:
    return Body.objects.filter(organisation=organisation, kind=B.LAND_USE_COMMITTEE).exists()


def retention_months(organisation: Organisation) -> int:
    settings = RegisterSettings.objects.filter(organisation=organisation).first()
    return settings.retention_months if settings else 12


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _matches(rules: list[tuple[str, str, str]], kind: str, role: str) -> bool:
    for target, rule_kind, rule_role in rules:
        if target != SEAT:
            continue
        if rule_kind and rule_kind != kind:
            continue
        if rule_role and rule_role != role:
            continue
        if not rule_role and role == R.SECRETARY:
            continue
        return True
    return False


@dataclass
class Position:
    """A seat or a tenure of the executive post, for the register's pages."""

    id: Any
    label: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    requires_declaration: bool
    is_tenure: bool

    def active(self, day: datetime.date) -> bool:
        return (self.starts_on is None or self.starts_on <= day) and (
            self.ends_on is None or self.ends_on >= day
        )


@dataclass
class Obligation:
    person: Person
    since: datetime.date | None
    positions: list[Position]

    @property
    def due(self) -> datetime.date | None:
        return add_months(self.since, DUE_MONTHS) if self.since else None


def positions_of(organisation: Organisation, person_ids: list[Any] | None = None):
    """{person id: [Position]} for every seat and tenure in the organisation."""
    rules = rules_of(organisation)
    executive = any(r[0] == EXECUTIVE for r in rules)
    seats = Membership.objects.filter(body__organisation=organisation).select_related("body")
    tenures = PostTenure.objects.filter(post__organisation=organisation).select_related("post")
    if person_ids is not None:
        seats = seats.filter(person_id__in=person_ids)
        tenures = tenures.filter(person_id__in=person_ids)
    result: dict[Any, list[Position]] = {}
    for seat in seats:
        result.setdefault(seat.person_id, []).append(
            Position(
                id=seat.pk,
                label=f"{seat.body.text('name')}: {seat.get_role_display()}",
                starts_on=seat.starts_on,
                ends_on=seat.ends_on,
                requires_declaration=_matches(rules, seat.body.kind, seat.role),
                is_tenure=False,
            )
        )
    for tenure in tenures:
        result.setdefault(tenure.person_id, []).append(
            Position(
                id=tenure.pk,
                label=tenure.post.text("title"),
                starts_on=tenure.starts_on,
                ends_on=tenure.ends_on,
                requires_declaration=executive,
                is_tenure=True,
            )
        )
    for positions in result.values():
        positions.sort(key=lambda p: (p.starts_on or datetime.date.min, p.label))
    return result


def obligations(
    organisation: Organisation,
    day: datetime.date | None = None,
    person_ids: list[Any] | None = None,
) -> dict[Any, Obligation]:
    """{person id: Obligation} of everyone who must declare on `day`."""
    day = day or timezone.localdate()
    people = Person.objects.filter(organisation=organisation)
    if person_ids is not None:
        people = people.filter(pk__in=person_ids)
    by_id = {p.pk: p for p in people}
    result = {}
    for person_id, positions in positions_of(organisation, list(by_id)).items():
        current = [p for p in positions if p.requires_declaration and p.active(day)]
        if not current or person_id not in by_id:
            continue
        starts = [p.starts_on for p in current]
        since = None if any(s is None for s in starts) else min(s for s in starts if s)
        result[person_id] = Obligation(person=by_id[person_id], since=since, positions=positions)
    return result


def obligation_of(person: Person, day: datetime.date | None = None) -> Obligation | None:
    return obligations(person.organisation, day, [person.pk]).get(person.pk)


# --- The overview ----------------------------------------------------------------------------

MISSING, LATE = "missing", "late"
AWAITING = InterestDeclaration.Status.SUBMITTED
CORRECTION = InterestDeclaration.Status.CORRECTION_REQUESTED
REVIEWED = InterestDeclaration.Status.REVIEWED
STATE_ORDER = [LATE, MISSING, CORRECTION, AWAITING, REVIEWED]


def state_label(state: str) -> str:
    return {
        MISSING: _("missing"),
        LATE: _("late"),
        AWAITING: _("awaiting review"),
        CORRECTION: _("correction requested"),
        REVIEWED: pgettext("declaration of interests", "reviewed"),
    }[state]


@dataclass
class OverviewRow:
    obligation: Obligation
    declaration: InterestDeclaration | None
    state: str

    @property
    def state_label(self) -> str:
        return state_label(self.state)

    @property
    def person(self) -> Person:
        return self.obligation.person


def state_of(obligation: Obligation, declaration: InterestDeclaration | None, day) -> str:
    if declaration is None or declaration.declared_on is None or declaration.declared_on > day:
        due = obligation.due
        return LATE if due is not None and due < day else MISSING
    return str(declaration.status)


def overview(organisation: Organisation, day: datetime.date | None = None) -> list[OverviewRow]:
    day = day or timezone.localdate()
    due = obligations(organisation, day)
    declarations = {
        d.person_id: d
        for d in InterestDeclaration.objects.filter(organisation=organisation, person_id__in=due)
    }
    rows = [
        OverviewRow(o, declarations.get(pid), state_of(o, declarations.get(pid), day))
        for pid, o in due.items()
    ]
    rows.sort(key=lambda r: (STATE_ORDER.index(r.state), r.person.display_name()))
    return rows


def counts(rows: list[OverviewRow]) -> list[tuple[str, str, int]]:
    return [(s, state_label(s), sum(1 for r in rows if r.state == s)) for s in STATE_ORDER]


@dataclass
class EndedRow:
    declaration: InterestDeclaration
    ended_on: datetime.date | None
    deleted_on: datetime.date | None


def ended_terms(organisation: Organisation, day: datetime.date | None = None) -> list[EndedRow]:
    """Declarations of people who no longer must declare: hidden from the public, kept for the
    retention time from the day they left the register."""
    day = day or timezone.localdate()
    due = obligations(organisation, day)
    months = retention_months(organisation)
    declarations = (
        InterestDeclaration.objects.filter(organisation=organisation)
        .exclude(person_id__in=list(due))
        .select_related("person")
    )
    positions = positions_of(organisation, [d.person_id for d in declarations])
    rows = []
    for declaration in declarations:
        ended = declaration.left_register_on or last_end(positions.get(declaration.person_id, []))
        rows.append(EndedRow(declaration, ended, add_months(ended, months) if ended else None))
    rows.sort(key=lambda r: (r.ended_on or day, r.declaration.person.display_name()))
    return rows


def last_end(positions: list[Position]) -> datetime.date | None:
    ends = [p.ends_on for p in positions if p.requires_declaration and p.ends_on]
    return max(ends) if ends else None


# --- One declaration ------------------------------------------------------------------------


def interests_by_group(declaration: InterestDeclaration | None) -> list[tuple[str, list[Interest]]]:
    if declaration is None:
        return []
    groups: dict[str, list[Interest]] = {}
    for interest in declaration.interests.all():
        groups.setdefault(interest.group, []).append(interest)
    return [
        (str(label), groups[value]) for value, label in Interest.Group.choices if value in groups
    ]


def history(declaration: InterestDeclaration) -> list[dict[str, Any]]:
    """Every saved version, newest first, with the reviews of each (reviews' messages are for
    the declarant and the register's keepers only)."""
    reviews: dict[int, list[DeclarationReview]] = {}
    for review in declaration.reviews.select_related("reviewer").order_by("created_at"):
        reviews.setdefault(review.version_no, []).append(review)
    return [
        {"version": version, "reviews": reviews.get(version.version_no, [])}
        for version in declaration.versions.select_related("saved_by").order_by("-version_no")
    ]


def category_label(value: str) -> str:
    try:
        return str(Interest.Category(value).label)
    except ValueError:
        return value


# --- The public register ----------------------------------------------------------------------


@dataclass
class PublicEntry:
    person: Person
    declaration: InterestDeclaration
    positions: list[Position]
    groups: list[tuple[str, list[Interest]]] = field(default_factory=list)


def public_declarations(organisation: Organisation, due: dict[Any, Obligation]) -> Any:
    """The declarations the law publishes, of the people in `due` (those who must declare
    today, from `obligations`): submitted, and their person not gone from the register. The
    one rule for every door that shows a person's interests publicly or beside their post: the
    public register, the post page, the public organisation page and the API."""
    return InterestDeclaration.objects.filter(
        organisation=organisation,
        person_id__in=list(due),
        declared_on__isnull=False,
        left_register_on__isnull=True,
    )


def public_interests(
    organisation: Organisation, person_ids: list[Any], day: datetime.date | None = None
) -> dict[Any, list[Interest]]:
    """{person id: their interests in the public register}, for the given people (e.g. the
    holders of the executive posts); see `public_declarations` for the rule."""
    if not person_ids:
        return {}
    due = obligations(organisation, day or timezone.localdate(), list(person_ids))
    interests: dict[Any, list[Interest]] = {}
    for interest in (
        Interest.objects.filter(declaration__in=public_declarations(organisation, due))
        .select_related("declaration")
        .order_by("order")
    ):
        interests.setdefault(interest.declaration.person_id, []).append(interest)
    return interests


def public_register(
    organisation: Organisation, day: datetime.date | None = None, person_id: Any = None
) -> list[PublicEntry]:
    """The declarations the law publishes: those submitted by people who must declare today.
    A person whose terms have ended is not shown; review messages are never public."""
    day = day or timezone.localdate()
    due = obligations(organisation, day, [person_id] if person_id is not None else None)
    declarations = (
        public_declarations(organisation, due)
        .select_related("person")
        .prefetch_related(Prefetch("interests", queryset=Interest.objects.order_by("order")))
    )
    entries = []
    for declaration in declarations:
        obligation = due[declaration.person_id]
        current = [p for p in obligation.positions if p.requires_declaration and p.active(day)]
        entries.append(
            PublicEntry(
                person=declaration.person,
                declaration=declaration,
                positions=current,
                groups=interests_by_group(declaration),
            )
        )
    entries.sort(key=lambda e: e.person.display_name())
    return entries


# --- The audit committee's yearly report --------------------------------------------------------


@dataclass
class YearReport:
    organisation: Organisation
    year: int
    made_on: datetime.date
    rows: list[OverviewRow]
    counts: list[tuple[str, str, int]]
    reviews: list[DeclarationReview]
    corrections: int
    reviewed: int
    ended: list[EndedRow]


def year_report(organisation: Organisation, year: int, day: datetime.date | None = None):
    day = day or timezone.localdate()
    as_of = min(day, datetime.date(year, 12, 31))
    rows = overview(organisation, as_of)
    reviews = list(
        DeclarationReview.objects.filter(
            declaration__organisation=organisation, reviewed_on__year=year
        )
        .select_related("declaration__person")
        .order_by("reviewed_on", "created_at")
    )
    return YearReport(
        organisation=organisation,
        year=year,
        made_on=day,
        rows=rows,
        counts=counts(rows),
        reviews=reviews,
        corrections=sum(1 for r in reviews if r.outcome == CORRECTION),
        reviewed=sum(1 for r in reviews if r.outcome == REVIEWED),
        ended=[
            e for e in ended_terms(organisation, as_of) if e.ended_on and e.ended_on.year == year
        ],
    )


# --- For a signed-in person ---------------------------------------------------------------------


@dataclass
class MyDeclaration:
    person: Person
    obligation: Obligation | None
    declaration: InterestDeclaration | None
    state: str | None

    @property
    def state_label(self) -> str:
        return state_label(self.state) if self.state else ""


def mine(user: Any, day: datetime.date | None = None) -> list[MyDeclaration]:
    day = day or timezone.localdate()
    if not getattr(user, "is_authenticated", False):
        return []
    result = []
    people = Person.objects.filter(user=user).select_related("organisation")
    for person in people.order_by("organisation__name_fi"):
        obligation = obligation_of(person, day)
        declaration = InterestDeclaration.objects.filter(
            organisation=person.organisation, person=person
        ).first()
        if obligation is None and declaration is None:
            continue
        state = state_of(obligation, declaration, day) if obligation else None
        result.append(MyDeclaration(person, obligation, declaration, state))
    return result
