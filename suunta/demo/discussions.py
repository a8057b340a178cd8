"""Demo discussion records for Tuusula: the goal discussion of January 2025 for the 2025 plan
and the evaluation discussion of February 2026, with minutes, a confidential wellbeing item and
two training actions. Idempotent: ids come from stable keys and existing records are kept."""

from __future__ import annotations

import datetime

from suunta.discussions.actions import DEFAULT_ITEMS, ensure_default_template
from suunta.discussions.models import ActionNote, Discussion, DiscussionItem, TrainingAction
from suunta.goals import models as m
from suunta.organisations.models import ExecutivePost, Organisation, Person

from .ids import uid

# The purpose of the goal discussion, word for word from the Tuusula seed (004_…).
TUUSULA_PURPOSE = (
    "• Perustuu johtajasopimukseen\n"
    "• Kunnan strategiaa tukeva johtaminen sekä tekemisen painopisteiden kirkastaminen\n"
    "• Kansliapäällikön johtamistyön tavoitteiden ja niiden arviointikriteerien asettaminen ja "
    "seuraaminen -> kansliapäällikön työssä onnistumisen edellytysten tukeminen ja "
    "työsuorituksen arviointi\n"
    "• Kansliapäällikön työn ja tavoitteiden etenemisen säännöllinen arviointi.\n"
    "• Poliittisen ja operatiivisen johdon yhteistyön kehittäminen\n"
    "• Kansliapäällikön osaamisen kehittäminen ja työhyvinvoinnin varmistaminen"
)

GOAL_MINUTES = [
    "Käytiin läpi keskustelun tarkoitus johtajasopimuksen mukaisesti.",
    "Edellisen vuoden tavoitteet käytiin läpi; ensimmäisen 12 kuukauden seuranta tehdään kahdesti.",
    "Sovittiin vuoden 2025 tavoitteista: strategian toimeenpanon johtaminen, "
    "henkilöstöjohtaminen, talouden johtaminen, johtoryhmätyöskentelyn kehittäminen, yhteistyö "
    "poliittisen johdon kanssa sekä organisaatiorakenteen arviointi ja kehittäminen. Tavoitteet "
    "viedään poliittiseen johtoryhmään 26.3.2025 ja kunnanhallitukseen 31.3.2025.",
    "Sovittiin säännöllisestä tiedonkulusta poliittisen johtoryhmän kanssa.",
    "Työmäärä on alkuvaiheessa suuri; sovittiin viikoittaisesta tilannekatsauksesta "
    "pormestarin kanssa.",
    "Koulutus- ja perehdyttämisohjelma luottamushenkilöille ja viranhaltijoille valmistellaan.",
    "Johtoryhmätyöskentelyn kehittäminen käynnistetään uudelleen.",
    "Palkkaus tarkistetaan seuraavassa arviointikeskustelussa.",
]
EVALUATION_MINUTES = [
    "Arviointikeskustelu johtajasopimuksen mukaisesti, seuranta tammikuu/helmikuu 2026.",
    "Vuoden 2025 tavoitteet ovat edenneet: uuden strategiakauden valmistelu on käynnissä ja "
    "talousarvion tavoitteet toteutuivat pääosin.",
    "Vuoden 2026 tavoitteiden valmistelu aloitetaan strategian ja talousarvion pohjalta.",
    "Yhteistyö poliittisen johtoryhmän kanssa on sujuvaa; päätösten valmistelun laatu on "
    "parantunut.",
    "Kansliapäällikkö kertoi työkuorman kasvaneen syksyllä säästöohjelman vuoksi. Sovittiin "
    "tehtävien uudelleenjärjestelystä ja lomien pitämisestä suunnitellusti.",
    "Johtamiskoulutus on suoritettu; seuraavaksi valmentavan johtamisen työnohjaus.",
    "Johtoryhmätyöskentelyä arvioidaan säännöllisesti; organisaatiorakenteen muutostarpeet "
    "on tunnistettu.",
    "Palkkauksen tarkistus valmistellaan kunnanhallitukselle erikseen.",
]


def _discussion(key, *, org, post, plan, kind, held_on, people, minutes, signed_off_at=None):
    discussion, created = Discussion.objects.get_or_create(
        id=uid(key),
        defaults={
            "organisation": org,
            "post": post,
            "plan": plan,
            "kind": kind,
            "held_on": held_on,
            "executive": people[0],
        },
    )
    if not created:
        return discussion, False
    discussion.participants.set(people)

    template = ensure_default_template(org)
    for item, text in zip(template.items.order_by("order"), minutes, strict=False):
        DiscussionItem.objects.create(
            id=uid(f"{key}/item/{item.order}"),
            discussion=discussion,
            order=item.order,
            title_fi=item.title_fi,
            title_sv=item.title_sv,
            guidance_fi=item.guidance_fi,
            guidance_sv=item.guidance_sv,
            minutes_fi=text,
            confidential=item.confidential,
        )
    return discussion, True


def _sign_off(discussion: Discussion, by: Person, day: datetime.date) -> None:
    """The demo records were signed off by the mayor after the discussion."""
    from django.utils import timezone

    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(16, 0)))
    Discussion.objects.filter(pk=discussion.pk, status=Discussion.Status.OPEN).update(
        status=Discussion.Status.SIGNED_OFF, signed_off_by=by, signed_off_at=moment
    )


def load() -> None:
    org = Organisation.objects.filter(slug="tuusula").first()
    if org is None:
        return
    title_fi, title_sv, _purpose, guidance_sv, confidential = DEFAULT_ITEMS[0]
    items = [(title_fi, title_sv, TUUSULA_PURPOSE, guidance_sv, confidential), *DEFAULT_ITEMS[1:]]
    ensure_default_template(org, items=items)
    post = ExecutivePost.objects.get(id=uid("tuusula/post"))
    plan = m.GoalPlan.objects.filter(id=uid("tuusula/plan/2025")).first()
    people = [
        Person.objects.get(id=uid(key))
        for key in (
            "tuusula/person/chief-of-staff",
            "tuusula/person/mayor",
            "tuusula/person/deputy-mayor-1",
            "tuusula/person/deputy-mayor-2",
            "tuusula/person/council-chair",
        )
    ]
    chief, mayor = people[0], people[1]
    goal, _created = _discussion(
        "tuusula/discussion/2025-01",
        org=org,
        post=post,
        plan=plan,
        kind=Discussion.Kind.GOAL,
        held_on=datetime.date(2025, 1, 22),
        people=people,
        minutes=GOAL_MINUTES,
    )
    evaluation, created = _discussion(
        "tuusula/discussion/2026-02",
        org=org,
        post=post,
        plan=plan,
        kind=Discussion.Kind.EVALUATION,
        held_on=datetime.date(2026, 2, 11),
        people=people,
        minutes=EVALUATION_MINUTES,
    )
    if created:
        TrainingAction.objects.create(
            id=uid("tuusula/discussion/2026-02/action/1"),
            discussion=evaluation,
            order=1,
            description_fi="Valmentavan johtamisen työnohjaus (6 kertaa)",
            description_sv="Arbetshandledning i coachande ledarskap (6 gånger)",
            responsible=chief,
            due_on=datetime.date(2026, 12, 31),
            budget=4800,
            status=TrainingAction.Status.AGREED,
        )
        done = TrainingAction.objects.create(
            id=uid("tuusula/discussion/2026-02/action/2"),
            discussion=evaluation,
            order=2,
            description_fi="Kuntajohtajien johtamiskoulutuksen päätösjakso",
            description_sv="Avslutande del av ledarskapsutbildningen för kommundirektörer",
            responsible=mayor,
            due_on=datetime.date(2026, 4, 30),
            status=TrainingAction.Status.DONE,
        )
        ActionNote.objects.create(
            id=uid("tuusula/discussion/2026-02/action/2/note/1"),
            action=done,
            written_on=datetime.date(2026, 4, 28),
            text_fi="Päätösjakso suoritettu; todistus toimitettu henkilöstöhallintoon.",
        )
    _sign_off(goal, mayor, datetime.date(2025, 1, 24))
    _sign_off(evaluation, mayor, datetime.date(2026, 2, 13))
