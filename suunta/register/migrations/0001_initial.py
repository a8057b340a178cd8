"""State only: the shared entities moved from `goals` to `organisations` and the register's
models to `register` (issue 16). Their tables keep their names (`goals_organisation`, ...),
so the database is not touched: no table is rebuilt, no trigger is dropped."""

import django.core.validators
import django.db.models.deletion
import suunta.core.models
import suunta.core.validators
import uuid
from django.conf import settings
from django.db import migrations, models


def relabel(models, source, target):
    """Content types follow the models, so that admin history and permissions keep pointing
    at the same rows."""

    def run(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        content_type.objects.filter(app_label=source, model__in=models).update(app_label=target)

    return run


MODELS = ['interestdeclaration', 'interest', 'declarationversion', 'declarationreview', 'registersettings', 'declarationrule']


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('goals', '0007_triggers_freeze_the_scale_name_without_a_switch'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('organisations', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                    migrations.CreateModel(
                        name='InterestDeclaration',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('lock_version', models.PositiveIntegerField(default=1, editable=False)),
                            ('declared_on', models.DateField(blank=True, null=True, verbose_name='declared on')),
                            ('no_interests', models.BooleanField(default=False, verbose_name='no interests to declare')),
                            ('status', models.CharField(choices=[('submitted', 'awaiting review'), ('reviewed', 'reviewed'), ('correction_requested', 'correction requested')], default='submitted', max_length=30, verbose_name='status')),
                            ('changed_on', models.DateField(blank=True, null=True, verbose_name='last changed on')),
                            ('received_on', models.DateField(blank=True, help_text='When the coordinator enters a declaration that was handed in on paper.', null=True, verbose_name='received on paper on')),
                            ('version_no', models.PositiveIntegerField(default=0, verbose_name='version')),
                            ('notes', models.TextField(blank=True, max_length=4000, verbose_name='notes')),
                            ('left_register_on', models.DateField(blank=True, null=True, verbose_name='left the public register on')),
                            ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='interest_declarations', to='organisations.organisation', verbose_name='organisation')),
                            ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='interest_declarations', to='organisations.person', verbose_name='person')),
                        ],
                        options={
                            'verbose_name': 'declaration of interests',
                            'verbose_name_plural': 'declarations of interests',
                            'db_table': 'goals_interestdeclaration',
                        },
                    ),
                    migrations.CreateModel(
                        name='Interest',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                            ('category', models.CharField(choices=[('business_position', 'management or board position in a company or other business entity'), ('holding', 'business holding'), ('real_estate', 'real estate in the municipality'), ('asset', 'significant asset'), ('association', 'position in an association'), ('foundation', 'position in a foundation'), ('debt', 'debt or guarantee'), ('other_tie', 'other relevant tie'), ('other', 'other')], max_length=20, verbose_name='category')),
                            ('entity_name', models.CharField(blank=True, max_length=200, verbose_name='organisation or company')),
                            ('business_id', models.CharField(blank=True, max_length=9, validators=[suunta.core.validators.validate_business_id], verbose_name='business ID')),
                            ('role_fi', models.CharField(blank=True, max_length=200, verbose_name='role in Finnish')),
                            ('role_sv', models.CharField(blank=True, max_length=200, verbose_name='role in Swedish')),
                            ('description_fi', models.TextField(blank=True, max_length=2000, verbose_name='as declared, in Finnish')),
                            ('description_sv', models.TextField(blank=True, max_length=2000, verbose_name='as declared, in Swedish')),
                            ('since', models.DateField(blank=True, null=True, verbose_name='since')),
                            ('until', models.DateField(blank=True, null=True, verbose_name='until')),
                            ('declaration', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='interests', to='register.interestdeclaration', verbose_name='declaration')),
                        ],
                        options={
                            'verbose_name': 'interest',
                            'verbose_name_plural': 'interests',
                            'db_table': 'goals_interest',
                            'ordering': ['declaration', 'order'],
                        },
                        bases=(suunta.core.models.Translatable, models.Model),
                    ),
                    migrations.CreateModel(
                        name='DeclarationVersion',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('version_no', models.PositiveIntegerField(verbose_name='version')),
                            ('saved_on', models.DateField(verbose_name='saved on')),
                            ('snapshot', models.JSONField(verbose_name='content')),
                            ('saved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='saved by')),
                            ('declaration', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='register.interestdeclaration', verbose_name='declaration')),
                        ],
                        options={
                            'verbose_name': 'declaration version',
                            'verbose_name_plural': 'declaration versions',
                            'db_table': 'goals_declarationversion',
                            'ordering': ['declaration', '-version_no'],
                        },
                    ),
                    migrations.CreateModel(
                        name='DeclarationReview',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('version_no', models.PositiveIntegerField(verbose_name='version')),
                            ('outcome', models.CharField(choices=[('reviewed', 'reviewed'), ('correction_requested', 'correction or completion requested')], max_length=30, verbose_name='outcome')),
                            ('message', models.TextField(blank=True, max_length=4000, verbose_name='message to the declarant')),
                            ('reviewed_on', models.DateField(verbose_name='reviewed on')),
                            ('reviewer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewer')),
                            ('declaration', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='register.interestdeclaration', verbose_name='declaration')),
                        ],
                        options={
                            'verbose_name': 'review of a declaration',
                            'verbose_name_plural': 'reviews of declarations',
                            'db_table': 'goals_declarationreview',
                            'ordering': ['declaration', '-created_at'],
                        },
                    ),
                    migrations.CreateModel(
                        name='RegisterSettings',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('retention_months', models.PositiveSmallIntegerField(default=12, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(120)], verbose_name='retention after the term ends (months)')),
                            ('organisation', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='register_settings', to='organisations.organisation', verbose_name='organisation')),
                        ],
                        options={
                            'verbose_name': 'register settings',
                            'verbose_name_plural': 'register settings',
                            'db_table': 'goals_registersettings',
                        },
                    ),
                    migrations.CreateModel(
                        name='DeclarationRule',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('target', models.CharField(choices=[('executive', 'the executive'), ('seat', 'a seat in a body')], max_length=20, verbose_name='applies to')),
                            ('body_kind', models.CharField(blank=True, choices=[('council', 'council'), ('board', 'board'), ('steering_group', 'political steering group'), ('audit_committee', 'audit committee'), ('committee', 'committee'), ('land_use_committee', 'land-use committee'), ('other', 'other body')], max_length=20, verbose_name='kind of body')),
                            ('role', models.CharField(blank=True, choices=[('chair', 'chair'), ('first_vice_chair', 'first vice chair'), ('second_vice_chair', 'second vice chair'), ('vice_chair', 'vice chair'), ('mayor', 'mayor'), ('deputy_mayor', 'deputy mayor'), ('member', 'member'), ('deputy_member', 'deputy member'), ('presenter', 'presenting official'), ('secretary', 'secretary')], max_length=20, verbose_name='role')),
                            ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='declaration_rules', to='organisations.organisation', verbose_name='organisation')),
                        ],
                        options={
                            'verbose_name': 'declaration rule',
                            'verbose_name_plural': 'declaration rules',
                            'db_table': 'goals_declarationrule',
                            'ordering': ['organisation', 'target', 'body_kind', 'role'],
                            'constraints': [models.UniqueConstraint(fields=('organisation', 'target', 'body_kind', 'role'), name='declarationrule_unique')],
                        },
                    ),
                    migrations.AddConstraint(
                        model_name='interestdeclaration',
                        constraint=models.UniqueConstraint(fields=('organisation', 'person'), name='interestdeclaration_one_per_person'),
                    ),
                    migrations.AddConstraint(
                        model_name='interest',
                        constraint=models.CheckConstraint(condition=models.Q(models.Q(('description_fi', ''), _negated=True), models.Q(('description_sv', ''), _negated=True), _connector='OR'), name='interest_description_in_some_language', violation_error_message='Write this text in Finnish or in Swedish.'),
                    ),
                    migrations.AddConstraint(
                        model_name='interest',
                        constraint=models.CheckConstraint(condition=models.Q(('until__isnull', True), ('since__isnull', True), ('until__gte', models.F('since')), _connector='OR'), name='interest_until_after_since', violation_error_message='The end date cannot be before the start date.'),
                    ),
                    migrations.AddConstraint(
                        model_name='declarationversion',
                        constraint=models.UniqueConstraint(fields=('declaration', 'version_no'), name='declarationversion_unique'),
                    ),
                    migrations.AddConstraint(
                        model_name='registersettings',
                        constraint=models.CheckConstraint(condition=models.Q(('retention_months__gte', 1), ('retention_months__lte', 120)), name='registersettings_retention_1_to_120'),
                    ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            relabel(MODELS, 'goals', 'register'), relabel(MODELS, 'register', 'goals')
        ),
    ]
