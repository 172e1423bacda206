"""The case state machine: every transition checked, recorded and (if public) pushed.

::

    held ──approve──▶ submitted ──accept──▶ accepted ──dispatch──▶ dispatched ──start──▶ in_progress
      └──reject──▶ rejected ◀──reject──┘        ▲  (立即办 goes straight to in_progress)      │
                                               └──────────── return (退单) ◀───────────────┤
    in_progress ──reply──▶ replied ──visit/feedback(resolved)──▶ closed
                              └──visit/feedback(not resolved, first time)──▶ in_progress (reopened)
    submitted/accepted/dispatched/in_progress ──suspend──▶ suspended ──resume──▶ (back)
    any open state ──merge──▶ merged

Who may act: "dispatch" actions need the dispatch department or an admin; "handle" actions
the lead department (or the dispatcher / admin); ``feedback`` is the submitter's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from server.accounts.models import Department
from server.complaints import stats
from server.complaints.deadlines import load_calendar
from server.complaints.models import (
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    Mode,
    Status,
)
from server.complaints.schemas import ActionIn
from server.complaints.service import (
    OPEN_STATUSES,
    STATUS_NAMES,
    co_departments_text,
    dispatch_department_id,
    is_assigned,
    is_dispatcher,
    visible_case,
)
from server.config import ComplaintSettings
from server.core.clock import CHINA, local_now
from server.core.errors import AppError, Conflict, Forbidden, NotFound
from server.core.permissions import Principal, Role
from server.push.intents import queue_push

S = Status


@dataclass(frozen=True)
class Rule:
    sources: frozenset[Status]
    who: str  # dispatch | handle | submitter | any_staff
    needs_note: bool = False


RULES: dict[str, Rule] = {
    "approve": Rule(frozenset({S.HELD}), "dispatch"),
    "accept": Rule(frozenset({S.SUBMITTED}), "dispatch"),
    "reject": Rule(frozenset({S.HELD, S.SUBMITTED}), "dispatch", needs_note=True),
    "dispatch": Rule(frozenset({S.ACCEPTED}), "dispatch"),
    "start": Rule(frozenset({S.DISPATCHED}), "handle"),
    "return": Rule(frozenset({S.DISPATCHED, S.IN_PROGRESS}), "handle", needs_note=True),
    "reply": Rule(frozenset({S.IN_PROGRESS}), "handle"),
    "visit": Rule(frozenset({S.REPLIED}), "handle"),
    "feedback": Rule(frozenset({S.REPLIED}), "submitter"),
    "suspend": Rule(
        frozenset({S.SUBMITTED, S.ACCEPTED, S.DISPATCHED, S.IN_PROGRESS}), "handle", True
    ),
    "resume": Rule(frozenset({S.SUSPENDED}), "handle"),
    "merge": Rule(frozenset(s for s in OPEN_STATUSES if s != S.REPLIED), "dispatch"),
    "note": Rule(frozenset(S), "any_staff", needs_note=True),
}
ACTIONS = tuple(RULES)


def _check_actor(rule: Rule, principal: Principal, case: Complaint, dispatch: int | None) -> None:
    if rule.who == "submitter":
        if case.user_id != principal.user_id:
            raise Forbidden("only the person who filed the case may do this")
        return
    if not principal.has(Role.STAFF, Role.ADMIN):
        raise Forbidden("only staff may do this")
    if rule.who == "dispatch" and not is_dispatcher(principal, dispatch):
        raise Forbidden("only the dispatch centre may do this")
    if rule.who == "handle" and not (
        is_assigned(principal, case) or is_dispatcher(principal, dispatch)
    ):
        raise Forbidden("only the handling department may do this")


async def perform(
    principal: Principal,
    settings: ComplaintSettings,
    case_id: int,
    action: str,
    data: ActionIn,
    *,
    tracking_no: str | None = None,
) -> Complaint:
    """Run ``action`` on a case the principal can see; raises 409 for an illegal transition."""
    rule = RULES.get(action)
    if rule is None:
        raise NotFound("no such action")
    if tracking_no is not None:
        case = await visible_case(principal, settings, tracking_no=tracking_no)
    else:
        case = await visible_case(principal, settings, case_id=case_id)
    dispatch = await dispatch_department_id(settings)
    _check_actor(rule, principal, case, dispatch)
    if Status(case.status) not in rule.sources:
        raise Conflict(
            f"cannot {action} a case that is {STATUS_NAMES[Status(case.status)]}",
            field="status",
            code="illegal_transition",
        )
    note = data.note.strip()
    if rule.needs_note and not note:
        raise AppError("a reason is required", field="note", code="reason_required")
    async with in_transaction() as conn:
        # Re-read under the transaction and refuse if someone else moved it meanwhile.
        fresh = await Complaint.filter(id=case.id).using_db(conn).select_for_update().first()
        if fresh is None or fresh.status != case.status:
            raise Conflict("the case changed meanwhile; reload it", code="stale_case")
        case = fresh
        role = (
            "admin"
            if Role.ADMIN in principal.roles
            else ("staff" if Role.STAFF in principal.roles else "resident")
        )
        handler = _HANDLERS[action]
        before = case.status
        note = await handler(case, data, note, principal, settings, conn)
        internal = action == "note" and data.internal
        event = await ComplaintEvent.create(
            complaint_id=case.id,
            action=action,
            from_status=before,
            to_status=case.status,
            actor_id=principal.user_id,
            actor_role=role,
            note=note,
            internal=internal,
            using_db=conn,
        )
        await case.save(using_db=conn)
        if case.status != before:
            await _notify(case, event.id, conn)
    return case


async def _notify(case: Complaint, event_id: int, conn: BaseDBAsyncClient) -> None:
    if case.user_id is None:
        return
    data = {
        "tracking_no": case.tracking_no,
        "status": STATUS_NAMES[Status(case.status)],
        "time": local_now().strftime("%Y-%m-%d %H:%M"),
    }
    await queue_push(
        "complaint_progress",
        "user",
        case.user_id,
        "complaint",
        case.id,
        data,
        dedup_key=f"complaint:{case.id}:event:{event_id}",
        using_db=conn,
    )
    if case.status == Status.CLOSED:
        await queue_push(
            "rating_reminder",
            "user",
            case.user_id,
            "complaint",
            case.id,
            {"tracking_no": case.tracking_no, "tip": "请对办理结果进行评价"},
            using_db=conn,
        )


# --------------------------------------------------------------------------- handlers

Handler = Any


async def _approve(case: Complaint, data: ActionIn, note: str, *_: Any) -> str:
    case.status = S.SUBMITTED
    return note or "内容审核通过"


async def _accept(
    case: Complaint, data: ActionIn, note: str, p: Principal, s: ComplaintSettings, conn: Any
) -> str:
    now = local_now()
    cal = await load_calendar(now.date())
    category = await ComplaintCategory.filter(id=case.category_id).using_db(conn).first()
    days = (category.reply_days if category else None) or s.reply_days
    reply = cal.add_working_days(now.date(), days)
    case.status = S.ACCEPTED
    case.accepted_at = now
    case.reply_due = reply.due
    case.deadline_info = {**case.deadline_info, "reply": reply.explain()}
    case.provisional = bool(case.provisional or reply.provisional)
    return note or "已受理"


async def _reject(case: Complaint, data: ActionIn, note: str, *_: Any) -> str:
    case.status = S.REJECTED
    case.closed_at = local_now()
    return note


async def _dispatch(
    case: Complaint, data: ActionIn, note: str, p: Principal, s: ComplaintSettings, conn: Any
) -> str:
    if data.mode is None:
        raise AppError("choose a handling mode", field="mode", code="mode_required")
    mode = data.mode
    # 立即办: the dispatch centre answers on the spot unless it names a department.
    default = p.department_id if mode == Mode.IMMEDIATE else None
    target = data.department or default or case.department_id
    if target is None:
        raise AppError("choose a department", field="department", code="department_required")
    if not await Department.filter(id=target).using_db(conn).exists():
        raise AppError("unknown department", field="department")
    co: list[int] = []
    if mode == Mode.JOINT:
        co = [d for d in data.co_departments if d != target]
        if not co:
            raise AppError("会商办 needs at least one co-department", field="co_departments")
        if await Department.filter(id__in=co).using_db(conn).count() != len(set(co)):
            raise AppError("unknown co-department", field="co_departments")
    elif data.co_departments:
        raise AppError("co-departments only apply to 会商办", field="co_departments")
    now = local_now()
    if mode == Mode.DEADLINE:
        if data.due is None or data.due < now.date():
            raise AppError("限期办 needs a due date from today on", field="due")
        cal = await load_calendar(now.date())
        days = cal.working_days_between(now.date(), data.due)
        case.reply_due = data.due
        case.deadline_info = {
            **case.deadline_info,
            "reply": {
                "start": now.date().isoformat(),
                "due": data.due.isoformat(),
                "working_days": days,
                "set_by": "限期办",
                "provisional": False,
            },
        }
    elif data.due is not None:
        raise AppError("a due date only applies to 限期办", field="due")
    case.mode = mode.value
    case.department_id = target
    case.co_departments = co_departments_text(co)
    case.dispatched_at = now
    case.status = S.IN_PROGRESS if mode == Mode.IMMEDIATE else S.DISPATCHED
    await stats.bump(conn, [target], stats.month_of(now), received=1)
    names = dict(
        await Department.filter(id__in=[target, *co]).using_db(conn).values_list("id", "name")
    )
    label = {"immediate": "立即办", "transfer": "转交办", "joint": "会商办", "deadline": "限期办"}
    text = f"{label[mode.value]}：{names.get(target, '')}"
    if co:
        text += "（协办：" + "、".join(names.get(d, "") for d in co) + "）"
    return text + (f"；{note}" if note else "")


async def _start(case: Complaint, *_: Any) -> str:
    case.status = S.IN_PROGRESS
    return "开始办理"


async def _return(case: Complaint, data: ActionIn, note: str, *_: Any) -> str:
    case.status = S.ACCEPTED
    case.mode = None
    case.co_departments = ","
    return note


async def _reply(case: Complaint, data: ActionIn, note: str, p: Any, s: Any, conn: Any) -> str:
    answer = data.answer.strip()
    if not answer:
        raise AppError("an answer is required", field="answer", code="answer_required")
    now = local_now()
    case.status = S.REPLIED
    case.answer = answer
    case.replied_at = now
    if case.mode == Mode.IMMEDIATE:
        await stats.bump(conn, [0, case.department_id or 0], stats.month_of(now), on_spot=1)
    return note or "已答复"


async def _visit(case: Complaint, data: ActionIn, note: str, p: Any, s: Any, conn: Any) -> str:
    if data.resolved is None:
        raise AppError("say whether the problem is resolved", field="resolved")
    return await _close_or_reopen(case, data.resolved, note, s, conn)


async def _close_or_reopen(
    case: Complaint, resolved: bool, note: str, s: ComplaintSettings, conn: Any
) -> str:
    now = local_now()
    if not resolved and case.reopen_count == 0:
        cal = await load_calendar(now.date())
        reply = cal.add_working_days(now.date(), s.reply_days)
        case.status = S.IN_PROGRESS
        case.reopen_count += 1
        case.resolved = False
        case.reply_due = reply.due
        case.deadline_info = {**case.deadline_info, "reply": reply.explain()}
        return note or "群众反映问题未解决，重新办理"
    case.status = S.CLOSED
    case.resolved = resolved
    case.closed_at = now
    on_time = bool(
        case.replied_at is not None
        and case.reply_due is not None
        and case.replied_at.astimezone(CHINA).date() <= case.reply_due
    )
    await stats.bump(
        conn,
        [0, case.department_id or 0],
        stats.month_of(now),
        completed=1,
        on_time=int(on_time),
    )
    return note or ("回访：已解决，办结" if resolved else "回访：未解决，办结")


async def _feedback(
    case: Complaint, data: ActionIn, note: str, p: Any, s: ComplaintSettings, conn: Any
) -> str:
    if data.resolved is None:
        raise AppError("say whether the problem is resolved", field="resolved")
    return await _close_or_reopen(case, data.resolved, note, s, conn)


async def _suspend(case: Complaint, data: ActionIn, note: str, *_: Any) -> str:
    case.suspended_from = case.status
    case.suspended_on = local_now().date()
    case.status = S.SUSPENDED
    return note


async def _resume(case: Complaint, data: ActionIn, note: str, *_: Any) -> str:
    today = local_now().date()
    start = case.suspended_on or today
    cal = await load_calendar(today)
    stopped = cal.working_days_between(start, today)
    back = Status(case.suspended_from or S.IN_PROGRESS)
    info = dict(case.deadline_info)
    stage = "accept" if back == S.SUBMITTED else "reply"
    due = case.accept_due if stage == "accept" else case.reply_due
    if due is not None and stopped:
        extended = cal.add_working_days(due, stopped)
        if stage == "accept":
            case.accept_due = extended.due
        else:
            case.reply_due = extended.due
        if stage in info and isinstance(info[stage], dict):
            info[stage] = {**info[stage], "due": extended.due.isoformat()}
        case.provisional = bool(case.provisional or extended.provisional)
    suspensions = list(info.get("suspensions", []))
    suspensions.append(
        {
            "from": start.isoformat(),
            "to": today.isoformat(),
            "working_days_stopped": stopped,
            "stage": stage,
        }
    )
    info["suspensions"] = suspensions
    case.deadline_info = info
    case.status = back
    case.suspended_from = None
    case.suspended_on = None
    return note or (f"材料已补充，恢复办理，期限顺延{stopped}个工作日")


async def _merge(case: Complaint, data: ActionIn, note: str, p: Any, s: Any, conn: Any) -> str:
    if not data.into:
        raise AppError("name the case to merge into", field="into")
    target = await Complaint.filter(tracking_no=data.into).using_db(conn).first()
    if target is None or target.id == case.id:
        raise AppError("unknown target case", field="into")
    if Status(target.status) not in OPEN_STATUSES or target.status == S.HELD:
        raise AppError("the target case is not open", field="into")
    case.status = S.MERGED
    case.merged_into_id = target.id
    case.closed_at = local_now()
    return f"与 {target.tracking_no} 为重复诉求，已合并办理" + (f"；{note}" if note else "")


async def _note(case: Complaint, data: ActionIn, note: str, *_: Any) -> str:
    return note


_HANDLERS: dict[str, Handler] = {
    "approve": _approve,
    "accept": _accept,
    "reject": _reject,
    "dispatch": _dispatch,
    "start": _start,
    "return": _return,
    "reply": _reply,
    "visit": _visit,
    "feedback": _feedback,
    "suspend": _suspend,
    "resume": _resume,
    "merge": _merge,
    "note": _note,
}
