from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer: abstract models, the action machinery and the contribution registry
    that feature apps fill in their `ready()` (see docs/architecture.md)."""

    name = "suunta.core"
    verbose_name = _("Core")
