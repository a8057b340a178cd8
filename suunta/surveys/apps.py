from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "suunta.surveys"
    verbose_name = _("Evaluation surveys")

    def ready(self):
        from suunta.goals.permissions import EXECUTIVE_CONFIDENTIAL_KINDS

        from . import sections
        from .permissions import can_read_survey_answers

        # Ratings, comments and invitations: never read by the plan's executive.
        EXECUTIVE_CONFIDENTIAL_KINDS["survey_answers"] = can_read_survey_answers
        sections.register()
