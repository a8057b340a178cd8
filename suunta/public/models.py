"""What a Finnish public-sector service must publish, per installation: the accessibility
statement (saavutettavuusseloste, Act on the Provision of Digital Services 306/2019, 15 §) and
the privacy notice (tietosuojaseloste, GDPR articles 13–14). Each installation's staff edit
their own text; until they do, the default text (`templates/public/*_default_<lang>.html`)
stands, filled with the installation's name and feedback address."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from suunta.core.models import Entity


class InstallationText(Entity):
    class Kind(models.TextChoices):
        ACCESSIBILITY = "accessibility", _("accessibility statement")
        PRIVACY = "privacy", _("privacy notice")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, unique=True)
    body_fi = models.TextField(_("text in Finnish"), blank=True)
    body_sv = models.TextField(_("text in Swedish"), blank=True)
    body_en = models.TextField(_("text in English"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("published text of the installation")
        verbose_name_plural = _("published texts of the installation")

    def __str__(self):
        return self.get_kind_display()

    def body(self, lang: str) -> str:
        return getattr(self, f"body_{lang}", "") or ""
