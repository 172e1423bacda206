"""政策查询: search, browse by classification, policy detail, attachments, hot words."""

from __future__ import annotations

import logging
from typing import Any

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, file, json, raw

from server.core.errors import NotFound
from server.core.jsonutil import dumps
from server.core.openapi import documented
from server.core.permissions import public
from server.core.requests import parse_query
from server.policies import search_index, search_text, service
from server.policies.attachments import readable_attachment
from server.policies.filetypes import content_disposition
from server.policies.schemas import BrowseParams, SearchPage, SearchParams, SuggestParams
from server.policies.storage import LocalFileStorage

bp = Blueprint("mp_policies", url_prefix="/api/v1")
log = logging.getLogger("zwgk.policies")

_LISTS = frozenset({"topic", "industry", "issuer", "stage", "category"})


async def _run_search(request: Request, params: SearchParams, *, browse: bool) -> HTTPResponse:
    ctx = request.app.ctx
    settings = ctx.settings.search
    pq = None if browse else search_index.parse(params.q, settings.max_query_length)
    key = ("b:" if browse else "s:") + search_index.cache_key(params)

    async def compute() -> tuple[str, int]:
        region_codes = service.region_scope(params.region) if params.region else None
        result = await search_index.search(
            params, pq=pq, region_codes=region_codes, statuses=[params.status]
        )
        body = dumps(
            {
                "items": result.items,
                "total": result.total,
                "page": params.page,
                "page_size": params.page_size,
            }
        )
        return body, result.total

    cached, total = await ctx.search_cache.get_or_compute(key, compute)
    if not browse and params.page == 1:
        ctx.hot_words.add(params.q, total)
    return raw(cached, content_type="application/json")


@bp.get("/policies/search")
@public
@documented(
    summary="Search policies (Chinese full text, document numbers, filters)",
    tag="policies",
    query=SearchParams,
    response=SearchPage,
    secured=False,
)
async def search(request: Request) -> HTTPResponse:
    params = parse_query(request, SearchParams, lists=_LISTS)
    return await _run_search(request, params, browse=False)


@bp.get("/policies")
@public
@documented(
    summary="Browse policies by classification, newest first",
    tag="policies",
    query=BrowseParams,
    response=SearchPage,
    secured=False,
)
async def browse(request: Request) -> HTTPResponse:
    params = parse_query(request, BrowseParams, lists=_LISTS)
    return await _run_search(request, params, browse=True)


@bp.get("/policies/classifications")
@public
@documented(summary="Classification trees with policy counts", tag="policies", secured=False)
async def classifications(request: Request) -> HTTPResponse:
    return json(await service.classification_trees())


@bp.get("/policies/hot-words")
@public
@documented(summary="Most searched terms (热词)", tag="policies", secured=False)
async def hot_words(request: Request) -> HTTPResponse:
    settings = request.app.ctx.settings.search
    await request.app.ctx.hot_words.flush()  # this process's latest counts too
    words = await search_index.hot_words(request.app.ctx.redis, settings.hot_words_days, 10)
    return json({"items": words, "days": settings.hot_words_days})


@bp.get("/policies/suggestions")
@public
@documented(
    summary="Suggestions as the user types", tag="policies", query=SuggestParams, secured=False
)
async def suggestions(request: Request) -> HTTPResponse:
    params = parse_query(request, SuggestParams)
    ctx = request.app.ctx
    pq = search_index.parse(params.q, ctx.settings.search.max_query_length, prefix_last=True)
    # Hot words are stored normalized (NFKC, lower case): compare like with like.
    typed = search_text.normalize(params.q).strip()
    await ctx.hot_words.flush()
    hot = await search_index.hot_words(ctx.redis, ctx.settings.search.hot_words_days, 50)
    items: list[dict[str, Any]] = [
        {"text": h["term"], "kind": "hot"} for h in hot if h["term"].startswith(typed)
    ][: params.limit]
    for title in await search_index.title_suggestions(pq, params.limit):
        if len(items) >= params.limit:
            break
        items.append({"text": title["text"], "kind": "policy", "policy_id": title["policy_id"]})
    return json({"items": items})


@bp.get("/policies/<policy_id:int>")
@public
@documented(
    summary="A policy: full text, summary, illustrated version, glossary, Q&A, guide",
    tag="policies",
    secured=False,
)
async def detail(request: Request, policy_id: int) -> HTTPResponse:
    data = await service.policy_detail(policy_id, request.ctx.principal)
    return json(data)


@bp.get("/attachments/<attachment_id:int>")
@public
@documented(
    summary="Download an attachment, illustration or material sample",
    tag="policies",
    secured=False,
    content_type="application/octet-stream",
)
async def download(request: Request, attachment_id: int) -> HTTPResponse:
    attachment = await readable_attachment(attachment_id, request.ctx.principal)
    # A policy can be withdrawn at any time: no shared (CDN/proxy) caching of its files,
    # and a short private lifetime so a withdrawal takes effect within minutes.
    cache = "private, no-store" if request.ctx.principal is not None else "private, max-age=300"
    storage = LocalFileStorage(request.app.ctx.settings.paths.files_dir)
    headers = {
        "Content-Disposition": content_disposition(attachment.filename),
        "Cache-Control": cache,
    }
    path = storage.local_path(attachment.storage_key)
    try:
        if path is not None:
            return await file(path, mime_type=attachment.content_type, headers=headers)
        data = await storage.read(attachment.storage_key)
    except FileNotFoundError:
        # The row outlived its file (a restore without var/files): say so, do not 500.
        log.error("attachment %s: stored file %s is missing", attachment.id, attachment.storage_key)
        raise NotFound("the file of this attachment is missing", code="file_missing") from None
    return raw(data, content_type=attachment.content_type, headers=headers)
