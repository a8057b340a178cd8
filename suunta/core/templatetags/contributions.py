"""`{% sections "slot" obj %}`: the sections feature apps registered for a slot of the page
(see suunta/core/contributions.py)."""

from django import template

from suunta.core.contributions import render_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def sections(context, slot, obj):
    return render_sections(slot, context["request"], obj)
