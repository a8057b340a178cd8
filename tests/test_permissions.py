"""Who may do what, as a table: every page URL × every role × every plan state.

The expected outcome is written here independently of suunta/goals/permissions.py, from the
rules in docs/architecture.md. A meta-test fails when Suunta has a URL without a row here.

Outcomes: "ok" (allowed: 200, a redirect after success, or 422 for a form that was let in but
not filled), "login" (anonymous: sent to sign in), "hidden" (404: another organisation, or a
draft the role does not read), "forbidden" (403), "state" (409: allowed, but not in this state).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from suunta.accounts.models import Role
from suunta.goals import models as m
from suunta.organisations.models import Body, ExecutivePost, FocusArea, Membership, Person
from tests.conftest import make_user, move_to

ROLES = [
    "anonymous",
    "other_org",
    "admin",
    "coordinator",
    "discussion_partner",
    "executive",
    "board_member",
    "audit_committee",
]
STATES = ["draft", "proposed", "approved", "in_follow_up", "evaluated", "closed", "superseded"]

READS_DRAFTS = {"admin", "coordinator", "discussion_partner", "executive"}
DRAFTERS = {"admin", "coordinator", "discussion_partner"}
PREPARERS = {"admin", "coordinator"}
AMENDABLE = {"proposed", "approved", "noted", "in_follow_up"}
IN_FORCE = {"approved", "noted", "in_follow_up"}


def sees(role: str, state: str) -> str | None:
    """None if the role sees a plan in this state, else the outcome."""
    if role == "anonymous":
        return "login"
    if role == "other_org":
        return "hidden"
    if state == "draft" and role not in READS_DRAFTS:
        return "hidden"
    return None


def rule(who: set[str], states: set[str] | None) -> Callable[[str, str], str]:
    def expected(role: str, state: str) -> str:
        if refusal := sees(role, state):
            return refusal
        if role not in who:
            return "forbidden"
        if states is not None and state not in states:
            return "state"
        return "ok"

    return expected


def readable(role: str, state: str) -> str:
    return sees(role, state) or "ok"


def organisation_member(role: str, state: str) -> str:
    return {"anonymous": "login", "other_org": "hidden"}.get(role, "ok")


def signed_in(role: str, state: str) -> str:
    return "login" if role == "anonymous" else "ok"


EDIT = rule(DRAFTERS, {"draft"})


@dataclass
class Row:
    method: str
    url: Callable[[dict], str]
    expected: Callable[[str, str], str]
    data: Callable[[dict], dict] | None = None


def plan_url(suffix: str = "") -> Callable[[dict], str]:
    return lambda o: f"/fi/plans/{o['plan'].pk}/{suffix}"


def decision_data(o: dict) -> dict:
    return {
        "kind": "review",
        "body": o["poljory"].pk,
        "meeting_date": "2026-05-04",
        "section": "7",
    }


TABLE: dict[str, list[Row]] = {
    "home": [Row("GET", lambda o: "/fi/", signed_in)],
    "organisation_detail": [Row("GET", lambda o: "/fi/o/tuusula/", organisation_member)],
    "post_detail": [Row("GET", lambda o: f"/fi/posts/{o['plan'].post_id}/", organisation_member)],
    "plan_detail": [Row("GET", plan_url(), readable)],
    "plan_history": [Row("GET", plan_url("versions/"), readable)],
    "plan_audit": [Row("GET", plan_url("audit/"), rule(PREPARERS, None))],
    "plan_edit": [
        Row("GET", plan_url("edit/"), EDIT),
        Row("POST", plan_url("edit/"), EDIT, lambda o: {"title_fi": ""}),
    ],
    "plan_texts_form": [Row("GET", plan_url("edit/details/"), EDIT)],
    "plan_confirm_carried": [
        Row("POST", plan_url("edit/carried-over/confirm/"), EDIT, lambda o: {"section": "basis"})
    ],
    "plan_start_next": [Row("POST", plan_url("next/"), rule(DRAFTERS, None))],
    "plan_propose": [
        Row("GET", plan_url("propose/"), rule(DRAFTERS, {"draft"})),
        Row("POST", plan_url("propose/"), rule(DRAFTERS, {"draft"}), lambda o: {}),
    ],
    "plan_return": [
        Row("GET", plan_url("return/"), rule(DRAFTERS, {"proposed"})),
        Row("POST", plan_url("return/"), rule(DRAFTERS, {"proposed"}), lambda o: {"reason": "x"}),
    ],
    "plan_decide": [
        Row("GET", plan_url("decide/"), rule(PREPARERS, AMENDABLE | {"evaluated"})),
        # A review is not recorded on an evaluated plan (only a reward decision is): 409.
        Row("POST", plan_url("decide/"), rule(PREPARERS, AMENDABLE), decision_data),
    ],
    "plan_amend": [Row("POST", plan_url("amend/"), rule(DRAFTERS, AMENDABLE))],
    "plan_start_follow_up": [
        Row("POST", plan_url("follow-up/"), rule(PREPARERS, {"approved", "noted"}))
    ],
    "plan_close": [
        Row("GET", plan_url("close/"), rule(PREPARERS, {"evaluated"})),
        Row("POST", plan_url("close/"), rule(PREPARERS, {"evaluated"})),
    ],
    "goal_add": [
        Row("GET", lambda o: f"/fi/plans/{o['plan'].pk}/goals/new/", EDIT),
        Row("POST", lambda o: f"/fi/plans/{o['plan'].pk}/goals/new/", EDIT, lambda o: {}),
    ],
    "goal_edit": [
        Row("GET", lambda o: f"/fi/goals/{o['goal'].pk}/edit/", EDIT),
        Row("POST", lambda o: f"/fi/goals/{o['goal'].pk}/edit/", EDIT, lambda o: {}),
    ],
    "goal_delete": [
        Row(
            "POST",
            lambda o: f"/fi/goals/{o['goal'].pk}/delete/",
            EDIT,
            lambda o: {"lock_version": o["goal"].lock_version},
        )
    ],
    "goal_move": [Row("POST", lambda o: f"/fi/goals/{o['goal'].pk}/move/down/", EDIT)],
    "indicator_add": [
        Row("GET", lambda o: f"/fi/goals/{o['goal'].pk}/indicators/new/", EDIT),
        Row("POST", lambda o: f"/fi/goals/{o['goal'].pk}/indicators/new/", EDIT, lambda o: {}),
    ],
    "indicator_edit": [
        Row("GET", lambda o: f"/fi/indicators/{o['indicator'].pk}/edit/", EDIT),
        Row("POST", lambda o: f"/fi/indicators/{o['indicator'].pk}/edit/", EDIT, lambda o: {}),
    ],
    "indicator_delete": [
        Row(
            "POST",
            lambda o: f"/fi/indicators/{o['indicator'].pk}/delete/",
            EDIT,
            lambda o: {"lock_version": o["indicator"].lock_version},
        )
    ],
    "indicator_move": [
        Row("POST", lambda o: f"/fi/indicators/{o['indicator'].pk}/move/down/", EDIT)
    ],
    "checkpoint_add": [
        Row("GET", lambda o: f"/fi/plans/{o['plan'].pk}/checkpoints/new/", EDIT),
        Row("POST", lambda o: f"/fi/plans/{o['plan'].pk}/checkpoints/new/", EDIT, lambda o: {}),
    ],
    "checkpoint_edit": [
        Row("GET", lambda o: f"/fi/checkpoints/{o['checkpoint'].pk}/edit/", EDIT),
        Row("POST", lambda o: f"/fi/checkpoints/{o['checkpoint'].pk}/edit/", EDIT, lambda o: {}),
    ],
    "checkpoint_delete": [
        Row(
            "POST",
            lambda o: f"/fi/checkpoints/{o['checkpoint'].pk}/delete/",
            EDIT,
            lambda o: {"lock_version": o["checkpoint"].lock_version},
        )
    ],
    "checkpoint_move": [
        Row("POST", lambda o: f"/fi/checkpoints/{o['checkpoint'].pk}/move/down/", EDIT)
    ],
}
FOLLOW_UP = rule(DRAFTERS | {"executive"}, {"approved", "noted", "in_follow_up"})
TABLE["checkpoint_follow_up"] = [
    Row(
        "GET",
        lambda o: f"/fi/plans/{o['plan'].pk}/checkpoints/{o['checkpoint'].pk}/follow-up/",
        FOLLOW_UP,
    ),
    Row(
        "POST",
        lambda o: f"/fi/plans/{o['plan'].pk}/checkpoints/{o['checkpoint'].pk}/follow-up/",
        FOLLOW_UP,
        lambda o: {"only": "g1", "g1_goal": o["goal"].pk, "g1_text_fi": "Seuranta"},
    ),
]
# Numbers: measured values (preparers, while in force), weights and the reward rule (plan
# content: drafters, drafts only), the score and the reward (every reader).
VALUES = rule(PREPARERS, IN_FORCE)
TABLE["indicator_values"] = [
    Row(
        "GET",
        lambda o: f"/fi/plans/{o['plan'].pk}/indicators/{o['indicator'].pk}/values/",
        readable,
    ),
    Row(
        "POST",
        lambda o: f"/fi/plans/{o['plan'].pk}/indicators/{o['indicator'].pk}/values/",
        VALUES,
        lambda o: {"measured_on": "2026-05-01", "value": "3,5"},
    ),
]
TABLE["indicator_value_delete"] = [
    Row(
        "POST",
        lambda o: f"/fi/plans/{o['plan'].pk}/values/{o['value'].pk}/delete/",
        VALUES,
        lambda o: {"lock_version": o["value"].lock_version},
    )
]
TABLE["plan_values_import"] = [
    Row("GET", plan_url("values/import/"), VALUES),
    Row("POST", plan_url("values/import/"), VALUES, lambda o: {}),
]
TABLE["plan_weights"] = [
    Row("GET", plan_url("weights/"), EDIT),
    Row("POST", plan_url("weights/"), EDIT, lambda o: {}),
]
TABLE["plan_reward_rule"] = [
    Row("GET", plan_url("reward/rule/"), EDIT),
    Row("POST", plan_url("reward/rule/"), EDIT, lambda o: {}),
]
TABLE["plan_score"] = [Row("GET", plan_url("score/"), readable)]

# surveys: a plan's evaluation survey, made for the table directly in the database (whatever
# the plan's state); the coordinator manages it, the discussion partners read its results, the
# executive, board and audit committee members see nothing of it.
SURVEY_STATES = {"approved", "noted", "in_follow_up", "evaluated"}


def survey_url(suffix: str = "") -> Callable[[dict], str]:
    def url(o: dict) -> str:
        from suunta.surveys.models import Criterion, Survey

        survey, created = Survey.objects.get_or_create(
            plan=o["plan"],
            defaults={
                "title_fi": "Kysely",
                "opens_on": datetime.date(2030, 1, 1),
                "closes_on": datetime.date(2099, 1, 1),
            },
        )
        if created:
            Criterion.objects.create(survey=survey, order=1, text_fi="Johtaminen")
        return f"/fi/surveys/{survey.pk}/{suffix}"

    return url


def survey_form(o: dict) -> dict:
    return {"title_fi": "Kysely", "opens_on": "2030-01-01", "closes_on": "2030-01-31"}


TABLE["survey_create"] = [
    Row("GET", plan_url("surveys/new/"), rule(PREPARERS, SURVEY_STATES)),
    Row("POST", plan_url("surveys/new/"), rule(PREPARERS, SURVEY_STATES), survey_form),
]
TABLE["survey_detail"] = [
    Row("GET", survey_url(), rule(PREPARERS | {"discussion_partner"}, None)),
]
TABLE["survey_send"] = [Row("POST", survey_url("send/"), rule(PREPARERS, None), lambda o: {})]
TABLE["survey_close"] = [Row("POST", survey_url("close/"), rule(PREPARERS, None))]
# discussions: goal and development discussion records (suunta/discussions). The record is on
# the table's plan, held by the discussion partner and the executive; the admin and the
# coordinator do not take part, so they never reach its confidential item.
DISCUSSION_EDITORS = DRAFTERS | {"executive"}
DISCUSSION_EDIT = rule(DISCUSSION_EDITORS, None)


def member_rule(who: set[str]) -> Callable[[str, str], str]:
    """For what hangs on the organisation or the post, not on the plan's state."""

    def expected(role: str, state: str) -> str:
        if role in ("anonymous", "other_org"):
            return organisation_member(role, state)
        return "ok" if role in who else "forbidden"

    return expected


def participants_only(role: str, state: str) -> str:
    if role in ("anonymous", "other_org"):
        return organisation_member(role, state)
    return "ok" if role in ("discussion_partner", "executive") else "hidden"


def _discussion(o: dict) -> dict:
    """Created once per table run (the url functions share `o`)."""
    if "discussion" not in o:
        from suunta.accounts.models import User
        from suunta.discussions import actions as discussion_actions
        from suunta.discussions import models as d

        plan = o["plan"]
        partner = Person.objects.create(
            organisation=plan.organisation,
            name="Perm Partner",
            user=User.objects.get(username="perm-discussion_partner"),
        )
        chief = Person.objects.get(organisation=plan.organisation, title_fi="Kansliapäällikkö")
        record = d.Discussion.objects.create(
            organisation=plan.organisation,
            post=plan.post,
            plan=plan,
            held_on=datetime.date(2030, 1, 15),
            executive=chief,
        )
        record.participants.set([chief, partner])
        o["discussion"] = record
        o["public_item"] = d.DiscussionItem.objects.create(
            discussion=record, order=1, title_fi="Yhteistyö"
        )
        o["secret_item"] = d.DiscussionItem.objects.create(
            discussion=record, order=2, title_fi="Työhyvinvointi", confidential=True
        )
        o["training_action"] = d.TrainingAction.objects.create(
            discussion=record, order=1, description_fi="Koulutus"
        )
        o["agenda"] = discussion_actions.ensure_default_template(plan.organisation)
    return o


def discussion_url(suffix: str = "") -> Callable[[dict], str]:
    return lambda o: f"/fi/discussions/{_discussion(o)['discussion'].pk}/{suffix}"


def item_url(key: str, prefix: str, suffix: str) -> Callable[[dict], str]:
    return lambda o: f"/fi/{prefix}/{_discussion(o)[key].pk}/{suffix}"


def lock_of(key: str) -> Callable[[dict], dict]:
    return lambda o: {"lock_version": _discussion(o)[key].lock_version}


TABLE["discussion_new"] = [
    Row(
        "GET",
        lambda o: f"/fi/posts/{o['plan'].post_id}/discussions/new/",
        member_rule(DISCUSSION_EDITORS),
    ),
    Row(
        "POST",
        lambda o: f"/fi/posts/{o['plan'].post_id}/discussions/new/",
        member_rule(DISCUSSION_EDITORS),
        lambda o: {},
    ),
]
TABLE["discussion_detail"] = [Row("GET", discussion_url(), readable)]
TABLE["discussion_edit"] = [
    Row("GET", discussion_url("edit/"), DISCUSSION_EDIT),
    Row("POST", discussion_url("edit/"), DISCUSSION_EDIT, lambda o: {}),
]
# The executive acknowledges a signed-off record; the fixture's record is open: a 409 for them.
TABLE["discussion_acknowledge"] = [
    Row(
        "POST",
        discussion_url("acknowledge/"),
        lambda role, state: sees(role, state) or ("state" if role == "executive" else "forbidden"),
        lock_of("discussion"),
    ),
]
TABLE["discussion_sign_off"] = [
    Row("GET", discussion_url("sign-off/"), rule({"discussion_partner"}, None)),
    Row(
        "POST",
        discussion_url("sign-off/"),
        rule({"discussion_partner"}, None),
        lock_of("discussion"),
    ),
]
TABLE["discussion_item_add"] = [
    Row("GET", discussion_url("items/new/"), DISCUSSION_EDIT),
    Row("POST", discussion_url("items/new/"), DISCUSSION_EDIT, lambda o: {}),
]
TABLE["discussion_item_edit"] = [
    Row("GET", item_url("public_item", "discussion-items", "edit/"), DISCUSSION_EDIT),
    Row(
        "POST", item_url("public_item", "discussion-items", "edit/"), DISCUSSION_EDIT, lambda o: {}
    ),
    Row("GET", item_url("secret_item", "discussion-items", "edit/"), participants_only),
    Row(
        "POST",
        item_url("secret_item", "discussion-items", "edit/"),
        participants_only,
        lambda o: {},
    ),
]
TABLE["discussion_item_delete"] = [
    Row(
        "POST",
        item_url("public_item", "discussion-items", "delete/"),
        DISCUSSION_EDIT,
        lock_of("public_item"),
    ),
    Row(
        "POST",
        item_url("secret_item", "discussion-items", "delete/"),
        participants_only,
        lock_of("secret_item"),
    ),
]
TABLE["discussion_item_move"] = [
    Row("POST", item_url("public_item", "discussion-items", "move/down/"), DISCUSSION_EDIT),
    Row("POST", item_url("secret_item", "discussion-items", "move/up/"), participants_only),
]
TABLE["training_action_add"] = [
    Row("GET", discussion_url("actions/new/"), DISCUSSION_EDIT),
    Row("POST", discussion_url("actions/new/"), DISCUSSION_EDIT, lambda o: {}),
]
TABLE["training_action_edit"] = [
    Row("GET", item_url("training_action", "training-actions", "edit/"), DISCUSSION_EDIT),
    Row(
        "POST",
        item_url("training_action", "training-actions", "edit/"),
        DISCUSSION_EDIT,
        lambda o: {},
    ),
]
TABLE["training_action_delete"] = [
    Row(
        "POST",
        item_url("training_action", "training-actions", "delete/"),
        DISCUSSION_EDIT,
        lock_of("training_action"),
    )
]
TABLE["training_action_follow_up"] = [
    Row("GET", item_url("training_action", "training-actions", "follow-up/"), DISCUSSION_EDIT),
    Row(
        "POST",
        item_url("training_action", "training-actions", "follow-up/"),
        DISCUSSION_EDIT,
        lambda o: {"status": "done", **lock_of("training_action")(o)},
    ),
]
TABLE["agenda_templates"] = [
    Row("GET", lambda o: "/fi/o/tuusula/agendas/", member_rule(PREPARERS)),
    Row("POST", lambda o: "/fi/o/tuusula/agendas/", member_rule(PREPARERS), lambda o: {}),
]
TABLE["agenda_template_edit"] = [
    Row("GET", lambda o: f"/fi/agendas/{_discussion(o)['agenda'].pk}/", member_rule(PREPARERS)),
    Row(
        "POST",
        lambda o: f"/fi/agendas/{_discussion(o)['agenda'].pk}/",
        member_rule(PREPARERS),
        lambda o: {"items-TOTAL_FORMS": "0", "items-INITIAL_FORMS": "0"},
    ),
]
# schedule:
TABLE["calendar_page"] = [
    Row("GET", lambda o: "/fi/calendar/", signed_in),
    Row("POST", lambda o: "/fi/calendar/", signed_in, lambda o: {"action": "create"}),
    Row("POST", lambda o: "/fi/calendar/", signed_in, lambda o: {"action": "revoke"}),
]
# reports: the board's papers (the DOCX stands for both formats; the PDF is read back in
# tests/reports/test_documents.py).
TABLE["plan_documents"] = [Row("GET", plan_url("documents/"), readable)]
TABLE["plan_document"] = [Row("GET", plan_url("document.docx?lang=sv"), readable)]
TABLE["plan_follow_up_report"] = [
    Row(
        "GET",
        lambda o: f"/fi/plans/{o['plan'].pk}/follow-up-report/{o['checkpoint'].pk}/",
        readable,
    )
]
TABLE["plan_follow_up_report_file"] = [
    Row(
        "GET",
        lambda o: f"/fi/plans/{o['plan'].pk}/follow-up-report/{o['checkpoint'].pk}/report.docx",
        readable,
    )
]
TABLE["plan_agenda_item"] = [Row("GET", plan_url("agenda/approval/"), rule(PREPARERS, None))]
TABLE["plan_agenda_item_file"] = [
    Row("GET", plan_url("agenda/follow_up/item.txt"), rule(PREPARERS, None)),
    Row("GET", plan_url("agenda/evaluation/item.docx"), rule(PREPARERS, None)),
]
TABLE["public_plan_document"] = [
    Row(
        "GET",
        lambda o: f"/fi/public/tuusula/plans/{o['plan'].pk}/document.docx",
        lambda role, state: public_plan(role, state),  # defined with the public pages below
    )
]
TABLE["organisation_logo"] = [
    Row("GET", lambda o: "/fi/o/tuusula/logo/", member_rule({"admin"})),
    Row("POST", lambda o: "/fi/o/tuusula/logo/", member_rule({"admin"}), lambda o: {}),
]
# public: the transparency pages, downloads and calendar answer everyone, anonymous included;
# a plan only once it is public, and only under its own organisation's address. The export of
# a whole organisation is for its admin.
PUBLIC_STATES = {"approved", "noted", "in_follow_up", "evaluated", "closed", "superseded"}


def anyone(role: str, state: str) -> str:
    return "ok"


def public_plan(role: str, state: str) -> str:
    return "ok" if state in PUBLIC_STATES else "hidden"


TABLE["public_index"] = [Row("GET", lambda o: "/fi/public/", anyone)]
TABLE["public_organisation"] = [Row("GET", lambda o: "/fi/public/tuusula/", anyone)]
TABLE["public_plan"] = [
    Row("GET", lambda o: f"/fi/public/tuusula/plans/{o['plan'].pk}/", public_plan),
    Row("GET", lambda o: f"/fi/public/kangasala/plans/{o['plan'].pk}/", lambda r, s: "hidden"),
]
TABLE["public_csv"] = [Row("GET", lambda o: "/fi/public/tuusula/goals.csv", anyone)]
TABLE["public_xlsx"] = [Row("GET", lambda o: "/fi/public/tuusula/goals.xlsx", anyone)]
TABLE["public_calendar"] = [Row("GET", lambda o: "/fi/public/tuusula/calendar.ics", anyone)]
TABLE["organisation_export"] = [
    Row("GET", lambda o: "/fi/o/tuusula/export.json", member_rule({"admin"}))
]
# progress: the progress views are read by every reader of the plan (the post's over the
# years by every member of the organisation); suggested focus-area links are accepted by those
# who draft (drafts only: a non-draft plan's links are frozen, 409) and rejected by them in any
# state (a rejection is not plan content).


def link_data(o: dict) -> dict:
    """A focus area of the plan's post (made inside the request's rolled-back transaction) and
    the plan's first goal."""
    area = FocusArea.objects.create(post=o["plan"].post, order=99, text_fi="Talouden johtaminen")
    return {"goal": o["goal"].pk, "focus_area": area.pk}


TABLE["plan_progress"] = [Row("GET", plan_url("progress/"), readable)]
TABLE["post_progress"] = [
    Row("GET", lambda o: f"/fi/posts/{o['plan'].post_id}/progress/", organisation_member)
]
TABLE["plan_coverage"] = [Row("GET", plan_url("coverage/"), readable)]
TABLE["coverage_accept"] = [
    Row("POST", plan_url("coverage/accept/"), EDIT, link_data),
    Row("POST", plan_url("coverage/accept/"), EDIT, lambda o: {}),
]
TABLE["coverage_reject"] = [
    Row("POST", plan_url("coverage/reject/"), rule(DRAFTERS, None), link_data),
    Row("POST", plan_url("coverage/reject/"), rule(DRAFTERS, None), lambda o: {}),
]
# imports: reading an existing goal document is starting a plan; a pending import is read,
# saved or discarded by those who may start one (tests/imports/test_imports_review.py: after saving,
# the plan's rules).


def pending_import(o: dict) -> str:
    from suunta.accounts.models import User
    from suunta.imports.models import ImportedDocument

    imported = ImportedDocument.objects.create(
        organisation=o["plan"].organisation,
        post=o["plan"].post,
        file_name="tavoitteet.txt",
        file_type="text",
        data=b"Tavoite",
        size=7,
        digest="0" * 64,
        found={"goals": [{"title": "Tavoite", "indicators": []}], "checkpoints": []},
        created_by=User.objects.order_by("pk").first(),
    )
    return str(imported.pk)


TABLE["import_start"] = [
    Row("GET", lambda o: f"/fi/posts/{o['plan'].post_id}/import/", member_rule(DRAFTERS)),
    Row("POST", lambda o: f"/fi/posts/{o['plan'].post_id}/import/", member_rule(DRAFTERS), dict),
]
TABLE["import_review"] = [
    Row("GET", lambda o: f"/fi/imports/{pending_import(o)}/", member_rule(DRAFTERS)),
    Row("POST", lambda o: f"/fi/imports/{pending_import(o)}/", member_rule(DRAFTERS), dict),
]
TABLE["import_original"] = [
    Row("GET", lambda o: f"/fi/imports/{pending_import(o)}/original", member_rule(DRAFTERS))
]
TABLE["import_discard"] = [
    Row("POST", lambda o: f"/fi/imports/{pending_import(o)}/discard", member_rule(DRAFTERS))
]
# URLs that belong to no organisation: the same for every role, tested elsewhere.
OUTSIDE_THE_TABLE = {
    "healthz": "tests/goals/test_pages.py: answers 200 to anyone",
    "login": "tests/goals/test_pages.py and tests/accounts/test_accounts*.py: the sign-in page",
    "logout": "tests/accounts/test_accounts*.py",
    "api_tokens": "tests/api/test_api_write.py: one's own tokens, signed in",
    "mfa_verify": "tests/accounts/test_accounts.py: one's own second factor, signed in",
    "mfa_setup": "tests/accounts/test_accounts.py: one's own second factor, signed in",
    "mfa_recovery_codes": "tests/accounts/test_accounts.py: one's own codes, after a fresh code",
    "oidc_login": "tests/accounts/test_oidc.py: starts single sign-on, anyone",
    "oidc_callback": "tests/accounts/test_oidc.py: ends single sign-on, anyone with a valid state",
    "api_token_revoke": "tests/api/test_api_write.py: only one's own token",
    "survey_answer": "tests/surveys/test_surveys.py: the personal link is the credential, "
    "no sign-in",
    "organisation_logo_image": "tests/reports/test_documents.py: the logo is public; "
    "404 without one",
    "calendar_feed": "tests/schedule/test_schedule.py: no sign-in, the secret token is the "
    "credential; an unknown, revoked or regenerated token is a 404",
    "invitation_accept": "tests/onboarding/test_onboarding.py: the invitation's link is the "
    "credential, once; a used, withdrawn, expired or unknown one is a 410",
    "contract_document": "tests/onboarding/test_onboarding.py: the signed contract, to those "
    "who read the organisation",
}


def outcome(response) -> str:
    status = response.status_code
    if status == 302 and "/accounts/login/" in response.get("Location", ""):
        return "login"
    if status in (200, 302, 422):
        return "ok"
    return {403: "forbidden", 404: "hidden", 409: "state"}.get(status, f"HTTP {status}")


def plan_in_state(demo, state: str) -> m.GoalPlan:
    """A plan with two goals, indicators and checkpoints, moved to `state` the way the
    workflow would leave it (content written while it was a draft)."""
    from tests.conftest import make_plan

    tuusula = demo["tuusula"]
    post = ExecutivePost.objects.get(organisation=tuusula)
    plan = make_plan(tuusula, post, goals=2, indicators=2, checkpoints=2)
    if state == "superseded":
        move_to(plan, "approved")
        newer = m.GoalPlan.objects.create(
            organisation=tuusula,
            post=post,
            title_fi="Uusi versio",
            period_start=datetime.date(2030, 1, 1),
            period_end=datetime.date(2030, 12, 31),
            series=plan.series,
            version_no=2,
            supersedes=plan,
        )
        move_to(newer, "approved")
    if state != "draft":
        move_to(plan, state)
    plan.refresh_from_db()
    return plan


@pytest.fixture
def clients(demo):
    tuusula, kangasala = demo["tuusula"], demo["kangasala"]
    result = {"anonymous": Client()}
    for role in ROLES[2:]:
        user = make_user(f"perm-{role}", tuusula, kind=role)
        if role == "executive":
            Person.objects.filter(organisation=tuusula, title_fi="Kansliapäällikkö").update(
                user=user
            )
        client = Client()
        client.force_login(user)
        result[role] = client
    other = make_user("perm-other", kangasala, kind=Role.Kind.COORDINATOR)
    result["other_org"] = Client()
    result["other_org"].force_login(other)
    return result


@pytest.mark.slow
@pytest.mark.parametrize("state", STATES)
def test_every_page_answers_every_role_as_the_table_says(demo, clients, state):
    plan = plan_in_state(demo, state)
    goal = plan.goals.order_by("order").first()
    indicator = goal.indicators.order_by("order").first()
    objects = {
        "plan": plan,
        "goal": goal,
        "indicator": indicator,
        "value": m.IndicatorValue.objects.create(
            indicator=indicator, measured_on=datetime.date(2026, 3, 31), value=1
        ),
        "checkpoint": plan.checkpoints.order_by("order").first(),
        "poljory": Body.objects.get(organisation=demo["tuusula"], kind="steering_group"),
    }
    wrong = []
    for name, rows in TABLE.items():
        for row in rows:
            url = row.url(objects)
            for role in ROLES:
                expected = row.expected(role, state)
                with transaction.atomic():
                    client = clients[role]
                    if row.method == "GET":
                        response = client.get(url)
                    else:
                        response = client.post(url, row.data(objects) if row.data else {})
                    transaction.set_rollback(True)
                got = outcome(response)
                if got != expected:
                    wrong.append(f"{name} {row.method} {url} as {role}: {got}, expected {expected}")
    assert not wrong, "\n".join(wrong)


def test_a_refused_request_changes_nothing(demo, clients):
    plan = plan_in_state(demo, "approved")
    before = (plan.status, plan.lock_version, m.Goal.objects.filter(plan=plan).count())
    goal = plan.goals.first()
    for role in ROLES:
        clients[role].post(f"/fi/goals/{goal.pk}/delete/", {"lock_version": goal.lock_version})
        clients[role].post(f"/fi/plans/{plan.pk}/close/")
        clients[role].post(f"/fi/plans/{plan.pk}/propose/")
    plan.refresh_from_db()
    assert (plan.status, plan.lock_version, m.Goal.objects.filter(plan=plan).count()) == before


def _suunta_url_names(patterns=None, prefix="") -> set[str]:
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in ("admin", "api"):
                continue
            names |= _suunta_url_names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            module = getattr(pattern.callback, "__module__", "")
            if module.startswith("suunta.") or pattern.name in OUTSIDE_THE_TABLE:
                names.add(pattern.name)
    return names


def test_every_suunta_url_has_a_row_in_the_permission_table():
    missing = _suunta_url_names() - set(TABLE) - set(REGISTER) - set(SETUP) - set(OUTSIDE_THE_TABLE)
    assert not missing, f"URLs without a row in the permission table: {sorted(missing)}"


# --- The register of interests (84 §) -----------------------------------------------------------
# Kept by coordinators and admins; read by them and the audit committee, whose members review
# declarations (never their own); a declarant enters their own declaration (the executive's row);
# the public register answers everyone. Another organisation's register is a 404. The table does
# not depend on a plan's state, so it runs once.

REGISTER_KEEPERS = {"admin", "coordinator"}
REGISTER_READERS = REGISTER_KEEPERS | {"audit_committee"}


def register_rule(who: set[str]) -> Callable[[str, str], str]:
    return member_rule(who)


def register_objects(demo) -> dict:
    """A board member of Tuusula with a declaration awaiting review, and the executive's own
    person (linked to the `executive` role's user by the `clients` fixture)."""
    from suunta.register.models import InterestDeclaration

    tuusula = demo["tuusula"]
    board = Body.objects.get(organisation=tuusula, kind="board")
    person = Person.objects.create(organisation=tuusula, name="Rekisteri Jäsen")
    seat = Membership.objects.create(
        body=board, person=person, role="member", starts_on=datetime.date(2026, 1, 1)
    )
    declaration = InterestDeclaration.objects.create(
        organisation=tuusula,
        person=person,
        declared_on=datetime.date(2026, 2, 1),
        changed_on=datetime.date(2026, 2, 1),
        no_interests=True,
        version_no=1,
    )
    executive = Person.objects.get(organisation=tuusula, title_fi="Kansliapäällikkö")
    return {"person": person, "seat": seat, "declaration": declaration, "executive": executive}


def reg(suffix: str) -> Callable[[dict], str]:
    return lambda o: f"/fi/o/tuusula/register/{suffix.format(**o)}"


def own_declaration(role: str, state: str) -> str:
    return member_rule(REGISTER_KEEPERS | {"executive"})(role, state)


REGISTER: dict[str, list[Row]] = {
    "register_overview": [Row("GET", reg(""), register_rule(REGISTER_READERS))],
    "register_settings": [
        Row("GET", reg("settings/"), register_rule(REGISTER_KEEPERS)),
        Row("POST", reg("settings/"), register_rule(REGISTER_KEEPERS), dict),
    ],
    "register_person_new": [
        Row("GET", reg("people/new/"), register_rule(REGISTER_KEEPERS)),
        Row("POST", reg("people/new/"), register_rule(REGISTER_KEEPERS), dict),
    ],
    "register_person_seats": [
        Row("GET", reg("people/{person.pk}/seats/"), register_rule(REGISTER_KEEPERS)),
        Row("POST", reg("people/{person.pk}/seats/"), register_rule(REGISTER_KEEPERS), dict),
    ],
    # Linking an account widens what it sees: admins only (docs/decisions/0011).
    "register_person_account": [
        Row("GET", reg("people/{person.pk}/account/"), register_rule({"admin"})),
        Row("POST", reg("people/{person.pk}/account/"), register_rule({"admin"}), dict),
    ],
    "register_position_end": [
        Row("GET", reg("positions/{seat.pk}/end/"), register_rule(REGISTER_KEEPERS)),
        Row("POST", reg("positions/{seat.pk}/end/"), register_rule(REGISTER_KEEPERS), dict),
    ],
    "declaration_detail": [
        Row("GET", reg("people/{person.pk}/"), register_rule(REGISTER_READERS)),
        Row("GET", reg("people/{executive.pk}/"), register_rule(REGISTER_READERS | {"executive"})),
    ],
    "declaration_edit": [
        Row("GET", reg("people/{person.pk}/declaration/"), register_rule(REGISTER_KEEPERS)),
        Row("POST", reg("people/{person.pk}/declaration/"), register_rule(REGISTER_KEEPERS), dict),
        Row("GET", reg("people/{executive.pk}/declaration/"), own_declaration),
        Row("POST", reg("people/{executive.pk}/declaration/"), own_declaration, dict),
    ],
    "declaration_review": [
        Row("GET", reg("people/{person.pk}/review/"), register_rule({"audit_committee"})),
        Row("POST", reg("people/{person.pk}/review/"), register_rule({"audit_committee"}), dict),
    ],
    "register_report": [Row("GET", reg("report/"), register_rule(REGISTER_READERS))],
    "register_report_file": [Row("GET", reg("report/2026.docx"), register_rule(REGISTER_READERS))],
    "my_declarations": [Row("GET", lambda o: "/fi/register/mine/", signed_in)],
    "public_interests": [Row("GET", lambda o: "/fi/public/tuusula/interests/", anyone)],
    "public_interests_person": [
        Row("GET", lambda o: f"/fi/public/tuusula/interests/{o['person'].pk}/", anyone),
        Row(
            "GET",
            lambda o: f"/fi/public/kangasala/interests/{o['person'].pk}/",
            lambda r, s: "hidden",
        ),
    ],
    "public_interests_csv": [Row("GET", lambda o: "/fi/public/tuusula/interests.csv", anyone)],
}


@pytest.mark.slow
def test_every_register_page_answers_every_role_as_the_table_says(demo, clients):
    wrong = answers_not_as_the_table_says(REGISTER, register_objects(demo), clients)
    assert not wrong, "\n".join(wrong)


def answers_not_as_the_table_says(table: dict[str, list[Row]], objects: dict, clients) -> list:
    """Each row of a table that does not hang on a plan's state, asked as every role; each
    request rolled back. The answers that differ from the table, one line each."""
    wrong = []
    for name, rows in table.items():
        for row in rows:
            url = row.url(objects)
            for role in ROLES:
                expected = row.expected(role, "")
                with transaction.atomic():
                    client = clients[role]
                    if row.method == "GET":
                        response = client.get(url)
                    else:
                        response = client.post(url, row.data(objects) if row.data else {})
                    transaction.set_rollback(True)
                got = outcome(response)
                if got != expected:
                    wrong.append(f"{name} {row.method} {url} as {role}: {got}, expected {expected}")
    return wrong


# The demo's Tuusula 2025 plan is evaluated (suunta/demo/cycle.py): a reward decision can
# still be recorded, the plan closed, and the next period's plan started.
DEMO_BUTTONS = {
    "demo": {"decide", "close", "next", "audit"},
    "koordinaattori": {"decide", "close", "next", "audit"},
    "kumppani": {"next"},
    "johtaja": set(),
    "hallitus": set(),
    "tarkastus": set(),
}


@pytest.mark.parametrize("username", sorted(DEMO_BUTTONS))
def test_each_demo_account_signs_in_and_sees_exactly_what_its_role_may(db, settings, username):
    from suunta.demo import seed

    settings.DEMO_MODE = True  # the demo accounts act only in demo mode

    seed.load(accounts=True)
    plan = m.GoalPlan.objects.get(organisation__slug="tuusula")
    client = Client()
    assert client.login(username=username, password=seed.DEMO_PASSWORD)
    home = client.get("/en/")
    assert home.status_code == 200
    assert "Tuusula" in home.content.decode() and "Kangasala" in home.content.decode()
    page = client.get(f"/en/plans/{plan.pk}/").content.decode()
    urls = {
        "decide": f"/en/plans/{plan.pk}/decide/",
        "follow-up": f"/en/plans/{plan.pk}/follow-up/",
        "amend": f"/en/plans/{plan.pk}/amend/",
        "next": f"/en/plans/{plan.pk}/next/",
        "audit": f"/en/plans/{plan.pk}/audit/",
        "close": f"/en/plans/{plan.pk}/close/",
        "edit": f"/en/plans/{plan.pk}/edit/",
        "propose": f"/en/plans/{plan.pk}/propose/",
    }
    shown = {name for name, url in urls.items() if f'"{url}"' in page}
    assert shown == DEMO_BUTTONS[username]


def test_the_post_page_lists_a_draft_only_to_those_who_read_drafts(demo, draft):
    post = draft.post
    member = make_user("member", demo["tuusula"], kind=Role.Kind.BOARD_MEMBER)
    partner = make_user("partner", demo["tuusula"], kind=Role.Kind.DISCUSSION_PARTNER)
    for user, listed in ((member, False), (partner, True)):
        client = Client()
        client.force_login(user)
        page = client.get(f"/fi/posts/{post.pk}/").content.decode()
        assert (f"/fi/plans/{draft.pk}/" in page) is listed
        assert f"/fi/plans/{demo['plan'].pk}/" in page


# --- Setting up an organisation (issue 17) -------------------------------------------------------
# The organisation's admins set it up (never the executive, a party); everyone else gets a 404
# (the pages do not say they exist). Creating an organisation is the installation's staff's: a
# 403 to every role. A first plan is started by those who draft plans.


def setup_rule(role: str, state: str) -> str:
    if role == "anonymous":
        return "login"
    return "ok" if role == "admin" else "hidden"


def staff_only(role: str, state: str) -> str:
    return "login" if role == "anonymous" else "forbidden"


def drafters_start(role: str, state: str) -> str:
    if role == "anonymous":
        return "login"
    return "ok" if role in DRAFTERS else "hidden"


def setup(suffix: str) -> Callable[[dict], str]:
    return lambda o: f"/fi/o/tuusula/setup/{suffix}"


SETUP: dict[str, list[Row]] = {
    # What the installation publishes, to everyone; edited by its staff only.
    "accessibility_statement": [Row("GET", lambda o: "/fi/accessibility/", anyone)],
    "privacy_notice": [Row("GET", lambda o: "/sv/privacy/", anyone)],
    "accessibility_statement_edit": [
        Row("GET", lambda o: "/fi/accessibility/edit/", staff_only),
        Row("POST", lambda o: "/fi/accessibility/edit/", staff_only, dict),
    ],
    "privacy_notice_edit": [
        Row("GET", lambda o: "/fi/privacy/edit/", staff_only),
        Row("POST", lambda o: "/fi/privacy/edit/", staff_only, dict),
    ],
    "organisation_new": [
        Row("GET", lambda o: "/fi/setup/organisations/new/", staff_only),
        Row("POST", lambda o: "/fi/setup/organisations/new/", staff_only, dict),
    ],
    "plan_new": [
        Row("GET", lambda o: f"/fi/posts/{o['post'].pk}/plans/new/", drafters_start),
        Row("POST", lambda o: f"/fi/posts/{o['post'].pk}/plans/new/", drafters_start, dict),
    ],
    **{
        name: [
            Row("GET", setup(suffix), setup_rule),
            Row("POST", setup(suffix), setup_rule, dict),
        ]
        for name, suffix in [
            ("setup_organisation", ""),
            ("setup_bodies", "bodies/"),
            ("setup_post", "post/"),
            ("setup_contract", "contract/"),
            ("setup_scale", "scale/"),
            ("setup_users", "users/"),
        ]
    },
}


@pytest.mark.slow
def test_every_setup_page_answers_every_role_as_the_table_says(demo, clients):
    objects = {"post": ExecutivePost.objects.get(organisation=demo["tuusula"])}
    wrong = answers_not_as_the_table_says(SETUP, objects, clients)
    assert not wrong, "\n".join(wrong)
