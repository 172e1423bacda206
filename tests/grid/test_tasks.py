"""Visit tasks: staff-assigned, from unreachable pushes (outbox), visit plans, closing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import httpx

from server.core.clock import local_today
from server.core.outbox import OutboxEvent, record_event, relay_pending
from server.core.permissions import Role
from server.grid import tasks
from server.grid.models import Household, HouseholdMember, VisitTask
from server.push.models import PushIntent
from tests.grid.conftest import Login, make_policy, visit
from workers.grid import EVENT_HANDLERS


async def _setup(client: httpx.AsyncClient, login: Login) -> tuple[int, dict[str, str], dict]:
    worker_id, worker = await login("grid.w", [Role.GRID_WORKER])
    _, admin = await login("grid.admin", [Role.ADMIN])
    r = await client.put(
        f"/api/v1/admin/grid-workers/{worker_id}/cells", json={"cells": ["HY-G1"]}, headers=admin
    )
    assert r.status_code == 200
    return worker_id, worker, admin


async def test_unreachable_push_becomes_one_task_and_a_visit_closes_it(
    grid: None, client: httpx.AsyncClient, login: Login
) -> None:
    worker_id, worker, _ = await _setup(client, login)
    policy = await make_policy()
    h2 = await Household.get(external_id="H0002")
    await HouseholdMember.create(user_id=4242, household_id=h2.id)
    for intent, rtype, rid in (
        (1, "household", "H0001"),
        (2, "user", "4242"),
        (3, "household", "NOPE"),
    ):
        await record_event(
            "push.unreachable",
            "push_intent",
            intent,
            {
                "intent_id": intent, "kind": "policy_match", "recipient_type": rtype,
                "recipient_id": rid, "subject_type": "policy", "subject_id": str(policy),
                "reason": "no_subscription_credit",
            },
        )  # fmt: skip
    assert await relay_pending(EVENT_HANDLERS) == 3
    # The handler is idempotent: running the same events again adds nothing.
    for event in await OutboxEvent.filter(topic="push.unreachable"):
        for handler in EVENT_HANDLERS["push.unreachable"]:
            await handler(event)
    rows = await VisitTask.all().order_by("id")
    assert [(t.source, t.household_id, t.worker_id, t.policy_id) for t in rows] == [
        ("unreachable", (await Household.get(external_id="H0001")).id, worker_id, policy),
        ("unreachable", h2.id, worker_id, policy),
    ]
    assert rows[0].due_date == local_today() + timedelta(days=7)
    # One visit_task push for the worker that day, not one per task.
    pushes = await PushIntent.filter(kind="visit_task")
    assert [(p.recipient_type, p.recipient_id) for p in pushes] == [("user", str(worker_id))]
    r = await client.get("/api/v1/grid/my/tasks", headers=worker)
    assert [t["household_external_id"] for t in r.json()["items"]] == ["H0001", "H0002"]
    # A visit about another policy leaves the task open; one about this policy closes it.
    other = await make_policy("另一项政策")
    await client.post(
        "/api/v1/visits/batch",
        json={"visits": [visit("d0000001-aaaa", "H0001", policy_ids=[other])]},
        headers=worker,
    )
    assert (await VisitTask.get(id=rows[0].id)).status == "open"
    await client.post(
        "/api/v1/visits/batch",
        json={"visits": [visit("d0000002-aaaa", "H0001", policy_ids=[policy])]},
        headers=worker,
    )
    done = await VisitTask.get(id=rows[0].id)
    assert done.status == "done" and done.closed_by_visit_id is not None
    r = await client.get("/api/v1/grid/my/tasks", headers=worker)
    assert [t["household_external_id"] for t in r.json()["items"]] == ["H0002"]


async def test_staff_assign_tasks_sorted_by_deadline_and_place(
    grid: None, client: httpx.AsyncClient, login: Login
) -> None:
    worker_id, worker, _ = await _setup(client, login)
    _, staff = await login("mz", [Role.STAFF], "rgmzj")
    _, other_staff = await login("rs", [Role.STAFF], "rgrsj")
    policy = await make_policy()
    soon, later = date(2026, 12, 10), date(2026, 12, 20)
    body = {"households": ["H0003", "H0001"], "policy_id": policy, "due_date": later.isoformat()}
    r = await client.post("/api/v1/admin/grid/tasks", json=body, headers=staff)
    assert r.status_code == 201 and r.json() == {"created": 2, "existing": 0}
    r = await client.post("/api/v1/admin/grid/tasks", json=body, headers=staff)
    assert r.json() == {"created": 0, "existing": 2}  # idempotent
    r = await client.post(
        "/api/v1/admin/grid/tasks",
        json={"households": ["H0002"], "due_date": soon.isoformat(), "note": "回访"},
        headers=staff,
    )
    assert r.status_code == 201
    r = await client.post("/api/v1/admin/grid/tasks", json=body, headers=other_staff)
    assert r.status_code == 403
    r = await client.post(
        "/api/v1/admin/grid/tasks", json={**body, "households": ["NOPE"]}, headers=staff
    )
    assert r.status_code == 404
    r = await client.get("/api/v1/grid/my/tasks", headers=worker)
    items = r.json()["items"]
    assert [(t["household_external_id"], t["cell_code"]) for t in items] == [
        ("H0002", "HY-G1-JX-B1-U1"),
        ("H0001", "HY-G1-JX-B1-U1"),
        ("H0003", "HY-G1-JX-B2"),
    ]
    r = await client.get("/api/v1/admin/grid/tasks", headers=other_staff)
    assert r.json()["total"] == 0
    r = await client.get(f"/api/v1/admin/grid/tasks?worker_id={worker_id}", headers=staff)
    assert r.json()["total"] == 3


async def test_visit_plans_make_due_and_overdue_tasks(
    grid: None, client: httpx.AsyncClient, login: Login
) -> None:
    _, _, admin = await _setup(client, login)
    r = await client.put(
        "/api/v1/admin/grid/visit-plans",
        json={
            "plans": [{"tag": "独居老人", "interval_days": 30}, {"tag": "*", "interval_days": 182}]
        },
        headers=admin,
    )
    assert r.status_code == 200, r.text
    today = date(2026, 12, 3)
    # H0001 (独居老人) visited 40 days ago: overdue. H0006 (独居老人) visited 10 days ago: not
    # due. H0002 (no planned tag) visited 100 days ago: not due. The rest: never visited.
    for ext, days in (("H0001", 40), ("H0006", 10), ("H0002", 100)):
        at = datetime(2026, 12, 3, 2, tzinfo=UTC) - timedelta(days=days)
        await Household.filter(external_id=ext).update(last_visit_at=at)
    created = await tasks.generate_plan_tasks(today, lead_days=7)
    due = {
        (await Household.get(id=t.household_id)).external_id: t.due_date
        for t in await VisitTask.filter(source="plan")
    }
    assert set(due) == {"H0001", "H0003", "H0004", "H0005", "H0007", "H0008"}
    assert created == 6
    assert due["H0001"] == today - timedelta(days=10)  # overdue since then
    assert await tasks.generate_plan_tasks(today, lead_days=7) == 0  # no duplicates
    r = await client.get("/api/v1/admin/grid/tasks", headers=admin)
    overdue = {t["household_external_id"]: t["overdue"] for t in r.json()["items"]}
    assert overdue["H0001"] is True
    assert (await client.get("/api/v1/admin/grid/visit-plans", headers=admin)).json()["plans"][
        0
    ] == {
        "tag": "*",
        "interval_days": 182,
    }


def test_worker_module_exports() -> None:
    import workers.grid as w
    from workers.settings import EVENT_HANDLERS as ALL

    assert w.on_push_unreachable in ALL["push.unreachable"]
    assert w.plan_visit_tasks in w.FUNCTIONS and w.CRON_JOBS
