from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "suunta.register"
    verbose_name = _("register of interests")

    def ready(self):
        from . import sections

        sections.register()
