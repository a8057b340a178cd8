"""Finding 12: CSV formula neutralisation was incomplete. Only = + - @ tab and CR at the very
start were prefixed, so a follow-up sent through the API as " =cmd|' /C calc'!A0", "\\n=1+2"
or "＝SUM(1+1)" reached the public goals.csv as a formula.

Every CSV the app writes (the public goals.csv and interests.csv) is checked here: a cell whose
first visible character – after spaces, tabs, line breaks, other Unicode whitespace and
zero-width characters – is a formula sign in its ASCII or fullwidth form, or that starts with
a tab or CR, gets a leading apostrophe. Numbers the app writes (a negative target) stay numbers.
"""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
from django.test import Client

from suunta.api.models import ApiToken
from suunta.goals import models as m
from suunta.organisations.models import Body, ExecutivePost
from suunta.register.models import Interest
from tests.conftest import make_plan, make_user, move_to

# The review's payloads first, then their siblings.
PAYLOADS = [
    " =cmd|' /C calc'!A0",
    "\n=1+2",
    "＝SUM(1+1)",
    "＋1+1",
    "－1+1",
    "＠SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    "\r\n  @SUM(A1)",
    "\u3000=1+1",
    "\u00a0+1+1",
    "\u200b=1+1",
    "\ufeff=1+1",
    '=HYPERLINK("http://evil.example","x")',
    "-2+3",
    "@SUM(A1)",
]
SIGNS = "=+-@＝＋－＠﹦﹢﹣﹫−"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
NUMBER = re.compile(r"-?\d+(,\d+)?")


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def _runs_as_formula(cell: str) -> bool:
    """What a spreadsheet would read as a formula: a cell not prefixed with an apostrophe that
    starts with tab or CR, or whose first visible character is a formula sign."""
    if cell.startswith("'"):
        return False
    if cell.startswith(("\t", "\r")):
        return True
    visible = cell
    while visible and (visible[0].isspace() or visible[0] in INVISIBLE):
        visible = visible[1:]
    return bool(visible) and visible[0] in SIGNS and not NUMBER.fullmatch(cell)


def _assert_neutralised(rows: list[list[str]], payloads: list[str]) -> None:
    cells = [cell for row in rows for cell in row]
    wrong = [cell for cell in cells if _runs_as_formula(cell)]
    assert not wrong, wrong
    for payload in payloads:
        assert any(cell == "'" + payload or cell.startswith("'" + payload) for cell in cells), (
            payload
        )


@pytest.fixture
def plan_with_payloads(demo):
    """A public plan with a payload in every text the goals.csv shows, a negative baseline and
    target, and joint follow-ups written through the API and reported to the board."""
    tuusula = demo["tuusula"]
    post = ExecutivePost.objects.get(organisation=tuusula)
    plan = make_plan(tuusula, post, goals=2, indicators=1, checkpoints=1)
    goals = list(plan.goals.order_by("order"))
    m.GoalPlan.objects.filter(pk=plan.pk).update(title_fi=PAYLOADS[12])
    m.Goal.objects.filter(pk=goals[0].pk).update(title_fi=PAYLOADS[13], area_fi=PAYLOADS[3])
    m.Goal.objects.filter(pk=goals[1].pk).update(title_fi=PAYLOADS[2], area_fi=PAYLOADS[11])
    m.Indicator.objects.filter(goal=goals[0]).update(
        text_fi=PAYLOADS[4], unit=PAYLOADS[5], baseline=-5, target=-2.5
    )
    m.Indicator.objects.filter(goal=goals[1]).update(text_fi=PAYLOADS[6], unit=PAYLOADS[7])
    m.Checkpoint.objects.filter(plan=plan).update(label_fi=PAYLOADS[8])
    m.FollowUpEntry.objects.filter(goal__plan=plan).delete()
    move_to(plan, "in_follow_up")
    coordinator = make_user("csv-coordinator", tuusula)
    token = ApiToken.issue(coordinator, "test")[1]
    checkpoint = plan.checkpoints.get()
    api = Client()
    for goal, text in zip(goals, (PAYLOADS[0], PAYLOADS[1]), strict=True):
        # Through the API, as the review sent them: nothing strips the leading space or line.
        response = api.post(
            f"/api/v1/plans/{plan.pk}/follow-ups",
            {
                "goal_id": str(goal.pk),
                "checkpoint_id": str(checkpoint.pk),
                "kind": "joint",
                "text_fi": text + " " + PAYLOADS[2],  # the review's third payload inside
            },
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
        assert response.status_code == 201, response.content
    m.Decision.objects.create(
        organisation=tuusula,
        body=Body.objects.get(organisation=tuusula, kind="board"),
        plan=plan,
        meeting_date=datetime.date(2030, 3, 1),
        section="12",
        kind=m.Decision.Kind.REVIEW,
        checkpoint=checkpoint,
    )
    return plan


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_cell_of_the_public_goals_csv_is_neutralised(plan_with_payloads, lang):
    response = Client().get(f"/{lang}/public/tuusula/goals.csv")
    assert response.status_code == 200
    rows = _rows(response.content)
    whole_cells = [PAYLOADS[i] for i in (12, 13, 3, 2, 11, 4, 5, 6, 7, 8)]
    _assert_neutralised(rows, [*whole_cells, PAYLOADS[0], PAYLOADS[1]])
    follow_ups = [cell for row in rows for cell in row if "cmd|" in cell or "=1+2" in cell]
    assert "' =cmd|' /C calc'!A0 ＝SUM(1+1)" in follow_ups
    assert "'\n=1+2 ＝SUM(1+1)" in follow_ups


def test_a_negative_baseline_and_target_stay_numbers_in_the_csv(plan_with_payloads):
    rows = _rows(Client().get("/fi/public/tuusula/goals.csv").content)
    header, *data = rows
    baseline, target = header.index("Lähtötaso"), header.index("Tavoitetaso")
    ours = [row for row in data if row[header.index("Mittari")] == "'" + PAYLOADS[4]]
    assert [(row[baseline], row[target]) for row in ours] == [("-5", "-2,5")]


def test_every_cell_of_the_public_interests_csv_is_neutralised(demo):
    kangasala = demo["kangasala"]
    interests = list(Interest.objects.filter(declaration__organisation=kangasala))
    assert len(interests) >= 3
    used = []
    for n, interest in enumerate(interests[:5]):
        texts = PAYLOADS[3 * n : 3 * n + 3]
        Interest.objects.filter(pk=interest.pk).update(
            entity_name=texts[0], role_fi=texts[1], description_fi=texts[2]
        )
        used += texts
    response = Client().get("/fi/public/kangasala/interests.csv")
    assert response.status_code == 200
    rows = _rows(response.content)
    cells = [cell for row in rows for cell in row]
    assert any("cmd|" in cell for cell in cells)
    _assert_neutralised(rows, used)
