"""Suunta settings: one file, production differs only by environment (see .env.example)."""

import ipaddress
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("SUUNTA_DEBUG", default=False)
# The benchmark's minimal view (bench/load.py) is routed only when this is on.
SUUNTA_BENCH = env.bool("SUUNTA_BENCH", default=False)
# Demo mode: demo accounts with well-known passwords exist and the sign-in page says so.
DEMO_MODE = env.bool("SUUNTA_DEMO_MODE", default=False)

_DEV_SECRET = "insecure-development-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env.str("SUUNTA_SECRET_KEY", default=_DEV_SECRET if DEBUG or DEMO_MODE else "")
if not SECRET_KEY:
    raise environ.ImproperlyConfigured(
        "SUUNTA_SECRET_KEY must be set when SUUNTA_DEBUG and SUUNTA_DEMO_MODE are off."
    )

ALLOWED_HOSTS = env.list("SUUNTA_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("SUUNTA_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "ninja",
    "suunta.core",
    "suunta.accounts",
    "suunta.audit",
    "suunta.organisations",
    "suunta.goals",
    "suunta.api",
    "suunta.surveys",
    "suunta.discussions",
    "suunta.schedule",
    "suunta.reports",
    "suunta.public",
    "suunta.progress",
    "suunta.imports",
    "suunta.register",
    "suunta.onboarding",
    "suunta.ops",
    "suunta.demo",
]

MIDDLEWARE = [
    # /healthz for the load balancer, over plain http, by any host name (suunta/ops/faults.py).
    "suunta.ops.faults.HealthCheckMiddleware",
    # Proxy headers only from the proxies in SUUNTA_TRUSTED_PROXIES (suunta/audit/context.py).
    "suunta.audit.context.ProxyHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "suunta.ops.faults.FaultMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "suunta.accounts.security.SessionTimeoutMiddleware",
    # Who the request is, decided once: a session only after every sign-in step; a demo
    # account only in demo mode; never a header (suunta/accounts/security.py).
    "suunta.accounts.security.RequestIdentityMiddleware",
    # Bodies over the limit are refused before anything reads them (suunta/ops/limits.py).
    "suunta.ops.limits.RequestSizeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "suunta.audit.context.AuditContextMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "suunta.goals.context_processors.suunta",
            ],
            "builtins": ["suunta.goals.templatetags.suunta"],
        },
    },
]

# --- Database ---------------------------------------------------------------------------
# SQLite by default (WAL, IMMEDIATE transactions, a busy timeout); PostgreSQL via DATABASE_URL.
# A writer waits up to SUUNTA_SQLITE_TIMEOUT seconds for another instead of failing with
# "database is locked"; a PostgreSQL server that does not answer is given up on after
# SUUNTA_DB_CONNECT_TIMEOUT seconds, and the request gets a 503 page (suunta/ops/faults.py).
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env.float("SUUNTA_SQLITE_TIMEOUT", default=20),
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        }
    )
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("SUUNTA_CONN_MAX_AGE", default=60))
    # A persistent connection is checked before each request, so the app reconnects by itself
    # once the server is back after a restart.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("SUUNTA_DB_CONNECT_TIMEOUT", default=5)
    )
    # Server-side binding with prepared statements: a query run twice on a connection is
    # planned once. The pages' freshness queries (one row summing up everything a page shows)
    # take PostgreSQL longer to plan than to run (~8 ms against ~5 ms); prepared, every page
    # read is about twice as fast (docs/performance.md). SUUNTA_PG_PREPARED=0 turns it off
    # (behind PgBouncer in transaction mode older than 1.21, which cannot keep them).
    if env.bool("SUUNTA_PG_PREPARED", default=True):
        DATABASES["default"]["OPTIONS"].setdefault("server_side_binding", True)
        DATABASES["default"]["OPTIONS"].setdefault("prepare_threshold", 2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache: in the process's memory by default (`make run`, one server). Several app servers
# share one: SUUNTA_CACHE_URL=redis://host:6379/0 (Redis or Valkey). Every cached page and
# fragment is keyed by the state it shows, so a shared cache is never stale; it only spares
# each server from rendering the same page again. With a shared cache the sessions are read
# from it and written through to the database ("cached_db"): a sign-out on one server ends the
# session on all of them at once. A server that does not answer within the timeouts gives the
# 503 page (suunta/ops/faults.py), never a request that hangs.
CACHES = {"default": env.cache("SUUNTA_CACHE_URL", default="locmemcache://")}
SHARED_CACHE = CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
if SHARED_CACHE:
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    CACHES["default"].setdefault("OPTIONS", {}).update(
        {
            "socket_connect_timeout": env.float("SUUNTA_CACHE_TIMEOUT", default=2),
            "socket_timeout": env.float("SUUNTA_CACHE_TIMEOUT", default=2),
            # One retry at once (a dropped connection), not redis-py's growing backoff: a
            # Redis that is down gives the 503 page in seconds.
            "retry": Retry(NoBackoff(), 1),
        }
    )
    CACHES["default"].setdefault("KEY_PREFIX", env.str("SUUNTA_CACHE_PREFIX", default="suunta"))
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if SHARED_CACHE
    else "django.contrib.sessions.backends.db"
)

# --- Accounts ---------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in security (suunta/accounts/security.py, docs/decisions/0006-accounts-mfa-oidc.md).
SUUNTA_REQUIRE_MFA = env.bool("SUUNTA_REQUIRE_MFA", default=True)
SUUNTA_SESSION_IDLE_SECONDS = env.int("SUUNTA_SESSION_IDLE_SECONDS", default=30 * 60)
SUUNTA_SESSION_ABSOLUTE_SECONDS = env.int("SUUNTA_SESSION_ABSOLUTE_SECONDS", default=8 * 3600)
SUUNTA_LOGIN_MAX_PER_USER = env.int("SUUNTA_LOGIN_MAX_PER_USER", default=5)
SUUNTA_LOGIN_MAX_PER_IP = env.int("SUUNTA_LOGIN_MAX_PER_IP", default=20)
SUUNTA_LOGIN_WINDOW_SECONDS = env.int("SUUNTA_LOGIN_WINDOW_SECONDS", default=15 * 60)
# The reverse proxies in front of the app (addresses or CIDR networks, comma-separated). Only
# when the connection comes from one of them is X-Forwarded-For read: the client is its
# right-most address that is not a trusted proxy. Empty: the connection's own address
# (REMOTE_ADDR), and the header is ignored. Used for the per-address sign-in limit and the
# audit log (suunta/audit/context.py).
SUUNTA_TRUSTED_PROXIES = env.list("SUUNTA_TRUSTED_PROXIES", default=[])
for _proxy in SUUNTA_TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise environ.ImproperlyConfigured(
            f"SUUNTA_TRUSTED_PROXIES: {_proxy!r} is not an IP address or network."
        ) from None
# Single sign-on with the municipality's OpenID Provider (suunta/accounts/oidc.py).
SUUNTA_OIDC_ISSUER = env.str("SUUNTA_OIDC_ISSUER", default="")
SUUNTA_OIDC_CLIENT_ID = env.str("SUUNTA_OIDC_CLIENT_ID", default="")
SUUNTA_OIDC_CLIENT_SECRET = env.str("SUUNTA_OIDC_CLIENT_SECRET", default="")
SUUNTA_OIDC_NAME = env.str("SUUNTA_OIDC_NAME", default="")
SUUNTA_OIDC_TRUST_EMAIL = env.bool("SUUNTA_OIDC_TRUST_EMAIL", default=False)
SESSION_COOKIE_AGE = env.int("SUUNTA_SESSION_AGE", default=8 * 3600)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# --- Language, time, formats ------------------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
# Languages content can be written in (see docs/decisions/0002-bilingual-content.md).
CONTENT_LANGUAGES = ["fi", "sv"]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = BASE_DIR / env.str("SUUNTA_MEDIA_DIR", default="media")
# Uploads larger than 2.5 MB are spooled to a temporary file; a full disk there gives the user a
# clear message and leaves nothing behind (suunta/ops/faults.py).
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "suunta.ops.faults.TemporaryFileUploadHandler",
]
FILE_UPLOAD_TEMP_DIR = env.str("SUUNTA_UPLOAD_TEMP_DIR", default="") or None
# The largest request body outside the upload pages, refused with 413 before it is read
# (suunta/ops/limits.py); an upload page allows its own file limit plus the form around it.
SUUNTA_MAX_REQUEST_BYTES = env.int("SUUNTA_MAX_REQUEST_BYTES", default=2 * 1024 * 1024)
# Django's own limit on the form fields and JSON read into memory (files excluded): the same.
DATA_UPLOAD_MAX_MEMORY_SIZE = SUUNTA_MAX_REQUEST_BYTES

# --- Security ---------------------------------------------------------------------------
SECURE_PRODUCTION = env.bool("SUUNTA_SECURE", default=not DEBUG and not DEMO_MODE)
SESSION_COOKIE_SECURE = SECURE_PRODUCTION
CSRF_COOKIE_SECURE = SECURE_PRODUCTION
SECURE_SSL_REDIRECT = SECURE_PRODUCTION and env.bool("SUUNTA_SSL_REDIRECT", default=True)
# The health check answers over plain http too, for a load balancer's check (no redirect).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_PRODUCTION else None
SECURE_HSTS_SECONDS = env.int("SUUNTA_HSTS_SECONDS", default=31536000 if SECURE_PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_PRODUCTION
SECURE_HSTS_PRELOAD = SECURE_PRODUCTION
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [] if SECURE_PRODUCTION else ["security.W004", "security.W008"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- E-mail -----------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("SUUNTA_EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("SUUNTA_FROM_EMAIL", default="suunta@localhost")
# Reminders (suunta/schedule): the address links in e-mails point to, days before a deadline.
SUUNTA_SITE_URL = env.str("SUUNTA_SITE_URL", default="http://127.0.0.1:8000")
# Who provides this installation, and where its users send feedback on accessibility and
# questions on the processing of personal data: named in the accessibility statement and the
# privacy notice (suunta/public/models.py), and the feedback form mails the address.
SUUNTA_OPERATOR_NAME = env.str("SUUNTA_OPERATOR_NAME", default="")
SUUNTA_FEEDBACK_EMAIL = env.str("SUUNTA_FEEDBACK_EMAIL", default="")
SUUNTA_REMINDER_DAYS = env.str("SUUNTA_REMINDER_DAYS", default="14,3,0")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("SUUNTA_LOG_LEVEL", default="WARNING")},
}

NINJA_PAGINATION_PER_PAGE = 100
