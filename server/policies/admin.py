"""Back office for policies: create, edit, publish, withdraw, expire, attachments, trees."""

from __future__ import annotations

from pydantic import BaseModel, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json
from tortoise.exceptions import IntegrityError

from server.core.db import fetch_page
from server.core.errors import AppError, Conflict, NotFound
from server.core.idempotency import idempotent
from server.core.limits import UPLOAD, body_limit
from server.core.openapi import documented
from server.core.outbox_nudge import nudge
from server.core.permissions import Role, require
from server.core.requests import parse_body, parse_query
from server.core.routing import INT32_MAX
from server.policies import service
from server.policies.attachments import delete_attachment, store_attachment
from server.policies.models import Classification, Policy, Scheme
from server.policies.schemas import PolicyIn, PolicyPatch, StatusFilter
from server.policies.storage import LocalFileStorage

bp = Blueprint("admin_policies", url_prefix="/api/v1/admin")
_STAFF = (Role.STAFF, Role.ADMIN)


class ClassificationIn(BaseModel):
    scheme: str = Field(pattern=r"^(topic|category|issuer)$")
    code: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9.-]*$")
    name: str = Field(min_length=1, max_length=128)
    parent_code: str | None = Field(None, max_length=64)
    sort_order: int = Field(0, ge=-(2**31), le=2**31 - 1)


class ClassificationPatch(BaseModel):
    name: str | None = Field(None, min_length=1, max_length=128)
    sort_order: int | None = Field(None, ge=-(2**31), le=2**31 - 1)
    #: The version this edit was based on; a stale one is refused (409).
    version: int | None = Field(None, ge=1, le=2**31 - 1)


async def _after_write(request: Request) -> None:
    # The write recorded a policy change; the indexer follows it. An embedded indexer
    # (tests, one-process dev) applies it now, so the editor's next search shows it.
    indexer = request.app.ctx.indexer
    if indexer is not None:
        await indexer.catch_up()
    # The write committed: a worker relays its outbox event now, not at the next sweep.
    await nudge(request.app.ctx.redis)


@bp.get("/policies")
@require(*_STAFF)
@documented(
    summary="List policies (staff see their department's; admins all)",
    tag="admin-policies",
    query=StatusFilter,
)
async def list_policies(request: Request) -> HTTPResponse:
    params = parse_query(request, StatusFilter)
    principal = request.ctx.principal
    query = Policy.all()
    if not principal.has(Role.ADMIN):
        query = query.filter(department_id=principal.department_id)
    if params.status:
        query = query.filter(status=params.status.value)
    rows, total = await fetch_page(query, params.page, params.page_size, "-updated_at")
    items = [
        {
            "id": p.id,
            "title": p.title,
            "doc_number": p.doc_number,
            "status": p.status,
            "version": p.version,
            "updated_at": p.updated_at,
        }
        for p in rows
    ]
    return json({"items": items, "total": total})


@bp.post("/policies")
@require(*_STAFF)
@documented(summary="Create a draft policy", tag="admin-policies", body=PolicyIn, status=201)
@idempotent(required=False)
async def create(request: Request) -> HTTPResponse:
    data = parse_body(request, PolicyIn)
    policy = await service.create_policy(data, principal=request.ctx.principal)
    await _after_write(request)
    detail = await service.policy_detail(policy.id, request.ctx.principal)
    return json(detail, status=201)


@bp.get("/policies/<policy_id:int>")
@require(*_STAFF)
@documented(summary="A policy as staff see it (drafts included)", tag="admin-policies")
async def get(request: Request, policy_id: int) -> HTTPResponse:
    detail = await service.policy_detail(policy_id, request.ctx.principal)
    return json(detail)


@bp.patch("/policies/<policy_id:int>")
@require(*_STAFF)
@documented(
    summary="Edit a policy (a published one keeps a revision)",
    tag="admin-policies",
    body=PolicyPatch,
)
async def edit(request: Request, policy_id: int) -> HTTPResponse:
    patch = parse_body(request, PolicyPatch)
    await service.update_policy(policy_id, patch, principal=request.ctx.principal)
    await _after_write(request)
    detail = await service.policy_detail(policy_id, request.ctx.principal)
    return json(detail)


@bp.post("/policies/<policy_id:int>/<action:publish|withdraw|expire>")
@require(*_STAFF)
@documented(summary="Publish, withdraw or expire a policy", tag="admin-policies")
async def change_status(request: Request, policy_id: int, action: str) -> HTTPResponse:
    policy = await service.transition(policy_id, action, principal=request.ctx.principal)
    await _after_write(request)
    return json({"id": policy.id, "status": policy.status, "version": policy.version})


@bp.get("/policies/<policy_id:int>/revisions")
@require(*_STAFF)
@documented(summary="Edit history of a policy", tag="admin-policies")
async def history(request: Request, policy_id: int) -> HTTPResponse:
    rows = await service.revisions(policy_id, request.ctx.principal)
    return json({"items": rows})


@bp.post("/attachments")
@require(*_STAFF)
@body_limit(UPLOAD)
@documented(
    summary="Upload a file (multipart: file, purpose, policy_id)", tag="admin-policies", status=201
)
@idempotent(required=False)
async def upload(request: Request) -> HTTPResponse:
    upload = request.files.get("file") if request.files else None
    if upload is None:
        raise AppError("send the file as multipart/form-data field 'file'", field="file")
    purpose = (request.form.get("purpose") if request.form else None) or "attachment"
    raw_policy = request.form.get("policy_id") if request.form else None
    if raw_policy is not None and not (raw_policy.isascii() and raw_policy.isdigit()):
        raise AppError("policy_id must be a number", field="policy_id")
    if raw_policy is not None and int(raw_policy) > INT32_MAX:
        raise NotFound("no such policy")
    attachment = await store_attachment(
        LocalFileStorage(request.app.ctx.settings.paths.files_dir),
        policy_id=int(raw_policy) if raw_policy else None,
        purpose=purpose,
        filename=upload.name or "file",
        data=upload.body,
        principal=request.ctx.principal,
    )
    return json(
        {
            "id": attachment.id,
            "filename": attachment.filename,
            "content_type": attachment.content_type,
            "size": attachment.size,
            "url": f"/api/v1/attachments/{attachment.id}",
        },
        status=201,
    )


@bp.delete("/attachments/<attachment_id:int>")
@require(*_STAFF)
@documented(summary="Delete an attachment", tag="admin-policies")
async def remove_attachment(request: Request, attachment_id: int) -> HTTPResponse:
    await delete_attachment(
        LocalFileStorage(request.app.ctx.settings.paths.files_dir),
        attachment_id,
        request.ctx.principal,
    )
    return json({"ok": True})


@bp.post("/classifications")
@require(Role.ADMIN)
@documented(
    summary="Add a node to a classification tree",
    tag="admin-policies",
    body=ClassificationIn,
    status=201,
)
async def add_classification(request: Request) -> HTTPResponse:
    body = parse_body(request, ClassificationIn)
    if await Classification.exists(scheme=body.scheme, code=body.code):
        raise Conflict("this code exists in the tree", field="code")
    if body.parent_code and not await Classification.exists(
        scheme=body.scheme, code=body.parent_code
    ):
        raise AppError("unknown parent code", field="parent_code")
    try:
        node = await Classification.create(**body.model_dump())
    except IntegrityError:
        # Created concurrently between the check above and this insert.
        raise Conflict("this code exists in the tree", field="code") from None
    await _after_write(request)
    return json(
        {
            "id": node.id,
            "scheme": node.scheme,
            "code": node.code,
            "name": node.name,
            "parent_code": node.parent_code,
        },
        status=201,
    )


@bp.patch("/classifications/<scheme:str>/<code:str>")
@require(Role.ADMIN)
@documented(
    summary="Rename or reorder a classification node",
    tag="admin-policies",
    body=ClassificationPatch,
)
async def edit_classification(request: Request, scheme: str, code: str) -> HTTPResponse:
    body = parse_body(request, ClassificationPatch)
    # Checked before the lookup: a value longer than its column is no node (404), not a
    # database validation error (500, found by the API fuzzer).
    if scheme not in {s.value for s in Scheme} or len(code) > 64:
        raise NotFound("no such classification")
    node = await Classification.get_or_none(scheme=scheme, code=code)
    if node is None:
        raise NotFound("no such classification")
    expected = body.version if body.version is not None else node.version
    changes = body.model_dump(exclude_none=True, exclude={"version"})
    # Compare-and-set on the version: of two concurrent edits based on one version,
    # one wins and the other is told, instead of silently overwriting it.
    updated = await Classification.filter(id=node.id, version=expected).update(
        **changes, version=expected + 1
    )
    if not updated:
        raise Conflict(
            "the classification changed since you read it; reload and edit again",
            field="version",
            code="stale_version",
        )
    await node.refresh_from_db()
    await _after_write(request)
    return json(
        {
            "scheme": node.scheme,
            "code": node.code,
            "name": node.name,
            "sort_order": node.sort_order,
            "version": node.version,
        }
    )


# --------------------------------------------------------------------------- search quality


class SynonymsIn(BaseModel):
    """Every synonym group (replaces the current set): ``[["社保", "社会保险"], …]``."""

    groups: list[list[str]] = Field(max_length=500)


class MissesQuery(BaseModel):
    days: int = Field(30, ge=1, le=365)
    limit: int = Field(50, ge=1, le=200)


@bp.get("/search/synonyms")
@require(*_STAFF)
@documented(summary="Search synonyms and abbreviations (社保 ↔ 社会保险 …)", tag="admin-search")
async def get_synonyms(request: Request) -> HTTPResponse:
    from server.search.synonyms import load_groups

    return json({"groups": [list(g) for g in await load_groups()]})


@bp.put("/search/synonyms")
@require(Role.ADMIN)
@documented(
    summary="Replace the search synonyms (applied to searches at once on this process, "
    "within search.synonyms_refresh_seconds on the others)",
    tag="admin-search",
    body=SynonymsIn,
)
async def put_synonyms(request: Request) -> HTTPResponse:
    from server.search.synonyms import save_groups

    data = parse_body(request, SynonymsIn)
    groups = await save_groups(data.groups)
    request.app.ctx.synonyms.set(groups)
    return json({"groups": [list(g) for g in groups]})


@bp.get("/search/misses")
@require(*_STAFF)
@documented(
    summary="Searches that found nothing (what residents look for and do not find)",
    tag="admin-search",
    query=MissesQuery,
)
async def search_misses(request: Request) -> HTTPResponse:
    from server.search.hotwords import MISSES, top_terms

    params = parse_query(request, MissesQuery)
    ctx = request.app.ctx
    await ctx.hot_words.try_flush()
    items = await top_terms(ctx.redis, MISSES, params.days, params.limit)
    return json({"items": items, "days": params.days})


class BlockedTermsIn(BaseModel):
    """Every blocked hot word (replaces the current list): ``["某某", …]``."""

    terms: list[str] = Field(max_length=500)


@bp.get("/search/blocked-terms")
@require(Role.ADMIN)
@documented(summary="Terms blocked from the public hot-word list", tag="admin-search")
async def get_blocked_terms(request: Request) -> HTTPResponse:
    from server.search.blocked import load_blocked_terms

    return json(
        {
            "items": await load_blocked_terms(),
            "configured": sorted(request.app.ctx.settings.search.blocked_hot_words),
        }
    )


@bp.put("/search/blocked-terms")
@require(Role.ADMIN)
@documented(
    summary="Replace the blocked hot words (never counted, never shown; applied at once on "
    "this process, within search.synonyms_refresh_seconds on the others)",
    tag="admin-search",
    body=BlockedTermsIn,
)
async def put_blocked_terms(request: Request) -> HTTPResponse:
    from server.search.blocked import load_blocked_terms, save_blocked_terms

    data = parse_body(request, BlockedTermsIn)
    await save_blocked_terms(data.terms, request.ctx.principal.user_id)
    rows = await load_blocked_terms()
    request.app.ctx.hot_words.set_admin_blocked(str(r["term"]) for r in rows)
    return json({"items": rows})
