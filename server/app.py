"""The application factory: ``create_app(settings) -> Sanic``.

No I/O happens at import or in the factory: listeners open the database, Redis and the
WeChat client in each worker process and keep them on the typed :class:`AppContext`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import redis.asyncio as aioredis
from sanic import Sanic
from sanic.config import Config
from sanic_ext import Extend
from sanic_ext.extensions.openapi.extension import OpenAPIExtension

from server.accounts.service import LoginLimits
from server.accounts.sessions import SessionStore
from server.config import Settings
from server.core.db import close_db, init_db, migrate
from server.core.errors import register_error_handlers
from server.core.jsonutil import dumps_bytes
from server.core.limits import LimitedRequest, register_body_limits
from server.core.logging import configure_logging, log_format
from server.core.middleware import register_middleware
from server.core.routing import register_patterns
from server.search.cache import CachedPage, SearchCache
from server.search.engine import SearchEngine, set_current
from server.search.hotwords import HotWordCounter
from server.search.indexer import Indexer
from server.search.snippets import prepare as prepare_snippets
from server.search.synonyms import Synonyms, prepare_segmenter
from server.wechat import WeChatGateway


class AppContext:
    """Per-process resources, opened in ``before_server_start`` and closed after stop."""

    settings: Settings
    redis: aioredis.Redis
    sessions: SessionStore
    wechat: WeChatGateway
    search_cache: SearchCache[CachedPage]
    hot_words: HotWordCounter
    login_limits: LoginLimits
    search_engine: SearchEngine
    synonyms: Synonyms
    #: The in-process index writer when ``search.indexer == "embedded"``, else None.
    indexer: Indexer | None
    #: Set by tests and the CLI when the schema is managed elsewhere.
    run_migrations: bool

    def __init__(self, settings: Settings, run_migrations: bool) -> None:
        self.settings = settings
        self.run_migrations = run_migrations


App = Sanic[Config, AppContext]


def redis_url(settings: Settings) -> str:
    """The Redis URL, resolving ``"embedded"`` to the socket ``zwgk up`` starts in var/."""
    if settings.redis.url == "embedded":
        return f"unix://{(settings.paths.var_dir / 'redis.sock').resolve()}"
    return settings.redis.url


def create_app(settings: Settings, *, name: str = "zwgk", run_migrations: bool = True) -> App:
    """Build the API application for ``settings``."""
    # Sanic's own logging setup would add its handlers next to ours (every line twice).
    app: App = Sanic(
        name,
        ctx=AppContext(settings, run_migrations),
        dumps=dumps_bytes,
        configure_logging=False,
        request_class=LimitedRequest,
    )
    app.config.FALLBACK_ERROR_FORMAT = "json"
    # <x:int> only matches ids that fit their column (32-bit), <x:int64> 64-bit ones:
    # registered before any route so every blueprint gets the bounded types.
    register_patterns(app.router)
    app.config.OAS_UI_DEFAULT = "swagger"
    app.config.OAS_URL_PREFIX = "/docs"
    app.config.OAS_TITLE = "zwgk API"
    app.config.OAS_VERSION = "1"
    app.config.OAS_DESCRIPTION = "政务公开 mini-program and back-office API."
    app.config.HTTP_AUTO_OPTIONS = False
    app.config.HTTP_AUTO_HEAD = False
    app.config.HTTP_AUTO_TRACE = False
    app.config.CORS = False
    app.config.ACCESS_LOG = False
    # Of sanic-ext we use only the OpenAPI document. Its dependency injection (which we do
    # not use) listens on a routing signal, and one registered signal stops Sanic from
    # compiling the per-request signal dispatch away: ~10 % of a cached search's CPU.
    app.config.AUTO_EXTEND = False
    Extend(app, built_in_extensions=False, extensions=[OpenAPIExtension])
    app.config.MOTD = False
    if settings.env == "test":
        # TouchUp rewrites methods on the Sanic class itself; with several apps in one
        # test process the second rewrite fails, so tests run without it.
        app.config.TOUCHUP = False

    register_error_handlers(app)
    register_middleware(app)
    register_body_limits(app)  # sets REQUEST_MAX_SIZE to the largest route limit
    _register_blueprints(app)
    _register_listeners(app)
    return app


def _register_blueprints(app: App) -> None:
    from miniprogram_api import blueprints as miniprogram_blueprints
    from server.admin import blueprints as admin_blueprints
    from server.complaints.open311 import bp as open311_bp
    from server.core.health import bp as health_bp
    from server.wechat.events import callback_blueprint

    app.blueprint(health_bp)
    for bp in miniprogram_blueprints():
        app.blueprint(bp)
    for bp in admin_blueprints():
        app.blueprint(bp)
    app.blueprint(open311_bp)
    app.blueprint(callback_blueprint(app.ctx.settings))


async def _until_cancelled(work: Coroutine[Any, Any, None]) -> None:
    """Run a background loop; being cancelled at shutdown is its normal end (Sanic would
    otherwise warn that the task "was cancelled before it completed")."""
    with contextlib.suppress(asyncio.CancelledError):
        await work


def _register_listeners(app: App) -> None:
    @app.main_process_start
    async def apply_migrations(app: App) -> None:
        # One-off work belongs here: Sanic workers are spawned and would race.
        if app.ctx.run_migrations:
            await migrate(app.ctx.settings.database)

    @app.before_server_start
    async def open_resources(app: App) -> None:
        settings = app.ctx.settings
        configure_logging(settings.logging.level, log_format(settings))
        await init_db(settings.database)
        app.ctx.redis = aioredis.from_url(redis_url(settings))  # type: ignore[no-untyped-call]
        app.ctx.sessions = SessionStore(app.ctx.redis, settings.security.secret_key)
        await _open_search(app)
        security = settings.security
        app.ctx.login_limits = LoginLimits(
            per_account_address=security.login_attempts,
            per_account=security.login_account_attempts,
            per_address=security.login_address_attempts,
            window_seconds=security.login_window_seconds,
            max_concurrent=security.login_max_concurrent,
            queue_seconds=security.login_queue_seconds,
        )
        app.ctx.wechat = WeChatGateway(
            base_url=settings.wechat.resolved_base_url,
            appid=settings.wechat.appid,
            secret=settings.wechat.secret,
            redis=app.ctx.redis,
            timeout=settings.wechat.timeout_seconds,
        )

    @app.after_server_start
    async def start_background_tasks(app: App) -> None:
        app.add_task(_until_cancelled(app.ctx.hot_words.flush_forever()), name="hot_words_flush")
        app.add_task(_until_cancelled(_refresh_synonyms_forever(app)), name="search_synonyms")
        if app.ctx.indexer is not None:
            app.add_task(_until_cancelled(app.ctx.indexer.run_forever()), name="search_indexer")

    @app.before_server_stop
    async def flush_counts(app: App) -> None:
        await app.cancel_task("hot_words_flush", raise_exception=False)
        await app.cancel_task("search_synonyms", raise_exception=False)
        if app.ctx.indexer is not None:
            await app.cancel_task("search_indexer", raise_exception=False)
        try:
            await app.ctx.hot_words.flush()
        except Exception:  # shutting down: losing a few counts beats hanging
            logging.getLogger("zwgk").warning("hot words not flushed at shutdown")

    @app.after_server_stop
    async def close_resources(app: App) -> None:
        if app.ctx.indexer is not None:
            app.ctx.indexer.close()
        await app.ctx.wechat.aclose()
        await app.ctx.redis.aclose()
        await close_db()


def search_root(settings: Settings) -> Path:
    """This host's index directory."""
    return settings.search.index_dir or settings.paths.var_dir / "search"


async def _open_search(app: App) -> None:
    """The read side (every process) and, when embedded, the writer too."""
    settings = app.ctx.settings
    root = search_root(settings)
    root.mkdir(parents=True, exist_ok=True)
    engine = SearchEngine(root)
    app.ctx.search_engine = engine
    synonyms = Synonyms()
    app.ctx.synonyms = synonyms
    app.ctx.search_cache = SearchCache[CachedPage](
        lambda: f"{engine.generation}|{synonyms.version}", settings.search.cache_seconds
    )
    app.ctx.hot_words = HotWordCounter(
        app.ctx.redis,
        settings.search.hot_words_days,
        settings.search.blocked_hot_words,
        per_client_hour=settings.search.hot_words_per_client_hour,
    )
    await _load_synonyms(app)
    app.ctx.indexer = None
    if settings.search.indexer == "embedded":
        indexer = Indexer(root, on_commit=lambda: engine.refresh(force=True))
        await indexer.ensure()
        await indexer.catch_up()
        app.ctx.indexer = indexer
    engine.refresh(force=True)
    set_current(engine, app.ctx.synonyms)
    await asyncio.to_thread(prepare_snippets)
    await asyncio.to_thread(prepare_segmenter)  # the first zero-result search would wait


async def _load_synonyms(app: App) -> None:
    from server.search.synonyms import load_groups

    try:
        app.ctx.synonyms.set(await load_groups())
    except Exception:
        logging.getLogger("zwgk.search").warning("synonyms not loaded", exc_info=True)
    await _load_blocked_terms(app)


async def _load_blocked_terms(app: App) -> None:
    """The admin-blocked hot words (same refresh loop as the synonyms)."""
    from server.search.blocked import load_blocked_terms

    try:
        rows = await load_blocked_terms()
        app.ctx.hot_words.set_admin_blocked(str(r["term"]) for r in rows)
    except Exception:
        logging.getLogger("zwgk.search").warning("blocked hot words not loaded", exc_info=True)


async def _refresh_synonyms_forever(app: App) -> None:
    import asyncio

    while True:
        await asyncio.sleep(app.ctx.settings.search.synonyms_refresh_seconds)
        await _load_synonyms(app)
