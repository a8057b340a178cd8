"""Reading goal documents: the Tuusula seed as it is against the hand-entered demo plan, the
structure found in other layouts and formats, and the generated corpus's precision and
recall."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from suunta.imports import reading
from tests.imports_corpus import in_finnish

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
TUUSULA = SEEDS / "004_e6284b3348c54f5c.txt"


@pytest.mark.skipif(not TUUSULA.exists(), reason="../shared/seeds is not beside")
def test_the_tuusula_seed_as_it_is_gives_the_demo_plans_goals_and_indicators(demo):
    found = reading.read_document(TUUSULA.read_bytes(), TUUSULA.name)
    plan = demo["plan"]
    expected = [
        (goal.title_fi, [i.text_fi for i in goal.indicators.order_by("order")])
        for goal in plan.goals.order_by("order")
    ]
    actual = [(g.title, [i.text for i in g.indicators]) for g in found.goals]
    assert actual == expected
    assert len(actual) == 6 and sum(len(i) for _, i in actual) == 14
    assert found.file_type == "text" and found.language == "fi"
    assert found.title == plan.title_fi
    assert not found.warnings


@pytest.mark.skipif(not TUUSULA.exists(), reason="../shared/seeds is not beside")
def test_the_tuusula_seed_gives_the_checkpoints_sections_and_handling_dates(demo):
    found = reading.read_document(TUUSULA.read_bytes(), TUUSULA.name)
    plan = demo["plan"]
    assert [c.label for c in found.checkpoints] == [
        c.label_fi for c in plan.checkpoints.order_by("order")
    ]
    sections = {s.kind: s for s in found.sections}
    assert [s.kind for s in found.sections] == ["basis", "purpose", "evaluation"]
    assert sections["basis"].text == plan.basis_fi
    assert sections["purpose"].text == plan.purpose_fi
    assert sections["evaluation"].text == plan.evaluation_fi
    assert sections["purpose"].heading == "Tavoitekeskustelun tarkoitus"
    handled = [(h.date, h.body) for h in found.handling]
    assert handled == [
        (d.meeting_date, d.body.abbreviation) for d in plan.decisions.order_by("meeting_date")
    ]
    assert handled == [(datetime.date(2025, 3, 26), "Poljory"), (datetime.date(2025, 3, 31), "KH")]
    assert all(g.follow_ups == ["", ""] for g in found.goals)


def test_pasted_text_with_numbered_weighted_goals_and_follow_ups_is_read():
    text = """Kunnanjohtajan tavoitteet 2026

Tavoitteet
1. Talouden tasapaino (paino 40 %)
  1.1 Talousarvio toteutuu
  1.2 Investoinnit aikataulussa
Seuranta elokuu 2026: Talous on tasapainossa.
2. Elinvoima – 60 %
  a) Uusia yrityksiä 20
  b) Kaavoitus etenee
"""
    found = reading.read_text(text)
    assert [(g.title, g.weight) for g in found.goals] == [
        ("Talouden tasapaino", Decimal("40")),
        ("Elinvoima", Decimal("60")),
    ]
    assert [[i.text for i in g.indicators] for g in found.goals] == [
        ["Talousarvio toteutuu", "Investoinnit aikataulussa"],
        ["Uusia yrityksiä 20", "Kaavoitus etenee"],
    ]
    assert [c.label for c in found.checkpoints] == ["elokuu 2026"]
    assert [g.follow_ups for g in found.goals] == [["Talous on tasapainossa."], [""]]


def test_a_swedish_document_with_areas_and_checkpoint_headings_is_read():
    text = """Kommundirektörens mål 2025

Syftet med målsamtalet
• Målen stöder strategin och kommunens ledning

Område: Ekonomi
Mål 1: Balanserad ekonomi
• Budgeten håller
• Besparingarna förverkligas
Uppföljning augusti 2025: Budgeten håller hittills.

Område: Personal
Mål 2: Gott ledarskap
• Personalenkäten förbättras

Utvärdering av målen
• Målen utvärderas två gånger per år.
"""
    found = reading.read_text(text)
    assert found.language == "sv"
    assert [(g.area, g.title) for g in found.goals] == [
        ("Ekonomi", "Balanserad ekonomi"),
        ("Personal", "Gott ledarskap"),
    ]
    assert [c.label for c in found.checkpoints] == ["augusti 2025"]
    assert found.goals[0].follow_ups == ["Budgeten håller hittills."]
    assert [s.kind for s in found.sections] == ["purpose", "evaluation"]
    assert found.sections[1].text == "• Målen utvärderas två gånger per år."


def test_empty_pasted_text_is_refused_in_the_users_language():
    with translation.override("en"), pytest.raises(ValidationError) as english:
        reading.read_text("  \n ")
    assert english.value.messages == ["The pasted text is empty."]
    with translation.override("fi"), pytest.raises(ValidationError) as finnish:
        reading.read_text("")
    assert finnish.value.messages == [in_finnish("The pasted text is empty.")]
