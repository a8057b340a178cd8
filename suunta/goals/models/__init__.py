from .evaluation import RatingScale, ScaleLevel
from .measurements import IndicatorValue
from .plans import (
    Checkpoint,
    ContractSection,
    Decision,
    DirectorContract,
    FollowUpEntry,
    Goal,
    GoalPlan,
    Indicator,
)
from .rewards import RewardRule

__all__ = [
    "Checkpoint",
    "ContractSection",
    "Decision",
    "DirectorContract",
    "FollowUpEntry",
    "Goal",
    "GoalPlan",
    "Indicator",
    "IndicatorValue",
    "RatingScale",
    "RewardRule",
    "ScaleLevel",
]
