from django.urls import path

from . import views

urlpatterns = [
    path("posts/<uuid:post_id>/discussions/new/", views.discussion_new, name="discussion_new"),
    path("discussions/<uuid:discussion_id>/", views.discussion_detail, name="discussion_detail"),
    path("discussions/<uuid:discussion_id>/edit/", views.discussion_edit, name="discussion_edit"),
    path(
        "discussions/<uuid:discussion_id>/sign-off/",
        views.discussion_sign_off,
        name="discussion_sign_off",
    ),
    path(
        "discussions/<uuid:discussion_id>/acknowledge/",
        views.discussion_acknowledge,
        name="discussion_acknowledge",
    ),
    path(
        "discussions/<uuid:discussion_id>/items/new/",
        views.discussion_item_add,
        name="discussion_item_add",
    ),
    path(
        "discussion-items/<uuid:item_id>/edit/",
        views.discussion_item_edit,
        name="discussion_item_edit",
    ),
    path(
        "discussion-items/<uuid:item_id>/delete/",
        views.discussion_item_delete,
        name="discussion_item_delete",
    ),
    path(
        "discussion-items/<uuid:item_id>/move/<direction:direction>/",
        views.discussion_item_move,
        name="discussion_item_move",
    ),
    path(
        "discussions/<uuid:discussion_id>/actions/new/",
        views.training_action_add,
        name="training_action_add",
    ),
    path(
        "training-actions/<uuid:action_id>/edit/",
        views.training_action_edit,
        name="training_action_edit",
    ),
    path(
        "training-actions/<uuid:action_id>/delete/",
        views.training_action_delete,
        name="training_action_delete",
    ),
    path(
        "training-actions/<uuid:action_id>/follow-up/",
        views.training_action_follow_up,
        name="training_action_follow_up",
    ),
    path("o/<slug:slug>/agendas/", views.agenda_templates, name="agenda_templates"),
    path("agendas/<uuid:template_id>/", views.agenda_template_edit, name="agenda_template_edit"),
]
