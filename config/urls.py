from importlib import import_module

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path, re_path
from django.views.generic import RedirectView

from suunta.accounts import views as account_views
from suunta.api import views as api_views
from suunta.api.api import api
from suunta.ops import faults
from suunta.ops import views as ops_views

urlpatterns = [
    # Answered by ops.faults.HealthCheckMiddleware before the host check; routed for reverse().
    path("healthz", faults.healthz, name="healthz"),
    # Outside the language prefix: the callback must be one fixed address at the provider.
    path("accounts/sso/", account_views.oidc_login, name="oidc_login"),
    path("accounts/sso/callback/", account_views.oidc_callback, name="oidc_callback"),
    path("api/v1/", api.urls),
    # The admin signs in through Suunta's own page: rate limits and the second factor apply.
    path("admin/login/", RedirectView.as_view(pattern_name="login", query_string=True)),
    # The organisations' and the register's models moved out of `goals` (issue 16): old
    # bookmarks of their admin pages lead to the new addresses.
    re_path(
        r"^admin/goals/(?P<model>organisation|person|body|membership|executivepost|posttenure"
        r"|focusarea|discussionpartnerrule)/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/organisations/%(model)s/%(rest)s", query_string=True),
    ),
    re_path(
        r"^admin/goals/(?P<model>interestdeclaration|interest|declarationversion"
        r"|declarationreview|declarationrule|registersettings)/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/register/%(model)s/%(rest)s", query_string=True),
    ),
    path("admin/", admin.site.urls),
]
# The apps whose pages are under the language prefix, in the order their patterns are tried.
APPS = (
    "surveys", "goals", "discussions", "schedule", "reports", "public", "progress", "imports",
    "register", "onboarding", "ops",
)  # fmt: skip
urlpatterns += i18n_patterns(
    path("accounts/login/", account_views.SignInView.as_view(), name="login"),
    path("accounts/second-factor/", account_views.mfa_verify, name="mfa_verify"),
    path("accounts/second-factor/set-up/", account_views.mfa_setup, name="mfa_setup"),
    path(
        "accounts/second-factor/recovery-codes/",
        account_views.mfa_recovery_codes,
        name="mfa_recovery_codes",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/tokens/", api_views.api_tokens, name="api_tokens"),
    path(
        "accounts/tokens/<int:token_id>/revoke/",
        api_views.api_token_revoke,
        name="api_token_revoke",
    ),
    # The apps' pages as one flat list, not an include() each: a request's path is tried
    # against plain patterns, where each include that did not match built the list of all it
    # had tried (for the 404 page).
    *[pattern for app in APPS for pattern in import_module(f"suunta.{app}.urls").urlpatterns],
    prefix_default_language=True,
)

# A database that does not answer or a full disk gives a 503 page, not a 500 (suunta/ops/faults.py).
handler500 = "suunta.ops.faults.server_error"

if settings.SUUNTA_BENCH:
    # The benchmark's yardstick: a page that does nothing, through the same middleware.
    urlpatterns.append(path("bench/minimal/", ops_views.bench_minimal, name="bench_minimal"))
