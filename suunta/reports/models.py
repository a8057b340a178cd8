"""The organisation's logo on its documents and public page: stored in the database (small,
checked and sanitised on upload by `suunta.reports.logo`), so backups and exports carry it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from suunta.organisations.models import Organisation


class OrganisationLogo(models.Model):
    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="logo", primary_key=True
    )
    content_type = models.CharField(_("file type"), max_length=30)
    data = models.BinaryField(_("image"))
    width = models.PositiveIntegerField(_("width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True)
    digest = models.CharField(_("SHA-256"), max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("logo")
        verbose_name_plural = _("logos")

    def __str__(self):
        return f"{self.organisation} ({self.content_type})"

    @property
    def data_uri(self) -> str:
        import base64

        return f"data:{self.content_type};base64,{base64.b64encode(bytes(self.data)).decode()}"
