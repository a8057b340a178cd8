"""`manage.py export_organisation <slug> [--output FILE]`: everything of one organisation as
JSON (suunta/ops/export.py), for a backup. Audited as `organisation.backup`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from suunta.ops import actions
from suunta.organisations.models import Organisation


class Command(BaseCommand):
    help = "Export one organisation (every row of it, no secrets) as Django-serialized JSON."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--output", "-o", help="Write to this file instead of stdout.")

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(slug=options["slug"]).first()
        if organisation is None:
            raise CommandError(f"No organisation {options['slug']!r}.")
        data = actions.back_up_organisation(organisation)
        if options["output"]:
            Path(options["output"]).write_text(data, encoding="utf-8")
        else:
            self.stdout.write(data)
