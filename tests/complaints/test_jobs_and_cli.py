"""Cases from grid visits (outbox topic ``visit.problem_found``), the deadline cron, and
the commands: create-api-key / revoke-api-key, holidays, statistics rebuild."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from server.complaints.jobs import check_deadlines
from server.complaints.models import Complaint, ComplaintEvent
from server.core.clock import local_today
from server.core.outbox import OutboxEvent, record_event, relay_pending
from server.push.models import PushIntent
from tests.complaints.conftest import act
from tests.conftest import PG_URL
from tests.helpers import run_zwgk
from workers.complaints import EVENT_HANDLERS


async def test_problem_found_opens_one_case_per_visit(world):
    payload = {
        "visit_id": 7701,
        "household_id": "RG-320682-0001",
        "cell_code": "320682001-03-02",
        "summary": "独居老人反映楼道灯坏了两个月，夜间上下楼困难。",
        "category": "lighting",
    }
    await record_event("visit.problem_found", "visit", 7701, payload)
    assert await relay_pending(EVENT_HANDLERS) == 1
    # The same fact delivered again (handlers must be idempotent).
    event = await OutboxEvent.get(topic="visit.problem_found")
    await EVENT_HANDLERS["visit.problem_found"][0](event)
    cases = await Complaint.filter(source="grid")
    assert len(cases) == 1
    case = cases[0]
    assert case.external_key == "visit:7701" and case.cell_code == "320682001-03-02"
    assert case.status == "submitted" and case.user_id is None
    notes = await ComplaintEvent.filter(complaint_id=case.id, internal=True).values_list(
        "note", flat=True
    )
    assert any("7701" in n for n in notes)
    # Unknown categories land in "other"; an empty summary is ignored.
    await record_event(
        "visit.problem_found", "visit", 7702, {**payload, "visit_id": 7702, "category": "???"}
    )
    await record_event(
        "visit.problem_found", "visit", 7703, {**payload, "visit_id": 7703, "summary": ""}
    )
    assert await relay_pending(EVENT_HANDLERS) == 2
    assert await Complaint.filter(source="grid").count() == 2


async def test_deadline_warning_and_escalation(world, submit, app):
    late = await submit()
    soon = await submit()
    fresh = await submit()
    for case in (late, soon, fresh):
        await act(world, world.dispatcher, case["id"], "accept")
        await act(
            world,
            world.dispatcher,
            case["id"],
            "dispatch",
            mode="transfer",
            department=world.depts["rgcgj"],
        )
    today = local_today()
    await Complaint.filter(id=late["id"]).update(reply_due=date(2026, 1, 5))
    # Four of five days gone: 80%.
    await Complaint.filter(id=soon["id"]).update(
        reply_due=today + timedelta(days=1),
        accepted_at=datetime.now(UTC) - timedelta(days=4, hours=1),
    )
    result = await check_deadlines(app.ctx.settings.complaints)
    assert result == {"warned": 1, "escalated": 1}
    assert (await Complaint.get(id=late["id"])).escalated
    assert (await Complaint.get(id=soon["id"])).warned
    assert not (await Complaint.get(id=fresh["id"])).warned
    assert await check_deadlines(app.ctx.settings.complaints) == {"warned": 0, "escalated": 0}
    pushes = await PushIntent.filter(dedup_key__contains=":deadline:").count()
    assert pushes == 2  # one 城管局 staff warned, one admin told of the escalation
    # Internal events: residents never see them.
    view = (
        await world.client.get(f"/api/v1/complaints/{late['tracking_no']}", headers=world.resident)
    ).json()
    assert "escalate" not in [e["action"] for e in view["timeline"]]


@pytest.mark.skipif(bool(PG_URL), reason="the commands run against their own SQLite file")
def test_commands(tmp_path):
    assert run_zwgk(tmp_path, "migrate").returncode == 0
    r = run_zwgk(tmp_path, "create-api-key", "--name", "数字城管")
    assert r.returncode == 0, r.stderr
    key = r.stdout.strip().rsplit(" ", 1)[1]
    assert key.startswith("o311_")
    assert run_zwgk(tmp_path, "revoke-api-key", "数字城管").returncode == 0
    assert run_zwgk(tmp_path, "revoke-api-key", "数字城管").returncode == 1
    r = run_zwgk(tmp_path, "complaints-seed")
    assert r.returncode == 0 and "departments" in r.stdout
    r = run_zwgk(tmp_path, "complaints-load-holidays", "2026")
    assert r.returncode == 0 and "make-up" in r.stdout, r.stderr
    r = run_zwgk(tmp_path, "complaints-load-holidays", "2099")
    assert r.returncode == 2 and "does not know 2099" in r.stderr
    days = tmp_path / "2099.json"
    days.write_text('[{"date": "2099-01-01", "kind": "holiday", "name": "元旦"}]', encoding="utf-8")
    r = run_zwgk(tmp_path, "complaints-load-holidays", "2099", "--file", str(days))
    assert r.returncode == 0 and "1 holidays" in r.stdout, r.stderr
    r = run_zwgk(tmp_path, "complaints-rebuild-stats")
    assert r.returncode == 0 and "rebuilt" in r.stdout
