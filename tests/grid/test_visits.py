"""Offline visit sync: per-item results, idempotent replay, offline edits, conflicts."""

from __future__ import annotations

from typing import Any

import httpx

from server.core.outbox import OutboxEvent
from server.core.permissions import Role
from server.grid.models import Household, Visit, VisitPolicy, VisitRevision
from tests.grid.conftest import Login, make_policy, visit

BATCH = "/api/v1/visits/batch"


async def _worker(client: httpx.AsyncClient, login: Login, name: str, cells: list[str]) -> Any:
    worker_id, headers = await login(name, [Role.GRID_WORKER])
    _, admin = await login(f"admin-{name}", [Role.ADMIN])
    r = await client.put(
        f"/api/v1/admin/grid-workers/{worker_id}/cells", json={"cells": cells}, headers=admin
    )
    assert r.status_code == 200, r.text
    return worker_id, headers


async def test_batch_results_replay_and_edit(
    grid: None, client: httpx.AsyncClient, login: Login
) -> None:
    policy = await make_policy()
    _, worker = await _worker(client, login, "w1", ["HY-G1"])
    batch = [
        visit("c0000001-aaaa", "H0001", policy_ids=[policy]),
        visit("c0000002-aaaa", "H0007"),  # 白蒲: outside the worker's cells
        visit("c0000003-aaaa", "H0002", policy_ids=[999999]),  # unknown policy
        visit("c0000004-aaaa", "NOPE"),
        {"client_id": "c0000005-aaaa", "type": "home_visit"},  # no time, no target
        visit("c0000006-aaaa", "H0003", type="phone", bogus=1),
        visit("c0000007-aaaa", "H0004", visited_at="2099-01-01T00:00:00+08:00"),
        "not an object",
        visit("c0000008-aaaa", "H0002"),
    ]
    r = await client.post(BATCH, json={"visits": batch}, headers=worker)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["status"] for x in results] == [
        "accepted", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected",
        "rejected", "accepted",
    ]  # fmt: skip
    reasons = [x["reason"] for x in results]
    assert reasons[1] == "outside your cells"
    assert "unknown policy 999999" in reasons[2]
    assert "unknown household" in reasons[3]
    assert "future" in reasons[6]
    assert results[5]["reason"].startswith("bogus")
    assert await Visit.all().count() == 2
    # Replay of the whole batch: nothing recorded twice.
    r = await client.post(BATCH, json={"visits": batch}, headers=worker)
    assert r.json()["results"][0]["status"] == "duplicate"
    assert r.json()["results"][8]["status"] == "duplicate"
    assert await Visit.all().count() == 2
    assert await VisitPolicy.filter(policy_id=policy).count() == 1
    # An offline edit (revision 2), then the stale revision 1 arrives again.
    edited = visit("c0000001-aaaa", "H0001", revision=2, policy_ids=[policy], notes="补充说明")
    r = await client.post(BATCH, json={"visits": [edited, batch[0]]}, headers=worker)
    assert [x["status"] for x in r.json()["results"]] == ["updated", "duplicate"]
    v = await Visit.get(client_id="c0000001-aaaa")
    assert (v.revision, v.notes) == (2, "补充说明")
    assert await VisitRevision.filter(visit_id=v.id).count() == 2  # history kept
    h = await Household.get(external_id="H0001")
    assert h.last_visit_at is not None
    # The worker's visit list.
    r = await client.get("/api/v1/visits", headers=worker)
    assert r.json()["total"] == 2


async def test_conflicting_offline_edits_resolve_the_same_in_any_order(
    grid: None, client: httpx.AsyncClient, login: Login
) -> None:
    _, worker = await _worker(client, login, "w2", ["HY"])
    base = visit("c1000001-bbbb", "H0005")
    a = visit("c1000001-bbbb", "H0005", revision=2, notes="设备甲的修改")
    b = visit("c1000001-bbbb", "H0005", revision=2, notes="设备乙的修改")
    await client.post(BATCH, json={"visits": [base]}, headers=worker)
    r1 = await client.post(BATCH, json={"visits": [a, b]}, headers=worker)
    first = (await Visit.get(client_id="c1000001-bbbb")).notes
    statuses = sorted(x["status"] for x in r1.json()["results"])
    assert statuses in (["rejected", "updated"], ["updated", "updated"])
    # Same edits in the opposite order on a fresh visit id: the same copy wins.
    base2 = {**base, "client_id": "c1000002-bbbb"}
    await client.post(BATCH, json={"visits": [base2]}, headers=worker)
    await client.post(
        BATCH,
        json={"visits": [{**b, "client_id": "c1000002-bbbb"}, {**a, "client_id": "c1000002-bbbb"}]},
        headers=worker,
    )
    assert (await Visit.get(client_id="c1000002-bbbb")).notes == first


async def test_problem_found_records_one_event_and_limits(
    grid: None, client: httpx.AsyncClient, login: Login
) -> None:
    _, worker = await _worker(client, login, "w3", ["HY-G2"])
    item = visit(
        "c2000001-cccc",
        "H0006",
        problems=[{"category": "民生诉求", "text": "楼道灯坏了三个月无人修"}],
    )
    for _ in range(2):
        r = await client.post(BATCH, json={"visits": [item]}, headers=worker)
        assert r.status_code == 200
    events = await OutboxEvent.filter(topic="visit.problem_found")
    assert len(events) == 1
    payload = events[0].payload
    assert payload["cell_code"] == "HY-G2-YF" and payload["category"] == "民生诉求"
    assert {"visit_id", "household_id", "cell_code", "summary", "category"} <= payload.keys()
    # An edit that keeps the problem does not report it again.
    r = await client.post(
        BATCH, json={"visits": [{**item, "revision": 2, "notes": "再次确认"}]}, headers=worker
    )
    assert r.json()["results"][0]["status"] == "updated"
    assert await OutboxEvent.filter(topic="visit.problem_found").count() == 1
    # Batch limit and permissions.
    r = await client.post(BATCH, json={"visits": [item] * 501}, headers=worker)
    assert r.status_code == 422
    _, staff = await login("s1", [Role.STAFF], "rgmzj")
    r = await client.post(BATCH, json={"visits": [item]}, headers=staff)
    assert r.status_code == 403


async def test_ids_beyond_32_bits_reject_the_item_not_the_batch(
    grid: None, client: httpx.AsyncClient, login: Login
) -> None:
    # Found fuzzing the OpenAPI document: such ids reached the database and overflowed (500).
    _, worker = await _worker(client, login, "wide", ["HY-G1"])
    batch = [
        visit("c0000101-aaaa", "H0001", policy_ids=[2**63]),
        visit("c0000102-aaaa", "H0001", photos=[-(2**63) - 1]),
        visit("c0000103-aaaa", "H0002"),
    ]
    r = await client.post(BATCH, json={"visits": batch}, headers=worker)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["rejected", "rejected", "accepted"]
    assert results[0]["reason"].startswith("policy_ids")
    assert results[1]["reason"].startswith("photos")
