from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from suunta.api.api import api
from suunta.goals import views as goal_views

urlpatterns = [
    path("healthz", goal_views.healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, extra_context={"demo_mode": settings.DEMO_MODE}
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("suunta.goals.urls")),
    path("", include("suunta.schedule.urls")),
    prefix_default_language=True,
)
