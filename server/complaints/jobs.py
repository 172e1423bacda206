"""Background work of the complaints domain: cases from grid visits, deadline warnings."""

from __future__ import annotations

import logging
from typing import Any

from tortoise.transactions import in_transaction

from server.accounts.models import User
from server.complaints.models import Complaint, ComplaintCategory, ComplaintEvent, Kind
from server.complaints.schemas import SubmitIn
from server.complaints.service import create_case
from server.config import ComplaintSettings
from server.core.clock import CHINA, local_now
from server.push.intents import queue_push

log = logging.getLogger("zwgk.complaints.jobs")

#: Grid problem categories → complaint category codes (anything else: "other").
GRID_CATEGORIES = {
    "road": "city.road",
    "lighting": "city.lighting",
    "environment": "env.water",
    "noise": "env.noise",
    "property": "housing.property",
    "pension": "social.pension",
    "wage": "social.wage",
    "food": "market.food",
    "traffic": "traffic.bus",
}


async def case_from_visit(payload: dict[str, Any], settings: ComplaintSettings) -> Complaint | None:
    """Open a case for a problem a grid worker found (idempotent per visit)."""
    visit_id = payload.get("visit_id")
    summary = str(payload.get("summary") or "").strip()
    if visit_id is None or not summary:
        log.warning("visit.problem_found without visit_id or summary; ignored")
        return None
    key = f"visit:{visit_id}"
    existing = await Complaint.get_or_none(external_key=key)
    if existing is not None:
        return existing
    raw = str(payload.get("category") or "")
    code = (
        raw if await ComplaintCategory.exists(code=raw, active=True) else GRID_CATEGORIES.get(raw)
    )
    if code is None or not await ComplaintCategory.exists(code=code, active=True):
        code = "other"
    if not await ComplaintCategory.exists(code=code, active=True):
        log.warning("no complaint category %r to file visit %s under", code, visit_id)
        return None
    content = summary if len(summary) >= 5 else f"网格走访发现问题：{summary}"
    data = SubmitIn(
        kind=Kind.COMPLAINT,
        category=code,
        content=content[: settings.max_text_chars],
        address=str(payload.get("address") or "")[:200],
    )
    async with in_transaction() as conn:
        case = await create_case(
            data,
            settings,
            user_id=None,
            source="grid",
            external_key=key,
            cell_code=str(payload.get("cell_code") or "")[:64] or None,
            conn=conn,
        )
        await ComplaintEvent.create(
            complaint_id=case.id,
            action="note",
            actor_role="grid",
            note=f"网格员走访发现（走访记录 {visit_id}，住户 {payload.get('household_id', '')}）",
            internal=True,
            using_db=conn,
        )
    return case


async def check_deadlines(settings: ComplaintSettings) -> dict[str, int]:
    """Warn the department at ``warn_ratio`` of the time; escalate overdue cases to admins."""
    today = local_now().date()
    warned = escalated = 0
    active = ["accepted", "dispatched", "in_progress"]
    candidates = await Complaint.filter(
        status__in=active, reply_due__isnull=False, escalated=False
    ).limit(5000)
    admins: list[int] | None = None
    for case in candidates:
        assert case.reply_due is not None
        start = (case.accepted_at or case.submitted_at).astimezone(CHINA).date()
        total = max(1, (case.reply_due - start).days)
        elapsed = (today - start).days
        if today > case.reply_due:
            if admins is None:
                admins = [
                    u.id for u in await User.filter(is_active=True) if "admin" in (u.roles or [])
                ]
            async with in_transaction() as conn:
                n = (
                    await Complaint.filter(id=case.id, escalated=False)
                    .using_db(conn)
                    .update(escalated=True, warned=True)
                )
                if not n:
                    continue
                await ComplaintEvent.create(
                    complaint_id=case.id,
                    action="escalate",
                    actor_role="system",
                    note=f"已超过答复期限 {case.reply_due.isoformat()}，升级督办",
                    internal=True,
                    using_db=conn,
                )
                for uid in admins:
                    await _staff_push(uid, case, "已超期，升级督办", conn)
            escalated += 1
        elif not case.warned and elapsed >= settings.warn_ratio * total:
            staff = [
                u.id
                for u in await User.filter(department_id=case.department_id, is_active=True)
                if "staff" in (u.roles or [])
            ]
            async with in_transaction() as conn:
                n = (
                    await Complaint.filter(id=case.id, warned=False)
                    .using_db(conn)
                    .update(warned=True)
                )
                if not n:
                    continue
                await ComplaintEvent.create(
                    complaint_id=case.id,
                    action="warn",
                    actor_role="system",
                    note=f"即将到期（{case.reply_due.isoformat()}），请抓紧办理",
                    internal=True,
                    using_db=conn,
                )
                for uid in staff:
                    await _staff_push(uid, case, "即将到期", conn)
            warned += 1
    return {"warned": warned, "escalated": escalated}


async def _staff_push(user_id: int, case: Complaint, status: str, conn: Any) -> None:
    await queue_push(
        "complaint_progress",
        "user",
        user_id,
        "complaint",
        case.id,
        {
            "tracking_no": case.tracking_no,
            "status": status,
            "time": local_now().strftime("%Y-%m-%d %H:%M"),
        },
        dedup_key=f"complaint:{case.id}:deadline:{status}:{user_id}",
        using_db=conn,
    )
