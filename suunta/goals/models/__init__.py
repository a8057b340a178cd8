from .base import Editable, Entity, Translatable
from .evaluation import RatingScale, ScaleLevel
from .interests import Interest, InterestDeclaration
from .measurements import IndicatorValue
from .organisations import (
    Body,
    DiscussionPartnerRule,
    ExecutivePost,
    FocusArea,
    Membership,
    Organisation,
    Person,
    PostTenure,
)
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
    "Body",
    "Checkpoint",
    "ContractSection",
    "Decision",
    "DirectorContract",
    "DiscussionPartnerRule",
    "Editable",
    "Entity",
    "ExecutivePost",
    "FocusArea",
    "FollowUpEntry",
    "Goal",
    "GoalPlan",
    "Indicator",
    "IndicatorValue",
    "Interest",
    "InterestDeclaration",
    "Membership",
    "Organisation",
    "Person",
    "PostTenure",
    "RatingScale",
    "RewardRule",
    "ScaleLevel",
    "Translatable",
]
