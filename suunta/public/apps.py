from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "suunta.public"
    label = "public"
    verbose_name = "Public information"
