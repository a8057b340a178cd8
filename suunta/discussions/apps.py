from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "suunta.discussions"
    verbose_name = _("goal and development discussions")

    def ready(self):
        from . import sections

        sections.register()
