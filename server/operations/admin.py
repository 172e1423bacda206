"""Admin API for the outbox (运维: 事件投递): list dead or pending events, re-drive them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from server.core.db import fetch_page
from server.core.errors import Conflict, NotFound
from server.core.openapi import documented
from server.core.outbox import (
    EventStatus,
    OutboxDelivery,
    OutboxEvent,
    retry_all_dead,
    retry_event,
)
from server.core.outbox_nudge import nudge
from server.core.permissions import Role, require
from server.core.requests import parse_query

bp = Blueprint("admin_outbox", url_prefix="/api/v1/admin/outbox")

#: Subjects whose id is personal data (a WeChat openid): masked in responses.
_PERSONAL_SUBJECTS = frozenset({"wechat_user"})


class OutboxFilter(BaseModel):
    status: EventStatus = EventStatus.DEAD
    topic: str | None = Field(None, max_length=64)
    subject_type: str | None = Field(None, max_length=32)
    subject_id: str | None = Field(None, max_length=64)
    page: int = Field(1, ge=1, le=1000)
    page_size: int = Field(20, ge=1, le=100)


def _mask(subject_type: str, subject_id: str) -> str:
    if subject_type not in _PERSONAL_SUBJECTS or len(subject_id) <= 6:
        return subject_id if subject_type not in _PERSONAL_SUBJECTS else "***"
    return f"{subject_id[:3]}***{subject_id[-3:]}"


def event_view(event: OutboxEvent, deliveries: list[OutboxDelivery]) -> dict[str, Any]:
    """An event as admins see it (no payload: it may carry personal data)."""
    return {
        "id": event.id,
        "topic": event.topic,
        "subject_type": event.subject_type,
        "subject_id": _mask(event.subject_type, event.subject_id),
        "status": event.status,
        "attempts": event.attempts,
        "last_error": event.last_error,
        "created_at": event.created_at,
        "next_attempt_at": event.next_attempt_at,
        "processed_at": event.processed_at,
        "deliveries": [
            {
                "handler": d.handler,
                "status": d.status,
                "attempts": d.attempts,
                "last_error": d.last_error,
            }
            for d in deliveries
        ],
    }


@bp.get("")
@require(Role.ADMIN)
@documented(
    summary="Outbox events by status (dead letters by default), with their deliveries",
    tag="admin-outbox",
    query=OutboxFilter,
)
async def list_events(request: Request) -> HTTPResponse:
    params = parse_query(request, OutboxFilter)
    query = OutboxEvent.filter(status=params.status.value)
    if params.topic:
        query = query.filter(topic=params.topic)
    if params.subject_type:
        query = query.filter(subject_type=params.subject_type)
    if params.subject_id:
        query = query.filter(subject_id=params.subject_id)
    rows, total = await fetch_page(query, params.page, params.page_size, "id")
    by_event: dict[int, list[OutboxDelivery]] = {}
    if rows:
        for d in await OutboxDelivery.filter(event_id__in=[e.id for e in rows]).order_by("id"):
            by_event.setdefault(d.event_id, []).append(d)
    items = [event_view(e, by_event.get(e.id, [])) for e in rows]
    return json({"items": items, "total": total})


@bp.post("/<event_id:int>/retry")
@require(Role.ADMIN)
@documented(summary="Re-drive one dead or backing-off event now", tag="admin-outbox")
async def retry_one(request: Request, event_id: int) -> HTTPResponse:
    event = await OutboxEvent.get_or_none(id=event_id)
    if event is None:
        raise NotFound("no such event")
    if event.status == EventStatus.DONE.value:
        raise Conflict("this event was already delivered", field="status")
    await retry_event(event_id)
    await nudge(request.app.ctx.redis)
    return json({"id": event_id, "status": EventStatus.PENDING.value})


@bp.post("/retry-dead")
@require(Role.ADMIN)
@documented(summary="Re-drive every dead event", tag="admin-outbox")
async def retry_dead(request: Request) -> HTTPResponse:
    count = await retry_all_dead()
    if count:
        await nudge(request.app.ctx.redis)
    return json({"retried": count})
