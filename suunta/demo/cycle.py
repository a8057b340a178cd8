"""The demo's worked examples of the follow-up, evaluation and reward cycle.

- Tuusula 2025: the follow-up of August 2025 for all six goals (self-assessment and joint
  assessment) and the evaluation of January/February 2026, rated on a traffic light, with the
  board's evaluation decision. These texts are examples written for the demo; the seed
  document has the goals and the checkpoints but not their follow-up.
- Esimerkkilä (a fictional city, clearly named so): a 2026 plan with weighted goals, numeric
  indicators with measured values, a threshold scale and a bonus rule, in follow-up now, so
  that the score, the reward computation, the charts and the due follow-ups can be seen.

Loading is idempotent like the rest of the seed: stable ids, and state moves only from the
state the seed left.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from suunta.goals import actions
from suunta.goals import models as m
from suunta.organisations.models import (
    Body,
    DiscussionPartnerRule,
    ExecutivePost,
    Membership,
    Organisation,
    Person,
    PostTenure,
)

from . import actors, steps
from . import register as register_demo
from .ids import ensure, uid
from .seed import _bodies

D = Decimal


def _scale(org: Organisation, key: str, name_fi: str, name_sv: str, kind: str, levels):
    scale = ensure(
        m.RatingScale,
        f"{org.slug}/scale/{key}",
        organisation=org,
        name_fi=name_fi,
        name_sv=name_sv,
        kind=kind,
    )
    for order, (value, label_fi, label_sv, achievement, colour) in enumerate(levels, start=1):
        ensure(
            m.ScaleLevel,
            f"{org.slug}/scale/{key}/{order}",
            scale=scale,
            order=order,
            value=value,
            label_fi=label_fi,
            label_sv=label_sv,
            achievement=achievement,
            colour=colour,
        )
    return scale


TUUSULA_SCALE = [
    (1, "Ei edennyt", "Inte framskridit", 0, "red"),
    (2, "Edennyt osittain", "Delvis framskridit", 50, "yellow"),
    (3, "Toteutunut", "Uppnått", 100, "green"),
]

# Per goal: (August 2025 self-assessment, joint, rating; Jan/Feb 2026 joint, rating).
TUUSULA_FOLLOW_UPS = [
    (
        "Vuositavoitteiden toteutumista on seurattu johtoryhmässä kuukausittain.",
        "Vuositavoitteet etenevät suunnitellusti; strategiakauden valmistelun aikataulu on "
        "sovittu valtuustoseminaariin.",
        2,
        "Valtuustokauden tavoitteista raportoitiin tilinpäätöksen yhteydessä; uuden strategian "
        "valmistelu käynnistyi suunnitellusti.",
        3,
    ),
    (
        "Esihenkilöiden valmennusohjelma käynnistyi keväällä.",
        "Valmentavaa johtamisotetta on vahvistettu esihenkilövalmennuksella; epäkohtiin "
        "puuttumisen toimintamalli on vielä kesken.",
        2,
        "Toimintamalli epäkohtiin puuttumiseen otettiin käyttöön; esihenkilökyselyn tulos "
        "parani mutta jäi tavoitteesta.",
        2,
    ),
    (
        "Talousarvio toteutuu, säästötoimenpiteistä osa on viivästynyt.",
        "Talous on talousarvion mukainen; palveluverkon säästötoimenpiteiden aikataulu on "
        "myöhässä.",
        2,
        "Tilinpäätös toteutui talousarvion mukaisesti ja säästötavoite saavutettiin.",
        3,
    ),
    (
        "Johtoryhmän työskentely on uudistettu ja arviointi tehty kesäkuussa.",
        "Johtoryhmätyöskentely käynnistettiin uudelleen ja sen arviointi tehtiin; ilmapiiri "
        "on parantunut.",
        3,
        "Johtoryhmän toinen arviointi tehtiin joulukuussa; kehittämistyö jatkuu.",
        3,
    ),
    (
        "Valmistelun laatu on parantunut, perehdytysohjelma on luonnosvaiheessa.",
        "Yhteistyö poliittisen johtoryhmän kanssa on sujuvaa; perehdytysohjelma "
        "luottamushenkilöille valmistuu syksyllä.",
        3,
        "Perehdytysohjelma toteutettiin luottamushenkilöille ja viranhaltijoille.",
        3,
    ),
    (
        "Muutostarpeiden arviointi on käynnissä palvelualueilla.",
        "Muutostarpeiden arviointi on tehty; toimeenpano alkaa vuoden 2026 alusta.",
        2,
        "Organisaatiomuutoksen valmistelu eteni; toimeenpano siirtyi vuodelle 2026.",
        2,
    ),
]


def tuusula_scale_before_sealing(org: Organisation, plan: m.GoalPlan, *, actor) -> None:
    """The scale is part of the plan: chosen while the seed's plan is still a draft."""
    scale = _scale(
        org,
        "traffic-light",
        "Tavoitteen toteutuminen",
        "Måluppfyllelse",
        m.RatingScale.Kind.TRAFFIC_LIGHT,
        TUUSULA_SCALE,
    )
    if plan.is_draft and plan.scale_id is None:
        actions.update_plan(
            plan, data={"scale": scale}, expected_lock=plan.lock_version, actor=actor
        )


def tuusula_follow_up(org: Organisation) -> None:
    """The follow-up of August 2025 and the evaluation of January/February 2026: the executive
    writes their self-assessments and the mayor the joint ones; the steering group's review of
    the follow-up and the board's evaluation are recorded from the minutes by the coordinator,
    who also starts the follow-up."""
    plan = m.GoalPlan.objects.get(id=uid("tuusula/plan/2025"))
    bodies = {b.kind: b for b in org.bodies.all()}
    chief = Person.objects.get(id=uid("tuusula/person/chief-of-staff"))
    coordinator = actors.actor("koordinaattori", org)
    executive = actors.actor("johtaja", org)
    mayor = Person.objects.get(id=uid("tuusula/person/mayor"))
    mayor_account = actors.actor("pormestari", org)
    august, winter = plan.checkpoints.order_by("order")
    rated = plan.scale_id is not None
    for g, (own, joint, rating, final, final_rating) in enumerate(TUUSULA_FOLLOW_UPS, start=1):
        goal = m.Goal.objects.get(id=uid(f"tuusula/plan/2025/goal/{g}"))
        base = f"tuusula/plan/2025/goal/{g}/follow-up"
        steps.followed_up(
            f"{base}/1/self",
            goal,
            august,
            actor=executive,
            kind=m.FollowUpEntry.Kind.SELF,
            text_fi=own,
        )
        # The joint assessments are recorded by the mayor, who holds the discussions.
        steps.followed_up(
            f"{base}/1/joint",
            goal,
            august,
            actor=mayor_account,
            kind=m.FollowUpEntry.Kind.JOINT,
            text_fi=joint,
            rating=rating if rated else None,
        )
        steps.followed_up(
            f"{base}/2/joint",
            goal,
            winter,
            actor=mayor_account,
            kind=m.FollowUpEntry.Kind.JOINT,
            text_fi=final,
            rating=final_rating if rated else None,
        )
    steps.decided(
        "tuusula/plan/2025/decision/poljory-follow-up",
        plan,
        actor=coordinator,
        body=bodies["steering_group"],
        meeting_date=datetime.date(2025, 9, 3),
        kind=m.Decision.Kind.REVIEW,
        checkpoint=august,
        summary_fi="Elokuun 2025 seuranta käsiteltiin poliittisessa johtoryhmässä.",
    )
    plan = steps.in_follow_up(plan, actor=coordinator)
    steps.decided(
        "tuusula/plan/2025/decision/kh-evaluation",
        plan,
        actor=coordinator,
        body=bodies["board"],
        meeting_date=datetime.date(2026, 2, 23),
        section="38",
        kind=m.Decision.Kind.EVALUATE,
        presenter=mayor,
        summary_fi="Kunnanhallitus merkitsi tiedoksi kansliapäällikön vuoden 2025 tavoitteiden "
        "toteutumisen arvioinnin.",
        disqualified=[chief],
    )


# --- Esimerkkilä: weights, numeric indicators and a bonus rule -------------------------------

THRESHOLDS = [
    (0, "Alle minimitason", "Under miniminivån", 0, "red"),
    (1, "Minimitaso", "Miniminivå", 25, "yellow"),
    (2, "50 %", "50 %", 50, "yellow"),
    (3, "100 %", "100 %", 100, "green"),
]

# (title fi, title sv, weight, [(text fi, unit, baseline, target, direction, share, values)])
ESIMERKKILA_GOALS = [
    (
        "Talouden tasapaino",
        "Ekonomisk balans",
        D(40),
        [
            (
                "Tilikauden tulos",
                "milj. €",
                D("-3.2"),
                D("0.5"),
                "increase",
                D(70),
                [("2026-03-31", "-2.6"), ("2026-06-30", "-1.1"), ("2026-09-30", "-0.2")],
            ),
            (
                "Lainakanta asukasta kohden",
                "€/as.",
                D(4100),
                D(3900),
                "decrease",
                D(30),
                [("2026-06-30", "4060"), ("2026-09-30", "3990")],
            ),
        ],
    ),
    (
        "Henkilöstön hyvinvointi",
        "Personalens välmående",
        D(25),
        [
            (
                "Sairauspoissaolot",
                "pv/htv",
                D("14.2"),
                D("12.5"),
                "decrease",
                None,
                [("2026-03-31", "14.0"), ("2026-06-30", "13.4"), ("2026-09-30", "13.1")],
            ),
            (
                "Henkilöstökyselyn johtamisen arvosana",
                "1–5",
                D("3.4"),
                D("3.8"),
                "increase",
                None,
                [("2026-05-15", "3.6")],
            ),
        ],
    ),
    (
        "Elinvoima ja työpaikat",
        "Livskraft och arbetsplatser",
        D(20),
        [
            (
                "Uudet työpaikat yritysalueilla",
                "kpl",
                D(0),
                D(150),
                "increase",
                None,
                [("2026-06-30", "64"), ("2026-09-30", "102")],
            ),
            ("Elinkeinostrategian päivitys hyväksytty", "", None, None, "", None, []),
        ],
    ),
    (
        "Palvelujen saatavuus",
        "Tillgång till service",
        D(15),
        [
            (
                "Hoitotakuun toteutuminen",
                "%",
                D(82),
                D(95),
                "increase",
                None,
                [("2026-03-31", "84"), ("2026-06-30", "88"), ("2026-09-30", "91")],
            ),
        ],
    ),
]

ESIMERKKILA_JUNE = [
    ("Tulos parani ennakoitua nopeammin; lainakanta kääntyi laskuun.", 3),
    ("Sairauspoissaolot vähenivät; työhyvinvointikysely tehtiin toukokuussa.", 2),
    ("Yritysalueelle sijoittui kaksi uutta yritystä; strategian päivitys on kesken.", 2),
    ("Hoitotakuu toteutuu aiempaa paremmin; tavoitteesta puuttuu vielä.", 2),
]


def load_esimerkkila() -> Organisation:
    org = ensure(
        Organisation,
        "esimerkkila",
        slug="esimerkkila",
        name_fi="Esimerkkilän kaupunki (kuvitteellinen)",
        name_sv="Exempelby stad (fiktiv)",
        kind=Organisation.Kind.CITY,
        statistics_code="",
        primary_language="fi",
        secondary_language="sv",
        leadership_model=Organisation.LeadershipModel.MANAGER,
    )
    bodies = _bodies(
        org,
        [
            ("council", Body.Kind.COUNCIL, "Kaupunginvaltuusto", "Stadsfullmäktige", "KV"),
            ("board", Body.Kind.BOARD, "Kaupunginhallitus", "Stadsstyrelsen", "KH"),
            ("audit", Body.Kind.AUDIT_COMMITTEE, "Tarkastuslautakunta", "Revisionsnämnden", ""),
        ],
    )
    manager = ensure(
        Person,
        "esimerkkila/person/manager",
        organisation=org,
        name="Aino Esimerkki",
        title_fi="Kaupunginjohtaja",
        title_sv="Stadsdirektör",
    )
    chair = ensure(
        Person,
        "esimerkkila/person/board-chair",
        organisation=org,
        title_fi="Kaupunginhallituksen puheenjohtaja",
        title_sv="Stadsstyrelsens ordförande",
    )
    council_chair = ensure(
        Person,
        "esimerkkila/person/council-chair",
        organisation=org,
        title_fi="Valtuuston puheenjohtaja",
        title_sv="Fullmäktiges ordförande",
    )
    ensure(
        Membership,
        "esimerkkila/membership/board-chair",
        body=bodies["board"],
        person=chair,
        role=Membership.Role.CHAIR,
        order=1,
    )
    ensure(
        Membership,
        "esimerkkila/membership/council-chair",
        body=bodies["council"],
        person=council_chair,
        role=Membership.Role.CHAIR,
        order=1,
    )
    post = ensure(
        ExecutivePost,
        "esimerkkila/post",
        organisation=org,
        title_fi="Kaupunginjohtaja",
        title_sv="Stadsdirektör",
        description_fi="Kuvitteellinen esimerkki: kaupunginjohtajan tavoitteet "
        "painotuksin, numeerisin mittarein ja tulospalkkiosäännöin.",
    )
    ensure(PostTenure, "esimerkkila/tenure/manager", post=post, person=manager)
    register_demo.esimerkkila(
        ensure,
        uid,
        org,
        bodies,
        {"manager": manager, "board-chair": chair, "council-chair": council_chair},
    )
    for order, (body, role) in enumerate([("board", "chair"), ("council", "chair")], start=1):
        ensure(
            DiscussionPartnerRule,
            f"esimerkkila/partners/{body}-{role}",
            post=post,
            body=bodies[body],
            role=role,
            order=order,
        )
    scale = _scale(
        org, "thresholds", "Kynnysarvot", "Tröskelvärden", m.RatingScale.Kind.THRESHOLDS, THRESHOLDS
    )
    # The coordinator prepares the plan with its weights and bonus rule and proposes it; the
    # board approves it on 16.2.2026 (recorded from the minutes by the coordinator), the
    # coordinator starts the follow-up and reports the measured values, and the board chair,
    # the discussion partner, writes the joint assessment of June 2026.
    coordinator = actors.actor("koordinaattori", org)
    partner = actors.actor("kumppani", org)
    plan = steps.plan(
        "esimerkkila/plan/2026",
        post,
        actor=coordinator,
        period_kind=m.GoalPlan.PeriodKind.YEAR,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        title_fi="Kaupunginjohtajan tavoitteet",
        title_sv="Stadsdirektörens mål",
        scale=scale,
        purpose_fi="Tavoitteet painotetaan; tulospalkkio määräytyy painotetusta "
        "toteutumasta maksutaulukon mukaan, enintään yhden kuukauden palkka.",
    )
    checkpoints = [
        # As in the seed ("Seuranta elokuu 2025"): the label is the period, the page says
        # "Seuranta" before it.
        ("kesäkuu 2026", "juni 2026", "2026-06-01", "2026-06-30"),
        ("marraskuu 2026", "november 2026", "2026-11-02", "2026-12-04"),
        ("tammi–helmikuu 2027", "januari–februari 2027", "2027-01-11", "2027-02-12"),
    ]
    if plan.is_draft:
        for n, (fi, sv, start, end) in enumerate(checkpoints, start=1):
            steps.added(
                m.Checkpoint,
                f"esimerkkila/plan/2026/checkpoint/{n}",
                actions.add_checkpoint,
                plan,
                actor=coordinator,
                label_fi=fi,
                label_sv=sv,
                opens_on=datetime.date.fromisoformat(start),
                closes_on=datetime.date.fromisoformat(end),
            )
        for g, (title_fi, title_sv, weight, indicators) in enumerate(ESIMERKKILA_GOALS, start=1):
            goal = steps.added(
                m.Goal,
                f"esimerkkila/plan/2026/goal/{g}",
                actions.add_goal,
                plan,
                actor=coordinator,
                title_fi=title_fi,
                title_sv=title_sv,
                weight=weight,
            )
            for i, (text, unit, baseline, target, direction, share, _values) in enumerate(
                indicators, start=1
            ):
                steps.added(
                    m.Indicator,
                    f"esimerkkila/plan/2026/goal/{g}/indicator/{i}",
                    actions.add_indicator,
                    goal,
                    actor=coordinator,
                    text_fi=text,
                    unit=unit,
                    baseline=baseline,
                    target=target,
                    direction=direction,
                    weight=share,
                )
        if not m.RewardRule.objects.filter(plan=plan).exists():
            actions.save_reward_rule(
                plan,
                data={
                    "id": uid("esimerkkila/plan/2026/reward"),
                    "kind": "weighted",
                    "monthly_salary": D("9800"),
                    "cap_months": D("1"),
                    "payout_table": [
                        {"from": "50", "amount": "2000"},
                        {"from": "75", "amount": "5000"},
                        {"from": "90", "amount": "8000"},
                    ],
                },
                expected_lock=None,
                actor=coordinator,
            )
    plan = steps.proposed(plan, actor=coordinator)
    steps.decided(
        "esimerkkila/plan/2026/decision/kh",
        plan,
        actor=coordinator,
        body=bodies["board"],
        meeting_date=datetime.date(2026, 2, 16),
        section="45",
        kind=m.Decision.Kind.APPROVE,
        presenter=chair,
        disqualified=[manager],
        summary_fi="Kaupunginhallitus hyväksyi kaupunginjohtajan vuoden 2026 tavoitteet, "
        "painotukset ja tulospalkkiosäännön.",
    )
    plan = steps.in_follow_up(plan, actor=coordinator)
    cps = list(plan.checkpoints.order_by("order"))
    for g, ((_title_fi, _title_sv, _weight, indicators), (text, rating)) in enumerate(
        zip(ESIMERKKILA_GOALS, ESIMERKKILA_JUNE, strict=True), 1
    ):
        goal = m.Goal.objects.get(id=uid(f"esimerkkila/plan/2026/goal/{g}"))
        steps.followed_up(
            f"esimerkkila/plan/2026/goal/{g}/follow-up/1/joint",
            goal,
            cps[0],
            actor=partner,
            kind=m.FollowUpEntry.Kind.JOINT,
            text_fi=text,
            rating=rating,
        )
        for i, indicator_row in enumerate(indicators, start=1):
            indicator = m.Indicator.objects.get(
                id=uid(f"esimerkkila/plan/2026/goal/{g}/indicator/{i}")
            )
            for day, value in indicator_row[-1]:
                steps.measured(
                    f"esimerkkila/value/{indicator.pk}/{day}",
                    indicator,
                    actor=coordinator,
                    measured_on=datetime.date.fromisoformat(day),
                    value=D(value),
                )
    return org
