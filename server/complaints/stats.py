"""Pre-aggregated statistics (``complaint_stats``): one row per (department, month).

Every transition that changes a figure bumps the counters in the same transaction, so
reading the figures for any period sums a few dozen rows however many cases there are.
``zwgk complaints rebuild-stats`` recomputes the table from the cases and ratings.

Department 0 is the whole platform. Figures (the ones the seeds publish):

* on-the-spot answer rate = on_spot / received (渌口 12345: 50.3%)
* completion rate = completed / received (100%)
* on-time rate = on_time / completed
* satisfaction rate = (非常满意 + 满意 + 基本满意) / ratings (90%+)
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from server.complaints.models import Complaint, Rating, StatCounter, Status
from server.core.clock import CHINA

FIELDS = (
    "received",
    "on_spot",
    "completed",
    "on_time",
    "level1",
    "level2",
    "level3",
    "level4",
    "level5",
)


def month_of(moment: datetime) -> str:
    return moment.astimezone(CHINA).strftime("%Y-%m")


async def bump(
    conn: BaseDBAsyncClient, department_ids: list[int], month: str, **deltas: int
) -> None:
    """Add ``deltas`` to the counters of each department (and nothing else) for ``month``."""
    deltas = {k: v for k, v in deltas.items() if v}
    if not deltas:
        return
    for name in deltas:
        if name not in FIELDS:
            raise ValueError(f"unknown counter {name}")
    pg = conn.capabilities.dialect == "postgres"
    for dept in dict.fromkeys(department_ids):
        if pg:
            insert = (
                "INSERT INTO complaint_stats (department_id, month, "
                + ", ".join(FIELDS)
                + ") VALUES ($1, $2"
                + ", 0" * len(FIELDS)
                + ") ON CONFLICT (department_id, month) DO NOTHING"
            )
            sets = ", ".join(f"{k} = {k} + ${i + 3}" for i, k in enumerate(deltas))
            update = f"UPDATE complaint_stats SET {sets} WHERE department_id = $1 AND month = $2"
        else:
            insert = (
                "INSERT INTO complaint_stats (department_id, month, "
                + ", ".join(FIELDS)
                + ") VALUES (?, ?"
                + ", 0" * len(FIELDS)
                + ") ON CONFLICT (department_id, month) DO NOTHING"
            )
            sets = ", ".join(f"{k} = {k} + ?" for k in deltas)
            update = f"UPDATE complaint_stats SET {sets} WHERE department_id = ? AND month = ?"
        await conn.execute_query(insert, [dept, month])
        values: list[Any] = list(deltas.values())
        params = [dept, month, *values] if pg else [*values, dept, month]
        await conn.execute_query(update, params)


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _summary(
    department_id: int | None, start: str | None, end: str | None, totals: dict[str, int]
) -> dict[str, Any]:
    ratings = sum(totals[f"level{i}"] for i in range(1, 6))
    satisfied = totals["level3"] + totals["level4"] + totals["level5"]
    return {
        "department_id": department_id,
        "from": start,
        "to": end,
        "received": totals["received"],
        "answered_on_spot": totals["on_spot"],
        "completed": totals["completed"],
        "on_time": totals["on_time"],
        "ratings": ratings,
        "ratings_by_level": {str(i): totals[f"level{i}"] for i in range(5, 0, -1)},
        "on_spot_rate": _rate(totals["on_spot"], totals["received"]),
        "completion_rate": _rate(totals["completed"], totals["received"]),
        "on_time_rate": _rate(totals["on_time"], totals["completed"]),
        "satisfaction_rate": _rate(satisfied, ratings),
    }


async def _totals(
    department_id: int | None, start: str | None, end: str | None
) -> dict[int, dict[str, int]]:
    query = StatCounter.all()
    if department_id is not None:
        query = query.filter(department_id=department_id)
    if start:
        query = query.filter(month__gte=start)
    if end:
        query = query.filter(month__lte=end)
    out: dict[int, dict[str, int]] = {}
    for row in await query.values("department_id", *FIELDS):
        totals = out.setdefault(int(row["department_id"]), dict.fromkeys(FIELDS, 0))
        for k in FIELDS:
            totals[k] += int(row[k])
    return out


async def figures(
    department_id: int | None, start: str | None = None, end: str | None = None
) -> dict[str, Any]:
    """The published figures for a department (None: the whole platform) and month range."""
    totals = (await _totals(department_id or 0, start, end)).get(department_id or 0)
    return _summary(department_id, start, end, totals or dict.fromkeys(FIELDS, 0))


async def by_department(start: str | None = None, end: str | None = None) -> list[dict[str, Any]]:
    """Figures of every department with any counter in the range."""
    totals = await _totals(None, start, end)
    return [_summary(d, start, end, t) for d, t in sorted(totals.items()) if d != 0]


async def rebuild() -> int:
    """Recompute every counter from the cases and ratings; returns the rows written."""
    counters: dict[tuple[int, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(FIELDS, 0))
    batch = 50_000
    last = 0
    while True:
        rows = (
            await Complaint.filter(id__gt=last)
            .order_by("id")
            .limit(batch)
            .values_list(
                "id",
                "department_id",
                "submitted_at",
                "dispatched_at",
                "mode",
                "replied_at",
                "closed_at",
                "reply_due",
                "status",
            )
        )
        if not rows:
            break
        for cid, dept, submitted, dispatched, mode, replied, closed, due, status in rows:
            last = cid
            counters[(0, month_of(submitted))]["received"] += 1
            if dispatched is not None and dept:
                counters[(dept, month_of(dispatched))]["received"] += 1
            if replied is not None and mode == "immediate":
                for d in dict.fromkeys((0, dept or 0)):
                    counters[(d, month_of(replied))]["on_spot"] += 1
            if closed is not None and status == Status.CLOSED:
                on_time = bool(replied is not None and due is not None and _local(replied) <= due)
                for d in dict.fromkeys((0, dept or 0)):
                    counters[(d, month_of(closed))]["completed"] += 1
                    counters[(d, month_of(closed))]["on_time"] += int(on_time)
    last = 0
    while True:
        ratings = (
            await Rating.filter(id__gt=last, excluded=False)
            .order_by("id")
            .limit(batch)
            .values_list("id", "department_id", "counted_month", "level")
        )
        if not ratings:
            break
        for rid, dept, month, level in ratings:
            last = rid
            for d in dict.fromkeys((0, dept or 0)):
                counters[(d, month)][f"level{level}"] += 1
    async with in_transaction() as conn:
        await StatCounter.all().using_db(conn).delete()
        objs = [StatCounter(department_id=d, month=m, **vals) for (d, m), vals in counters.items()]
        for i in range(0, len(objs), 1000):
            await StatCounter.bulk_create(objs[i : i + 1000], using_db=conn)
    return len(counters)


def _local(moment: datetime) -> Any:
    return moment.astimezone(CHINA).date()
