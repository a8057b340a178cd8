"""State only: the shared entities moved from `goals` to `organisations` and the register's
models to `register` (issue 16). Their tables keep their names (`goals_organisation`, ...),
so the database is not touched: no table is rebuilt, no trigger is dropped."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organisations', '0001_initial'),
        ('surveys', '0002_survey_threshold_at_least_three'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                    migrations.AlterField(
                        model_name='invitation',
                        name='person',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.person', verbose_name='recipient'),
                    ),
            ],
            database_operations=[],
        ),
    ]
