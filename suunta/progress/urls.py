from django.urls import path

from . import views

urlpatterns = [
    path("plans/<uuid:plan_id>/progress/", views.plan_progress, name="plan_progress"),
    path("posts/<uuid:post_id>/progress/", views.post_progress, name="post_progress"),
    path("plans/<uuid:plan_id>/coverage/", views.plan_coverage, name="plan_coverage"),
    path("plans/<uuid:plan_id>/coverage/accept/", views.coverage_accept, name="coverage_accept"),
    path("plans/<uuid:plan_id>/coverage/reject/", views.coverage_reject, name="coverage_reject"),
]
