"""Every change of a discussion record is one function here: it checks permission and state
(the discussion row is locked for the transaction), validates, saves with the `lock_version`
compare-and-swap and writes its audit event in the same transaction.

Audit events never carry what was written in the minutes, the items' titles or the actions'
descriptions: only which fields changed and non-textual facts (dates, order, the confidential
mark, status). The budget of a confidential action is left out too.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from suunta.core import clock
from suunta.core.actions import ActionError, StaleVersion, WrongState, audited, cas_update
from suunta.discussions import permissions as discussion_permissions
from suunta.organisations.models import ExecutivePost, Organisation, Person
from suunta.organisations.permissions import is_person_of

from .models import (
    ActionNote,
    AgendaTemplate,
    AgendaTemplateItem,
    Discussion,
    DiscussionItem,
    TrainingAction,
)

__all__ = ["ActionError", "StaleVersion", "WrongState"]

# --- The default agenda ----------------------------------------------------------------------

PURPOSE_FI = (
    "• Perustuu johtajasopimukseen\n"
    "• Kunnan strategiaa tukeva johtaminen sekä tekemisen painopisteiden kirkastaminen\n"
    "• Johtajan johtamistyön tavoitteiden ja niiden arviointikriteerien asettaminen ja "
    "seuraaminen -> johtajan työssä onnistumisen edellytysten tukeminen ja työsuorituksen "
    "arviointi\n"
    "• Johtajan työn ja tavoitteiden etenemisen säännöllinen arviointi\n"
    "• Poliittisen ja operatiivisen johdon yhteistyön kehittäminen\n"
    "• Johtajan osaamisen kehittäminen ja työhyvinvoinnin varmistaminen"
)
PURPOSE_SV = (
    "• Grundar sig på direktörsavtalet\n"
    "• Ledarskap som stöder kommunens strategi och förtydligar arbetets fokusområden\n"
    "• Att ställa upp och följa upp målen för direktörens ledningsarbete och kriterierna för "
    "bedömningen av dem -> stöd för förutsättningarna att lyckas i arbetet och bedömning av "
    "arbetsprestationen\n"
    "• Regelbunden bedömning av direktörens arbete och hur målen framskrider\n"
    "• Att utveckla samarbetet mellan den politiska och den operativa ledningen\n"
    "• Att utveckla direktörens kompetens och säkerställa arbetshälsan"
)

# (title fi, title sv, guidance fi, guidance sv, confidential by default)
DEFAULT_ITEMS: list[tuple[str, str, str, str, bool]] = [
    ("Keskustelun tarkoitus", "Samtalets syfte", PURPOSE_FI, PURPOSE_SV, False),
    (
        "Edellisen kauden tavoitteiden toteutuminen",
        "Hur förra periodens mål har uppnåtts",
        "Käydään läpi edellisen kauden tavoitteet ja niiden toteutuminen mittareittain.",
        "Förra periodens mål och hur de har uppnåtts, mätare för mätare.",
        False,
    ),
    (
        "Uudet tavoitteet, mittarit ja arviointikriteerit",
        "Nya mål, mätare och bedömningskriterier",
        "Strategiasta ja talousarviosta johdetut tavoitteet, mittarit ja arviointikriteerit.",
        "Mål som härleds ur strategin och budgeten, med mätare och bedömningskriterier.",
        False,
    ),
    (
        "Yhteistyö poliittisen johdon kanssa",
        "Samarbetet med den politiska ledningen",
        "Päätöksenteon valmistelu, tiedonkulku ja roolit.",
        "Beredningen av besluten, informationsgången och rollerna.",
        False,
    ),
    (
        "Työhyvinvointi ja työmäärä",
        "Arbetshälsa och arbetsmängd",
        "Luottamuksellinen: näkyy vain keskustelun osallistujille.",
        "Konfidentiellt: syns endast för samtalets deltagare.",
        True,
    ),
    (
        "Osaaminen sekä koulutus- ja kehittymistarpeet",
        "Kompetens samt utbildnings- och utvecklingsbehov",
        "Sovitaan koulutus- ja kehittämistoimet, vastuuhenkilöt ja aikataulu.",
        "Utbildnings- och utvecklingsåtgärder, ansvariga och tidtabell avtalas.",
        True,
    ),
    (
        "Organisaation toimivuus",
        "Hur organisationen fungerar",
        "Johtoryhmätyö, organisaatiorakenne ja muutostarpeet.",
        "Ledningsgruppens arbete, organisationsstrukturen och behov av förändring.",
        False,
    ),
    (
        "Palkkaus",
        "Lönesättning",
        "Palkkauksen tarkistaminen. Luottamuksellinen keskustelun ajan; päätös tehdään erikseen.",
        "Översyn av lönen. Konfidentiellt under samtalet; beslutet fattas separat.",
        True,
    ),
]


def ensure_default_template(
    organisation: Organisation, *, items: list[tuple[str, str, str, str, bool]] | None = None
) -> AgendaTemplate:
    """The organisation's default agenda, created on first use with the usual topics."""
    with transaction.atomic():
        template = AgendaTemplate.objects.filter(organisation=organisation, is_default=True).first()
        if template is not None:
            return template
        template = AgendaTemplate.objects.create(
            organisation=organisation,
            name_fi="Tavoite- ja kehityskeskustelu",
            name_sv="Mål- och utvecklingssamtal",
            is_default=True,
        )
        AgendaTemplateItem.objects.bulk_create(
            AgendaTemplateItem(
                template=template,
                order=n,
                title_fi=t_fi,
                title_sv=t_sv,
                guidance_fi=g_fi,
                guidance_sv=g_sv,
                confidential=conf,
            )
            for n, (t_fi, t_sv, g_fi, g_sv, conf) in enumerate(items or DEFAULT_ITEMS, start=1)
        )
        audited(
            "agenda_template.create",
            template,
            None,
            organisation=organisation,
            after={"items": template.items.count()},
        )
    return template


def add_agenda_template(organisation: Organisation, *, actor: Any) -> AgendaTemplate:
    """A new template, starting as a copy of the default one."""
    with transaction.atomic():
        if not discussion_permissions.can_edit_agenda_templates(actor, organisation):
            raise PermissionDenied(_("You may not edit the agenda templates."))
        default = ensure_default_template(organisation)
        copy = _("copy")
        template = AgendaTemplate.objects.create(
            organisation=organisation,
            name_fi=f"{default.name_fi or default.name_sv} ({copy})",
            name_sv=f"{default.name_sv} (kopia)" if default.name_sv else "",
        )
        AgendaTemplateItem.objects.bulk_create(
            AgendaTemplateItem(
                template=template,
                order=item.order,
                **{
                    f: getattr(item, f)
                    for f in (
                        "title_fi",
                        "title_sv",
                        "guidance_fi",
                        "guidance_sv",
                        "confidential",
                    )
                },
            )
            for item in default.items.all()
        )
        audited(
            "agenda_template.add",
            template,
            actor,
            organisation=organisation,
            after={"copied": True},
        )
    return template


def save_agenda_template(
    template: AgendaTemplate,
    *,
    data: dict[str, Any],
    items: list[dict[str, Any]],
    expected_lock: int,
    actor: Any,
) -> AgendaTemplate:
    """The template's name and its whole ordered list of items, saved at once."""
    with transaction.atomic():
        if not discussion_permissions.can_edit_agenda_templates(actor, template.organisation_id):
            raise PermissionDenied(_("You may not edit the agenda templates."))
        if not items:
            raise ValidationError(_("An agenda needs at least one item."))
        for field, value in data.items():
            setattr(template, field, value)
        template.full_clean()
        cas_update(template, template.pk, expected_lock, **data)
        before = template.items.count()
        template.items.all().delete()
        rows = [
            AgendaTemplateItem(template=template, order=n, **row)
            for n, row in enumerate(items, start=1)
        ]
        for row in rows:
            row.full_clean(exclude=["template"])
        AgendaTemplateItem.objects.bulk_create(rows)
        audited(
            "agenda_template.update",
            template,
            actor,
            organisation=template.organisation,
            before={"items": before},
            after={"items": len(rows), "confidential": sum(r.confidential for r in rows)},
        )
    return template


# --- Discussion records ----------------------------------------------------------------------

FORBIDDEN = {
    "edit": gettext_lazy("You may not edit this discussion record."),
    "sign_off": gettext_lazy(
        "Only a participant who held or recorded the discussion (a discussion partner or the "
        "coordinator) may sign it off."
    ),
    "follow_up_action": gettext_lazy("You may not follow up this action."),
}


def _locked(discussion: Discussion) -> Discussion:
    return (
        Discussion.objects.select_for_update(of=("self",))
        .select_related("organisation", "post")
        .get(pk=discussion.pk)
    )


def _authorise(actor: Any, verb: str, discussion: Discussion) -> Discussion:
    """Inside the transaction: the discussion as saved now (locked), or a refusal."""
    fresh = _locked(discussion)
    reason = discussion_permissions.discussion_refusal(actor, verb, fresh)
    if reason == "forbidden":
        raise PermissionDenied(str(FORBIDDEN[verb]))
    if reason == "state":
        raise WrongState(str(closed_message()))
    return fresh


def closed_message() -> str:
    return _(
        "This discussion record has been signed off and cannot be changed. Only the status "
        "and follow-up notes of its training and development actions can still be added."
    )


def _require_readable(actor: Any, obj: DiscussionItem | TrainingAction) -> None:
    if not discussion_permissions.can_read_discussion_item(actor, obj):
        raise PermissionDenied(_("Only the participants of the discussion read this item."))


def _check_people(organisation_id: Any, people: list[Person], field: str) -> None:
    if any(p.organisation_id != organisation_id for p in people):
        raise ValidationError({field: _("Choose people of this organisation.")})


def _check_plan(post: ExecutivePost, plan: Any) -> None:
    if plan is not None and plan.post_id != post.pk:
        raise ValidationError({"plan": _("Choose a goal plan of this post.")})


def _meta(discussion: Discussion, participants: list[Any] | None = None) -> dict[str, Any]:
    people = participants if participants is not None else list(discussion.participants.all())
    return {
        "kind": discussion.kind,
        "held_on": str(discussion.held_on),
        "plan": str(discussion.plan_id) if discussion.plan_id else None,
        "participants": sorted(str(p.pk) for p in people),
        "status": discussion.status,
    }


def person_of(actor: Any, organisation_id: Any, *, create: bool = False) -> Person | None:
    """The person the actor's account is in the organisation. With `create`, an account that
    is no person there yet (a coordinator, say) becomes one, by its name, linked to it."""
    if not getattr(actor, "pk", None):
        return None
    person = Person.objects.filter(user=actor, organisation_id=organisation_id).first()
    if person is None and create:
        name = actor.get_full_name() or actor.get_username()
        person = Person.objects.create(
            organisation_id=organisation_id, name=name[:200], email=actor.email or "", user=actor
        )
        audited("person.create", person, actor, organisation=person.organisation,
                after={"name": person.name, "user": actor.get_username(),
                       "why": "recorded a discussion"})  # fmt: skip
    return person


def create_discussion(
    post: ExecutivePost,
    *,
    data: dict[str, Any],
    actor: Any,
    template: AgendaTemplate | None = None,
) -> Discussion:
    """A new record with the agenda copied from the template (the organisation's default if
    none is given). The post's holder takes part as the executive."""
    data = dict(data)
    participants = list(data.pop("participants", None) or [])
    with transaction.atomic():
        if not discussion_permissions.can_create_discussion(actor, post):
            raise PermissionDenied(_("You may not record discussions of this post."))
        organisation = post.organisation
        template = template or ensure_default_template(organisation)
        if template.organisation_id != organisation.pk:
            raise ValidationError({"template": _("Choose an agenda of this organisation.")})
        _check_plan(post, data.get("plan"))
        _check_people(organisation.pk, participants, "participants")
        executive = post.current_holder(data.get("held_on"))
        if executive is None:
            executive = post.current_holder()
        if executive is not None and executive not in participants:
            participants.insert(0, executive)
        # The one who records the discussion takes part in it: never locked out of the
        # confidential items they write (the usability review's gap 4).
        creator = person_of(actor, organisation.pk, create=True)
        if creator is not None and creator not in participants:
            participants.append(creator)
        if len(participants) < 2:
            raise ValidationError(
                {"participants": _("Choose at least one discussion partner besides the executive.")}
            )
        discussion = Discussion(
            organisation=organisation, post=post, executive=executive, created_by=actor, **data
        )
        discussion.full_clean()
        discussion.save()
        discussion.participants.set(participants)
        DiscussionItem.objects.bulk_create(
            DiscussionItem(
                discussion=discussion,
                order=item.order,
                title_fi=item.title_fi,
                title_sv=item.title_sv,
                guidance_fi=item.guidance_fi,
                guidance_sv=item.guidance_sv,
                confidential=item.confidential,
            )
            for item in template.items.all()
        )
        audited(
            "discussion.create",
            discussion,
            actor,
            organisation=organisation,
            after={**_meta(discussion, participants), "template": str(template.pk)},
        )
    return discussion


def update_discussion(
    discussion: Discussion, *, data: dict[str, Any], expected_lock: int, actor: Any
) -> Discussion:
    """Date, kind, goal plan and participants of an open record."""
    data = dict(data)
    participants = data.pop("participants", None)
    with transaction.atomic():
        fresh = _authorise(actor, "edit", discussion)
        before = _meta(fresh)
        if participants is not None:
            participants = list(participants)
            if fresh.executive_id and all(p.pk != fresh.executive_id for p in participants):
                participants.insert(0, fresh.executive)
            if sorted(str(p.pk) for p in participants) != before["participants"]:
                if not discussion_permissions.can_change_participants(actor, fresh):
                    raise PermissionDenied(
                        _(
                            "The record already holds confidential content: only a participant "
                            "may change who took part."
                        )
                    )
                _check_people(fresh.organisation_id, participants, "participants")
                present = {p.pk for p in fresh.participants.all()}
                if any(
                    not discussion_permissions.can_add_participant(actor, fresh, p)
                    for p in participants
                    if p.pk not in present
                ):
                    raise ValidationError(
                        {
                            "participants": _(
                                "You cannot add yourself to the participants: a participant of "
                                "the discussion adds you."
                            )
                        }
                    )
                if len(participants) < 2:
                    raise ValidationError(
                        {
                            "participants": _(
                                "Choose at least one discussion partner besides the executive."
                            )
                        }
                    )
                own = person_of(actor, fresh.organisation_id)
                if (
                    own is not None
                    and own.pk in {p.pk for p in fresh.participants.all()}
                    and own.pk not in {p.pk for p in participants}
                ):
                    raise ValidationError(
                        {
                            "participants": _(
                                "You cannot remove yourself: you would no longer read the "
                                "confidential items of the record. Another participant can."
                            )
                        }
                    )
        _check_plan(fresh.post, data.get("plan", fresh.plan))
        held_on = data.get("held_on", fresh.held_on)
        late = fresh.actions.filter(due_on__lt=held_on)
        if late.exists():
            raise ValidationError(
                {"held_on": _("An agreed action is due before this date; change its due date.")}
            )
        for field, value in data.items():
            setattr(discussion, field, value)
        discussion.full_clean(exclude=["participants"])
        cas_update(
            discussion,
            discussion.pk,
            expected_lock,
            where={"status": Discussion.Status.OPEN},
            **data,
        )
        if participants is not None:
            discussion.participants.set(participants)
            discussion.__dict__.pop("_suunta_participant_users", None)
        audited(
            "discussion.update",
            discussion,
            actor,
            organisation=discussion.organisation,
            before=before,
            after=_meta(discussion),
        )
    return discussion


def sign_off_discussion(discussion: Discussion, *, expected_lock: int, actor: Any) -> Discussion:
    """Close the record: from now on it is read-only, except its actions' follow-up."""
    with transaction.atomic():
        fresh = _authorise(actor, "sign_off", discussion)
        if fresh.lock_version != expected_lock:
            raise StaleVersion(fresh)
        empty = [item.text("title") for item in fresh.items.all() if not item.has_minutes]
        if empty:
            raise ValidationError(
                _(
                    "Write the minutes of every item before signing off, or remove the items "
                    "that were not discussed: %(items)s."
                )
                % {"items": ", ".join(empty)}
            )
        signer = Person.objects.filter(
            user=actor, organisation=fresh.organisation_id, discussions=fresh
        ).first()
        cas_update(
            Discussion,
            fresh.pk,
            expected_lock,
            status=Discussion.Status.SIGNED_OFF,
            signed_off_by=signer,
            signed_off_at=clock.now(),
        )
        fresh.refresh_from_db()
        audited(
            "discussion.sign_off",
            fresh,
            actor,
            organisation=fresh.organisation,
            before={"status": Discussion.Status.OPEN},
            after={"status": fresh.status, "signed_off_by": str(signer.pk) if signer else None},
        )
    return fresh


def acknowledge_discussion(discussion: Discussion, *, expected_lock: int, actor: Any) -> Discussion:
    """The executive acknowledges the signed-off record as read (kuittaus): the chair signs it
    off, the executive confirms they have read what was recorded of their discussion."""
    with transaction.atomic():
        fresh = _locked(discussion)
        if fresh.executive is None or not is_person_of(actor, fresh.executive):
            raise PermissionDenied(
                _("Only the executive acknowledges the record of their discussion.")
            )
        if fresh.status != Discussion.Status.SIGNED_OFF:
            raise WrongState(_("The record is acknowledged once it has been signed off."))
        if fresh.acknowledged_at is not None:
            raise WrongState(_("The record has been acknowledged already."))
        if fresh.lock_version != expected_lock:
            raise StaleVersion(fresh)
        cas_update(
            Discussion,
            fresh.pk,
            expected_lock,
            acknowledged_by=fresh.executive,
            acknowledged_at=clock.now(),
        )
        fresh.refresh_from_db()
        audited(
            "discussion.acknowledge",
            fresh,
            actor,
            organisation=fresh.organisation,
            after={"acknowledged_by": str(fresh.executive_id)},
        )
    return fresh


# --- Agenda items ----------------------------------------------------------------------------

ITEM_TEXTS = ("title_fi", "title_sv", "guidance_fi", "guidance_sv", "minutes_fi", "minutes_sv")


def _changed(before: dict[str, Any], obj: models.Model, fields: list[str]) -> list[str]:
    return sorted(f for f in fields if before.get(f) != getattr(obj, f))


def add_item(discussion: Discussion, *, data: dict[str, Any], actor: Any) -> DiscussionItem:
    with transaction.atomic():
        fresh = _authorise(actor, "edit", discussion)
        order = (fresh.items.aggregate(m=models.Max("order"))["m"] or 0) + 1
        item = DiscussionItem(discussion=fresh, order=order, **data)
        item.full_clean()
        item.save()
        audited(
            "discussion_item.add",
            item,
            actor,
            organisation=fresh.organisation,
            after={"order": order, "confidential": item.confidential},
        )
    return item


def update_item(
    item: DiscussionItem, *, data: dict[str, Any], expected_lock: int, actor: Any
) -> DiscussionItem:
    """Title, minutes and the confidential mark. A confidential item is changed only by a
    participant (nobody else reads it)."""
    with transaction.atomic():
        _authorise(actor, "edit", item.discussion)
        saved = DiscussionItem.objects.filter(pk=item.pk).first()
        if saved is None:
            raise StaleVersion(None)
        _require_readable(actor, saved)
        before = {f: getattr(saved, f) for f in (*ITEM_TEXTS, "confidential")}
        for field, value in data.items():
            setattr(item, field, value)
        item.full_clean()
        cas_update(item, item.pk, expected_lock, stale=saved, **data)
        audited(
            "discussion_item.update",
            item,
            actor,
            organisation=item.discussion.organisation,
            before={"confidential": before["confidential"]},
            after={
                "confidential": item.confidential,
                "changed": _changed(before, item, [*ITEM_TEXTS, "confidential"]),
            },
        )
    return item


def delete_item(item: DiscussionItem, *, expected_lock: int, actor: Any) -> None:
    with transaction.atomic():
        fresh = _authorise(actor, "edit", item.discussion)
        current = DiscussionItem.objects.filter(pk=item.pk).first()
        if current is None or current.lock_version != expected_lock:
            raise StaleVersion(current)
        _require_readable(actor, current)
        audited(
            "discussion_item.delete",
            current,
            actor,
            organisation=fresh.organisation,
            before={"order": current.order, "confidential": current.confidential},
        )
        current.delete()
        for position, pk in enumerate(
            fresh.items.order_by("order").values_list("pk", flat=True), 1
        ):
            DiscussionItem.objects.filter(pk=pk).update(order=position)


def move_item(item: DiscussionItem, *, step: int, actor: Any) -> None:
    """One place up (-1) or down (1) among the items; the items are renumbered 1…n."""
    with transaction.atomic():
        fresh = _authorise(actor, "edit", item.discussion)
        items = list(fresh.items.select_for_update().order_by("order", "created_at"))
        index = next(i for i, x in enumerate(items) if x.pk == item.pk)
        target = index + step
        if not 0 <= target < len(items):
            return
        items[index], items[target] = items[target], items[index]
        for position, x in enumerate(items, start=1):
            if x.order != position:
                DiscussionItem.objects.filter(pk=x.pk).update(order=position)
        audited(
            "discussion_item.move",
            item,
            actor,
            organisation=fresh.organisation,
            before={"order": index + 1},
            after={"order": target + 1},
        )


# --- Training and development actions --------------------------------------------------------

ACTION_TEXTS = ("description_fi", "description_sv")
ACTION_FACTS = ("responsible_id", "due_on", "budget", "status", "confidential")


def _action_facts(action: TrainingAction) -> dict[str, Any]:
    if action.confidential:
        return {"confidential": True, "status": action.status}
    return {
        "confidential": False,
        "status": action.status,
        "due_on": str(action.due_on) if action.due_on else None,
        "budget": str(action.budget) if action.budget is not None else None,
        "responsible": str(action.responsible_id) if action.responsible_id else None,
    }


def _check_action(discussion: Discussion, data: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    responsible = data.get("responsible")
    if responsible is not None and responsible.organisation_id != discussion.organisation_id:
        errors["responsible"] = [_("Choose a person of this organisation.")]
    due = data.get("due_on")
    if due is not None and due < discussion.held_on:
        errors["due_on"] = [_("The due date cannot be before the discussion.")]
    budget = data.get("budget")
    if budget is not None and budget < 0:
        errors["budget"] = [_("A budget cannot be negative.")]
    if errors:
        raise ValidationError(errors)


def add_training_action(
    discussion: Discussion, *, data: dict[str, Any], actor: Any
) -> TrainingAction:
    with transaction.atomic():
        fresh = _authorise(actor, "edit", discussion)
        _check_action(fresh, data)
        order = (fresh.actions.aggregate(m=models.Max("order"))["m"] or 0) + 1
        action = TrainingAction(discussion=fresh, order=order, **data)
        action.full_clean()
        action.save()
        audited(
            "training_action.add",
            action,
            actor,
            organisation=fresh.organisation,
            after=_action_facts(action),
        )
    return action


def update_training_action(
    action: TrainingAction, *, data: dict[str, Any], expected_lock: int, actor: Any
) -> TrainingAction:
    with transaction.atomic():
        fresh = _authorise(actor, "edit", action.discussion)
        saved = TrainingAction.objects.filter(pk=action.pk).first()
        if saved is None:
            raise StaleVersion(None)
        _require_readable(actor, saved)
        _check_action(fresh, data)
        before = {f: getattr(saved, f) for f in (*ACTION_TEXTS, *ACTION_FACTS)}
        for field, value in data.items():
            setattr(action, field, value)
        action.full_clean()
        cas_update(action, action.pk, expected_lock, stale=saved, **data)
        audited(
            "training_action.update",
            action,
            actor,
            organisation=fresh.organisation,
            before=_action_facts(saved),
            after={
                **_action_facts(action),
                "changed": _changed(before, action, [*ACTION_TEXTS, *ACTION_FACTS]),
            },
        )
    return action


def delete_training_action(action: TrainingAction, *, expected_lock: int, actor: Any) -> None:
    with transaction.atomic():
        fresh = _authorise(actor, "edit", action.discussion)
        current = TrainingAction.objects.filter(pk=action.pk).first()
        if current is None or current.lock_version != expected_lock:
            raise StaleVersion(current)
        _require_readable(actor, current)
        audited(
            "training_action.delete",
            current,
            actor,
            organisation=fresh.organisation,
            before=_action_facts(current),
        )
        current.delete()


def follow_up_training_action(
    action: TrainingAction,
    *,
    status: str,
    note: dict[str, Any] | None,
    expected_lock: int,
    actor: Any,
) -> TrainingAction:
    """The action's status and, optionally, a dated note – also after sign-off."""
    with transaction.atomic():
        fresh = _authorise(actor, "follow_up_action", action.discussion)
        saved = TrainingAction.objects.filter(pk=action.pk).first()
        if saved is None:
            raise StaleVersion(None)
        if not discussion_permissions.can_follow_up_training_action(actor, saved):
            raise PermissionDenied(_("You may not follow up this action."))
        if status not in TrainingAction.Status.values:
            raise ValidationError({"status": _("Choose a status.")})
        if note is not None:
            written_on = note.get("written_on")
            if written_on is not None and written_on < fresh.held_on:
                raise ValidationError(
                    {"written_on": _("A follow-up note cannot be dated before the discussion.")}
                )
        cas_update(action, action.pk, expected_lock, stale=saved, status=status)
        action.status = status
        if note is not None:
            entry = ActionNote(
                action=action,
                author=actor if getattr(actor, "is_authenticated", False) else None,
                written_on=note.get("written_on") or clock.today(),
                text_fi=note.get("text_fi", ""),
                text_sv=note.get("text_sv", ""),
            )
            entry.full_clean()
            entry.save()
        audited(
            "training_action.follow_up",
            action,
            actor,
            organisation=fresh.organisation,
            before={"status": saved.status},
            after={"status": status, "note_added": note is not None},
        )
    return action


def today() -> datetime.date:
    return timezone.localdate()
