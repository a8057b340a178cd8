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


# --- No figure is made of fewer than the minimum, and none while answers can still come -------
#
# The threshold counted the answers to the whole survey, not the ratings of a criterion: three
# answers, two of them "cannot say" on a criterion, showed that criterion's "1 rating, mean
# 1.00" – one respondent's own rating. And the figures were shown while the survey was open, so
# two looks before and after an answer told that answer; the coordinators saw them below the
# threshold too. Each door is tried: the page (coordinator and discussion partner) and the API.


def _survey_with(demo, coordinator, ratings: list[tuple[int | None, int | None]], *, close: bool):
    """A survey (threshold 3) with criteria A and B and one answer per (A, B) pair."""
    from suunta.surveys.models import Rating, Response

    survey = actions.create_survey(
        demo["plan"], data=_data(3), criteria=[("Kriteeri A", ""), ("Kriteeri B", "")],
        actor=coordinator,
    )  # fmt: skip
    first, second = survey.criteria.order_by("order")
    for n, (a, b) in enumerate(ratings):
        response = Response.objects.create(survey=survey, comment=f"Kommentti {n}")
        Rating.objects.create(response=response, criterion=first, value=a)
        Rating.objects.create(response=response, criterion=second, value=b)
    if close:
        actions.close_survey(survey, actor=coordinator)
    return Survey.objects.get(pk=survey.pk)


def _readers(demo, coordinator):
    from tests.conftest import make_user

    partner = make_user("f15-partner", demo["tuusula"], kind="discussion_partner")
    return {"coordinator": client_for(coordinator), "discussion partner": client_for(partner)}


def test_a_criterion_that_one_person_rated_shows_no_figure_through_any_door(demo, coordinator):
    """The review's example: three answers, two "cannot say" on A."""
    survey = _survey_with(demo, coordinator, [(1, 4), (None, 4), (None, 4)], close=True)
    for who, reader in _readers(demo, coordinator).items():
        page = reader.get(f"/en/surveys/{survey.pk}/").content.decode()
        assert 'class="mean">1' not in page, who  # A: one rating, a mean of 1.00
        assert "Too few rated this criterion" in page, who
        assert 'class="mean">4' in page, who  # B: three rated it, a mean of 4.00
    data = client_for(coordinator).get(f"/api/v1/surveys/{survey.pk}/results").json()
    a, b = data["criteria"]
    assert a["count"] is None and a["mean"] is None and a["cannot_say"] is None
    assert not any(level["count"] for level in a["distribution"])
    assert b["count"] == 3 and b["mean"] == 4.0


def test_no_figure_is_shown_while_the_survey_is_open_so_two_looks_tell_no_answer(demo, coordinator):
    from suunta.surveys.models import Rating, Response

    survey = _survey_with(demo, coordinator, [(4, 4), (3, 5), (5, 2)], close=False)
    readers = _readers(demo, coordinator)
    before = {who: reader.get(f"/en/surveys/{survey.pk}/").content.decode() for who, reader
              in readers.items()}  # fmt: skip
    api_before = readers["coordinator"].get(f"/api/v1/surveys/{survey.pk}/results").json()
    response = Response.objects.create(survey=survey, comment="Uusi")
    for criterion in survey.criteria.all():
        Rating.objects.create(response=response, criterion=criterion, value=1)
    for who, reader in readers.items():
        page = reader.get(f"/en/surveys/{survey.pk}/").content.decode()
        for look in (before[who], page):
            assert "result-table" not in look and 'class="mean"' not in look, who
            assert "Kommentti" not in look and "Uusi" not in look, who
        assert "3 of 0 answered" in before[who] and "4 of 0 answered" in page, who
    api_after = readers["coordinator"].get(f"/api/v1/surveys/{survey.pk}/results").json()
    for data in (api_before, api_after):
        assert data["comments"] == []
        for row in data["criteria"]:
            assert row["count"] is None and row["mean"] is None
            assert not any(level["count"] for level in row["distribution"])
    assert (api_before["answers"], api_after["answers"]) == (3, 4)


def test_the_coordinator_sees_no_breakdown_below_the_threshold_either(demo, coordinator):
    survey = _survey_with(demo, coordinator, [(4, 4), (2, 5)], close=True)
    page = client_for(coordinator).get(f"/en/surveys/{survey.pk}/").content.decode()
    assert "Too few answers to show the breakdown (2 &lt; 3)" in page
    assert "result-table" not in page and "Kommentti" not in page
    data = client_for(coordinator).get(f"/api/v1/surveys/{survey.pk}/results").json()
    assert data["comments"] == [] and all(row["count"] is None for row in data["criteria"])
