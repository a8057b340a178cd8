from django import template
from django.utils import timezone

from suunta.schedule.due import due_for

register = template.Library()


@register.inclusion_tag("schedule/_due.html", takes_context=True)
def due_list(context):
    """The "expected from you" list of the home page."""
    user = context["request"].user
    today = timezone.localdate()
    items = due_for(user, today)
    return {
        "today": today,
        "rows": [{"item": item, "overdue": item.is_overdue(today)} for item in items],
    }
