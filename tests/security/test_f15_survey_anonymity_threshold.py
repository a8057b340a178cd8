"""Finding 15: a survey's anonymity threshold could be set to 1, and then the discussion partner
read one respondent's ratings as "the aggregate". Never below 3: in the form, the action, the
model and the database."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from suunta.surveys import actions
from suunta.surveys.models import Survey
from tests.conftest import client_for


def _form(threshold: str) -> dict[str, str]:
    today = timezone.localdate()
    return {
        "title_fi": "Arviointikysely",
        "title_sv": "",
        "opens_on": today.isoformat(),
        "closes_on": (today + datetime.timedelta(days=7)).isoformat(),
        "threshold": threshold,
        "criterion_1_fi": "Johtaminen",
        "criterion_1_sv": "",
    }


def _data(threshold: int) -> dict:
    today = timezone.localdate()
    return {
        "title_fi": "Kysely",
        "opens_on": today,
        "closes_on": today + datetime.timedelta(days=7),
        "threshold": threshold,
    }


@pytest.mark.parametrize("threshold", ["0", "1", "2"])
def test_the_survey_form_refuses_a_threshold_below_three_with_a_message(
    demo, coordinator, threshold
):
    before = Survey.objects.count()
    response = client_for(coordinator).post(
        f"/en/plans/{demo['plan'].pk}/surveys/new/", _form(threshold)
    )
    assert response.status_code == 422
    assert "At least 3 answers are needed" in response.content.decode()
    assert Survey.objects.count() == before


def test_the_survey_form_in_finnish_names_the_limit_in_finnish(demo, coordinator):
    response = client_for(coordinator).post(f"/fi/plans/{demo['plan'].pk}/surveys/new/", _form("1"))
    assert response.status_code == 422
    assert "Tuloksia näytetään vasta, kun vastauksia on vähintään 3" in response.content.decode()


def test_the_survey_form_accepts_three(demo, coordinator):
    response = client_for(coordinator).post(f"/en/plans/{demo['plan'].pk}/surveys/new/", _form("3"))
    assert response.status_code == 302
    assert Survey.objects.get(title_fi="Arviointikysely").threshold == 3


@pytest.mark.parametrize("threshold", [1, 2])
def test_the_create_survey_action_refuses_a_threshold_below_three(demo, coordinator, threshold):
    before = Survey.objects.count()
    with pytest.raises(ValidationError) as refused:
        actions.create_survey(
            demo["plan"], data=_data(threshold), criteria=[("Johtaminen", "")], actor=coordinator
        )
    assert "threshold" in refused.value.message_dict
    assert Survey.objects.count() == before


def test_the_database_refuses_a_threshold_below_three_whatever_writes_it(demo, coordinator):
    survey = actions.create_survey(
        demo["plan"], data=_data(3), criteria=[("Johtaminen", "")], actor=coordinator
    )
    for value in (2, 1):
        with pytest.raises(IntegrityError), transaction.atomic():
            Survey.objects.filter(pk=survey.pk).update(threshold=value)
    survey.refresh_from_db()
    assert survey.threshold == 3
