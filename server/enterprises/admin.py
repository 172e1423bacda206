"""Staff API for enterprises, eligibility rules and matches (后台: 企业与惠企政策匹配)."""

from __future__ import annotations

from typing import Any

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json
from tortoise.expressions import Q

from server.core.db import fetch_page
from server.core.errors import NotFound
from server.core.openapi import documented
from server.core.permissions import Role, require
from server.core.requests import parse_body, parse_query
from server.enterprises import matching, service
from server.enterprises.models import (
    Enterprise,
    EnterpriseContact,
    EnterpriseCorrection,
    PolicyEligibilityRevision,
)
from server.enterprises.rules import validate_rule
from server.enterprises.schemas import MatchQuery, PageQuery, RuleIn, TagIn
from server.policies.models import Policy
from server.policies.service import require_editor

bp = Blueprint("admin_enterprises", url_prefix="/api/v1/admin")
_STAFF = (Role.STAFF, Role.ADMIN)


async def _policy(policy_id: int) -> Policy:
    policy = await Policy.get_or_none(id=service.check_id(policy_id, "policy"))
    if policy is None:
        raise NotFound("no such policy")
    return policy


# --------------------------------------------------------------------------- enterprises


@bp.get("/enterprises")
@require(*_STAFF)
@documented(summary="List enterprises (search by name or credit code)", tag="admin-enterprises")
async def list_enterprises(request: Request) -> HTTPResponse:
    params = parse_query(request, PageQuery)
    query = Enterprise.all()
    if params.q:
        query = query.filter(Q(name__icontains=params.q) | Q(uscc=params.q.strip().upper()))
    rows, total = await fetch_page(query, params.page, params.page_size, "id")
    return json({"items": [service.profile(e) for e in rows], "total": total})


@bp.get("/enterprises/<uscc:str>")
@require(*_STAFF)
@documented(summary="One enterprise (legal representative masked)", tag="admin-enterprises")
async def get_enterprise(request: Request, uscc: str) -> HTTPResponse:
    enterprise = await service.get_by_uscc(uscc)
    body = service.profile(enterprise)
    body["contacts"] = await service.contacts_of(enterprise.id)
    return json(body)


@bp.get("/enterprises/<uscc:str>/eligibility")
@require(*_STAFF)
@documented(
    summary="The enterprise against every published policy with a rule, evaluated now",
    tag="admin-enterprises",
)
async def enterprise_eligibility(request: Request, uscc: str) -> HTTPResponse:
    enterprise = await service.get_by_uscc(uscc)
    return json({"items": await matching.evaluate_now(enterprise)})


# --------------------------------------------------------------------------- rules


@bp.get("/policies/<policy_id:int>/eligibility")
@require(*_STAFF)
@documented(summary="The eligibility rule of a policy and its versions", tag="admin-enterprises")
async def get_rule(request: Request, policy_id: int) -> HTTPResponse:
    await _policy(policy_id)
    current = await service.get_rule(policy_id)
    revisions = await PolicyEligibilityRevision.filter(policy_id=policy_id).order_by("-version")
    return json(
        {
            "policy_id": policy_id,
            "rule": current.rule if current else None,
            "version": current.version if current else None,
            "revisions": [
                {
                    "version": r.version,
                    "rule": r.rule,
                    "editor_id": r.editor_id,
                    "created_at": r.created_at,
                }
                for r in revisions
            ],
        }
    )


@bp.put("/policies/<policy_id:int>/eligibility")
@require(*_STAFF)
@documented(
    summary="Save a policy's eligibility rule (validated; null removes it)",
    tag="admin-enterprises",
    body=RuleIn,
)
async def put_rule(request: Request, policy_id: int) -> HTTPResponse:
    data = parse_body(request, RuleIn)
    policy = await _policy(policy_id)
    require_editor(request.ctx.principal, policy)
    saved = await service.save_rule(
        policy_id, data.rule, editor_id=request.ctx.principal.user_id, field="rule"
    )
    return json(
        {
            "policy_id": policy_id,
            "rule": saved.rule if saved else None,
            "version": saved.version if saved else None,
        }
    )


@bp.post("/eligibility/preview")
@require(*_STAFF)
@documented(
    summary="Counts per outcome and a sample of 20 for a rule, before publishing",
    tag="admin-enterprises",
    body=RuleIn,
)
async def preview(request: Request) -> HTTPResponse:
    data = parse_body(request, RuleIn)
    rule = validate_rule(data.rule or {}, await service.known_tags(), prefix="rule")
    return json(await matching.preview(rule))


@bp.get("/policies/<policy_id:int>/matches")
@require(*_STAFF)
@documented(
    summary="Stored matches of a policy (eligible, near misses or unknown)",
    tag="admin-enterprises",
    query=MatchQuery,
)
async def policy_matches(request: Request, policy_id: int) -> HTTPResponse:
    params = parse_query(request, MatchQuery)
    await _policy(policy_id)
    return json(
        await matching.policy_matches(policy_id, params.kind, params.page, params.page_size)
    )


@bp.get("/policies/<policy_id:int>/match-stats")
@require(*_STAFF)
@documented(
    summary="Matches by region and industry; funnel matched → pushed → opened → applied",
    tag="admin-enterprises",
)
async def policy_stats(request: Request, policy_id: int) -> HTTPResponse:
    await _policy(policy_id)
    return json(await matching.policy_stats(policy_id))


# --------------------------------------------------------------------------- contacts


@bp.get("/enterprise-contacts")
@require(*_STAFF)
@documented(summary="Binding requests (default: waiting for approval)", tag="admin-enterprises")
async def list_contacts(request: Request) -> HTTPResponse:
    params = parse_query(request, PageQuery)
    query = EnterpriseContact.filter(status=params.status or "pending")
    rows, total = await fetch_page(query, params.page, params.page_size, "id")
    enterprises = {e.id: e for e in await Enterprise.filter(id__in=[r.enterprise_id for r in rows])}
    items: list[dict[str, Any]] = [
        {
            "id": r.id,
            "uscc": enterprises[r.enterprise_id].uscc,
            "enterprise": enterprises[r.enterprise_id].name,
            "role": r.role,
            "status": r.status,
            "created_at": r.created_at,
        }
        for r in rows
    ]
    return json({"items": items, "total": total})


@bp.post("/enterprise-contacts/<contact_id:int>/<action:approve|reject>")
@require(*_STAFF)
@documented(summary="Approve or reject a binding request", tag="admin-enterprises")
async def decide_contact(request: Request, contact_id: int, action: str) -> HTTPResponse:
    contact = await service.decide_contact(service.check_id(contact_id), action == "approve")
    return json({"id": contact.id, "status": contact.status})


@bp.get("/enterprise-corrections")
@require(*_STAFF)
@documented(summary="Profile corrections asked by contacts", tag="admin-enterprises")
async def list_corrections(request: Request) -> HTTPResponse:
    params = parse_query(request, PageQuery)
    query = EnterpriseCorrection.filter(status=params.status or "pending")
    rows, total = await fetch_page(query, params.page, params.page_size, "id")
    usccs = dict(
        await Enterprise.filter(id__in=[r.enterprise_id for r in rows]).values_list("id", "uscc")
    )
    items = [
        {
            "id": r.id,
            "uscc": usccs.get(r.enterprise_id),
            "changes": r.changes,
            "note": r.note,
            "status": r.status,
            "created_at": r.created_at,
        }
        for r in rows
    ]
    return json({"items": items, "total": total})


@bp.post("/enterprise-corrections/<correction_id:int>/<action:apply|reject>")
@require(*_STAFF)
@documented(summary="Apply or reject a profile correction", tag="admin-enterprises")
async def decide_correction(request: Request, correction_id: int, action: str) -> HTTPResponse:
    correction = await service.decide_correction(service.check_id(correction_id), action == "apply")
    return json({"id": correction.id, "status": correction.status})


# --------------------------------------------------------------------------- tags


@bp.get("/enterprise-tags")
@require(*_STAFF)
@documented(summary="The qualification tags (资质标签)", tag="admin-enterprises")
async def list_tags(request: Request) -> HTTPResponse:
    return json({"items": await service.known_tags()})


@bp.post("/enterprise-tags")
@require(Role.ADMIN)
@documented(summary="Add a qualification tag", tag="admin-enterprises", body=TagIn, status=201)
async def add_tag(request: Request) -> HTTPResponse:
    data = parse_body(request, TagIn)
    return json({"items": await service.add_tag(data.tag)}, status=201)


@bp.delete("/enterprise-tags/<tag:str>")
@require(Role.ADMIN)
@documented(summary="Remove a qualification tag", tag="admin-enterprises")
async def remove_tag(request: Request, tag: str) -> HTTPResponse:
    await service.remove_tag(tag)
    return json({"items": await service.known_tags()})
