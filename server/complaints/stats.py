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

from server.complaints.models import StatCounter
from server.core.clock import CHINA
from server.core.db import connection, placeholders

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
    names = ", ".join(FIELDS)
    sets = ", ".join(f"{k} = complaint_stats.{k} + excluded.{k}" for k in deltas)
    marks = placeholders(len(FIELDS) + 2, conn)
    # One statement: insert the row or add to it (SQLite ≥ 3.24 and PostgreSQL).
    sql = (
        f"INSERT INTO complaint_stats (department_id, month, {names}) "
        f"VALUES ({', '.join(marks)}) "
        f"ON CONFLICT (department_id, month) DO UPDATE SET {sets}"
    )
    values = [deltas.get(k, 0) for k in FIELDS]
    for dept in dict.fromkeys(department_ids):
        await conn.execute_query(sql, [dept, month, *values])


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
    """Recompute every counter from the cases and ratings; returns the rows written.

    The database does the counting (a few ``GROUP BY`` queries), so a rebuild over a
    million cases takes seconds, not a Python loop over every row.
    """
    conn = connection()
    pg = conn.capabilities.dialect == "postgres"

    def month(col: str) -> str:
        if pg:
            return f"to_char({col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')"
        return f"strftime('%Y-%m', {col}, '+8 hours')"

    def day(col: str) -> str:
        return f"({col} AT TIME ZONE 'Asia/Shanghai')::date" if pg else f"date({col}, '+8 hours')"

    counters: dict[tuple[int, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(FIELDS, 0))

    def add(dept: int | None, m: str, name: str, n: int, *, platform: bool = True) -> None:
        targets = [0, dept or 0] if platform else [dept or 0]
        for d in dict.fromkeys(targets):
            counters[(d, m)][name] += int(n or 0)

    rows = await conn.execute_query_dict(
        f"SELECT {month('submitted_at')} AS m, count(*) AS n FROM complaints GROUP BY 1"
    )
    for r in rows:
        add(0, r["m"], "received", r["n"])
    rows = await conn.execute_query_dict(
        f"SELECT department_id AS d, {month('dispatched_at')} AS m, count(*) AS n "
        "FROM complaints WHERE dispatched_at IS NOT NULL AND department_id IS NOT NULL "
        "GROUP BY 1, 2"
    )
    for r in rows:
        add(r["d"], r["m"], "received", r["n"], platform=False)
    rows = await conn.execute_query_dict(
        f"SELECT department_id AS d, {month('replied_at')} AS m, count(*) AS n "
        "FROM complaints WHERE replied_at IS NOT NULL AND mode = 'immediate' GROUP BY 1, 2"
    )
    for r in rows:
        add(r["d"], r["m"], "on_spot", r["n"])
    rows = await conn.execute_query_dict(
        f"SELECT department_id AS d, {month('closed_at')} AS m, count(*) AS n, "
        f"sum(CASE WHEN replied_at IS NOT NULL AND reply_due IS NOT NULL "
        f"AND {day('replied_at')} <= reply_due THEN 1 ELSE 0 END) AS t "
        "FROM complaints WHERE status = 'closed' AND closed_at IS NOT NULL GROUP BY 1, 2"
    )
    for r in rows:
        add(r["d"], r["m"], "completed", r["n"])
        add(r["d"], r["m"], "on_time", r["t"])
    rows = await conn.execute_query_dict(
        "SELECT department_id AS d, counted_month AS m, level AS l, count(*) AS n "
        "FROM complaint_ratings WHERE NOT excluded GROUP BY 1, 2, 3"
    )
    for r in rows:
        add(r["d"], r["m"], f"level{int(r['l'])}", r["n"])
    async with in_transaction() as tx:
        await StatCounter.all().using_db(tx).delete()
        objs = [StatCounter(department_id=d, month=m, **vals) for (d, m), vals in counters.items()]
        for i in range(0, len(objs), 1000):
            await StatCounter.bulk_create(objs[i : i + 1000], using_db=tx)
    return len(counters)
