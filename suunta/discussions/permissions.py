"""Who may read and record goal and development discussions, and their confidential items."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q

from suunta.discussions.models import Discussion
from suunta.goals.permissions import DRAFT, is_party
from suunta.organisations.permissions import (
    DRAFT_READERS,
    DRAFTERS,
    PREPARERS,
    K,
    active_roles,
    is_person_of,
    is_signed_in,
    roles_in,
)

if TYPE_CHECKING:
    from suunta.organisations.models import ExecutivePost, Organisation


# --- Goal and development discussions -----------------------------------------------------------
#
# A discussion record (suunta/discussions) is read by those who read the post's plans: every
# role of the organisation, except that a record tied to a draft plan is hidden from those who do
# not read drafts. Its *confidential* items and actions (wellbeing, workload, competence, pay…)
# are read by the participants of that discussion and by nobody else: not the coordinator, the
# organisation admin or a superuser unless they took part, never a board or audit committee
# member. Everything that shows a discussion (pages, forms, conflict pages, the API) asks
# `discussion_items_visible_q` or `can_read_discussion_item`.

DISCUSSION_EDITORS = DRAFTERS | {K.EXECUTIVE}


def _participated_ids(user: Any) -> Any:
    """The ids of the discussions whose participants include a person linked to the user."""
    return Discussion.participants.through.objects.filter(person__user=user).values("discussion_id")


def discussions_visible_q(user: Any) -> Q:
    """The filter behind `Discussion.objects.visible_to(user)`."""
    if not is_signed_in(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    roles = active_roles(user)
    full = [org for org, kinds in roles.items() if kinds & DRAFT_READERS]
    rest = [org for org, kinds in roles.items() if not kinds & DRAFT_READERS]
    not_draft = Q(plan__isnull=True) | ~Q(plan__status=DRAFT)
    return (
        Q(organisation_id__in=full)
        | (Q(organisation_id__in=rest) & not_draft)
        | (Q(organisation_id__in=list(roles)) & Q(id__in=_participated_ids(user)))
    )


def discussion_items_visible_q(user: Any) -> Q:
    """The filter for agenda items and training actions (both have `discussion` and
    `confidential`): public ones of the discussions the user sees, confidential ones only of the
    discussions the user took part in."""
    if not is_signed_in(user):
        return Q(pk__in=[])
    visible = Q(discussion__in=Discussion.objects.filter(discussions_visible_q(user)).values("pk"))
    return visible & (Q(confidential=False) | Q(discussion_id__in=_participated_ids(user)))


def is_discussion_participant(user: Any, discussion: Any) -> bool:
    if not is_signed_in(user):
        return False
    cache = getattr(discussion, "_suunta_participant_users", None)
    if cache is None:
        cache = set(discussion.participants.exclude(user=None).values_list("user_id", flat=True))
        discussion._suunta_participant_users = cache
    return user.pk in cache


def can_view_discussion(user: Any, discussion: Any) -> bool:
    if not roles_in(user, discussion.organisation_id):
        return False
    return Discussion.objects.filter(discussions_visible_q(user), pk=discussion.pk).exists()


def can_read_discussion_item(user: Any, item: Any) -> bool:
    """An agenda item or a training action: public ones for every reader of the discussion,
    confidential ones for its participants only."""
    if not can_view_discussion(user, item.discussion):
        return False
    return not item.confidential or is_discussion_participant(user, item.discussion)


def can_create_discussion(user: Any, post: ExecutivePost) -> bool:
    """Those who draft goals and the executive themself record the discussions."""
    return bool(roles_in(user, post.organisation_id) & DISCUSSION_EDITORS)


def _discussion_editor(user: Any, discussion: Any) -> bool:
    return bool(roles_in(user, discussion.organisation_id) & DISCUSSION_EDITORS)


def _discussion_signer(user: Any, discussion: Any) -> bool:
    """A participant who holds the discussion or records it (partner, coordinator, admin) –
    never the executive alone, who is a party to it."""
    return (
        bool(roles_in(user, discussion.organisation_id) & DRAFTERS)
        and not is_party(user, discussion.organisation)
        and is_discussion_participant(user, discussion)
    )


# verb: (who, open only?). `discussion_refusal` gives None, "forbidden" or "state".
DISCUSSION_RULES: dict[str, tuple[Any, bool]] = {
    "edit": (_discussion_editor, True),
    "sign_off": (_discussion_signer, True),
    "follow_up_action": (_discussion_editor, False),
}


def discussion_refusal(user: Any, verb: str, discussion: Any) -> str | None:
    who, open_only = DISCUSSION_RULES[verb]
    if not who(user, discussion):
        return "forbidden"
    if open_only and discussion.status != "open":
        return "state"
    return None


def can_edit_discussion(user: Any, discussion: Any) -> bool:
    return discussion_refusal(user, "edit", discussion) is None


def can_sign_off_discussion(user: Any, discussion: Any) -> bool:
    return discussion_refusal(user, "sign_off", discussion) is None


def can_acknowledge_discussion(user: Any, discussion: Any) -> bool:
    """The executive acknowledges the signed-off record of their own discussion as read."""
    executive = discussion.executive
    return (
        discussion.status == "signed_off"
        and discussion.acknowledged_at is None
        and executive is not None
        and is_person_of(user, executive)
    )


def can_change_participants(user: Any, discussion: Any) -> bool:
    """Who took part decides who reads the confidential items: once the record holds
    confidential content, only a participant changes the participants."""
    if not can_edit_discussion(user, discussion):
        return False
    if is_discussion_participant(user, discussion):
        return True
    return not (
        discussion.items.filter(confidential=True).exclude(minutes_fi="", minutes_sv="").exists()
        or discussion.actions.filter(confidential=True).exists()
    )


def can_add_participant(user: Any, discussion: Any, person: Any) -> bool:
    """Nobody adds the person linked to their own account to a record they do not take part in:
    they would read what is written there in confidence from then on. A participant adds them
    (docs/decisions/0011). Recording one's own discussion (`create_discussion`) is not adding."""
    return not is_person_of(user, person) or is_discussion_participant(user, discussion)


def can_follow_up_training_action(user: Any, action: Any) -> bool:
    """Status and dated notes of an agreed action: also after sign-off."""
    return discussion_refusal(
        user, "follow_up_action", action.discussion
    ) is None and can_read_discussion_item(user, action)


def can_edit_agenda_templates(user: Any, organisation: Organisation | Any) -> bool:
    """The organisation's agenda templates are kept by its admins and coordinators."""
    return bool(roles_in(user, organisation) & PREPARERS) and not is_party(
        user, getattr(organisation, "pk", organisation)
    )
