"""An imported goal document: the original file, what was found in it, and the draft plan it
became. Access to the file follows the plan's permissions once saved; before that, only the
person who uploaded it and the organisation's preparers see it."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from suunta.goals.models import GoalPlan
from suunta.organisations.models import ExecutivePost, Organisation


class ImportedDocument(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        SAVED = "saved", _("saved as a draft plan")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="imports")
    post = models.ForeignKey(ExecutivePost, on_delete=models.CASCADE, related_name="imports")
    plan = models.ForeignKey(
        GoalPlan, on_delete=models.SET_NULL, null=True, blank=True, related_name="imports"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    file_type = models.CharField(_("file type"), max_length=10)
    data = models.BinaryField(_("original file"))
    size = models.PositiveIntegerField(_("size in bytes"))
    digest = models.CharField(_("SHA-256"), max_length=64)
    found = models.JSONField(_("what was found"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("imported document")
        verbose_name_plural = _("imported documents")

    def __str__(self):
        return self.file_name or str(self.id)
