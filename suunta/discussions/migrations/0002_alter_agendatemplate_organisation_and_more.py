"""State only: the shared entities moved from `goals` to `organisations` and the register's
models to `register` (issue 16). Their tables keep their names (`goals_organisation`, ...),
so the database is not touched: no table is rebuilt, no trigger is dropped."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('discussions', '0001_initial'),
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                    migrations.AlterField(
                        model_name='agendatemplate',
                        name='organisation',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agenda_templates', to='organisations.organisation', verbose_name='organisation'),
                    ),
                    migrations.AlterField(
                        model_name='discussion',
                        name='executive',
                        field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.person', verbose_name='executive'),
                    ),
                    migrations.AlterField(
                        model_name='discussion',
                        name='organisation',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='discussions', to='organisations.organisation', verbose_name='organisation'),
                    ),
                    migrations.AlterField(
                        model_name='discussion',
                        name='participants',
                        field=models.ManyToManyField(related_name='discussions', to='organisations.person', verbose_name='participants'),
                    ),
                    migrations.AlterField(
                        model_name='discussion',
                        name='post',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='discussions', to='organisations.executivepost', verbose_name='post'),
                    ),
                    migrations.AlterField(
                        model_name='discussion',
                        name='signed_off_by',
                        field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.person', verbose_name='signed off by'),
                    ),
                    migrations.AlterField(
                        model_name='trainingaction',
                        name='responsible',
                        field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.person', verbose_name='responsible'),
                    ),
            ],
            database_operations=[],
        ),
    ]
