"""State only: the shared entities moved from `goals` to `organisations` and the register's
models to `register` (issue 16). Their tables keep their names (`goals_organisation`, ...),
so the database is not touched: no table is rebuilt, no trigger is dropped."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organisations', '0001_initial'),
        ('reports', '0001_organisation_logo'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                    migrations.AlterField(
                        model_name='organisationlogo',
                        name='organisation',
                        field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='logo', serialize=False, to='organisations.organisation'),
                    ),
            ],
            database_operations=[],
        ),
    ]
