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
from tests import imports_corpus as corpus
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


# --- Formats and the generated corpus ----------------------------------------------------------


def test_a_docx_goal_table_gives_weights_checkpoint_columns_and_follow_up_text():
    c = corpus.WEIGHTED
    found = reading.read_document(corpus.as_docx(corpus.table(c)), "tavoitteet.docx")
    assert found.file_type == "docx"
    assert [(g.title, g.weight) for g in found.goals] == [
        (title, Decimal(weight)) for _, title, weight, _ in c.goals
    ]
    assert [c.label for c in found.checkpoints] == ["kesäkuu 2026", "joulukuu 2026"]
    assert found.goals[0].follow_ups == ["Edennyt suunnitellusti.", ""]
    assert found.goals[1].follow_ups == ["", ""]
    assert [s.kind for s in found.sections] == ["purpose", "evaluation"]


@pytest.mark.parametrize("writer", ["as_xlsx", "as_ods"])
def test_a_spreadsheet_goal_table_is_read_the_same_way(writer):
    c = corpus.SWEDISH
    rows = next(e[1] for e in corpus.table(c) if e[0] == "table")
    found = reading.read_document(getattr(corpus, writer)([[c.title], *rows]), "mål")
    assert found.language == "sv"
    assert [(g.title, [i.text for i in g.indicators]) for g in found.goals] == [
        (title, indicators) for _, title, _, indicators in c.goals
    ]
    assert [g.weight for g in found.goals] == [Decimal(w) for _, _, w, _ in c.goals]
    assert [c.label for c in found.checkpoints] == ["augusti 2025", "januari 2026"]
    assert found.goals[0].follow_ups == ["Framskrider enligt planen.", ""]


def test_odt_headings_and_lists_give_areas_goals_and_weights():
    c = corpus.WEIGHTED
    found = reading.read_document(corpus.as_odt(corpus.bullets(c)), "")
    assert found.file_type == "odt"
    assert [(g.area, g.title, g.weight) for g in found.goals] == [
        (area, title, Decimal(weight)) for area, title, weight, _ in c.goals
    ]
    assert found.sections[0].text == "• Tavoitteet tukevat kuntastrategian toteutumista"


def test_a_slide_like_pdf_gives_one_goal_per_page_with_its_weight():
    c = corpus.SWEDISH
    found = reading.read_document(corpus.as_pdf(corpus.slides(c)), "mål.pdf")
    assert found.file_type == "pdf"
    assert [(g.title, g.weight, len(g.indicators)) for g in found.goals] == [
        (title, Decimal(weight), len(indicators)) for _, title, weight, indicators in c.goals
    ]
    assert [s.kind for s in found.sections] == ["purpose", "evaluation"]


def test_text_in_cp1252_is_read():
    found = reading.read_document(
        "Tavoitteet\n1. Työhyvinvointi\n• Kysely tehdään\n".encode("cp1252")
    )
    assert [(g.title, [i.text for i in g.indicators]) for g in found.goals] == [
        ("Työhyvinvointi", ["Kysely tehdään"])
    ]


def test_the_generated_corpus_reaches_95_per_cent_precision_and_recall():
    samples = corpus.corpus()
    assert {s.name.rsplit(".", 1)[1] for s in samples} == {
        "txt",
        "docx",
        "odt",
        "pdf",
        "xlsx",
        "ods",
    }
    assert len(samples) >= 60
    figures = corpus.measure(samples)
    print(figures.summary())
    assert figures.goals_expected >= 300 and figures.indicators_expected >= 700
    assert figures.goal_precision >= 0.95, figures.misses
    assert figures.goal_recall >= 0.95, figures.misses
    assert figures.indicator_precision >= 0.95, figures.misses
    assert figures.indicator_recall >= 0.95, figures.misses


def test_the_measure_counts_a_wrong_reading_against_precision_and_recall():
    c = corpus.NUMBERED
    wrong = corpus.Content(
        name="wrong",
        language="fi",
        title=c.title,
        goals=[(a, t + " X", w, i[:1]) for a, t, w, i in c.goals],
        checkpoints=c.checkpoints,
    )
    figures = corpus.measure(
        [corpus.Sample("numbered.txt", corpus.as_text(corpus.numbered(c)).encode(), wrong)]
    )
    assert figures.goal_precision == figures.goal_recall == 0
    assert figures.indicator_recall == 0 and figures.misses


def test_labelled_lines_give_weights_indicators_and_a_follow_up():
    c = corpus.SWEDISH
    found = reading.read_document(corpus.as_docx(corpus.labelled(c)), "mål.docx")
    assert [(g.title, g.weight, [i.text for i in g.indicators]) for g in found.goals] == [
        (title, Decimal(weight), indicators) for _, title, weight, indicators in c.goals
    ]
    assert [c.label for c in found.checkpoints] == ["augusti 2025"]
    assert [g.follow_ups for g in found.goals] == [["Framskrider enligt planen."], [""], [""], [""]]


def test_an_outline_gives_goals_from_the_first_level_and_indicators_from_the_second():
    c = corpus.NUMBERED
    for data in (
        corpus.as_text(corpus.outline(c)).encode(),
        corpus.as_docx(corpus.outline(c)),
        corpus.as_odt(corpus.outline(c)),
    ):
        found = reading.read_document(data)
        assert [(g.title, [i.text for i in g.indicators]) for g in found.goals] == [
            (title, indicators) for _, title, _, indicators in c.goals
        ]


def test_a_table_with_the_indicators_under_the_title_in_the_goal_cell_is_read():
    rows = [
        ["Tavoite", "Paino", "Seuranta syyskuu 2025"],
        ["Talouden tasapaino\n• Tulos on ylijäämäinen\n• Velka ei kasva", "60 %", "Hyvä alku."],
        ["Elinvoima\n• Yrityksiä 120", "40 %", ""],
    ]
    found = reading.read_document(corpus.as_docx([("title", "Tavoitteet 2025"), ("table", rows)]))
    assert [(g.title, g.weight, [i.text for i in g.indicators]) for g in found.goals] == [
        ("Talouden tasapaino", Decimal(60), ["Tulos on ylijäämäinen", "Velka ei kasva"]),
        ("Elinvoima", Decimal(40), ["Yrityksiä 120"]),
    ]
    assert [g.follow_ups for g in found.goals] == [["Hyvä alku."], [""]]


def test_utf_16_text_with_its_byte_order_mark_is_read():
    found = reading.read_document("Tavoitteet\n1. Talous\n• Tulos\n".encode("utf-16"), "t.txt")
    assert [(g.title, [i.text for i in g.indicators]) for g in found.goals] == [
        ("Talous", ["Tulos"])
    ]


def test_a_spreadsheets_percentage_values_are_weights_in_per_cent():
    rows = [
        ["Tavoite", "Mittari", "Paino"],
        ["Talous", "Tulos", 0.4],
        ["Elinvoima", "Yrityksiä", 0.6],
    ]
    found = reading.read_document(corpus.as_xlsx(rows), "t.xlsx")
    assert [(g.title, g.weight) for g in found.goals] == [
        ("Talous", Decimal(40)),
        ("Elinvoima", Decimal(60)),
    ]
    assert [g["weight"] for g in found.as_json()["goals"]] == ["40", "60"]
