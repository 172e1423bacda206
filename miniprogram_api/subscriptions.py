"""我要订阅: subscription grants, templates, topics, push opens."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from server.accounts.models import User
from server.core.errors import NotFound, ValidationFailed
from server.core.openapi import documented
from server.core.permissions import authenticated, public
from server.core.requests import parse_body
from server.push import ledger, topics
from server.push.models import PushIntent, SubscriptionCredit
from server.push.schemas import GrantsIn, TemplateSwitchIn, TopicsIn

bp = Blueprint("mp_subscriptions", url_prefix="/api/v1")

_CODE = re.compile(r"^[A-Za-z0-9_.\-]{1,32}$")


async def _openid(request: Request) -> tuple[int, str]:
    principal = request.ctx.principal
    user = await User.get_or_none(id=principal.user_id)
    if user is None or not user.openid:
        raise ValidationFailed("only WeChat users have subscriptions", code="not_wechat_user")
    return user.id, user.openid


@bp.get("/subscriptions/templates")
@public
@documented(summary="Template ids to request per push kind", tag="subscriptions", secured=False)
async def templates(request: Request) -> HTTPResponse:
    settings = request.app.ctx.settings.push
    items = [
        {
            "kind": kind,
            "template_id": t.template_id,
            "title": t.title,
            "long_term": t.long_term,
        }
        for kind, t in sorted(settings.templates.items())
    ]
    return json({"items": items, "max_per_request": 3})


@bp.post("/subscriptions/grants")
@authenticated
@documented(
    summary="Report what wx.requestSubscribeMessage answered", tag="subscriptions", body=GrantsIn
)
async def grants(request: Request) -> HTTPResponse:
    body = parse_body(request, GrantsIn)
    user_id, openid = await _openid(request)
    settings = request.app.ctx.settings.push
    applied = await ledger.report_grants(settings, user_id, openid, body.request_id, body.results)
    return json({"request_id": body.request_id, "applied": applied})


@bp.get("/subscriptions")
@authenticated
@documented(summary="What I am subscribed to (credits per template)", tag="subscriptions")
async def my_subscriptions(request: Request) -> HTTPResponse:
    _, openid = await _openid(request)
    settings = request.app.ctx.settings.push
    rows = {r.template_id: r for r in await SubscriptionCredit.filter(openid=openid)}
    items = []
    seen: set[str] = set()
    for _, t in sorted(settings.templates.items()):
        if t.template_id in seen:
            continue
        seen.add(t.template_id)
        row = rows.get(t.template_id)
        kinds = sorted(k for k, v in settings.templates.items() if v.template_id == t.template_id)
        status = row.status if row else ("accept" if t.long_term else "none")
        items.append(
            {
                "template_id": t.template_id,
                "title": t.title,
                "kinds": kinds,
                "long_term": t.long_term,
                "credits": row.credits if row else 0,
                "enabled": status == "accept",
                "status": status,
            }
        )
    return json({"items": items})


@bp.put("/subscriptions/settings")
@authenticated
@documented(summary="Turn a template on or off for me", tag="subscriptions", body=TemplateSwitchIn)
async def switch(request: Request) -> HTTPResponse:
    body = parse_body(request, TemplateSwitchIn)
    _, openid = await _openid(request)
    if body.template_id not in ledger.known_templates(request.app.ctx.settings.push):
        raise ValidationFailed("unknown template", field="template_id")
    await ledger.set_enabled(openid, body.template_id, enabled=body.enabled)
    return json({"template_id": body.template_id, "enabled": body.enabled})


@bp.get("/subscriptions/topics")
@authenticated
@documented(summary="My topic subscriptions (我要订阅)", tag="subscriptions")
async def get_topics(request: Request) -> HTTPResponse:
    return json(await topics.get_topics(request.ctx.principal.user_id))


@bp.put("/subscriptions/topics")
@authenticated
@documented(summary="Replace my topic subscriptions", tag="subscriptions", body=TopicsIn)
async def put_topics(request: Request) -> HTTPResponse:
    body = parse_body(request, TopicsIn)
    for name in ("topics", "categories", "regions"):
        for code in getattr(body, name):
            if not _CODE.match(code):
                raise ValidationFailed(f"invalid code {code[:32]!r}", field=name)
    for code in body.regions:
        if not code.isdigit() or len(code) not in (2, 4, 6, 9, 12):
            raise ValidationFailed("regions are GB/T 2260 codes", field="regions")
    await _check_codes(body)
    result = await topics.set_topics(
        request.ctx.principal.user_id, body.topics, body.categories, body.regions
    )
    return json(result)


async def _check_codes(body: TopicsIn) -> None:
    """Topic and category codes must be the policy library's."""
    from server.policies.taxonomy import category_codes, topic_codes

    for known, field_name in ((topic_codes(), "topics"), (category_codes(), "categories")):
        missing = sorted(set(getattr(body, field_name)) - known)
        if missing:
            raise ValidationFailed(f"unknown code {missing[0]!r}", field=field_name)


@bp.post("/pushes/<push_id:int>/opened")
@authenticated
@documented(summary="The user opened a pushed message", tag="subscriptions")
async def opened(request: Request, push_id: int) -> HTTPResponse:
    user_id = request.ctx.principal.user_id
    intent = await PushIntent.get_or_none(id=push_id, user_id=user_id)
    if intent is None:
        raise NotFound("no such push")
    if intent.opened_at is None:
        await PushIntent.filter(id=push_id, opened_at__isnull=True).update(
            opened_at=datetime.now(UTC)
        )
    return json({"id": push_id, "opened": True})
