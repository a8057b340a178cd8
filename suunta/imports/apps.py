from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "suunta.imports"
    verbose_name = "Imports"

    def ready(self):
        from . import sections

        sections.register()
