"""The policy change sequence: the cursor the indexer follows.

Every write that changes what search may show (create, edit, publish, withdraw, expire,
import) calls :func:`record_changes` inside its own transaction, so a change is recorded
exactly when it commits. The indexer reads rows after its cursor, re-reads those policies
from the database and updates the index; the database stays the source of truth.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from server.core.db import insert_rows, placeholders

#: Arbitrary constant: the transaction-scoped advisory lock that orders change numbers.
_PG_LOCK = 7_205_114


async def record_changes(conn: BaseDBAsyncClient, policy_ids: Iterable[int]) -> None:
    """Record that these policies changed, in the caller's transaction.

    On PostgreSQL the transaction first takes an advisory lock held until it commits, so
    sequence numbers become visible in order: a reader that has seen number ``n`` will
    never later see a smaller one commit (which would be skipped).
    """
    ids = sorted({int(i) for i in policy_ids})
    if not ids:
        return
    if str(conn.capabilities.dialect) != "sqlite":
        await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [_PG_LOCK])
    now = datetime.now(UTC)
    await insert_rows(conn, "policy_changes", ("policy_id", "created_at"), [(i, now) for i in ids])


async def latest_change(conn: BaseDBAsyncClient) -> int:
    rows = await conn.execute_query_dict("SELECT MAX(seq) AS n FROM policy_changes")
    return int(rows[0]["n"] or 0) if rows else 0


async def changes_after(
    conn: BaseDBAsyncClient, cursor: int, limit: int = 2000
) -> list[tuple[int, int]]:
    """``(seq, policy_id)`` rows after ``cursor``, oldest first."""
    mark, mark2 = placeholders(2, conn)
    rows = await conn.execute_query_dict(
        f"SELECT seq, policy_id FROM policy_changes WHERE seq > {mark} ORDER BY seq LIMIT {mark2}",
        [cursor, limit],
    )
    return [(int(r["seq"]), int(r["policy_id"])) for r in rows]
