"""Every change of state of a goal plan is one function in this package, by subject:

- `editing`: the draft's texts, goals, indicators and checkpoints;
- `next_period`: a new plan, and the next period's draft copied from this one;
- `workflow`: propose, return, the bodies' decisions, amendment, follow-up, close;
- `follow_up`: the follow-up entries;
- `measures`: the weights, the reward rule and the measured values.

Each action checks permission and state, validates, saves, and writes its audit event in the
same transaction (the shared machinery is `suunta.core.actions`). Editable records carry
`lock_version`: a save based on a stale version raises `StaleVersion` and changes nothing.
Callers use the package: `from suunta.goals import actions; actions.update_goal(...)`.
"""

from suunta.core.actions import ActionError, StaleVersion, WrongState
from suunta.core.forms import add_form_errors, validation_messages

from .common import FORBIDDEN, authorise, not_draft
from .editing import (
    add_checkpoint,
    add_goal,
    add_indicator,
    carried_over,
    confirm_carried_over,
    delete_checkpoint,
    delete_goal,
    delete_indicator,
    link_focus_area,
    move_checkpoint,
    move_goal,
    move_indicator,
    update_checkpoint,
    update_goal,
    update_indicator,
    update_plan,
)
from .follow_up import add_follow_up, delete_follow_up, follow_up_refusal, update_follow_up
from .measures import (
    add_value,
    delete_value,
    import_values,
    require_values,
    save_reward_rule,
    set_weights,
    update_value,
)
from .next_period import create_plan, start_next_plan
from .workflow import (
    BOARD_DECISIONS,
    DECISION_MOVES,
    OWN_MATTERS,
    PARTY_DECISIONS,
    close_plan,
    propose_plan,
    record_decision,
    return_plan,
    start_amendment,
    start_follow_up,
)

__all__ = [
    "BOARD_DECISIONS",
    "DECISION_MOVES",
    "FORBIDDEN",
    "OWN_MATTERS",
    "PARTY_DECISIONS",
    "ActionError",
    "StaleVersion",
    "WrongState",
    "add_checkpoint",
    "add_follow_up",
    "add_form_errors",
    "add_goal",
    "add_indicator",
    "add_value",
    "authorise",
    "carried_over",
    "close_plan",
    "confirm_carried_over",
    "create_plan",
    "delete_checkpoint",
    "delete_follow_up",
    "delete_goal",
    "delete_indicator",
    "delete_value",
    "follow_up_refusal",
    "import_values",
    "link_focus_area",
    "move_checkpoint",
    "move_goal",
    "move_indicator",
    "not_draft",
    "propose_plan",
    "record_decision",
    "require_values",
    "return_plan",
    "save_reward_rule",
    "set_weights",
    "start_amendment",
    "start_follow_up",
    "start_next_plan",
    "update_checkpoint",
    "update_follow_up",
    "update_goal",
    "update_indicator",
    "update_plan",
    "update_value",
    "validation_messages",
]
