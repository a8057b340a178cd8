from django.urls import path

import suunta.core.converters  # noqa: F401 - the docfmt converter

from . import views

R = "o/<slug:slug>/register/"

urlpatterns = [
    path(R, views.register_overview, name="register_overview"),
    path(f"{R}settings/", views.register_settings, name="register_settings"),
    path(f"{R}people/new/", views.register_person_new, name="register_person_new"),
    path(
        f"{R}people/<uuid:person_id>/seats/",
        views.register_person_seats,
        name="register_person_seats",
    ),
    path(
        f"{R}people/<uuid:person_id>/account/",
        views.register_person_account,
        name="register_person_account",
    ),
    path(
        f"{R}positions/<uuid:position_id>/end/",
        views.register_position_end,
        name="register_position_end",
    ),
    path(f"{R}people/<uuid:person_id>/", views.declaration_detail, name="declaration_detail"),
    path(
        f"{R}people/<uuid:person_id>/declaration/",
        views.declaration_edit,
        name="declaration_edit",
    ),
    path(
        f"{R}people/<uuid:person_id>/review/", views.declaration_review, name="declaration_review"
    ),
    path(f"{R}report/", views.register_report, name="register_report"),
    path(
        f"{R}report/<int:year>.<docfmt:fmt>",
        views.register_report_file,
        name="register_report_file",
    ),
    path("register/mine/", views.my_declarations, name="my_declarations"),
]
