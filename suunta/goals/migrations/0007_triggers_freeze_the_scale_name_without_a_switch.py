"""The immutability triggers, defined anew (security review, finding 11):

- the rating scale of an approved plan keeps every column its content hash covers (its name,
  not only its kind), read from the one list in suunta/goals/frozen.py;
- no SQL function (`suunta_maintenance()` on SQLite) or session setting (`suunta.maintenance`
  on PostgreSQL) lets a delete or a truncate through any more; flush and the restores suspend
  the triggers inside their own transaction (`triggers.suspended`).

PostgreSQL: the functions and triggers are replaced here. SQLite: the pre_migrate handler has
dropped the triggers and the post_migrate handler installs the new definitions once every
migration has run (creating them here would get in the way of a later migration that rebuilds
a table they name). Both handlers live in suunta/goals/apps.py.
"""

from django.db import migrations


def install_triggers(apps, schema_editor):
    from suunta.goals import triggers

    if schema_editor.connection.vendor == "postgresql":
        triggers.install(schema_editor.connection)


class Migration(migrations.Migration):
    # The triggers guard the audit log too: its table must exist (PostgreSQL installs them here).
    dependencies = [
        ("goals", "0006_register_of_interests"),
        ("audit", "0002_append_only_and_origin"),
    ]

    operations = [migrations.RunPython(install_triggers, migrations.RunPython.noop)]
