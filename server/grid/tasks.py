"""Visit tasks: assigned by staff, created for pushes that reached nobody, due by a plan.

Every task has a ``source_key`` (unique), so creating the same task twice — a handler
that runs again, a plan job on two workers — leaves one row. A task is assigned to the
grid worker of the deepest assigned cell on the household's path; the worker gets one
``visit_task`` push per day at most.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.core.clock import local_today
from server.core.errors import Forbidden, NotFound, ValidationFailed
from server.core.permissions import Principal, Role
from server.grid.models import (
    EnterpriseCell,
    Household,
    HouseholdMember,
    HouseholdTag,
    TaskStatus,
    VisitPlan,
    VisitTask,
)
from server.grid.service import PATH_COLUMNS, responsible_worker, scope_for

log = logging.getLogger("zwgk.grid")


@dataclass(frozen=True)
class Target:
    """A household or an enterprise, with its place in the grid."""

    household_id: int | None
    enterprise_uscc: str | None
    cell_code: str
    path: dict[str, Any]


def household_target(h: dict[str, Any]) -> Target:
    path = {c: h[c] for c in PATH_COLUMNS}
    cell = next(path[c] for c in reversed(PATH_COLUMNS) if path[c])
    return Target(h["id"], None, cell, path)


def enterprise_target(e: EnterpriseCell) -> Target:
    path = {c: getattr(e, c) for c in PATH_COLUMNS}
    cell = next(path[c] for c in reversed(PATH_COLUMNS) if path[c])
    return Target(None, e.uscc, cell, path)


async def create_task(
    target: Target,
    *,
    source: str,
    source_key: str,
    due_date: date,
    policy_id: int | None = None,
    note: str = "",
    created_by: int | None = None,
    using_db: BaseDBAsyncClient | None = None,
) -> VisitTask | None:
    """Create a task unless one with ``source_key`` exists; push the worker (once a day)."""
    from server.push.intents import queue_push

    if await VisitTask.filter(source_key=source_key).using_db(using_db).exists():
        return None
    worker_id = await responsible_worker(target.path)
    try:
        task = await VisitTask.create(
            source=source,
            source_key=source_key,
            household_id=target.household_id,
            enterprise_uscc=target.enterprise_uscc,
            policy_id=policy_id,
            worker_id=worker_id,
            cell_code=target.cell_code,
            due_date=due_date,
            note=note[:200],
            created_by=created_by,
            using_db=using_db,
            **target.path,
        )
    except IntegrityError:
        return None  # a concurrent run created it
    if worker_id is not None:
        today = local_today()
        await queue_push(
            "visit_task",
            "user",
            worker_id,
            "visit_tasks",
            f"{worker_id}:{today.isoformat()}",
            {"first_task_id": task.id, "due_date": due_date.isoformat()},
            dedup_key=f"grid:visit_task:{worker_id}:{today.isoformat()}",
            using_db=using_db,
        )
    return task


# --------------------------------------------------------------------------- staff tasks


async def assign_tasks(
    principal: Principal,
    households: list[str],
    enterprises: list[str],
    policy_id: int | None,
    due_date: date,
    note: str,
) -> dict[str, Any]:
    """Staff assign visits: these households / enterprises, about this policy, by then."""
    from server.policies.models import Policy

    if not households and not enterprises:
        raise ValidationFailed("name at least one household or enterprise", field="households")
    if policy_id is not None and not await Policy.exists(id=policy_id):
        raise ValidationFailed("unknown policy", field="policy_id")
    scope = await scope_for(principal)
    found_h = await Household.filter(external_id__in=households).values(
        "id", "external_id", *PATH_COLUMNS
    )
    found_e = await EnterpriseCell.filter(uscc__in=enterprises)
    missing = set(households) - {h["external_id"] for h in found_h}
    missing |= set(enterprises) - {e.uscc for e in found_e}
    if missing:
        raise NotFound(f"unknown household or enterprise {sorted(missing)[0]!r}")
    targets = [household_target(h) for h in found_h] + [enterprise_target(e) for e in found_e]
    if not scope.everything:
        for t in targets:
            if not any(t.path.get(col) == code for col, code in scope.cells):
                raise Forbidden("a household or enterprise is outside your communities")
    created = 0
    async with in_transaction() as conn:
        for t in targets:
            who = f"h:{t.household_id}" if t.household_id else f"e:{t.enterprise_uscc}"
            key = f"manual:{who}:p:{policy_id or '-'}:{due_date.isoformat()}"
            task = await create_task(
                t,
                source="manual",
                source_key=key,
                due_date=due_date,
                policy_id=policy_id,
                note=note,
                created_by=principal.user_id,
                using_db=conn,
            )
            created += task is not None
    return {"created": created, "existing": len(targets) - created}


# --------------------------------------------------------------------------- unreachable


async def tasks_from_unreachable(payload: dict[str, Any], due_days: int) -> int:
    """Turn one ``push.unreachable`` event into visit tasks (idempotent)."""
    intent = payload.get("intent_id")
    rtype, rid = payload.get("recipient_type"), str(payload.get("recipient_id") or "")
    targets: list[Target] = []
    if rtype == "household":
        rows = await Household.filter(external_id=rid).values("id", *PATH_COLUMNS)
        targets = [household_target(h) for h in rows]
    elif rtype == "enterprise":
        e = await EnterpriseCell.get_or_none(uscc=rid.upper())
        targets = [enterprise_target(e)] if e else []
    elif rtype == "user" and rid.isdigit():
        ids = await HouseholdMember.filter(user_id=int(rid)).values_list("household_id", flat=True)
        rows = await Household.filter(id__in=list(ids)).values("id", *PATH_COLUMNS)
        targets = [household_target(h) for h in rows]
    if not targets:
        log.info("unreachable push %s: recipient not in the grid", intent)
        return 0
    policy_id: int | None = None
    if payload.get("subject_type") == "policy" and str(payload.get("subject_id", "")).isdigit():
        policy_id = int(payload["subject_id"])
    reason = str(payload.get("reason") or "")
    note = f"推送未送达（{payload.get('kind', '')}{'：' + reason if reason else ''}）"
    due = local_today() + timedelta(days=due_days)
    created = 0
    async with in_transaction() as conn:
        for t in targets:
            who = f"h:{t.household_id}" if t.household_id else f"e:{t.enterprise_uscc}"
            task = await create_task(
                t,
                source="unreachable",
                source_key=f"unreachable:{intent}:{who}",
                due_date=due,
                policy_id=policy_id,
                note=note,
                using_db=conn,
            )
            created += task is not None
    return created


# --------------------------------------------------------------------------- closing


async def close_tasks_for_visit(
    visit_id: int,
    household_id: int | None,
    enterprise_uscc: str | None,
    policy_ids: Iterable[int],
    using_db: BaseDBAsyncClient | None = None,
) -> int:
    """A visit closes its target's open tasks about the policies it explained, and plan
    tasks (which name no policy)."""
    query = VisitTask.filter(status=TaskStatus.OPEN.value)
    if household_id is not None:
        query = query.filter(household_id=household_id)
    else:
        query = query.filter(enterprise_uscc=enterprise_uscc)
    wanted = set(policy_ids)
    ids = [
        t.id
        for t in await query.using_db(using_db)
        if (t.policy_id is None and t.source == "plan") or t.policy_id in wanted
    ]
    if not ids:
        return 0
    return await (
        VisitTask.filter(id__in=ids)
        .using_db(using_db)
        .update(
            status=TaskStatus.DONE.value, closed_by_visit_id=visit_id, closed_at=datetime.now(UTC)
        )
    )


# --------------------------------------------------------------------------- plans


async def set_plans(plans: list[tuple[str, int]]) -> list[dict[str, Any]]:
    async with in_transaction() as conn:
        await VisitPlan.all().using_db(conn).delete()
        for tag, days in plans:
            await VisitPlan.create(tag=tag, interval_days=days, using_db=conn)
    return await list_plans()


async def list_plans() -> list[dict[str, Any]]:
    return [
        {"tag": p.tag, "interval_days": p.interval_days}
        for p in await VisitPlan.all().order_by("tag")
    ]


async def generate_plan_tasks(today: date | None = None, lead_days: int = 7) -> int:
    """Create tasks for visits due (or overdue) by the plans, within ``lead_days``."""
    today = today or local_today()
    plans = {p.tag: p.interval_days for p in await VisitPlan.all()}
    if not plans:
        return 0
    bits = {t.name: t.bit for t in await HouseholdTag.filter(name__in=list(plans))}
    tagged = [(1 << bits[t], days) for t, days in plans.items() if t in bits]
    default = plans.get("*")
    horizon = today + timedelta(days=lead_days)
    created = 0
    last_id = 0
    while True:
        rows = (
            await Household.filter(id__gt=last_id)
            .order_by("id")
            .limit(2000)
            .values("id", "tag_mask", "last_visit_at", *PATH_COLUMNS)
        )
        if not rows:
            break
        last_id = rows[-1]["id"]
        due: list[tuple[dict[str, Any], date]] = []
        for h in rows:
            intervals = [days for bit, days in tagged if h["tag_mask"] & bit]
            interval = min(intervals) if intervals else default
            if interval is None:
                continue
            last = h["last_visit_at"]
            when = (last.date() + timedelta(days=interval)) if last else today
            if when <= horizon:
                due.append((h, when))
        if not due:
            continue
        open_plan = set(
            await VisitTask.filter(
                source="plan",
                status=TaskStatus.OPEN.value,
                household_id__in=[h["id"] for h, _ in due],
            ).values_list("household_id", flat=True)
        )
        async with in_transaction() as conn:
            for h, when in due:
                if h["id"] in open_plan:
                    continue
                task = await create_task(
                    household_target(h),
                    source="plan",
                    source_key=f"plan:{h['id']}:{when.isoformat()}",
                    due_date=when,
                    note="按走访计划到期" if when >= today else "按走访计划已逾期",
                    using_db=conn,
                )
                created += task is not None
    return created


# --------------------------------------------------------------------------- listing


def task_out(t: VisitTask, names: dict[int, str], today: date) -> dict[str, Any]:
    return {
        "id": t.id,
        "source": t.source,
        "household_external_id": names.get(t.household_id) if t.household_id else None,
        "enterprise_uscc": t.enterprise_uscc,
        "policy_id": t.policy_id,
        "worker_id": t.worker_id,
        "cell_code": t.cell_code,
        "due_date": t.due_date,
        "overdue": t.status == TaskStatus.OPEN.value and t.due_date < today,
        "status": t.status,
        "note": t.note,
        "closed_by_visit_id": t.closed_by_visit_id,
    }


async def list_tasks(
    principal: Principal,
    *,
    status: str | None,
    worker_id: int | None,
    mine: bool,
    page: int,
    page_size: int,
) -> dict[str, Any]:
    """Tasks sorted by deadline, then by place (cell code), so a round follows the grid."""
    if mine:
        query = VisitTask.filter(worker_id=principal.user_id)
    else:
        if not principal.has(Role.STAFF, Role.ADMIN):
            raise Forbidden("staff only")
        query = VisitTask.filter((await scope_for(principal)).q())
        if worker_id is not None:
            query = query.filter(worker_id=worker_id)
    if status:
        query = query.filter(status=status)
    total = await query.count()
    rows = (
        await query.order_by("due_date", "cell_code", "id")
        .offset((page - 1) * page_size)
        .limit(page_size)
    )
    ids = [t.household_id for t in rows if t.household_id]
    names = dict(await Household.filter(id__in=ids).values_list("id", "external_id"))
    today = local_today()
    return {"items": [task_out(t, names, today) for t in rows], "total": total}


async def close_tasks_for_visits(
    visits: list[tuple[int, int | None, str | None, list[int]]],
    using_db: BaseDBAsyncClient | None = None,
) -> int:
    """:func:`close_tasks_for_visit` for many visits with one read of the open tasks."""
    hids = [h for _, h, _, _ in visits if h is not None]
    usccs = [u for _, h, u, _ in visits if h is None and u is not None]
    open_tasks = []
    if hids:
        open_tasks += await VisitTask.filter(
            status=TaskStatus.OPEN.value, household_id__in=hids
        ).using_db(using_db)
    if usccs:
        open_tasks += await VisitTask.filter(
            status=TaskStatus.OPEN.value, enterprise_uscc__in=usccs
        ).using_db(using_db)
    if not open_tasks:
        return 0
    closed = 0
    for visit_id, hid, uscc, policy_ids in visits:
        wanted = set(policy_ids)
        for t in open_tasks:
            if t.status != TaskStatus.OPEN.value:
                continue
            mine = t.household_id == hid if hid is not None else t.enterprise_uscc == uscc
            if mine and ((t.policy_id is None and t.source == "plan") or t.policy_id in wanted):
                t.status = TaskStatus.DONE.value
                await (
                    VisitTask.filter(id=t.id)
                    .using_db(using_db)
                    .update(
                        status=TaskStatus.DONE.value,
                        closed_by_visit_id=visit_id,
                        closed_at=datetime.now(UTC),
                    )
                )
                closed += 1
    return closed
