"""`manage.py restore_organisation FILE`: load an export of `export_organisation` into a
database that does not hold the organisation. Audited as `organisation.restore`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from suunta.ops import actions
from suunta.ops.export import RestoreRefused


class Command(BaseCommand):
    help = "Restore one organisation from a JSON export (the triggers are off during the load)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            organisation = actions.restore_organisation(path.read_bytes())
        except (RestoreRefused, ValueError) as exc:
            raise CommandError(f"{path}: {exc}") from exc
        self.stdout.write(f"Restored {organisation.slug}.")
