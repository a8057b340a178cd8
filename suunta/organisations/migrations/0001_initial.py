"""State only: the shared entities moved from `goals` to `organisations` and the register's
models to `register` (issue 16). Their tables keep their names (`goals_organisation`, ...),
so the database is not touched: no table is rebuilt, no trigger is dropped."""

import django.db.models.deletion
import suunta.core.models
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


MODELS = ['organisation', 'executivepost', 'body', 'person', 'membership', 'posttenure', 'discussionpartnerrule', 'focusarea']


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('goals', '0007_triggers_freeze_the_scale_name_without_a_switch'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                    migrations.CreateModel(
                        name='Organisation',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('slug', models.SlugField(max_length=60, unique=True, verbose_name='short name in addresses')),
                            ('name_fi', models.CharField(blank=True, max_length=200, verbose_name='name in Finnish')),
                            ('name_sv', models.CharField(blank=True, max_length=200, verbose_name='name in Swedish')),
                            ('kind', models.CharField(choices=[('municipality', 'municipality'), ('city', 'city'), ('joint_authority', 'joint municipal authority'), ('wellbeing_county', 'wellbeing services county'), ('regional_council', 'regional council')], max_length=30, verbose_name='kind')),
                            ('statistics_code', models.CharField(blank=True, help_text='Three digits, e.g. 858. Leave empty where the organisation has none.', max_length=3, verbose_name='Statistics Finland code')),
                            ('primary_language', models.CharField(choices=[('fi', 'Finnish'), ('sv', 'Swedish')], default='fi', max_length=2, verbose_name='primary language')),
                            ('secondary_language', models.CharField(blank=True, choices=[('fi', 'Finnish'), ('sv', 'Swedish')], max_length=2, verbose_name='secondary language')),
                            ('leadership_model', models.CharField(choices=[('manager', 'chief executive model'), ('mayor', 'mayor model'), ('director', 'director model (joint authority or county)')], max_length=20, verbose_name='leadership model')),
                        ],
                        options={
                            'verbose_name': 'organisation',
                            'verbose_name_plural': 'organisations',
                            'db_table': 'goals_organisation',
                            'ordering': ['name_fi', 'name_sv'],
                            'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('name_fi', ''), _negated=True), models.Q(('name_sv', ''), _negated=True), _connector='OR'), name='organisation_name_in_some_language', violation_error_message='Write this text in Finnish or in Swedish.'), models.UniqueConstraint(condition=models.Q(('statistics_code', ''), _negated=True), fields=('statistics_code',), name='organisation_statistics_code_unique'), models.CheckConstraint(condition=models.Q(('statistics_code', ''), ('statistics_code__regex', '^[0-9]{3}$'), _connector='OR'), name='organisation_statistics_code_three_digits'), models.CheckConstraint(condition=models.Q(('secondary_language', models.F('primary_language')), _negated=True), name='organisation_secondary_language_differs')],
                        },
                        bases=(suunta.core.models.Translatable, models.Model),
                    ),
                    migrations.CreateModel(
                        name='ExecutivePost',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('title_fi', models.CharField(blank=True, max_length=200, verbose_name='title in Finnish')),
                            ('title_sv', models.CharField(blank=True, max_length=200, verbose_name='title in Swedish')),
                            ('description_fi', models.TextField(blank=True, verbose_name='role description in Finnish')),
                            ('description_sv', models.TextField(blank=True, verbose_name='role description in Swedish')),
                            ('values_fi', models.TextField(blank=True, verbose_name='leadership values in Finnish')),
                            ('values_sv', models.TextField(blank=True, verbose_name='leadership values in Swedish')),
                            ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='posts', to='organisations.organisation', verbose_name='organisation')),
                        ],
                        options={
                            'verbose_name': 'executive post',
                            'verbose_name_plural': 'executive posts',
                            'db_table': 'goals_executivepost',
                            'ordering': ['organisation', 'title_fi'],
                        },
                        bases=(suunta.core.models.Translatable, models.Model),
                    ),
                    migrations.CreateModel(
                        name='Body',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('kind', models.CharField(choices=[('council', 'council'), ('board', 'board'), ('steering_group', 'political steering group'), ('audit_committee', 'audit committee'), ('committee', 'committee'), ('land_use_committee', 'land-use committee'), ('other', 'other body')], max_length=20, verbose_name='kind')),
                            ('name_fi', models.CharField(blank=True, max_length=200, verbose_name='name in Finnish')),
                            ('name_sv', models.CharField(blank=True, max_length=200, verbose_name='name in Swedish')),
                            ('abbreviation', models.CharField(blank=True, help_text='e.g. KH, Poljory', max_length=20, verbose_name='abbreviation')),
                            ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                            ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='bodies', to='organisations.organisation', verbose_name='organisation')),
                        ],
                        options={
                            'verbose_name': 'body',
                            'verbose_name_plural': 'bodies',
                            'db_table': 'goals_body',
                            'ordering': ['organisation', 'order', 'name_fi'],
                        },
                        bases=(suunta.core.models.Translatable, models.Model),
                    ),
                    migrations.CreateModel(
                        name='Person',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('name', models.CharField(blank=True, max_length=200, verbose_name='name')),
                            ('title_fi', models.CharField(blank=True, max_length=200, verbose_name='title in Finnish')),
                            ('title_sv', models.CharField(blank=True, max_length=200, verbose_name='title in Swedish')),
                            ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail address')),
                            ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='people', to='organisations.organisation', verbose_name='organisation')),
                            ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='people', to=settings.AUTH_USER_MODEL, verbose_name='user account')),
                        ],
                        options={
                            'verbose_name': 'person',
                            'verbose_name_plural': 'people',
                            'db_table': 'goals_person',
                            'ordering': ['name', 'title_fi'],
                        },
                        bases=(suunta.core.models.Translatable, models.Model),
                    ),
                    migrations.CreateModel(
                        name='Membership',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('role', models.CharField(choices=[('chair', 'chair'), ('first_vice_chair', 'first vice chair'), ('second_vice_chair', 'second vice chair'), ('vice_chair', 'vice chair'), ('mayor', 'mayor'), ('deputy_mayor', 'deputy mayor'), ('member', 'member'), ('deputy_member', 'deputy member'), ('presenter', 'presenting official'), ('secretary', 'secretary')], max_length=20, verbose_name='role')),
                            ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                            ('starts_on', models.DateField(blank=True, null=True, verbose_name='starts on')),
                            ('ends_on', models.DateField(blank=True, null=True, verbose_name='ends on')),
                            ('body', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='organisations.body', verbose_name='body')),
                            ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='organisations.person', verbose_name='person')),
                        ],
                        options={
                            'verbose_name': 'membership',
                            'verbose_name_plural': 'memberships',
                            'db_table': 'goals_membership',
                            'ordering': ['body', 'order', 'starts_on'],
                        },
                    ),
                    migrations.CreateModel(
                        name='PostTenure',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('starts_on', models.DateField(blank=True, null=True, verbose_name='starts on')),
                            ('ends_on', models.DateField(blank=True, null=True, verbose_name='ends on')),
                            ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tenures', to='organisations.person', verbose_name='person')),
                            ('post', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tenures', to='organisations.executivepost', verbose_name='post')),
                        ],
                        options={
                            'verbose_name': 'tenure',
                            'verbose_name_plural': 'tenures',
                            'db_table': 'goals_posttenure',
                            'ordering': ['post', '-starts_on'],
                        },
                    ),
                    migrations.CreateModel(
                        name='DiscussionPartnerRule',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('role', models.CharField(choices=[('chair', 'chair'), ('first_vice_chair', 'first vice chair'), ('second_vice_chair', 'second vice chair'), ('vice_chair', 'vice chair'), ('mayor', 'mayor'), ('deputy_mayor', 'deputy mayor'), ('member', 'member'), ('deputy_member', 'deputy member'), ('presenter', 'presenting official'), ('secretary', 'secretary')], max_length=20, verbose_name='role')),
                            ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                            ('body', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='organisations.body', verbose_name='body')),
                            ('post', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='discussion_partner_rules', to='organisations.executivepost', verbose_name='post')),
                        ],
                        options={
                            'verbose_name': 'discussion partner rule',
                            'verbose_name_plural': 'discussion partner rules',
                            'db_table': 'goals_discussionpartnerrule',
                            'ordering': ['post', 'order'],
                            'constraints': [models.UniqueConstraint(fields=('post', 'body', 'role'), name='discussionpartnerrule_unique')],
                        },
                    ),
                    migrations.CreateModel(
                        name='FocusArea',
                        fields=[
                            ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                            ('text_fi', models.TextField(blank=True, verbose_name='text in Finnish')),
                            ('text_sv', models.TextField(blank=True, verbose_name='text in Swedish')),
                            ('post', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='focus_areas', to='organisations.executivepost', verbose_name='post')),
                        ],
                        options={
                            'verbose_name': 'focus area',
                            'verbose_name_plural': 'focus areas',
                            'db_table': 'goals_focusarea',
                            'ordering': ['post', 'order'],
                            'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('text_fi', ''), _negated=True), models.Q(('text_sv', ''), _negated=True), _connector='OR'), name='focusarea_text_in_some_language', violation_error_message='Write this text in Finnish or in Swedish.')],
                        },
                        bases=(suunta.core.models.Translatable, models.Model),
                    ),
                    migrations.AddConstraint(
                        model_name='executivepost',
                        constraint=models.CheckConstraint(condition=models.Q(models.Q(('title_fi', ''), _negated=True), models.Q(('title_sv', ''), _negated=True), _connector='OR'), name='executivepost_title_in_some_language', violation_error_message='Write this text in Finnish or in Swedish.'),
                    ),
                    migrations.AddConstraint(
                        model_name='body',
                        constraint=models.CheckConstraint(condition=models.Q(models.Q(('name_fi', ''), _negated=True), models.Q(('name_sv', ''), _negated=True), _connector='OR'), name='body_name_in_some_language', violation_error_message='Write this text in Finnish or in Swedish.'),
                    ),
                    migrations.AddConstraint(
                        model_name='person',
                        constraint=models.CheckConstraint(condition=models.Q(models.Q(('name', ''), _negated=True), models.Q(('title_fi', ''), _negated=True), models.Q(('title_sv', ''), _negated=True), _connector='OR'), name='person_has_name_or_title'),
                    ),
                    migrations.AddConstraint(
                        model_name='membership',
                        constraint=models.CheckConstraint(condition=models.Q(('ends_on__isnull', True), ('starts_on__isnull', True), ('ends_on__gte', models.F('starts_on')), _connector='OR'), name='membership_ends_on_after_starts_on', violation_error_message='The end date cannot be before the start date.'),
                    ),
                    migrations.AddConstraint(
                        model_name='posttenure',
                        constraint=models.CheckConstraint(condition=models.Q(('ends_on__isnull', True), ('starts_on__isnull', True), ('ends_on__gte', models.F('starts_on')), _connector='OR'), name='posttenure_ends_on_after_starts_on', violation_error_message='The end date cannot be before the start date.'),
                    ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            relabel(MODELS, 'goals', 'organisations'), relabel(MODELS, 'organisations', 'goals')
        ),
    ]
