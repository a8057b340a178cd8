from django.urls import path

from . import views

urlpatterns = [
    path("calendar/", views.calendar_page, name="calendar_page"),
    path("calendar/feed/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
