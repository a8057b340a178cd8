"""The change history reads like sentences in the reader's language (issue 17, the usability
review's gap 8): who did what to which item, when, and each changed field before and after;
never an action code, JSON or an id."""

import datetime
import re

import pytest
from django.utils import translation

from suunta.audit.models import AuditEvent
from suunta.audit.sentences import describe
from suunta.goals import actions
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

CODE = re.compile(r"\b[a-z_]+\.[a-z_]+\b")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def test_an_indicator_changed_reads_as_a_sentence_with_the_field_before_and_after(
    draft, coordinator
):
    coordinator.first_name, coordinator.last_name = "Kaisa", "Koordinaattori"
    coordinator.save()
    indicator = draft.goals.order_by("order").first().indicators.order_by("order").first()
    old = indicator.text_fi
    actions.update_indicator(
        indicator,
        data={"text_fi": "Talousarvio toteutuu"},
        expected_lock=indicator.lock_version,
        actor=coordinator,
    )
    event = AuditEvent.objects.filter(action="indicator.update").latest("at")
    with translation.override("fi"):
        said = describe(event)
    assert said.text == "Kaisa Koordinaattori muutti mittaria ”Talousarvio toteutuu”"
    assert re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4} klo \d{2}\.\d{2}", said.when)
    (change,) = said.changes
    assert (change.label, change.before, change.after) == (
        "mittari suomeksi",
        old,
        "Talousarvio toteutuu",
    )
    with translation.override("sv"):
        said = describe(event)
    assert said.text.startswith("Kaisa Koordinaattori ändrade mätaren")
    assert " kl. " in said.when


def test_no_page_of_the_history_shows_a_code_or_an_id(demo, coordinator, draft):
    plan = actions.propose_plan(draft, actor=coordinator)
    board = plan.organisation.bodies.get(kind="board")
    actions.record_decision(
        plan,
        data={"kind": "approve", "body": board, "meeting_date": datetime.date(2026, 3, 30),
              "section": "45"},
        actor=coordinator,
    )  # fmt: skip
    client = client_for(coordinator)
    for lang in ("fi", "sv", "en"):
        html = client.get(f"/{lang}/plans/{plan.pk}/audit/").content.decode()
        table = html[html.index("<table") : html.index("</table>")]
        text = re.sub(r"<[^>]+>", " ", table)
        assert not CODE.findall(text), CODE.findall(text)[:5]
        assert not UUID.findall(text)
    html = client.get(f"/fi/plans/{plan.pk}/audit/").content.decode()
    assert "kirjasi päätöksen: Kunnanhallitus hyväksyi" in html
    assert "esitti tavoiteasiakirjan" in html or "esitti suunnitelman" in html
