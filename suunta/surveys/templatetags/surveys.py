"""The plan page's block of evaluation surveys, shown only to those who may see them."""

from django import template

from suunta.surveys import permissions as survey_permissions

from ..models import Survey

register = template.Library()


@register.inclusion_tag("surveys/_plan_block.html", takes_context=True)
def plan_surveys(context, plan):
    user = context["request"].user
    if not survey_permissions.can_view_survey(user, plan):
        return {"show": False}
    surveys = list(Survey.objects.filter(plan=plan).order_by("-opens_on"))
    can_create = survey_permissions.can_create_survey(user, plan)
    return {
        "show": bool(surveys or can_create),
        "plan": plan,
        "surveys": surveys,
        "can_create": can_create,
    }
