from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "suunta.reports"
    verbose_name = "Reports"
