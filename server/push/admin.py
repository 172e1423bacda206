"""Staff API for pushes: delivery stats, reach, unreachable list, broadcasts (后台: 推送)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json
from tortoise import Tortoise

from server.core.db import placeholders
from server.core.errors import NotFound, ValidationFailed
from server.core.openapi import documented
from server.core.permissions import Role, require
from server.core.requests import parse_body
from server.push import broadcasts
from server.push.models import Broadcast, FailReason, PushIntent, PushStatus
from server.push.schemas import BroadcastIn, RetryIn

bp = Blueprint("admin_push", url_prefix="/api/v1/admin")

_UNREACHABLE = ("no_credit", "unreachable", "user_blocked")


def _int_arg(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValidationFailed(f"{name} must be an integer", field=name) from None
    if not low <= value <= high:
        raise ValidationFailed(f"{name} must be between {low} and {high}", field=name)
    return value


@bp.post("/broadcasts")
@require(Role.STAFF, Role.ADMIN)
@documented(
    summary="Send an emergency warning to regions", tag="push", body=BroadcastIn, status=202
)
async def create_broadcast(request: Request) -> HTTPResponse:
    body = parse_body(request, BroadcastIn)
    for code in body.regions:
        if not code.isdigit() or len(code) not in (2, 4, 6, 9, 12):
            raise ValidationFailed("regions are GB/T 2260 codes", field="regions")
    broadcast = await broadcasts.create_broadcast(
        kind=body.kind,
        regions=body.regions,
        title=body.title,
        content=body.content,
        level=body.level,
        created_by=request.ctx.principal.user_id,
    )
    return json(await broadcasts.progress(broadcast), status=202)


@bp.get("/broadcasts/<broadcast_id:int>")
@require(Role.STAFF, Role.ADMIN)
@documented(summary="Progress of a broadcast", tag="push")
async def get_broadcast(request: Request, broadcast_id: int) -> HTTPResponse:
    broadcast = await Broadcast.get_or_none(id=broadcast_id)
    if broadcast is None:
        raise NotFound("no such broadcast")
    return json(await broadcasts.progress(broadcast))


@bp.get("/pushes/stats")
@require(Role.STAFF, Role.ADMIN)
@documented(summary="Delivery stats by kind and day (China time)", tag="push")
async def stats(request: Request) -> HTTPResponse:
    days = _int_arg(request, "days", 7, 1, 90)
    since = datetime.now(UTC) - timedelta(days=days)
    conn = Tortoise.get_connection("default")
    rows = await conn.execute_query_dict(
        'SELECT "kind", "status", "reason", "created_at", "opened_at" FROM "push_intents" '
        f'WHERE "created_at" >= {placeholders(1)[0]} AND "status" <> \'expanded\'',
        [since],
    )
    from server.push.templates import CHINA

    table: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        created = row["created_at"]
        if isinstance(created, str):
            created = datetime.fromisoformat(created)
        if created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
        day = created.astimezone(CHINA).date().isoformat()
        entry = table.setdefault(
            (day, row["kind"]),
            {
                "day": day,
                "kind": row["kind"],
                "queued": 0,
                "sent": 0,
                "failed": {},
                "unreachable": 0,
                "opened": 0,
            },
        )
        status = row["status"]
        if status == PushStatus.SENT:
            entry["sent"] += 1
        elif status == PushStatus.FAILED:
            reason = str(row["reason"] or "unknown")
            entry["failed"][reason] = entry["failed"].get(reason, 0) + 1
            if reason in _UNREACHABLE:
                entry["unreachable"] += 1
        else:
            entry["queued"] += 1
        if row["opened_at"] is not None:
            entry["opened"] += 1
    items = sorted(table.values(), key=lambda e: (e["day"], e["kind"]), reverse=True)
    return json({"days": days, "items": items})


@bp.get("/pushes/reach")
@require(Role.STAFF, Role.ADMIN)
@documented(summary="Per-policy reach: matched, pushed, opened", tag="push")
async def reach(request: Request) -> HTTPResponse:
    policy_id = _int_arg(request, "policy_id", 0, 1, 2**63 - 1)
    base = PushIntent.filter(subject_type="policy", subject_id=str(policy_id)).exclude(
        status=PushStatus.EXPANDED
    )
    matched = await base.count()
    pushed = await base.filter(status=PushStatus.SENT).count()
    opened = await base.filter(opened_at__isnull=False).count()
    unreachable = await base.filter(status=PushStatus.FAILED, reason__in=_UNREACHABLE).count()
    return json(
        {
            "policy_id": policy_id,
            "matched": matched,
            "pushed": pushed,
            "opened": opened,
            "unreachable": unreachable,
        }
    )


def _intent_view(i: PushIntent) -> dict[str, Any]:
    return {
        "id": i.id,
        "kind": i.kind,
        "recipient_type": i.recipient_type,
        "recipient_id": i.recipient_id,
        "subject_type": i.subject_type,
        "subject_id": i.subject_id,
        "status": i.status,
        "reason": i.reason,
        "attempts": i.attempts,
        "created_at": i.created_at.isoformat(),
    }


@bp.get("/pushes/unreachable")
@require(Role.STAFF, Role.ADMIN)
@documented(summary="Recipients no message reached (for grid visits)", tag="push")
async def unreachable(request: Request) -> HTTPResponse:
    limit = _int_arg(request, "limit", 50, 1, 500)
    before = _int_arg(request, "before", 2**62, 1, 2**63 - 1)
    rows = (
        await PushIntent.filter(status=PushStatus.FAILED, reason__in=_UNREACHABLE, id__lt=before)
        .order_by("-id")
        .limit(limit)
    )
    return json({"items": [_intent_view(r) for r in rows]})


@bp.get("/pushes/dead-letters")
@require(Role.STAFF, Role.ADMIN)
@documented(summary="Pushes that failed after their retries or with an unknown outcome", tag="push")
async def dead_letters(request: Request) -> HTTPResponse:
    limit = _int_arg(request, "limit", 50, 1, 500)
    rows = (
        await PushIntent.filter(
            status=PushStatus.FAILED,
            reason__in=[FailReason.RETRIES_EXHAUSTED, FailReason.EXPIRED],
        )
        .order_by("-id")
        .limit(limit)
    )
    return json({"items": [_intent_view(r) for r in rows]})


@bp.post("/pushes/retry")
@require(Role.ADMIN)
@documented(summary="Queue dead-lettered pushes again", tag="push", body=RetryIn)
async def retry(request: Request) -> HTTPResponse:
    body = parse_body(request, RetryIn)
    query = PushIntent.filter(
        status=PushStatus.FAILED,
        reason__in=[FailReason.RETRIES_EXHAUSTED, FailReason.EXPIRED],
    )
    if body.ids:
        query = query.filter(id__in=body.ids)
    if body.kind:
        query = query.filter(kind=body.kind)
    count = await query.update(
        status=PushStatus.QUEUED, reason=None, attempts=0, next_attempt_at=datetime.now(UTC)
    )
    return json({"queued": count})
