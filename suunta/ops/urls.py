from django.urls import path

from . import views

urlpatterns = [
    path("o/<slug:slug>/export.json", views.organisation_export, name="organisation_export"),
]
