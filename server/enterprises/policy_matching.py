"""One policy against the whole registry: the "policy published / changed" job.

1. the registry's columns come from the worker's memory, caught up with the enterprises
   changed since the last job (:mod:`server.enterprises.registry`);
2. the rule decides every enterprise at once (:class:`ColumnarRule`);
3. the reasons of the decisions worth keeping are keyed per distinct value and digested,
   not written out (:class:`~server.enterprises.reasons.ColumnarTexts`);
4. chunk by chunk of enterprises (in id order), in one transaction each: the policy's
   stored matches of that id range are read (no texts: outcome, flags, digest) and
   compared; only new, changed and revoked matches are written (texts joined from the
   per-value reasons, rows inserted or updated in bulk), together with the push intents
   they cause.

The guarantees are those of the per-chunk path (:func:`matching.evaluate_rules_over_enterprises`):
a chunk's rows and intents commit together, an unchanged match writes nothing, and a job
killed mid-run and run again converges on the same rows and never queues a push twice
(intents carry dedup keys). A match whose outcome and texts are unchanged keeps its
``rule_version``: the version that last changed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from server.core.db import connection, insert_rows, placeholders
from server.enterprises.columnar import ColumnarRule
from server.enterprises.matching import ActiveRule, ChunkHook, RunStats, queue_match_push
from server.enterprises.reasons import ColumnarTexts
from server.enterprises.registry import REGISTRY, RegistryCache
from server.enterprises.service import contact_user_ids

#: Outcome codes of kept decisions (index → (outcome, near_miss)).
_KINDS = (("eligible", False), ("unknown", False), ("not_eligible", True))
_INSERT = (
    "enterprise_id",
    "policy_id",
    "outcome",
    "near_miss",
    "reasons",
    "reasons_digest",
    "rule_version",
    "active",
    "pushed",
    "created_at",
    "updated_at",
)


@dataclass(slots=True)
class _Stored:
    id: int
    outcome: str
    near_miss: bool
    active: bool
    answer: str | None
    digest: int | None
    pushed: bool


async def _stored(
    conn: BaseDBAsyncClient, policy_id: int, low: int, high: int
) -> dict[int, _Stored]:
    marks = placeholders(3, conn)
    _, rows = await conn.execute_query(
        "SELECT enterprise_id, id, outcome, near_miss, active, answer, reasons_digest, pushed "
        f"FROM enterprise_matches WHERE policy_id = {marks[0]} "
        f"AND enterprise_id >= {marks[1]} AND enterprise_id <= {marks[2]}",
        [policy_id, low, high],
    )
    return {
        int(r[0]): _Stored(
            int(r[1]),
            str(r[2]),
            bool(r[3]),
            bool(r[4]),
            r[5],
            None if r[6] is None else int(r[6]),
            bool(r[7]),
        )
        for r in rows
    }


async def match_policy(
    rule: ActiveRule,
    *,
    chunk_size: int = 10_000,
    after_chunk: ChunkHook | None = None,
    registry: RegistryCache = REGISTRY,
) -> RunStats:
    """Decide ``rule`` against every enterprise and store the diff, ``chunk_size``
    enterprises per transaction."""
    stats = RunStats()
    snap = await registry.current(connection())
    columnar = ColumnarRule(rule.compiled.rule, rule.compiled.today)
    verdicts = columnar.evaluate(snap.columns)
    kept = np.flatnonzero(verdicts.kept).astype(np.int64)
    # 0 eligible, 1 unknown, 2 near miss (every kept decision is one of these)
    kinds = np.where(verdicts.failed[kept] > 0, 2, verdicts.unknown[kept].astype(np.int64))
    texts = ColumnarTexts(columnar, snap.columns, kept)
    ids = snap.ids
    stats.evaluated = snap.count
    bounds = np.searchsorted(kept, np.arange(0, snap.count + chunk_size, chunk_size))
    for chunk, start in enumerate(range(0, max(snap.count, 1), chunk_size)):
        stop = min(start + chunk_size, snap.count)
        # The first and last chunks reach past the snapshot's ids: stored matches there
        # belong to no enterprise this job decided and are left alone below.
        low = int(ids[start]) if start > 0 else -(2**31)
        high = int(ids[stop - 1]) if stop < snap.count else 2**31 - 1
        first, last = int(bounds[chunk]), int(bounds[chunk + 1])
        async with in_transaction() as conn:
            stored = await _stored(conn, rule.policy_id, low, high)
            await _write_chunk(
                conn, rule, stats, stored, ids, kept, kinds, texts, first, last, start, stop
            )
        stats.chunks += 1
        if after_chunk is not None:
            await after_chunk(stats.chunks)
    return stats


async def _write_chunk(
    conn: BaseDBAsyncClient,
    rule: ActiveRule,
    stats: RunStats,
    stored: dict[int, _Stored],
    ids: Any,
    kept: Any,
    kinds: Any,
    texts: ColumnarTexts,
    first: int,
    last: int,
    start: int,
    stop: int,
) -> None:
    digests = texts.digests
    inserts: list[int] = []  # indices into kept
    updates: list[tuple[int, _Stored]] = []
    notify: list[int] = []
    decided: set[int] = set()
    for k in range(first, last):
        eid = int(ids[kept[k]])
        decided.add(eid)
        outcome, near = _KINDS[kinds[k]]
        old = stored.get(eid)
        if old is None:
            inserts.append(k)
            changed_kind = True
        else:
            changed_kind = not old.active or old.outcome != outcome or old.near_miss != near
            if not changed_kind and old.digest == int(digests[k]):
                continue  # unchanged: nothing written, nothing queued
            updates.append((k, old))
        if changed_kind and kinds[k] != 1 and (old is None or old.answer is None):
            notify.append(k)
    # Stored matches of enterprises decided here (not past the snapshot) that no longer hold.
    in_chunk = set(int(i) for i in ids[start:stop]) if stored else set()
    revoked = [
        old.id
        for eid, old in stored.items()
        if old.active and eid not in decided and eid in in_chunk
    ]
    pushed = await _push(conn, rule, notify, ids, kept, kinds, texts)
    now = datetime.now(UTC)

    def written(k: int) -> tuple[str, bool, str, int, int, bool]:
        """What a decision writes: outcome, near miss, texts, digest, rule version, active."""
        outcome, near = _KINDS[kinds[k]]
        return outcome, near, texts.reasons_json(k), int(digests[k]), rule.version, True

    if inserts:
        rows = [
            (int(ids[kept[k]]), rule.policy_id, *written(k), k in pushed, now, now) for k in inserts
        ]
        await insert_rows(conn, "enterprise_matches", _INSERT, rows)
    if updates:
        m = placeholders(9, conn)
        await conn.execute_many(
            f"UPDATE enterprise_matches SET outcome = {m[0]}, near_miss = {m[1]}, "
            f"reasons = {m[2]}, reasons_digest = {m[3]}, rule_version = {m[4]}, "
            f"active = {m[5]}, pushed = {m[6]}, updated_at = {m[7]} "
            f"WHERE id = {m[8]}",
            [[*written(k), old.pushed or k in pushed, now, old.id] for k, old in updates],
        )
    if revoked:
        m = placeholders(3, conn)
        await conn.execute_many(
            f"UPDATE enterprise_matches SET active = {m[0]}, updated_at = {m[1]} WHERE id = {m[2]}",
            [[False, now, mid] for mid in revoked],
        )
    stats.stored += len(inserts) + len(updates)
    stats.revoked += len(revoked)
    stats.pushed += len(pushed)


async def _push(
    conn: BaseDBAsyncClient,
    rule: ActiveRule,
    notify: list[int],
    ids: Any,
    kept: Any,
    kinds: Any,
    texts: ColumnarTexts,
) -> set[int]:
    """Queue a ``policy_match`` intent for each new eligible match or near miss of an
    enterprise with an approved contact; the indices whose intent was queued."""
    if not notify:
        return set()
    from server.enterprises.models import Enterprise

    by_eid = {int(ids[kept[k]]): k for k in notify}
    contacts = await contact_user_ids(list(by_eid))
    if not contacts:
        return set()
    usccs = dict(
        await Enterprise.filter(id__in=list(contacts)).using_db(conn).values_list("id", "uscc")
    )
    pushed: set[int] = set()
    for eid in sorted(contacts):
        k = by_eid[eid]
        uscc = str(usccs[eid])
        outcome, near = _KINDS[kinds[k]]
        if await queue_match_push(conn, uscc, rule, outcome, near, texts.failed_texts(k)):
            pushed.add(k)
    return pushed
