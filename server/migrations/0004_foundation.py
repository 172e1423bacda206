"""Schema for issue 6, security part: attachment owners and edit versions.

* ``attachments.department_id``: the department that owns a file (who may see an
  unattached upload and who may delete it). Existing rows take their policy's department.
* ``classifications.version``: edits name the version they were based on (stale: 409).

Plain SQL with database defaults, so rows inserted by raw SQL elsewhere stay valid.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops

COMMON_UP = """
ALTER TABLE attachments ADD COLUMN department_id INTEGER
    REFERENCES departments (id) ON DELETE SET NULL;
CREATE INDEX IF NOT EXISTS attachments_department_id ON attachments (department_id);
ALTER TABLE classifications ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
UPDATE attachments SET department_id = (
    SELECT policies.department_id FROM policies WHERE policies.id = attachments.policy_id
) WHERE policy_id IS NOT NULL;
"""
SQLITE_DOWN = """
DROP INDEX IF EXISTS attachments_department_id;
ALTER TABLE attachments DROP COLUMN department_id;
ALTER TABLE classifications DROP COLUMN version;
"""
POSTGRES_DOWN = """
ALTER TABLE attachments DROP COLUMN IF EXISTS department_id;
ALTER TABLE classifications DROP COLUMN IF EXISTS version;
"""


async def forward(apps, schema_editor):
    await schema_editor.client.execute_script(COMMON_UP)


async def backward(apps, schema_editor):
    dialect = schema_editor.client.capabilities.dialect
    await schema_editor.client.execute_script(
        SQLITE_DOWN if dialect == "sqlite" else POSTGRES_DOWN
    )


class Migration(migrations.Migration):
    dependencies = [("models", "0003_outbox")]

    operations = [ops.RunPython(forward, backward)]
