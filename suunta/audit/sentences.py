"""An audit event as a sentence in the reader's language: who did what to which item and when
("Koordinaattori muutti mittaria ”Talousarvio toteutuu” 3.2.2026 klo 14.05"), with each
changed field named by its label and shown before and after. Never an action code, a JSON
document or an id.

Each app registers the sentences of its own actions in its `AppConfig.ready()`
(`register({"goal.add": _("%(who)s added the goal %(name)s"), …})`); an action nobody
registered reads as "<who> changed <the kind of item> <name>", so a new action is never shown as
its code."""

from __future__ import annotations

import datetime
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext as _

_SENTENCES: dict[str, str | Promise] = {}

# What an audit snapshot holds that a reader never needs to see.
HIDDEN = {
    "id",
    "lock_version",
    "created_at",
    "updated_at",
    "organisation",
    "plan",
    "post",
    "series",
    "key",
    "content_hash",
    "password",
    "digest",
    "token",
}
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
NAME_FIELDS = ("title", "text", "label", "name", "heading", "description")


def register(sentences: dict[str, str | Promise]) -> None:
    _SENTENCES.update(sentences)


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class Sentence:
    text: str
    when: str
    changes: list[Change] = field(default_factory=list)
    via: str = ""

    def __str__(self) -> str:
        return f"{self.text} {self.when}"


@functools.cache
def _model(object_type: str) -> Any:
    for model in apps.get_models():
        if model._meta.model_name == object_type:
            return model
    return None


def _label(model: Any, name: str) -> str:
    if model is not None:
        try:
            return str(model._meta.get_field(name).verbose_name)
        except Exception:  # noqa: S110 - a snapshot key that is no field (e.g. "reason")
            pass
    words = {
        "reason": _("reason"),
        "status": _("state"),
        "focus_areas": _("focus areas"),
        "sections": _("sections"),
        "partners": _("discussion partners"),
        "holder": _("holder of the post"),
        "attendees": _("present"),
        "disqualified": _("disqualified"),
        "section": _("section"),
        "plan_before": _("state of the plan before"),
        "plan_after": _("state of the plan after"),
    }
    return str(words.get(name, name.replace("_", " ")))


def value_text(value: Any) -> str:
    """A snapshot's value as a reader reads it: dates the Finnish way, yes/no, lists joined;
    an id is not shown."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        shown = [value_text(v) for v in value if not (isinstance(v, str) and _UUID.match(v))]
        return "; ".join(shown) if shown else _("(%(count)d chosen)") % {"count": len(value)}
    if isinstance(value, dict):
        return "; ".join(f"{k}: {value_text(v)}" for k, v in value.items())
    text = str(value)
    if _UUID.match(text):
        return _("(changed)")
    if _ISO_DATE.match(text):
        return date_format(datetime.date.fromisoformat(text), "SHORT_DATE_FORMAT")
    if _ISO_DATETIME.match(text):
        try:
            moment = datetime.datetime.fromisoformat(text)
            if timezone.is_aware(moment):
                moment = timezone.localtime(moment)
            return date_format(moment, "SHORT_DATETIME_FORMAT")
        except ValueError:
            return text
    return text


def _shown(key: str) -> bool:
    return key not in HIDDEN and not key.endswith("_id")


def changes(event: Any, related: Related | None = None) -> list[Change]:
    """The fields the event changed, each with its label, before and after; for an event that
    made or removed an item, the item's filled-in fields."""
    related = related or Related()
    before = event.before if isinstance(event.before, dict) else {}
    after = event.after if isinstance(event.after, dict) else {}
    model = _model(event.object_type)
    result = []
    for key in list(dict.fromkeys([*before, *after])):
        if not _shown(key):
            continue
        old, new = before.get(key), after.get(key)
        if key in before and key in after and old == new:
            continue
        if old in (None, "", []) and new in (None, "", []):
            continue
        if isinstance(old, str) and _UUID.match(old) and isinstance(new, str) and _UUID.match(new):
            continue  # another item chosen: the sentence says which
        result.append(
            Change(
                _label(model, key),
                _value(model, key, old, related),
                _value(model, key, new, related),
            )
        )
    return result


def _shown_values(event: Any):
    """(model, key, value) of every value `changes` may show."""
    model = _model(event.object_type)
    for values in (event.before, event.after):
        if isinstance(values, dict):
            for key, value in values.items():
                if _shown(key):
                    yield model, key, value


class Related:
    """The items the events' values name, read once per model for a whole page of events
    (`prime`), not once per value."""

    def __init__(self) -> None:
        self.found: dict[Any, dict[str, Any]] = defaultdict(dict)

    def prime(self, events: list[Any]) -> None:
        wanted: dict[Any, set[str]] = defaultdict(set)
        for event in events:
            for model, key, value in _shown_values(event):
                target = _related_model(model, key)
                if target is not None and value not in (None, "", []):
                    wanted[target] |= {
                        str(v) for v in (value if isinstance(value, list) else [value])
                    }
        for target, pks in wanted.items():
            self._read(target, pks)

    def _read(self, target: Any, pks: set[str]) -> None:
        try:
            objects = target._default_manager.filter(pk__in=list(pks))
            self.found[target].update({str(o.pk): o for o in objects})
        except Exception:  # noqa: S110 - an old snapshot's value that is no id of the model
            pass
        for pk in pks:
            self.found[target].setdefault(pk, None)

    def names(self, target: Any, pks: list[Any]) -> list[str]:
        missing = {str(pk) for pk in pks} - set(self.found[target])
        if missing:
            self._read(target, missing)
        return [_object_text(o) for pk in pks if (o := self.found[target].get(str(pk)))]


def _related_model(model: Any, key: str) -> Any:
    field = _field(model, key)
    return getattr(field, "related_model", None) if field is not None else None


# Snapshot keys that are no field of the model but hold a plan's state.
STATE_KEYS = {"plan_before", "plan_after"}


def _field(model: Any, key: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(key)
    except Exception:
        return None


def _object_text(obj: Any) -> str:
    if hasattr(obj, "display_name"):
        return obj.display_name()
    if hasattr(obj, "get_full_name"):
        return obj.get_full_name() or obj.get_username()
    return str(obj)


def _value(model: Any, key: str, value: Any, related: Related) -> str:
    """A value as the reader reads it: a choice by its label, a related item by its name."""
    if key in STATE_KEYS:
        model, key = _model("goalplan"), "status"
    field = _field(model, key)
    if field is not None and value not in (None, "", []):
        if getattr(field, "choices", None):
            labels = {str(k): str(v) for k, v in field.flatchoices}
            if str(value) in labels:
                return labels[str(value)]
        target = getattr(field, "related_model", None)
        if target is not None:
            names = related.names(target, value if isinstance(value, list) else [value])
            if names:
                return "; ".join(names)
    return value_text(value)


def _name(event: Any) -> str:
    lang = (get_language() or "fi")[:2]
    for values in (event.after, event.before):
        if not isinstance(values, dict):
            continue
        for base in NAME_FIELDS:
            for key in (f"{base}_{lang}", f"{base}_fi", f"{base}_sv", base):
                text = values.get(key)
                if isinstance(text, str) and text.strip() and not _UUID.match(text):
                    text = " ".join(text.split())
                    return text if len(text) <= 80 else text[:79] + "…"
    return ""


def who(event: Any) -> str:
    actor = getattr(event, "actor", None)
    if actor is None:
        return _("The system")
    return actor.get_full_name() or actor.get_username()


def when(moment: datetime.datetime) -> str:
    moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return _("%(date)s at %(time)s") % {
        "date": date_format(moment, "SHORT_DATE_FORMAT"),
        "time": date_format(moment, "TIME_FORMAT"),
    }


def describe_all(events: list[Any]) -> list[Sentence]:
    """A page of events as sentences, the items they name read once per model."""
    related = Related()
    related.prime(events)
    return [describe(event, related) for event in events]


def describe(event: Any, related: Related | None = None) -> Sentence:
    """The event as a sentence in the active language."""
    name = _name(event)
    quoted = f"”{name}”" if name else ""
    values = {"who": who(event), "name": quoted, "item": quoted}
    template = _SENTENCES.get(event.action)
    if template is None and event.action.startswith("decision."):
        template = _SENTENCES.get("decision.*")
    if template is None:
        model = _model(event.object_type)
        kind = str(model._meta.verbose_name) if model is not None else _("an item")
        text = _("%(who)s changed %(kind)s %(name)s") % {**values, "kind": kind}
    else:
        values["decision"] = _decision(event)
        values["body"] = _body(event)
        text = str(template) % values
    return Sentence(
        " ".join(text.split()), when(event.at), changes(event, related), via_label(event.via)
    )


def via_label(via: str) -> str:
    labels = {
        "web": _("in the browser"),
        "api": _("through the API"),
        "admin": _("in the admin"),
        "command": _("by a command"),
    }
    return str(labels.get(via, via or "–"))


def _decision(event: Any) -> str:
    after = event.after if isinstance(event.after, dict) else {}
    kind = after.get("kind") or event.action.partition(".")[2]
    model = _model("decision")
    if model is not None:
        try:
            choices = dict(model._meta.get_field("kind").choices)
            return str(choices.get(kind, kind))
        except Exception:  # noqa: S110
            pass
    return kind


def _body(event: Any) -> str:
    after = event.after if isinstance(event.after, dict) else {}
    model = _model("body")
    body = (
        model.objects.filter(pk=after.get("body")).first() if model and after.get("body") else None
    )
    return body.text("name") if body is not None else _("the body")
