"""The demo data against the two source documents (tests/data/seeds/, copies of
../shared/seeds/), read independently."""

import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from suunta.goals import models as m
from suunta.organisations.models import (
    Body,
    ExecutivePost,
    FocusArea,
    Membership,
    Organisation,
    Person,
)
from suunta.register.models import Interest, InterestDeclaration

SEEDS = Path(settings.BASE_DIR) / "tests" / "data" / "seeds"  # copies of ../shared/seeds
KANGASALA = SEEDS / "000_2eaf102c66a576a7.txt"
TUUSULA = SEEDS / "004_e6284b3348c54f5c.txt"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def kangasala_focus_areas() -> list[str]:
    return [
        squash(line.split("•", 1)[1])
        for line in KANGASALA.read_text().splitlines()
        if line.strip().startswith("•")
    ]


def test_every_kangasala_focus_area_is_present_in_order(demo):
    post = ExecutivePost.objects.get(organisation__slug="kangasala")
    expected = kangasala_focus_areas()
    assert len(expected) == 23
    assert [area.text_fi for area in post.focus_areas.order_by("order")] == expected


def test_kangasala_post_description_and_values_are_word_for_word(demo):
    text = squash(KANGASALA.read_text())
    post = ExecutivePost.objects.get(organisation__slug="kangasala")
    assert post.title_fi == "Kaupunginjohtaja"
    assert post.description_fi and post.description_fi in text
    assert post.values_fi and post.values_fi in text


def test_the_city_managers_four_positions_of_trust_are_his_declaration(demo):
    line = next(line for line in KANGASALA.read_text().splitlines() if "luottamustehtävät" in line)
    holder_part, items = line.split(":", 1)
    expected = [squash(item) for item in items.split(",") if item.strip()]
    assert len(expected) == 4
    declaration = InterestDeclaration.objects.get(organisation__slug="kangasala")
    assert declaration.person.name in holder_part.replace("Auvisen", "Auvinen")
    assert [i.description_fi for i in declaration.interests.order_by("order")] == expected


def tuusula_table() -> dict[str, list[str]]:
    """The goal table of the Tuusula seed, read from its flattened text: a goal starts a line
    and its first indicator follows a bullet on the same line; broken lines are joined."""
    text = TUUSULA.read_text()
    table = text.split("2026\n", 1)[1].split("Tavoitteiden arviointi", 1)[0]
    goals: dict[str, list[str]] = {}
    current = None
    for raw in table.splitlines():
        line = raw.strip()
        if not line:
            continue
        if "•" in line and not line.startswith("•"):
            title, first = line.split("•", 1)
            current = squash(title)
            goals[current] = [squash(first)]
        elif line.startswith("•"):
            goals[current].append(squash(line[1:]))
        else:  # a broken line continues the previous indicator
            goals[current][-1] = squash(goals[current][-1] + " " + line)
    return goals


def test_every_tuusula_goal_and_indicator_is_present(demo):
    expected = tuusula_table()
    assert len(expected) == 6
    assert sum(len(v) for v in expected.values()) == 14
    plan = demo["plan"]
    actual = {
        goal.title_fi: [i.text_fi for i in goal.indicators.order_by("order")]
        for goal in plan.goals.order_by("order")
    }
    assert actual == expected
    assert list(actual) == list(expected)


def test_tuusula_plan_has_the_seeds_purpose_checkpoints_handling_and_evaluation(demo):
    text = squash(TUUSULA.read_text())
    plan = demo["plan"]
    assert plan.title_fi == "Kansliapäällikön tavoitteet"
    for block in (plan.basis_fi, plan.purpose_fi, plan.evaluation_fi):
        for line in block.splitlines():
            assert squash(line.removeprefix("• ")) in text
    assert len(plan.purpose_fi.splitlines()) == 6
    assert len(plan.evaluation_fi.splitlines()) == 5
    assert [c.label_fi for c in plan.checkpoints.order_by("order")] == [
        "elokuu 2025",
        "tammikuu/helmikuu 2026",
    ]
    handled = [
        (d.meeting_date.isoformat(), d.body.abbreviation, d.kind)
        for d in plan.decisions.order_by("meeting_date")
    ]
    assert handled == [("2025-03-26", "Poljory", "review"), ("2025-03-31", "KH", "approve")]
    assert plan.prepared_by.name == "Kalle Ikkelä"
    assert plan.prepared_by.title_fi == "Pormestari"


def test_discussion_partners_are_the_mayor_deputy_mayors_and_council_chair(demo):
    post = ExecutivePost.objects.get(organisation__slug="tuusula")
    rules = [(r.body.kind, r.role) for r in post.discussion_partner_rules.order_by("order")]
    assert rules == [
        ("steering_group", "mayor"),
        ("steering_group", "deputy_mayor"),
        ("council", "chair"),
    ]
    people = Membership.objects.active().filter(
        body__organisation__slug="tuusula", role__in=["mayor", "deputy_mayor", "chair"]
    )
    assert sorted(p.person.display_name() for p in people) == [
        "Apulaispormestari",
        "Apulaispormestari",
        "Kalle Ikkelä",
        "Valtuuston puheenjohtaja",
    ]


def test_only_people_the_seeds_name_have_names(demo):
    names = set(Person.objects.exclude(name="").values_list("name", flat=True))
    assert names == {"Oskari Auvinen", "Kalle Ikkelä"}


def test_loading_the_demo_twice_creates_nothing_new(db, settings):
    settings.DEMO_MODE = True
    call_command("load_demo", verbosity=0)
    counts = {
        model: model.objects.count()
        for model in (
            Organisation,
            Body,
            Person,
            Membership,
            FocusArea,
            Interest,
            m.GoalPlan,
            m.Goal,
            m.Indicator,
            m.Checkpoint,
            m.Decision,
            m.FollowUpEntry,
            m.IndicatorValue,
            m.RewardRule,
            m.RatingScale,
            m.ScaleLevel,
        )
    }
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert counts == {model: model.objects.count() for model in counts}


def test_the_demo_account_sees_and_edits_both_organisations(demo):
    from suunta.accounts.models import User
    from suunta.goals import permissions

    user = User.objects.get(username="demo")
    assert user.check_password("demo")
    for org in (demo["kangasala"], demo["tuusula"]):
        assert permissions.can_view_organisation(user, org)
        assert permissions.can_prepare_plans(user, org)
