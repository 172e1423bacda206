"""The enterprise registry as columns in a matching worker's memory, kept current.

A "policy changed" job decides one rule against every enterprise; reading a million rows
for each job would cost seconds, so each worker process keeps the registry as
:class:`~server.enterprises.columnar.EnterpriseColumns` (≈ 52 MiB per million) and, before
each job, reads only the rows changed since it last looked.

How a worker knows what changed, across processes and restarts:

* every transaction that changes enterprises (the importer's batches, staff edits,
  applied corrections: all go through ``service.record_changed``) takes the next
  **registry generation** from the one-row ``enterprise_registry`` table and stamps it on
  the rows it changed (``enterprises.registry_generation``). Incrementing that row locks
  it until commit, so generations commit in order: once a reader sees generation G,
  every transaction up to G is visible, and a later one gets a greater number;
* a worker remembers the generation it has loaded; it reads the counter *first*, then the
  rows stamped later than its watermark (index on the column), and moves its watermark
  to the counter it read. A row committed meanwhile has a greater generation and is read
  next time;
* the counter row carries a random ``epoch`` made when the row is created (on first use,
  never by the migration): a copied, restored or re-created database has another epoch
  or a smaller generation, and the worker loads everything again; so does a restarted
  worker (nothing is kept on disk);
* rows written behind the service's back (no generation) are still picked up when their
  id is beyond the largest id loaded. Enterprises are never deleted.

Snapshots are immutable: a refresh that changes anything builds new arrays, so a job that
decided on one snapshot renders its texts from that same snapshot.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
from tortoise.backends.base.client import BaseDBAsyncClient

from server.core.db import placeholders
from server.enterprises.columnar import EnterpriseColumns
from server.enterprises.rules import FACT_FIELDS, Facts

#: Columns read per enterprise, in this order (raw SQL: the ORM costs µs per row).
COLUMNS = ("id", *FACT_FIELDS)
#: Rows read per query when loading (bounds the memory of the raw rows).
PAGE = 50_000
#: Above this share of the registry changed, a full load is cheaper than merging.
RELOAD_SHARE = 0.25
_STATE_ID = 1


async def _ensure_state(conn: BaseDBAsyncClient) -> None:
    (mark,) = placeholders(1, conn)
    await conn.execute_query(
        "INSERT INTO enterprise_registry (id, epoch, generation) "
        f"VALUES ({_STATE_ID}, {mark}, 0) ON CONFLICT (id) DO NOTHING",
        [secrets.token_hex(8)],
    )


async def read_state(conn: BaseDBAsyncClient) -> tuple[str, int]:
    """(epoch, generation) of the registry; creates the counter row on first use."""
    await _ensure_state(conn)
    _, rows = await conn.execute_query(
        f"SELECT epoch, generation FROM enterprise_registry WHERE id = {_STATE_ID}"
    )
    return str(rows[0][0]), int(rows[0][1])


async def stamp_changed(conn: BaseDBAsyncClient, enterprise_ids: Sequence[int]) -> int:
    """In the transaction that changed ``enterprise_ids``: take the next generation and
    stamp it on those rows. The counter row stays locked until that transaction ends."""
    await _ensure_state(conn)
    await conn.execute_query(
        f"UPDATE enterprise_registry SET generation = generation + 1 WHERE id = {_STATE_ID}"
    )
    _, rows = await conn.execute_query(
        f"SELECT generation FROM enterprise_registry WHERE id = {_STATE_ID}"
    )
    generation = int(rows[0][0])
    ids = sorted({int(i) for i in enterprise_ids})
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        marks = placeholders(len(part) + 1, conn)
        await conn.execute_query(
            f"UPDATE enterprises SET registry_generation = {marks[0]} "
            f"WHERE id IN ({', '.join(marks[1:])})",
            [generation, *part],
        )
    return generation


def _facts(row: Any) -> Facts:
    """Facts of a raw row of :data:`COLUMNS` (plain SQL: dates and JSON as the driver gives)."""
    _, *values = row
    est, tags = values[4], values[8]
    if isinstance(est, str):  # SQLite hands dates back as text
        values[4] = date.fromisoformat(est[:10])
    if isinstance(tags, str):  # JSON text (SQLite; PostgreSQL jsonb without a codec)
        values[8] = json.loads(tags) if tags != "[]" else ()
    return Facts.of(values)


async def _changed(
    conn: BaseDBAsyncClient, after_id: int, since: int
) -> tuple[list[int], list[Facts]]:
    """The rows of a later generation than ``since`` or a greater id than ``after_id``."""
    names = ", ".join(COLUMNS)
    marks = placeholders(2, conn)
    _, rows = await conn.execute_query(
        f"SELECT {names} FROM enterprises WHERE registry_generation > {marks[0]} "
        f"OR id > {marks[1]} ORDER BY id",
        [since, after_id],
    )
    return [int(r[0]) for r in rows], [_facts(r) for r in rows]


async def _pages(
    conn: BaseDBAsyncClient, after_id: int
) -> AsyncIterator[tuple[list[int], list[Facts]]]:
    """Every enterprise past ``after_id``, ``PAGE`` rows at a time, in id order."""
    names = ", ".join(COLUMNS)
    last = after_id
    while True:
        marks = placeholders(2, conn)
        _, rows = await conn.execute_query(
            f"SELECT {names} FROM enterprises WHERE id > {marks[0]} ORDER BY id LIMIT {marks[1]}",
            [last, PAGE],
        )
        if not rows:
            return
        ids = [int(r[0]) for r in rows]
        yield ids, [_facts(r) for r in rows]
        last = ids[-1]


@dataclass(frozen=True, slots=True)
class RegistrySnapshot:
    """The whole registry at one generation: enterprise ids (ascending) and their columns
    in the same order. Never modified once built."""

    epoch: str
    generation: int
    ids: npt.NDArray[np.int64]
    columns: EnterpriseColumns

    @property
    def count(self) -> int:
        return int(self.ids.size)

    @property
    def nbytes(self) -> int:
        return int(self.ids.nbytes) + self.columns.nbytes


@dataclass(slots=True)
class RefreshStats:
    """What the last refresh did (for logs and the bench)."""

    full: bool = False
    rows: int = 0


class RegistryCache:
    """One process's snapshot of the registry, refreshed before each use."""

    def __init__(self) -> None:
        self._snapshot: RegistrySnapshot | None = None
        self._locks: dict[int, asyncio.Lock] = {}
        self.last = RefreshStats()

    def _lock(self) -> asyncio.Lock:
        # One lock per event loop: the tests run each in its own loop.
        loop = id(asyncio.get_running_loop())
        lock = self._locks.get(loop)
        if lock is None:
            self._locks = {loop: (lock := asyncio.Lock())}
        return lock

    def clear(self) -> None:
        """Forget the snapshot (the next use loads everything)."""
        self._snapshot = None

    async def current(self, conn: BaseDBAsyncClient) -> RegistrySnapshot:
        """The registry as of now: loaded in full the first time (or when the database
        is another one), otherwise caught up with the rows changed since."""
        async with self._lock():
            epoch, generation = await read_state(conn)
            snap = self._snapshot
            if snap is None or snap.epoch != epoch or generation < snap.generation:
                snap = await self._load(conn, epoch, generation)
            else:
                snap = await self._catch_up(conn, snap, epoch, generation)
            self._snapshot = snap
            return snap

    async def _load(self, conn: BaseDBAsyncClient, epoch: str, generation: int) -> RegistrySnapshot:
        # Page by page: a million Facts objects at once would take more memory than the
        # whole job may (1 GiB); one page's worth becomes columns before the next is read.
        ids: list[npt.NDArray[np.int64]] = []
        parts: list[EnterpriseColumns] = []
        async for page_ids, page_facts in _pages(conn, 0):
            ids.append(np.array(page_ids, dtype=np.int64))
            parts.append(
                EnterpriseColumns.from_facts(page_facts, like=parts[-1] if parts else None)
            )
        all_ids = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
        self.last = RefreshStats(full=True, rows=int(all_ids.size))
        return RegistrySnapshot(epoch, generation, all_ids, EnterpriseColumns.concatenate(parts))

    async def _catch_up(
        self, conn: BaseDBAsyncClient, snap: RegistrySnapshot, epoch: str, generation: int
    ) -> RegistrySnapshot:
        top = int(snap.ids[-1]) if snap.count else 0
        ids, facts = await _changed(conn, top, snap.generation)
        self.last = RefreshStats(rows=len(ids))
        if not ids:
            if generation == snap.generation:
                return snap
            return RegistrySnapshot(epoch, generation, snap.ids, snap.columns)
        changed = np.array(ids, dtype=np.int64)
        positions = np.searchsorted(snap.ids, changed)
        known = positions < snap.count
        known[known] = snap.ids[positions[known]] == changed[known]
        fresh = changed[~known]
        if len(ids) > RELOAD_SHARE * max(snap.count, 1) or (fresh.size and fresh[0] <= top):
            # Much changed, or an id committed behind a greater one: load it all again.
            return await self._load(conn, epoch, generation)
        # Appended rows take the positions after the last one, in id order.
        positions[~known] = snap.count + np.arange(fresh.size)
        columns = snap.columns.with_rows(facts, positions)
        return RegistrySnapshot(epoch, generation, np.concatenate([snap.ids, fresh]), columns)


#: The matching worker's registry (one per process).
REGISTRY = RegistryCache()
