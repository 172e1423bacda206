"""Database wiring: one Tortoise configuration for SQLite and PostgreSQL, and migrations.

The schema is owned by the migrations in ``server/migrations`` (Tortoise 1.x's built-in
tool); ``zwgk migrate`` applies them on either database. SQLite runs in WAL mode with a
busy timeout so the API and worker processes can share the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlencode, urlsplit

from tortoise import Tortoise, connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.queryset import QuerySet

from server.config import DatabaseSettings

#: Every module holding models. One Tortoise app ("models") keeps relations simple.
MODEL_MODULES: list[str] = [
    "server.accounts.models",
    "server.core.outbox",
    "server.policies.models",
    "server.enterprises.models",
    "server.push.models",
    "server.complaints.models",
    "server.grid.models",
]
MIGRATIONS_MODULE = "server.migrations"


def tortoise_config(db: DatabaseSettings) -> dict[str, Any]:
    """The Tortoise config dict for ``db`` (also used by the migration tooling)."""
    url = db.url
    if db.is_sqlite:
        path = url.removeprefix("sqlite://").split("?", 1)[0]
        if path not in (":memory:", ""):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        query = urlsplit(url).query
        params = {
            "busy_timeout": db.busy_timeout_ms,
            "journal_mode": "WAL",
            "synchronous": "NORMAL",
            # Up to 64 MiB of pages per connection, taken as pages are read (SQLite's
            # default is 2 MiB): a bulk import updates every index of the policy tables,
            # and re-reading their pages from the OS was a tenth of its time.
            "cache_size": -65536,
            # Checkpoint when the WAL holds ~40 MB, not SQLite's 4 MB: a bulk import
            # rewrote the same index pages into the database file at every checkpoint
            # (100,000 policies imported 5 % faster).
            "wal_autocheckpoint": 10000,
        }
        url = f"sqlite://{path}?{urlencode(params)}" + (f"&{query}" if query else "")
    elif url.startswith("postgresql://"):
        url = "postgres://" + url.removeprefix("postgresql://")
    return {
        "connections": {"default": url},
        "apps": {
            "models": {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": MIGRATIONS_MODULE,
            }
        },
        "use_tz": True,
        "timezone": "Asia/Shanghai",
    }


async def init_db(db: DatabaseSettings) -> None:
    """Open the connection pool for this process (schema must already be migrated)."""
    # The global fallback makes the context visible to every task (Sanic runs listeners
    # and requests in different tasks), as Tortoise 1.x requires for cross-task access.
    await Tortoise.init(config=tortoise_config(db), _enable_global_fallback=True)
    # Connect now, not lazily in the first request: if a client gives up while that first
    # connect is under way, the cancelled connect leaves the client's lock held and every
    # later query of the process waits forever (seen with aiosqlite).
    await connection().execute_query("SELECT 1")


async def close_db() -> None:
    await Tortoise.close_connections()


def connection() -> BaseDBAsyncClient:
    """The default connection (for raw SQL such as full-text search)."""
    client: BaseDBAsyncClient = connections.get("default")
    return client


def dialect() -> str:
    """``"sqlite"`` or ``"postgres"``."""
    return str(connection().capabilities.dialect)


async def migrate(db: DatabaseSettings) -> None:
    """Apply every pending migration. Safe to run repeatedly and from ``main_process_start``."""
    from tortoise.migrations.api.migrate import migrate as run_migrations

    try:
        await run_migrations(config=tortoise_config(db))
    finally:
        # An open aiosqlite thread would keep the process alive after an error.
        await Tortoise.close_connections()


async def fetch_page(
    query: QuerySet[Any], page: int, page_size: int, *order_by: str
) -> tuple[list[Any], int]:
    """One page of ``query`` in ``order_by`` order (pages count from 1), and the total."""
    total = await query.count()
    rows = await query.order_by(*order_by).offset((page - 1) * page_size).limit(page_size)
    return list(rows), total


def placeholders(count: int, conn: BaseDBAsyncClient | None = None) -> list[str]:
    """``count`` parameter marks for raw SQL on ``conn`` (default connection): ``?`` on
    SQLite, ``$1 … $n`` on PostgreSQL."""
    if str((conn or connection()).capabilities.dialect) == "sqlite":
        return ["?"] * count
    return [f"${i}" for i in range(1, count + 1)]


async def insert_rows(
    conn: BaseDBAsyncClient,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    skip_conflicts_on: Sequence[str] = (),
) -> None:
    """Insert many rows with one prepared statement: bulk paths skip ORM object overhead.

    ``skip_conflicts_on`` names a unique key: rows clashing on it are skipped (``ON
    CONFLICT DO NOTHING``, the same on SQLite and PostgreSQL). ``table`` and ``columns``
    are code constants, never user input.
    """
    if not rows:
        return
    marks = ", ".join(placeholders(len(columns), conn))
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
    if skip_conflicts_on:
        sql += f" ON CONFLICT ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in skip_conflicts_on)})"
        sql += " DO NOTHING"
    # Both drivers take any sequence of rows; copying each row into a list (as the
    # client's annotation asks) cost more than a SQLite insert's parameter binding.
    await conn.execute_many(sql, cast(list[list[Any]], list(rows)))
