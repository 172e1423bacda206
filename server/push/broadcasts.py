"""Emergency broadcasts by region (预警广播, seed 000 歙县): fan-out and progress.

A broadcast row is written by the staff API; the ``push_fanout`` cron job writes one
urgent ``emergency_warning`` intent per user of the covered regions (in batches, with a
dedup key per broadcast and user, so a fan-out interrupted by a restart just continues),
then the ordinary dispatcher delivers them: urgent intents skip quiet hours and digests
and go first. The audience is the users whose 我要订阅 regions fall inside a broadcast
region, plus grid's ``REGION_AUDIENCES`` (households' residents) once that stream is in.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from datetime import UTC, datetime
from typing import Any

from server.core.db import connection, insert_rows, placeholders
from server.push.models import Broadcast, PushIntent, PushStatus, TopicSubscription
from server.push.recipients import RegionAudience, load_region_audiences
from server.push.templates import CHINA

log = logging.getLogger("zwgk.push")

BATCH = 2000


async def create_broadcast(
    *, kind: str, regions: list[str], title: str, content: str, level: str, created_by: int | None
) -> Broadcast:
    return await Broadcast.create(
        kind=kind,
        regions=sorted(set(regions)),
        title=title,
        content=content,
        level=level,
        created_by=created_by,
    )


async def _subscribers(regions: list[str]) -> AsyncIterator[int]:
    last = 0
    while True:
        # Tuples, not models: a county-wide warning reads every subscription.
        rows = (
            await TopicSubscription.filter(id__gt=last)
            .order_by("id")
            .limit(5000)
            .values_list("id", "user_id", "regions")
        )
        if not rows:
            return
        for _, user_id, mine in rows:
            if any(code.startswith(r) for code in mine or () for r in regions):
                yield int(user_id)
        last = int(rows[-1][0])


async def _domain_audiences(
    regions: list[str], audiences: Mapping[str, RegionAudience]
) -> AsyncIterator[int]:
    """Users each domain places in the regions: residents linked to households there
    (grid), contacts of enterprises registered there (enterprises)."""
    for region in regions:
        for source in audiences.values():
            async for user_id in source(region):
                yield int(user_id)


async def audience(regions: list[str]) -> AsyncIterator[int]:
    """Every user id covered by ``regions`` (may repeat; the dedup key absorbs repeats)."""
    async for uid in _subscribers(regions):
        yield uid
    async for uid in _domain_audiences(regions, load_region_audiences()):
        yield uid


#: Columns a broadcast's intents are written with (the others keep their defaults).
_INTENT_COLUMNS = (
    "kind",
    "recipient_type",
    "recipient_id",
    "subject_type",
    "subject_id",
    "data",
    "urgent",
    "dedup_key",
    "status",
    "attempts",
    "created_at",
    "broadcast_id",
)


async def _insert(broadcast: Broadcast, user_ids: list[int]) -> None:
    local = broadcast.created_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
    level = f"【{broadcast.level}】" if broadcast.level else ""
    data = {
        "title": f"{level}{broadcast.title}",
        "content": broadcast.content,
        "time": local,
        "broadcast_id": broadcast.id,
    }
    # Plain rows with the message serialised once: a county-wide warning writes a quarter
    # of a million of them, and ORM objects cost more than the inserts.
    fields = PushIntent._meta.fields_map
    payload = fields["data"].to_db_value(data, PushIntent)
    now = fields["created_at"].to_db_value(datetime.now(UTC), PushIntent)
    rows = [
        (
            broadcast.kind,
            "user",
            str(uid),
            "broadcast",
            str(broadcast.id),
            payload,
            True,
            f"broadcast:{broadcast.id}:user:{uid}",
            PushStatus.QUEUED.value,
            0,
            now,
            broadcast.id,
        )
        for uid in user_ids
    ]
    await insert_rows(
        connection(), "push_intents", _INTENT_COLUMNS, rows, skip_conflicts_on=("dedup_key",)
    )


async def fan_out(broadcast: Broadcast) -> int:
    """Write the broadcast's intents; returns how many users it targets."""
    batch: list[int] = []
    seen: set[int] = set()
    async for uid in audience(broadcast.regions):
        if uid in seen:
            continue
        seen.add(uid)
        batch.append(uid)
        if len(batch) >= BATCH:
            await _insert(broadcast, batch)
            batch = []
    if batch:
        await _insert(broadcast, batch)
    targeted = await PushIntent.filter(broadcast_id=broadcast.id).count()
    await Broadcast.filter(id=broadcast.id).update(status="queued", targeted=targeted)
    return targeted


async def fan_out_pending() -> int:
    """Fan out every broadcast still being written (cron; resumable after a restart)."""
    done = 0
    for broadcast in await Broadcast.filter(status="fanning_out").order_by("id"):
        await fan_out(broadcast)
        done += 1
    return done


async def progress(broadcast: Broadcast) -> dict[str, Any]:
    """Targeted, sent, failed by reason, unreachable, still pending."""
    (mark,) = placeholders(1)
    rows = await connection().execute_query_dict(
        'SELECT "status", "reason", COUNT(*) AS n FROM "push_intents" '
        f'WHERE "broadcast_id" = {mark} GROUP BY "status", "reason"',
        [broadcast.id],
    )
    sent = 0
    failed: dict[str, int] = {}
    pending = 0
    for row in rows:
        n = int(row["n"])
        if row["status"] == PushStatus.SENT:
            sent += n
        elif row["status"] == PushStatus.FAILED:
            failed[str(row["reason"] or "unknown")] = failed.get(str(row["reason"]), 0) + n
        else:
            pending += n
    unreachable = sum(failed.get(r, 0) for r in ("no_credit", "unreachable", "user_blocked"))
    return {
        "id": broadcast.id,
        "kind": broadcast.kind,
        "regions": broadcast.regions,
        "title": broadcast.title,
        "level": broadcast.level,
        "status": broadcast.status if broadcast.status == "fanning_out" or pending else "done",
        "targeted": broadcast.targeted,
        "sent": sent,
        "failed": failed,
        "unreachable": unreachable,
        "pending": pending,
        "created_at": broadcast.created_at.astimezone(UTC).isoformat()
        if isinstance(broadcast.created_at, datetime)
        else None,
    }
