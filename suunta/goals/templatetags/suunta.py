"""Template helpers for bilingual content and plain-text blocks."""

import re

from django import template
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

_BULLET = re.compile(r"^\s*[•\-\u2013*]\s+")


@register.simple_tag
def content(obj, name, block=False, plain=False):
    """The text in the active language, falling back to another content language.

    A fallback is marked with `lang` so screen readers pronounce it right. With block=True,
    lines starting with a bullet become a list and other lines paragraphs.
    """
    if obj is None:
        return ""
    value, lang = obj.text_lang(name)
    return _shown(value, lang, block)


@register.simple_tag
def written(text, block=False):
    """A `goals.presentation.Text` as `content` shows a text: marked with `lang` when it is
    not in the active language; with block=True as paragraphs and lists."""
    return _shown(text.value, text.lang, block)


def _shown(value, lang, block):
    if not value:
        return ""
    active = (get_language() or "fi")[:2]
    html = _blocks(value) if block else conditional_escape(value)
    if lang != active:
        tag = "div" if block else "span"
        return format_html('<{} lang="{}">{}</{}>', tag, lang, html, tag)
    return html


def _blocks(value: str):
    parts, items = [], []

    def flush():
        if items:
            parts.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
            items.clear()

    for line in value.splitlines():
        if not line.strip():
            flush()
            continue
        if _BULLET.match(line):
            items.append(conditional_escape(_BULLET.sub("", line).strip()))
        else:
            flush()
            parts.append(f"<p>{conditional_escape(line.strip())}</p>")
    flush()
    return mark_safe("".join(parts))  # noqa: S308 – every piece is escaped above


@register.simple_tag(takes_context=True)
def language_url(context, lang):
    request = context.get("request")
    if request is None:
        return f"/{lang}/"
    return translate_url(request.get_full_path(), lang)


@register.filter
def field_lang(field):
    """'fi' or 'sv' for a content field named like title_fi, else ''."""
    name = getattr(field, "name", "")
    return name[-2:] if name[-3:] in ("_fi", "_sv") else ""


@register.filter
def aria(field):
    """The field's widget, tied to its help text and errors for screen readers."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_help")
    if field.errors:
        ids.append(f"{field.auto_id}_errors")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    lang = field_lang(field)
    if lang:
        attrs["lang"] = lang
    return field.as_widget(attrs=attrs)
