"""`manage.py restore_database FILE [--replace]`: load a backup of `backup_database`.

Into an empty (migrated) database; with --replace, everything in the database is replaced. A
JSON backup loads in one transaction; a SQLite file is copied over a SQLite database. See
suunta/ops/backup.py and docs/operations.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from suunta.ops import backup


class Command(BaseCommand):
    help = "Restore the whole database from a backup_database file (JSON or SQLite)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace everything in a database that is not empty",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            line = backup.restore(path, replace=options["replace"])
        except backup.BackupError as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        self.stdout.write(line)
