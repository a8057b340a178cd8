"""The plan's states and the moves between them: one table, read by everything that needs it.

- `permissions.PLAN_RULES` (who may do what in which state) is built from `VERBS`;
- the actions' `DECISION_MOVES` (which decision moves a plan from which state to which) from
  `DECISIONS`;
- the database triggers' `ALLOWED_MOVES` (every change of state the database lets through) from
  `VERBS`, `DECISIONS` and `SUPERSEDE`.

So a new state or move is written here once; `tests/goals/test_workflow_table.py` spells the derived
tables out, so that a change to them shows as a change of that test too.

Plain strings only (the values of `GoalPlan.Status` and `Decision.Kind`): the triggers and the
permissions read this module without loading the models.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- The states ------------------------------------------------------------------------------

DRAFT = "draft"
PROPOSED = "proposed"
APPROVED = "approved"
NOTED = "noted"
IN_FOLLOW_UP = "in_follow_up"
EVALUATED = "evaluated"
CLOSED = "closed"
SUPERSEDED = "superseded"
STATES = (DRAFT, PROPOSED, APPROVED, NOTED, IN_FOLLOW_UP, EVALUATED, CLOSED, SUPERSEDED)

# Approved or taken note of by a body, and not yet evaluated: the goals are in force.
IN_FORCE = frozenset({APPROVED, NOTED, IN_FOLLOW_UP})
# A version an amendment can still replace (and which an amendment can be started of).
AMENDABLE = IN_FORCE | {PROPOSED}

# Who: the names `permissions.py` gives a meaning to.
DRAFTERS = "drafters"  # coordinators, organisation admins and discussion partners
PREPARERS = "preparers"  # coordinators and organisation admins (the secretary's work)


@dataclass(frozen=True)
class Verb:
    """Something done to a plan, asked of `permissions.refusal(user, verb, plan)`.

    `states`: the states in which it is allowed (None: any state). `to`: the state it moves the
    plan to (None: the plan stays; a decision moves it as `DECISIONS` says)."""

    who: str
    states: frozenset[str] | None
    to: str | None = None


@dataclass(frozen=True)
class DecisionKind:
    """A body's decision recorded from the minutes (verb "decide"): `moves` maps each state it
    can be recorded in to the state it moves the plan to (None: the plan stays).

    `amendment_only`: only on an amendment (a version that replaces another one), which is
    still a draft when the board amends and approves it. `board`: only the board or the
    council makes it. `own_matter`: the executive's own matter, presented by the chair.
    `party`: the executive is a party to the decision (their own goals, their evaluation, their
    pay; Administrative Procedure Act 28 §): the form proposes them as disqualified, and they
    cannot be recorded as present without it. `starts_amendment`: the decision approves the
    goals with changes made at the meeting, and the version that writes the changes in is
    started with it."""

    moves: dict[str, str | None]
    amendment_only: bool = False
    board: bool = True
    own_matter: bool = False
    party: bool = True
    starts_amendment: bool = False


# In the order the decision form offers the kinds.
DECISIONS: dict[str, DecisionKind] = {
    "review": DecisionKind(
        {PROPOSED: None, APPROVED: None, NOTED: None, IN_FOLLOW_UP: None},
        board=False,
        party=False,
    ),
    "approve": DecisionKind({PROPOSED: APPROVED}),
    "approve_amended": DecisionKind({PROPOSED: APPROVED}, starts_amendment=True),
    "take_note": DecisionKind({PROPOSED: NOTED}),
    # Returned for preparation (palautettiin valmisteluun): a draft again, to be proposed anew.
    "return": DecisionKind({PROPOSED: DRAFT}, board=False),
    # Tabled (pöydättiin): the plan waits, proposed, for the next meeting.
    "table": DecisionKind({PROPOSED: None}, board=False, party=False),
    "amend": DecisionKind({DRAFT: APPROVED, PROPOSED: APPROVED}, amendment_only=True),
    "evaluate": DecisionKind(
        {APPROVED: EVALUATED, NOTED: EVALUATED, IN_FOLLOW_UP: EVALUATED}, own_matter=True
    ),
    "reward": DecisionKind({EVALUATED: None}, own_matter=True),
}


def _decided_in() -> frozenset[str]:
    """The states in which some decision can be recorded on any plan (an amendment draft is
    let through by `permissions.refusal` itself)."""
    return frozenset(
        state
        for kind in DECISIONS.values()
        for state in kind.moves
        if not (kind.amendment_only and state == DRAFT)
    )


VERBS: dict[str, Verb] = {
    "edit": Verb(DRAFTERS, frozenset({DRAFT})),
    "propose": Verb(DRAFTERS, frozenset({DRAFT}), to=PROPOSED),
    "return": Verb(DRAFTERS, frozenset({PROPOSED}), to=DRAFT),
    # Evaluated plans still take a reward decision; record_decision checks the kind's states.
    "decide": Verb(PREPARERS, _decided_in()),
    # A new draft version; this version stays as it is until the amendment is decided on.
    "amend": Verb(DRAFTERS, AMENDABLE),
    "start_follow_up": Verb(PREPARERS, frozenset({APPROVED, NOTED}), to=IN_FOLLOW_UP),
    "close": Verb(PREPARERS, frozenset({EVALUATED}), to=CLOSED),
    "start_next": Verb(DRAFTERS, None),
}

# The version an amendment replaces, when a body approves the amendment or takes note of it.
SUPERSEDE: tuple[frozenset[str], str] = (AMENDABLE, SUPERSEDED)


def decision_moves() -> dict[str, dict[str, str | None]]:
    """{decision kind: {from state: to state or None}}, in the order of `DECISIONS`."""
    return {kind: dict(d.moves) for kind, d in DECISIONS.items()}


def allowed_moves() -> set[tuple[str, str]]:
    """Every (from, to) change of a plan's state: what the database triggers let through."""
    moves = {
        (state, verb.to)
        for verb in VERBS.values()
        if verb.to is not None
        for state in verb.states or STATES
    }
    moves |= {
        (state, to)
        for kind in DECISIONS.values()
        for state, to in kind.moves.items()
        if to is not None
    }
    sources, to = SUPERSEDE
    moves |= {(state, to) for state in sources}
    return moves
