"""The demo data, entered by hand word for word from the two source documents in
../shared/seeds/ (000_… Kangasala, 004_… Tuusula). People the sources do not name are
recorded by their title only. Loading is idempotent: ids are derived from stable keys and
existing records are left as they are."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.test.utils import override_settings

from suunta.goals import actions
from suunta.goals import models as m
from suunta.organisations.models import (
    Body,
    DiscussionPartnerRule,
    ExecutivePost,
    FocusArea,
    Membership,
    Organisation,
    Person,
    PostTenure,
)
from suunta.register.models import Interest

from . import actors, steps
from . import discussions as discussions_demo
from . import register as register_demo
from . import surveys as surveys_demo
from .ids import ensure, uid  # noqa: F401 (seed.uid is the demo's ids for tests and docs)

# --- Kangasala (000_2eaf102c66a576a7.txt) -------------------------------------------------

KANGASALA_DESCRIPTION = (
    "Kaupunginjohtaja johtaa kuntalain mukaisesti kaupungin hallintoa, taloutta ja "
    "kaupunkikonsernia kaupunginhallituksen alaisuudessa."
)
KANGASALA_VALUES = (
    "Kangasalan kaupungin johtamisessa korostetaan kuntastrategiassa asettuja tavoitteita, "
    "ennakointia, suunnitelmallisuutta, viestintää, vuorovaikutusta, avoimuutta sekä hyvää "
    "henkilöstöpolitiikkaa."
)
KANGASALA_FOCUS_AREAS = [
    "kaupunkiorganisaation ja kaupunkikonsernin johtaminen ja yhteistyön kehittäminen",
    "kaupunkistrategian ja siihen liittyvien ohjelmien laatimisprosessien johtaminen",
    "kesäpäivän kulttuurikaupungin itsenäisyyden, identiteetin ja imagon vaaliminen ja "
    "vahvistaminen",
    "kaupunkiorganisaatiota ja toimintaosaamista uudistava muutosjohtaminen",
    "kaupungin johtoryhmän johtaminen ja johtoryhmän kehittäminen",
    "kaupungin talouden johtaminen kaupungin talouden tasapainoisuudesta ja pitkän tähtäimen "
    "kehityksestä huolehtien",
    "johtamisjärjestelmien ja johtamisen vuosisuunnittelun kehittäminen",
    "hallinto- ja henkilöstöorganisaation kehittäminen hyvästä työilmapiiristä huolehtien",
    "työyhteisöjen vastuullisuuden ja vuorovaikutuksellisuuden kehittäminen",
    "osaamisen johtamisen kehittäminen",
    "palvelutoiminnan sekä sen tuloksellisuuden ja laadun kehittämisen johtaminen",
    "elinkeinopolitiikan johtaminen ja elinkeinoelämän edellytysten parantaminen",
    "maankäytön johtaminen",
    "luovan ja innovatiivisen työskentelykulttuurin vahvistaminen",
    "vastata kaupunginhallituksen päätösten valmistelusta ja täytäntöönpanosta sekä esittelystä "
    "hallintosäännön periaatteiden mukaisesti",
    "vastata viestinnän johtamisesta",
    "tiedolla johtamisen kehittäminen",
    "kuntayhteistyö, seudullinen yhteistyö, edunvalvonta, verkostojen luominen ja johtaminen",
    "EU-edunvalvonta, EU-rahoituksen hyödyntämisen kehittäminen ja Kangasalle tärkeiden "
    "avainasioiden ja hankkeiden edistäminen, Kangasalle lisäarvoa tuovan kansainvälisyyden "
    "kehittäminen",
    "sisäisen valvonnan järjestäminen, sisäisen tarkastuksen ja riskienhallinnan järjestäminen "
    "sekä konsernivalvonnan toteuttaminen",
    "kaupunkilaisten osallisuuden, asukaslähtöisyyden ja yhteisöllisyyden kehittäminen",
    "asukkaiden omaehtoisuuteen perustuvien hyvinvointia tukevien toimenpiteiden edistäminen",
    "päätöksenteon avoimuuden ja ennakointimenettelyn kehittäminen",
]
# (as declared, organisation, role, category)
KANGASALA_POSITIONS_OF_TRUST = [
    (
        "Kuntien Hankintapalvelu KuHa Oy:n hallituksen jäsen",
        "Kuntien Hankintapalvelu KuHa Oy",
        "hallituksen jäsen",
        Interest.Category.BUSINESS_POSITION,
    ),
    (
        "Pirkanmaan jätehuolto Oy:n hallituksen jäsen",
        "Pirkanmaan jätehuolto Oy",
        "hallituksen jäsen",
        Interest.Category.BUSINESS_POSITION,
    ),
    (
        "Tammervoima Oy:n hallituksen varapuheenjohtaja",
        "Tammervoima Oy",
        "hallituksen varapuheenjohtaja",
        Interest.Category.BUSINESS_POSITION,
    ),
    (
        "Pyöräilykuntien verkoston puheenjohtaja",
        "Pyöräilykuntien verkosto",
        "puheenjohtaja",
        Interest.Category.OTHER_TIE,
    ),
]

# --- Tuusula (004_e6284b3348c54f5c.txt) ---------------------------------------------------

TUUSULA_PLAN_TITLE = "Kansliapäällikön tavoitteet"
TUUSULA_BASIS = (
    "Kunnan strategian ja talousarvion toiminnan ja talouden tavoitteiden perusteella "
    "määritellään niiden toimeenpanoon liittyvät kansliapäällikön vuosittaiset tavoitteet. "
    "Pormestari, apulaispormestarit ja valtuuston puheenjohtaja käyvät vuosittain "
    "kansliapäällikön kanssa tavoite- ja kehityskeskustelut. Ensimmäisen 12 kk aikana "
    "tavoitteiden edistymistä seurataan 2 kertaa. Keskusteluissa arvioidaan edellisen vuoden "
    "tavoitteiden toteutumista, asetetaan tulevat tavoitteet ja käydään läpi koulutus- ja "
    "kehittymistarpeet. Keskusteluun pohjautuen kunnanhallitus hyväksyy kansliapäällikön "
    "vuositavoitteet. Tavoitteet kirjataan johtajasopimuksen liitteeksi otettavaan asiakirjaan "
    "ja ne ovat vuosittain päivitettävä osa sopimusta."
)
TUUSULA_PURPOSE = "\n".join(
    "• " + line
    for line in [
        "Perustuu johtajasopimukseen",
        "Kunnan strategiaa tukeva johtaminen sekä tekemisen painopisteiden kirkastaminen",
        "Kansliapäällikön johtamistyön tavoitteiden ja niiden arviointikriteerien asettaminen "
        "ja seuraaminen -> kansliapäällikön työssä onnistumisen edellytysten tukeminen ja "
        "työsuorituksen arviointi",
        "Kansliapäällikön työn ja tavoitteiden etenemisen säännöllinen arviointi.",
        "Poliittisen ja operatiivisen johdon yhteistyön kehittäminen",
        "Kansliapäällikön osaamisen kehittäminen ja työhyvinvoinnin varmistaminen",
    ]
)
TUUSULA_EVALUATION = "\n".join(
    "• " + line
    for line in [
        "Tavoitteet käyty läpi kansliapäällikön kanssa 26.3.2025 poljoryssä ja KH 31.3.2025",
        "Tavoitteiden toteutumista arvioidaan : elokuussa 2025 ja tammikuu/helmikuu 2026.",
        "Tarkoituksena työssä tukeminen",
        "Tavoitteiden toteutumista seurataan poliittisessa johtoryhmässä.",
        "Tavoitteiden toteutumisesta raportoidaan kunnanhallitukselle.",
    ]
)
TUUSULA_GOALS = [
    (
        "Strategian toimeenpanon johtaminen",
        [
            "Valtuustokauden ja vuositavoitteiden toteutuminen",
            "Uuden strategiakauden valmistelu",
        ],
    ),
    (
        "Henkilöstöjohtaminen",
        [
            "Johtamisen linjakkuus, valmentava johtamisote, epäkohtiin puuttuminen",
            "Laadukas esihenkilötyö ja tuki johdettaville",
        ],
    ),
    (
        "Talouden johtaminen",
        [
            "Talousarvion mukaiset tavoitteet toteutuvat",
            "Palveluiden järjestämisen edistäminen siten, että säästötavoitteet toteutuvat 2025",
        ],
    ),
    (
        "Johtoryhmätyöskentelyn kehittäminen",
        [
            "Johtoryhmätyöskentelyn kehittämisen uudelleen käynnistäminen",
            "Johtoryhmätyöskentelyn säännöllinen arviointi",
            "Työhyvinvoinnin ja hyvän ilmapiirin edistäminen",
        ],
    ),
    (
        "Yhteistyö poliittisen johdon kanssa",
        [
            "Päätöksenteon laadukas valmistelu",
            "Sujuva yhteistyö ja tiedonkulku poliittisen johtoryhmän kanssa",
            "Koulutus- ja perehdyttämisohjelman luonti luottamushenkilöille ja viranhaltijoille",
        ],
    ),
    (
        "Organisaatiorakenteen arviointi ja kehittäminen",
        [
            "Kunnan strategiasta ja palvelutuotannon järjestämisestä nousevien muutostarpeiden "
            "arviointi",
            "Tunnistettujen muutostarpeiden toimeenpano",
        ],
    ),
]
TUUSULA_CHECKPOINTS = [
    ("elokuu 2025", "augusti 2025", datetime.date(2025, 8, 1), datetime.date(2025, 8, 31)),
    (
        "tammikuu/helmikuu 2026",
        "januari/februari 2026",
        datetime.date(2026, 1, 1),
        datetime.date(2026, 2, 28),
    ),
]


def _bodies(org: Organisation, specs) -> dict[str, Body]:
    bodies = {}
    for order, (key, kind, name_fi, name_sv, abbreviation) in enumerate(specs, start=1):
        bodies[key] = ensure(
            Body,
            f"{org.slug}/body/{key}",
            organisation=org,
            kind=kind,
            name_fi=name_fi,
            name_sv=name_sv,
            abbreviation=abbreviation,
            order=order,
        )
    return bodies


def load_kangasala() -> Organisation:
    org = ensure(
        Organisation,
        "kangasala",
        slug="kangasala",
        name_fi="Kangasalan kaupunki",
        name_sv="Kangasala stad",
        kind=Organisation.Kind.CITY,
        statistics_code="211",
        primary_language="fi",
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
    post = ensure(
        ExecutivePost,
        "kangasala/post",
        organisation=org,
        title_fi="Kaupunginjohtaja",
        title_sv="Stadsdirektör",
        description_fi=KANGASALA_DESCRIPTION,
        values_fi=KANGASALA_VALUES,
    )
    manager = ensure(
        Person,
        "kangasala/person/manager",
        organisation=org,
        name="Oskari Auvinen",
        title_fi="Kaupunginjohtaja",
        title_sv="Stadsdirektör",
    )
    ensure(PostTenure, "kangasala/tenure/manager", post=post, person=manager)
    for order, text in enumerate(KANGASALA_FOCUS_AREAS, start=1):
        ensure(FocusArea, f"kangasala/focus/{order}", post=post, order=order, text_fi=text)
    board_chair = ensure(
        Person,
        "kangasala/person/board-chair",
        organisation=org,
        title_fi="Kaupunginhallituksen puheenjohtaja",
        title_sv="Stadsstyrelsens ordförande",
    )
    ensure(
        Membership,
        "kangasala/membership/board-chair",
        body=bodies["board"],
        person=board_chair,
        role=Membership.Role.CHAIR,
        order=1,
    )
    ensure(
        DiscussionPartnerRule,
        "kangasala/partners/board-chair",
        post=post,
        body=bodies["board"],
        role=Membership.Role.CHAIR,
        order=1,
    )
    register_demo.kangasala(
        org,
        manager,
        [
            {"category": category, "entity_name": entity, "role_fi": role, "description_fi": text}
            for text, entity, role, category in KANGASALA_POSITIONS_OF_TRUST
        ],
    )
    return org


def load_tuusula() -> Organisation:
    org = ensure(
        Organisation,
        "tuusula",
        slug="tuusula",
        name_fi="Tuusulan kunta",
        name_sv="Tusby kommun",
        kind=Organisation.Kind.MUNICIPALITY,
        statistics_code="858",
        primary_language="fi",
        leadership_model=Organisation.LeadershipModel.MAYOR,
    )
    bodies = _bodies(
        org,
        [
            ("council", Body.Kind.COUNCIL, "Kunnanvaltuusto", "Kommunfullmäktige", "KV"),
            ("board", Body.Kind.BOARD, "Kunnanhallitus", "Kommunstyrelsen", "KH"),
            (
                "poljory",
                Body.Kind.STEERING_GROUP,
                "Poliittinen johtoryhmä",
                "Politiska ledningsgruppen",
                "Poljory",
            ),
            ("audit", Body.Kind.AUDIT_COMMITTEE, "Tarkastuslautakunta", "Revisionsnämnden", ""),
        ],
    )
    mayor = ensure(
        Person,
        "tuusula/person/mayor",
        organisation=org,
        name="Kalle Ikkelä",
        title_fi="Pormestari",
        title_sv="Borgmästare",
    )
    deputies = [
        ensure(
            Person,
            f"tuusula/person/deputy-mayor-{n}",
            organisation=org,
            title_fi="Apulaispormestari",
            title_sv="Biträdande borgmästare",
        )
        for n in (1, 2)
    ]
    council_chair = ensure(
        Person,
        "tuusula/person/council-chair",
        organisation=org,
        title_fi="Valtuuston puheenjohtaja",
        title_sv="Fullmäktiges ordförande",
    )
    chief = ensure(
        Person,
        "tuusula/person/chief-of-staff",
        organisation=org,
        title_fi="Kansliapäällikkö",
        title_sv="Kanslichef",
    )
    ensure(
        Membership,
        "tuusula/membership/mayor",
        body=bodies["poljory"],
        person=mayor,
        role=Membership.Role.MAYOR,
        order=1,
    )
    for n, deputy in enumerate(deputies, start=1):
        ensure(
            Membership,
            f"tuusula/membership/deputy-mayor-{n}",
            body=bodies["poljory"],
            person=deputy,
            role=Membership.Role.DEPUTY_MAYOR,
            order=1 + n,
        )
    ensure(
        Membership,
        "tuusula/membership/council-chair",
        body=bodies["council"],
        person=council_chair,
        role=Membership.Role.CHAIR,
        order=1,
    )

    post = ensure(
        ExecutivePost,
        "tuusula/post",
        organisation=org,
        title_fi="Kansliapäällikkö",
        title_sv="Kanslichef",
    )
    ensure(PostTenure, "tuusula/tenure/chief", post=post, person=chief)
    for order, (body, role) in enumerate(
        [
            ("poljory", Membership.Role.MAYOR),
            ("poljory", Membership.Role.DEPUTY_MAYOR),
            ("council", Membership.Role.CHAIR),
        ],
        start=1,
    ):
        ensure(
            DiscussionPartnerRule,
            f"tuusula/partners/{body}-{role}",
            post=post,
            body=bodies[body],
            role=role,
            order=order,
        )

    contract = ensure(
        m.DirectorContract,
        "tuusula/contract",
        organisation=org,
        post=post,
        executive=chief,
        title_fi="Kansliapäällikön johtajasopimus",
        title_sv="Kanslichefens direktörsavtal",
    )
    ensure(
        m.ContractSection,
        "tuusula/contract/annual-goals",
        contract=contract,
        order=1,
        heading_fi="Johtajasopimus",
        heading_sv="Direktörsavtal",
        body_fi=TUUSULA_BASIS,
    )

    # The coordinator prepares the plan the seed describes, proposes it, and records the
    # bodies' handling from the minutes: the steering group's review on 26.3.2025 and the
    # board's approval on 31.3.2025, which puts the plan in force.
    coordinator = actors.actor("koordinaattori", org)
    plan = steps.plan(
        "tuusula/plan/2025",
        post,
        actor=coordinator,
        period_kind=m.GoalPlan.PeriodKind.YEAR,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        title_fi=TUUSULA_PLAN_TITLE,
        basis_fi=TUUSULA_BASIS,
        purpose_fi=TUUSULA_PURPOSE,
        evaluation_fi=TUUSULA_EVALUATION,
        prepared_by=mayor,
    )
    if plan.is_draft:
        for order, (label_fi, label_sv, opens, closes) in enumerate(TUUSULA_CHECKPOINTS, 1):
            steps.added(
                m.Checkpoint,
                f"tuusula/plan/2025/checkpoint/{order}",
                actions.add_checkpoint,
                plan,
                actor=coordinator,
                label_fi=label_fi,
                label_sv=label_sv,
                opens_on=opens,
                closes_on=closes,
            )
        for g, (title, indicators) in enumerate(TUUSULA_GOALS, start=1):
            key = f"tuusula/plan/2025/goal/{g}"
            goal = steps.added(
                m.Goal, key, actions.add_goal, plan, actor=coordinator, title_fi=title
            )
            for i, text in enumerate(indicators, start=1):
                steps.added(
                    m.Indicator,
                    f"{key}/indicator/{i}",
                    actions.add_indicator,
                    goal,
                    actor=coordinator,
                    text_fi=text,
                )
        from .cycle import tuusula_scale_before_sealing

        tuusula_scale_before_sealing(org, plan, actor=coordinator)
    plan = steps.proposed(plan, actor=coordinator)
    steps.decided(
        "tuusula/plan/2025/decision/poljory",
        plan,
        actor=coordinator,
        body=bodies["poljory"],
        meeting_date=datetime.date(2025, 3, 26),
        kind=m.Decision.Kind.REVIEW,
        summary_fi="Tavoitteet käyty läpi kansliapäällikön kanssa.",
    )
    # The seed names the mayor as the one who presents; the executive is a party to the matter.
    steps.decided(
        "tuusula/plan/2025/decision/kh",
        plan,
        actor=coordinator,
        body=bodies["board"],
        meeting_date=datetime.date(2025, 3, 31),
        kind=m.Decision.Kind.APPROVE,
        presenter=mayor,
        summary_fi="Kunnanhallitus hyväksyi kansliapäällikön vuositavoitteet.",
        disqualified=[chief],
    )
    return org


DEMO_PASSWORD = "demo"

# (username, first name, role kind or None, what it shows; person keys it stands for)
DEMO_ACCOUNTS = [
    ("demo", "Demo", "admin", "organisation admin: sees and prepares everything", ()),
    (
        "koordinaattori",
        "Koordinaattori",
        "coordinator",
        "coordinator (hallintojohtaja): prepares the papers and records the decisions",
        (),
    ),
    (
        "kumppani",
        "Keskustelukumppani",
        "discussion_partner",
        "discussion partner (deputy mayor, board chair): drafts goals, returns proposals",
        (
            "tuusula/person/deputy-mayor-1",
            "kangasala/person/board-chair",
            "esimerkkila/person/board-chair",
        ),
    ),
    (
        "pormestari",
        "Pormestari",
        "discussion_partner",
        "the mayor of Tuusula: holds the goal discussions, records the joint assessments and "
        "signs off the discussion records",
        ("tuusula/person/mayor",),
    ),
    (
        "johtaja",
        "Johtaja",
        "executive",
        "executive (kansliapäällikkö, kaupunginjohtaja): reads everything about themself",
        (
            "tuusula/person/chief-of-staff",
            "kangasala/person/manager",
            "esimerkkila/person/manager",
        ),
    ),
    (
        "hallitus",
        "Hallituksen jäsen",
        "board_member",
        "board member: reads from the proposal on; declares interests in Esimerkkilä",
        ("esimerkkila/person/board-member",),
    ),
    (
        "tarkastus",
        "Tarkastuslautakunta",
        "audit_committee",
        "audit committee member: reads from the proposal on; reviews declarations of interests",
        ("esimerkkila/person/audit-chair",),
    ),
    ("tuki", "Tuki", None, "support staff: the Django admin at /admin/", ()),
]
DEMO_USERNAMES = tuple(row[0] for row in DEMO_ACCOUNTS)


def load_accounts(organisations: list[Organisation]) -> list[tuple[str, str, str, str]]:
    """Demo accounts (demo mode only), one per role, each with that role in every demo
    organisation, and an API token each (derived from the name, so the same on every run);
    `tuki` is support staff with the Django admin."""
    from suunta.api.models import ApiToken, demo_token, digest

    rows = []
    for username, _first_name, _kind, what, _person_keys in DEMO_ACCOUNTS:
        user, _ = actors.ensure_account(username, organisations)
        if not user.has_usable_password():  # made by a load without accounts: usable now
            user.is_active = True
        user.set_password(DEMO_PASSWORD)
        # Marked, so that the account and its tokens stop working when demo mode is off.
        user.is_demo = True
        user.save()
        token = demo_token(username)
        if not ApiToken.objects.filter(digest=digest(token)).exists():
            ApiToken.issue(user, "demo", token=token)
        rows.append((username, DEMO_PASSWORD, token, what))
    return rows


def load(*, accounts: bool, worked_examples: bool = True) -> list[tuple[str, str, str, str]]:
    """The organisations of the sources; with `worked_examples`, also the follow-up and the
    evaluation of Tuusula 2025 and the fictional Esimerkkilä (suunta/demo/cycle.py). Most
    tests start from the sources alone: an approved Tuusula plan with nothing followed up.

    The demo's people are fictional: what the actions e-mail them (the survey's links) goes
    nowhere, on any installation."""
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        return _load(accounts=accounts, worked_examples=worked_examples)


@transaction.atomic
def _load(*, accounts: bool, worked_examples: bool) -> list[tuple[str, str, str, str]]:
    from .cycle import load_esimerkkila, tuusula_follow_up

    actors.forget_new()
    if accounts:  # made in their order, before some of them act in the organisations
        for username in DEMO_USERNAMES:
            actors.ensure_account(username, [])
    organisations = [load_kangasala(), load_tuusula()]
    surveys_demo.load_demo_survey()
    if worked_examples:
        organisations.append(load_esimerkkila())
        tuusula_follow_up(organisations[1])
    discussions_demo.load()
    if not accounts:
        actors.retire_new()
        return []
    return load_accounts(organisations)
