"""The plan's state machine is one table (`suunta/goals/workflow.py`); the triggers' moves,
the permission rules and the decisions' moves are derived from it. They are written out here,
so that a change to the table shows as a change of this test too."""

from suunta.goals import actions, permissions, triggers, workflow
from suunta.goals.models import Decision, GoalPlan


def test_the_table_names_the_models_states_and_decision_kinds():
    assert set(workflow.STATES) == set(GoalPlan.Status.values)
    assert set(workflow.DECISIONS) == set(Decision.Kind.values)


def test_the_database_lets_exactly_these_moves_of_a_plans_state_through():
    moves = triggers.ALLOWED_MOVES
    assert moves == {
        ("draft", "proposed"),
        ("draft", "approved"),  # an amendment approved as the board amended it
        ("proposed", "draft"),  # returned for changes
        ("proposed", "approved"),
        ("proposed", "noted"),
        ("proposed", "superseded"),
        ("approved", "in_follow_up"),
        ("noted", "in_follow_up"),
        ("approved", "evaluated"),
        ("noted", "evaluated"),
        ("in_follow_up", "evaluated"),
        ("approved", "superseded"),
        ("noted", "superseded"),
        ("in_follow_up", "superseded"),
        ("evaluated", "closed"),
    }


def test_who_may_do_what_in_which_state_is_this_table():
    rules = {verb: (who.__name__, states) for verb, (who, states) in permissions.PLAN_RULES.items()}
    assert rules == {
        "edit": ("is_drafter", {"draft"}),
        "propose": ("is_drafter", {"draft"}),
        "return": ("is_drafter", {"proposed"}),
        "decide": (
            "can_prepare_plans",
            {"proposed", "approved", "noted", "in_follow_up", "evaluated"},
        ),
        "amend": ("is_drafter", {"proposed", "approved", "noted", "in_follow_up"}),
        "start_follow_up": ("can_prepare_plans", {"approved", "noted"}),
        "close": ("can_prepare_plans", {"evaluated"}),
        "start_next": ("is_drafter", None),
    }


def test_each_decision_moves_the_plan_from_these_states_to_these():
    assert actions.DECISION_MOVES == {
        "review": {"proposed": None, "approved": None, "noted": None, "in_follow_up": None},
        "approve": {"proposed": "approved"},
        "approve_amended": {"proposed": "approved"},
        "take_note": {"proposed": "noted"},
        "return": {"proposed": "draft"},
        "table": {"proposed": None},
        "amend": {"draft": "approved", "proposed": "approved"},
        "evaluate": {
            "approved": "evaluated",
            "noted": "evaluated",
            "in_follow_up": "evaluated",
        },
        "reward": {"evaluated": None},
    }
    # The decision form offers the kinds in this order.
    assert list(actions.DECISION_MOVES) == [
        "review",
        "approve",
        "approve_amended",
        "take_note",
        "return",
        "table",
        "amend",
        "evaluate",
        "reward",
    ]
    own, board = actions.OWN_MATTERS, actions.BOARD_DECISIONS
    assert own == {"evaluate", "reward"}
    assert board == {"approve", "approve_amended", "take_note", "amend", "evaluate", "reward"}
    # The executive is a party to all but the steering group's review and a tabling.
    party = actions.PARTY_DECISIONS
    assert party == {
        "approve",
        "approve_amended",
        "take_note",
        "return",
        "amend",
        "evaluate",
        "reward",
    }


def test_the_goals_are_in_force_once_approved_or_noted_until_evaluated():
    in_force, amendable = permissions.IN_FORCE, permissions.AMENDABLE
    assert in_force == {"approved", "noted", "in_follow_up"}
    assert amendable == {"proposed", "approved", "noted", "in_follow_up"}


def test_the_state_diagram_in_the_architecture_document_draws_the_table():
    """docs/architecture.md's state diagram is the table: every move the database allows is an
    arrow, and no arrow is a move it refuses (self-loops are decisions that keep the state)."""
    import re
    from pathlib import Path

    from suunta.goals.triggers import ALLOWED_MOVES

    document = (Path(__file__).resolve().parents[2] / "docs" / "architecture.md").read_text()
    diagram = document.split("stateDiagram-v2", 1)[1].split("```", 1)[0]
    arrows = set(re.findall(r"^\s+([a-z_]+) --> ([a-z_]+)", diagram, re.M))
    assert {(a, b) for a, b in arrows if a != b} == set(ALLOWED_MOVES)
