from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "suunta.goals"
    verbose_name = _("Goals")

    def ready(self):
        from . import history, triggers

        history.register()
        pre_migrate.connect(triggers.drop_before_migrate, sender=self)
        post_migrate.connect(triggers.install_after_migrate, sender=self)
