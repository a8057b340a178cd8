from django.urls import path

import suunta.core.converters  # noqa: F401 - the docfmt and textfmt converters

from . import views

urlpatterns = [
    path("plans/<uuid:plan_id>/documents/", views.plan_documents, name="plan_documents"),
    path("plans/<uuid:plan_id>/document.<docfmt:fmt>", views.plan_document, name="plan_document"),
    path(
        "plans/<uuid:plan_id>/follow-up-report/<uuid:checkpoint_id>/",
        views.plan_follow_up_report,
        name="plan_follow_up_report",
    ),
    path(
        "plans/<uuid:plan_id>/follow-up-report/<uuid:checkpoint_id>/report.<docfmt:fmt>",
        views.plan_follow_up_report_file,
        name="plan_follow_up_report_file",
    ),
    path(
        "plans/<uuid:plan_id>/agenda/<slug:kind>/",
        views.plan_agenda_item,
        name="plan_agenda_item",
    ),
    path(
        "plans/<uuid:plan_id>/agenda/<slug:kind>/item.<textfmt:fmt>",
        views.plan_agenda_item_file,
        name="plan_agenda_item_file",
    ),
    path("o/<slug:slug>/logo/", views.organisation_logo, name="organisation_logo"),
    path("o/<slug:slug>/logo/image", views.organisation_logo_image, name="organisation_logo_image"),
]
