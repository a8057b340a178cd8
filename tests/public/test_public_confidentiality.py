"""Nothing confidential ever reaches the public pages, the public API, the downloads or the
public calendar.

One test puts a marker (ZQX…) in every text of every confidential record the models hold –
drafts and proposals with all their content, self- and partner assessments, a joint assessment
of a checkpoint not yet reported, return reasons and other audit details, discussion records,
agendas and training actions, survey answers and comments, invitations, people's and users'
addresses and names, API tokens, calendar feeds, second-factor secrets – then fetches every
public URL in every language and asserts that no marker appears. A control reads one marked
text on a signed-in page, so the markers are really there."""

from __future__ import annotations

import datetime
import io
import itertools
import shutil
import zipfile

import pytest
from django.db import models

from suunta.accounts.models import RecoveryCode, SignInAttempt, TotpDevice, User
from suunta.api.models import ApiToken
from suunta.audit.models import AuditEvent
from suunta.discussions import models as d
from suunta.goals import actions
from suunta.goals import models as m
from suunta.organisations.models import Body, ExecutivePost, Membership, Organisation, Person
from suunta.register.models import DeclarationReview, Interest, InterestDeclaration
from suunta.schedule.models import CalendarFeed, SentReminder
from suunta.surveys import models as sv
from tests.conftest import client_for, make_plan, make_user, move_to
from tests.document_tools import pdf_text

MARK = "ZQX"
LANGUAGES = ("fi", "sv", "en")
_counter = itertools.count(1)


def _text_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and not isinstance(f, models.SlugField)
        and not f.choices
        and not f.primary_key
        and f.name != "content_hash"
        and (f.max_length is None or f.max_length >= 12)
    ]


def mark(queryset: models.QuerySet, only: tuple[str, ...] = ()) -> int:
    """Every text of every row: a unique marker (an address for e-mail fields). Written with
    `update()`, past the models' guards on signed-off records. Returns the rows marked."""
    model = queryset.model
    fields = [f for f in _text_fields(model) if not only or f.name in only]
    assert fields, model
    n = 0
    for pk in list(queryset.values_list("pk", flat=True)):
        values = {}
        for field in fields:
            number = next(_counter)
            if isinstance(field, models.EmailField):
                values[field.name] = f"zqx{number}@example.invalid"
            else:
                values[field.name] = f"{MARK}{number}{field.name}"[: field.max_length or 100]
        model._default_manager.filter(pk=pk).update(**values)
        n += 1
    return n


def _plan_content(plan: m.GoalPlan) -> None:
    mark(m.GoalPlan.objects.filter(pk=plan.pk))
    mark(m.Checkpoint.objects.filter(plan=plan))
    mark(m.Goal.objects.filter(plan=plan))
    mark(m.Indicator.objects.filter(goal__plan=plan))
    mark(m.FollowUpEntry.objects.filter(goal__plan=plan))


def _confidential_everything(demo) -> None:
    tuusula = demo["tuusula"]
    post = ExecutivePost.objects.get(organisation=tuusula)
    board = Body.objects.get(organisation=tuusula, kind="board")
    steering = Body.objects.get(organisation=tuusula, kind="steering_group")
    coordinator = make_user("conf-coordinator", tuusula)

    # Drafts and proposals, every text of them, and a decision on a proposal.
    draft = make_plan(tuusula, post, goals=2, indicators=2, checkpoints=2)
    _plan_content(draft)
    proposed = make_plan(tuusula, post, goals=2, indicators=2, checkpoints=2)
    _plan_content(proposed)
    move_to(proposed, "proposed")
    m.Decision.objects.create(  # decisions are never updated: written marked
        organisation=tuusula, body=steering, plan=proposed, meeting_date=datetime.date(2030, 2, 1),
        kind="review", section=f"{MARK}section", summary_fi=f"{MARK}summary-fi",
        summary_sv=f"{MARK}summary-sv",
    )  # fmt: skip
    # A proposal returned for changes: the reason goes to the audit log.
    returned = make_plan(tuusula, post, goals=1, indicators=1, checkpoints=1)
    move_to(returned, "proposed")
    actions.return_plan(returned, actor=coordinator, reason=f"{MARK}return-reason")
    _plan_content(returned)  # a draft again: its texts are confidential too

    # The public plan: own assessments and an unreported joint one are confidential; the
    # reported checkpoint's joint assessment is public.
    plan = demo["plan"]
    first, second = plan.checkpoints.order_by("order")
    partner = Person.objects.create(organisation=tuusula, name="Keskustelija")
    for goal in plan.goals.all():
        m.FollowUpEntry.objects.create(
            goal=goal, checkpoint=first, kind="joint", text_fi="JULKINEN yhteinen arvio"
        )
        for cp in (first, second):
            m.FollowUpEntry.objects.create(goal=goal, checkpoint=cp, kind="self", text_fi="x")
            m.FollowUpEntry.objects.create(
                goal=goal, checkpoint=cp, kind="partner", author=partner, text_fi="x"
            )
        m.FollowUpEntry.objects.create(goal=goal, checkpoint=second, kind="joint", text_fi="x")
    mark(m.FollowUpEntry.objects.filter(goal__plan=plan).exclude(kind="joint", checkpoint=first))
    m.Decision.objects.create(
        organisation=tuusula, body=board, plan=plan, meeting_date=datetime.date(2025, 9, 22),
        section="120", kind="review", checkpoint=first,
    )  # fmt: skip
    indicator = m.Indicator.objects.filter(goal__plan=plan).first()
    value = m.IndicatorValue.objects.create(
        indicator=indicator, measured_on=datetime.date(2025, 6, 30), value=1
    )
    mark(m.IndicatorValue.objects.filter(pk=value.pk))

    # Discussion records, agendas, training actions and their notes (both organisations).
    assert d.DiscussionItem.objects.filter(confidential=True).exists()
    for queryset in (
        d.DiscussionItem.objects.all(),
        d.TrainingAction.objects.all(),
        d.ActionNote.objects.all(),
        d.AgendaTemplate.objects.all(),
        d.AgendaTemplateItem.objects.all(),
    ):
        assert mark(queryset), queryset.model

    # Surveys: titles, criteria, answers and comments, invitations and their addresses.
    survey = sv.Survey.objects.get(plan=plan)
    sv.Response.objects.create(survey=survey, comment="x")
    for queryset in (
        sv.Survey.objects.all(),
        sv.Criterion.objects.all(),
        sv.Response.objects.all(),
        sv.Invitation.objects.all(),
    ):
        assert mark(queryset), queryset.model
    sv.Survey.objects.update(labels={"fi": [f"{MARK}label{n}" for n in range(5)]})

    # Control: the markers are there for those who may read them (before the second factor
    # below would stop the coordinator's session).
    control = client_for(coordinator).get(f"/fi/plans/{draft.pk}/")
    assert MARK in control.content.decode()

    # The register of interests: the audit committee's messages are never public, nor is the
    # declaration of a person whose term has ended (kept internally until the retention ends).
    declaration = InterestDeclaration.objects.get(person__name="Oskari Auvinen")
    DeclarationReview.objects.create(
        declaration=declaration, version_no=declaration.version_no, outcome="reviewed",
        message=f"{MARK}review-message", reviewed_on=datetime.date(2025, 3, 1),
    )  # fmt: skip
    former = Person.objects.create(organisation=tuusula, name="Entinen")
    Membership.objects.create(
        body=board, person=former, role="member", starts_on=datetime.date(2021, 8, 1),
        ends_on=datetime.date(2025, 5, 31),
    )  # fmt: skip
    ended = InterestDeclaration.objects.create(
        organisation=tuusula, person=former, declared_on=datetime.date(2021, 9, 1),
        changed_on=datetime.date(2021, 9, 1), version_no=1,
    )  # fmt: skip
    Interest.objects.create(declaration=ended, category="other", description_fi="x")
    mark(InterestDeclaration.objects.filter(pk=ended.pk))
    mark(Interest.objects.filter(declaration=ended))
    mark(Person.objects.filter(pk=former.pk), only=("name",))

    # People's addresses; users: names, addresses, user names; their secrets.
    mark(Person.objects.all(), only=("email",))
    make_user("conf-admin", tuusula, kind="admin")
    for user in User.objects.all():
        ApiToken.issue(user, "x")
        CalendarFeed.issue(user)
        TotpDevice.objects.create(user=user, secret="x" * 32)
        RecoveryCode.objects.create(user=user, digest="x" * 64)
        SentReminder.objects.create(user=user, item_key="x" * 20, day=3)
    SignInAttempt.objects.create(username="x" * 20, success=False)
    for model in (User, ApiToken, CalendarFeed, TotpDevice, RecoveryCode, SentReminder,
                  SignInAttempt):  # fmt: skip
        assert mark(model.objects.all()), model
    # Audit details: the snapshots before and after, the client.
    AuditEvent.objects.create(
        organisation=tuusula, action="plan.update", object_type="goalplan",
        object_id=str(plan.pk), plan_id=plan.pk, before={"title_fi": f"{MARK}before"},
        after={"reason": f"{MARK}after"}, user_agent=f"{MARK}agent", ip="192.0.2.7",
    )  # fmt: skip


def _public_urls(client) -> list[str]:
    urls = []
    for lang in LANGUAGES:
        urls.append(f"/{lang}/public/")
        for org in Organisation.objects.all():
            base = f"/{lang}/public/{org.slug}/"
            urls += [base, base + "goals.csv", base + "goals.xlsx", base + "calendar.ics"]
            urls += [base + "interests/", base + "interests.csv"]
            for person in Person.objects.filter(organisation=org):
                urls.append(f"{base}interests/{person.pk}/")  # not public ones answer 404
            for plan in m.GoalPlan.objects.filter(organisation=org):
                urls.append(f"{base}plans/{plan.pk}/")  # non-public ones answer 404
                # The public goal document, in the document language of the same name.
                urls.append(f"{base}plans/{plan.pk}/document.docx?lang={lang}")
                if shutil.which("pdftotext"):
                    urls.append(f"{base}plans/{plan.pk}/document.pdf?lang={lang}")
    urls.append("/api/v1/public/organisations")
    for org in Organisation.objects.all():
        api = f"/api/v1/public/organisations/{org.slug}"
        urls += [api, api + "/plans", api + "/decisions", api + "/interests"]
        for plan in m.GoalPlan.objects.filter(organisation=org):
            urls.append(f"{api}/plans/{plan.pk}")
    return urls


def _text(response) -> str:
    content = response.content
    if content.startswith(b"%PDF-"):
        return pdf_text(content)
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "".join(
                archive.read(name).decode("utf-8")
                for name in archive.namelist()
                if name.endswith((".xml", ".rels"))  # not the images a DOCX carries
            )
    return content.decode("utf-8")


@pytest.mark.slow
def test_no_confidential_text_reaches_any_public_page_api_download_or_calendar(demo, client):
    _confidential_everything(demo)

    public_plans = set(m.GoalPlan.objects.public().values_list("pk", flat=True))
    reached = {"ok": 0, "not found": 0}
    leaks = []
    reported_seen = dict.fromkeys(("page", "api", "csv", "xlsx", "docx"), False)
    if shutil.which("pdftotext"):
        reported_seen["pdf"] = False
    signed_in = client_for(make_user("conf-board", demo["tuusula"], kind="board_member"))
    for url in _public_urls(client):
        for reader in (client, signed_in):
            response = reader.get(url)
            if response.status_code == 404:
                reached["not found"] += 1
                assert not any(str(pk) in url for pk in public_plans), url
                continue
            assert response.status_code == 200, url
            reached["ok"] += 1
            text = _text(response)
            if MARK.lower() in text.lower():
                at = text.lower().index(MARK.lower())
                leaks.append(f"{url}: …{text[max(0, at - 60) : at + 40]}…")
            if "JULKINEN yhteinen arvio" in text:
                path = url.split("?")[0]
                kind = (
                    "api" if url.startswith("/api/") else
                    "csv" if path.endswith(".csv") else
                    "xlsx" if path.endswith(".xlsx") else
                    "docx" if path.endswith(".docx") else
                    "pdf" if path.endswith(".pdf") else "page"
                )  # fmt: skip
                reported_seen[kind] = True
    assert not leaks, "\n".join(leaks)
    # Every public URL was really read, the drafts and proposals were refused.
    assert reached["ok"] >= 2 * (3 * (1 + 2 * 5)) and reached["not found"] >= 2 * 3 * 3
    # The reported checkpoint's joint assessments are public everywhere.
    assert all(reported_seen.values()), reported_seen
