from .base import Editable, Entity, Translatable
from .evaluation import RatingScale, ScaleLevel
from .interests import (
    DeclarationReview,
    DeclarationRule,
    DeclarationVersion,
    Interest,
    InterestDeclaration,
    RegisterSettings,
)
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
    "DeclarationReview",
    "DeclarationRule",
    "DeclarationVersion",
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
    "RegisterSettings",
    "RewardRule",
    "ScaleLevel",
    "Translatable",
]
