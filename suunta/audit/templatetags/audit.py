from django import template

from suunta.audit.sentences import Sentence, describe

register = template.Library()


@register.filter
def sentence(event) -> Sentence:
    """`{% with said=event|sentence %}{{ said.text }} {{ said.when }}…`: the event in words."""
    return describe(event)
