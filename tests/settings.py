"""The project's settings with the environment a test run needs (see config/settings.py)."""

import os

os.environ.setdefault("SUUNTA_SECRET_KEY", "tests-only-secret-key-" + "x" * 40)
os.environ.setdefault("SUUNTA_DEMO_MODE", "0")
os.environ.setdefault("SUUNTA_SECURE", "0")
# Most tests sign in without a second factor; tests/accounts/test_accounts.py turns it on.
os.environ.setdefault("SUUNTA_REQUIRE_MFA", "0")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
