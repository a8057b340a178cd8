"""`manage.py flush` empties the whole database, frozen records included.

The database triggers refuse to delete an approved plan version, a decision or an audit event
(suunta/goals/triggers.py). Emptying everything is one of the few operations allowed past
them: it runs in one transaction with the triggers suspended (dropped on SQLite, disabled on
PostgreSQL, where flush truncates) and put back before the commit.
"""

from django.core.management.commands.flush import Command as DjangoFlush
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from suunta.goals import triggers


class Command(DjangoFlush):
    def handle(self, **options):
        database = options.get("database") or DEFAULT_DB_ALIAS
        with transaction.atomic(using=database), triggers.suspended(connections[database]):
            return super().handle(**options)
