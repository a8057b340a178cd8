from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "suunta.imports"
    verbose_name = "Imports"
