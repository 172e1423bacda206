"""Structured logs: one JSON object per line with the request id, personal data masked.

Phone numbers, resident ID numbers, bearer tokens and WeChat secrets are removed by a
filter on every handler, so a careless ``log.info("%s", user_input)`` cannot leak them.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any

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
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s [%(request_id)s] %(message)s")

    def formatException(self, ei: Any) -> str:
        # Tracebacks quote exception messages (which may hold a phone number or a
        # token): redacted here as in the JSON format.
        return redact(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return redact(super().formatStack(stack_info))


def configure_logging(level: str = "INFO", fmt: str = "json") -> None:
    """Route every logger (ours, Sanic's, arq's, Tortoise's) through one redacting handler."""
    handler = logging.StreamHandler(sys.stderr)
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
    logging.getLogger("httpx").setLevel("WARNING")
