from django.urls import path

from . import views

urlpatterns = [
    path("plans/<uuid:plan_id>/surveys/new/", views.survey_create, name="survey_create"),
    path("surveys/<uuid:survey_id>/", views.survey_detail, name="survey_detail"),
    path("surveys/<uuid:survey_id>/send/", views.survey_send, name="survey_send"),
    path("surveys/<uuid:survey_id>/close/", views.survey_close, name="survey_close"),
    path("survey/<str:token>/", views.survey_answer, name="survey_answer"),
]
