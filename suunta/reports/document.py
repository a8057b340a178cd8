"""The board's papers as data: one language-resolved model per document, built from the same
read model as the plan page (`suunta.goals.queries.plan_summary` / `public_summary`). The goal
table in them is the plan page's own model (`suunta.goals.presentation.GoalTable`), so the page,
the public page, the PDF and the DOCX show the same texts, numbers, ratings and "not reported".
The PDF and DOCX renderers and the plain-text agenda only lay this model out; none of them reads
the database or decides what is shown.

Content written by people exists per content language; a text missing in the document's
language falls back to the other one and keeps its own language tag (`Text.lang`), so the PDF
marks it for screen readers and the reader sees why it is in Finnish.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from suunta.goals.models import Checkpoint, Decision, FollowUpEntry, GoalPlan
from suunta.goals.presentation import (
    GoalTable,
    TableEntry,
    TableGoal,
    Text,
    fmt_number,
    goal_table,
    text,
)
from suunta.goals.queries import PlanSummary
from suunta.organisations.models import Body

# Documents go to the board in the organisation's languages; the interface's English is
# offered too, with the content in the language it was written in.
DOCUMENT_LANGUAGES = ("fi", "sv", "en")


def document_language(requested: str | None) -> tuple[str, str]:
    """The language to write the document in and, if the request asked for one Suunta does not
    write documents in, a note saying so (in Finnish, the language it falls back to)."""
    code = (requested or "fi").strip().lower()[:10]
    if code in DOCUMENT_LANGUAGES:
        return code, ""
    with translation.override("fi"):
        return "fi", _(
            "The requested language (%(code)s) is not available: this document is in Finnish."
        ) % {"code": code or "?"}


@dataclass
class DocDecision:
    date: str
    body: str
    section: str
    kind: str
    presenter: str
    disqualified: list[str]
    summary: Text

    @property
    def reference(self) -> str:
        section = f" § {self.section}" if self.section else ""
        return f"{self.body} {self.date}{section}"


@dataclass
class GoalDocument:
    lang: str
    note: str  # the language fallback note, or ""
    organisation: str
    title: Text
    subtitle: str  # the post and its holder
    prepared_by: str  # who prepared the goals, as the source has it: "Pormestari Kalle Ikkelä"
    period: str
    version: str
    status: str
    draft: bool
    handling: str  # e.g. "26.3.2025 Poljory, 31.3.2025 KH"
    basis: Text
    purpose: Text
    evaluation: Text
    checkpoints: list[str]  # the follow-up column headings
    table: GoalTable  # the goal table, as the plan page shows it (goals.presentation)
    decisions: list[DocDecision]
    content_hash: str
    generated: str
    public: bool
    content_language_note: str = ""
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def goals(self) -> list[TableGoal]:
        return self.table.goals

    @property
    def filename(self) -> str:
        return f"{_slug(self.organisation)}-{_slug(str(self.title))}-{self.period}-v{self.version}"


def _slug(value: str) -> str:
    from django.utils.text import slugify

    return slugify(value)[:60] or "suunta"


def fmt_date(day: datetime.date | None) -> str:
    return date_format(day, "SHORT_DATE_FORMAT") if day else ""


def decision_row(decision: Decision, lang: str) -> DocDecision:
    return DocDecision(
        date=fmt_date(decision.meeting_date),
        body=decision.body.text("name", lang),
        section=decision.section,
        kind=decision.get_kind_display(),
        presenter=decision.presenter.display_name(lang) if decision.presenter else "",
        disqualified=[p.display_name(lang) for p in decision.disqualified.all()],
        summary=text(decision, "summary", lang),
    )


def prepared_line(plan: GoalPlan, lang: str) -> str:
    """Who prepared the goals as the source document names them under its title: the title and
    the name ("Pormestari Kalle Ikkelä"), or whichever of them is recorded."""
    person = plan.prepared_by
    if person is None:
        return ""
    title = person.text("title", lang)
    return " ".join(part for part in (title, person.name) if part)


def handling_line(summary: PlanSummary) -> str:
    """The handling as the document's heading gives it: "26.3.2025 Poljory, 31.3.2025 KH"."""
    return ", ".join(
        f"{fmt_date(d.meeting_date)} {d.body.abbreviation or d.body.text('name')}"
        for d in summary.handling
    )


def goal_document(summary: PlanSummary, lang: str, note: str = "") -> GoalDocument:
    """The goal document (the director contract's annual appendix) in one language."""
    plan = summary.plan
    with translation.override(lang):
        holder = plan.executive.display_name(lang) if plan.executive else ""
        post = plan.post.text("title", lang)
        table = goal_table(summary, lang)
        doc = GoalDocument(
            lang=lang,
            note=note,
            organisation=plan.organisation.text("name", lang),
            title=text(plan, "title", lang),
            subtitle=f"{post}, {holder}" if holder and holder != post else post,
            prepared_by=prepared_line(plan, lang),
            period=plan.period_label,
            version=str(plan.version_no),
            status=plan.get_status_display(),
            draft=plan.status in (GoalPlan.Status.DRAFT, GoalPlan.Status.PROPOSED),
            handling=handling_line(summary),
            basis=text(plan, "basis", lang),
            purpose=text(plan, "purpose", lang),
            evaluation=text(plan, "evaluation", lang),
            checkpoints=[f"{_('Follow-up')} {label}" for label in table.checkpoints],
            table=table,
            decisions=[decision_row(d, lang) for d in summary.decisions],
            content_hash=plan.content_hash,
            generated=fmt_date(timezone.localdate()),
            public=table.public,
            labels=document_labels(),
        )
        doc.content_language_note = _content_language_note(doc)
    return doc


def _content_language_note(doc: GoalDocument) -> str:
    """When the document's language is a content language but the content was written only in
    the other one, say so once instead of leaving the reader to wonder."""
    if doc.lang not in ("fi", "sv"):
        return ""
    texts = [doc.title, doc.purpose, doc.evaluation] + [g.title for g in doc.goals]
    others = {t.lang for t in texts if t and t.lang != doc.lang}
    if not others:
        return ""
    names = {"fi": _("Finnish"), "sv": _("Swedish")}
    return _("Parts of the content exist only in %(language)s and are shown as written.") % {
        "language": ", ".join(names[o] for o in sorted(others))
    }


def document_labels() -> dict[str, str]:
    """Headings and captions, in the active language."""
    return {
        "appendix": _("Appendix to the director contract"),
        "period": _("Period"),
        "version": _("Version"),
        "status": _("Status"),
        "handled": _("Handled"),
        "basis": _("Director contract"),
        "purpose": _("Purpose of the goal discussion"),
        "goals": _("Goals and indicators"),
        "goal": _("Goal"),
        "indicator": _("Indicator"),
        "weight": _("Weight"),
        "development": _("personal development goal"),
        "evaluation": _("Evaluation of the goals"),
        "decisions": _("Decisions"),
        "presenter": _("Presenter"),
        "disqualified": _("Disqualified"),
        "hash": _("Content hash (SHA-256) of this version"),
        "hash_missing": _("A draft has no content hash: it is not approved."),
        "generated": _("Printed from Suunta"),
        "page": _("Page"),
        "of": _("of"),
        "not_reported": _("Not yet reported to a body."),
        "no_follow_up": _("No follow-up written."),
        "draft": _("DRAFT – not approved"),
        "public": _("Public version"),
    }


# --- The follow-up report of one checkpoint --------------------------------------------------


@dataclass
class ReportRow:
    goal: TableGoal
    current: list[TableEntry]
    previous: list[TableEntry]
    change: str  # "improved", "declined", "same", "new", ""
    change_label: str
    values: list[tuple[Text, str, str]]  # (indicator, value at the checkpoint, previous value)


@dataclass
class FollowUpReport:
    document: GoalDocument
    checkpoint: str
    previous_checkpoint: str
    window: str
    rows: list[ReportRow]
    counts: list[tuple[str, int]]  # rating label → goals
    labels: dict[str, str] = field(default_factory=dict)


def _rating_of(entries: list[FollowUpEntry]) -> Decimal | None:
    rated = [e.rating for e in entries if e.rating is not None]
    return rated[-1] if rated else None


def follow_up_report(
    summary: PlanSummary, checkpoint: Checkpoint, lang: str, note: str = ""
) -> FollowUpReport:
    """Per goal the joint follow-up and rating of one checkpoint and what changed since the
    previous checkpoint: the rating up or down, and the numeric indicators' values."""
    doc = goal_document(summary, lang, note)
    index = next(n for n, c in enumerate(summary.checkpoints) if c.pk == checkpoint.pk)
    previous = summary.checkpoints[index - 1] if index > 0 else None
    rows = []
    counts: dict[str, int] = {}
    with translation.override(lang):
        labels = {
            "improved": _("improved"),
            "declined": _("declined"),
            "same": _("unchanged"),
            "new": _("first assessment"),
            "": "",
        }
        for row, doc_goal in zip(summary.rows, doc.goals, strict=True):
            now = row.follow_ups[index]
            before = row.follow_ups[index - 1] if previous else []
            current, earlier = _rating_of(now), _rating_of(before)
            if current is None:
                change = ""
            elif earlier is None:
                change = "new" if previous else ""
            elif current > earlier:
                change = "improved"
            elif current < earlier:
                change = "declined"
            else:
                change = "same"
            for assessment in doc_goal.cells[index].entries:
                if assessment.rating:
                    counts[assessment.rating] = counts.get(assessment.rating, 0) + 1
            rows.append(
                ReportRow(
                    goal=doc_goal,
                    current=doc_goal.cells[index].entries,
                    previous=doc_goal.cells[index - 1].entries if previous else [],
                    change=change,
                    change_label=labels[change],
                    values=_values_at(summary, row, checkpoint, previous, lang),
                )
            )
        return FollowUpReport(
            document=doc,
            checkpoint=checkpoint.text("label", lang),
            previous_checkpoint=previous.text("label", lang) if previous else "",
            window=f"{fmt_date(checkpoint.opens_on)}–{fmt_date(checkpoint.closes_on)}",
            rows=rows,
            counts=sorted(counts.items()),
            labels={
                **doc.labels,
                "report": _("Follow-up report"),
                "window": _("Follow-up written"),
                "summary": _("Ratings"),
                "change": _("Change"),
                "values": _("Measured values"),
            },
        )


def _latest_value(series: list[Any], until: datetime.date) -> Any:
    found = [v for v in series if v.measured_on <= until]
    return found[-1] if found else None


def _values_at(summary, row, checkpoint, previous, lang) -> list[tuple[Text, str, str]]:
    """The latest measured value of each numeric indicator by the checkpoint's close, and by the
    previous checkpoint's close."""
    result = []
    for indicator in row.indicators:
        if not indicator.is_numeric:
            continue
        series = summary.values.get(indicator.key, [])

        now = _latest_value(series, checkpoint.closes_on)
        before = _latest_value(series, previous.closes_on) if previous else None
        unit = f" {indicator.unit}" if indicator.unit else ""
        result.append(
            (
                text(indicator, "text", lang),
                f"{fmt_number(now.value)}{unit}" if now else "–",
                f"{fmt_number(before.value)}{unit}" if before else "–",
            )
        )
    return result


# --- The board's agenda item drafts (esityslista) ---------------------------------------------

AGENDA_KINDS = ("approval", "follow_up", "evaluation")


@dataclass
class AgendaItem:
    kind: str
    lang: str
    note: str
    organisation: str
    body: str
    title: str
    preparer: str
    presenter: str
    disqualification: str
    background: list[str]
    proposal: str
    appendices: list[str]
    labels: dict[str, str]

    @property
    def filename(self) -> str:
        return f"{_slug(self.organisation)}-{_slug(self.title)}"

    def as_text(self) -> str:
        """Plain text to paste into the meeting system's agenda item."""
        lines = [self.title, ""]
        for label, value in (
            (self.labels["preparer"], self.preparer),
            (self.labels["presenter"], self.presenter),
        ):
            if value:
                lines.append(f"{label}: {value}")
        lines += ["", self.labels["disqualification"], self.disqualification, ""]
        lines += [self.labels["background"], *self.background, ""]
        lines += [self.labels["proposal"], self.proposal, ""]
        lines += [self.labels["appendices"], *(f"- {a}" for a in self.appendices)]
        if self.note:
            lines = [self.note, "", *lines]
        return "\n".join(lines).strip() + "\n"


def _board(plan: GoalPlan) -> Any:
    if plan.proposed_to_id:
        return plan.proposed_to
    return (
        plan.organisation.bodies.filter(kind=Body.Kind.BOARD).order_by("order").first()
        or plan.organisation.bodies.filter(kind=Body.Kind.COUNCIL).order_by("order").first()
    )


def goals_phrase(plan: GoalPlan, lang: str) -> str:
    """The plan's title inside a sentence: "Kansliapäällikön tavoitteet" → "kansliapäällikön
    tavoitteet"; a title that starts with the organisation's own name keeps its capital."""
    title = plan.text("title", lang).strip()
    first = title.split(" ", 1)[0]
    names = {plan.organisation.text("name", code).split(" ", 1)[0] for code in ("fi", "sv")}
    if not title or first in names or first.isupper():
        return title
    return title[0].lower() + title[1:]


def _lower_first(text: str) -> str:
    """A title after a name, as Finnish and Swedish write it: "Kalle Ikkelä, pormestari"."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def period_phrase(plan: GoalPlan) -> str:
    """ "for 2025" (vuodelle 2025), or "for the period 1.1.2025–30.6.2026"."""
    start, end = plan.period_start, plan.period_end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return _("for %(year)s") % {"year": start.year}
    return _("for the period %(period)s") % {"period": plan.period_label}


def agenda_item(
    summary: PlanSummary,
    kind: str,
    lang: str,
    *,
    checkpoint: Checkpoint | None = None,
    note: str = "",
) -> AgendaItem:
    """A draft of the board's agenda item: approving the goals, a follow-up report or the
    year-end evaluation. The chair presents: the executive is a party to the matter."""
    from suunta.goals import scoring
    from suunta.goals.queries import chair_of

    plan = summary.plan
    with translation.override(lang):
        body = _board(plan)
        body_name = body.text("name", lang) if body else _("the board")
        chair = chair_of(body, timezone.localdate())
        post = plan.post.text("title", lang)
        executive = plan.executive.display_name(lang) if plan.executive else ""
        if executive == post:  # recorded by title only, as the seed does
            executive = ""
        subject = {"title": plan.text("title", lang), "period": plan.period_label}
        names = {"body": body_name, **subject}
        preparer = plan.prepared_by
        background = list(text(plan, "basis", lang).paragraphs)
        reviews = [
            d
            for d in summary.decisions
            if d.kind == Decision.Kind.REVIEW and (kind != "approval" or not d.checkpoint_id)
        ]
        appendices = [
            _("%(title)s %(period)s, version %(version)s (goal document)")
            % {**subject, "version": plan.version_no}
        ]
        if kind == "approval":
            title = _("%(title)s %(period)s: approving the goals") % subject
            for d in reviews:
                background.append(
                    _("%(body)s handled the goals on %(date)s.")
                    % {"body": d.body.text("name", lang), "date": fmt_date(d.meeting_date)}
                )
            background.append(
                _(
                    "The goals with their indicators and follow-up points are in the appendix. "
                    "Once approved, they are the annual appendix of the director contract."
                )
            )
            proposal = _("%(body)s approves %(goals)s %(for_period)s as in the appendix.") % {
                "body": body_name,
                "goals": goals_phrase(plan, lang),
                "for_period": period_phrase(plan),
            }
        elif kind == "follow_up":
            if checkpoint is None:
                raise ValueError("a follow-up report names its checkpoint")
            names["checkpoint"] = checkpoint.text("label", lang)
            title = _("%(title)s %(period)s: follow-up %(checkpoint)s") % names
            background.append(
                _(
                    "The goals were approved on %(date)s. Their achievement was followed up in "
                    "the discussion held between %(opens)s and %(closes)s (follow-up "
                    "%(checkpoint)s). The joint assessment of each goal is in the appendix."
                )
                % {
                    "date": fmt_date(_approved_on(summary)),
                    "checkpoint": names["checkpoint"],
                    "opens": fmt_date(checkpoint.opens_on),
                    "closes": fmt_date(checkpoint.closes_on),
                }
            )
            for d in reviews:
                if d.checkpoint_id == checkpoint.pk and d.body_id != (body.pk if body else None):
                    background.append(
                        _("%(body)s handled the follow-up on %(date)s.")
                        % {"body": d.body.text("name", lang), "date": fmt_date(d.meeting_date)}
                    )
            proposal = (
                _("%(body)s takes note of the follow-up report %(checkpoint)s in the appendix.")
                % names
            )
            appendices.insert(
                0, _("Follow-up report %(checkpoint)s") % {"checkpoint": names["checkpoint"]}
            )
        elif kind == "evaluation":
            title = _("%(title)s %(period)s: evaluation of the achievement") % subject
            background.append(
                _(
                    "The achievement of the goals was evaluated at the end of the period in the "
                    "goal and development discussion. The assessment of each goal is in the "
                    "appendix."
                )
            )
            proposal = (
                _(
                    "%(body)s takes note of the evaluation of the achievement of the goals in "
                    "the appendix."
                )
                % names
            )
            score = scoring.plan_score(summary)
            bonus = scoring.reward(summary, score)
            if score.total is not None and summary.reward_rule is not None:
                background.append(
                    _("By the approved weights the goals were achieved to %(score)s.")
                    % {"score": scoring.pct(score.total)}
                )
            if bonus is not None and bonus.amount is not None:
                background += [step.text for step in bonus.steps]
                proposal += " " + _(
                    "It decides a performance bonus of %(amount)s under the director contract."
                ) % {"amount": scoring.eur(bonus.amount)}
            if summary.checkpoints:
                appendices.insert(
                    0,
                    _("Follow-up report %(checkpoint)s")
                    % {"checkpoint": summary.checkpoints[-1].text("label", lang)},
                )
        else:
            raise ValueError(f"unknown agenda item {kind!r}")
        chair_name = chair.display_name(lang) if chair else ""
        return AgendaItem(
            kind=kind,
            lang=lang,
            note=note,
            organisation=plan.organisation.text("name", lang),
            body=body_name,
            title=title,
            preparer=(
                f"{preparer.display_name(lang)}, {_lower_first(preparer.text('title', lang))}"
                if preparer and preparer.name
                else (preparer.display_name(lang) if preparer else "")
            ),
            presenter=(
                _("%(name)s, chair (%(body)s)") % {"name": chair_name, "body": body_name}
                if chair
                else _("chair (%(body)s)") % {"body": body_name}
            ),
            disqualification=_(
                "%(post)s %(name)s is disqualified as a party to the matter (Administrative "
                "Procedure Act 28 § 1 mom. 1 point) and does not take part in its handling. "
                "The chair presents the matter."
            )
            % {"post": post, "name": executive}
            if executive
            else _(
                "%(post)s is disqualified as a party to the matter (Administrative Procedure "
                "Act 28 § 1 mom. 1 point) and does not take part in its handling. The chair "
                "presents the matter."
            )
            % {"post": post},
            background=background,
            proposal=proposal,
            appendices=appendices,
            labels={
                "preparer": _("Prepared by"),
                "presenter": _("Presenter"),
                "disqualification": _("Disqualification"),
                "background": _("Background"),
                "proposal": _("Proposal"),
                "appendices": _("Appendices"),
                "decision": _("Decision"),
                "page": _("Page"),
            },
        )


def _approved_on(summary: PlanSummary) -> datetime.date | None:
    for d in summary.decisions:
        if d.kind in (
            Decision.Kind.APPROVE,
            Decision.Kind.APPROVE_AMENDED,
            Decision.Kind.TAKE_NOTE,
            Decision.Kind.AMEND,
        ):
            return d.meeting_date
    return None
