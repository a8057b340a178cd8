from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    """The shared entities every feature refers to: organisations, their bodies and people,
    the executive post, its tenures and focus areas."""

    name = "suunta.organisations"
    verbose_name = _("Organisations")
