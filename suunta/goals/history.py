"""The sentences of the goal plan's audit events, in the reader's language (`audit/sentences.py`):
"%(who)s" the one who acted, "%(name)s" the item's name in quotes, "%(decision)s" a decision's
outcome as its label reads ("hyväksyi") and "%(body)s" the body that made it. The surveys' and
the imports' events on a plan are written here too: they are the plan's history."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from suunta.audit import sentences

SENTENCES = {
    "plan.create": _("%(who)s started the plan %(name)s"),
    "plan.import": _("%(who)s made the plan %(name)s from an imported document"),
    "plan.update": _("%(who)s changed the plan's texts"),
    "plan.propose": _("%(who)s proposed the plan"),
    "plan.return": _("%(who)s returned the plan for changes"),
    "plan.amend": _("%(who)s started an amendment as a new version"),
    "plan.start_next": _("%(who)s started the next period's plan %(name)s"),
    "plan.start_follow_up": _("%(who)s started the follow-up"),
    "plan.close": _("%(who)s closed the plan"),
    "plan.supersede": _("The version was replaced by its approved amendment"),
    "plan.delete": _("%(who)s deleted the draft %(name)s"),
    "plan.weights": _("%(who)s set the goals' weights"),
    "plan.confirm_carried_over": _("%(who)s confirmed a carried-over text as right"),
    "goal.add": _("%(who)s added the goal %(name)s"),
    "goal.update": _("%(who)s changed the goal %(name)s"),
    "goal.delete": _("%(who)s removed the goal %(name)s"),
    "goal.move": _("%(who)s moved the goal %(name)s"),
    "goal.link_focus_area": _("%(who)s linked the goal %(name)s to a focus area"),
    "indicator.add": _("%(who)s added the indicator %(name)s"),
    "indicator.update": _("%(who)s changed the indicator %(name)s"),
    "indicator.delete": _("%(who)s removed the indicator %(name)s"),
    "indicator.move": _("%(who)s moved the indicator %(name)s"),
    "checkpoint.add": _("%(who)s added the checkpoint %(name)s"),
    "checkpoint.update": _("%(who)s changed the checkpoint %(name)s"),
    "checkpoint.delete": _("%(who)s removed the checkpoint %(name)s"),
    "checkpoint.move": _("%(who)s moved the checkpoint %(name)s"),
    "follow_up.add": _("%(who)s wrote a follow-up %(name)s"),
    "follow_up.update": _("%(who)s changed a follow-up %(name)s"),
    "follow_up.delete": _("%(who)s removed a follow-up"),
    "value.add": _("%(who)s recorded a measured value"),
    "value.update": _("%(who)s corrected a measured value"),
    "value.delete": _("%(who)s removed a measured value"),
    "value.import": _("%(who)s imported measured values from a file"),
    "reward_rule.add": _("%(who)s set the reward rule"),
    "reward_rule.update": _("%(who)s changed the reward rule"),
    "decision.*": _("%(who)s recorded the decision: %(body)s %(decision)s"),
    "survey.create": _("%(who)s created an evaluation survey"),
    "survey.send": _("%(who)s sent the evaluation survey"),
    "survey.close": _("%(who)s closed the evaluation survey"),
    "import.read": _("%(who)s imported a goal document"),
    "import.discard": _("%(who)s discarded an imported document"),
    "coverage.reject": _("%(who)s marked a suggested focus area as not covered by the goal"),
}


def register() -> None:
    sentences.register(SENTENCES)
