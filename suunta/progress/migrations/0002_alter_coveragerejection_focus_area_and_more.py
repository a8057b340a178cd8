"""State only: the shared entities moved from `goals` to `organisations` and the register's
models to `register` (issue 16). Their tables keep their names (`goals_organisation`, ...),
so the database is not touched: no table is rebuilt, no trigger is dropped."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organisations', '0001_initial'),
        ('progress', '0001_coverage_rejection'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                    migrations.AlterField(
                        model_name='coveragerejection',
                        name='focus_area',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='coverage_rejections', to='organisations.focusarea', verbose_name='focus area'),
                    ),
                    migrations.AlterField(
                        model_name='coveragerejection',
                        name='organisation',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='coverage_rejections', to='organisations.organisation', verbose_name='organisation'),
                    ),
            ],
            database_operations=[],
        ),
    ]
