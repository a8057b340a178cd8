from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Operations: backup and restore, an organisation's export, the translation catalogues,
    the health check, fault pages and request limits. Above the feature apps; only `demo`
    is above it."""

    name = "suunta.ops"
    verbose_name = _("Operations")
