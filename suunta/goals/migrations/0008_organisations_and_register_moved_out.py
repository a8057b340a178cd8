"""State only: the shared entities moved from `goals` to `organisations` and the register's
models to `register` (issue 16). Their tables keep their names (`goals_organisation`, ...),
so the database is not touched: no table is rebuilt, no trigger is dropped."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0005_alter_role_organisation'),
        ('audit', '0003_alter_auditevent_organisation'),
        ('discussions', '0002_alter_agendatemplate_organisation_and_more'),
        ('goals', '0007_triggers_freeze_the_scale_name_without_a_switch'),
        ('imports', '0002_alter_importeddocument_organisation_and_more'),
        ('organisations', '0001_initial'),
        ('progress', '0002_alter_coveragerejection_focus_area_and_more'),
        ('reports', '0002_alter_organisationlogo_organisation'),
        ('schedule', '0002_alter_remindersettings_organisation'),
        ('surveys', '0003_alter_invitation_person'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                    migrations.AlterField(
                        model_name='goalplan',
                        name='proposed_to',
                        field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='proposals', to='organisations.body', verbose_name='proposed to'),
                    ),
                    migrations.RemoveField(
                        model_name='membership',
                        name='body',
                    ),
                    migrations.RemoveField(
                        model_name='discussionpartnerrule',
                        name='body',
                    ),
                    migrations.AlterField(
                        model_name='decision',
                        name='body',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='decisions', to='organisations.body', verbose_name='body'),
                    ),
                    migrations.RemoveField(
                        model_name='declarationreview',
                        name='declaration',
                    ),
                    migrations.RemoveField(
                        model_name='declarationreview',
                        name='reviewer',
                    ),
                    migrations.RemoveField(
                        model_name='declarationrule',
                        name='organisation',
                    ),
                    migrations.RemoveField(
                        model_name='declarationversion',
                        name='declaration',
                    ),
                    migrations.RemoveField(
                        model_name='declarationversion',
                        name='saved_by',
                    ),
                    migrations.RemoveField(
                        model_name='discussionpartnerrule',
                        name='post',
                    ),
                    migrations.RemoveField(
                        model_name='executivepost',
                        name='organisation',
                    ),
                    migrations.AlterField(
                        model_name='goalplan',
                        name='post',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='plans', to='organisations.executivepost', verbose_name='post'),
                    ),
                    migrations.RemoveField(
                        model_name='posttenure',
                        name='post',
                    ),
                    migrations.AlterField(
                        model_name='directorcontract',
                        name='post',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contracts', to='organisations.executivepost', verbose_name='post'),
                    ),
                    migrations.RemoveField(
                        model_name='focusarea',
                        name='post',
                    ),
                    migrations.RemoveField(
                        model_name='interest',
                        name='declaration',
                    ),
                    migrations.RemoveField(
                        model_name='interestdeclaration',
                        name='organisation',
                    ),
                    migrations.RemoveField(
                        model_name='interestdeclaration',
                        name='person',
                    ),
                    migrations.RemoveField(
                        model_name='membership',
                        name='person',
                    ),
                    migrations.RemoveField(
                        model_name='registersettings',
                        name='organisation',
                    ),
                    migrations.AlterField(
                        model_name='decision',
                        name='organisation',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='decisions', to='organisations.organisation', verbose_name='organisation'),
                    ),
                    migrations.AlterField(
                        model_name='goalplan',
                        name='organisation',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='plans', to='organisations.organisation', verbose_name='organisation'),
                    ),
                    migrations.RemoveField(
                        model_name='person',
                        name='organisation',
                    ),
                    migrations.AlterField(
                        model_name='ratingscale',
                        name='organisation',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rating_scales', to='organisations.organisation', verbose_name='organisation'),
                    ),
                    migrations.AlterField(
                        model_name='directorcontract',
                        name='organisation',
                        field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contracts', to='organisations.organisation', verbose_name='organisation'),
                    ),
                    migrations.RemoveField(
                        model_name='person',
                        name='user',
                    ),
                    migrations.RemoveField(
                        model_name='posttenure',
                        name='person',
                    ),
                    migrations.AlterField(
                        model_name='goalplan',
                        name='executive',
                        field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='plans', to='organisations.person', verbose_name='executive'),
                    ),
                    migrations.AlterField(
                        model_name='directorcontract',
                        name='executive',
                        field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='contracts', to='organisations.person', verbose_name='executive'),
                    ),
                    migrations.AlterField(
                        model_name='followupentry',
                        name='author',
                        field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='follow_ups', to='organisations.person', verbose_name='author'),
                    ),
                    migrations.AlterField(
                        model_name='decision',
                        name='presenter',
                        field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='presented_decisions', to='organisations.person', verbose_name='presenter'),
                    ),
                    migrations.AlterField(
                        model_name='goalplan',
                        name='prepared_by',
                        field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='prepared_plans', to='organisations.person', verbose_name='prepared and presented by'),
                    ),
                    migrations.AlterField(
                        model_name='decision',
                        name='attendees',
                        field=models.ManyToManyField(blank=True, related_name='attended_decisions', to='organisations.person', verbose_name='present'),
                    ),
                    migrations.AlterField(
                        model_name='decision',
                        name='disqualified',
                        field=models.ManyToManyField(blank=True, related_name='disqualified_decisions', to='organisations.person', verbose_name='disqualified (left the room)'),
                    ),
                    migrations.AlterField(
                        model_name='goal',
                        name='focus_areas',
                        field=models.ManyToManyField(blank=True, related_name='goals', to='organisations.focusarea', verbose_name='focus areas served'),
                    ),
                    migrations.DeleteModel(
                        name='Body',
                    ),
                    migrations.DeleteModel(
                        name='DeclarationReview',
                    ),
                    migrations.DeleteModel(
                        name='DeclarationRule',
                    ),
                    migrations.DeleteModel(
                        name='DeclarationVersion',
                    ),
                    migrations.DeleteModel(
                        name='DiscussionPartnerRule',
                    ),
                    migrations.DeleteModel(
                        name='ExecutivePost',
                    ),
                    migrations.DeleteModel(
                        name='FocusArea',
                    ),
                    migrations.DeleteModel(
                        name='Interest',
                    ),
                    migrations.DeleteModel(
                        name='InterestDeclaration',
                    ),
                    migrations.DeleteModel(
                        name='Membership',
                    ),
                    migrations.DeleteModel(
                        name='RegisterSettings',
                    ),
                    migrations.DeleteModel(
                        name='Organisation',
                    ),
                    migrations.DeleteModel(
                        name='PostTenure',
                    ),
                    migrations.DeleteModel(
                        name='Person',
                    ),
            ],
            database_operations=[],
        ),
    ]
