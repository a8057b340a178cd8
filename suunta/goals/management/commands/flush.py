"""`manage.py flush` empties the whole database, frozen records included.

The database triggers refuse to delete an approved plan version, a decision or an audit event
(suunta/goals/triggers.py); emptying everything is the one path allowed past them. On
PostgreSQL flush truncates, which row triggers ignore; on SQLite it deletes row by row.
"""

from django.core.management.commands.flush import Command as DjangoFlush

from suunta.goals.triggers import maintenance


class Command(DjangoFlush):
    def handle(self, **options):
        with maintenance():
            return super().handle(**options)
