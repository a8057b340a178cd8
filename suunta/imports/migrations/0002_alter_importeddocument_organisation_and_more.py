"""State only: the shared entities moved from `goals` to `organisations` and the register's
models to `register` (issue 16). Their tables keep their names (`goals_organisation`, ...),
so the database is not touched: no table is rebuilt, no trigger is dropped."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('imports', '0001_imported_document'),
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                    migrations.AlterField(
                        model_name='importeddocument',
                        name='organisation',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='imports', to='organisations.organisation'),
                    ),
                    migrations.AlterField(
                        model_name='importeddocument',
                        name='post',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='imports', to='organisations.executivepost'),
                    ),
            ],
            database_operations=[],
        ),
    ]
