"""Who may see and do what. Every page, API endpoint, export, admin action and command asks
this module, and nothing else decides.

Roles come from `accounts.Role` (per organisation, with start and end dates). Listing goes
through `visible_to(user)` on the querysets, which calls the functions here. Another
organisation's object is never found (404). The table of who may do what is tested in
`tests/test_permissions.py`, row by row, and documented in docs/architecture.md.

| role | reads drafts | edits, proposes | records decisions, runs follow-up | audit log |
| --- | --- | --- | --- | --- |
| organisation admin | yes | yes | yes | yes |
| coordinator | yes | yes | yes | yes |
| discussion partner | yes | yes (drafts the goals, returns proposals) | no | no |
| executive | yes (their own goals) | no (a party to the matter) | no | no |
| board member, audit committee | no (from the proposal on) | no | no | no |
| anyone else | nothing | | | |
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q

from suunta.accounts.models import Role

from . import workflow

if TYPE_CHECKING:
    from suunta.organisations.models import ExecutivePost, Organisation

    from .models import GoalPlan

K = Role.Kind
PREPARERS = frozenset({K.ADMIN, K.COORDINATOR})
DRAFTERS = PREPARERS | {K.DISCUSSION_PARTNER}
DRAFT_READERS = DRAFTERS | {K.EXECUTIVE}

# Plan states, named so that the rules read as sentences (the states and moves: workflow.py).
DRAFT = workflow.DRAFT
PROPOSED = workflow.PROPOSED
IN_FORCE = workflow.IN_FORCE
AMENDABLE = workflow.AMENDABLE


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def _active_roles(user: Any) -> dict[Any, set[str]]:
    """{organisation_id: {role kinds}} for the user's roles in force today, cached per user."""
    if not _signed_in(user):
        return {}
    cached = getattr(user, "_suunta_roles", None)
    if cached is None:
        cached = {}
        for org_id, kind in (
            Role.objects.active().filter(user=user).values_list("organisation_id", "kind")
        ):
            cached.setdefault(org_id, set()).add(kind)
        user._suunta_roles = cached
    return cached


def roles_in(user: Any, organisation: Organisation | Any) -> set[str]:
    org_id = getattr(organisation, "pk", organisation)
    if _signed_in(user) and user.is_superuser:
        return set(K.values)
    return _active_roles(user).get(org_id, set())


def organisation_ids_visible_to(user: Any) -> list[Any]:
    from suunta.organisations.models import Organisation

    if not _signed_in(user):
        return []
    if user.is_superuser:
        return list(Organisation.objects.values_list("id", flat=True))
    return list(_active_roles(user))


def plans_visible_q(user: Any) -> Q:
    """The filter behind `GoalPlan.objects.visible_to(user)`: drafts only for those who
    prepare or discuss them, everything from the proposal on for every role."""
    if not _signed_in(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    full = [org for org, kinds in _active_roles(user).items() if kinds & DRAFT_READERS]
    rest = [org for org, kinds in _active_roles(user).items() if not kinds & DRAFT_READERS]
    return Q(organisation_id__in=full) | (Q(organisation_id__in=rest) & ~Q(status=DRAFT))


# --- What the public sees -------------------------------------------------------------------

# A plan is public once a body has approved it or taken note of it (board minutes are public);
# a draft or a proposal is not, nor is anything of it before the decision.
PUBLIC_STATES = ("approved", "noted", "in_follow_up", "evaluated", "closed", "superseded")


def public_plans_q() -> Q:
    """The filter behind `GoalPlan.objects.public()`: what anyone may read without signing in."""
    return Q(status__in=PUBLIC_STATES)


# --- Organisations and posts ----------------------------------------------------------------


def can_view_organisation(user: Any, organisation: Organisation) -> bool:
    return bool(roles_in(user, organisation))


def can_export_organisation(user: Any, organisation: Organisation) -> bool:
    """The whole organisation as JSON: its admins (and superusers) only. What the export holds
    is filtered for the reader like every other door (ops/export.py): an admin who is also
    the executive of a plan gets nothing of it that the executive may not read
    (`executive_confidential_kinds`)."""
    return K.ADMIN in roles_in(user, organisation)


def can_create_plan(user: Any, post: ExecutivePost) -> bool:
    return _drafter(user, post.organisation)


def can_review_import(user: Any, imported: Any) -> bool:
    """An imported document waiting for review is read and saved by those who may start a plan
    for the post; once saved, its original follows the plan's permissions."""
    if imported.plan_id is not None:
        return can_view_plan(user, imported.plan)
    return can_create_plan(user, imported.post)


def can_prepare_plans(user: Any, organisation: Organisation | Any) -> bool:
    """Coordinators and organisation admins prepare the papers and record the decisions."""
    return bool(roles_in(user, organisation) & PREPARERS) and not _party(user, organisation)


def can_prepare_agenda(user: Any, plan: GoalPlan) -> bool:
    """The board's agenda drafts are the secretary's papers: coordinators and admins, never
    the executive (a party to the matter)."""
    return can_prepare_plans(user, plan.organisation)


def can_change_logo(user: Any, organisation: Organisation) -> bool:
    """The organisation's logo on its documents and public page is kept by its admins."""
    if not _signed_in(user):
        return False
    return user.is_superuser or K.ADMIN in roles_in(user, organisation)


def _drafter(user: Any, organisation: Organisation) -> bool:
    return bool(roles_in(user, organisation) & DRAFTERS) and not _party(user, organisation)


def _party(user: Any, organisation: Organisation | Any) -> bool:
    """The executive is a party to every matter about their own goals (esteellinen): they
    read, but never prepare, decide or evaluate, whatever other role they also hold."""
    return (
        _signed_in(user) and not user.is_superuser and K.EXECUTIVE in roles_in(user, organisation)
    )


# --- A goal plan ------------------------------------------------------------------------------


def can_view_plan(user: Any, plan: GoalPlan) -> bool:
    kinds = roles_in(user, plan.organisation_id)
    if not kinds:
        return False
    return plan.status != DRAFT or bool(kinds & DRAFT_READERS)


def _is_amendment_draft(plan: GoalPlan) -> bool:
    return plan.status == DRAFT and plan.supersedes_id is not None


# verb: (who, in which states; None = any state), from the table in workflow.py. The actions
# ask `refusal()`, the pages and the API ask `can_<verb>_plan()`; both read this table.
_WHO = {workflow.DRAFTERS: _drafter, workflow.PREPARERS: can_prepare_plans}
PLAN_RULES: dict[str, tuple[Any, frozenset[str] | None]] = {
    verb: (_WHO[rule.who], rule.states) for verb, rule in workflow.VERBS.items()
}


def is_plan_executive(user: Any, plan: GoalPlan) -> bool:
    """The user is the person whose goals these are – a party to every matter of the plan,
    whatever roles they hold (a coordinator role included)."""
    if not _signed_in(user) or not plan.executive_id:
        return False
    cache = getattr(user, "_suunta_executive_of", None)
    if cache is None:
        cache = user._suunta_executive_of = {}
    if plan.executive_id not in cache:
        from suunta.organisations.models import Person

        cache[plan.executive_id] = Person.objects.filter(
            pk=plan.executive_id, user_id=user.pk
        ).exists()
    return cache[plan.executive_id]


def refusal(user: Any, verb: str, plan: GoalPlan) -> str | None:
    """None if the user may `verb` the plan now; "forbidden" if their roles never allow it;
    "state" if they may, but not in the plan's present state."""
    who, states = PLAN_RULES[verb]
    if not who(user, plan.organisation_id) or is_plan_executive(user, plan):
        return "forbidden"
    if verb == "decide" and _is_amendment_draft(plan):
        return None
    if states is not None and plan.status not in states:
        return "state"
    return None


def allowed_states(verb: str) -> frozenset[str]:
    return PLAN_RULES[verb][1] or frozenset()


def can_edit_plan(user: Any, plan: GoalPlan) -> bool:
    """Edit the plan's content: only a draft, by those who draft goals."""
    return refusal(user, "edit", plan) is None


def can_propose_plan(user: Any, plan: GoalPlan) -> bool:
    return refusal(user, "propose", plan) is None


def can_return_plan(user: Any, plan: GoalPlan) -> bool:
    """The chair or the steering group sends a proposal back for changes."""
    return refusal(user, "return", plan) is None


def can_record_decision(user: Any, plan: GoalPlan) -> bool:
    """Record a body's handling (review, approve, take note, amend, evaluate) from the minutes."""
    return refusal(user, "decide", plan) is None


def can_start_amendment(user: Any, plan: GoalPlan) -> bool:
    return refusal(user, "amend", plan) is None and not plan.has_open_amendment


def can_start_follow_up(user: Any, plan: GoalPlan) -> bool:
    return refusal(user, "start_follow_up", plan) is None


def can_close_plan(user: Any, plan: GoalPlan) -> bool:
    return refusal(user, "close", plan) is None


def can_start_next_plan(user: Any, plan: GoalPlan) -> bool:
    return refusal(user, "start_next", plan) is None


def can_review_coverage(user: Any, plan: GoalPlan) -> bool:
    """Reject a suggested link between a goal and a focus area (the coverage view): those who
    draft goals, in any state – a rejection is no part of the plan's content and holds for its
    later versions. Accepting one adds a link, which is editing: `can_edit_plan`."""
    return _drafter(user, plan.organisation) and not is_plan_executive(user, plan)


def can_view_audit_log(user: Any, plan: GoalPlan) -> bool:
    """The plan's audit log (the before and after of every change, its evaluation survey's
    events included): coordinators and organisation admins, never the plan's executive –
    whatever other role they also hold – nor anyone who is an executive of the organisation
    (a party to the matter, like `can_prepare_plans`)."""
    return can_prepare_plans(user, plan.organisation_id) and not is_plan_executive(user, plan)


def can_write_follow_up(user: Any, plan: GoalPlan, kind: str) -> bool:
    """Follow-ups are written while the plan is in force: the executive's self-assessment by
    the executive, the joint and partners' assessments by those who hold the discussions and
    the coordinator who records them."""
    if plan.status not in IN_FORCE:
        return False
    kinds = roles_in(user, plan.organisation_id)
    if kind == "self":
        # The self-assessment is the plan's own executive's, nobody else's.
        return K.EXECUTIVE in kinds and (not plan.executive_id or is_plan_executive(user, plan))
    return (
        bool(kinds & DRAFTERS)
        and not _party(user, plan.organisation)
        and not is_plan_executive(user, plan)
    )


def follow_up_kinds_for(user: Any, plan: GoalPlan) -> list[str]:
    """The kinds of follow-up the user writes on the plan now, in the order offered."""
    return [k for k in ("self", "partner", "joint") if can_write_follow_up_kind(user, plan, k)]


def can_write_follow_up_kind(user: Any, plan: GoalPlan, kind: str) -> bool:
    """The partner's own assessment is for discussion partners; the joint one is recorded by the
    chair or the coordinator."""
    if kind == "partner":
        return K.DISCUSSION_PARTNER in roles_in(user, plan.organisation_id) and can_write_follow_up(
            user, plan, kind
        )
    return can_write_follow_up(user, plan, kind)


def visible_follow_up_kinds(user: Any, plan: GoalPlan) -> set[str]:
    """The joint assessment is part of the record every reader sees; the executive's
    self-assessment and each partner's own assessment are working papers of the discussion,
    read only by those who hold it and prepare it."""
    kinds = roles_in(user, plan.organisation_id)
    if kinds & DRAFT_READERS:
        return {"joint", "self", "partner"}
    return {"joint"} if kinds else set()


# --- Measured values, weights and the reward --------------------------------------------------


def can_record_values(user: Any, plan: GoalPlan) -> bool:
    """Actual values of numeric indicators are reported by those who prepare the papers, while
    the plan is in force; the executive reads them (a party to the matter)."""
    return (
        plan.status in IN_FORCE
        and can_prepare_plans(user, plan.organisation)
        and not is_plan_executive(user, plan)
    )


def can_view_reward(user: Any, plan: GoalPlan) -> bool:
    """The score and the reward computation belong to the board's record: every reader of the
    plan sees them."""
    return can_view_plan(user, plan)


# --- Evaluation surveys (suunta/surveys) ------------------------------------------------------

# A survey evaluates a plan that has been in force: from the board's approval to its evaluation.
SURVEY_STATES = frozenset({"approved", "noted", "in_follow_up", "evaluated"})


def can_manage_survey(user: Any, plan: GoalPlan) -> bool:
    """Coordinators and organisation admins create, send and close a plan's evaluation survey
    and read every answer (without who gave it). Never the executive: a party to the matter."""
    return can_prepare_plans(user, plan.organisation) and not is_plan_executive(user, plan)


def can_create_survey(user: Any, plan: GoalPlan) -> bool:
    return can_manage_survey(user, plan) and plan.status in SURVEY_STATES


def can_view_survey(user: Any, plan: GoalPlan) -> bool:
    """Who may open a survey's page: those who manage it, and the discussion partners (the
    chair and those who hold the discussion), who see the aggregates once enough have answered.
    The executive sees nothing of it; board and audit committee members neither."""
    if can_manage_survey(user, plan):
        return True
    kinds = roles_in(user, plan.organisation_id)
    return (
        K.DISCUSSION_PARTNER in kinds
        and not _party(user, plan.organisation)
        and not is_plan_executive(user, plan)
    )


def can_read_survey_answers(user: Any, plan: GoalPlan) -> bool:
    """The answers of the plan's evaluation surveys one by one – each rating and comment – and
    who was asked and who answered: those who manage the survey. Never the plan's executive,
    whatever other role they hold (an organisation admin included): the executive sees at
    most the aggregate, never who said what."""
    return can_manage_survey(user, plan)


def can_view_survey_comments(user: Any, plan: GoalPlan) -> bool:
    return can_read_survey_answers(user, plan)


# What the executive of a plan never reads about themself, through any door (pages, the API,
# the organisation's export, the audit log): each kind with the rule that decides it. Every
# door that shows one of these asks that rule for the plan; tests/security/
# test_f07_executive_reads_own_evaluation.py tries every door for every kind.
EXECUTIVE_CONFIDENTIAL_KINDS = {
    "survey_answers": can_read_survey_answers,  # ratings, comments, invitations
    "audit_log": can_view_audit_log,  # who changed what, before and after
}


def executive_confidential_kinds(user: Any, plan: GoalPlan) -> set[str]:
    """The kinds of `EXECUTIVE_CONFIDENTIAL_KINDS` the user may not read of the plan."""
    return {kind for kind, rule in EXECUTIVE_CONFIDENTIAL_KINDS.items() if not rule(user, plan)}


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
    from suunta.discussions.models import Discussion

    return Discussion.participants.through.objects.filter(person__user=user).values("discussion_id")


def discussions_visible_q(user: Any) -> Q:
    """The filter behind `Discussion.objects.visible_to(user)`."""
    if not _signed_in(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    roles = _active_roles(user)
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
    if not _signed_in(user):
        return Q(pk__in=[])
    from suunta.discussions.models import Discussion

    visible = Q(discussion__in=Discussion.objects.filter(discussions_visible_q(user)).values("pk"))
    return visible & (Q(confidential=False) | Q(discussion_id__in=_participated_ids(user)))


def is_discussion_participant(user: Any, discussion: Any) -> bool:
    if not _signed_in(user):
        return False
    cache = getattr(discussion, "_suunta_participant_users", None)
    if cache is None:
        cache = set(discussion.participants.exclude(user=None).values_list("user_id", flat=True))
        discussion._suunta_participant_users = cache
    return user.pk in cache


def can_view_discussion(user: Any, discussion: Any) -> bool:
    from suunta.discussions.models import Discussion

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
        and not _party(user, discussion.organisation)
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
    return bool(roles_in(user, organisation) & PREPARERS) and not _party(
        user, getattr(organisation, "pk", organisation)
    )


# --- Schedule ---------------------------------------------------------------------------------


def can_have_calendar_feed(user: Any) -> bool:
    """A private calendar feed is for a signed-in, active user; what it carries is filtered by
    `plans_visible_q` like every list."""
    return _signed_in(user)


def can_import_documents(user: Any, organisation: Organisation | Any) -> bool:
    """Reading an existing goal document into a new draft (and previewing what is found in
    it): those who may create plans in the organisation, never the executive."""
    return _drafter(user, organisation)


def can_import_anywhere(user: Any) -> bool:
    """The import preview is not tied to one organisation: it needs a role that may import
    in at least one."""
    return any(can_import_documents(user, org) for org in organisation_ids_visible_to(user))


# --- The register of interests (Local Government Act 84 §) -----------------------------------
# The coordinator and the organisation's admins keep the register (people, seats, settings,
# declarations handed in on paper); the audit committee supervises it and reviews declarations,
# never its members' own; a declarant edits their own declaration. Everyone reads the public
# register (suunta/register/queries.public_register).

REGISTER_KEEPERS = PREPARERS
REGISTER_READERS = PREPARERS | {K.AUDIT_COMMITTEE}


def can_view_register(user: Any, organisation: Organisation | Any) -> bool:
    return bool(roles_in(user, organisation) & REGISTER_READERS)


def can_manage_register(user: Any, organisation: Organisation | Any) -> bool:
    return bool(roles_in(user, organisation) & REGISTER_KEEPERS)


def is_person_of(user: Any, person: Any) -> bool:
    return _signed_in(user) and person.user_id is not None and person.user_id == user.pk


def can_change_seats(user: Any, person: Any) -> bool:
    """The keeper adds and ends seats and tenures, never those of the person linked to their
    own account: a seat decides who must declare, and a tenure of the executive post who is the
    executive of the next plans and a participant of the next discussions."""
    return can_manage_register(user, person.organisation_id) and not is_person_of(user, person)


# Linking a user account to a person gives that account what the person has: their declaration
# (self-service), the confidential items of every discussion the person took part in, and the
# executive's place in their plans. So it is a privileged act (docs/decisions/0011): the
# organisation's admins link and unlink, the register's keepers as such do not, and nobody
# links or unlinks their own account.


def can_link_accounts(user: Any, organisation: Organisation | Any) -> bool:
    """Whether the user may open the page that links people to accounts at all."""
    return K.ADMIN in roles_in(user, organisation)


def can_link_account(user: Any, person: Any, account: Any) -> bool:
    """Link `person` to `account` (None: unlink): an admin of the person's organisation, when
    neither the person's present account nor the new one is the admin's own."""
    if not can_link_accounts(user, person.organisation_id) or is_person_of(user, person):
        return False
    return account is None or account.pk != user.pk


def can_declare(user: Any, person: Any) -> bool:
    """The person themself, through the user account linked to them."""
    return is_person_of(user, person)


def can_enter_declaration(user: Any, person: Any) -> bool:
    """The declarant, or the register's keeper entering a declaration received on paper."""
    return can_declare(user, person) or can_manage_register(user, person.organisation_id)


def can_view_declaration(user: Any, declaration: Any) -> bool:
    return can_view_register(user, declaration.organisation_id) or is_person_of(
        user, declaration.person
    )


def can_review_declaration(user: Any, declaration: Any) -> bool:
    """Audit committee members review, never their own declaration."""
    if is_person_of(user, declaration.person):
        return False
    return K.AUDIT_COMMITTEE in roles_in(user, declaration.organisation_id)
