"""Demo discussion records for Tuusula: the goal discussion of January 2025 for the 2025 plan
and the evaluation discussion of February 2026, with minutes, a confidential wellbeing item and
two training actions, made by the mayor through the actions users take. Idempotent: ids come
from stable keys and existing records are kept."""

from __future__ import annotations

import datetime

from suunta.core import clock
from suunta.discussions.actions import (
    DEFAULT_ITEMS,
    acknowledge_discussion,
    add_training_action,
    create_discussion,
    ensure_default_template,
    follow_up_training_action,
    sign_off_discussion,
    update_item,
)
from suunta.discussions.models import Discussion, TrainingAction
from suunta.goals import models as m
from suunta.organisations.models import ExecutivePost, Organisation, Person

from . import actors
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


def _discussion(key, *, post, plan, kind, held_on, people, minutes, actor) -> Discussion | None:
    """The record as the mayor makes it: created on the default agenda, each item's minutes
    written; None if it is there already."""
    if Discussion.objects.filter(id=uid(key)).exists():
        return None
    discussion = create_discussion(
        post,
        data={
            "id": uid(key),
            "kind": kind,
            "held_on": held_on,
            "plan": plan,
            "participants": people,
        },
        actor=actor,
    )
    for item, text in zip(discussion.items.order_by("order"), minutes, strict=False):
        update_item(item, data={"minutes_fi": text}, expected_lock=item.lock_version, actor=actor)
    return discussion


def _sign_off(discussion: Discussion, day: datetime.date, *, actor) -> None:
    """The mayor signed the demo records off two days after the discussion."""
    discussion.refresh_from_db()
    with clock.as_of(day, hour=16):
        sign_off_discussion(discussion, expected_lock=discussion.lock_version, actor=actor)


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
    account = actors.actor("pormestari", org)
    goal = _discussion(
        "tuusula/discussion/2025-01",
        post=post,
        plan=plan,
        kind=Discussion.Kind.GOAL,
        held_on=datetime.date(2025, 1, 22),
        people=people,
        minutes=GOAL_MINUTES,
        actor=account,
    )
    if goal is not None:
        _sign_off(goal, datetime.date(2025, 1, 24), actor=account)
        # The chief of staff acknowledged the record as read; the evaluation's record waits.
        goal.refresh_from_db()
        with clock.as_of(datetime.date(2025, 1, 27), hour=9):
            acknowledge_discussion(
                goal, expected_lock=goal.lock_version, actor=actors.actor("johtaja", org)
            )
    evaluation = _discussion(
        "tuusula/discussion/2026-02",
        post=post,
        plan=plan,
        kind=Discussion.Kind.EVALUATION,
        held_on=datetime.date(2026, 2, 11),
        people=people,
        minutes=EVALUATION_MINUTES,
        actor=account,
    )
    if evaluation is None:
        return
    add_training_action(
        evaluation,
        data={
            "id": uid("tuusula/discussion/2026-02/action/1"),
            "description_fi": "Valmentavan johtamisen työnohjaus (6 kertaa)",
            "description_sv": "Arbetshandledning i coachande ledarskap (6 gånger)",
            "responsible": chief,
            "due_on": datetime.date(2026, 12, 31),
            "budget": 4800,
            "status": TrainingAction.Status.AGREED,
        },
        actor=account,
    )
    training = add_training_action(
        evaluation,
        data={
            "id": uid("tuusula/discussion/2026-02/action/2"),
            "description_fi": "Kuntajohtajien johtamiskoulutuksen päätösjakso",
            "description_sv": "Avslutande del av ledarskapsutbildningen för kommundirektörer",
            "responsible": mayor,
            "due_on": datetime.date(2026, 4, 30),
            "status": TrainingAction.Status.AGREED,
        },
        actor=account,
    )
    _sign_off(evaluation, datetime.date(2026, 2, 13), actor=account)
    training.refresh_from_db()
    follow_up_training_action(
        training,
        status=TrainingAction.Status.DONE,
        note={
            "written_on": datetime.date(2026, 4, 28),
            "text_fi": "Päätösjakso suoritettu; todistus toimitettu henkilöstöhallintoon.",
        },
        expected_lock=training.lock_version,
        actor=account,
    )
