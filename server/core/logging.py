"""Logs: one JSON object per line in production, one short readable line in development.

Phone numbers, resident ID numbers, bearer tokens and WeChat secrets are removed by a
filter on every handler, so a careless ``log.info("%s", user_input)`` cannot leak them
(tracebacks included, in both formats).

Every logger (ours, Sanic's, arq's, Tortoise's) goes through the one handler of
:func:`configure_logging`, so each line is printed once. The format is
``logging.format`` when set; otherwise :func:`log_format` picks ``console`` for
``env = "development"`` (what ``zwgk up`` runs) and ``json`` everywhere else.

Periodic jobs that usually find nothing to do (:data:`QUIET_JOBS`, e.g. the outbox relay
every few seconds) would print two lines per run: arq's start and finish lines for them
are logged at DEBUG unless the job did work (a non-zero, non-empty result).
"""

from __future__ import annotations

import contextvars
import json
import logging
import os
import re
import sys
import warnings
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from server.config import Settings

#: The id of the request being served, set by the request-id middleware.
request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "zwgk_request_id", default=None
)

_REDACTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Resident ID numbers (GB 11643): 17 digits + digit or X.
    (re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)"), "[id-number]"),
    # Mainland mobile numbers, optionally with +86.
    (re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)"), "[phone]"),
    # Bearer tokens and token-like query parameters.
    (re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"), r"\1[token]"),
    (
        re.compile(r"(?i)((?:access_token|secret|session_key|js_code|code|password)=)[^&\s\"']+"),
        r"\1[redacted]",
    ),
)


def redact(text: str) -> str:
    """``text`` with personal data and credentials replaced by placeholders."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Renders the message once, redacts it, and attaches the current request id."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not kill logging
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.request_id = request_id_var.get()
        return True


#: arq jobs (function names) that run every few seconds, or on every commit, and mostly
#: find nothing to do: the outbox relay and its nudge, the push dispatcher, sweep and fan-out.
QUIET_JOBS: set[str] = {
    "relay_outbox",
    "relay_outbox_now",
    "push_dispatch",
    "push_sweep",
    "push_fanout",
}

# arq's job lines: "  0.50s → cron:relay_outbox()", "  0.00s ← cron:relay_outbox ● 0", and for
# enqueued jobs "  0.01s → 5f2c…:relay_outbox_now()" (the job id, a colon, the function).
_ARQ_JOB_LINE = re.compile(r"^\s*[\d.]+s (?P<arrow>[→←]) (?P<ref>[^\s(]+)(?P<rest>.*)$")
_IDLE_RESULTS = frozenset({"", "0", "None", "[]", "{}", "()", "False"})


def _did_nothing(result: str) -> bool:
    """An arq result as printed: ``0``, ``None``, empty, or a dict/list of zeros."""
    result = result.strip()
    if result in _IDLE_RESULTS:
        return True
    if result[:1] in "{[(" and result[-1:] in "}])":
        values = re.findall(
            r"(?:^|[:,\[(]\s*)(-?\d+(?:\.\d+)?|None|False|True)\s*(?=[,}\])])", result
        )
        return bool(values) and all(v in ("0", "0.0", "None", "False") for v in values)
    return False


class QuietJobsFilter(logging.Filter):
    """Demotes arq's start/finish lines of :data:`QUIET_JOBS` to DEBUG unless the job did
    work; failures and every other line pass unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name != "arq.worker" or record.levelno != logging.INFO:
            return True
        try:
            message = record.getMessage()
        except Exception:
            return True
        match = _ARQ_JOB_LINE.match(message)
        if match is None:
            return True
        job = match.group("ref").rsplit(":", 1)[-1].rsplit(".", 1)[-1]
        if job not in QUIET_JOBS:
            return True
        if match.group("arrow") == "←":
            rest = match.group("rest").strip()
            if not rest.startswith("●") or not _did_nothing(rest.removeprefix("●")):
                return True  # it did something: worth a line
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger().isEnabledFor(logging.DEBUG)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, request_id, extra fields."""

    _RESERVED = frozenset(vars(logging.makeLogRecord({})).keys()) | {"request_id", "message"}

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if getattr(record, "request_id", None):
            entry["request_id"] = getattr(record, "request_id", None)
        for key, value in record.__dict__.items():
            if key not in self._RESERVED and not key.startswith("_"):
                entry[key] = value if isinstance(value, (int, float, bool)) else redact(str(value))
        if record.exc_info:
            entry["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class ConsoleFormatter(logging.Formatter):
    """``07:11:43 api      INFO  sanic.server  Worker ready [30538]  (req 5f2c…)``: one
    line per record, the process (``$ZWGK_LOG_TAG``, set by ``zwgk up``) when known, the
    request id only when there is one, tracebacks redacted."""

    def __init__(self, tag: str | None = None) -> None:
        tag = tag if tag is not None else os.environ.get("ZWGK_LOG_TAG", "")
        prefix = f"%(asctime)s {tag:<8} " if tag else "%(asctime)s "
        super().__init__(prefix + "%(levelname)-5s %(name)s  %(message)s", "%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        request_id = getattr(record, "request_id", None)
        if request_id:
            first, newline, rest = line.partition("\n")
            line = f"{first}  (req {request_id}){newline}{rest}"
        return redact(line)

    def formatException(self, ei: Any) -> str:
        # Tracebacks quote exception messages (which may hold a phone number or a
        # token): redacted here as in the JSON format.
        return redact(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return redact(super().formatStack(stack_info))


def log_format(settings: Settings) -> str:
    """``logging.format`` if configured, else console in development and JSON otherwise."""
    if "format" in settings.logging.model_fields_set:
        return str(settings.logging.format)
    return "console" if settings.env == "development" else "json"


def configure_logging(level: str = "INFO", fmt: str = "json") -> None:
    """Route every logger (ours, Sanic's, arq's, Tortoise's) through one redacting handler."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(QuietJobsFilter())
    handler.addFilter(RedactingFilter())
    handler.setFormatter(JsonFormatter() if fmt == "json" else ConsoleFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in (
        "sanic.root",
        "sanic.error",
        "sanic.access",
        "sanic.server",
        "arq.worker",
        "tortoise",
        "tortoise.db_client",
    ):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
    # SQL statements carry personal data in their parameters.
    logging.getLogger("tortoise.db_client").setLevel("WARNING")
    # Tortoise says "Tortoise-ORM shutdown" at INFO on every close.
    logging.getLogger("tortoise").setLevel(max(logging.WARNING, root.level))
    # Domain packages whose models land later are listed in MODEL_MODULES already.
    warnings.filterwarnings(
        "ignore", message=r'Module "server\.\w+\.models" has no models', category=RuntimeWarning
    )
