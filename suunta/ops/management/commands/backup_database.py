"""`manage.py backup_database FILE.json|FILE.sqlite3`: the whole database, while the app runs.

FILE.json: every row of every model, restorable into SQLite or PostgreSQL. FILE.sqlite3 (or
.sqlite, .db): SQLite's online backup, from a SQLite database only. See suunta/ops/backup.py
and docs/operations.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from suunta.ops import backup


class Command(BaseCommand):
    help = "Back up the whole database as JSON (any database) or as a SQLite file (SQLite)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="FILE.json, or FILE.sqlite3 for SQLite's online backup")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            line = backup.backup(path)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(
                f"{path}: {error.strerror or error}; nothing was written."
            ) from error
        self.stdout.write(line)
