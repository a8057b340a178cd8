"""What an organisation still lacks before its first plan can be proposed, in the order it is
best set up. Each step says whether it is done, whether the plan needs it, and where it is
done."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from suunta.accounts.models import Role
from suunta.goals.models import DirectorContract, GoalPlan
from suunta.organisations.models import Body, ExecutivePost, Membership, Organisation


@dataclass
class Step:
    key: str
    label: str | Promise
    done: bool
    required: bool
    url: str


def steps(organisation: Organisation) -> list[Step]:
    slug = organisation.slug
    bodies = organisation.bodies.all()
    board = bodies.filter(kind=Body.Kind.BOARD).first()
    members = Membership.objects.filter(body__organisation=organisation).active()
    post = ExecutivePost.objects.filter(organisation=organisation).first()
    roles = Role.objects.filter(organisation=organisation).active()
    kinds = set(roles.values_list("kind", flat=True))
    return [
        Step("organisation", _("The organisation's facts: kind, leadership model, languages"),
             bool(organisation.kind and organisation.leadership_model), True,
             reverse("setup_organisation", args=[slug])),
        Step("board", _("The board that approves the goals, and its members"),
             board is not None and members.filter(body=board).exists(), True,
             reverse("setup_bodies", args=[slug])),
        Step("bodies", _("The other bodies: the council, a steering group, the audit committee"),
             bodies.exclude(kind=Body.Kind.BOARD).exists(), False,
             reverse("setup_bodies", args=[slug])),
        Step("post", _("The executive post and who holds it"),
             post is not None and post.current_holder() is not None, True,
             reverse("setup_post", args=[slug])),
        Step("focus", _("The post's focus areas"),
             post is not None and post.focus_areas.exists(), False,
             reverse("setup_post", args=[slug])),
        Step("partners", _("Who holds the goal discussion"),
             post is not None and post.discussion_partner_rules.exists(), True,
             reverse("setup_post", args=[slug])),
        Step("contract", _("The director contract"),
             DirectorContract.objects.filter(organisation=organisation).exists(), True,
             reverse("setup_contract", args=[slug])),
        Step("scale", _("The rating scale"),
             organisation.rating_scales.exists(), False,
             reverse("setup_scale", args=[slug])),
        Step("coordinator", _("A coordinator invited (prepares the papers)"),
             Role.Kind.COORDINATOR in kinds, True, reverse("setup_users", args=[slug])),
        Step("executive", _("The executive invited"),
             Role.Kind.EXECUTIVE in kinds, False, reverse("setup_users", args=[slug])),
        Step("plan", _("The first plan started"),
             GoalPlan.objects.filter(organisation=organisation).exists(), True,
             reverse("plan_new", args=[post.pk]) if post else reverse("setup_post", args=[slug])),
    ]  # fmt: skip


def missing(organisation: Organisation) -> list[Step]:
    return [step for step in steps(organisation) if step.required and not step.done]
