from django.urls import path

from . import views

urlpatterns = [
    path("posts/<uuid:post_id>/import/", views.import_start, name="import_start"),
    path("imports/<uuid:import_id>/", views.import_review, name="import_review"),
    path("imports/<uuid:import_id>/original", views.import_original, name="import_original"),
    path("imports/<uuid:import_id>/discard", views.import_discard, name="import_discard"),
]
