"""Submitting (validation, content safety, idempotency, rate limit, similar cases) and who
may read what: residents only their own cases, staff only their departments', admins all."""

from __future__ import annotations

import logging

import pytest

from server.complaints.models import Complaint
from tests.complaints.conftest import act

pytestmark = pytest.mark.asyncio


async def test_one_resident_cannot_read_another_residents_case(world, submit):
    mine = await submit()
    theirs = await submit(headers=world.other_resident, is_public=False)
    no = mine["tracking_no"]
    assert (
        await world.client.get(f"/api/v1/complaints/{no}", headers=world.resident)
    ).status_code == 200
    r = await world.client.get(f"/api/v1/complaints/{no}", headers=world.other_resident)
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    assert (
        await world.client.get("/api/v1/complaints/TS20990101-000001", headers=world.resident)
    ).status_code == 404
    assert (await world.client.get(f"/api/v1/complaints/{no}")).status_code == 401
    listed = (await world.client.get("/api/v1/complaints", headers=world.resident)).json()["items"]
    assert [c["tracking_no"] for c in listed] == [no]
    listed = (await world.client.get("/api/v1/complaints", headers=world.other_resident)).json()[
        "items"
    ]
    assert [c["tracking_no"] for c in listed] == [theirs["tracking_no"]]
    # Residents cannot reach the staff API at all.
    assert (
        await world.client.get(f"/api/v1/admin/complaints/{mine['id']}", headers=world.resident)
    ).status_code == 403


async def test_staff_see_only_their_departments_cases(world, submit):
    road = await submit()  # routed to 城管局
    lift = await submit(
        category="housing.elevator", content="小区加装电梯的补贴怎么申请？需要哪些材料？"
    )
    for headers, expected in (
        (world.chengguan, {road["id"]}),
        (world.zhujian, {lift["id"]}),
        (world.dispatcher, {road["id"], lift["id"]}),
        (world.admin, {road["id"], lift["id"]}),
    ):
        items = (await world.client.get("/api/v1/admin/complaints", headers=headers)).json()[
            "items"
        ]
        assert {c["id"] for c in items} == expected
    assert (
        await world.client.get(f"/api/v1/admin/complaints/{road['id']}", headers=world.zhujian)
    ).status_code == 404
    assert (
        await world.client.get(f"/api/v1/complaints/{road['tracking_no']}", headers=world.chengguan)
    ).status_code == 200
    # Staff views mask personal data too.
    view = (
        await world.client.get(f"/api/v1/admin/complaints/{road['id']}", headers=world.chengguan)
    ).json()
    assert view["contact_phone"] == "138****5678"
    # Queues filter by status and overdue.
    await Complaint.filter(id=road["id"]).update(status="in_progress", reply_due="2026-01-05")
    items = (
        await world.client.get("/api/v1/admin/complaints?overdue=true", headers=world.admin)
    ).json()["items"]
    assert [c["id"] for c in items] == [road["id"]]


async def test_submit_validation(world):
    headers = {**world.resident, "Idempotency-Key": "validation-0001"}
    base = {
        "kind": "complaint",
        "category": "city.road",
        "content": "路灯不亮已经一周了，请尽快维修。",
    }
    for patch, field in (
        ({"kind": "praise"}, "kind"),
        ({"category": "nope"}, "category"),
        ({"content": "x" * 2001}, "content"),
        ({"images": list(range(10))}, "images"),
        ({"contact_phone": "12345"}, "contact_phone"),
        ({"lat": 91}, "lat"),
    ):
        r = await world.client.post("/api/v1/complaints", json={**base, **patch}, headers=headers)
        assert r.status_code in (400, 422), (patch, r.text)
        assert r.json()["error"]["field"] == field, r.text
        headers["Idempotency-Key"] += "x"
    no_key = await world.client.post("/api/v1/complaints", json=base, headers=world.resident)
    assert no_key.json()["error"]["code"] == "idempotency_key_required"


async def test_idempotent_submit_creates_one_case(world):
    body = {
        "kind": "suggestion",
        "category": "traffic.bus",
        "content": "建议增开长江镇到市人民医院的早班公交。",
    }
    headers = {**world.resident, "Idempotency-Key": "retry-submit-0001"}
    first = await world.client.post("/api/v1/complaints", json=body, headers=headers)
    again = await world.client.post("/api/v1/complaints", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert first.json()["tracking_no"] == again.json()["tracking_no"]
    assert await Complaint.all().count() == 1


async def test_rate_limit(world, submit, app):
    app.ctx.settings.complaints.submit_per_hour = 2
    await submit()
    await submit()
    r = await world.client.post(
        "/api/v1/complaints",
        json={
            "kind": "complaint",
            "category": "city.road",
            "content": "第三次提交的内容，应该被限流。",
        },
        headers={**world.resident, "Idempotency-Key": "rate-limit-0003"},
    )
    assert r.status_code == 429


async def test_risky_content_is_refused_with_a_clear_message(world):
    r = await world.client.post(
        "/api/v1/complaints",
        json={
            "kind": "complaint",
            "category": "other",
            "content": "有人在小区里组织赌博，每天晚上都有。",
        },
        headers={**world.resident, "Idempotency-Key": "risky-0001"},
    )
    assert r.status_code == 400
    assert (
        r.json()["error"]["code"] == "content_risky" and "违法违规" in r.json()["error"]["message"]
    )
    assert await Complaint.all().count() == 0


async def test_similar_cases_within_200_m(world, submit):
    near = await submit()
    await submit(lat=32.3800, lng=120.5662)  # ~1 km north
    await submit(is_public=False, lat=32.3714)  # private: never offered
    r = await world.client.get(
        "/api/v1/complaints/similar?category=city.road&lat=32.3720&lng=120.5662",
        headers=world.other_resident,
    )
    assert r.status_code == 200
    items = r.json()["items"]
    assert [i["tracking_no"] for i in items] == [near["tracking_no"]]
    assert 70 <= items[0]["distance_m"] <= 85
    assert "contact_phone" not in items[0]


async def test_categories_show_department_and_expected_reply(world):
    r = await world.client.get("/api/v1/complaint-categories")
    road = next(c for c in r.json()["items"] if c["code"] == "city.road")
    assert road["department_name"] == "如皋市城市管理局" and road["expected_reply_days"] == 5
    top = next(c for c in r.json()["items"] if c["code"] == "city")
    assert top["expected_reply_days"] == 5  # the configured default
    r = await world.client.patch(
        "/api/v1/admin/complaint-categories/city.road", json={"reply_days": 3}, headers=world.admin
    )
    assert r.status_code == 200
    assert (
        await world.client.patch(
            "/api/v1/admin/complaint-categories/city.road", json={}, headers=world.chengguan
        )
    ).status_code == 403


async def test_personal_data_not_logged(world, submit, caplog):
    # INFO is the production level (the ORM's own SQL tracing is DEBUG only).
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="zwgk")
    case = await submit(contact_phone="13912340000", contact_name="王秀英")
    await act(world, world.dispatcher, case["id"], "accept")
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "13912340000" not in text and "王秀英" not in text


async def test_numbers_beyond_32_bits_are_422_not_500(world, submit):
    # Found fuzzing the OpenAPI document: these reached the database and overflowed (500).
    r = await world.client.post(
        "/api/v1/complaints",
        json={
            "kind": "complaint",
            "category": "city.road",
            "content": "路面塌陷，请尽快处理。",
            "images": [2**63],
        },
        headers={**world.resident, "Idempotency-Key": "wide-image-id-0001"},
    )
    assert r.status_code == 422 and r.json()["error"]["field"] == "images.0", r.text
    r = await world.client.patch(
        "/api/v1/admin/complaint-categories/city.road",
        json={"sort_order": 2**31},
        headers=world.admin,
    )
    assert r.status_code == 422 and r.json()["error"]["field"] == "sort_order", r.text
    r = await world.client.post(
        "/api/v1/admin/complaint-categories",
        json={"code": "city.wide", "name": "测试分类", "sort_order": -(2**31) - 1},
        headers=world.admin,
    )
    assert r.status_code == 422 and r.json()["error"]["field"] == "sort_order", r.text
    case = await submit()
    await act(world, world.dispatcher, case["id"], "accept")
    r = await act(
        world,
        world.dispatcher,
        case["id"],
        "dispatch",
        mode="joint",
        department=world.depts["rgcgj"],
        co_departments=[10**20],
    )
    assert r.status_code == 422 and r.json()["error"]["field"] == "co_departments.0", r.text
