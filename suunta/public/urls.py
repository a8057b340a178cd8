from django.urls import path

import suunta.core.converters  # noqa: F401 - the docfmt converter

from . import views

urlpatterns = [
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
