"""Every transition of the case state machine, and every illegal one refused."""

from __future__ import annotations

import re

import pytest

from server.complaints.models import Complaint, ComplaintEvent, Status
from server.complaints.workflow import RULES
from server.push.models import PushIntent
from tests.complaints.conftest import act

pytestmark = pytest.mark.asyncio


async def test_happy_path_transfer_reply_visit_close(world, submit):
    case = await submit()
    assert re.fullmatch(r"TS\d{8}-\d{6}", case["tracking_no"])
    assert case["status"] == "submitted"
    assert case["contact_phone"] == "138****5678"
    assert case["contact_name"] == "张**"
    cid = case["id"]

    r = await act(world, world.dispatcher, cid, "accept")
    assert r.status_code == 200, r.text
    assert r.json()["deadlines"]["reply_due"] is not None
    r = await act(
        world, world.dispatcher, cid, "dispatch", mode="transfer", department=world.depts["rgcgj"]
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "dispatched" and r.json()["mode_name"] == "转交办"
    # Another department cannot handle it.
    assert (await act(world, world.zhujian, cid, "start")).status_code == 404
    assert (await act(world, world.chengguan, cid, "start")).json()["status"] == "in_progress"
    r = await act(
        world, world.chengguan, cid, "note", note="已联系施工单位，周五前修复", internal=True
    )
    assert r.status_code == 200
    r = await act(
        world, world.chengguan, cid, "reply", answer="已安排养护队更换破损砖块并清理积水。"
    )
    assert r.json()["status"] == "replied"

    no = case["tracking_no"]
    r = await world.client.post(
        f"/api/v1/complaints/{no}/feedback", json={"resolved": True}, headers=world.resident
    )
    assert r.status_code == 200, r.text
    view = r.json()
    assert view["status"] == "closed" and view["resolved"] is True
    actions = [e["action"] for e in view["timeline"]]
    assert actions == [
        "submit",
        "accept",
        "dispatch",
        "start",
        "reply",
        "feedback",
    ]  # internal note hidden
    assert all("actor_id" not in e for e in view["timeline"])

    staff_view = (
        await world.client.get(f"/api/v1/admin/complaints/{cid}", headers=world.chengguan)
    ).json()
    assert [e["action"] for e in staff_view["timeline"]].count("note") == 1

    kinds = await PushIntent.filter(subject_type="complaint", subject_id=str(cid)).values_list(
        "kind", flat=True
    )
    assert kinds.count("complaint_progress") == 5  # accept, dispatch, start, reply, close
    assert kinds.count("rating_reminder") == 1


async def test_immediate_joint_and_deadline_modes(world, submit):
    a = await submit()
    await act(world, world.dispatcher, a["id"], "accept")
    r = await act(world, world.dispatcher, a["id"], "dispatch", mode="immediate")
    assert r.json()["status"] == "in_progress"
    assert r.json()["department_id"] == world.depts["rgzwgk"]

    b = await submit()
    await act(world, world.dispatcher, b["id"], "accept")
    bad = await act(
        world, world.dispatcher, b["id"], "dispatch", mode="joint", department=world.depts["rgcgj"]
    )
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "co_departments"
    r = await act(
        world,
        world.dispatcher,
        b["id"],
        "dispatch",
        mode="joint",
        department=world.depts["rgcgj"],
        co_departments=[world.depts["rgzjj"]],
    )
    assert r.status_code == 200 and r.json()["co_department_ids"] == [world.depts["rgzjj"]]
    # The co-department sees it (queue and detail) but does not lead it.
    queue = (await world.client.get("/api/v1/admin/complaints", headers=world.zhujian)).json()[
        "items"
    ]
    assert [c["id"] for c in queue] == [b["id"]]
    assert (await act(world, world.zhujian, b["id"], "start")).status_code == 403
    assert (
        await act(world, world.zhujian, b["id"], "note", note="住建局意见：由物业负责")
    ).status_code == 200

    c = await submit()
    await act(world, world.dispatcher, c["id"], "accept")
    no_due = await act(
        world,
        world.dispatcher,
        c["id"],
        "dispatch",
        mode="deadline",
        department=world.depts["rgcgj"],
    )
    assert no_due.json()["error"]["field"] == "due"
    r = await act(
        world,
        world.dispatcher,
        c["id"],
        "dispatch",
        mode="deadline",
        department=world.depts["rgcgj"],
        due="2099-01-05",
    )
    assert r.json()["deadlines"]["reply_due"] == "2099-01-05"


async def test_return_merge_reject_and_reopen_once(world, submit):
    a = await submit()
    await act(world, world.dispatcher, a["id"], "accept")
    await act(
        world,
        world.dispatcher,
        a["id"],
        "dispatch",
        mode="transfer",
        department=world.depts["rgzjj"],
    )
    no_reason = await act(world, world.zhujian, a["id"], "return")
    assert no_reason.status_code == 400 and no_reason.json()["error"]["code"] == "reason_required"
    r = await act(
        world, world.zhujian, a["id"], "return", note="道路养护不属于住建局职责，请改派城管局"
    )
    assert r.json()["status"] == "accepted"
    r = await act(
        world,
        world.dispatcher,
        a["id"],
        "dispatch",
        mode="transfer",
        department=world.depts["rgcgj"],
    )
    assert r.json()["department_id"] == world.depts["rgcgj"]

    dup = await submit()
    r = await act(world, world.dispatcher, dup["id"], "merge", into=a["tracking_no"])
    assert r.json()["status"] == "merged" and r.json()["merged_into"] == a["tracking_no"]

    rej = await submit()
    assert (await act(world, world.dispatcher, rej["id"], "reject")).status_code == 400
    r = await act(
        world,
        world.dispatcher,
        rej["id"],
        "reject",
        note="不属于行政机关职责范围，建议通过司法途径解决",
    )
    assert r.json()["status"] == "rejected"

    # Reply, resident says not resolved: reopened once; the second "no" closes it.
    await act(world, world.chengguan, a["id"], "start")
    no_answer = await act(world, world.chengguan, a["id"], "reply")
    assert no_answer.json()["error"]["code"] == "answer_required"
    await act(world, world.chengguan, a["id"], "reply", answer="已修复")
    no = a["tracking_no"]
    r = await world.client.post(
        f"/api/v1/complaints/{no}/feedback", json={"resolved": False}, headers=world.resident
    )
    assert r.json()["status"] == "in_progress"
    await act(world, world.chengguan, a["id"], "reply", answer="已重新铺设并验收")
    # Someone else cannot answer the return visit for the resident.
    other = await world.client.post(
        f"/api/v1/complaints/{no}/feedback", json={"resolved": True}, headers=world.other_resident
    )
    assert other.status_code == 404
    r = await world.client.post(
        f"/api/v1/complaints/{no}/feedback", json={"resolved": False}, headers=world.resident
    )
    assert r.json()["status"] == "closed" and r.json()["resolved"] is False


_BODIES = {
    "dispatch": {"mode": "transfer"},
    "reply": {"answer": "答复内容"},
    "visit": {"resolved": True},
    "merge": {"into": "TS-none"},
}


@pytest.mark.parametrize("status", [s.value for s in Status])
async def test_every_illegal_transition_is_refused(world, submit, status):
    case = await submit()
    await Complaint.filter(id=case["id"]).update(status=status, department_id=world.depts["rgcgj"])
    before = await ComplaintEvent.filter(complaint_id=case["id"]).count()
    for action, rule in RULES.items():
        if Status(status) in rule.sources:
            continue
        body = {"note": "理由", **_BODIES.get(action, {})}
        if action == "feedback":
            r = await world.client.post(
                f"/api/v1/complaints/{case['tracking_no']}/feedback",
                json={"resolved": True},
                headers=world.resident,
            )
        else:
            r = await act(world, world.admin, case["id"], action, **body)
        assert r.status_code == 409, (status, action, r.text)
        assert r.json()["error"]["code"] == "illegal_transition"
    assert await ComplaintEvent.filter(complaint_id=case["id"]).count() == before
    assert (await Complaint.get(id=case["id"])).status == status


async def test_held_content_needs_approval(world, submit, emulator):
    case = await submit(content="楼下商铺天天在搞高额返利活动，吵得人睡不着，请管一管。")
    assert case["status"] == "held"
    assert (await act(world, world.chengguan, case["id"], "approve")).status_code == 403
    r = await act(world, world.dispatcher, case["id"], "approve")
    assert r.json()["status"] == "submitted"


async def test_unknown_action_and_ids(world):
    r = await world.client.post("/api/v1/admin/complaints/1/explode", json={}, headers=world.admin)
    assert r.status_code == 404
    r = await world.client.get("/api/v1/admin/complaints/99999999999", headers=world.admin)
    assert r.status_code == 404
    r = await world.client.get("/api/v1/admin/complaints/12345", headers=world.admin)
    assert r.status_code == 404
