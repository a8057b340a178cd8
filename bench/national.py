"""A national-scale data set for the benchmark and the soak (issue 8).

309 municipalities, joint authorities and wellbeing services counties (451 organisations in
all), each with ten years of goal plans (the last nine closed or evaluated, the current one in
follow-up, all frozen with their content hash as the workflow makes them) and next year's
draft; 6–10 goals with 2–5 indicators, 2–3 checkpoints with joint assessments, self-assessments
and ratings, the board's decisions, a register of interests for every board member and the
executive, and user accounts with roles. `scale=0.1` builds a tenth of the organisations with
the same plans each, so that the cost of growth can be compared.

Written with bulk_create for speed (the actions would take hours); the frozen versions are
sealed with the project's own content hash (queries.content_hash of queries.plan_content), and
their states are moved along the workflow's allowed moves, so the database triggers accept it
and pages render as they do for real data.
"""

from __future__ import annotations

import datetime
import random
import time
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

FULL_ORGANISATIONS = (309, 120, 22)  # municipalities, joint authorities, wellbeing counties
YEARS = 10
FIRST_YEAR = 2017
PASSWORD = "bench-password-0123"
ROLES = ("coordinator", "executive", "board_member")

GOAL_TITLES = [
    ("Kunnan talous on tasapainossa", "Kommunens ekonomi är i balans"),
    ("Elinvoima ja työpaikat kasvavat", "Livskraften och arbetsplatserna ökar"),
    ("Asukasluku kasvaa", "Invånarantalet ökar"),
    ("Henkilöstön hyvinvointi paranee", "Personalens välbefinnande förbättras"),
    ("Kuntastrategia toteutuu", "Kommunstrategin förverkligas"),
    ("Digitaaliset palvelut laajenevat", "De digitala tjänsterna utvidgas"),
    ("Ilmastotavoitteet etenevät", "Klimatmålen framskrider"),
    ("Yhteistyö hyvinvointialueen kanssa toimii", "Samarbetet med välfärdsområdet fungerar"),
    ("Elinkeinopolitiikka uudistetaan", "Näringspolitiken förnyas"),
    ("Johtamisjärjestelmä selkeytyy", "Ledningssystemet förtydligas"),
]
AREAS = [("Talous", "Ekonomi"), ("Elinvoima", "Livskraft"), ("Johtaminen", "Ledning")]
INDICATORS = [
    ("Toimintakate euroa asukasta kohden", "€/as.", "decrease"),
    ("Lainakanta euroa asukasta kohden", "€/as.", "decrease"),
    ("Väestönkasvu vuodessa", "as.", "increase"),
    ("Työllisyysaste", "%", "increase"),
    ("Henkilöstökyselyn tulos", "1–5", "increase"),
    ("Raportti valtuustolle aikataulussa", "", ""),
]
LEVELS = ["heikko", "välttävä", "tyydyttävä", "hyvä", "erinomainen"]
FOLLOW_UP_TEXTS = [
    "Tavoite on edennyt suunnitellusti, ja mittarit ovat tavoitetasolla.",
    "Työ on käynnissä; osa toimenpiteistä siirtyy seuraavalle kaudelle.",
    "Tavoite on saavutettu. Raportti on käsitelty kunnanhallituksessa.",
]


@dataclass
class Built:
    organisations: int = 0
    plans: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    # One organisation whose pages the benchmark reads, and its accounts and plans.
    sample_slug: str = ""
    sample_plan: str = ""  # the current (in follow-up) plan
    sample_draft: str = ""  # next year's draft
    users: dict[str, str] = field(default_factory=dict)  # role → username
    secrets: dict[str, str] = field(default_factory=dict)  # username → TOTP secret
    tokens: dict[str, str] = field(default_factory=dict)  # role → API token
    # Every organisation's coordinator, draft, current plan, its goals and a checkpoint not yet
    # followed up: what the soak's simulated users work on.
    workplaces: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "organisations": self.organisations,
            "plans": self.plans,
            "rows": self.rows,
            "seconds": round(self.seconds, 1),
        }


def organisation_counts(scale: float) -> tuple[int, int, int]:
    return tuple(max(1, round(n * scale)) for n in FULL_ORGANISATIONS)  # type: ignore[return-value]


def totp_secret(username: str) -> str:
    """A fixed base32 secret per bench account, so the load scripts can compute codes."""
    import base64
    import hashlib

    return base64.b32encode(hashlib.sha256(username.encode()).digest()[:20]).decode()


def build(scale: float = 1.0, *, seed: int = 8) -> Built:
    """Fill an empty, migrated database. Returns what was built and the sample's accounts."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from suunta.accounts.models import Role, TotpDevice, User
    from suunta.api.models import ApiToken
    from suunta.goals import models as m
    from suunta.goals import queries
    from suunta.organisations.models import (
        Body,
        ExecutivePost,
        FocusArea,
        Membership,
        Organisation,
        Person,
        PostTenure,
    )
    from suunta.register.models import Interest, InterestDeclaration

    started = time.perf_counter()
    rnd = random.Random(seed)
    built = Built()
    municipalities, joint, counties = organisation_counts(scale)
    kinds = (
        [(Organisation.Kind.MUNICIPALITY, Organisation.LeadershipModel.MANAGER)] * municipalities
        + [(Organisation.Kind.JOINT_AUTHORITY, Organisation.LeadershipModel.DIRECTOR)] * joint
        + [(Organisation.Kind.WELLBEING_COUNTY, Organisation.LeadershipModel.DIRECTOR)] * counties
    )
    password_hash = make_password(PASSWORD)
    now = timezone.now()
    rows: dict[str, list[Any]] = {}

    def add(name: str, obj: Any) -> Any:
        rows.setdefault(name, []).append(obj)
        return obj

    seal: list[Any] = []  # frozen plans, in the order their states move
    content: dict[Any, tuple[Any, list[tuple[Any, list[Any]]]]] = {}
    plan_checkpoints: dict[Any, list[Any]] = {}
    final_state: dict[Any, str] = {}
    for n, (kind, model) in enumerate(kinds, start=1):
        swedish = n % 17 == 0
        name = f"Penkkilä {n:03d}" if kind == Organisation.Kind.MUNICIPALITY else f"Yhtymä {n:03d}"
        org = add(
            "organisation",
            Organisation(
                slug=f"penkki-{n:03d}",
                name_fi=name,
                name_sv=f"Bänkby {n:03d}",
                kind=kind,
                statistics_code=f"{n:03d}" if kind == Organisation.Kind.MUNICIPALITY else "",
                primary_language="sv" if swedish else "fi",
                secondary_language="fi" if swedish else ("sv" if n % 5 == 0 else ""),
                leadership_model=model,
            ),
        )
        board = add(
            "body",
            Body(
                organisation=org,
                kind=Body.Kind.BOARD,
                name_fi="Kunnanhallitus",
                name_sv="Kommunstyrelsen",
                abbreviation="KH",
                order=2,
            ),
        )
        add(
            "body",
            Body(
                organisation=org,
                kind=Body.Kind.COUNCIL,
                name_fi="Kunnanvaltuusto",
                name_sv="Kommunfullmäktige",
                abbreviation="KV",
                order=1,
            ),
        )
        add(
            "body",
            Body(
                organisation=org,
                kind=Body.Kind.AUDIT_COMMITTEE,
                name_fi="Tarkastuslautakunta",
                name_sv="Revisionsnämnden",
                order=3,
            ),
        )
        executive = add(
            "person",
            Person(
                organisation=org,
                name=f"Johtaja {n:03d}",
                title_fi="kunnanjohtaja",
                title_sv="kommundirektör",
            ),
        )
        coordinator = add(
            "person",
            Person(organisation=org, name=f"Hallintojohtaja {n:03d}", title_fi="hallintojohtaja"),
        )
        members = [
            add(
                "person",
                Person(organisation=org, name=f"Jäsen {n:03d}-{k}", title_fi="jäsen"),
            )
            for k in range(9)
        ]
        for k, person in enumerate(members):
            role = (
                Membership.Role.CHAIR
                if k == 0
                else Membership.Role.FIRST_VICE_CHAIR
                if k == 1
                else Membership.Role.MEMBER
            )
            add(
                "membership",
                Membership(
                    body=board,
                    person=person,
                    role=role,
                    order=k,
                    starts_on=datetime.date(2025, 6, 1),
                ),
            )
        post = add(
            "post",
            ExecutivePost(
                organisation=org,
                title_fi="kunnanjohtaja",
                title_sv="kommundirektör",
                description_fi="Kunnanjohtaja johtaa kunnan hallintoa, taloutta ja toimintaa.",
            ),
        )
        add(
            "tenure",
            PostTenure(post=post, person=executive, starts_on=datetime.date(2016, 1, 1)),
        )
        focus = [
            add(
                "focus",
                FocusArea(post=post, order=k, text_fi=f"Painopistealue {k + 1}"),
            )
            for k in range(3)
        ]
        contract = add(
            "contract",
            m.DirectorContract(
                organisation=org,
                post=post,
                executive=executive,
                title_fi="Johtajasopimus",
                starts_on=datetime.date(2016, 1, 1),
            ),
        )
        scale_obj = add(
            "scale",
            m.RatingScale(
                organisation=org, name_fi="Arviointiasteikko 1–5", kind=m.RatingScale.Kind.ORDINAL
            ),
        )
        levels: list[Any] = []
        scale_obj._prefetched_objects_cache = {"levels": levels}
        for value in range(1, 6):
            levels.append(
                add(
                    "level",
                    m.ScaleLevel(
                        scale=scale_obj,
                        order=value,
                        value=Decimal(value).quantize(Decimal("0.01")),
                        label_fi=f"{value} – {LEVELS[value - 1]}",
                        achievement=Decimal((value - 1) * 25).quantize(Decimal("0.01")),
                    ),
                )
            )
        # The register of interests: every board member and the executive.
        for person in [executive, *members]:
            count = rnd.randint(0, 3)
            declaration = add(
                "declaration",
                InterestDeclaration(
                    organisation=org,
                    person=person,
                    declared_on=datetime.date(2025, 8, 1),
                    no_interests=count == 0,
                ),
            )
            for k in range(count):
                add(
                    "interest",
                    Interest(
                        declaration=declaration,
                        order=k,
                        category=Interest.Category.BUSINESS_POSITION,
                        entity_name=f"Yhtiö {n:03d}-{k} Oy",
                        role_fi="hallituksen jäsen",
                        description_fi=f"Hallituksen jäsen, Yhtiö {n:03d}-{k} Oy",
                        since=datetime.date(2021, 1, 1),
                    ),
                )
        previous = None
        for year in range(FIRST_YEAR, FIRST_YEAR + YEARS + 1):
            draft = year == FIRST_YEAR + YEARS
            plan = add(
                "plan",
                m.GoalPlan(
                    organisation=org,
                    post=post,
                    contract=contract,
                    executive=executive,
                    previous=previous,
                    period_start=datetime.date(year, 1, 1),
                    period_end=datetime.date(year, 12, 31),
                    title_fi=f"Kunnanjohtajan tavoitteet {year}",
                    title_sv=f"Kommundirektörens mål {year}" if swedish else "",
                    basis_fi="Tavoitteet perustuvat kuntastrategiaan ja talousarvioon.",
                    purpose_fi="Tavoitekeskustelun tarkoitus on sopia vuoden tavoitteista.",
                    evaluation_fi="Tavoitteiden toteutumista arvioidaan seurantapisteissä.",
                    prepared_by=members[0],
                    scale=scale_obj,
                    proposed_to=board,
                ),
            )
            previous = plan
            goal_rows: list[tuple[Any, list[Any]]] = []
            content[plan] = (scale_obj, goal_rows)
            checkpoints = [
                add(
                    "checkpoint",
                    m.Checkpoint(
                        plan=plan,
                        order=k,
                        label_fi=label,
                        label_sv=label_sv,
                        opens_on=datetime.date(year + (month < 6), month, 1),
                        closes_on=datetime.date(year + (month < 6), month, 28),
                    ),
                )
                for k, (label, label_sv, month) in enumerate(
                    [
                        (f"Seuranta elokuu {year}", f"Uppföljning augusti {year}", 8),
                        (f"Seuranta tammikuu {year + 1}", f"Uppföljning januari {year + 1}", 1),
                        (f"Seuranta kesäkuu {year}", f"Uppföljning juni {year}", 6),
                    ][: rnd.randint(2, 3)]
                )
            ]
            plan_checkpoints[plan] = checkpoints
            current = year == FIRST_YEAR + YEARS - 1
            followed = [] if draft else checkpoints[:1] if current else checkpoints
            for g in range(rnd.randint(6, 10)):
                title, title_sv = GOAL_TITLES[(g + year) % len(GOAL_TITLES)]
                area, area_sv = AREAS[g % len(AREAS)]
                goal = add(
                    "goal",
                    m.Goal(
                        plan=plan,
                        order=g,
                        area_fi=area,
                        area_sv=area_sv if swedish else "",
                        title_fi=title,
                        title_sv=title_sv if swedish else "",
                        description_fi="Tavoitteen kuvaus ja toimenpiteet vuodelle.",
                        criteria_fi="Tavoite on saavutettu, kun mittarin tavoitetaso täyttyy.",
                    ),
                )
                add("goal_focus", (goal, focus[g % len(focus)]))
                goal._prefetched_objects_cache = {"focus_areas": [focus[g % len(focus)]]}
                indicators: list[Any] = []
                goal_rows.append((goal, indicators))
                for i in range(rnd.randint(2, 5)):
                    text, unit, direction = INDICATORS[(g + i) % len(INDICATORS)]
                    numeric = bool(unit)
                    indicators.append(
                        add(
                            "indicator",
                            m.Indicator(
                                goal=goal,
                                order=i,
                                text_fi=text,
                                unit=unit,
                                baseline=Decimal(f"{100 + i}.0000") if numeric else None,
                                target=Decimal(f"{110 + i}.0000") if numeric else None,
                                direction=direction,
                            ),
                        )
                    )
                for k, checkpoint in enumerate(followed):
                    add(
                        "follow_up",
                        m.FollowUpEntry(
                            goal=goal,
                            checkpoint=checkpoint,
                            kind=m.FollowUpEntry.Kind.JOINT,
                            author=members[0],
                            text_fi=FOLLOW_UP_TEXTS[(g + k) % len(FOLLOW_UP_TEXTS)],
                            rating=Decimal(f"{rnd.randint(2, 5)}.00"),
                        ),
                    )
                    if k == 0:
                        add(
                            "follow_up",
                            m.FollowUpEntry(
                                goal=goal,
                                checkpoint=checkpoint,
                                kind=m.FollowUpEntry.Kind.SELF,
                                author=executive,
                                text_fi="Itsearvio: työ etenee.",
                                rating=Decimal(f"{rnd.randint(3, 5)}.00"),
                            ),
                        )
            if draft:
                continue
            add(
                "decision",
                m.Decision(
                    organisation=org,
                    body=board,
                    meeting_date=datetime.date(year, 3, 20),
                    section=str(40 + year % 50),
                    kind=m.Decision.Kind.APPROVE,
                    plan=plan,
                    presenter=members[0],
                ),
            )
            for k, checkpoint in enumerate(followed):
                add(
                    "decision",
                    m.Decision(
                        organisation=org,
                        body=board,
                        meeting_date=checkpoint.closes_on + datetime.timedelta(days=10),
                        section=str(100 + k),
                        kind=m.Decision.Kind.REVIEW,
                        plan=plan,
                        checkpoint=checkpoint,
                        presenter=members[0],
                    ),
                )
            seal.append(plan)
            final_state[plan.id] = (
                "in_follow_up"
                if current
                else "evaluated"
                if year == FIRST_YEAR + YEARS - 2
                else "closed"
            )
        for role in ROLES:
            username = f"{role.replace('_', '-')}-{n:03d}"
            user = add(
                "user",
                User(
                    username=username,
                    password=password_hash,
                    first_name=role,
                    email=f"{username}@bench.suunta.invalid",
                ),
            )
            add("role", Role(user=user, organisation=org, kind=role))
            add(
                "totp",
                TotpDevice(user=user, secret=totp_secret(username), confirmed_at=now, last_step=0),
            )
        accounts = {u.first_name: u for u in rows["user"][-len(ROLES) :]}
        executive.user = accounts["executive"]
        coordinator.user = accounts["coordinator"]
        current_plan = seal[-1]
        built.workplaces.append(
            {
                "username": accounts["coordinator"].username,
                "secret": totp_secret(accounts["coordinator"].username),
                "slug": org.slug,
                "draft": plan,
                "plan": current_plan,
                "checkpoint": plan_checkpoints[current_plan][1],
                "goals": [goal for goal, _ in content[current_plan][1]],
            }
        )
        if n == 1:
            built.sample_slug = org.slug
            built.sample_plan = str(seal[-1].id)
            built.sample_draft = str(plan.id)
            for user in rows["user"][-3:]:
                built.users[user.first_name] = user.username
                built.secrets[user.username] = totp_secret(user.username)

    order = [
        ("organisation", Organisation),
        ("user", User),
        ("body", Body),
        ("person", Person),
        ("membership", Membership),
        ("post", ExecutivePost),
        ("tenure", PostTenure),
        ("focus", FocusArea),
        ("contract", m.DirectorContract),
        ("scale", m.RatingScale),
        ("level", m.ScaleLevel),
        ("declaration", InterestDeclaration),
        ("interest", Interest),
        ("plan", m.GoalPlan),
        ("checkpoint", m.Checkpoint),
        ("goal", m.Goal),
        ("indicator", m.Indicator),
        ("follow_up", m.FollowUpEntry),
        ("decision", m.Decision),
        ("role", Role),
        ("totp", TotpDevice),
    ]
    with transaction.atomic():
        for name, model in order:
            # Plans refer to their predecessor: insert them year by year.
            model.objects.bulk_create(rows.get(name, []), batch_size=2000)
        through = m.Goal.focus_areas.through
        through.objects.bulk_create(
            [through(goal_id=g.id, focusarea_id=f.id) for g, f in rows["goal_focus"]],
            batch_size=2000,
        )
    sample_users = User.objects.filter(username__in=list(built.users.values()))
    for user in sample_users:
        _, token = ApiToken.issue(user, "bench")
        built.tokens[user.first_name] = token
    hashes = {}
    for plan in seal:
        scale_obj, goal_rows = content[plan]
        summary = queries.PlanSummary(
            plan=plan,
            checkpoints=plan_checkpoints[plan],
            rows=[
                queries.GoalRow(goal=goal, number=number, indicators=indicators)
                for number, (goal, indicators) in enumerate(goal_rows, start=1)
            ],
            decisions=[],
            scale=scale_obj,
        )
        hashes[plan.pk] = queries.content_hash(queries.plan_content(summary))
    for place in built.workplaces:
        for key in ("draft", "plan", "checkpoint"):
            place[key] = str(place[key].pk)
        place["goals"] = [str(goal.pk) for goal in place["goals"]]
    _check_hashes(hashes, rnd.sample(list(hashes), min(20, len(hashes))))
    _seal(hashes, final_state)
    # Table statistics, as autovacuum gathers them on a live database minutes after a bulk
    # load: without them PostgreSQL plans the freshness queries as scans of whole tables.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    built.organisations = len(rows["organisation"])
    built.plans = len(rows["plan"])
    built.rows = {name: len(objs) for name, objs in rows.items()}
    built.seconds = time.perf_counter() - started
    return built


def _check_hashes(hashes: dict[Any, str], sample: list[Any]) -> None:
    """The hashes computed from the objects in memory are those the app computes from the
    database (checked on a sample: the app's way takes ~40 ms a plan)."""
    from suunta.goals import queries
    from suunta.goals.models import GoalPlan

    for plan in GoalPlan.objects.filter(pk__in=sample):
        expected = queries.content_hash(queries.plan_content(queries.plan_summary(plan)))
        if hashes[plan.pk] != expected:
            raise AssertionError(f"content hash of {plan.pk} differs from the app's")


def _seal(hashes: dict[Any, str], final_state: dict[Any, str]) -> None:
    """Freeze every version as the workflow does: its content hash, then its state moves."""
    from django.db import transaction
    from django.db.models import Case, CharField, Value, When

    from suunta.goals.models import GoalPlan

    with transaction.atomic():
        ids = list(hashes)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            GoalPlan.objects.filter(pk__in=chunk).update(
                status="approved",
                content_hash=Case(
                    *[When(pk=pk, then=Value(hashes[pk])) for pk in chunk],
                    output_field=CharField(),
                ),
            )
        moves = [
            ("in_follow_up", {"in_follow_up", "evaluated", "closed"}),
            ("evaluated", {"evaluated", "closed"}),
            ("closed", {"closed"}),
        ]
        for state, wanted in moves:
            chosen = [pk for pk, final in final_state.items() if final in wanted]
            for start in range(0, len(chosen), 500):
                GoalPlan.objects.filter(pk__in=chosen[start : start + 500]).update(status=state)
