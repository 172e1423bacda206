"""好差评: one rating per case per user, editable for 7 days, bad ratings open a
rectification with a return visit, appeals and exclusion; figures from the counters."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server.complaints import stats
from server.complaints.models import Rating, StatCounter
from server.push.models import PushIntent
from tests.complaints.conftest import act, closed_case

pytestmark = pytest.mark.asyncio


async def test_rate_once_edit_within_7_days(world, submit):
    case = await closed_case(world, submit)
    no = case["tracking_no"]
    url = f"/api/v1/complaints/{no}/rating"
    r = await world.client.put(
        url,
        json={"level": 5, "tags": ["办理及时"], "comment": "很快就修好了"},
        headers=world.resident,
    )
    assert r.status_code == 200, r.text
    assert r.json()["level_name"] == "非常满意" and r.json()["rectification"] is None
    r = await world.client.put(url, json={"level": 4}, headers=world.resident)
    assert r.json()["level"] == 4
    assert await Rating.filter(complaint_id=case["id"]).count() == 1
    # Only the submitter rates; others see nothing.
    assert (
        await world.client.put(url, json={"level": 1}, headers=world.other_resident)
    ).status_code == 404
    # After seven days the rating is locked.
    await Rating.filter(complaint_id=case["id"]).update(
        created_at=(await Rating.get(complaint_id=case["id"])).created_at - timedelta(days=8)
    )
    locked = await world.client.put(url, json={"level": 3}, headers=world.resident)
    assert locked.status_code == 409 and locked.json()["error"]["code"] == "rating_locked"
    figures = await stats.figures(None)
    assert figures["ratings_by_level"]["4"] == 1 and figures["ratings"] == 1


async def test_open_case_cannot_be_rated(world, submit):
    case = await submit()
    r = await world.client.put(
        f"/api/v1/complaints/{case['tracking_no']}/rating",
        json={"level": 5},
        headers=world.resident,
    )
    assert r.status_code == 409 and r.json()["error"]["code"] == "not_closed"


async def test_bad_rating_rectification_appeal_and_review(world, submit):
    case = await closed_case(world, submit)
    no = case["tracking_no"]
    r = await world.client.put(
        f"/api/v1/complaints/{no}/rating",
        json={"level": 1, "comment": "根本没修"},
        headers=world.resident,
    )
    rect = r.json()["rectification"]
    assert rect["status"] == "open" and rect["due"]

    # The department sees its ratings without the rater's identity.
    listed = (
        await world.client.get("/api/v1/admin/complaint-ratings", headers=world.chengguan)
    ).json()["items"]
    assert len(listed) == 1 and listed[0]["tracking_no"] == no
    assert "user_id" not in listed[0] and "user" not in str(listed[0])
    assert (
        await world.client.get("/api/v1/admin/complaint-ratings", headers=world.zhujian)
    ).json()["items"] == []

    tasks = (
        await world.client.get("/api/v1/admin/complaint-rectifications", headers=world.chengguan)
    ).json()["items"]
    rid = tasks[0]["id"]
    visit_first = await world.client.post(
        f"/api/v1/admin/complaint-rectifications/{rid}/visit",
        json={"text": "回访"},
        headers=world.chengguan,
    )
    assert visit_first.status_code == 409
    r = await world.client.post(
        f"/api/v1/admin/complaint-rectifications/{rid}/respond",
        json={"text": "已重新组织施工，更换全部破损砖块。"},
        headers=world.chengguan,
    )
    assert r.json()["status"] == "responded"
    r = await world.client.post(
        f"/api/v1/admin/complaint-rectifications/{rid}/visit",
        json={"text": "电话回访，群众认可"},
        headers=world.chengguan,
    )
    assert r.json()["status"] == "visited"
    mine = (
        await world.client.get(f"/api/v1/complaints/{no}/rating", headers=world.resident)
    ).json()
    assert mine["rectification"]["response"].startswith("已重新组织施工")
    assert await PushIntent.filter(subject_type="rating").count() == 1

    dept = world.depts["rgcgj"]
    assert (await stats.figures(dept))["ratings_by_level"]["1"] == 1
    rating_id = listed[0]["id"]
    r = await world.client.post(
        f"/api/v1/admin/complaint-ratings/{rating_id}/appeal",
        json={"reason": "该路段不属于本局养护范围"},
        headers=world.chengguan,
    )
    assert r.json()["appeal_status"] == "pending"
    again = await world.client.post(
        f"/api/v1/admin/complaint-ratings/{rating_id}/appeal",
        json={"reason": "再次申诉"},
        headers=world.chengguan,
    )
    assert again.status_code == 409
    staff_review = await world.client.post(
        f"/api/v1/admin/complaint-ratings/{rating_id}/review",
        json={"exclude": True, "note": "x"},
        headers=world.chengguan,
    )
    assert staff_review.status_code == 403
    r = await world.client.post(
        f"/api/v1/admin/complaint-ratings/{rating_id}/review",
        json={"exclude": True, "note": "经核实为误评，不计入统计"},
        headers=world.admin,
    )
    assert r.json()["excluded"] is True and r.json()["review_note"] == "经核实为误评，不计入统计"
    assert (await stats.figures(dept))["ratings"] == 0
    assert (await stats.figures(None))["ratings"] == 0


async def test_subject_ratings_and_figures_match_a_rebuild(world, submit):
    await closed_case(world, submit)
    await closed_case(world, submit, mode="immediate")
    open_case = await submit()
    await act(world, world.dispatcher, open_case["id"], "accept")
    r = await world.client.put(
        "/api/v1/ratings",
        json={"subject_type": "department", "subject_id": str(world.depts["rgcgj"]), "level": 3},
        headers=world.resident,
    )
    assert r.status_code == 200, r.text
    r = await world.client.put(
        "/api/v1/ratings",
        json={"subject_type": "service", "subject_id": "320682-BDC-001", "level": 2},
        headers=world.other_resident,
    )
    assert r.json()["rectification"] is not None
    bad = await world.client.put(
        "/api/v1/ratings",
        json={"subject_type": "department", "subject_id": "999999", "level": 3},
        headers=world.resident,
    )
    assert bad.status_code == 400

    public = (await world.client.get("/api/v1/complaint-stats")).json()
    overall = public["overall"]
    assert (
        overall["received"] == 3 and overall["completed"] == 2 and overall["answered_on_spot"] == 1
    )
    assert overall["on_spot_rate"] == round(1 / 3, 4)
    assert overall["on_time_rate"] == 1.0
    assert overall["ratings"] == 2 and overall["satisfaction_rate"] == 0.5
    assert "13812345678" not in str(public)
    depts = {d["department_id"]: d for d in public["departments"]}
    assert (
        depts[world.depts["rgcgj"]]["received"] == 1
        and depts[world.depts["rgzwgk"]]["answered_on_spot"] == 1
    )

    before = sorted(
        await StatCounter.all().values_list(
            "department_id",
            "month",
            "received",
            "on_spot",
            "completed",
            "on_time",
            "level2",
            "level3",
        )
    )
    await stats.rebuild()
    after = sorted(
        await StatCounter.all().values_list(
            "department_id",
            "month",
            "received",
            "on_spot",
            "completed",
            "on_time",
            "level2",
            "level3",
        )
    )
    assert before == after
    staff = await world.client.get(
        f"/api/v1/admin/complaint-stats?department={world.depts['rgcgj']}", headers=world.chengguan
    )
    assert staff.json()["overall"]["completed"] == 1
    assert (await world.client.get("/api/v1/complaint-stats?from=2026-13")).status_code == 422


async def test_a_department_id_that_is_no_number_or_too_wide_is_400_not_500(world):
    # Found fuzzing: "²" passed isdigit() but not int() (500), a 20-digit id overflowed the
    # database (500), and "٣" was taken for department 3.
    for n, subject_id in enumerate(["²", "٣", "99999999999999999999", "2147483648"]):
        r = await world.client.put(
            "/api/v1/ratings",
            json={"subject_type": "department", "subject_id": subject_id, "level": 3},
            headers={**world.resident, "Idempotency-Key": f"rate-wide-dept-{n:04d}"},
        )
        assert r.status_code == 400, (subject_id, r.text)
        assert r.json()["error"] == {
            "code": "bad_request",
            "message": "unknown department",
            "field": "subject_id",
        }
