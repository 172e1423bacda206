"""Schema for issue 10 (complaints, ratings, holidays, Open311 keys).

Tables are plain (dialect-neutral) tables; reference data (holidays, categories) is
loaded at run time: holidays lazily from ``chinese_calendar`` into ``holiday_days``, the
category tree by ``zwgk complaints seed-categories`` / demo seeding.
"""

import functools
from json import dumps, loads

from tortoise import fields, migrations
from tortoise.indexes import Index  # noqa: F401
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0007_push")]

    operations = [
        ops.CreateModel(
            name='Complaint',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('tracking_no', fields.CharField(unique=True, max_length=24)),
                ('kind', fields.CharField(max_length=16)),
                ('category_id', fields.IntField(db_index=True)),
                ('user_id', fields.IntField(null=True, db_index=True)),
                ('source', fields.CharField(default='miniprogram', max_length=16)),
                ('content', fields.TextField(unique=False)),
                ('images', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('lat', fields.FloatField(null=True)),
                ('lng', fields.FloatField(null=True)),
                ('address', fields.CharField(default='', max_length=200)),
                ('cell_code', fields.CharField(null=True, max_length=64)),
                ('related_case_no', fields.CharField(null=True, max_length=64)),
                ('is_public', fields.BooleanField(default=False)),
                ('contact_name', fields.CharField(default='', max_length=32)),
                ('contact_phone', fields.CharField(default='', max_length=20)),
                ('status', fields.CharField(db_index=True, max_length=16)),
                ('mode', fields.CharField(null=True, max_length=16)),
                ('department_id', fields.IntField(null=True, db_index=True)),
                ('co_departments', fields.CharField(default=',', max_length=200)),
                ('accept_due', fields.DateField(null=True)),
                ('reply_due', fields.DateField(null=True, db_index=True)),
                ('deadline_info', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('provisional', fields.BooleanField(default=False)),
                ('suspended_from', fields.CharField(null=True, max_length=16)),
                ('suspended_on', fields.DateField(null=True)),
                ('reopen_count', fields.IntField(default=0)),
                ('merged_into_id', fields.IntField(null=True)),
                ('answer', fields.TextField(default='', unique=False)),
                ('resolved', fields.BooleanField(null=True)),
                ('warned', fields.BooleanField(default=False)),
                ('escalated', fields.BooleanField(default=False)),
                ('external_key', fields.CharField(null=True, unique=True, max_length=128)),
                ('open311_token', fields.CharField(null=True, unique=True, max_length=40)),
                ('submitted_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('accepted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('dispatched_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('replied_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'complaints', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ComplaintCategory',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=64)),
                ('name', fields.CharField(max_length=64)),
                ('parent_code', fields.CharField(null=True, max_length=64)),
                ('department_id', fields.IntField(null=True)),
                ('reply_days', fields.IntField(null=True)),
                ('sort_order', fields.IntField(default=0)),
                ('active', fields.BooleanField(default=True)),
            ],
            options={'table': 'complaint_categories', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ComplaintEvent',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('complaint_id', fields.IntField(db_index=True)),
                ('action', fields.CharField(max_length=24)),
                ('from_status', fields.CharField(null=True, max_length=16)),
                ('to_status', fields.CharField(null=True, max_length=16)),
                ('actor_id', fields.IntField(null=True)),
                ('actor_role', fields.CharField(default='system', max_length=16)),
                ('note', fields.TextField(default='', unique=False)),
                ('internal', fields.BooleanField(default=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'complaint_events', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='HolidayDay',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('day', fields.DateField(unique=True)),
                ('kind', fields.CharField(max_length=8)),
                ('name', fields.CharField(default='', max_length=32)),
            ],
            options={'table': 'holiday_days', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='HolidayYear',
            fields=[
                ('year', fields.IntField(primary_key=True, unique=True, db_index=True)),
                ('source', fields.CharField(max_length=32)),
                ('loaded_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'holiday_years', 'app': 'models', 'pk_attr': 'year'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Open311Key',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(max_length=64)),
                ('key_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'open311_keys', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Rating',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subject_type', fields.CharField(max_length=16)),
                ('subject_id', fields.CharField(max_length=64)),
                ('complaint_id', fields.IntField(null=True, db_index=True)),
                ('department_id', fields.IntField(null=True, db_index=True)),
                ('user_id', fields.IntField()),
                ('level', fields.IntField()),
                ('tags', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('comment', fields.TextField(default='', unique=False)),
                ('counted_month', fields.CharField(max_length=7)),
                ('appeal_status', fields.CharField(default='none', max_length=16)),
                ('appeal_reason', fields.TextField(default='', unique=False)),
                ('review_note', fields.TextField(default='', unique=False)),
                ('excluded', fields.BooleanField(default=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'complaint_ratings', 'app': 'models', 'unique_together': (('subject_type', 'subject_id', 'user_id'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Rectification',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('rating_id', fields.IntField(unique=True)),
                ('department_id', fields.IntField(null=True, db_index=True)),
                ('due', fields.DateField()),
                ('status', fields.CharField(default='open', max_length=16)),
                ('response', fields.TextField(default='', unique=False)),
                ('responded_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('visit_note', fields.TextField(default='', unique=False)),
                ('visited_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'complaint_rectifications', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StatCounter',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('department_id', fields.IntField()),
                ('month', fields.CharField(max_length=7)),
                ('received', fields.IntField(default=0)),
                ('on_spot', fields.IntField(default=0)),
                ('completed', fields.IntField(default=0)),
                ('on_time', fields.IntField(default=0)),
                ('level1', fields.IntField(default=0)),
                ('level2', fields.IntField(default=0)),
                ('level3', fields.IntField(default=0)),
                ('level4', fields.IntField(default=0)),
                ('level5', fields.IntField(default=0)),
            ],
            options={'table': 'complaint_stats', 'app': 'models', 'unique_together': (('department_id', 'month'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
