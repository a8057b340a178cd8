"""The discussions' fixtures: Tuusula's people, one user per role, and a helper."""

import datetime
from decimal import Decimal

import pytest

from suunta.accounts.models import Role, User
from suunta.demo import seed
from suunta.discussions import actions
from suunta.discussions.models import Discussion
from suunta.organisations.models import ExecutivePost, Organisation, Person
from tests.conftest import make_user

SECRET = "Uupumuksen merkkejä, sairausloma syksyllä"
SECRET_ACTION = "Luottamuksellinen työnohjaus 7 300 €"


def person(key: str) -> Person:
    return Person.objects.get(id=seed.uid(key))


@pytest.fixture
def tuusula(demo):
    org = demo["tuusula"]
    return {
        "org": org,
        "post": ExecutivePost.objects.get(organisation=org),
        "plan": demo["plan"],
        "chief": person("tuusula/person/chief-of-staff"),
        "mayor": person("tuusula/person/mayor"),
        "deputy": person("tuusula/person/deputy-mayor-1"),
        "chair": person("tuusula/person/council-chair"),
    }


@pytest.fixture
def users(tuusula):
    """One user per role; the partner and the executive are linked to people who take part."""
    org = tuusula["org"]
    result = {kind: make_user(f"d-{kind}", org, kind=kind) for kind in Role.Kind.values}
    tuusula["deputy"].user = result["discussion_partner"]
    tuusula["deputy"].save()
    tuusula["chief"].user = result["executive"]
    tuusula["chief"].save()
    result["superuser"] = User.objects.create_superuser("d-root", password="pw")
    result["other_org"] = make_user("d-other", Organisation.objects.get(slug="kangasala"))
    # A second partner who did not take part in the discussion.
    result["other_partner"] = make_user("d-partner2", org, kind=Role.Kind.DISCUSSION_PARTNER)
    return result


@pytest.fixture
def discussion(tuusula, users):
    """An open goal discussion held by the mayor and a deputy mayor with the chief of staff,
    created by the deputy mayor (the one who records a discussion takes part in it); the
    coordinator, who does not take part, writes the minutes of a public item."""
    d = actions.create_discussion(
        tuusula["post"],
        data={
            "kind": Discussion.Kind.GOAL,
            "held_on": datetime.date(2026, 1, 20),
            "plan": tuusula["plan"],
            "participants": [tuusula["mayor"], tuusula["deputy"]],
        },
        actor=users["discussion_partner"],
    )
    wellbeing = d.items.get(title_fi="Työhyvinvointi ja työmäärä")
    actions.update_item(
        wellbeing,
        data={"minutes_fi": SECRET},
        expected_lock=wellbeing.lock_version,
        actor=users["discussion_partner"],
    )
    cooperation = d.items.get(title_fi="Yhteistyö poliittisen johdon kanssa")
    actions.update_item(
        cooperation,
        data={"minutes_fi": "Tiedonkulku on sujuvaa."},
        expected_lock=cooperation.lock_version,
        actor=users["coordinator"],
    )
    actions.add_training_action(
        d,
        data={"description_fi": SECRET_ACTION, "confidential": True, "budget": Decimal("7300")},
        actor=users["discussion_partner"],
    )
    actions.add_training_action(
        d,
        data={
            "description_fi": "Johtamiskoulutus",
            "budget": Decimal("1500.50"),
            "due_on": datetime.date(2026, 6, 30),
            "responsible": tuusula["chief"],
        },
        actor=users["coordinator"],
    )
    return Discussion.objects.get(pk=d.pk)


def fill_all_minutes(discussion, actor):
    for item in discussion.items.all():
        if not item.has_minutes:
            actions.update_item(
                item,
                data={"minutes_fi": "Käsitelty."},
                expected_lock=item.lock_version,
                actor=actor,
            )
