from django.urls import path

import suunta.core.converters  # noqa: F401 - the docfmt converter

from . import text_views, views

urlpatterns = [
    path(
        "accessibility/",
        text_views.installation_text,
        {"kind": "accessibility"},
        name="accessibility_statement",
    ),
    path("privacy/", text_views.installation_text, {"kind": "privacy"}, name="privacy_notice"),
    path(
        "accessibility/edit/",
        text_views.installation_text_edit,
        {"kind": "accessibility"},
        name="accessibility_statement_edit",
    ),
    path(
        "privacy/edit/",
        text_views.installation_text_edit,
        {"kind": "privacy"},
        name="privacy_notice_edit",
    ),
    path(
        "public/<slug:slug>/plans/<uuid:plan_id>/document.<docfmt:fmt>",
        views.public_plan_document,
        name="public_plan_document",
    ),
    path("public/", views.public_index, name="public_index"),
    path("public/<slug:slug>/", views.public_organisation, name="public_organisation"),
    path("public/<slug:slug>/plans/<uuid:plan_id>/", views.public_plan, name="public_plan"),
    path("public/<slug:slug>/goals.csv", views.public_csv, name="public_csv"),
    path("public/<slug:slug>/goals.xlsx", views.public_xlsx, name="public_xlsx"),
    path("public/<slug:slug>/calendar.ics", views.public_calendar, name="public_calendar"),
    path("public/<slug:slug>/interests/", views.public_interests, name="public_interests"),
    path(
        "public/<slug:slug>/interests/<uuid:person_id>/",
        views.public_interests_person,
        name="public_interests_person",
    ),
    path(
        "public/<slug:slug>/interests.csv", views.public_interests_csv, name="public_interests_csv"
    ),
]
