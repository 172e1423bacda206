"""我的企业: binding, profile, matched policies and near misses."""

from __future__ import annotations

from datetime import UTC, datetime

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from server.core.errors import Forbidden, NotFound, ValidationFailed
from server.core.openapi import documented
from server.core.permissions import Role, authenticated, require
from server.core.requests import parse_body, parse_query
from server.enterprises import matching, service
from server.enterprises.models import EnterpriseContact, EnterpriseMatch, PolicyEligibility
from server.enterprises.rules import EligibilityRule
from server.enterprises.schemas import AnswerIn, BindIn, CorrectionIn, PolicyFinder
from server.policies.industries import is_valid_industry
from server.search import SearchQuery, search_policies

bp = Blueprint("mp_enterprise", url_prefix="/api/v1")


@bp.post("/enterprise/bind")
@authenticated
@documented(
    summary="Bind my enterprise (at once when credit code, name and legal representative "
    "agree with the registry; otherwise staff approve)",
    tag="enterprise",
    body=BindIn,
)
async def bind(request: Request) -> HTTPResponse:
    data = parse_body(request, BindIn)
    principal = request.ctx.principal
    if principal.session_kind != "wechat":
        raise Forbidden("enterprises are bound from the mini-program")
    result = await service.bind(principal.user_id, data.uscc, data.name, data.legal_representative)
    return json(result, status=200 if result["status"] == "approved" else 202)


@bp.get("/enterprise")
@require(Role.ENTERPRISE)
@documented(summary="My enterprise (legal representative masked)", tag="enterprise")
async def me(request: Request) -> HTTPResponse:
    enterprise = await service.my_enterprise(request.ctx.principal)
    return json(service.profile(enterprise))


@bp.get("/enterprise/matches")
@require(Role.ENTERPRISE)
@documented(
    summary="Policies my enterprise qualifies for, with reasons, soonest deadline first",
    tag="enterprise",
)
async def my_matches(request: Request) -> HTTPResponse:
    enterprise = await service.my_enterprise(request.ctx.principal)
    return json({"items": await matching.enterprise_matches(enterprise.id, near_miss=False)})


@bp.get("/enterprise/near-misses")
@require(Role.ENTERPRISE)
@documented(summary="Policies my enterprise misses by one condition (差一项)", tag="enterprise")
async def my_near_misses(request: Request) -> HTTPResponse:
    enterprise = await service.my_enterprise(request.ctx.principal)
    return json({"items": await matching.enterprise_matches(enterprise.id, near_miss=True)})


@bp.post("/enterprise/matches/<policy_id:int>/answer")
@require(Role.ENTERPRISE)
@documented(
    summary="Answer a match: applied (已申报), receiving (已享受), not interested (不感兴趣)",
    tag="enterprise",
    body=AnswerIn,
)
async def answer(request: Request, policy_id: int) -> HTTPResponse:
    data = parse_body(request, AnswerIn)
    enterprise = await service.my_enterprise(request.ctx.principal)
    match = await EnterpriseMatch.get_or_none(
        enterprise_id=enterprise.id, policy_id=service.check_id(policy_id, "match"), active=True
    )
    if match is None:
        raise NotFound("no such match")
    match.answer = data.answer
    match.answered_at = datetime.now(UTC)
    await match.save(update_fields=["answer", "answered_at", "updated_at"])
    return json({"policy_id": policy_id, "answer": match.answer})


@bp.get("/enterprise/contacts")
@require(Role.ENTERPRISE)
@documented(summary="The contacts of my enterprise (names masked)", tag="enterprise")
async def contacts(request: Request) -> HTTPResponse:
    enterprise = await service.my_enterprise(request.ctx.principal)
    return json({"items": await service.contacts_of(enterprise.id)})


@bp.delete("/enterprise/contacts/<contact_id:int>")
@require(Role.ENTERPRISE)
@documented(
    summary="Remove a contact (the legal representative removes anyone, others themselves)",
    tag="enterprise",
)
async def remove_contact(request: Request, contact_id: int) -> HTTPResponse:
    principal = request.ctx.principal
    enterprise = await service.my_enterprise(principal)
    mine = await EnterpriseContact.get(
        enterprise_id=enterprise.id, user_id=principal.user_id, status="approved"
    )
    target = await EnterpriseContact.get_or_none(
        id=service.check_id(contact_id, "contact"), enterprise_id=enterprise.id
    )
    if target is None:
        raise NotFound("no such contact")
    if target.id != mine.id and mine.role != "legal_representative":
        raise Forbidden("only the legal representative removes other contacts")
    await service.remove_contact(enterprise.id, contact_id)
    return json({"removed": contact_id})


@bp.post("/enterprise/corrections")
@require(Role.ENTERPRISE)
@documented(
    summary="Ask staff to correct my enterprise's profile",
    tag="enterprise",
    body=CorrectionIn,
    status=202,
)
async def correction(request: Request) -> HTTPResponse:
    data = parse_body(request, CorrectionIn)
    enterprise = await service.my_enterprise(request.ctx.principal)
    changes = data.changes.model_dump(exclude_none=True, mode="json")
    if not changes:
        raise ValidationFailed("nothing to correct", field="changes")
    if "industry" in changes and not is_valid_industry(changes["industry"]):
        raise ValidationFailed("unknown GB/T 4754 industry code", field="changes.industry")
    tags = set(await service.known_tags())
    if any(t not in tags for t in changes.get("tags", [])):
        raise ValidationFailed("unknown qualification tag", field="changes.tags")
    row = await service.request_correction(
        enterprise, request.ctx.principal.user_id, changes, data.note
    )
    return json({"id": row.id, "status": row.status}, status=202)


@bp.get("/enterprise/policies")
@require(Role.ENTERPRISE, Role.RESIDENT)
@documented(
    summary="Find enterprise policies by industry, enterprise type and category",
    tag="enterprise",
    query=PolicyFinder,
)
async def find_policies(request: Request) -> HTTPResponse:
    params = parse_query(request, PolicyFinder, lists=frozenset({"industry", "category"}))
    # The search engine answers (filters are indexed fields); the rule check below only
    # narrows the page by enterprise type.
    query = SearchQuery(
        q=params.q or "",
        industry=tuple(params.industry or ()),
        category=tuple(params.category or ()),
        audience="enterprises",
        page=params.page,
        page_size=params.page_size,
        max_length=request.app.ctx.settings.search.max_query_length,
    )
    result = search_policies(request.app.ctx, query)
    items = list(result.items)
    if params.nature or params.size:
        # Enterprise type: drop policies whose rule excludes this nature or size.
        ids = [int(i["id"]) for i in items]
        rules = {
            r.policy_id: EligibilityRule.model_validate(r.rule)
            for r in await PolicyEligibility.filter(policy_id__in=ids)
        }

        def fits(pid: int) -> bool:
            rule = rules.get(pid)
            if rule is None:
                return True
            if params.nature and rule.natures and params.nature not in rule.natures:
                return False
            return not (params.size and rule.sizes and params.size not in rule.sizes)

        items = [i for i in items if fits(int(i["id"]))]
    return json(
        {"items": items, "total": result.total, "page": params.page, "page_size": params.page_size}
    )
