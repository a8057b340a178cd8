"""Numbers of a plan: measured values of numeric indicators (by hand or from CSV/XLSX), the
weights of goals and indicators, the reward rule, and the achievement score with the reward
computed step by step."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from suunta.core.forms import validation_messages
from suunta.core.inputs import OutOfRange
from suunta.core.web import refusal_of, run_action

from . import actions, charts, permissions, queries, scoring, value_import
from .forms import FinnishDecimalField, plain_number
from .models import GoalPlan, Indicator, IndicatorValue, RewardRule
from .refusals import plan_refused


def _plan_url(plan: GoalPlan, anchor: str = "") -> str:
    return reverse("plan_detail", args=[plan.pk]) + anchor


def _all_messages(error: ValidationError) -> list[str]:
    """An action's ValidationError as a list of messages, for a page without form fields."""
    return [text for texts in validation_messages(error).values() for text in texts]


def _decimal_or_none(text: str, errors: list[str], label: str) -> Decimal | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return value_import.parse_decimal(text)
    except OutOfRange as error:
        errors.append(_("%(label)s: %(message)s") % {"label": label, "message": error})
        return None
    except (InvalidOperation, ValueError):
        errors.append(
            _("%(label)s: “%(value)s” is not a number.") % {"label": label, "value": text}
        )
        return None


# --- Measured values ----------------------------------------------------------------------------


class ValueForm(forms.Form):
    measured_on = forms.DateField(
        label=gettext_lazy("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
    )
    value = forms.CharField(label=gettext_lazy("Value"), max_length=40)
    note = forms.CharField(label=gettext_lazy("Note"), max_length=300, required=False)

    def clean_value(self):
        try:
            value = value_import.parse_decimal(self.cleaned_data["value"]).quantize(
                Decimal("0.0001")
            )
        except (InvalidOperation, ValueError) as error:
            raise forms.ValidationError(_("Write a number, e.g. 1 234,5.")) from error
        if abs(value) >= Decimal("1e14"):
            raise forms.ValidationError(_("The number is too large."))
        return value


def _indicator(request: HttpRequest, plan_id: Any, indicator_id: Any) -> tuple[GoalPlan, Indicator]:
    plan = queries.plan_for(request.user, plan_id)
    indicator = get_object_or_404(
        Indicator.objects.select_related("goal"), pk=indicator_id, goal__plan=plan
    )
    return plan, indicator


def _values_page(request, plan, indicator, form, status=200) -> HttpResponse:
    summary = queries.plan_summary(plan)
    row = (
        next(r for r in charts.numeric_rows(summary) if r["indicator"].pk == indicator.pk)
        if (indicator.is_numeric)
        else None
    )
    return render(
        request,
        "goals/indicator_values.html",
        {
            "plan": plan,
            "indicator": indicator,
            "row": row,
            "form": form,
            "can_record": permissions.can_record_values(request.user, plan),
        },
        status=status,
    )


@login_required
def indicator_values(request: HttpRequest, plan_id: Any, indicator_id: Any) -> HttpResponse:
    plan, indicator = _indicator(request, plan_id, indicator_id)
    if request.method != "POST":
        return _values_page(request, plan, indicator, ValueForm())
    # Refused before the form says anything.
    if error := refusal_of(lambda: actions.require_values(request.user, plan)):
        return plan_refused(request, plan, error, back=_plan_url(plan))
    form = ValueForm(request.POST)

    def done(_value):
        messages.success(request, _("The value was saved."))
        return redirect("indicator_values", plan.pk, indicator.pk)

    return run_action(
        form,
        lambda: actions.add_value(indicator, data=form.cleaned_data, actor=request.user),
        invalid=lambda: _values_page(request, plan, indicator, form, status=422),
        refused=lambda error: plan_refused(request, plan, error, back=_plan_url(plan)),
        done=done,
    )


@login_required
@require_POST
def indicator_value_delete(request: HttpRequest, plan_id: Any, value_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    value = get_object_or_404(
        IndicatorValue.objects.select_related("indicator__goal__plan"),
        pk=value_id,
        indicator__goal__plan__series=plan.series,
    )
    try:
        lock = int(request.POST.get("lock_version") or 0)
    except ValueError:
        raise Http404 from None

    def done(_result):
        messages.success(request, _("The value was removed."))
        return redirect("indicator_values", plan.pk, value.indicator_id)

    return run_action(
        None,
        lambda: actions.delete_value(value, expected_lock=lock, actor=request.user),
        refused=lambda error: plan_refused(request, plan, error, back=_plan_url(plan)),
        done=done,
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (CSV or XLSX)"),
        help_text=gettext_lazy(
            "The first row names the columns: mittari (the indicator's number, e.g. 2.1), "
            "päivämäärä (30.6.2026) and arvo; huomautus is optional."
        ),
    )


@login_required
def plan_values_import(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    context: dict[str, Any] = {"plan": plan, "errors": [], "result": None}
    if error := refusal_of(lambda: actions.require_values(request.user, plan)):
        return plan_refused(request, plan, error, back=_plan_url(plan))
    if request.method != "POST":
        context["form"] = ImportForm()
        return render(request, "goals/values_import.html", context)
    form = ImportForm(request.POST, request.FILES)
    context["form"] = form
    if not form.is_valid():
        return render(request, "goals/values_import.html", context, status=422)
    upload = form.cleaned_data["file"]
    summary = queries.plan_summary(plan)
    by_number = {
        f"{row.number}.{n}": i
        for row in summary.rows
        for n, i in enumerate(row.indicators, start=1)
        if i.is_numeric
    }
    try:
        value_import.check_size(upload.size)
        parsed = value_import.parse(upload.read(value_import.MAX_BYTES + 1), by_number, upload.name)
    except value_import.ImportRefused as error:
        context["errors"] = [str(error)]
        return render(request, "goals/values_import.html", context, status=422)
    if parsed.errors:
        context["errors"] = [_("Nothing was saved."), *parsed.errors]
        return render(request, "goals/values_import.html", context, status=422)

    def done(counts):
        messages.success(
            request,
            _("Imported: %(added)s new values, %(updated)s changed, %(unchanged)s unchanged.")
            % counts,
        )
        return redirect(_plan_url(plan, "#measures"))

    return run_action(
        None,
        lambda: actions.import_values(plan, rows=parsed.rows, actor=request.user),
        invalid=lambda: render(request, "goals/values_import.html", context, status=422),
        errors=lambda error: context.update(errors=_all_messages(error)),
        done=done,
    )


# --- Weights ------------------------------------------------------------------------------------


@login_required
def plan_weights(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    if error := refusal_of(lambda: actions.authorise(request.user, "edit", plan, lock=False)):
        return plan_refused(request, plan, error, back=_plan_url(plan))
    summary = queries.plan_summary(plan)
    errors: list[str] = []
    posted = request.POST if request.method == "POST" else None
    goal_weights: dict[Any, Decimal | None] = {}
    indicator_weights: dict[Any, Decimal | None] = {}
    locks: dict[Any, int] = {}
    if posted is not None:
        for row in summary.rows:
            for item in (row.goal, *row.indicators):
                seen = posted.get(f"lock-{item.pk}")
                if seen is not None:  # the page always sends them
                    locks[item.pk] = int(seen) if seen.isdigit() else -1
            goal_weights[row.goal.pk] = _decimal_or_none(
                posted.get(f"goal-{row.goal.pk}", ""), errors, _("Goal %(n)s") % {"n": row.number}
            )
            for n, indicator in enumerate(row.indicators, start=1):
                indicator_weights[indicator.pk] = _decimal_or_none(
                    posted.get(f"indicator-{indicator.pk}", ""),
                    errors,
                    _("Indicator %(n)s") % {"n": f"{row.number}.{n}"},
                )
        if not errors:

            def done(_result):
                messages.success(request, _("The weights were saved."))
                return redirect("plan_edit", plan.pk)

            return run_action(
                None,
                lambda: actions.set_weights(
                    plan,
                    goal_weights=goal_weights,
                    indicator_weights=indicator_weights,
                    actor=request.user,
                    expected_locks=locks,
                ),
                invalid=lambda: _weights_page(request, plan, summary, posted, errors),
                errors=lambda error: errors.extend(_all_messages(error)),
                refused=lambda error: plan_refused(request, plan, error, back=_plan_url(plan)),
                done=done,
            )
    return _weights_page(request, plan, summary, posted, errors)


def _weights_page(request, plan, summary, posted, errors) -> HttpResponse:
    rows = []
    for row in summary.rows:
        rows.append(
            {
                "row": row,
                "value": posted.get(f"goal-{row.goal.pk}", "")
                if posted
                else _finnish(row.goal.weight),
                "indicators": [
                    {
                        "number": f"{row.number}.{n}",
                        "indicator": i,
                        "value": (
                            posted.get(f"indicator-{i.pk}", "") if posted else _finnish(i.weight)
                        ),
                    }
                    for n, i in enumerate(row.indicators, start=1)
                ],
            }
        )
    return render(
        request,
        "goals/plan_weights.html",
        {"plan": plan, "rows": rows, "errors": errors},
        status=422 if errors else 200,
    )


def _finnish(value: Any) -> str:
    """A saved number as a form shows it: 12.50 → "12,5", None → ""."""
    if value in (None, ""):
        return ""
    return plain_number(Decimal(str(value))).replace(".", ",")


# --- The reward rule ------------------------------------------------------------------------------


class RewardRuleForm(forms.ModelForm):
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = RewardRule
        fields = ["kind", "monthly_salary", "cap_months", "fixed_amount", "met_at"]
        field_classes = dict.fromkeys(
            ("monthly_salary", "cap_months", "fixed_amount", "met_at"), FinnishDecimalField
        )
        widgets = {
            name: forms.TextInput(attrs={"inputmode": "decimal"})
            for name in ("monthly_salary", "cap_months", "fixed_amount", "met_at")
        }


PAYOUT_ROWS = 5


def _reward_rule_context(plan, summary, form, posted, rule, errors):
    table = list(rule.payout_table) if rule else []
    payout = []
    for n in range(PAYOUT_ROWS):
        saved = table[n] if n < len(table) else {}
        payout.append(
            {
                "n": n,
                "from": posted.get(f"from-{n}", "") if posted else _finnish(saved.get("from")),
                "amount": posted.get(f"amount-{n}", "")
                if posted
                else _finnish(saved.get("amount")),
            }
        )
    terms = rule.goal_terms if rule else {}
    goal_rows = []
    for row in summary.rows:
        key = str(row.goal.key)
        saved = terms.get(key, {})
        goal_rows.append(
            {
                "row": row,
                "key": key,
                "amount": posted.get(f"goal-amount-{key}", "")
                if posted
                else _finnish(saved.get("amount")),
                "minimum": posted.get(f"goal-minimum-{key}", "")
                if posted
                else _finnish(saved.get("minimum")),
            }
        )
    return {
        "plan": plan,
        "form": form,
        "payout": payout,
        "goal_rows": goal_rows,
        "errors": errors,
    }


@login_required
def plan_reward_rule(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    if error := refusal_of(lambda: actions.authorise(request.user, "edit", plan, lock=False)):
        return plan_refused(request, plan, error, back=_plan_url(plan))
    summary = queries.plan_summary(plan)
    rule = summary.reward_rule
    if request.method != "POST":
        form = RewardRuleForm(
            instance=rule, initial={"lock_version": rule.lock_version if rule else 0}
        )
        return render(
            request,
            "goals/reward_rule.html",
            _reward_rule_context(plan, summary, form, None, rule, []),
        )
    form = RewardRuleForm(request.POST, instance=rule or RewardRule(plan=plan))
    errors: list[str] = []
    table = []
    for n in range(PAYOUT_ROWS):
        start = _decimal_or_none(request.POST.get(f"from-{n}", ""), errors, _("Score from"))
        amount = _decimal_or_none(request.POST.get(f"amount-{n}", ""), errors, _("Sum"))
        if start is None and amount is None:
            continue
        if start is None or amount is None:
            errors.append(_("Each row of the payout table needs both a score and a sum."))
            continue
        table.append({"from": str(start), "amount": str(amount)})
    terms = {}
    for row in summary.rows:
        key = str(row.goal.key)
        label = _("Goal %(n)s") % {"n": row.number}
        amount = _decimal_or_none(request.POST.get(f"goal-amount-{key}", ""), errors, label)
        minimum = _decimal_or_none(request.POST.get(f"goal-minimum-{key}", ""), errors, label)
        if amount is not None:
            terms[key] = {"amount": str(amount), "minimum": str(minimum or Decimal(0))}
    context = _reward_rule_context(plan, summary, form, request.POST, rule, errors)
    if not form.is_valid() or errors:
        return render(request, "goals/reward_rule.html", context, status=422)
    data = {k: v for k, v in form.cleaned_data.items() if k != "lock_version"}
    data["payout_table"] = sorted(table, key=lambda r: Decimal(r["from"]))
    data["goal_terms"] = terms

    def put_errors(error: ValidationError) -> None:
        # The payout table and the goals' terms are no form fields: their errors go above.
        for field, texts in validation_messages(error).items():
            for text in texts:
                if field in form.fields:
                    form.add_error(field, text)
                else:
                    context["errors"].append(text)

    def done(_rule):
        messages.success(request, _("The reward rule was saved."))
        return redirect("plan_score", plan.pk)

    return run_action(
        form,
        lambda: actions.save_reward_rule(
            plan,
            data=data,
            expected_lock=form.cleaned_data.get("lock_version") or 0,
            actor=request.user,
        ),
        invalid=lambda: render(request, "goals/reward_rule.html", context, status=422),
        errors=put_errors,
        refused=lambda error: plan_refused(request, plan, error, back=_plan_url(plan)),
        done=done,
    )


# --- The score and the reward, step by step -----------------------------------------------------


@login_required
def plan_score(request: HttpRequest, plan_id: Any) -> HttpResponse:
    plan = queries.plan_for(request.user, plan_id)
    if not permissions.can_view_reward(request.user, plan):
        raise PermissionDenied
    summary = queries.plan_summary(plan)
    checkpoint = None
    wanted = request.GET.get("checkpoint")
    if wanted:
        checkpoint = next((c for c in summary.checkpoints if str(c.pk) == wanted), None)
        if checkpoint is None:
            raise Http404
    score = scoring.plan_score(summary, checkpoint)
    return render(
        request,
        "goals/plan_score.html",
        {
            "plan": plan,
            "summary": summary,
            "score": score,
            "reward": scoring.reward(summary, score),
            "can_edit": permissions.can_edit_plan(request.user, plan),
        },
    )
