"""Coverage (知晓率) on a constructed grid, and the recipient exports for the push stream."""

from __future__ import annotations

import httpx

from server.core.permissions import Role
from server.enterprises.models import Enterprise, EnterpriseMatch
from server.grid.models import EnterpriseCell, GridCell, Household, HouseholdMember
from server.grid.recipients import RECIPIENT_RESOLVERS, REGION_AUDIENCES
from server.push.models import PushIntent
from tests.grid.conftest import Login, make_policy, visit


async def _push(policy: int, rtype: str, rid: str, status: str) -> None:
    await PushIntent.create(
        kind="policy_match", recipient_type=rtype, recipient_id=rid, subject_type="policy",
        subject_id=str(policy), dedup_key=f"{rtype}:{rid}:{policy}", status=status,
    )  # fmt: skip


async def test_coverage_per_cell(grid: None, client: httpx.AsyncClient, login: Login) -> None:
    worker_id, worker = await login("cov.w", [Role.GRID_WORKER])
    _, admin = await login("cov.admin", [Role.ADMIN])
    _, staff_rs = await login("cov.rs", [Role.STAFF], "rgrsj")
    await client.put(
        f"/api/v1/admin/grid-workers/{worker_id}/cells", json={"cells": ["HY"]}, headers=admin
    )
    policy = await make_policy()
    r = await client.put(
        f"/api/v1/admin/policies/{policy}/household-target",
        json={"regions": ["320682001"], "household_tags_any": ["高龄", "独居老人"]},
        headers=admin,
    )
    assert r.status_code == 200, r.text
    # Targeted: H0001, H0003 (网格一), H0006 (网格二); H0007 is 高龄 but in 白蒲 (other region).
    h6 = await Household.get(external_id="H0006")
    await HouseholdMember.create(user_id=777, household_id=h6.id)
    await _push(policy, "household", "H0001", "sent")
    await _push(policy, "user", "777", "opened")
    await _push(policy, "household", "H0003", "failed")  # not reached
    await _push(policy, "household", "H0007", "sent")  # not targeted
    r = await client.post(
        "/api/v1/visits/batch",
        json={
            "visits": [
                visit("e0000001-aaaa", "H0003", policy_ids=[policy]),
                visit("e0000002-aaaa", "H0001", policy_ids=[policy]),  # already pushed
                visit("e0000003-aaaa", "H0002", policy_ids=[policy]),  # not targeted
            ]
        },
        headers=worker,
    )
    assert [x["status"] for x in r.json()["results"]] == ["accepted"] * 3
    # Enterprises in 网格一: two the policy matches (one reached by a push), one it does not.
    g1_cell = await GridCell.get(code="HY-G1")
    for n, outcome in ((1, "eligible"), (2, "eligible"), (3, "ineligible")):
        uscc = f"91320682MA00000{n}X0"[:18]
        ent = await Enterprise.create(uscc=uscc, name=f"如皋测试企业{n}", region="320682")
        await EnterpriseMatch.create(enterprise_id=ent.id, policy_id=policy, outcome=outcome)
        await EnterpriseCell.create(
            uscc=uscc, name=ent.name, cell_id=g1_cell.id,
            community_code=g1_cell.community_code, grid_code=g1_cell.grid_code,
        )  # fmt: skip
    await _push(policy, "enterprise", "91320682MA000001X0"[:18], "sent")
    url = f"/api/v1/admin/policies/{policy}/coverage"
    r = await client.get(url, params={"level": "grid"}, headers=admin)
    assert r.status_code == 200, r.text
    body = r.json()
    ent_totals = body["enterprises"]["totals"]
    assert (ent_totals["targeted"], ent_totals["reached"], ent_totals["not_reached"]) == (2, 1, 1)
    cells = {c["code"]: c for c in body["households"]["cells"]}
    assert set(cells) == {"HY-G1", "HY-G2"}
    g1, g2 = cells["HY-G1"], cells["HY-G2"]
    assert (g1["targeted"], g1["reached"], g1["reached_by_push"], g1["reached_by_visit"]) == (
        2, 2, 1, 2,
    )  # fmt: skip
    assert (g2["targeted"], g2["reached"], g2["reached_by_push"], g2["not_reached"]) == (1, 1, 1, 0)
    assert g1["name"] == "海阳社区第一网格" and g1["parent_code"] == "HY"
    assert body["households"]["totals"] == {
        "targeted": 3, "reached": 3, "reached_by_push": 2, "reached_by_visit": 2,
        "not_reached": 0, "rate": 1.0,
    }  # fmt: skip
    r = await client.get(url, params={"level": "building", "within": "HY-G1"}, headers=admin)
    per_building = {c["code"]: c["targeted"] for c in r.json()["households"]["cells"]}
    assert per_building == {"HY-G1-JX-B1": 1, "HY-G1-JX-B2": 1}
    r = await client.get(url, params={"level": "community"}, headers=admin)
    assert [(c["code"], c["targeted"]) for c in r.json()["households"]["cells"]] == [("HY", 3)]
    # Without tag filter, the whole region is targeted; staff of 白蒲 see only their community.
    await client.put(
        f"/api/v1/admin/policies/{policy}/household-target", json={"regions": []}, headers=admin
    )
    r = await client.get(url, params={"level": "community"}, headers=admin)
    rows = {c["code"]: (c["targeted"], c["reached"]) for c in r.json()["households"]["cells"]}
    assert rows == {"HY": (6, 4), "BP": (2, 1)}  # policy regions 320682 cover both
    r = await client.get(url, params={"level": "community"}, headers=staff_rs)
    assert [c["code"] for c in r.json()["households"]["cells"]] == ["BP"]
    # Errors: unknown policy 404, bad level 422, grid workers may not read coverage.
    assert (
        await client.get("/api/v1/admin/policies/999999/coverage", headers=admin)
    ).status_code == 404
    assert (await client.get(url, params={"level": "street"}, headers=admin)).status_code == 422
    assert (await client.get(url, headers=worker)).status_code == 403
    # Visits per worker per month.
    r = await client.get(
        "/api/v1/admin/grid/visit-stats",
        params={"since": "2026-11-01", "until": "2026-12-31"},
        headers=admin,
    )
    assert r.json()["items"] == [
        {"worker_id": worker_id, "worker_name": "cov.w", "period": "2026-11", "visits": 3,
         "households": 3, "enterprises": 0},
    ]  # fmt: skip


async def test_recipient_resolvers_and_region_audiences(grid: None) -> None:
    h1 = await Household.get(external_id="H0001")
    h7 = await Household.get(external_id="H0007")
    await HouseholdMember.create(user_id=11, household_id=h1.id)
    await HouseholdMember.create(user_id=12, household_id=h1.id)
    await HouseholdMember.create(user_id=13, household_id=h7.id)
    resolve = RECIPIENT_RESOLVERS["household"]
    assert await resolve(["H0001", "H0002", "NOPE"]) == {"H0001": [11, 12], "H0002": [], "NOPE": []}
    households = REGION_AUDIENCES["households"]
    assert [u async for u in households("320682001")] == [11, 12]
    assert [u async for u in households("320682")] == [11, 12, 13]
    assert [u async for u in households("110000")] == []


async def test_broadcast_audience_spans_subscribers_households_and_enterprises(grid: None) -> None:
    """An emergency broadcast for a region reaches its subscribers, the residents linked to
    households there and the approved contacts of enterprises registered there."""
    from server.accounts.models import User
    from server.enterprises.models import EnterpriseContact
    from server.push.broadcasts import audience
    from server.push.models import TopicSubscription

    users = [await User.create(openid=f"o-bc-{i}", roles=["resident"]) for i in range(5)]
    subscriber, resident, contact, pending, elsewhere = users
    await TopicSubscription.create(user_id=subscriber.id, regions=["320682001"])
    h1 = await Household.get(external_id="H0001")
    await HouseholdMember.create(user_id=resident.id, household_id=h1.id)
    here = await Enterprise.create(uscc="91320682MA0000BC01", name="如皋某公司", region="320682001")
    away = await Enterprise.create(uscc="91110000MA0000BC02", name="北京某公司", region="110101")
    await EnterpriseContact.create(enterprise=here, user=contact, status="approved")
    await EnterpriseContact.create(enterprise=here, user=pending, status="pending")
    await EnterpriseContact.create(enterprise=away, user=elsewhere, status="approved")
    reached = {u async for u in audience(["320682001"])}
    assert reached == {subscriber.id, resident.id, contact.id}
