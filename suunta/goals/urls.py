from django.urls import path

import suunta.core.converters  # noqa: F401 - the direction converter

from . import follow_up_views, measure_views, views, workflow_views

urlpatterns = [
    path("", views.home, name="home"),
    path("o/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("posts/<uuid:post_id>/", views.post_detail, name="post_detail"),
    path("plans/<uuid:plan_id>/", views.plan_detail, name="plan_detail"),
    path("plans/<uuid:plan_id>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<uuid:plan_id>/edit/details/", views.plan_texts_form, name="plan_texts_form"),
    path(
        "plans/<uuid:plan_id>/edit/carried-over/confirm/",
        views.plan_confirm_carried,
        name="plan_confirm_carried",
    ),
    path("plans/<uuid:plan_id>/next/", views.plan_start_next, name="plan_start_next"),
    path("plans/<uuid:plan_id>/propose/", workflow_views.plan_propose, name="plan_propose"),
    path("plans/<uuid:plan_id>/return/", workflow_views.plan_return, name="plan_return"),
    path("plans/<uuid:plan_id>/decide/", workflow_views.plan_decide, name="plan_decide"),
    path("plans/<uuid:plan_id>/amend/", workflow_views.plan_amend, name="plan_amend"),
    path(
        "plans/<uuid:plan_id>/follow-up/",
        workflow_views.plan_start_follow_up,
        name="plan_start_follow_up",
    ),
    path("plans/<uuid:plan_id>/close/", workflow_views.plan_close, name="plan_close"),
    path("plans/<uuid:plan_id>/versions/", workflow_views.plan_history, name="plan_history"),
    path("plans/<uuid:plan_id>/audit/", workflow_views.plan_audit, name="plan_audit"),
    path(
        "plans/<uuid:plan_id>/checkpoints/<uuid:checkpoint_id>/follow-up/",
        follow_up_views.checkpoint_follow_up,
        name="checkpoint_follow_up",
    ),
    path(
        "plans/<uuid:plan_id>/indicators/<uuid:indicator_id>/values/",
        measure_views.indicator_values,
        name="indicator_values",
    ),
    path(
        "plans/<uuid:plan_id>/values/<uuid:value_id>/delete/",
        measure_views.indicator_value_delete,
        name="indicator_value_delete",
    ),
    path(
        "plans/<uuid:plan_id>/values/import/",
        measure_views.plan_values_import,
        name="plan_values_import",
    ),
    path("plans/<uuid:plan_id>/weights/", measure_views.plan_weights, name="plan_weights"),
    path(
        "plans/<uuid:plan_id>/reward/rule/",
        measure_views.plan_reward_rule,
        name="plan_reward_rule",
    ),
    path("plans/<uuid:plan_id>/score/", measure_views.plan_score, name="plan_score"),
    path("plans/<uuid:parent_id>/goals/new/", views.goal_add, name="goal_add"),
    path("goals/<uuid:item_id>/edit/", views.goal_edit, name="goal_edit"),
    path("goals/<uuid:item_id>/delete/", views.goal_delete, name="goal_delete"),
    path("goals/<uuid:item_id>/move/<direction:direction>/", views.goal_move, name="goal_move"),
    path("goals/<uuid:parent_id>/indicators/new/", views.indicator_add, name="indicator_add"),
    path("indicators/<uuid:item_id>/edit/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<uuid:item_id>/delete/", views.indicator_delete, name="indicator_delete"),
    path(
        "indicators/<uuid:item_id>/move/<direction:direction>/",
        views.indicator_move,
        name="indicator_move",
    ),
    path("plans/<uuid:parent_id>/checkpoints/new/", views.checkpoint_add, name="checkpoint_add"),
    path("checkpoints/<uuid:item_id>/edit/", views.checkpoint_edit, name="checkpoint_edit"),
    path("checkpoints/<uuid:item_id>/delete/", views.checkpoint_delete, name="checkpoint_delete"),
    path(
        "checkpoints/<uuid:item_id>/move/<direction:direction>/",
        views.checkpoint_move,
        name="checkpoint_move",
    ),
]
