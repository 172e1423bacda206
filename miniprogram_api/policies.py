"""政策查询: search, browse by classification, policy detail, attachments, hot words."""

from __future__ import annotations

import logging
from typing import Any

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, file, json, raw

from server.core.errors import NotFound
from server.core.jsonutil import dumps_bytes
from server.core.middleware import client_ip
from server.core.openapi import documented
from server.core.permissions import public
from server.core.requests import parse_query
from server.policies import service
from server.policies.attachments import readable_attachment
from server.policies.filetypes import content_disposition
from server.policies.schemas import BrowseParams, SearchPage, SearchParams, SuggestParams
from server.policies.storage import LocalFileStorage
from server.search import SearchEngine, SearchQuery, SearchUnavailable, hotwords, search_policies
from server.search import service as search_service
from server.search.analysis import normalize
from server.search.cache import CachedPage
from server.search.service import title_suggestions

bp = Blueprint("mp_policies", url_prefix="/api/v1")
log = logging.getLogger("zwgk.policies")

_LISTS = frozenset({"topic", "industry", "issuer", "stage", "category"})
#: Longest query string the result cache files as an alias (16,384 aliases at most).
_MAX_ALIAS_CHARS = 1024


def _cache_key(params: SearchParams, browse: bool) -> str:
    # The model's JSON (fields in declaration order, defaults filled in): equal searches
    # written differently share one entry. Built in Rust: this runs on every request.
    return ("b:" if browse else "s:") + params.model_dump_json()


async def _current_engine(request: Request) -> SearchEngine:
    """The engine, caught up first when this process is also the (embedded) indexer."""
    ctx = request.app.ctx
    if ctx.indexer is not None:
        await ctx.indexer.catch_up()
        ctx.search_engine.refresh(force=True)
    engine: SearchEngine = ctx.search_engine
    return engine


async def _run_search(request: Request, model: type[SearchParams], *, browse: bool) -> HTTPResponse:
    ctx = request.app.ctx
    settings = ctx.settings.search
    engine = await _current_engine(request)
    engine.refresh()  # pick up the indexer's last commit: the cache key names the generation
    cache = ctx.search_cache
    # A query string seen before is answered without parsing it again (see cache.peek).
    # Long ones are not filed: aliases are bounded by count, and their keys by this.
    qs = request.query_string
    alias = (("b?" if browse else "s?") + qs) if len(qs) <= _MAX_ALIAS_CHARS else None
    page = cache.peek(alias) if alias is not None and cache.enabled else None
    if page is None:
        params = parse_query(request, model, lists=_LISTS)

        async def compute() -> CachedPage:
            # Validation happens here, on a miss: a cached page is proof that its query
            # was valid, and a bad query raises (422, even while the index is being
            # built) before anything is cached.
            parsed = None if browse else search_service.parse(params.q, settings.max_query_length)
            if not engine.ready:
                raise SearchUnavailable("the search index is being built; try again in a minute")
            regions = service.region_scope(params.region) if params.region else None
            query = SearchQuery.from_params(
                params, regions, browse=browse, max_length=settings.max_query_length
            )
            result = search_policies(ctx, query, parsed=parsed)
            hot = None
            # Only first pages of searches count towards hot words: exact results as
            # found, nothing-at-all as a miss (0), related results not at all.
            if not browse and params.page == 1 and result.match != "related":
                hot = (params.q, result.total if result.match == "exact" else 0)
            return CachedPage(dumps_bytes(result.to_dict()), hot)

        if cache.enabled:
            page = await cache.get_or_compute(_cache_key(params, browse), compute, alias=alias)
        else:
            page = await compute()  # caching off: no key to build (~5 µs of JSON)
    if page.hot is not None:
        ctx.hot_words.add(page.hot[0], page.hot[1], client_ip(request))
    return raw(page.body, content_type="application/json")


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
    return await _run_search(request, SearchParams, browse=False)


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
    return await _run_search(request, BrowseParams, browse=True)


@bp.get("/policies/classifications")
@public
@documented(summary="Classification trees with policy counts", tag="policies", secured=False)
async def classifications(request: Request) -> HTTPResponse:
    engine = await _current_engine(request)
    counts = engine.facet_counts() if engine.ready else None  # facets from the engine
    return json(await service.classification_trees(counts))


@bp.get("/policies/hot-words")
@public
@documented(summary="Most searched terms (热词)", tag="policies", secured=False)
async def hot_words(request: Request) -> HTTPResponse:
    ctx = request.app.ctx
    settings = ctx.settings.search
    await ctx.hot_words.try_flush()  # this process's latest counts too (Redis may be down)
    # Blocked: the configured terms and the admin-edited ones (search_blocked_terms).
    words = await hotwords.hot_words(ctx.redis, settings.hot_words_days, 10, ctx.hot_words.blocked)
    return json({"items": words, "days": settings.hot_words_days})


@bp.get("/policies/suggestions")
@public
@documented(
    summary="Suggestions as the user types", tag="policies", query=SuggestParams, secured=False
)
async def suggestions(request: Request) -> HTTPResponse:
    params = parse_query(request, SuggestParams)
    ctx = request.app.ctx
    settings = ctx.settings.search
    search_service.parse(params.q, settings.max_query_length, prefix_last=True)
    # Hot words are stored normalized (NFKC, lower case): compare like with like.
    typed = normalize(params.q).strip()
    await ctx.hot_words.try_flush()
    hot = await hotwords.hot_words(ctx.redis, settings.hot_words_days, 50, ctx.hot_words.blocked)
    items: list[dict[str, Any]] = [
        {"text": h["term"], "kind": "hot"} for h in hot if h["term"].startswith(typed)
    ][: params.limit]
    engine = await _current_engine(request)
    if not engine.ready:
        return json({"items": items})
    for title in title_suggestions(ctx, params.q, params.limit, settings.max_query_length):
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
